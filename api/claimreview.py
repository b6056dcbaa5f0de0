"""Export a record's claims as schema.org ClaimReview (https://schema.org/ClaimReview)."""

from __future__ import annotations

from typing import Any

from contracts.record import Claim, VerificationRecord

# Our statuses on schema.org's 1..5 rating scale (1 = false, 5 = true); unsupported and
# unverified claims have no verdict, so they are not exported as reviews.
RATING = {
    "contradicted": (1, "Contradicted by other reporting"),
    "disputed": (3, "Disputed"),
    "corroborated": (5, "Corroborated by independent reporting"),
}


def claimant_of(claim: Claim) -> dict[str, str] | None:
    """Who made the claim: the resolved source, else the attribution's own words."""
    if claim.source and claim.source.source_id not in ("unknown", "vague"):
        kind = "Person" if claim.source.kind == "person" else "Organization"
        return {"@type": kind, "name": claim.source.name}
    if claim.attribution.type in ("direct", "quote") and claim.attribution.mention:
        return {"@type": "Organization", "name": claim.attribution.mention}
    return None


def to_claimreview(
    record: VerificationRecord, publisher: str = "newsroom-verify"
) -> list[dict[str, Any]]:
    reviews = []
    for claim in record.claims:
        if claim.status not in RATING:
            continue
        value, label = RATING[claim.status]
        appearance = {"@type": "CreativeWork", "url": record.url} if record.url else None
        item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
        if claimant := claimant_of(claim):
            item["author"] = claimant
        reviews.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": claim.text,
                "itemReviewed": item,
                "author": {"@type": "Organization", "name": publisher},
                "datePublished": record.created_at.date().isoformat(),
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": value,
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": label,
                },
                "identifier": claim.claim_id,
            }
        )
    return reviews
