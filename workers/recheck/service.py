"""Kafka adapter: archive.added events re-check stored claims — imports and feeds through
the recheck-claims flow run (visible to operators), processed articles in-process.

Processed articles' events are gathered (the consumer waits up to `GATHER_MS` for more) and
re-checked together at the end of the poll's batch: a record bearing on five new articles
gets one new version, not five, and is read, stored and published once (issue 9).

The work runs before the offset is committed (at-least-once: a crash re-runs it, and a run
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
from workers.runtime.service import Handler, Service
from workers.runtime.settings import KafkaSettings
from workers.runtime.transient import is_transient

log = logging.getLogger(__name__)

# The broker holds a fetch until this much waits or GATHER_MS passed: re-checks are not on
# an article's path to its first record, so a second of gathering costs nobody a wait.
GATHER_MS = 1000
GATHER_BYTES = 64 * 1024
GATHER_RECORDS = 200


class ArticleDocuments:
    """Document ids of processed articles' events, re-checked once per batch."""

    def __init__(self) -> None:
        self.doc_ids: dict[str, None] = {}  # insertion-ordered, each id once
        self.events = 0

    def add(self, event: ArchiveAdded) -> None:
        self.doc_ids.update(dict.fromkeys(event.doc_ids))
        self.events += 1

    def recheck(self) -> None:
        if not self.doc_ids:
            return
        try:
            versions = recheck_now(doc_ids=list(self.doc_ids)).versions
        except Exception as exc:
            if is_transient(exc):
                raise  # the service waits for the database and calls again
            # not the events' fault, and re-running would fail alike: logged with the ids;
            # the daily `recheck-claims` run covers every document of the last 26 hours
            log.exception("re-check of documents %s failed", list(self.doc_ids)[:20])
            versions = []
        log.info(
            "re-checked %d documents of %d processed articles: %d new versions",
            len(self.doc_ids),
            self.events,
            len(versions),
        )
        self.doc_ids, self.events = {}, 0


def handler(pending: ArticleDocuments) -> Handler:
    def handle(record: ConsumerRecord) -> list[Outgoing]:
        event = decode(record.value, ArchiveAdded)
        if event.origin == "article":
            # one per processed article: a flow run each would double the Prefect server's
            # load; gathered and re-checked in-process at the end of the batch
            pending.add(event)
            return []
        versions = _flow_or_plain(event)
        log.info(
            "re-checked %d documents (%s): %d new versions",
            len(event.doc_ids),
            event.origin,
            len(versions),
        )
        return []

    return handle


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
    pending = ArticleDocuments()

    def idle() -> None:
        try:
            watch.check(time.monotonic())
        except Exception:  # the watch must never stop re-checks
            log.exception("DLQ watch failed")

    Service(
        "recheck",
        [ARCHIVE_ADDED],
        handler(pending),
        kafka.model_copy(update={"max_poll_records": GATHER_RECORDS}),
        on_idle=idle,
        before_commit=pending.recheck,
        consumer_options={"fetch_max_wait_ms": GATHER_MS, "fetch_min_bytes": GATHER_BYTES},
    ).run()
