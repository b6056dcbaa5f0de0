"""Status per claim from its attribution, source, evidence and reported denials.

Pure domain logic: the flow, `verify check` and the tests call it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from contracts.record import Evidence, ExtractedClaim, SourceRef, Status
from flows.settings import StatusSettings

RELIABILITY_WEIGHT = {"high": 0.9, "mixed": 0.6, "low": 0.3, "unknown": 0.5}
DEFAULT_RULES = StatusSettings.model_construct()  # the defaults, whatever the environment


@dataclass(frozen=True)
class Verdict:
    status: Status
    confidence: float
    needs_review: bool
    rationale: list[str]


def _identifiable(claim: ExtractedClaim, source: SourceRef | None) -> bool:
    if claim.attribution.type not in ("direct", "quote") or not claim.attribution.mention:
        return False
    return source is None or source.kind != "vague"


def decide(
    claim: ExtractedClaim,
    source: SourceRef | None,
    evidence: list[Evidence],
    *,
    xref_available: bool = True,
    rules: StatusSettings = DEFAULT_RULES,
) -> Verdict:
    strong = [e for e in evidence if decisive(e, rules)]
    supports = [e for e in strong if e.stance == "supports" and e.independent]
    echoes = [e for e in evidence if e.stance == "supports" and not e.independent]
    contradicts = [e for e in strong if e.stance == "contradicts"]
    weak = [e for e in evidence if e.stance != "neutral" and not decisive(e, rules)]
    why: list[str] = []

    if source is not None and source.source_id not in ("unknown", "vague"):
        why.append(f"cited source: {source.name} ({source.kind}, reliability {source.reliability})")
    elif claim.attribution.mention:
        why.append(f"cited as '{claim.attribution.mention}' ({claim.attribution.type})")
    for denial in claim.denials:
        by = f" by {denial.by}" if denial.by else ""
        why.append(f"the article itself reports a denial{by}: '{denial.text}'")
    if supports:
        why.append(f"{len(supports)} independent source(s) support it, e.g. {_cite(supports[0])}")
    if echoes:
        why.append(f"{len(echoes)} supporting item(s) not independent (same outlet or same source)")
    if contradicts:
        why.append(f"{len(contradicts)} item(s) contradict it, e.g. {_cite(contradicts[0])}")
    if weak:
        why.append(
            f"{len(weak)} item(s) may state the same fact but too uncertainly to decide, "
            f"e.g. {_cite(weak[0])}"
        )
    if not xref_available:
        why.append("cross-reference search did not report in time: evidence not checked")

    status: Status
    if (supports and contradicts) or claim.denials:
        status = "disputed"
        confidence = 0.5 + 0.1 * min(len(contradicts) + len(claim.denials), 3)
    elif contradicts:
        status = "contradicted"
        confidence = max(e.score for e in contradicts)
    elif supports:
        status = "corroborated"
        confidence = 1 - _all_wrong(supports)
    elif _identifiable(claim, source) or weak:
        status = "unverified"
        confidence = RELIABILITY_WEIGHT[source.reliability] if source else 0.5
        if not weak:
            why.append("attributed to an identifiable source; no independent evidence either way")
    else:
        status = "unsupported"
        confidence = 0.6
        kind = "vague attribution" if claim.attribution.type == "vague" else "no attribution"
        why.append(f"{kind} and no evidence: the article's own assertion")

    confidence = round(min(1.0, max(0.0, confidence)), 3)
    needs_review = (
        status in ("contradicted", "disputed")
        or bool(weak)
        or confidence < 0.5
        or (status == "corroborated" and source is not None and source.reliability == "low")
        or (not xref_available and claim.checkworthiness >= 0.5)
    )
    return Verdict(status, confidence, needs_review, why)


def decisive(item: Evidence, rules: StatusSettings) -> bool:
    """Can this item alone decide corroborated/contradicted?"""
    return (
        item.stance != "neutral"
        and (item.same_fact if item.same_fact is not None else 1.0) >= rules.decisive_same_fact
        and item.score >= rules.decisive_stance
    )


def _all_wrong(items: list[Evidence]) -> float:
    """The chance that every one of several independent items is wrong."""
    p = 1.0
    for e in items:
        p *= 1 - e.score
    return p


def _cite(e: Evidence) -> str:
    where = e.outlet or e.doc_id
    return f"{where} ({e.reason})"
