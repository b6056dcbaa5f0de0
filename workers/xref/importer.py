"""Reading archive imports: JSONL articles (ours or SaudiNewsNet's) and ClaimReview JSON.

`read_documents(path)` yields ArticleSubmitted / FactCheck items, or an ImportError_ for a
record that cannot be used (with its line or index), so one bad record never stops a file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pydantic import ValidationError

from contracts.events import ArticleSubmitted
from contracts.input_rules import safe_article_id, without_controls
from workers.xref.documents import FactCheck


@dataclass(frozen=True)
class BadRecord:
    where: str  # "line 12" or "item 3"
    error: str


Item = ArticleSubmitted | FactCheck | BadRecord


def read_documents(path: Path) -> Iterator[Item]:
    """Every record of an import file: JSON array/object of ClaimReviews, or JSON lines."""
    if not path.is_file():
        raise FileNotFoundError(f"import file not found: {path}")
    with path.open(encoding="utf-8") as fh:
        head = fh.read(4096).lstrip()
    if head.startswith("["):
        data = json.loads(path.read_text(encoding="utf-8"))
        for i, obj in enumerate(data):
            yield from _from_object(obj, f"item {i}")
        return
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield BadRecord(f"line {n}", f"invalid JSON: {exc.msg}")
                continue
            yield from _from_object(obj, f"line {n}")


def count_records(path: Path) -> int:
    """How many records the file holds (for the progress bar)."""
    with path.open(encoding="utf-8") as fh:
        head = fh.read(4096).lstrip()
    if head.startswith("["):
        data = json.loads(path.read_text(encoding="utf-8"))
        return len(data) if isinstance(data, list) else 1
    with path.open(encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


def _from_object(obj: Any, where: str) -> Iterator[Item]:
    if not isinstance(obj, dict):
        yield BadRecord(where, "record is not a JSON object")
        return
    try:
        if "claimReview" in obj:
            yield from claim_reviews(obj)
        else:
            yield article_from(obj)
    except (ValidationError, ValueError) as exc:
        yield BadRecord(where, _short(exc))


def claim_reviews(obj: dict[str, Any]) -> Iterator[FactCheck]:
    """One FactCheck per review of a Fact Check Tools `claims` object."""
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("ClaimReview record has no claim text")
    reviews = obj.get("claimReview") or []
    if not isinstance(reviews, list) or not reviews:
        raise ValueError("ClaimReview record has no review")
    for review in reviews:
        publisher = review.get("publisher") or {}
        yield FactCheck(
            claim=text,
            claimant=obj.get("claimant"),
            claim_date=obj.get("claimDate"),
            publisher=publisher.get("site") or publisher.get("name"),
            url=review.get("url"),
            title=review.get("title"),
            review_date=review.get("reviewDate"),
            rating_text=review.get("textualRating"),
            language=_lang(review.get("languageCode")),
        )


def article_from(obj: dict[str, Any]) -> ArticleSubmitted:
    """An article from our field names or SaudiNewsNet's (source, content, date_extracted)."""
    body = obj.get("body") or obj.get("text") or obj.get("content")
    if not isinstance(body, str) or not body.strip():
        raise ValueError("article has no body/text/content")
    url = obj.get("url")
    outlet = obj.get("outlet") or obj.get("source") or (urlparse(url).netloc if url else None)
    article_id = obj.get("article_id") or obj.get("id")
    if not article_id:
        # Imports without ids (SaudiNewsNet) get a stable one from the URL or the text.
        basis = url or body
        article_id = f"{outlet or 'doc'}:{hashlib.sha256(basis.encode()).hexdigest()[:16]}"
    published = obj.get("published_at") or obj.get("date_extracted") or obj.get("date")
    return ArticleSubmitted(
        article_id=safe_article_id(str(article_id)),
        revision=int(obj.get("revision") or 1),
        body=without_controls(body),  # 2 SaudiNewsNet articles carry a stray U+001A
        title=obj.get("title"),
        outlet=outlet,
        url=url,
        published_at=published.replace(" ", "T") if isinstance(published, str) else published,
        language=_lang(obj.get("language") or obj.get("lang")),
    )


def _lang(code: object) -> Any:
    return code if code in ("ar", "en") else None


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return str(exc)
