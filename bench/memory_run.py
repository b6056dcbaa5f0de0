"""`make bench` memory section (issue 9): is every service's memory flat over a long run?

Distinct corpus articles (fresh ids) go to the running stack at a fixed rate for
VERIFY_BENCH_MEMORY_MINUTES (default 20); every minute each supervised service's RSS is read.
Reported per service: RSS at the start, after the first minute (models loaded), at the end,
the peak, the growth from the first minute to the end and over the last five minutes (the
workers' per-word caches are bounded LRU caches that fill as the vocabulary grows: growth
that slows to nothing is a cache filling, growth that keeps its pace is a leak), and the
minute-by-minute series; plus how many records came back, so a run that stalled does not
pass for a flat one.
"""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from typing import Any

from bench.load import Watch, corpus_articles, corpus_bodies, log, service_memory, submit_paced
from workers.runtime.settings import KafkaSettings


def bench(minutes: float, rate: float, shared: Path) -> dict[str, Any]:
    count = min(len(corpus_bodies(shared)), int(minutes * 60 * rate))
    articles = corpus_articles(shared, count, f"mem-{uuid.uuid4().hex[:6]}")
    start = service_memory()
    if not start:
        return {"skipped": "no supervised services: run `make up` first (make bench does)"}
    samples: list[dict[str, dict[str, float]]] = [start]
    watch = Watch(KafkaSettings())
    t0 = time.monotonic()
    wanted = {a.article_id for a in articles}
    try:
        for i in range(0, count, max(1, int(60 * rate))):  # a minute's worth at a time
            submit_paced(articles[i : i + int(60 * rate)], rate)
            for _ in range(10):  # read what came back meanwhile (0.2 s a poll)
                watch.poll(wanted)
            samples.append(service_memory())
            log(f"minute {len(samples) - 1}: {len(watch.records_at)} records")
        watch.wait(list(wanted), timeout_s=300)
    finally:
        watch.close()
    samples.append(service_memory())
    return {
        "minutes": round((time.monotonic() - t0) / 60, 1),
        "rate_per_s": rate,
        "articles": count,
        "records": len(watch.records_at),
        "rss_mib": {name: _trend(name, samples) for name in samples[-1]},
    }


def _trend(name: str, samples: list[dict[str, dict[str, float]]]) -> dict[str, object]:
    rss = [s[name]["rss_mib"] for s in samples if name in s]
    first_minute = rss[1] if len(rss) > 1 else rss[0]
    five_before = rss[-6] if len(rss) > 6 else rss[0]
    return {
        "start": rss[0],
        "after_1_min": first_minute,
        "end": rss[-1],
        "peak": samples[-1][name]["peak_rss_mib"],
        "growth_after_1_min": round(rss[-1] - first_minute, 1),
        "growth_last_5_min": round(rss[-1] - five_before, 1),
        "series": [round(r) for r in rss],
    }
