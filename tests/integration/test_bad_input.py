"""Bad input on articles.submitted, through the real broker, workers and collector: each bad
message goes to the dead-letter topic with a reason and its origin (once per consuming
service), what is processed instead is processed in bounded time, and nothing else is lost."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest
from kafka import KafkaProducer
from stacktools import Stack, make_stack, physical, read_topic, wait_for

from contracts import headers as h
from contracts.record import VerificationRecord
from contracts.topics import ARTICLES_SUBMITTED, DLQ
from storage.record_store import latest_record

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CONSUMERS = {"extraction", "sources", "xref", "collector"}
GOOD_HEADERS = [(h.SCHEMA_VERSION, b"1")]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    s = make_stack(
        tmp_path_factory.mktemp("bad-input"),
        ("extraction", "sources", "xref", "collector"),
        VERIFY_COLLECTOR_DEADLINE_S="20",  # a part refused for its size: partial after 20 s
    )
    yield s
    for name in list(s.procs):
        s.stop(name)


def _article(article_id: str, body: str) -> bytes:
    return json.dumps({"article_id": article_id, "body": body}, ensure_ascii=False).encode()


def _record(stack: Stack, article_id: str, timeout: float = 150) -> VerificationRecord:
    found = wait_for(
        lambda: latest_record(stack.engine, article_id), timeout, f"record {article_id}", stack
    )
    assert isinstance(found, VerificationRecord)
    return found


REJECTED = [
    ("malformed-json", b'{"article_id": "x", "body": ', GOOD_HEADERS, "value is not JSON"),
    (
        "schema-version",
        _article("sv", "The UN said so."),
        [(h.SCHEMA_VERSION, b"2")],
        "unsupported schema-version '2': this service reads version 1",
    ),
    ("missing-fields", b'{"article_id": "x"}', GOOD_HEADERS, "body: Field required"),
    ("blank-body", _article("blank", " \n\t "), GOOD_HEADERS, "body: body is blank"),
    (
        "over-limit",
        _article("big", "word " * 60_000),
        GOOD_HEADERS,
        "body: body is 300,000 bytes of UTF-8; the limit is 262,144 (VERIFY_MAX_BODY_BYTES)",
    ),
    ("invalid-utf8", b'{"article_id": "u", "body": "\xff\xfe"}', GOOD_HEADERS, "not valid UTF-8"),
    (
        "control-char",
        _article("ctl", "The UN\u0000 said so."),
        GOOD_HEADERS,
        "control character U+0000 at offset 6",
    ),
    (
        "html",
        _article("html", "<html><body><p>The UN said 5 died.</p><p>More.</p></body></html>"),
        GOOD_HEADERS,
        "body looks like HTML",
    ),
    ("unsafe-id", _article("../../etc", "The UN said so."), GOOD_HEADERS, "is not allowed"),
    ("empty", b"", GOOD_HEADERS, "empty message value"),
]


def test_rejected_input_is_dead_lettered_with_reason_and_origin_by_every_consumer(
    stack: Stack, producer: KafkaProducer
) -> None:
    run = uuid.uuid4().hex[:6]
    for name, value, headers, _ in REJECTED:
        key = f"bad-{name}-{run}".encode()
        producer.send(physical(ARTICLES_SUBMITTED), key=key, value=value, headers=headers)
    producer.flush()
    good_id = f"after-bad-{run}"
    producer.send(
        physical(ARTICLES_SUBMITTED),
        key=good_id.encode(),
        value=_article(good_id, "The UN said 300 people fled Aleppo on Monday."),
        headers=GOOD_HEADERS,
    ).get(timeout=10)

    for name, value, _, reason in REJECTED:
        key = f"bad-{name}-{run}".encode()
        dead = read_topic(physical(DLQ), key, want=len(CONSUMERS), timeout=120)
        assert {h.header(m.headers, h.DLQ_SERVICE) for m in dead} == CONSUMERS, name
        for m in dead:
            assert reason in (h.header(m.headers, h.DLQ_REASON) or ""), name
            assert h.header(m.headers, h.DLQ_ERROR) == "bad-message"
            assert h.header(m.headers, h.DLQ_ORIGIN_TOPIC) == physical(ARTICLES_SUBMITTED)
            assert (h.header(m.headers, h.DLQ_ORIGIN_OFFSET) or "").isdigit()
            assert (m.value or b"") == value  # the original bytes, replayable
    # nothing else lost: the services are up and the next article gets its record
    assert all(stack.alive(n) for n in stack.procs)
    assert _record(stack, good_id).status == "complete"


def test_text_that_is_processed_in_bounded_time(stack: Stack, producer: KafkaProducer) -> None:
    """Bidi controls (real Arabic articles carry them) and a 50,000-character sentence are
    processed; 100,000 numbers too, but their claim table is over the message limit, so the
    extraction worker dead-letters the article with the size and the record is partial."""
    run = uuid.uuid4().hex[:6]
    bidi = (
        "\u202bقال المرصد السوري إن 12 مدنيا قتلوا في إدلب.\u202c The UN \u202econfirmed\u202c it."
    )
    sentence = ("the army said that people fled from the city after shelling " * 900)[:50_000]
    numbers = " ".join(str(i % 10) for i in range(100_000))
    cases = {"bidi": bidi, "sentence": sentence + ".", "numbers": numbers}
    for name, body in cases.items():
        article_id = f"{name}-{run}"
        producer.send(
            physical(ARTICLES_SUBMITTED),
            key=article_id.encode(),
            value=_article(article_id, body),
            headers=GOOD_HEADERS,
        )
    producer.flush()

    bidi_record = _record(stack, f"bidi-{run}")
    assert bidi_record.status == "complete"
    assert any("\u202e" in c.text for c in bidi_record.claims)  # kept: offsets stay true
    for c in bidi_record.claims:
        assert c.text == bidi[c.start : c.end]

    long_record = _record(stack, f"sentence-{run}")
    assert long_record.status == "complete" and len(long_record.claims) <= 2

    numbers_record = _record(stack, f"numbers-{run}", timeout=180)
    assert numbers_record.status == "partial" and numbers_record.missing_parts == ["extraction"]
    (dead,) = read_topic(physical(DLQ), f"numbers-{run}".encode(), want=1, timeout=30)
    assert h.header(dead.headers, h.DLQ_SERVICE) == "extraction"
    assert h.header(dead.headers, h.DLQ_ERROR) == "result-too-large"
    reason = h.header(dead.headers, h.DLQ_REASON) or ""
    assert "over the 1,000,000-byte message limit (VERIFY_KAFKA_MAX_MESSAGE_BYTES)" in reason
    assert all(stack.alive(n) for n in stack.procs)
