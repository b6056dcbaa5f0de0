"""The consume → handle → produce → commit loop, with retries, a dead-letter topic and clean stops.

Delivery is at-least-once: offsets are committed only after every output of the batch has
been acknowledged by the broker (or, for the collector, after its database commit). Handlers
must therefore be idempotent; deterministic ids and unique keys make them so.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable
from typing import Any

from kafka import ConsumerRebalanceListener, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import CommitFailedError
from kafka.structs import OffsetAndMetadata

from contracts import headers as h
from contracts.topics import DLQ
from workers.runtime.faults import kill_before_commit_if_triggered
from workers.runtime.kafka import make_consumer, make_producer
from workers.runtime.messages import (
    BadMessage,
    Outgoing,
    ResultTooLarge,
    check_schema_version,
    encode,
)
from workers.runtime.settings import KafkaSettings
from workers.runtime.transient import DependencyUnavailable, is_transient

log = logging.getLogger(__name__)

Handler = Callable[[ConsumerRecord], list[Outgoing]]
Hook = Callable[[], None]


class _Listener(ConsumerRebalanceListener):
    def __init__(self, name: str) -> None:
        self.name = name

    def on_partitions_revoked(self, revoked: Any) -> None:
        # Offsets are committed at the end of every batch, before the next poll (where
        # rebalances happen), so nothing processed is left uncommitted here.
        log.info("%s: partitions revoked %s", self.name, sorted(str(tp) for tp in revoked))

    def on_partitions_assigned(self, assigned: Any) -> None:
        log.info("%s: partitions assigned %s", self.name, sorted(str(tp) for tp in assigned))


class _Stopping(Exception):
    """SIGTERM while waiting for a dependency: leave without committing the batch."""


class Service:
    def __init__(
        self,
        name: str,
        topics: list[str],
        handler: Handler,
        settings: KafkaSettings | None = None,
        *,
        after_commit: Hook | None = None,
        on_idle: Hook | None = None,
        before_commit: Hook | None = None,
        consumer_options: dict[str, Any] | None = None,
    ) -> None:
        """`before_commit`: work the handler deferred to the end of the poll's batch (the
        re-check coalesces a batch's events into one pass); a dependency outage is waited
        for as in `handler`, any other error stops the service before the commit, so the
        batch is delivered again. `consumer_options`: kafka-python consumer settings for
        this service only (e.g. fetch_min_bytes / fetch_max_wait_ms to gather batches)."""
        self.name = name
        self.topics = topics
        self.handler = handler
        self.settings = settings or KafkaSettings()
        self.after_commit = after_commit
        self.on_idle = on_idle
        self.before_commit = before_commit
        self.consumer_options = consumer_options or {}
        self._stop = threading.Event()
        self.processed = 0
        self.dead_lettered = 0

    def stop(self, *_: object) -> None:
        self._stop.set()

    def run(self) -> None:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
        consumer = make_consumer(self.settings, self.name, **self.consumer_options)
        producer = make_producer(self.settings)
        consumer.subscribe(
            [self.settings.topic(t) for t in self.topics], listener=_Listener(self.name)
        )
        log.info("%s: consuming %s from %s", self.name, self.topics, self.settings.bootstrap)
        try:
            while not self._stop.is_set():
                self._poll_once(consumer, producer)
        except _Stopping:
            log.info("%s: stopped while a dependency was down (batch not committed)", self.name)
        finally:
            producer.flush(timeout=self.settings.send_timeout_s)
            consumer.close()  # leaves the group at once, so partitions move without waiting
            producer.close(timeout=self.settings.send_timeout_s)
            log.info("%s: stopped after %d messages", self.name, self.processed)

    def _poll_once(self, consumer: KafkaConsumer, producer: KafkaProducer) -> None:
        batch = consumer.poll(
            timeout_ms=self.settings.poll_timeout_ms, max_records=self.settings.max_poll_records
        )
        if batch:
            futures = []
            offsets: dict[TopicPartition, OffsetAndMetadata] = {}
            for tp, records in batch.items():
                for record in records:
                    futures.extend(self._process(record, producer))
                    offsets[tp] = OffsetAndMetadata(record.offset + 1, "", -1)
            if self.before_commit:
                self._deferred(self.before_commit)
            producer.flush(timeout=self.settings.send_timeout_s)
            for future in futures:
                future.get(timeout=self.settings.send_timeout_s)  # raises if a send failed
            kill_before_commit_if_triggered(self.name)  # fault tests only
            try:
                consumer.commit(offsets)
            except CommitFailedError:
                # The group rebalanced under us (a missed heartbeat on a loaded machine, a
                # new member): the partitions' next owner gets the batch again, and every
                # handler is idempotent, so this is a duplicate, not a loss. Staying alive
                # lets the next poll rejoin the group.
                log.warning(
                    "%s: offset commit refused after a rebalance; batch will be redelivered",
                    self.name,
                )
                return
            if self.after_commit:
                self.after_commit()
        if self.on_idle:
            self.on_idle()

    def _process(self, record: ConsumerRecord, producer: KafkaProducer) -> list[Any]:
        delay = self.settings.retry_backoff_s
        attempt = 0
        outage = _Outage(self.name, self.settings.dependency_wait_s)
        while True:
            try:
                check_schema_version(record.headers)
                outputs = [(out, self._encode(out)) for out in self.handler(record)]
                self.processed += 1
                return [self._send(producer, out, value, record) for out, value in outputs]
            except BadMessage as exc:
                return [self._dead_letter(producer, record, str(exc), exc.kind, attempt + 1)]
            except Exception as exc:
                if is_transient(exc):
                    # the database or the broker is down: not the message's fault
                    outage.wait(exc, _where(record))
                    if self._stop.is_set():
                        raise _Stopping() from exc
                    continue
                attempt += 1
                log.warning(
                    "%s: attempt %d failed at %s: %s", self.name, attempt, _where(record), exc
                )
                if attempt >= self.settings.max_attempts:
                    reason = f"failed after {attempt} attempts: {type(exc).__name__}: {exc}"
                    return [self._dead_letter(producer, record, reason, "handler-error", attempt)]
                time.sleep(delay)
                delay *= 2

    def _deferred(self, work: Hook) -> None:
        outage = _Outage(self.name, self.settings.dependency_wait_s)
        while True:
            try:
                work()
                return
            except Exception as exc:
                if not is_transient(exc):
                    raise
                outage.wait(exc, "the end of a batch")
                if self._stop.is_set():
                    raise _Stopping() from exc

    def _encode(self, out: Outgoing) -> bytes:
        value = encode(out.value)
        if len(value) > self.settings.max_message_bytes:
            raise ResultTooLarge(
                f"{self.name}: the {out.topic} message for {out.key[:60]!r} would be "
                f"{len(value):,} bytes, over the {self.settings.max_message_bytes:,}-byte "
                "message limit (VERIFY_KAFKA_MAX_MESSAGE_BYTES)"
            )
        return value

    def _send(
        self, producer: KafkaProducer, out: Outgoing, value: bytes, record: ConsumerRecord
    ) -> Any:
        correlation = h.header(record.headers, h.CORRELATION_ID)
        hdrs = out.headers or []
        if correlation and not any(k == h.CORRELATION_ID for k, _ in hdrs):
            hdrs = [*hdrs, (h.CORRELATION_ID, correlation.encode())]
        topic = self.settings.topic(out.topic)
        return producer.send(topic, key=out.key.encode(), value=value, headers=hdrs)

    def _dead_letter(
        self,
        producer: KafkaProducer,
        record: ConsumerRecord,
        reason: str,
        error: str,
        attempts: int,
    ) -> Any:
        self.dead_lettered += 1
        log.error("%s: dead-lettering %s: %s", self.name, _where(record), reason)
        dlq_headers = [
            *(record.headers or []),
            (h.DLQ_REASON, reason[:2000].encode()),
            (h.DLQ_ERROR, error.encode()),
            (h.DLQ_SERVICE, self.name.encode()),
            (h.DLQ_ORIGIN_TOPIC, record.topic.encode()),
            (h.DLQ_ORIGIN_PARTITION, str(record.partition).encode()),
            (h.DLQ_ORIGIN_OFFSET, str(record.offset).encode()),
            (h.DLQ_ATTEMPTS, str(attempts).encode()),
        ]
        # the original bytes go unchanged, so nothing is lost and the message can be replayed
        topic = self.settings.topic(DLQ)
        return producer.send(topic, key=record.key, value=record.value, headers=dlq_headers)


class _Outage:
    """Capped exponential back-off while a dependency is down, for at most `limit_s`."""

    def __init__(self, service: str, limit_s: float) -> None:
        self.service = service
        self.limit_s = limit_s
        self.since: float | None = None
        self.delay = 0.5

    def wait(self, exc: Exception, where: str) -> None:
        now = time.monotonic()
        self.since = self.since or now
        if now - self.since > self.limit_s:
            raise DependencyUnavailable(
                f"{self.service}: a dependency stayed unavailable for {self.limit_s:.0f}s "
                f"({type(exc).__name__}); exiting so the supervisor restarts the service"
            ) from exc
        log.warning(
            "%s: dependency unavailable at %s (%s: %s); retrying in %.1fs",
            self.service,
            where,
            type(exc).__name__,
            str(exc).splitlines()[0][:200],
            self.delay,
        )
        time.sleep(self.delay)
        self.delay = min(self.delay * 2, 15.0)


def _where(record: ConsumerRecord) -> str:
    return f"{record.topic}[{record.partition}]@{record.offset}"
