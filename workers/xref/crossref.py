"""Cross-reference one article's claims against the archive: evidence with stance per claim.

For each claim: retrieve candidate passages from other documents, ask the same-fact model
which of them state the same fact (workers/xref/same_fact.py), and judge the stance of
those only. An item carries both probabilities, `same_fact` and `score` (its stance is
right), which the status rules compare with their decisive thresholds. Passages on the
topic that are not the same fact are at most a few `related` items, never evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from contracts.events import ArticleSubmitted, ClaimEvidence, XrefResult
from contracts.record import Evidence, ExtractedClaim, Stance
from workers.xref.archive import Archive, Passage
from workers.xref.cues import text_cues
from workers.xref.same_fact import SameFactModel, load_same_fact_model
from workers.xref.same_fact_features import ClaimView
from workers.xref.settings import XrefSettings
from workers.xref.stance import StanceModel, load_stance_model

SNIPPET_CHARS = 400
NEAR_DUPLICATE = 90  # rapidfuzz token-set ratio at which two passages are one report
VERBATIM = 95  # partial ratio at which a passage reproduces the claim: a copy, not a witness


@dataclass(frozen=True)
class Models:
    """What the xref worker loads once."""

    same_fact: SameFactModel
    stance: StanceModel


def load_models() -> Models:
    return Models(load_same_fact_model(), load_stance_model())


def cross_reference(
    article: ArticleSubmitted,
    claims: list[ExtractedClaim],
    archive: Archive,
    models: Models,
    settings: XrefSettings | None = None,
    *,
    archive_article: bool = True,
) -> XrefResult:
    """Evidence for every claim from *other* documents, then archive the article itself
    (unless `archive_article` is false: a dry run that leaves the archive as it was)."""
    items = claim_evidence(article, claims, archive, models, settings or XrefSettings())
    if archive_article:
        archive.add_article(article)  # searched first, archived after: never finds itself
    return XrefResult(
        article_id=article.article_id,
        revision=article.revision,
        items=items,
        archive_size=archive.count(),
    )


def claim_evidence(
    article: ArticleSubmitted,
    claims: Sequence[ExtractedClaim],
    archive: Archive,
    models: Models,
    settings: XrefSettings,
) -> list[ClaimEvidence]:
    worthy = [c.checkworthiness >= settings.min_checkworthiness for c in claims]
    candidates = [
        archive.search(c.text, exclude_article_id=article.article_id, limit=settings.candidates)
        if searched
        else []
        for c, searched in zip(claims, worthy, strict=True)
    ]
    views = [ClaimView.of(c.text) for c in claims]
    # one model batch per article for each model
    same = models.same_fact.probabilities(list(zip(views, candidates, strict=True)))
    kept = [
        [(p, q) for p, q in zip(found, probs, strict=True) if q >= settings.same_fact_threshold][
            : settings.evidence_per_claim
        ]
        for found, probs in zip(candidates, same, strict=True)
    ]
    pairs = [(p.text, c.text) for c, items in zip(claims, kept, strict=True) for p, _ in items]
    # archived text first: it plays ANS's original headline, the claim its rewrite
    verdicts = iter(models.stance.classify_many(pairs))
    out = []
    for claim, searched, found, probs, items in zip(
        claims, worthy, candidates, same, kept, strict=True
    ):
        evidence = [
            _evidence(article, claim, p, q, models.stance, next(verdicts), earlier=items[:i])
            for i, (p, q) in enumerate(items)
        ]
        evidence.sort(key=lambda e: (e.kind != "factcheck", -(e.same_fact or 0) * e.score))
        shown = {p.doc_id for p, _ in items}
        related = [
            _related(p, q)
            for p, q in sorted(zip(found, probs, strict=True), key=lambda x: -x[1])
            if p.doc_id not in shown and q >= settings.related_floor
        ][: settings.related_per_claim]
        out.append(
            ClaimEvidence(
                claim_id=claim.claim_id,
                start=claim.start,
                end=claim.end,
                evidence=evidence,
                related=related,
                searched=searched,
            )
        )
    return out


def _evidence(
    article: ArticleSubmitted,
    claim: ExtractedClaim,
    passage: Passage,
    same_fact: float,
    stance_model: StanceModel,
    verdict: tuple[Stance, float],
    earlier: list[tuple[Passage, float]],
) -> Evidence:
    if passage.kind == "article" and reproduces(passage.text, claim.text):
        # A republished or syndicated copy agrees by construction; cues elsewhere in its
        # text say nothing about this claim.
        stance: Stance = "supports"
        confidence, reason = 1.0, "Repeats the claim word for word."
    else:
        stance, confidence, reason = stance_model.predict(
            claim.text,
            passage.text,
            claim.quantities or None,
            evidence_kind=passage.kind,
            rating=passage.rating,
            model_verdict=verdict,
        )
    not_independent = dependence(article, claim, passage, [p for p, _ in earlier])
    if not_independent:
        reason = f"{reason} Not independent: {not_independent}."
    return Evidence(
        doc_id=passage.doc_id,
        title=passage.title,
        outlet=passage.outlet,
        url=passage.url,
        published_at=passage.published_at,
        snippet=passage.text[:SNIPPET_CHARS],
        stance=stance,
        score=round(confidence if stance != "neutral" else same_fact, 3),
        same_fact=round(same_fact, 3),
        reason=f"Same fact (p={same_fact:.2f}). {reason}",
        kind=passage.kind,
        rating=passage.rating,
        independent=not not_independent,
    )


def _related(passage: Passage, same_fact: float) -> Evidence:
    return Evidence(
        doc_id=passage.doc_id,
        title=passage.title,
        outlet=passage.outlet,
        url=passage.url,
        published_at=passage.published_at,
        snippet=passage.text[:SNIPPET_CHARS],
        stance="neutral",
        score=round(same_fact, 3),
        same_fact=round(same_fact, 3),
        reason=f"Same topic, not shown to state the same fact (p={same_fact:.2f}).",
        kind=passage.kind,
        rating=passage.rating,
    )


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
    """Does `passage` contain `claim` (nearly) word for word? Nearly, not only: one swapped
    word or figure ("تنفي" for "تؤكد", 53 for 29) leaves the strings 95 % alike and makes the
    opposite claim, so every term of the claim must be there too."""
    # the term test first: it is cached per text and rules out most passages cheaply
    if not text_cues(claim).terms <= text_cues(passage).terms:
        return False
    return fuzz.partial_ratio(claim, passage) >= VERBATIM


def same_outlet(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return _outlet_key(a) == _outlet_key(b)


def _outlet_key(outlet: str) -> str:
    key = outlet.strip().lower().removeprefix("https://").removeprefix("http://")
    key = key.removeprefix("www.").split("/")[0]
    return key.rsplit(".", 1)[0] if "." in key else key
