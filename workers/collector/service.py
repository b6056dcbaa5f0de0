"""Collector: joins the three results (and the article's metadata) by (article_id, revision)
in the database, then runs the `verify-article` flow for every join that is due."""

from __future__ import annotations

import logging
import time

from kafka.consumer.fetcher import ConsumerRecord
from sqlalchemy.exc import OperationalError

from contracts import headers as h
from contracts.events import (
    ArticleSubmitted,
    ExtractionResult,
    PartResult,
    SourcesResult,
    XrefResult,
)
from contracts.topics import ARTICLES_SUBMITTED, RESULTS_EXTRACTION, RESULTS_SOURCES, RESULTS_XREF
from flows.verify_article import run_verify_article, verify_without_prefect
from storage.engine import default_engine
from storage.join_store import (
    due_joins,
    owe_flow_run,
    pending_flow_runs,
    record_article,
    record_part,
)
from workers.collector.prefect_gate import PrefectGate, is_prefect_unreachable, prefect_healthy
from workers.collector.settings import CollectorSettings
from workers.runtime import Outgoing, Service, decode
from workers.runtime.logs import setup_logging
from workers.runtime.settings import KafkaSettings

log = logging.getLogger(__name__)

_RESULT_MODELS: dict[str, type[PartResult]] = {
    RESULTS_EXTRACTION: ExtractionResult,
    RESULTS_SOURCES: SourcesResult,
    RESULTS_XREF: XrefResult,
}


class Collector:
    def __init__(
        self, settings: CollectorSettings | None = None, kafka: KafkaSettings | None = None
    ) -> None:
        self.settings = settings or CollectorSettings()
        kafka = kafka or KafkaSettings()
        self._articles = kafka.topic(ARTICLES_SUBMITTED)
        self._models = {kafka.topic(t): model for t, model in _RESULT_MODELS.items()}
        self.engine = default_engine()
        self._last_sweep = 0.0
        self._retry_at: dict[tuple[str, int], tuple[int, float]] = {}  # failures, next try
        api_url = self.settings.prefect_api_url
        self.prefect = PrefectGate(self.settings.prefect_wait_s, lambda: prefect_healthy(api_url))

    def handle(self, record: ConsumerRecord) -> list[Outgoing]:
        if record.topic == self._articles:
            record_article(
                self.engine, decode(record.value, ArticleSubmitted), self.settings.deadline_s
            )
        else:
            part: PartResult = decode(record.value, self._models[record.topic])
            origin = h.header(record.headers, h.ORIGIN)
            record_part(self.engine, part, self.settings.deadline_s, origin)
        return []  # the effect is the database write; the flow publishes the record

    def run_due(self) -> None:
        """Run the flow for joins that are complete, past their deadline, or left by a crash."""
        try:
            self._run_due()
        except OperationalError as exc:  # the database is down: the next sweep tries again
            log.warning("database unavailable, due joins wait: %s", str(exc).splitlines()[0])

    def _run_due(self) -> None:
        prefect_up = self.prefect.up()
        if not prefect_up and not self.prefect.degraded:
            return  # Prefect down for less than prefect_wait_s: the joins stay due
        # joins waiting out a back-off must not crowd newer ones out of the batch
        for key in due_joins(self.engine, limit=50 + len(self._retry_at)):
            failures, retry_at = self._retry_at.get(key, (0, 0.0))
            if time.monotonic() < retry_at:
                continue
            try:
                if prefect_up:
                    log.info("record %s", run_verify_article(*key))
                else:
                    log.warning("record without a flow run %s", verify_without_prefect(*key))
                self._retry_at.pop(key, None)
            except Exception as exc:
                if prefect_up and is_prefect_unreachable(exc):
                    self.prefect.report_down()  # not the join's fault: no back-off for it
                    log.warning("Prefect unreachable while running %s r%s", *key)
                    owe_flow_run(self.engine, *key)  # the cut-off run is caught up later
                    return
                log.exception("verify-article failed for %s r%s", *key)
                backoff = min(300.0, 2.0 ** (failures + 1))
                self._retry_at[key] = (failures + 1, time.monotonic() + backoff)
        if prefect_up:
            self._catch_up()

    def _catch_up(self) -> None:
        """Flow runs owed for records made while Prefect was down, a few per sweep."""
        for key in pending_flow_runs(self.engine, self.settings.catch_up_per_sweep):
            try:
                log.info("catch-up %s", run_verify_article(*key, catch_up=True))
            except Exception as exc:
                if is_prefect_unreachable(exc):
                    self.prefect.report_down()
                    return
                log.exception("catch-up flow run failed for %s r%s", *key)
                return

    def sweep(self) -> None:
        if time.monotonic() - self._last_sweep >= self.settings.sweep_interval_s:
            self._last_sweep = time.monotonic()
            self.run_due()


def main() -> None:
    setup_logging()
    kafka = KafkaSettings()
    collector = Collector(kafka=kafka)
    topics = [ARTICLES_SUBMITTED, *_RESULT_MODELS]
    Service(
        "collector",
        topics,
        collector.handle,
        kafka,
        after_commit=collector.run_due,
        on_idle=collector.sweep,
    ).run()
