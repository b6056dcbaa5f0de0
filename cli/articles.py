"""Reading an article file into an ArticleSubmitted event (CLI input handling)."""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from cli.errors import CliError
from cli.jsonl import LineError, parse_object, required_text
from contracts.events import ArticleSubmitted


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
    default_id = "stdin" if path == "-" else re.sub(r"[^\w.:\-/]+", "-", Path(path).stem)
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
        raise CliError(f"invalid article: {'.'.join(map(str, err['loc']))}: {err['msg']}") from exc


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
        reasons = "; ".join(
            f"{_field(e['loc'])}: {e['msg']}" for e in exc.errors(include_url=False)
        )
        raise LineError(f"invalid article: {reasons}", doc_id) from exc


_FIELDS = {"article_id": "id", "body": "text", "language": "lang"}


def _field(loc: tuple[int | str, ...]) -> str:
    """The input line's name for a model field (the line says id/text/lang)."""
    name = ".".join(map(str, loc))
    return _FIELDS.get(name, name)
