"""Publishing records on verify.records (one producer per process, created on first use)."""

from __future__ import annotations

from functools import cache

from kafka import KafkaProducer

from contracts.record import VerificationRecord
from contracts.topics import RECORDS
from workers.runtime.kafka import make_producer
from workers.runtime.messages import encode, standard_headers
from workers.runtime.settings import KafkaSettings


@cache
def _producer(bootstrap: str) -> KafkaProducer:
    return make_producer(KafkaSettings(bootstrap=bootstrap))


def publish_record(record: VerificationRecord, settings: KafkaSettings | None = None) -> None:
    settings = settings or KafkaSettings()
    correlation = f"{record.article_id}:{record.revision}:{record.version}"
    future = _producer(settings.bootstrap).send(
        settings.topic(RECORDS),
        key=record.article_id.encode(),
        value=encode(record),
        headers=standard_headers(correlation, "VerificationRecord"),
    )
    future.get(timeout=settings.send_timeout_s)
