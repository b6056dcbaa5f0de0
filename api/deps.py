"""FastAPI dependencies shared by the routers: the database engine and the API key check."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Header, HTTPException, status
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import Engine

import storage.engine


class ApiKeySettings(BaseSettings):
    """VERIFY_API_KEY: the key that write requests must send as X-API-Key."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_", extra="ignore")

    api_key: str | None = None


def get_engine() -> Engine:
    return storage.engine.default_engine()


def require_api_key(x_api_key: Annotated[str | None, Header()] = None) -> None:
    """Writes need the X-API-Key header to equal VERIFY_API_KEY (compared in constant time)."""
    expected = ApiKeySettings().api_key
    if not expected:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, "writes are disabled: VERIFY_API_KEY is not set"
        )
    if x_api_key is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing X-API-Key header")
    if not hmac.compare_digest(x_api_key.encode(), expected.encode()):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong API key")
