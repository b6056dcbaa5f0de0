"""The shape all three article workers share: decode an article, compute a part, emit it."""

from __future__ import annotations

from collections.abc import Callable

from kafka.consumer.fetcher import ConsumerRecord

from contracts import headers as h
from contracts.events import ArticleSubmitted, PartResult
from contracts.topics import ARTICLES_SUBMITTED
from workers.runtime.logs import setup_logging
from workers.runtime.messages import Outgoing, decode, standard_headers
from workers.runtime.service import Handler, Service

Compute = Callable[[ArticleSubmitted], PartResult]


def article_handler(output_topic: str, compute: Compute) -> Handler:
    def handle(record: ConsumerRecord) -> list[Outgoing]:
        article = decode(record.value, ArticleSubmitted)
        result = compute(article)
        correlation = h.header(record.headers, h.CORRELATION_ID)
        hdrs = standard_headers(correlation, type(result).__name__)
        # a redelivered article yields a result with the same origin (see storage.join_store)
        hdrs.append((h.ORIGIN, f"{record.topic}:{record.partition}:{record.offset}".encode()))
        return [Outgoing(output_topic, article.article_id, result, hdrs)]

    return handle


def run_article_worker(name: str, output_topic: str, compute: Compute) -> None:
    setup_logging()
    Service(name, [ARTICLES_SUBMITTED], article_handler(output_topic, compute)).run()
