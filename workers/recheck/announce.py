"""Producing archive.added: what `verify archive import` sends after adding documents."""

from __future__ import annotations

from contracts.events import ArchiveAdded
from contracts.topics import ARCHIVE_ADDED
from workers.runtime.kafka import make_producer
from workers.runtime.messages import encode, standard_headers
from workers.runtime.settings import KafkaSettings

BATCH = 5000  # doc ids per event (an event stays far under the message size limit)


def announce_added(doc_ids: list[str], origin: str, settings: KafkaSettings | None = None) -> int:
    """Send the ids in events of at most BATCH ids; how many events were sent."""
    settings = settings or KafkaSettings()
    producer = make_producer(settings)
    try:
        sent = 0
        for i in range(0, len(doc_ids), BATCH):
            event = ArchiveAdded(doc_ids=doc_ids[i : i + BATCH], origin=origin)
            producer.send(
                settings.topic(ARCHIVE_ADDED),
                key=origin.encode(),
                value=encode(event),
                headers=standard_headers(None, "ArchiveAdded"),
            ).get(timeout=settings.send_timeout_s)
            sent += 1
        return sent
    finally:
        producer.close(timeout=settings.send_timeout_s)
