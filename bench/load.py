"""`make bench` load section (issue 9): real corpus articles through the running stack.

Two phases on fresh article ids: all N submitted at once (full speed), then N at half the
rate the first phase reached. Reported: throughput until the last complete record is on
verify.records (an article whose parts missed the collector's deadline gets a partial record
first; those are counted, and its complete version is what ends its clock),
latency submit → record on the topic (p50/p95/p99), time per stage (from the Kafka timestamps of
each topic and the database), the in-process floor (`verify check --jsonl` over the same
articles, in the same run) and the ratio to it, and each service's RSS (peak, start, end).
Writes a PNG of latency over time beside bench/results/latest.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from kafka import KafkaConsumer, TopicPartition
from pydantic import ValidationError
from sqlalchemy import func
from sqlmodel import Session, col, select

from cli.producer import submit_articles
from contracts.events import ArticleSubmitted
from contracts.topics import (
    ARTICLES_SUBMITTED,
    RECORDS,
    RESULTS_EXTRACTION,
    RESULTS_SOURCES,
    RESULTS_XREF,
)
from ops.settings import OpsSettings
from ops.supervisor import process_states
from storage.engine import default_engine
from storage.tables.joins import JoinPart
from storage.tables.records import RecordRow
from workers.runtime.kafka import make_reader
from workers.runtime.settings import KafkaSettings

CORPUS = "corpora/saudinewsnet-syria-isis-turkey-ar/saudinewsnet_2015_syria_isis_turkey.jsonl"
RESULTS = Path(__file__).parent / "results"
STAGE_TOPICS = {
    "extraction": RESULTS_EXTRACTION,
    "sources": RESULTS_SOURCES,
    "xref": RESULTS_XREF,
}


@cache
def corpus_bodies(shared: Path) -> tuple[tuple[str, str], ...]:
    """(title, body) of every distinct corpus article the pipeline accepts, in file order
    (also the fault and scale-out tests' streams)."""
    seen: set[str] = set()
    out = []
    for line in (shared / CORPUS).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        body = item.get("content") or ""
        if body in seen:
            continue
        seen.add(body)
        try:
            ArticleSubmitted(article_id="probe", body=body, title=item.get("title"))
        except ValidationError:
            continue
        out.append((item.get("title") or "", body))
    return tuple(out)


def corpus_articles(
    shared: Path, count: int, prefix: str, offset: int = 0
) -> list[ArticleSubmitted]:
    """`count` distinct corpus articles with fresh ids, from the `offset`-th on."""
    bodies = corpus_bodies(shared)
    if offset + count > len(bodies):
        raise ValueError(f"only {len(bodies)} distinct articles in {CORPUS}")
    return [
        ArticleSubmitted(
            article_id=f"{prefix}-{i:05d}",
            body=body,
            title=title[:2000] or None,
            outlet="saudinewsnet",
            language="ar",
        )
        for i, (title, body) in enumerate(bodies[offset : offset + count])
    ]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def spread(values: list[float]) -> dict[str, float]:
    return {
        "p50": round(percentile(values, 50), 3),
        "p95": round(percentile(values, 95), 3),
        "p99": round(percentile(values, 99), 3),
    }


@dataclass
class Watch:
    """Timestamps per article id on every topic of the pipeline, read as they arrive."""

    settings: KafkaSettings
    seen: dict[str, dict[str, float]] = field(default_factory=dict)  # topic -> id -> time
    # id -> when its first complete record was on verify.records
    records_at: dict[str, float] = field(default_factory=dict)
    # articles whose first record was partial (the collector's deadline passed first)
    partial_first: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.consumer: KafkaConsumer = make_reader(self.settings)
        names = [ARTICLES_SUBMITTED, *STAGE_TOPICS.values(), RECORDS]
        self.topics = {self.settings.topic(n): n for n in names}
        parts = [
            TopicPartition(t, p)
            for t in self.topics
            for p in self.consumer.partitions_for_topic(t) or []
        ]
        self.consumer.assign(parts)
        self.consumer.seek_to_end()
        for part in parts:
            self.consumer.position(part)  # resolve "end" now, before anything is submitted

    def poll(self, wanted: set[str]) -> None:
        for batch in self.consumer.poll(timeout_ms=200).values():
            for msg in batch:
                article_id = (msg.key or b"").decode()
                if article_id not in wanted:
                    continue
                name = self.topics[msg.topic]
                self.seen.setdefault(name, {}).setdefault(article_id, msg.timestamp / 1000)
                if name != RECORDS:
                    continue
                complete = json.loads(msg.value).get("status") == "complete"
                if not complete and article_id not in self.records_at:
                    self.partial_first.add(article_id)
                if complete:  # when it was published (producer time, one clock here)
                    self.records_at.setdefault(article_id, msg.timestamp / 1000)

    def wait(self, ids: Iterable[str], timeout_s: float) -> None:
        wanted = set(ids)
        deadline = time.monotonic() + timeout_s
        while not wanted <= self.records_at.keys():
            if time.monotonic() > deadline:
                missing = len(wanted - self.records_at.keys())
                raise TimeoutError(f"{missing} records missing after {timeout_s:.0f}s")
            self.poll(wanted)

    def close(self) -> None:
        self.consumer.close()


def submit_paced(articles: list[ArticleSubmitted], rate: float | None) -> dict[str, float]:
    """Submit (all at once, or `rate` per second); when each was acked (epoch seconds)."""
    sent: dict[str, float] = {}
    if rate is None:
        start = time.time()
        for done in submit_articles(articles):
            sent[done.article_id] = start  # the clock starts when the batch is handed over
        return sent
    t0 = time.monotonic()
    for i, article in enumerate(articles):
        pause = t0 + i / rate - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        at = time.time()
        submit_articles([article])
        sent[article.article_id] = at
    return sent


def stage_times(watch: Watch, ids: list[str], sent: dict[str, float]) -> dict[str, Any]:
    """Per stage, p50/p95 seconds: each worker (article on the topic → its result), the join
    (last part stored → latest record stored: join wait, flow start, load and merge), store
    and publish (record stored → the complete record on verify.records)."""
    submitted = watch.seen.get(ARTICLES_SUBMITTED, {})
    out: dict[str, Any] = {}
    for stage, topic in STAGE_TOPICS.items():
        got = watch.seen.get(topic, {})
        out[stage] = spread([got[i] - submitted[i] for i in ids if i in got and i in submitted])
    engine = default_engine()
    with Session(engine) as session:
        last_part = dict(
            session.exec(
                select(JoinPart.article_id, func.max(JoinPart.received_at))
                .where(col(JoinPart.article_id).in_(ids))
                .group_by(col(JoinPart.article_id))
            ).all()
        )
        created = dict(
            session.exec(
                select(RecordRow.article_id, func.min(RecordRow.created_at))
                .where(col(RecordRow.article_id).in_(ids))
                .group_by(col(RecordRow.article_id))
            ).all()
        )
    published = watch.records_at

    def epoch(naive_utc: datetime) -> float:
        return naive_utc.replace(tzinfo=UTC).timestamp()

    out["join_and_flow_start"] = spread(
        [epoch(created[i]) - epoch(last_part[i]) for i in ids if i in created and i in last_part]
    )
    out["store_and_publish"] = spread(
        [published[i] - epoch(created[i]) for i in ids if i in published and i in created]
    )
    out["submit_to_topic"] = spread([submitted[i] - sent[i] for i in ids if i in submitted])
    return out


def phase(watch: Watch, articles: list[ArticleSubmitted], rate: float | None) -> dict[str, Any]:
    ids = [a.article_id for a in articles]
    t0 = time.time()
    sent = submit_paced(articles, rate)
    watch.wait(ids, timeout_s=600 + 10 * len(ids))
    last = max(watch.records_at[i] for i in ids)
    latencies = [watch.records_at[i] - sent[i] for i in ids]
    return {
        "articles": len(ids),
        "offered_rate": round(rate, 2) if rate else "all at once",
        "throughput_per_s": round(len(ids) / (last - t0), 3),
        "seconds": round(last - t0, 1),
        # a partial record first, the complete one later (a new version): see stages
        "partial_first": len(watch.partial_first & set(ids)),
        "latency_s": spread(latencies),
        "stages_s": stage_times(watch, ids, sent),
        "_series": [(sent[i] - t0, watch.records_at[i] - sent[i]) for i in ids],
    }


def in_process_floor(articles: list[ArticleSubmitted]) -> dict[str, Any]:
    """`verify check --jsonl --no-archive` over the articles: articles/s after the first
    record (model and archive loading excluded, as the services have them loaded)."""
    lines = "".join(
        json.dumps({"id": a.article_id, "text": a.body, "lang": a.language, "outlet": a.outlet})
        + "\n"
        for a in articles
    )
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from cli.main import run; run()",
            "check",
            "--jsonl",
            "--no-archive",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    stdin = proc.stdin

    def feed() -> None:  # from a thread: the records coming back would fill the pipe first
        stdin.write(lines)
        stdin.close()

    threading.Thread(target=feed, daemon=True).start()
    stamps = [time.monotonic() for _ in proc.stdout]
    proc.wait()
    rate = (len(stamps) - 1) / (stamps[-1] - stamps[0]) if len(stamps) > 1 else float("nan")
    return {"articles": len(stamps), "per_s": round(rate, 3)}


def service_memory() -> dict[str, dict[str, float]]:
    """RSS of every supervised process now, and its peak since it started (MiB)."""
    out: dict[str, dict[str, float]] = {}
    for proc in process_states(OpsSettings().socket) or []:
        if not proc.pid:
            continue
        try:
            status = Path(f"/proc/{proc.pid}/status").read_text()
        except OSError:
            continue
        fields = {
            line.split(":")[0]: int(line.split()[1]) / 1024
            for line in status.splitlines()
            if line.startswith(("VmRSS", "VmHWM"))
        }
        out[proc.process] = {
            "rss_mib": round(fields.get("VmRSS", 0), 1),
            "peak_rss_mib": round(fields.get("VmHWM", 0), 1),
        }
    return out


def plot(phases: dict[str, dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.5))
    for name, result in phases.items():
        xs, ys = zip(*result["_series"], strict=True)
        ax.scatter(xs, ys, s=6, label=f"{name} ({result['offered_rate']})")
    ax.set_xlabel("submitted at (s from the phase start)")
    ax.set_ylabel("latency submit → verify.records (s)")
    ax.set_title("make bench load: latency over time")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def log(line: str) -> None:
    """Progress on stderr (stdout carries the section's JSON)."""
    print(line[:2000], file=sys.stderr, flush=True)


def bench(count: int, floor_count: int, shared: Path) -> dict[str, Any]:
    settings = KafkaSettings()
    run = uuid.uuid4().hex[:6]
    full = corpus_articles(shared, count, f"load-{run}-full")
    # the half-rate phase gets other articles when the corpus has enough: the same texts again
    # would be exact copies of archived articles, each bearing on every claim of its twin's
    # record (a re-check per claim), which is not the traffic a newsroom sends
    fresh = 2 * count <= len(corpus_bodies(shared))
    half = corpus_articles(shared, count, f"load-{run}-half", offset=count if fresh else 0)
    memory_start = service_memory()
    if not memory_start:
        return {"skipped": "no supervised services: run `make up` first (make bench does)"}
    floor = in_process_floor(full[:floor_count])  # first: the stack is idle meanwhile
    log(f"in-process floor {floor}")
    watch = Watch(settings)
    try:
        phases = {"full_speed": phase(watch, full, None)}
        log(f"full speed {phases['full_speed']}")
        max_rate = phases["full_speed"]["throughput_per_s"]
        phases["half_rate"] = phase(watch, half, max_rate / 2)
        log(f"half rate {phases['half_rate']}")
    finally:
        watch.close()
    memory_end = service_memory()
    RESULTS.mkdir(exist_ok=True)
    png = RESULTS / "load-latency.png"
    plot(phases, png)
    for result in phases.values():
        result.pop("_series")
    return {
        "machine": f"{os.cpu_count()} cores",
        "phases": phases,
        "in_process_floor_per_s": floor["per_s"],
        "floor_articles": floor["articles"],
        "ratio_to_floor": round(phases["full_speed"]["throughput_per_s"] / floor["per_s"], 3),
        "half_rate_texts": "other articles" if fresh else "the same articles again",
        "services": {
            name: {
                **mem,
                "rss_start_mib": memory_start.get(name, {}).get("rss_mib", 0.0),
            }
            for name, mem in memory_end.items()
        },
        "plot": str(png),
    }
