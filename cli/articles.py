"""Reading an article file into an ArticleSubmitted event (CLI input handling)."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cli.errors import CliError
from cli.jsonl import LineError, parse_object, required_text
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


def problem(err: Any, names: dict[str, str] | None = None) -> str:
    """`field: message`, without pydantic's "Value error, " in front of our own messages;
    `names` renames fields for input that calls them otherwise."""
    where = ".".join(map(str, err["loc"]))
    where = (names or {}).get(where, where)
    message = str(err["msg"]).removeprefix("Value error, ")
    if message.startswith("article id ") or message.startswith(f"{where} "):
        return message
    return f"{where}: {message}"


def article_from_line(line: str) -> ArticleSubmitted:
    """A JSONL article line {"id","text","lang"?,"title"?,"outlet"?,"url"?,"published_at"?,
    "revision"?} as an event; LineError (with the id when known) when it is not one."""
    item, doc_id = parse_object(line)
    text = required_text(item, "text", doc_id)
    try:
        return ArticleSubmitted(
            article_id=doc_id,
            body=text,
            language=item.get("lang"),
            title=item.get("title"),
            outlet=item.get("outlet"),
            url=item.get("url"),
            published_at=item.get("published_at"),
            revision=item.get("revision", 1),
        )
    except ValidationError as exc:
        reasons = "; ".join(problem(e, _FIELDS) for e in exc.errors(include_url=False))
        raise LineError(f"invalid article: {reasons}", doc_id) from exc


# a JSONL line names the fields id/text/lang
_FIELDS = {"article_id": "id", "body": "text", "language": "lang"}
