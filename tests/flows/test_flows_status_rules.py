from contracts.record import Attribution, Denial, Evidence, ExtractedClaim, SourceRef
from flows.settings import StatusSettings
from flows.status_rules import decide


def claim(
    att_type: str = "direct", mention: str | None = "UN", denials: list[Denial] | None = None
) -> ExtractedClaim:
    return ExtractedClaim(
        claim_id="c-1",
        text="ISIS holds $100 million in Turkey",
        start=0,
        end=10,
        kind="statistic",
        checkworthiness=0.9,
        attribution=Attribution(type=att_type, mention=mention, start=0, end=2),  # type: ignore[arg-type]
        denials=denials or [],
    )


def ev(
    stance: str, independent: bool = True, score: float = 0.9, same_fact: float = 0.7
) -> Evidence:
    return Evidence(
        doc_id=f"d-{stance}",
        outlet="other.example",
        snippet="…",
        stance=stance,  # type: ignore[arg-type]
        score=score,
        same_fact=same_fact,
        reason="same figure",
        independent=independent,
    )


UN = SourceRef(
    source_id="un",
    name="United Nations",
    kind="intergovernmental",
    reliability="high",
    match_score=1.0,
)


def test_independent_support_only_corroborates() -> None:
    v = decide(claim(), UN, [ev("supports")])
    assert v.status == "corroborated"
    assert not v.needs_review
    assert any("independent" in r for r in v.rationale)


def test_support_that_is_not_independent_does_not_corroborate() -> None:
    v = decide(claim(), UN, [ev("supports", independent=False)])
    assert v.status == "unverified"
    assert any("not independent" in r for r in v.rationale)


def test_contradiction_only_contradicts_and_needs_review() -> None:
    v = decide(claim(), UN, [ev("contradicts", score=0.85)])
    assert (v.status, v.confidence, v.needs_review) == ("contradicted", 0.85, True)


def test_uncertain_stance_or_match_decides_nothing_and_asks_for_review() -> None:
    for item in (ev("contradicts", score=0.7), ev("supports", same_fact=0.3)):
        v = decide(claim(att_type="none", mention=None), None, [item])
        assert (v.status, v.needs_review) == ("unverified", True)
        assert any("too uncertainly to decide" in r for r in v.rationale)


def test_decisive_thresholds_are_settings() -> None:
    lenient = StatusSettings(decisive_same_fact=0.2, decisive_stance=0.6)
    item = ev("contradicts", score=0.7, same_fact=0.3)
    assert decide(claim(), UN, [item]).status == "unverified"
    assert decide(claim(), UN, [item], rules=lenient).status == "contradicted"


def test_a_same_fact_factcheck_rated_false_decides_contradicted() -> None:
    factcheck = ev("contradicts", score=0.95, same_fact=0.45).model_copy(
        update={"kind": "factcheck", "rating": "false"}
    )
    assert decide(claim(), UN, [factcheck]).status == "contradicted"


def test_both_sides_is_disputed() -> None:
    assert decide(claim(), UN, [ev("supports"), ev("contradicts")]).status == "disputed"


def test_a_denial_in_the_article_makes_it_disputed() -> None:
    denial = Denial(text="رغم نفي أنقرة", by="أنقرة", start=0, end=5)
    v = decide(claim(att_type="none", mention=None, denials=[denial]), None, [])
    assert v.status == "disputed"
    assert any("denial by أنقرة" in r for r in v.rationale)


def test_identifiable_source_without_evidence_is_unverified() -> None:
    v = decide(claim(), UN, [ev("neutral")])
    assert v.status == "unverified"
    assert v.confidence == 0.9  # a high-reliability source


def test_vague_or_missing_attribution_without_evidence_is_unsupported() -> None:
    assert decide(claim("vague", "local reports"), None, []).status == "unsupported"
    assert decide(claim("none", None), None, []).status == "unsupported"


def test_missing_cross_reference_is_said_and_flags_review() -> None:
    v = decide(claim(), UN, [], xref_available=False)
    assert v.needs_review
    assert any("did not report" in r for r in v.rationale)
