"""The judged evidence set's documents: the three ../shared corpora under stable ids.

Nothing of the corpora is copied into the repo: tests/data/evidence/ references documents
by these ids, a SHA-256 prefix of the document's text and character offsets, and this
module resolves (and checks) them against ../shared.

Document ids (also the ids the evaluation archives them under):
- `snn:line-N`  SaudiNewsNet subset, 0-based JSONL line N; text = `content`
- `fakes:row-N` FA-KES, 0-based data row N of fakes.csv read as ISO-8859-1; text = `article_content`
- `cr:item-N`   Arabic ClaimReview, 0-based item N of the JSON array; text = `text` (the claim).
  The archive stores fact-checks under its own key, so shown fact-checks are matched back by
  their review URL (`factcheck_urls`).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

SNN = Path("corpora/saudinewsnet-syria-isis-turkey-ar/saudinewsnet_2015_syria_isis_turkey.jsonl")
FAKES = Path("corpora/fa-kes-syria-news-en/fakes.csv")
CLAIMREVIEW = Path("corpora/claimreview-ar/unique_claim_reviews.json")
HASH_CHARS = 16


@dataclass(frozen=True)
class Document:
    doc_id: str
    kind: str  # "article" | "factcheck"
    text: str  # the text offsets refer to
    title: str
    outlet: str
    url: str | None
    published_at: str | None
    language: str

    @property
    def sha(self) -> str:
        return text_hash(self.text)

    def as_article(self) -> dict[str, Any]:
        """The importer/`System.check` shape of this document."""
        return {
            "id": self.doc_id,
            "text": self.text,
            "title": self.title or None,
            "outlet": self.outlet,
            "url": self.url,
            "published_at": self.published_at,
            "language": self.language,
        }


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_CHARS]


def fakes_date(value: str) -> str | None:
    """FA-KES dates are m/d/yy (`4/5/17`); anything else is left out."""
    try:
        return datetime.strptime(value.strip(), "%m/%d/%y").date().isoformat()
    except ValueError:
        return None


@cache
def documents(shared: Path) -> dict[str, Document]:
    """Every document of the three corpora, by id, in corpus order."""
    out: dict[str, Document] = {}
    for doc in _read_all(shared):
        out[doc.doc_id] = doc
    return out


def _read_all(shared: Path) -> Iterator[Document]:
    with (shared / SNN).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            obj = json.loads(line)
            yield Document(
                f"snn:line-{n}",
                "article",
                obj["content"],
                obj.get("title") or "",
                obj["source"],
                obj.get("url"),
                obj.get("date_extracted"),
                "ar",
            )
    with (shared / FAKES).open(encoding="ISO-8859-1", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            yield Document(
                f"fakes:row-{n}",
                "article",
                row["article_content"],
                row["article_title"],
                row["source"],
                None,
                fakes_date(row["date"]),
                "en",
            )
    for n, obj in enumerate(json.loads((shared / CLAIMREVIEW).read_text(encoding="utf-8"))):
        review = (obj.get("claimReview") or [{}])[0]
        publisher = review.get("publisher") or {}
        yield Document(
            f"cr:item-{n}",
            "factcheck",
            obj["text"],
            review.get("title") or "",
            publisher.get("site") or publisher.get("name") or "",
            review.get("url"),
            review.get("reviewDate"),
            "ar",
        )


def factcheck_urls(shared: Path) -> dict[str, str]:
    """Review URL → `cr:item-N` (to recognise a shown fact-check)."""
    out: dict[str, str] = {}
    for n, obj in enumerate(json.loads((shared / CLAIMREVIEW).read_text(encoding="utf-8"))):
        for review in obj.get("claimReview") or []:
            if review.get("url"):
                out.setdefault(review["url"], f"cr:item-{n}")
    return out


def write_article_jsonl(shared: Path, path: Path) -> int:
    """SaudiNewsNet + FA-KES as importer-shaped JSONL under our ids; how many lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for doc in documents(shared).values():
            if doc.kind == "article":
                fh.write(json.dumps(doc.as_article(), ensure_ascii=False) + "\n")
                n += 1
    return n


class ReferenceError_(ValueError):
    """A reference in tests/data/evidence does not match the corpus it names."""


def resolve(
    shared: Path, doc_id: str, sha: str, start: int | None = None, end: int | None = None
) -> tuple[Document, str | None]:
    """The referenced document (and span text), after checking the hash and the offsets."""
    doc = documents(shared).get(doc_id)
    if doc is None:
        raise ReferenceError_(f"no document {doc_id}")
    return check_reference(doc, sha, start, end)


def check_reference(
    doc: Document, sha: str, start: int | None = None, end: int | None = None
) -> tuple[Document, str | None]:
    if doc.sha != sha:
        raise ReferenceError_(f"{doc.doc_id}: text hash {doc.sha} is not the referenced {sha}")
    if start is None or end is None:
        return doc, None
    if not 0 <= start < end <= len(doc.text):
        raise ReferenceError_(f"{doc.doc_id}: span {start}:{end} outside the text")
    return doc, doc.text[start:end]
