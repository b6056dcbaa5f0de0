"""Kafka client construction in one place (so every service uses the same safe settings)."""

from __future__ import annotations

from typing import Any

from kafka import KafkaConsumer, KafkaProducer

from workers.runtime.settings import KafkaSettings


def make_producer(settings: KafkaSettings) -> KafkaProducer:
    # acks=all + idempotence: a produced result survives a broker restart and is never doubled
    return KafkaProducer(
        **settings.client_options(),
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        retries=5,
        max_in_flight_requests_per_connection=5,
        bootstrap_timeout_ms=settings.bootstrap_timeout_ms,
        max_request_size=max(1_048_576, settings.max_message_bytes + 65_536),
    )


def make_consumer(settings: KafkaSettings, group: str, **options: Any) -> KafkaConsumer:
    """`options`: a service's own kafka-python settings on top of the shared ones."""
    defaults: dict[str, Any] = dict(
        **settings.client_options(),
        group_id=f"{settings.group_prefix}.{group}",
        enable_auto_commit=False,  # we commit after the effect is durable
        auto_offset_reset=settings.auto_offset_reset,
        max_poll_records=settings.max_poll_records,
        max_poll_interval_ms=settings.max_poll_interval_ms,
        session_timeout_ms=settings.session_timeout_ms,
        heartbeat_interval_ms=max(1000, settings.session_timeout_ms // 3),
        allow_auto_create_topics=False,
        bootstrap_timeout_ms=settings.bootstrap_timeout_ms,
    )
    return KafkaConsumer(**{**defaults, **options})


def make_reader(settings: KafkaSettings, group: str | None = None, **options: Any) -> KafkaConsumer:
    """A consumer for tools (dlq, status): the same connection settings, no auto-commit."""
    return KafkaConsumer(
        **settings.client_options(),
        group_id=group,
        enable_auto_commit=False,
        bootstrap_timeout_ms=settings.bootstrap_timeout_ms,
        **options,
    )
