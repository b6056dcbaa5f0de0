"""Streams of distinct real articles (../shared/corpora) and the counts asserted after a fault."""

from __future__ import annotations

import json
import time
import uuid
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from stacktools import BOOTSTRAP, physical

from bench.load import CORPUS, corpus_bodies
from contracts.events import ArticleSubmitted
from contracts.record import VerificationRecord
from contracts.topics import ARTICLES_SUBMITTED, DLQ, RECORDS
from storage.tables.joins import Join
from storage.tables.records import RecordRow
from workers.runtime.messages import encode, standard_headers


def make_stream(shared: Path, name: str, count: int, offset: int) -> list[ArticleSubmitted]:
    """`count` distinct articles from the corpus, starting at `offset` (wrapping), fresh ids."""
    bodies = corpus_bodies(shared)
    if count > len(bodies):
        raise ValueError(f"only {len(bodies)} distinct articles in {CORPUS}")
    run = uuid.uuid4().hex[:6]
    return [
        ArticleSubmitted(
            article_id=f"{name}-{run}-{i:04d}",
            body=bodies[(offset + i) % len(bodies)][1],
            title=bodies[(offset + i) % len(bodies)][0][:2000] or None,
            outlet="saudinewsnet",
            language="ar",
        )
        for i in range(count)
    ]


def produce(articles: list[ArticleSubmitted]) -> None:
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all", linger_ms=20)
    try:
        futures = [
            producer.send(
                physical(ARTICLES_SUBMITTED),
                key=a.article_id.encode(),
                value=encode(a),
                headers=standard_headers(None, "ArticleSubmitted"),
            )
            for a in articles
        ]
        for future in futures:
            future.get(timeout=60)
    finally:
        producer.close()


def records_done(engine: Engine, ids: list[str]) -> int:
    """How many of `ids` have at least one stored record."""
    with Session(engine) as session:
        return int(
            session.exec(
                select(func.count(func.distinct(RecordRow.article_id))).where(
                    col(RecordRow.article_id).in_(ids)
                )
            ).one()
        )


def joins_waiting(engine: Engine, ids: list[str]) -> int:
    with Session(engine) as session:
        rows = session.exec(select(Join).where(col(Join.article_id).in_(ids))).all()
    return sum(1 for j in rows if j.merged_key == "" or j.parts_key != j.merged_key)


def topic_counts(topic: str, keys: set[bytes]) -> tuple[int, Counter[tuple[bytes, int]]]:
    """All messages on `topic` (total) and, for `keys`, how often each (key, version) came."""
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, enable_auto_commit=False)
    try:
        parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []]
        consumer.assign(parts)
        consumer.seek_to_beginning()
        ends = consumer.end_offsets(parts)
        total = sum(ends.values())
        seen: Counter[tuple[bytes, int]] = Counter()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and any(consumer.position(p) < ends[p] for p in parts):
            for records in consumer.poll(timeout_ms=500).values():
                for r in records:
                    if r.key in keys:
                        seen[(r.key, VerificationRecord.model_validate_json(r.value).version)] += 1
        return total, seen
    finally:
        consumer.close()


@dataclass
class FaultReport:
    """The counts asserted after a fault, written to .run/fault-report.jsonl."""

    fault: str
    articles: int
    records: int = 0  # stored record rows for these articles
    articles_with_record: int = 0
    max_versions: int = 0
    partial: int = 0
    joins_waiting: int = 0
    dlq: int = 0
    published: int = 0  # messages on verify.records for these articles
    published_articles: int = 0
    published_versions: list[int] = field(default_factory=list)
    seconds: float = 0.0
    notes: dict[str, object] = field(default_factory=dict)

    def write(self, root: Path) -> None:
        path = root / ".run" / "fault-report.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps({"at": time.strftime("%Y-%m-%dT%H:%M:%S"), **asdict(self)}) + "\n")


def count(fault: str, engine: Engine, ids: list[str], seconds: float) -> FaultReport:
    report = FaultReport(fault, len(ids), seconds=round(seconds, 1))
    with Session(engine) as session:
        rows = session.exec(
            select(RecordRow.article_id, RecordRow.version, RecordRow.status).where(
                col(RecordRow.article_id).in_(ids)
            )
        ).all()
    report.records = len(rows)
    report.articles_with_record = len({a for a, _, _ in rows})
    per_article = Counter(a for a, _, _ in rows)
    report.max_versions = max(per_article.values(), default=0)
    report.partial = sum(1 for _, _, s in rows if s != "complete")
    report.joins_waiting = joins_waiting(engine, ids)
    report.dlq, _ = topic_counts(physical(DLQ), set())
    _, published = topic_counts(physical(RECORDS), {i.encode() for i in ids})
    report.published = sum(published.values())
    report.published_articles = len({k for k, _ in published})
    report.published_versions = sorted({v for _, v in published})
    return report
