"""Per-run cost of the Prefect flow against the same work done by plain function calls.

Both sides load the same three parts from the database, merge, store and publish one record;
the flow side additionally creates a flow run, task runs and an artifact on the Prefect server.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from typing import Any

from contracts.events import ArticleSubmitted
from flows.material import material_key
from flows.merge import merge
from flows.publish import publish_record


def _prepare(n: int, body: str) -> list[str]:
    from flows.check import Checker
    from storage.engine import default_engine
    from storage.join_store import record_article, record_part

    engine = default_engine()
    checker = Checker.for_engine(engine)
    ids = []
    stamp = int(time.time())
    for i in range(n):
        article = ArticleSubmitted(article_id=f"bench-{stamp}-{i}", body=body, language="ar")
        parts = checker.parts(article)
        for part in (parts.extraction, parts.sources, parts.xref):
            assert part is not None
            record_part(engine, part, 600)
        record_article(engine, article, 600)
        ids.append(article.article_id)
    return ids


def _direct(article_id: str) -> None:
    from storage.engine import default_engine
    from storage.join_store import load_parts, mark_merged
    from storage.record_store import save_record

    engine = default_engine()
    parts, key = load_parts(engine, article_id, 1)
    record = merge(parts)
    stored, _ = save_record(engine, record, material_key(record))
    publish_record(stored)
    mark_merged(engine, article_id, 1, key, stored.status)


def bench(runs: int, body: str) -> dict[str, Any]:
    tmp = tempfile.mkdtemp(prefix="verify-bench-")
    os.environ["VERIFY_DATABASE_URL"] = f"sqlite:///{tmp}/bench.db"
    from flows.verify_article import run_verify_article

    direct_ids, flow_ids = _prepare(runs + 1, body), _prepare(runs + 1, body)
    _direct(direct_ids.pop())  # warm-up: imports, producer connection, first Prefect client
    run_verify_article(flow_ids.pop(), 1)
    direct, flow = [], []
    for a, b in zip(direct_ids, flow_ids, strict=True):
        t = time.perf_counter()
        _direct(a)
        direct.append(time.perf_counter() - t)
        t = time.perf_counter()
        run_verify_article(b, 1)
        flow.append(time.perf_counter() - t)
    d, f = statistics.median(direct), statistics.median(flow)
    return {
        "runs": runs,
        "direct_median_ms": round(d * 1000, 1),
        "flow_median_ms": round(f * 1000, 1),
        "flow_overhead_ms": round((f - d) * 1000, 1),
        "flow_vs_direct_ratio": round(f / d, 1),
    }
