from contracts.record import Attribution, Claim, Summary, VerificationRecord
from flows.artifact import artifact_key, claim_rows, description, summary_markdown


def record(text: str) -> VerificationRecord:
    claim = Claim(
        claim_id="c-1", text=text, start=0, end=len(text), kind="assertion",
        checkworthiness=0.7, attribution=Attribution(type="vague", mention="local reports"),
        status="unsupported", confidence=0.6, needs_review=False,
    )  # fmt: skip
    return VerificationRecord(
        article_id="Seed AR/001", revision=1, version=2, language="ar", status="partial",
        missing_parts=["xref"], claims=[claim], summary=Summary.of([claim]),
    )  # fmt: skip


def test_rows_put_the_status_before_the_long_claim_text() -> None:
    (row,) = claim_rows(record("ا" * 300))
    keys = list(row)
    assert keys.index("status") < keys.index("claim")
    assert row["source"] == "local reports"
    assert len(str(row["claim"])) == 118 and str(row["claim"]).endswith("…")


def test_artifact_key_is_a_valid_prefect_key() -> None:
    assert artifact_key("Seed AR/001") == "verify-seed-ar-001"
    assert artifact_key("___") == "verify-article"


def test_description_names_the_missing_parts() -> None:
    text = description(record("x"))
    assert "partial (missing: xref)" in text and "1 unsupported" in text


def test_the_tables_description_counts_flagged_claims_and_links_the_record() -> None:
    quiet = summary_markdown(record("x"), "http://api.example:8000/")
    assert "need review" not in quiet
    assert "- record: http://api.example:8000/records/Seed AR/001" in quiet
    flagged = record("x")
    flagged = flagged.model_copy(
        update={"claims": [flagged.claims[0].model_copy(update={"needs_review": True})]}
    )
    assert "**1 claims need review** (`GET http://api.example:8000/review-queue`)" in (
        summary_markdown(flagged, "http://api.example:8000")
    )
