"""GET /metrics: the figures of `verify status` for Prometheus, gathered at scrape time."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter, Depends, Response
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.engine import Engine

from api.deps import ReadAccess, get_engine
from ops.settings import OpsSettings
from ops.status import Unreachable, database_figures, kafka_figures
from ops.supervisor import process_states
from workers.runtime.settings import KafkaSettings

router = APIRouter(tags=["operations"])


class PipelineCollector(Collector):
    """Each scrape asks supervisord, Kafka and the database; a part that does not answer
    shows as verify_up{part=...} 0 instead of failing the whole scrape."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[Metric]:
        ops = OpsSettings()
        up = GaugeMetricFamily("verify_up", "1 when the part answered this scrape", labels=["part"])
        states = process_states(ops.socket)
        up.add_metric(["supervisor"], 0 if states is None else 1)
        running = GaugeMetricFamily(
            "verify_service_running",
            "1 when supervisord reports the process RUNNING",
            labels=["service", "process", "state"],
        )
        for p in states or []:
            running.add_metric([p.service, p.process, p.state], 1 if p.state == "RUNNING" else 0)
        yield running
        try:
            lags, dlq = kafka_figures(KafkaSettings())
            up.add_metric(["kafka"], 1)
            lag = GaugeMetricFamily(
                "verify_consumer_lag", "messages not yet committed", labels=["group", "topic"]
            )
            for item in lags:
                lag.add_metric([item.group, item.topic], item.lag)
            yield lag
            yield GaugeMetricFamily("verify_dlq_messages", "messages on verify.dlq", value=dlq)
        except Unreachable:
            up.add_metric(["kafka"], 0)
        try:
            waiting, oldest, rate = database_figures(self.engine, ops.records_rate_window_s)
            up.add_metric(["database"], 1)
            yield GaugeMetricFamily(
                "verify_joins_waiting", "joins waiting for a record", value=waiting
            )
            yield GaugeMetricFamily(
                "verify_oldest_join_age_seconds",
                "age of the oldest join waiting for a record (0 when none)",
                value=oldest or 0.0,
            )
            yield GaugeMetricFamily(
                "verify_records_per_minute",
                "record versions stored per minute (VERIFY_RECORDS_RATE_WINDOW_S average)",
                value=rate,
            )
        except Unreachable:
            up.add_metric(["database"], 0)
        yield up


@router.get("/metrics", dependencies=[ReadAccess], response_class=Response)
def metrics(engine: Engine = Depends(get_engine)) -> Response:  # noqa: B008
    registry = CollectorRegistry(auto_describe=False)
    registry.register(PipelineCollector(engine))
    return Response(generate_latest(registry), media_type="text/plain; version=0.0.4")
