"""Collector: joins the three results (and the article's metadata) by (article_id, revision)
in the database, then runs the `verify-article` flow for every join that is due."""

from __future__ import annotations

import logging
import time

from kafka.consumer.fetcher import ConsumerRecord

from contracts.events import (
    ArticleSubmitted,
    ExtractionResult,
    PartResult,
    SourcesResult,
    XrefResult,
)
from contracts.topics import ARTICLES_SUBMITTED, RESULTS_EXTRACTION, RESULTS_SOURCES, RESULTS_XREF
from flows.verify_article import run_verify_article
from storage.engine import default_engine
from storage.join_store import due_joins, record_article, record_part
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

    def handle(self, record: ConsumerRecord) -> list[Outgoing]:
        if record.topic == self._articles:
            record_article(
                self.engine, decode(record.value, ArticleSubmitted), self.settings.deadline_s
            )
        else:
            part: PartResult = decode(record.value, self._models[record.topic])
            record_part(self.engine, part, self.settings.deadline_s)
        return []  # the effect is the database write; the flow publishes the record

    def run_due(self) -> None:
        """Run the flow for joins that are complete, past their deadline, or left by a crash."""
        # joins waiting out a back-off must not crowd newer ones out of the batch
        for key in due_joins(self.engine, limit=50 + len(self._retry_at)):
            failures, retry_at = self._retry_at.get(key, (0, 0.0))
            if time.monotonic() < retry_at:
                continue
            try:
                log.info("record %s", run_verify_article(*key))
                self._retry_at.pop(key, None)
            except Exception:
                log.exception("verify-article failed for %s r%s", *key)
                backoff = min(300.0, 2.0 ** (failures + 1))
                self._retry_at[key] = (failures + 1, time.monotonic() + backoff)

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
