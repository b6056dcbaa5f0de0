"""Cross-reference one article's claims against the archive: evidence with stance per claim."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rapidfuzz import fuzz

from contracts.events import ArticleSubmitted, ClaimEvidence, XrefResult
from contracts.record import Evidence, ExtractedClaim, Quantity, Stance
from workers.xref.archive import Archive, Passage
from workers.xref.cues import text_cues
from workers.xref.stance import Prediction

PER_CLAIM = 5  # evidence items kept per claim
MIN_RELEVANCE = 0.35  # retrieval score under which a passage is not worth showing
SNIPPET_CHARS = 400
NEAR_DUPLICATE = 90  # rapidfuzz token-set ratio at which two passages are one report
VERBATIM = 95  # partial ratio at which a passage reproduces the claim: a copy, not a witness


class StancePredictor(Protocol):
    def predict(
        self,
        claim: str,
        evidence: str,
        claim_quantities: list[Quantity] | None = None,
        *,
        evidence_kind: str = "article",
        rating: str | None = None,
        retrieved: bool = False,
        model_verdict: tuple[Stance, float] | None = None,
    ) -> Prediction: ...

    def classify_many(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[Stance, float]]: ...


def cross_reference(
    article: ArticleSubmitted,
    claims: list[ExtractedClaim],
    archive: Archive,
    stance_model: StancePredictor,
) -> XrefResult:
    """Evidence for every claim from *other* documents, then archive the article itself."""
    items = [
        ClaimEvidence(
            claim_id=claim.claim_id,
            start=claim.start,
            end=claim.end,
            evidence=evidence_for(article, claim, archive, stance_model),
        )
        for claim in claims
    ]
    # Searched first, archived after: the article never finds itself.
    archive.add_article(article)
    return XrefResult(
        article_id=article.article_id,
        revision=article.revision,
        items=items,
        archive_size=archive.count(),
    )


def evidence_for(
    article: ArticleSubmitted,
    claim: ExtractedClaim,
    archive: Archive,
    stance_model: StancePredictor,
) -> list[Evidence]:
    passages = archive.search(
        claim.text, language=None, exclude_article_id=article.article_id, limit=PER_CLAIM * 2
    )
    passages = [p for p in passages if p.score >= MIN_RELEVANCE][:PER_CLAIM]
    # one model batch per claim; the rule cues still run per passage
    verdicts = stance_model.classify_many([(claim.text, p.text) for p in passages])
    out: list[Evidence] = []
    kept: list[Passage] = []
    for passage, verdict in zip(passages, verdicts, strict=True):
        if passage.kind == "article" and reproduces(passage.text, claim.text):
            # A republished or syndicated copy agrees by construction; cues elsewhere in its
            # window (a neighbouring sentence's denial) say nothing about this claim.
            stance: Stance = "supports"
            confidence, reason = 1.0, "Repeats the claim word for word."
        else:
            stance, confidence, reason = stance_model.predict(
                claim.text,
                passage.text,
                claim.quantities or None,
                evidence_kind=passage.kind,
                rating=passage.rating,
                retrieved=True,
                model_verdict=verdict,
            )
        not_independent = dependence(article, claim, passage, kept)
        if not_independent:
            reason = f"{reason} Not independent: {not_independent}."
        kept.append(passage)
        out.append(
            Evidence(
                doc_id=passage.doc_id,
                title=passage.title,
                outlet=passage.outlet,
                url=passage.url,
                published_at=passage.published_at,
                snippet=passage.text[:SNIPPET_CHARS],
                stance=stance,
                # how much this item should weigh: relevant *and* confidently classified
                score=round((passage.score * confidence) ** 0.5, 3),
                reason=reason,
                kind=passage.kind,
                rating=passage.rating,
                independent=not not_independent,
            )
        )
    return out


def dependence(
    article: ArticleSubmitted, claim: ExtractedClaim, passage: Passage, earlier: list[Passage]
) -> str | None:
    """Why `passage` is not independent corroboration of the claim, or None if it is."""
    if passage.kind == "article" and same_outlet(article.outlet, passage.outlet):
        return "same outlet as the article"
    if passage.kind == "article" and reproduces(passage.text, claim.text):
        return "a copy of the same report (republished or syndicated)"
    mention = claim.attribution.mention
    if mention and passage.kind == "article":
        cited = text_cues(mention).terms
        if cited and cited <= text_cues(passage.text).terms:
            return f"it relies on the same cited source ({mention})"
    for other in earlier:
        if fuzz.token_set_ratio(passage.text, other.text) >= NEAR_DUPLICATE:
            return f"it repeats the report of {other.outlet or other.doc_id}"
    return None


def reproduces(passage: str, claim: str) -> bool:
    """Does `passage` contain `claim` (nearly) word for word?"""
    return fuzz.partial_ratio(claim, passage) >= VERBATIM


def same_outlet(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return _outlet_key(a) == _outlet_key(b)


def _outlet_key(outlet: str) -> str:
    key = outlet.strip().lower().removeprefix("https://").removeprefix("http://")
    key = key.removeprefix("www.").split("/")[0]
    return key.rsplit(".", 1)[0] if "." in key else key
