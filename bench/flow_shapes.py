"""`make bench` flow_shapes section (issue 9): what each shape of flow run costs per article.

The same prepared joins (a scratch database) go through the real flows against the running
Prefect server: one `verify-article` run per article, then `verify-batch` runs of 5 and of
20 articles, one run at a time. Reported per article: CPU of the Prefect server process and
of this process (the collector's side: Prefect client, merge, store, publish). The baseline
is the batch of 20 in the same run; the fixed cost of a flow run and an article's task run
follow from the two batch sizes.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from typing import Any

from bench.flow_overhead import _prepare
from bench.service_cpu import cpu_seconds, processes
from ops.settings import OpsSettings

SETTLE_S = 3.0  # the server's recorders and persister finish what a shape sent


def _measure(pid: int, ids: list[str], run: Callable[[list[str]], None]) -> dict[str, float]:
    time.sleep(SETTLE_S)
    server, client = cpu_seconds(pid) or 0.0, time.process_time()
    run(ids)
    client = time.process_time() - client
    time.sleep(SETTLE_S)
    server = (cpu_seconds(pid) or 0.0) - server
    n = len(ids)
    return {
        "server_ms": round(server / n * 1000, 1),
        "client_ms": round(client / n * 1000, 1),
        "total_ms": round((server + client) / n * 1000, 1),
    }


def bench(articles: int, body: str) -> dict[str, Any]:
    pid = processes(OpsSettings()).get("prefect server")
    if pid is None:
        return {"skipped": "no Prefect server pid file: run `make up` first (make bench does)"}
    os.environ["VERIFY_DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='verify-bench-')}/b.db"
    from flows.verify_article import run_verify_article, run_verify_batch  # after the URL

    ids = _prepare(3 * articles + 1, body)
    run_verify_article(ids.pop(), 1)  # warm-up: imports, first clients

    def articles_alone(keys: list[str]) -> None:
        for key in keys:
            run_verify_article(key, 1)

    def batches(size: int) -> Callable[[list[str]], None]:
        def run(keys: list[str]) -> None:
            for i in range(0, len(keys), size):
                run_verify_batch([(k, 1) for k in keys[i : i + size]])

        return run

    shapes = {
        "article_runs": _measure(pid, ids[:articles], articles_alone),
        "batch_5": _measure(pid, ids[articles : 2 * articles], batches(5)),
        "batch_20": _measure(pid, ids[2 * articles :], batches(20)),
    }
    per5, per20 = shapes["batch_5"]["total_ms"], shapes["batch_20"]["total_ms"]
    fixed = (per5 - per20) / (1 / 5 - 1 / 20)  # per5 = fixed/5 + task, per20 = fixed/20 + task
    return {
        "articles_per_shape": articles,
        **shapes,
        "flow_run_fixed_ms": round(fixed, 1),
        "task_run_ms": round(per20 - fixed / 20, 1),
        "article_runs_vs_batch_20": round(shapes["article_runs"]["total_ms"] / per20, 2),
    }
