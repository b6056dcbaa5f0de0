"""What the archive holds: fact-check records, and the passages documents are cut into."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from pydantic import BaseModel, ConfigDict, Field

from contracts.ids import content_key
from contracts.segmentation import segment
from workers.xref.passage_index import IndexedPassage
from workers.xref.terms import passage_terms

MAX_PASSAGE_CHARS = 1200
POOL_MIN = 400  # documents in one batch from which cutting them is spread over all cores
TITLE_SEQ = -1  # a headline that is not in the body is one more passage, with empty offsets


class FactCheck(BaseModel):
    """A prior fact-check (one ClaimReview): the checked claim and its verdict."""

    model_config = ConfigDict(extra="forbid")

    claim: str = Field(min_length=1)
    claimant: str | None = None
    claim_date: str | None = None
    publisher: str | None = None  # publisher's site when known ("misbar.com"), else its name
    url: str | None = None
    title: str | None = None  # the verdict headline
    review_date: str | None = None
    rating_text: str | None = None  # the publisher's free-text rating
    language: str | None = None

    @property
    def key(self) -> str:
        """Idempotency key: the same claim reviewed at the same URL is the same record."""
        return "fc-" + content_key(self.claim.strip(), self.url or "", self.publisher or "")[:24]

    @property
    def body(self) -> str:
        return self.claim.strip() + ("\n" + self.title.strip() if self.title else "")


def passages(body: str, title: str | None = None) -> list[IndexedPassage]:
    """One passage per sentence (a claim is a sentence: evidence is compared sentence to
    sentence), plus the headline when the body does not start with it."""
    out = [
        IndexedPassage(i, s.start, s.start + len(text), text, " ".join(passage_terms(text)))
        for i, s in enumerate(segment(body))
        if (text := s.text[:MAX_PASSAGE_CHARS])
    ]
    if title and title.strip() and title.strip() not in body[:500]:
        head = title.strip()
        out.append(IndexedPassage(TITLE_SEQ, 0, 0, head, " ".join(passage_terms(head))))
    return [p for p in out if p.terms]


class PassageCutter:
    """`passages` for many documents: in this process for a few, over every core for a
    large batch (an import or a rebuild, where it is most of the cost)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def cut(self, documents: Sequence[tuple[str, str | None]]) -> Iterator[list[IndexedPassage]]:
        """The passages of each (body, title), in order."""
        cores = os.cpu_count() or 1
        if len(documents) < POOL_MIN or cores < 2 or "fork" not in mp.get_all_start_methods():
            return (passages(body, title) for body, title in documents)
        if self._pool is None:
            # fork: children only run `passages` (pure Python: no tantivy, no database), and
            # spawn would re-run the entry point of `python -m workers.xref` in each child
            self._pool = ProcessPoolExecutor(cores, mp_context=mp.get_context("fork"))
        bodies, titles = zip(*documents, strict=True)
        return self._pool.map(passages, bodies, titles, chunksize=32)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
