"""Collector: joins the three results (and the article's metadata) by (article_id, revision)
in the database, then makes the record of every join that is due with a Prefect flow run.

Due joins are claimed in the database first (storage.join_claims), so several collectors
share the work without running a join twice, and run on a bounded pool of threads, so the
Kafka loop keeps consuming while flow runs are in flight.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

import httpx
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
from flows.verify_article import run_verify_article, run_verify_batch, verify_without_prefect
from storage.engine import default_engine
from storage.join_claims import (
    Key,
    claim_due_joins,
    claim_join,
    holds_claim,
    instance_name,
    release_join,
)
from storage.join_store import owe_flow_run, pending_flow_runs, record_article, record_part
from workers.collector.prefect_gate import (
    PrefectGate,
    is_prefect_busy,
    is_prefect_unreachable,
    prefect_healthy,
)
from workers.collector.run_plan import plan_runs
from workers.collector.settings import CollectorSettings
from workers.runtime import Outgoing, Service, decode
from workers.runtime.logs import setup_logging
from workers.runtime.settings import KafkaSettings

log = logging.getLogger(__name__)

BUSY_RETRY_S = 1.0  # a Prefect 503/429 (server overloaded): the joins wait this long

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
        self.owner = instance_name()
        self._last_sweep = 0.0
        self._lock = threading.Lock()
        self._retry_at: dict[Key, tuple[int, float]] = {}  # failures, next try
        self._running: dict[Future[None], list[Key]] = {}
        self._last_start = 0.0  # monotonic time the last flow run started
        self._pool = ThreadPoolExecutor(self.settings.concurrency, thread_name_prefix="flow")
        api_url, health = self.settings.prefect_api_url, httpx.Client()
        self.prefect = PrefectGate(
            self.settings.prefect_wait_s, lambda: prefect_healthy(api_url, health)
        )

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
        """Start runs for joins that are complete, past their deadline, or left by a crash."""
        try:
            self._run_due()
        except OperationalError as exc:  # the database is down: the next sweep tries again
            log.warning("database unavailable, due joins wait: %s", str(exc).splitlines()[0])

    def _in_flight(self) -> set[Key]:
        with self._lock:
            for future in [f for f in self._running if f.done()]:
                self._running.pop(future)
            return {k for keys in self._running.values() for k in keys}

    def _free_runs(self) -> int:
        self._in_flight()
        with self._lock:
            return self.settings.concurrency - len(self._running)

    def _run_due(self) -> None:
        prefect_up = self.prefect.up()
        if not prefect_up and not self.prefect.degraded:
            return  # Prefect down for less than prefect_wait_s: the joins stay due
        free = self._free_runs()
        if free <= 0:
            return
        busy = self._in_flight()
        now = time.monotonic()
        if prefect_up and busy and self._lingering(now):
            return  # joins due meanwhile go together into the next run
        with self._lock:
            waiting = {k for k, (_, at) in self._retry_at.items() if now < at} | busy
        per_run = (
            1 if self.settings.mode == "article" or not prefect_up else self.settings.batch_size
        )
        claimed = claim_due_joins(
            self.engine, self.owner, free * per_run, self.settings.claim_lease_s, skip=waiting
        )
        if not prefect_up:
            for key in claimed:
                self._start([key], self._without_prefect)
            return
        for keys in plan_runs(claimed, free, self.settings.mode, self.settings.batch_size):
            self._start(keys, self._flow_run)
        if not claimed:
            self._catch_up(busy)

    def _lingering(self, now: float) -> bool:
        """While runs are in flight, start another at most every `linger_s`: a flow run's
        fixed cost is several articles' worth, so joins that fall due close together share
        one. An idle collector starts a run at once (a lone article gets its own run)."""
        return self.settings.mode != "article" and now - self._last_start < self.settings.linger_s

    def _start(self, keys: list[Key], run: Callable[[list[Key]], None]) -> None:
        self._last_start = time.monotonic()
        future = self._pool.submit(run, keys)
        with self._lock:
            self._running[future] = keys

    def _without_prefect(self, keys: list[Key]) -> None:
        for key in keys:
            try:
                log.warning("record without a flow run %s", verify_without_prefect(*key))
                self._succeeded(key)
            except Exception:
                log.exception("record without Prefect failed for %s r%s", *key)
                self._failed(key)

    def _flow_run(self, keys: list[Key]) -> None:
        try:
            if len(keys) == 1 and self.settings.mode != "batch":
                log.info("record %s", run_verify_article(*keys[0]))
                self._succeeded(keys[0])
                return
            results = run_verify_batch(keys)
            for name, result in results.items():
                log.info("record %s %s", name, result)
            for key in keys:  # a failed article still holds its claim: back off, try again
                if holds_claim(self.engine, key, self.owner):
                    self._failed(key)
                    continue
                if "error" in results.get(f"{key[0]} r{key[1]}", {}):
                    owe_flow_run(self.engine, *key)  # record made, its task run cut off
                self._succeeded(key)
        except Exception as exc:
            if is_prefect_unreachable(exc):
                self.prefect.report_down()  # not the joins' fault: no back-off for them
                log.warning("Prefect unreachable while running %s", keys)
                for key in keys:
                    owe_flow_run(self.engine, *key)  # the cut-off run is caught up later
                    release_join(self.engine, key, self.owner)
                return
            if is_prefect_busy(exc):  # try again soon, without the growing back-off
                log.warning(
                    "Prefect busy (%s) for %s: retried shortly", exc.__class__.__name__, keys
                )
                for key in keys:
                    self._failed(key, busy=True)
                return
            log.exception("flow run failed for %s", keys)
            for key in keys:
                self._failed(key)

    def _succeeded(self, key: Key) -> None:
        with self._lock:
            self._retry_at.pop(key, None)

    def _failed(self, key: Key, busy: bool = False) -> None:
        release_join(self.engine, key, self.owner)
        with self._lock:
            failures = self._retry_at.get(key, (0, 0.0))[0]
            if busy:
                self._retry_at[key] = (failures, time.monotonic() + BUSY_RETRY_S)
                return
            failures += 1
            self._retry_at[key] = (failures, time.monotonic() + min(300.0, 2.0**failures))

    def _catch_up(self, busy: set[Key]) -> None:
        """Flow runs owed for records made while Prefect was down, a few per idle sweep."""
        for key in pending_flow_runs(self.engine, self.settings.catch_up_per_sweep):
            if key in busy or not claim_join(
                self.engine, key, self.owner, self.settings.claim_lease_s
            ):
                continue
            try:
                log.info("catch-up %s", run_verify_article(*key, catch_up=True))
            except Exception as exc:
                release_join(self.engine, key, self.owner)
                if is_prefect_unreachable(exc):
                    self.prefect.report_down()
                    return
                log.exception("catch-up flow run failed for %s r%s", *key)
                return

    def sweep(self) -> None:
        if time.monotonic() - self._last_sweep >= self.settings.sweep_interval_s:
            self._last_sweep = time.monotonic()
            self.run_due()

    def drain(self, timeout_s: float = 10.0) -> None:
        """Wait for the runs in flight (shutdown: their records are made, claims released)."""
        deadline = time.monotonic() + timeout_s
        while self._in_flight() and time.monotonic() < deadline:
            time.sleep(0.1)
        self._pool.shutdown(wait=False, cancel_futures=True)


def main() -> None:
    setup_logging()
    kafka = KafkaSettings()
    collector = Collector(kafka=kafka)
    topics = [ARTICLES_SUBMITTED, *_RESULT_MODELS]
    try:
        Service(
            "collector",
            topics,
            collector.handle,
            kafka,
            after_commit=collector.run_due,
            on_idle=collector.sweep,
        ).run()
    finally:
        collector.drain()
