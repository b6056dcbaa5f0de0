"""Kafka adapter: archive.added events re-check stored claims — imports and feeds through
the recheck-claims flow run (visible to operators), processed articles in-process.

The flow runs before the offset is committed (at-least-once: a crash re-runs it, and a run
that finds nothing new stores nothing). When Prefect is unreachable the same steps run
without a flow run, so new evidence still reaches the records.
"""

from __future__ import annotations

import logging
import time

from kafka.consumer.fetcher import ConsumerRecord

from contracts.events import ArchiveAdded
from contracts.topics import ARCHIVE_ADDED
from flows.recheck_claims import loaded_checker, recheck_claims, recheck_now
from ops.automations import DlqWatch
from workers.collector.prefect_gate import is_prefect_unreachable
from workers.runtime.logs import setup_logging
from workers.runtime.messages import Outgoing, decode
from workers.runtime.service import Service
from workers.runtime.settings import KafkaSettings

log = logging.getLogger(__name__)


def handle(record: ConsumerRecord) -> list[Outgoing]:
    event = decode(record.value, ArchiveAdded)
    if event.origin == "article":
        # one per processed article: a flow run each would double the Prefect server's load
        # (and cap the pipeline at ~0.5 articles/s); the same steps, in-process
        versions = recheck_now(doc_ids=event.doc_ids).versions
    else:
        versions = _flow_or_plain(event)
    log.info(
        "re-checked %d documents (%s): %d new versions",
        len(event.doc_ids),
        event.origin,
        len(versions),
    )
    return []


def _flow_or_plain(event: ArchiveAdded) -> list[dict[str, object]]:
    try:
        return list(recheck_claims(doc_ids=event.doc_ids)["versions"])
    except Exception as exc:
        if not is_prefect_unreachable(exc):
            raise
        log.warning("Prefect unreachable: re-checking without a flow run")
        return recheck_now(doc_ids=event.doc_ids).versions


def main() -> None:
    setup_logging()
    loaded_checker()  # the models and the archive before the first event, not during it
    kafka = KafkaSettings()
    watch = DlqWatch(kafka)  # fires the "dead letters growing" automation (ops.automations)

    def idle() -> None:
        try:
            watch.check(time.monotonic())
        except Exception:  # the watch must never stop re-checks
            log.exception("DLQ watch failed")

    Service("recheck", [ARCHIVE_ADDED], handle, kafka, on_idle=idle).run()
