"""Reading an article file into an ArticleSubmitted event (CLI input handling)."""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from cli.errors import CliError
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
