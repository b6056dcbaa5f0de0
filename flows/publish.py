"""Publishing records on verify.records (one producer per process, created on first use)."""

from __future__ import annotations

from functools import cache

from kafka import KafkaProducer
from sqlalchemy.engine import Engine

from contracts import headers as h
from contracts.headers import Headers
from contracts.record import VerificationRecord
from contracts.topics import RECORDS
from flows.material import material_key
from storage.record_store import is_published, mark_published, save_record
from workers.runtime.kafka import make_producer
from workers.runtime.messages import encode, standard_headers
from workers.runtime.settings import KafkaSettings


@cache
def _producer(bootstrap: str) -> KafkaProducer:
    return make_producer(KafkaSettings(bootstrap=bootstrap))


def record_headers(record: VerificationRecord) -> Headers:
    correlation = f"{record.article_id}:{record.revision}:{record.version}"
    return [
        *standard_headers(correlation, "VerificationRecord"),
        (h.RECORD_VERSION, str(record.version).encode()),
        (h.RECORD_REVISION, str(record.revision).encode()),
    ]


def publish_record(record: VerificationRecord, settings: KafkaSettings | None = None) -> None:
    settings = settings or KafkaSettings()
    future = _producer(settings.bootstrap).send(
        settings.topic(RECORDS),
        key=record.article_id.encode(),
        value=encode(record),
        headers=record_headers(record),
    )
    future.get(timeout=settings.send_timeout_s)


def store_version(engine: Engine, record: VerificationRecord) -> tuple[VerificationRecord, bool]:
    """Store `record` as the next version when something an editor sees changed
    (flows.material); the stored record (with its version) and whether it is new."""
    return save_record(engine, record, material_key(record))


def publish_once(engine: Engine, record: VerificationRecord) -> bool:
    """Publish the version unless it is on the topic already (a rerun after a crash)."""
    if is_published(engine, record):
        return False
    publish_record(record)
    mark_published(engine, record)
    return True
