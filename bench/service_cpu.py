"""`make bench` service_cpu section (issue 9): where the CPU of a burst goes, per process.

N distinct corpus articles (fresh ids, default 150; the later ones of the corpus, so a run
after the load section does not resubmit its texts) are submitted at once to the running
stack, after 3 warm-up articles (the services' start-up work: imports, models loaded on first
use, is not the burst's). When every record is stored, the CPU seconds (user + system,
children included) each process used meanwhile are read from /proc: every supervised
service, the Kafka broker and the Prefect server. Reported per process in ms per article,
with the machine's capacity (cores × wall) as the baseline: their sum over it says how busy
the machine was.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from bench.load import corpus_articles, corpus_bodies
from cli.producer import submit_articles
from ops.settings import OpsSettings
from ops.supervisor import process_states
from storage.engine import default_engine
from storage.tables.records import RecordRow

WARM_UP = 3  # articles sent and waited for before measuring
PID_FILES = {"kafka": "kafka.pid", "prefect server": "prefect.pid"}


def cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    utime, stime, cutime, cstime = (int(f) for f in fields[11:15])
    return (utime + stime + cutime + cstime) / os.sysconf("SC_CLK_TCK")


def processes(ops: OpsSettings) -> dict[str, int]:
    out = {p.process: p.pid for p in process_states(ops.socket) or [] if p.pid}
    run_dir = ops.run_dir
    for name, file in PID_FILES.items():
        try:
            out[name] = int((run_dir / "pids" / file).read_text().strip())
        except (OSError, ValueError):
            continue
    return out


def bench(count: int, shared: Path) -> dict[str, Any]:
    procs = processes(OpsSettings())
    if not procs:
        return {"skipped": "no supervised services: run `make up` first (make bench does)"}
    offset = max(0, len(corpus_bodies(shared)) - count - WARM_UP)
    run = f"cpu-{uuid.uuid4().hex[:6]}"
    warm_up, articles = (
        corpus_articles(shared, WARM_UP, f"{run}-warm", offset=offset),
        corpus_articles(shared, count, run, offset=offset + WARM_UP),
    )
    engine = default_engine()
    _wait_for(engine, warm_up)  # start-up work (imports, models loaded on first use) excluded
    before = {name: cpu_seconds(pid) for name, pid in procs.items()}
    t0 = time.monotonic()
    _wait_for(engine, articles)
    wall = time.monotonic() - t0
    used: dict[str, float] = {}
    for name, pid in procs.items():
        end, start = cpu_seconds(pid), before[name]
        if end is not None and start is not None:
            used[name] = end - start
    busy = sum(used.values())
    return {
        "articles": count,
        "articles_per_s": round(count / wall, 2),
        "cpu_ms_per_article": {
            k: round(v / count * 1000, 1) for k, v in sorted(used.items(), key=lambda kv: -kv[1])
        },
        "total_cpu_ms_per_article": round(busy / count * 1000, 1),
        "machine_busy": round(busy / ((os.cpu_count() or 1) * wall), 2),
    }


def _wait_for(engine: Any, articles: list[Any]) -> None:
    """Submit the articles at once and wait until each has a record."""
    ids, t0 = [a.article_id for a in articles], time.monotonic()
    submit_articles(articles)
    while _records(engine, ids) < len(ids):
        if time.monotonic() - t0 > 60 + 10 * len(ids):
            raise TimeoutError(f"{len(ids) - _records(engine, ids)} records missing")
        time.sleep(0.5)


def _records(engine: Any, ids: list[str]) -> int:
    with Session(engine) as session:
        stmt = select(func.count(func.distinct(RecordRow.article_id))).where(
            col(RecordRow.article_id).in_(ids)
        )
        return int(session.exec(stmt).one())
