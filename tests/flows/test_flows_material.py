"""The material-change rule: what makes a new record version."""

from contracts.record import Claim, Evidence, SourceRef, Summary, VerificationRecord
from flows.material import material_key


def _evidence(doc_id: str, score: float = 0.7, snippet: str = "text") -> Evidence:
    return Evidence(doc_id=doc_id, snippet=snippet, stance="neutral", score=score, reason="r")


def _record(
    evidence: list[Evidence], status: str = "unverified", source_id: str = "sohr"
) -> VerificationRecord:
    claim = Claim(
        claim_id="c-1",
        text="t",
        start=0,
        end=1,
        kind="event",
        checkworthiness=0.8,
        source=SourceRef(source_id=source_id, name="n", kind="ngo", match_score=1.0),
        evidence=evidence,
        status=status,  # type: ignore[arg-type]
        confidence=0.6,
        needs_review=False,
    )
    return VerificationRecord(
        article_id="a",
        revision=1,
        version=1,
        language="ar",
        status="complete",
        claims=[claim],
        summary=Summary.of([claim]),
    )


def test_score_snippet_and_order_jitter_is_not_a_change() -> None:
    base = _record([_evidence("d1"), _evidence("d2")])
    jitter = _record([_evidence("d2", 0.712, "other"), _evidence("d1", 0.689)])
    assert material_key(base) == material_key(jitter)


def test_status_evidence_set_and_source_are_changes() -> None:
    base = material_key(_record([_evidence("d1")]))
    assert material_key(_record([_evidence("d1"), _evidence("d3")])) != base
    assert material_key(_record([_evidence("d1")], status="corroborated")) != base
    assert material_key(_record([_evidence("d1")], source_id="un")) != base
