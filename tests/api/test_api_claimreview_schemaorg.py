"""GET /records/{id}/claimreview output against the schema.org vocabulary (msgspec-schemaorg's
classes generated from it): every type exists and every property exists on its type (value
shapes are not checked: msgspec cannot build the vocabulary's cyclic types); the rating is
numeric 1–5 with `alternateName`; the claimant is the attribution's."""

from __future__ import annotations

from typing import Any

import msgspec_schemaorg.models as schemaorg

from api.claimreview import to_claimreview
from contracts.record import Attribution, Claim, SourceRef, Status, Summary, VerificationRecord


def assert_schemaorg(obj: dict[str, Any]) -> None:
    """`obj` and every nested typed object use only properties their schema.org type has."""
    model = getattr(schemaorg, obj["@type"], None)
    assert model is not None, f"schema.org has no type {obj['@type']}"
    unknown = set(obj) - set(model.__struct_encode_fields__)
    assert not unknown, f"{obj['@type']} has no properties {sorted(unknown)}"
    for value in obj.values():
        if isinstance(value, dict) and "@type" in value:
            assert_schemaorg(value)


def _claim(
    claim_id: str, status: Status, attribution: Attribution, source: SourceRef | None
) -> Claim:
    return Claim(
        claim_id=claim_id,
        text="ISIS holds $100 million in Turkey",
        start=0,
        end=30,
        kind="statistic",
        checkworthiness=0.9,
        attribution=attribution,
        source=source,
        status=status,
        confidence=0.8,
        needs_review=False,
    )


def test_claimreview_output_is_valid_schema_org_with_claimants() -> None:
    treasury = SourceRef(
        source_id="us-treasury", name="US Department of the Treasury", kind="government",
        match_score=1.0,
    )  # fmt: skip
    claims = [
        _claim("c-1", "contradicted", Attribution(type="direct", mention="الخزانة"), treasury),
        _claim("c-2", "corroborated", Attribution(type="direct", mention="المرصد"), None),
        _claim("c-3", "disputed", Attribution(type="none"), None),
        _claim("c-4", "unverified", Attribution(type="none"), None),
    ]
    record = VerificationRecord(
        article_id="a-1", revision=1, version=2, language="ar", status="complete",
        url="https://news.example/a", claims=claims, summary=Summary.of(claims),
    )  # fmt: skip
    reviews = to_claimreview(record)
    assert [r["identifier"] for r in reviews] == ["c-1", "c-2", "c-3"]  # no verdict, no review
    for review in reviews:
        assert_schemaorg(review)
        rating = review["reviewRating"]
        assert 1 <= rating["ratingValue"] <= 5 and rating["alternateName"]
    authors = [r["itemReviewed"].get("author") for r in reviews]
    assert authors == [
        {"@type": "Organization", "name": "US Department of the Treasury"},
        {"@type": "Organization", "name": "المرصد"},
        None,
    ]
    assert [r["reviewRating"]["ratingValue"] for r in reviews] == [1, 5, 3]


def test_the_validator_rejects_a_property_schema_org_does_not_have() -> None:
    bad = {"@type": "ClaimReview", "claimReviewed": "x", "verdict": "false"}
    try:
        assert_schemaorg(bad)
    except AssertionError as exc:
        assert "verdict" in str(exc)
    else:
        raise AssertionError("an unknown property passed")
