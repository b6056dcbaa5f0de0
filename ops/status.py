"""One snapshot of the pipeline: services, consumer lag, dead letters, joins, record rate.

`verify status` prints it; the API's /metrics exposes the same figures to Prometheus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kafka import TopicPartition
from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from contracts.topics import DLQ
from ops.settings import OpsSettings
from ops.supervisor import ProcessState, process_states
from storage.stats import joins_waiting, records_since
from workers.runtime.kafka import make_reader
from workers.runtime.settings import KafkaSettings


class Unreachable(Exception):
    """Kafka or the database did not answer; the message names which and where."""


@dataclass(frozen=True)
class Lag:
    group: str
    topic: str
    lag: int  # messages not yet committed by the group, summed over partitions


@dataclass
class Snapshot:
    services: list[ProcessState] | None  # None: no supervisord (services not started by make up)
    lag: list[Lag] = field(default_factory=list)
    dlq_size: int = 0
    joins_waiting: int = 0
    oldest_join_age_s: float | None = None
    records_per_minute: float = 0.0

    @property
    def healthy(self) -> bool:
        return self.services is not None and all(p.healthy for p in self.services)


def _admin_options(settings: KafkaSettings) -> dict[str, Any]:
    options = settings.client_options()
    options["request_timeout_ms"] = max(3000, settings.bootstrap_timeout_ms)
    return options


def kafka_figures(settings: KafkaSettings) -> tuple[list[Lag], int]:
    """Lag per (group, topic) of this deployment's consumer groups, and the DLQ size."""
    try:
        admin = KafkaAdminClient(
            **_admin_options(settings), bootstrap_timeout_ms=settings.bootstrap_timeout_ms
        )
    except KafkaError as exc:
        raise Unreachable(f"cannot reach Kafka at {settings.bootstrap}: {exc}") from exc
    reader = None
    try:
        prefix = f"{settings.group_prefix}."
        groups = sorted(
            g for g in (_group_id(x) for x in admin.list_groups()) if g.startswith(prefix)
        )
        committed: dict[str, dict[TopicPartition, Any]] = (
            admin.list_group_offsets(groups) if groups else {}
        )
        reader = make_reader(settings)
        dlq = [
            TopicPartition(settings.topic(DLQ), p)
            for p in reader.partitions_for_topic(settings.topic(DLQ)) or []
        ]
        wanted = {tp for offsets in committed.values() for tp in offsets} | set(dlq)
        ends = reader.end_offsets(list(wanted)) if wanted else {}
        starts = reader.beginning_offsets(dlq) if dlq else {}
        lag: dict[tuple[str, str], int] = {}
        for group, offsets in committed.items():
            for tp, meta in offsets.items():
                if not tp.topic.startswith(settings.topic_prefix):
                    continue
                behind = max(0, ends.get(tp, 0) - max(meta.offset, 0))
                key = (group, tp.topic)
                lag[key] = lag.get(key, 0) + behind
        dlq_size = sum(ends.get(tp, 0) - starts.get(tp, 0) for tp in dlq)
        return [Lag(g, t, n) for (g, t), n in sorted(lag.items())], dlq_size
    except KafkaError as exc:
        raise Unreachable(f"cannot reach Kafka at {settings.bootstrap}: {exc}") from exc
    finally:
        if reader is not None:
            reader.close()
        admin.close()


def _group_id(group: Any) -> str:
    if isinstance(group, dict):
        return str(group.get("group_id") or group.get("group") or "")
    if isinstance(group, tuple | list):
        return str(group[0])
    return str(getattr(group, "group_id", group))


def database_figures(engine: Engine, window_s: float) -> tuple[int, float | None, float]:
    try:
        waiting, oldest = joins_waiting(engine)
        rate = records_since(engine, window_s) * 60.0 / window_s
    except SQLAlchemyError as exc:
        url = make_url(str(engine.url)).render_as_string(hide_password=True)
        first = (str(getattr(exc, "orig", None) or exc).splitlines() or [""])[0]
        raise Unreachable(f"cannot reach the database at {url}: {first}") from exc
    return waiting, oldest, rate


def snapshot(
    engine: Engine, kafka: KafkaSettings | None = None, ops: OpsSettings | None = None
) -> Snapshot:
    kafka = kafka or KafkaSettings()
    ops = ops or OpsSettings()
    lag, dlq_size = kafka_figures(kafka)
    waiting, oldest, rate = database_figures(engine, ops.records_rate_window_s)
    return Snapshot(
        services=process_states(ops.socket),
        lag=lag,
        dlq_size=dlq_size,
        joins_waiting=waiting,
        oldest_join_age_s=oldest,
        records_per_minute=rate,
    )
