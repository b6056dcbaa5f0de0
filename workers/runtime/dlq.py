"""Reading the dead-letter topic back: what failed, why, and replaying the originals."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kafka import KafkaConsumer, KafkaProducer
from kafka.consumer.fetcher import ConsumerRecord

from contracts import headers as h
from contracts.headers import Headers
from contracts.topics import DLQ
from workers.runtime.kafka import make_producer, make_reader
from workers.runtime.settings import KafkaSettings


@dataclass(frozen=True)
class DeadLetter:
    offset: int
    key: bytes | None
    value: bytes | None
    service: str
    reason: str
    origin_topic: str
    origin_partition: int
    origin_offset: int
    original_headers: Headers

    @property
    def origin(self) -> tuple[str, int, int]:
        return (self.origin_topic, self.origin_partition, self.origin_offset)

    @classmethod
    def of(cls, record: ConsumerRecord) -> DeadLetter:
        hdrs = record.headers or []
        return cls(
            offset=record.offset,
            key=record.key,
            value=record.value,
            service=h.header(hdrs, h.DLQ_SERVICE) or "?",
            reason=h.header(hdrs, h.DLQ_REASON) or "",
            origin_topic=h.header(hdrs, h.DLQ_ORIGIN_TOPIC) or "",
            origin_partition=int(h.header(hdrs, h.DLQ_ORIGIN_PARTITION) or -1),
            origin_offset=int(h.header(hdrs, h.DLQ_ORIGIN_OFFSET) or -1),
            original_headers=[(k, v) for k, v in hdrs if not k.startswith("dlq-")],
        )


def read_dead_letters(
    settings: KafkaSettings, group: str | None = None, idle_ms: int = 2000
) -> Iterator[tuple[KafkaConsumer, DeadLetter]]:
    """Dead letters from the start (no group) or from `group`'s committed position, until the
    topic has been idle for `idle_ms`. The consumer is yielded so a caller can commit."""
    consumer = make_reader(
        settings, group, auto_offset_reset="earliest", consumer_timeout_ms=idle_ms
    )
    consumer.subscribe([settings.topic(DLQ)])
    try:
        for record in consumer:
            yield consumer, DeadLetter.of(record)
    finally:
        consumer.close()


def replay(letter: DeadLetter, producer: KafkaProducer, settings: KafkaSettings) -> None:
    """Send the original message, unchanged, back to the topic it came from."""
    producer.send(
        letter.origin_topic, key=letter.key, value=letter.value, headers=letter.original_headers
    ).get(timeout=settings.send_timeout_s)


@dataclass
class ReplayReport:
    replayed: int = 0
    seen: int = 0
    unknown_origin: int = 0  # letters whose origin topic no longer exists: left alone


def replay_all(
    settings: KafkaSettings,
    group: str,
    service: str | None = None,
    key: str | None = None,
) -> ReplayReport:
    """Replay every dead letter not yet replayed by `group`, optionally only those one service
    rejected or with one key. A message dead-lettered by several services is sent back once."""
    producer = make_producer(settings)
    sent: set[tuple[str, int, int]] = set()
    report = ReplayReport()
    wanted_key = key.encode() if key is not None else None
    try:
        topics: set[str] | None = None
        for consumer, letter in read_dead_letters(settings, group):
            topics = topics if topics is not None else consumer.topics()
            report.seen += 1
            wanted = (service is None or letter.service == service) and (
                wanted_key is None or letter.key == wanted_key
            )
            if wanted and letter.origin not in sent:
                if letter.origin_topic in topics:
                    replay(letter, producer, settings)
                    sent.add(letter.origin)
                else:
                    report.unknown_origin += 1
            consumer.commit()  # replayed (or passed over) once per group, never again
    finally:
        producer.close(timeout=settings.send_timeout_s)
    report.replayed = len(sent)
    return report
