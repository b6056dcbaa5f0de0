"""Submitting articles to Kafka (shared by `verify submit` and the HTTP API)."""

from __future__ import annotations

import uuid

from kafka.errors import KafkaError

from cli.errors import CliError
from contracts.events import ArticleSubmitted
from contracts.topics import ARTICLES_SUBMITTED
from workers.runtime.kafka import make_producer
from workers.runtime.messages import encode, standard_headers
from workers.runtime.settings import KafkaSettings


def submit_article(article: ArticleSubmitted, settings: KafkaSettings | None = None) -> str:
    """Produce the article event and wait for the broker's ack; returns the correlation id."""
    settings = settings or KafkaSettings()
    correlation = uuid.uuid4().hex
    try:
        producer = make_producer(settings)
    except KafkaError as exc:
        raise CliError(f"cannot reach Kafka at {settings.bootstrap}: {exc}") from exc
    try:
        producer.send(
            settings.topic(ARTICLES_SUBMITTED),
            key=article.article_id.encode(),
            value=encode(article),
            headers=standard_headers(correlation, "ArticleSubmitted"),
        ).get(timeout=settings.send_timeout_s)
    except KafkaError as exc:
        raise CliError(f"Kafka did not accept the article: {exc}") from exc
    finally:
        producer.close(timeout=5)
    return correlation
