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
from kafka.structs import OffsetAndMetadata

from contracts import headers as h
from contracts.topics import DLQ
from workers.runtime.kafka import make_consumer, make_producer
from workers.runtime.messages import BadMessage, Outgoing, encode
from workers.runtime.settings import KafkaSettings

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
    ) -> None:
        self.name = name
        self.topics = topics
        self.handler = handler
        self.settings = settings or KafkaSettings()
        self.after_commit = after_commit
        self.on_idle = on_idle
        self._stop = threading.Event()
        self.processed = 0
        self.dead_lettered = 0

    def stop(self, *_: object) -> None:
        self._stop.set()

    def run(self) -> None:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, self.stop)
            signal.signal(signal.SIGINT, self.stop)
        consumer = make_consumer(self.settings, self.name)
        producer = make_producer(self.settings)
        consumer.subscribe(
            [self.settings.topic(t) for t in self.topics], listener=_Listener(self.name)
        )
        log.info("%s: consuming %s from %s", self.name, self.topics, self.settings.bootstrap)
        try:
            while not self._stop.is_set():
                self._poll_once(consumer, producer)
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
            producer.flush(timeout=self.settings.send_timeout_s)
            for future in futures:
                future.get(timeout=self.settings.send_timeout_s)  # raises if a send failed
            consumer.commit(offsets)
            if self.after_commit:
                self.after_commit()
        if self.on_idle:
            self.on_idle()

    def _process(self, record: ConsumerRecord, producer: KafkaProducer) -> list[Any]:
        delay = self.settings.retry_backoff_s
        for attempt in range(1, self.settings.max_attempts + 1):
            try:
                outputs = self.handler(record)
                self.processed += 1
                return [self._send(producer, out, record) for out in outputs]
            except BadMessage as exc:
                return [self._dead_letter(producer, record, str(exc), "bad-message", attempt)]
            except Exception as exc:
                log.warning(
                    "%s: attempt %d failed at %s: %s", self.name, attempt, _where(record), exc
                )
                if attempt == self.settings.max_attempts:
                    reason = f"failed after {attempt} attempts: {type(exc).__name__}: {exc}"
                    return [self._dead_letter(producer, record, reason, "handler-error", attempt)]
                time.sleep(delay)
                delay *= 2
        return []

    def _send(self, producer: KafkaProducer, out: Outgoing, record: ConsumerRecord) -> Any:
        correlation = h.header(record.headers, h.CORRELATION_ID)
        hdrs = out.headers or []
        if correlation and not any(k == h.CORRELATION_ID for k, _ in hdrs):
            hdrs = [*hdrs, (h.CORRELATION_ID, correlation.encode())]
        topic = self.settings.topic(out.topic)
        return producer.send(topic, key=out.key.encode(), value=encode(out.value), headers=hdrs)

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


def _where(record: ConsumerRecord) -> str:
    return f"{record.topic}[{record.partition}]@{record.offset}"
