"""One article through the real broker, workers, collector, Prefect server and database."""

from __future__ import annotations

import json
import uuid

import pytest
from kafka import KafkaProducer
from kafka.consumer.fetcher import ConsumerRecord
from stacktools import Stack, physical, prefect_post, read_topic, wait_for

from cli.producer import submit_article
from contracts import headers as h
from contracts.events import ArticleSubmitted
from contracts.record import VerificationRecord
from contracts.topics import ARTICLES_SUBMITTED, DLQ, RECORDS, RESULTS_EXTRACTION
from flows.artifact import artifact_key
from storage.record_store import count_records, latest_record
from workers.runtime.dlq import replay_all
from workers.runtime.settings import KafkaSettings

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _record(stack: Stack, article_id: str, timeout: float = 150) -> VerificationRecord:
    found = wait_for(
        lambda: latest_record(stack.engine, article_id), timeout, f"record {article_id}", stack
    )
    assert isinstance(found, VerificationRecord)
    return found


def test_seed_article_end_to_end(stack: Stack, seed_article: str) -> None:
    article_id = f"seed-{uuid.uuid4().hex[:8]}"
    submit_article(ArticleSubmitted(article_id=article_id, body=seed_article, outlet="test-outlet"))

    record = _record(stack, article_id)
    assert record.status == "complete" and record.missing_parts == []
    assert record.language == "ar"
    assert len(record.claims) >= 10
    names = {c.source.name for c in record.claims if c.source}
    assert {"Syrian Observatory for Human Rights", "United Nations"} <= names
    assert sum(record.summary.model_dump().values()) == len(record.claims)

    # published on verify.records, identical to what was stored (other test sessions sharing
    # the broker may publish their own copies, so look for ours rather than count)
    def ours(found: list[ConsumerRecord]) -> bool:
        return any(VerificationRecord.model_validate_json(m.value) == record for m in found)

    messages = read_topic(physical(RECORDS), article_id.encode(), want=99, until=ours)
    assert ours(messages)
    assert all(h.header(m.headers, h.SCHEMA_VERSION) == "1" for m in messages)

    # one completed flow run in the Prefect API, tagged, with the claim table artifact
    # (the record is stored before the flow's last steps, publish and artifact, finish)
    run_name = f"verify-{article_id}-r1"

    def completed_runs() -> list[dict[str, object]]:
        runs = prefect_post("/flow_runs/filter", {"flow_runs": {"name": {"any_": [run_name]}}})
        return runs if runs and all(r["state_type"] == "COMPLETED" for r in runs) else []

    runs = wait_for(completed_runs, 60, f"flow run {run_name} to complete", stack)
    assert isinstance(runs, list) and len(runs) == 1
    assert {"lang:ar", "outlet:test-outlet"} <= set(runs[0]["tags"])
    artifacts = prefect_post(
        "/artifacts/filter", {"artifacts": {"key": {"any_": [artifact_key(article_id)]}}}
    )
    assert artifacts and artifacts[0]["type"] == "table"
    table = artifacts[0]["data"]
    rows = json.loads(table) if isinstance(table, str) else table
    assert len(rows) == len(record.claims)
    assert {r["status"] for r in rows} == {c.status for c in record.claims}


def test_malformed_events_go_to_the_dead_letter_topic_and_workers_keep_going(
    stack: Stack, producer: KafkaProducer
) -> None:
    bad_key = f"bad-{uuid.uuid4().hex[:8]}".encode()
    producer.send(physical(ARTICLES_SUBMITTED), key=bad_key, value=b"{not json").get(timeout=10)
    producer.send(physical(ARTICLES_SUBMITTED), key=bad_key, value=b'{"article_id": "x"}').get(
        timeout=10
    )

    # every consumer of articles.submitted (3 workers + collector) dead-letters both
    dead = read_topic(physical(DLQ), bad_key, want=8, timeout=180)
    assert len(dead) == 8
    reasons = {h.header(m.headers, h.DLQ_REASON) or "" for m in dead}
    assert any(r.startswith("value is not JSON") for r in reasons)
    assert any("body: Field required" in r for r in reasons)
    assert {h.header(m.headers, h.DLQ_SERVICE) for m in dead} == {
        "extraction",
        "sources",
        "xref",
        "collector",
    }
    for m in dead:
        assert h.header(m.headers, h.DLQ_ORIGIN_TOPIC) == physical(ARTICLES_SUBMITTED)
        assert h.header(m.headers, h.DLQ_ORIGIN_OFFSET) is not None
        assert m.value in (b"{not json", b'{"article_id": "x"}')  # the original, unchanged

    # the workers are still up and still process good articles
    assert all(stack.alive(n) for n in stack.procs)
    good_id = f"good-{uuid.uuid4().hex[:8]}"
    submit_article(
        ArticleSubmitted(article_id=good_id, body="The UN said 300 people fled Aleppo on Monday.")
    )
    assert _record(stack, good_id).language == "en"


def test_a_redelivered_article_yields_no_second_record(stack: Stack) -> None:
    article = ArticleSubmitted(
        article_id=f"redo-{uuid.uuid4().hex[:8]}",
        body="قال المرصد السوري لحقوق الإنسان إن 12 مدنيا قتلوا في إدلب.",
    )
    submit_article(article)
    first = _record(stack, article.article_id)
    submit_article(article)  # the same event again, as a redelivery would bring it
    # the duplicate's three results reach the join; no new record and no second publication
    marker = ArticleSubmitted(article_id=f"mark-{uuid.uuid4().hex[:8]}", body="The UN said so.")
    submit_article(marker)
    _record(stack, marker.article_id)
    parts = read_topic(
        physical(RESULTS_EXTRACTION), article.article_id.encode(), want=2, timeout=60
    )
    assert len(parts) == 2
    assert count_records(stack.engine, article.article_id) == 1
    again = latest_record(stack.engine, article.article_id)
    assert again is not None and again.version == first.version == 1
    published = [
        VerificationRecord.model_validate_json(m.value)
        for m in read_topic(physical(RECORDS), article.article_id.encode(), want=99, timeout=10)
    ]
    assert [r.created_at for r in published].count(first.created_at) == 1  # published once


def test_dead_letters_replay_once_to_their_origin_and_get_processed(
    stack: Stack, producer: KafkaProducer
) -> None:
    # an article that a service rejected (say, while its database was down) — twice, by two
    # services — and is fine now: replaying it sends it back once and it gets a record
    article = ArticleSubmitted(article_id=f"dlq-{uuid.uuid4().hex[:8]}", body="The UN said so.")
    for service in ("xref", "collector"):
        producer.send(
            physical(DLQ),
            key=article.article_id.encode(),
            value=article.model_dump_json().encode(),
            headers=[
                (h.DLQ_SERVICE, service.encode()),
                (h.DLQ_REASON, b"failed after 3 attempts: OperationalError"),
                (h.DLQ_ORIGIN_TOPIC, physical(ARTICLES_SUBMITTED).encode()),
                (h.DLQ_ORIGIN_PARTITION, b"0"),
                (h.DLQ_ORIGIN_OFFSET, b"123456789"),
            ],
        ).get(timeout=10)
    group = f"test-replay-{uuid.uuid4().hex[:8]}"
    settings = KafkaSettings()
    report = replay_all(settings, group, key=article.article_id)
    assert report.replayed == 1 and report.seen >= 2
    assert _record(stack, article.article_id).article_id == article.article_id
    sent = read_topic(physical(ARTICLES_SUBMITTED), article.article_id.encode(), want=2, timeout=10)
    assert len(sent) == 1  # sent back once, although two services had dead-lettered it
    again = replay_all(settings, group, key=article.article_id)
    assert again.replayed == 0  # the group remembers: nothing twice
