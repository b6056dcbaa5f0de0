"""Reading an article file into an ArticleSubmitted event (CLI input handling)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cli.errors import CliError
from contracts.events import ArticleSubmitted
from contracts.input_rules import safe_article_id


def read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"cannot read {path}: {exc}") from exc


def article_from_file(
    path: str,
    *,
    article_id: str | None = None,
    language: str | None = None,
    revision: int = 1,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published_at: datetime | None = None,
) -> ArticleSubmitted:
    body = read_text(path)
    default_id = "stdin" if path == "-" else safe_article_id(Path(path).stem)
    try:
        return ArticleSubmitted(
            article_id=article_id or default_id,
            revision=revision,
            body=body,
            language=language,
            title=title,
            outlet=outlet,
            url=url,
            published_at=published_at,
        )
    except ValidationError as exc:
        err = exc.errors()[0]
        raise CliError(f"invalid article: {problem(err)}") from exc


def problem(err: Any) -> str:
    """`field: message`, without pydantic's "Value error, " in front of our own messages."""
    where = ".".join(map(str, err["loc"]))
    message = str(err["msg"]).removeprefix("Value error, ")
    if message.startswith("article id ") or message.startswith(f"{where} "):
        return message
    return f"{where}: {message}"

