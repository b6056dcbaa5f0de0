import json

import pytest
from pydantic import ValidationError

from contracts.events import ArticleSubmitted, ExtractionResult
from contracts.export import asyncapi, json_schemas
from contracts.ids import claim_id, content_key
from contracts.record import Attribution, Claim, Summary, VerificationRecord


def test_claim_ids_are_deterministic_and_span_sensitive() -> None:
    assert claim_id("a1", 1, 0, 10) == claim_id("a1", 1, 0, 10)
    assert claim_id("a1", 1, 0, 10) != claim_id("a1", 2, 0, 10)
    assert claim_id("a1", 1, 0, 10) != claim_id("a1", 1, 0, 11)
    assert claim_id("a1", 1, 0, 10).startswith("c-")


def test_content_key_separates_parts() -> None:
    assert content_key("ab", "c") != content_key("a", "bc")


@pytest.mark.parametrize(
    ("payload", "problem"),
    [
        ({"article_id": "x", "body": "   "}, "body is blank"),
        ({"article_id": "has space", "body": "text"}, "is not allowed"),
        ({"article_id": "x", "body": "text", "revision": 0}, "greater than or equal"),
        ({"article_id": "x", "body": "text", "language": "xx"}, "'ar' or 'en'"),
        ({"article_id": "x", "body": "text", "unexpected": 1}, "Extra inputs"),
    ],
)
def test_article_event_rejects_bad_input(payload: dict[str, object], problem: str) -> None:
    with pytest.raises(ValidationError) as err:
        ArticleSubmitted.model_validate(payload)
    assert problem in str(err.value)


def test_record_round_trips_through_json_with_the_design_field_names() -> None:
    claim = Claim(
        claim_id="c-1",
        text="t",
        start=0,
        end=1,
        kind="assertion",
        checkworthiness=0.5,
        attribution=Attribution(type="vague", mention="local reports", start=0, end=5),
        status="unsupported",
        confidence=0.6,
        needs_review=False,
    )
    record = VerificationRecord(
        article_id="a",
        revision=1,
        version=1,
        language="ar",
        status="complete",
        claims=[claim],
        summary=Summary.of([claim]),
    )
    data = json.loads(record.model_dump_json())
    assert set(data) >= {
        "article_id",
        "revision",
        "version",
        "language",
        "status",
        "missing_parts",
        "created_at",
        "pipeline_version",
        "claims",
        "summary",
    }
    assert set(data["claims"][0]) >= {
        "claim_id",
        "text",
        "start",
        "end",
        "kind",
        "checkworthiness",
        "attribution",
        "source",
        "quantities",
        "times",
        "evidence",
        "status",
        "confidence",
        "needs_review",
        "rationale",
    }
    assert data["summary"]["unsupported"] == 1
    assert VerificationRecord.model_validate_json(record.model_dump_json()) == record


def test_exported_schemas_cover_every_topic_message() -> None:
    schemas = json_schemas()
    assert set(schemas) == {
        "ArticleSubmitted",
        "ExtractionResult",
        "SourcesResult",
        "XrefResult",
        "VerificationRecord",
        "ArchiveAdded",
    }
    assert "claims" in schemas["ExtractionResult"]["properties"]
    doc = asyncapi()
    addresses = {c["address"] for c in doc["channels"].values()}
    assert {
        "articles.submitted",
        "results.xref",
        "verify.records",
        "verify.dlq",
        "archive.added",
    } <= addresses
    record_headers = doc["components"]["messages"]["VerificationRecord"]["headers"]
    assert {"record-version", "record-revision"} <= set(record_headers["properties"])
    assert ExtractionResult.model_fields["part"].default == "extraction"
