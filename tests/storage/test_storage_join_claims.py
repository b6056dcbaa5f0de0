"""Join claims (SQLite and PostgreSQL): collectors racing for the same due joins take
disjoint sets, a claim is released by the record or by a failure, and lapses when its
collector dies."""

from __future__ import annotations

import threading
import time

from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted, XrefResult
from storage.engine import make_engine
from storage.join_claims import claim_due_joins, claim_join, holds_claim, release_join
from storage.join_store import load_parts, mark_merged, record_article, record_part


def _due(engine: Engine, n: int, prefix: str = "j") -> list[tuple[str, int]]:
    keys = []
    for i in range(n):
        article_id = f"{prefix}-{i:03d}"
        record_article(engine, ArticleSubmitted(article_id=article_id, body="x"), 0)  # past due
        record_part(engine, XrefResult(article_id=article_id, revision=1, items=[]), 0)
        keys.append((article_id, 1))
    return keys


def test_racing_collectors_claim_disjoint_sets_that_cover_every_due_join(db_url: str) -> None:
    setup = make_engine(db_url)
    keys = _due(setup, 40)
    got: dict[str, list[tuple[str, int]]] = {}
    start = threading.Barrier(4)

    def collector(name: str) -> None:
        engine = make_engine(db_url)  # its own connections, as another process would have
        mine: list[tuple[str, int]] = []
        start.wait()
        while batch := claim_due_joins(engine, name, 3, lease_s=60, skip=set(mine)):
            mine += batch
            time.sleep(0.05)  # runs the flows it claimed before its next claim, as collectors do
        got[name] = mine
        engine.dispose()

    threads = [threading.Thread(target=collector, args=(f"c{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    claimed = [k for mine in got.values() for k in mine]
    assert len(claimed) == len(set(claimed)) == 40 and set(claimed) == set(keys)
    assert sum(1 for mine in got.values() if mine) >= 2  # the work was shared, not serialised
    setup.dispose()


def test_a_claim_ends_with_the_record_or_a_release_and_lapses(engine: Engine) -> None:
    (key,) = _due(engine, 1)
    assert claim_due_joins(engine, "a", 10, lease_s=60) == [key]
    assert claim_due_joins(engine, "b", 10, lease_s=60) == []  # a holds it
    assert not claim_join(engine, key, "b", lease_s=60)
    assert claim_due_joins(engine, "a", 10, lease_s=60) == [key]  # a restarted a takes it back
    release_join(engine, key, "b")  # not b's to release
    assert holds_claim(engine, key, "a")
    release_join(engine, key, "a")
    assert claim_join(engine, key, "b", lease_s=-1)  # b's claim has lapsed at once
    assert claim_due_joins(engine, "c", 10, lease_s=60) == [key]
    _, parts_key = load_parts(engine, *key)
    mark_merged(engine, *key, parts_key, "partial")  # the record is made: claim and due end
    assert not holds_claim(engine, key, "c") and claim_due_joins(engine, "d", 10, 60) == []
