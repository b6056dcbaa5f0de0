"""The collector's deadline: a missing part yields a `partial` record; a late part a new version."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from kafka import KafkaProducer
from stacktools import Stack, make_stack, physical, wait_for

from contracts.events import ExtractionResult, SourcesResult, XrefResult
from contracts.record import Attribution, ExtractedClaim
from contracts.topics import RESULTS_EXTRACTION, RESULTS_SOURCES, RESULTS_XREF
from storage.record_store import latest_record, record_versions

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(scope="module")
def collector_only(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    s = make_stack(
        tmp_path_factory.mktemp("collector"),
        ("collector",),
        VERIFY_COLLECTOR_DEADLINE_S="3",
        VERIFY_COLLECTOR_SWEEP_INTERVAL_S="0.5",
    )
    yield s
    s.stop("collector")


def test_missing_parts_give_a_partial_record_then_a_late_part_a_new_version(
    collector_only: Stack, producer: KafkaProducer
) -> None:
    article_id = f"late-{uuid.uuid4().hex[:8]}"
    claim = ExtractedClaim(
        claim_id="c-x",
        text="The UN said 4 people died.",
        start=0,
        end=26,
        kind="statistic",
        checkworthiness=0.8,
        attribution=Attribution(type="direct", mention="The UN", start=0, end=6),
    )
    extraction = ExtractionResult(
        article_id=article_id, revision=1, language="en", sentences=1, claims=[claim]
    )
    producer.send(
        physical(RESULTS_EXTRACTION),
        key=article_id.encode(),
        value=extraction.model_dump_json().encode(),
    ).get(10)

    def partial_record() -> object:
        return latest_record(collector_only.engine, article_id)

    record = wait_for(partial_record, 60, "partial record", collector_only)
    assert record.status == "partial"  # type: ignore[attr-defined]
    assert record.missing_parts == ["sources", "xref"]  # type: ignore[attr-defined]

    for late in (
        SourcesResult(article_id=article_id, revision=1, mentions=[]),
        XrefResult(article_id=article_id, revision=1, items=[]),
    ):
        topic = physical(RESULTS_SOURCES if late.part == "sources" else RESULTS_XREF)
        producer.send(topic, key=article_id.encode(), value=late.model_dump_json().encode()).get(10)

    def complete_version() -> object:
        latest = latest_record(collector_only.engine, article_id)
        return latest if latest and latest.status == "complete" else None

    final = wait_for(complete_version, 60, "complete record", collector_only)
    assert final.version >= 2  # type: ignore[attr-defined]
    versions = record_versions(collector_only.engine, article_id)
    assert versions[0].status == "partial" and versions[-1].status == "complete"
