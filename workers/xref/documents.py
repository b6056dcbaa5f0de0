"""What the archive holds: fact-check records and the sentence windows documents are cut into."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from contracts.ids import content_key
from contracts.segmentation import segment
from workers.xref.terms import passage_terms

WINDOW = 2  # sentences per passage; stride 1, so each sentence is seen with its neighbour
MAX_PASSAGE_CHARS = 1200


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


@dataclass(frozen=True)
class Window:
    seq: int
    start: int
    end: int
    text: str
    terms: str  # the window's index terms, space-separated


def windows(body: str, size: int = WINDOW) -> list[Window]:
    """Overlapping windows of `size` consecutive sentences, with offsets into `body`."""
    sentences = segment(body)
    if not sentences:
        return []
    # Each sentence is stemmed once, though it appears in up to `size` windows.
    sentence_terms = [" ".join(passage_terms(s.text)) for s in sentences]
    out: list[Window] = []
    for i in range(max(1, len(sentences) - size + 1)):
        last = min(i + size, len(sentences)) - 1
        start, end = sentences[i].start, sentences[last].end
        if end - start > MAX_PASSAGE_CHARS and last > i:
            last, end = i, sentences[i].end  # a very long sentence stands alone
        text = body[start:end][:MAX_PASSAGE_CHARS]
        terms = " ".join(t for t in sentence_terms[i : last + 1] if t)
        out.append(Window(i, start, start + len(text), text, terms))
    return out
