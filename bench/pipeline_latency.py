"""Submit → stored record latency through the running stack (`make up`), against the same work
done in-process by `verify check` (the baseline: identical logic without Kafka and Prefect)."""

from __future__ import annotations

import statistics
import time
import uuid
from typing import Any

from cli.producer import submit_article
from contracts.events import ArticleSubmitted
from flows.check import Checker
from storage.engine import default_engine
from storage.record_store import latest_record


def _wait(article_id: str, timeout: float = 300) -> float:
    engine = default_engine()
    start = time.perf_counter()
    while latest_record(engine, article_id) is None:
        if time.perf_counter() - start > timeout:
            raise TimeoutError(
                f"no record for {article_id} after {timeout}s: is `make up` running?"
            )
        time.sleep(0.05)
    return time.perf_counter()


def bench(runs: int, body: str) -> dict[str, Any]:
    engine = default_engine()
    # the workers load their registry, archive and models once; so does the baseline
    checker = Checker.for_engine(engine)
    checker.check(ArticleSubmitted(article_id="bench-warm", body=body))
    in_process = []
    for _ in range(runs):
        t = time.perf_counter()
        checker.check(ArticleSubmitted(article_id=f"bench-check-{uuid.uuid4().hex[:8]}", body=body))
        in_process.append(time.perf_counter() - t)
    latencies = []
    for _ in range(runs):  # one at a time: latency, not throughput
        article = ArticleSubmitted(article_id=f"bench-e2e-{uuid.uuid4().hex[:8]}", body=body)
        t = time.perf_counter()
        submit_article(article)
        latencies.append(_wait(article.article_id) - t)
    e2e, local = statistics.median(latencies), statistics.median(in_process)
    return {
        "runs": runs,
        "e2e_median_s": round(e2e, 2),
        "e2e_max_s": round(max(latencies), 2),
        "in_process_median_s": round(local, 2),
        "e2e_vs_in_process_ratio": round(e2e / local, 1),
    }
