"""The shared Kafka runtime against the real broker: retries, dead letters, commits, clean stop."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic
from kafka.consumer.fetcher import ConsumerRecord
from sqlalchemy.exc import OperationalError
from stacktools import BOOTSTRAP, physical, read_topic, wait_for

from contracts import headers as h
from contracts.events import ArticleSubmitted
from contracts.topics import DLQ
from workers.runtime import Outgoing, Service, decode
from workers.runtime.settings import KafkaSettings

pytestmark = pytest.mark.integration


@pytest.fixture
def topics() -> Iterator[tuple[str, str]]:
    suffix = uuid.uuid4().hex[:8]
    names = (f"test.in.{suffix}", f"test.out.{suffix}")
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
    physical_names = [physical(n) for n in names]  # under the module's namespace
    admin.create_topics(
        [NewTopic(n, num_partitions=1, replication_factor=1) for n in physical_names]
    )
    yield names
    admin.delete_topics(physical_names)
    admin.close()


def test_retries_then_dead_letters_commits_and_stops_cleanly(
    topics: tuple[str, str], producer: KafkaProducer
) -> None:
    source, sink = topics
    attempts: dict[str, int] = {}

    def handle(record: ConsumerRecord) -> list[Outgoing]:
        article = decode(record.value, ArticleSubmitted)
        attempts[article.article_id] = attempts.get(article.article_id, 0) + 1
        if article.article_id.startswith("poison"):
            raise RuntimeError("database is down")
        return [Outgoing(sink, article.article_id, article)]

    poison, good = f"poison-{uuid.uuid4().hex[:6]}", f"good-{uuid.uuid4().hex[:6]}"
    for article_id in (poison, good):
        value = ArticleSubmitted(article_id=article_id, body="text").model_dump_json().encode()
        producer.send(physical(source), key=article_id.encode(), value=value).get(10)

    settings = KafkaSettings(
        group_prefix=f"test-{uuid.uuid4().hex[:6]}", max_attempts=3, retry_backoff_s=0.05
    )
    service = Service("runtime-test", [source], handle, settings)
    thread = threading.Thread(target=service.run)
    thread.start()
    try:
        out = read_topic(physical(sink), good.encode(), want=1, timeout=60)
        dead = read_topic(physical(DLQ), poison.encode(), want=1, timeout=60)
    finally:
        service.stop()
        thread.join(timeout=30)
    assert not thread.is_alive()  # stop() ends the loop and closes the clients

    assert len(out) == 1 and attempts[good] == 1
    assert attempts[poison] == 3  # bounded retries, then the dead-letter topic
    (letter,) = dead
    assert h.header(letter.headers, h.DLQ_ERROR) == "handler-error"
    assert h.header(letter.headers, h.DLQ_ATTEMPTS) == "3"
    assert "RuntimeError: database is down" in (h.header(letter.headers, h.DLQ_REASON) or "")
    assert h.header(letter.headers, h.DLQ_ORIGIN_TOPIC) == physical(source)

    # both inputs were committed: a restarted consumer in the group has nothing left to read
    consumer = KafkaConsumer(
        bootstrap_servers=BOOTSTRAP, group_id=f"{settings.group_prefix}.runtime-test"
    )
    try:
        assert consumer.committed(TopicPartition(physical(source), 0)) == 2
    finally:
        consumer.close()


def test_a_commit_refused_after_a_rebalance_redelivers_instead_of_stopping(
    topics: tuple[str, str], producer: KafkaProducer
) -> None:
    """A handler slower than max_poll_interval_ms gets the consumer kicked out of its group
    (as a starved heartbeat does on a loaded machine): the commit is refused, the service
    stays up, rejoins, gets the batch again and commits it."""
    source, sink = topics
    seen: list[str] = []

    def handle(record: ConsumerRecord) -> list[Outgoing]:
        article = decode(record.value, ArticleSubmitted)
        seen.append(article.article_id)
        if len(seen) == 1:
            threading.Event().wait(4.0)  # over the 2 s poll interval below
        return [Outgoing(sink, article.article_id, article)]

    article_id = f"slow-{uuid.uuid4().hex[:6]}"
    value = ArticleSubmitted(article_id=article_id, body="text").model_dump_json().encode()
    producer.send(physical(source), key=article_id.encode(), value=value).get(10)

    settings = KafkaSettings(
        group_prefix=f"test-{uuid.uuid4().hex[:6]}",
        max_poll_interval_ms=2000,
        session_timeout_ms=6000,
    )
    service = Service("runtime-test", [source], handle, settings)
    thread = threading.Thread(target=service.run)
    thread.start()
    try:
        out = read_topic(physical(sink), article_id.encode(), want=2, timeout=60)
        assert thread.is_alive()
    finally:
        service.stop()
        thread.join(timeout=30)
    assert seen == [article_id, article_id]  # delivered again, not lost
    assert len(out) == 2  # at-least-once: the duplicate output is the same event

    consumer = KafkaConsumer(
        bootstrap_servers=BOOTSTRAP, group_id=f"{settings.group_prefix}.runtime-test"
    )
    try:
        assert consumer.committed(TopicPartition(physical(source), 0)) == 1
    finally:
        consumer.close()


def test_work_deferred_to_the_end_of_a_batch_runs_once_before_the_commit(
    topics: tuple[str, str], producer: KafkaProducer
) -> None:
    """The re-check's shape: the handler only gathers, `before_commit` works on the whole
    batch once; a dependency outage there is waited for and the batch committed after."""
    source, _ = topics
    ids = [f"gather-{i}-{uuid.uuid4().hex[:4]}" for i in range(5)]
    for article_id in ids:
        value = ArticleSubmitted(article_id=article_id, body="text").model_dump_json().encode()
        producer.send(physical(source), key=article_id.encode(), value=value)
    producer.flush(10)
    pending: list[str] = []
    batches: list[list[str]] = []
    calls = 0

    def handle(record: ConsumerRecord) -> list[Outgoing]:
        pending.append(decode(record.value, ArticleSubmitted).article_id)
        return []

    def work() -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise OperationalError("SELECT 1", {}, Exception("database is locked"))
        batches.append(list(pending))
        pending.clear()

    settings = KafkaSettings(group_prefix=f"test-{uuid.uuid4().hex[:6]}")
    service = Service(
        "runtime-test",
        [source],
        handle,
        settings,
        before_commit=work,
        consumer_options={"fetch_max_wait_ms": 1000, "fetch_min_bytes": 1 << 20},
    )
    thread = threading.Thread(target=service.run)
    thread.start()
    try:
        group = f"{settings.group_prefix}.runtime-test"
        consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=group)
        try:
            tp = TopicPartition(physical(source), 0)
            wait_for(lambda: consumer.committed(tp) == 5, 60, "the batch committed")
        finally:
            consumer.close()
    finally:
        service.stop()
        thread.join(timeout=30)
    assert batches == [ids]  # one pass over the whole batch, in order
    assert calls == 2  # the outage was waited for, not blamed on a message
