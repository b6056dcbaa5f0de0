"""Submitting articles to Kafka (shared by `verify submit` and the HTTP API)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kafka import KafkaProducer
from kafka.errors import KafkaError

from cli.errors import CliError
from contracts.events import ArticleSubmitted
from contracts.topics import ARTICLES_SUBMITTED
from workers.runtime.kafka import make_producer
from workers.runtime.messages import encode, standard_headers
from workers.runtime.settings import KafkaSettings


def _producer(settings: KafkaSettings) -> KafkaProducer:
    try:
        return make_producer(settings)
    except KafkaError as exc:
        raise CliError(f"cannot reach Kafka at {settings.bootstrap}: {exc}") from exc


def submit_article(article: ArticleSubmitted, settings: KafkaSettings | None = None) -> str:
    """Produce the article event and wait for the broker's ack; returns the correlation id."""
    outcome = submit_articles([article], settings)[0]
    if outcome.error:
        raise CliError(f"Kafka did not accept the article: {outcome.error}")
    return outcome.correlation_id


@dataclass(frozen=True)
class Submitted:
    """What became of one article of a batch: acknowledged (correlation id) or an error."""

    article_id: str
    revision: int
    correlation_id: str = ""
    error: str = ""


def submit_articles(
    articles: Iterable[ArticleSubmitted],
    settings: KafkaSettings | None = None,
    on_ack: Callable[[Submitted], None] | None = None,
) -> list[Submitted]:
    """Produce every article with one producer (sends pipelined, not one round trip each) and
    wait for every ack; `on_ack` hears each outcome as it arrives (a progress bar).

    CliError when the broker cannot be reached at all; a send the broker refuses is that
    article's `error` and the others go on.
    """
    settings = settings or KafkaSettings()
    topic = settings.topic(ARTICLES_SUBMITTED)
    producer = _producer(settings)
    outcomes: list[Submitted] = []  # in input order
    pending: list[tuple[int, Any]] = []  # (slot, future)

    def settle(slot: int, outcome: Submitted) -> None:
        outcomes[slot] = outcome
        if on_ack:
            on_ack(outcome)

    try:
        for article in articles:
            slot = len(outcomes)
            correlation = uuid.uuid4().hex
            outcomes.append(Submitted(article.article_id, article.revision, correlation))
            try:
                future = producer.send(
                    topic,
                    key=article.article_id.encode(),
                    value=encode(article),
                    headers=standard_headers(correlation, "ArticleSubmitted"),
                )
            except KafkaError as exc:  # e.g. a message over the size limit
                settle(slot, Submitted(article.article_id, article.revision, error=str(exc)))
                continue
            pending.append((slot, future))
        for slot, future in pending:
            done = outcomes[slot]
            try:
                future.get(timeout=settings.send_timeout_s)
                settle(slot, done)
            except KafkaError as exc:
                settle(slot, Submitted(done.article_id, done.revision, error=str(exc)))
    finally:
        producer.close(timeout=5)
    return outcomes
