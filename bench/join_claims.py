"""What claiming due joins costs (issue 9): claim_due_joins, batch after batch until every
due join is claimed, beside due_joins (the plain read the collector did before claims) on the
same table, on SQLite and on PostgreSQL."""

from __future__ import annotations

import time
import uuid
from typing import Any

from contracts.events import ArticleSubmitted, XrefResult
from storage.engine import make_engine
from storage.join_claims import claim_due_joins
from storage.join_store import due_joins, record_article, record_part
from storage.migrate import upgrade


def bench(url: str, joins: int = 400, batch: int = 20) -> dict[str, Any]:
    engine = make_engine(url)
    upgrade(engine)
    run = uuid.uuid4().hex[:6]
    for i in range(joins):
        article_id = f"claim-{run}-{i:05d}"
        record_article(engine, ArticleSubmitted(article_id=article_id, body="x"), 0)
        record_part(engine, XrefResult(article_id=article_id, revision=1, items=[]), 0)
    t0 = time.perf_counter()
    reads = 0
    while reads < joins // batch:
        due_joins(engine, limit=batch)
        reads += 1
    read_ms = (time.perf_counter() - t0) * 1000 / reads
    t0 = time.perf_counter()
    claimed = calls = 0
    while got := claim_due_joins(engine, f"collector-{calls}", batch, lease_s=600):
        claimed += len(got)
        calls += 1
    claim_ms = (time.perf_counter() - t0) * 1000 / max(1, calls)
    engine.dispose()
    return {
        "joins": joins,
        "claimed": claimed,
        "claim_batch_ms": round(claim_ms, 2),
        "read_batch_ms": round(read_ms, 2),
        "claim_vs_read": round(claim_ms / read_ms, 1),
        "claim_ms_per_join": round(claim_ms / batch, 3),
    }
