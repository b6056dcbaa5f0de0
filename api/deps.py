"""FastAPI dependencies shared by the routers: the database engine, API keys, article ids."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Path, status
from sqlalchemy.engine import Engine

import storage.engine
from api.access import AccessSettings, KeyConfigError, Scope, key_table
from contracts.input_rules import check_article_id


def get_engine() -> Engine:
    return storage.engine.default_engine()


def _require(scope: Scope, presented: str | None) -> None:
    settings = AccessSettings()
    if scope == "read" and settings.api_reads == "open":
        return
    try:
        table = key_table(settings)
    except KeyConfigError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, str(exc)) from None
    if not table:
        what = "writes are" if scope == "write" else "keyed reads are"
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            f"{what} disabled: no API key is set (VERIFY_API_KEY, VERIFY_API_KEYS or "
            "VERIFY_API_KEY_FILE; `make up` writes one to .run/api-key)",
        )
    if presented is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing X-API-Key header")
    scopes = table.scopes_of(presented)
    if not scopes:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong API key")
    if scope not in scopes:
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"this API key has no {scope} scope")


def require_api_key(x_api_key: Annotated[str | None, Header()] = None) -> None:
    """Writes need an X-API-Key with the write scope (compared in constant time)."""
    _require("write", x_api_key)


def require_read(x_api_key: Annotated[str | None, Header()] = None) -> None:
    """Reads are open unless VERIFY_API_READS=keyed; then they need a read or write key."""
    _require("read", x_api_key)


def article_id_path(article_id: Annotated[str, Path(max_length=1000)]) -> str:
    """The {article_id} path segment, held to the same rule as submitted ids (422 otherwise)."""
    try:
        return check_article_id(article_id)
    except ValueError as exc:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, str(exc)) from None


ArticleId = Annotated[str, Depends(article_id_path)]
EngineDep = Annotated[Engine, Depends(get_engine)]
WriteAccess = Depends(require_api_key)
ReadAccess = Depends(require_read)
