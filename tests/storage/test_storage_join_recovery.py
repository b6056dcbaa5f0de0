"""The join after faults: a recomputed part from the same input does not replace the first,
records made without Prefect owe a flow run, and the figures `verify status` shows."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted, ClaimEvidence, XrefResult
from contracts.record import Evidence
from storage.join_store import (
    due_joins,
    load_parts,
    mark_merged,
    pending_flow_runs,
    record_article,
    record_part,
)
from storage.stats import joins_waiting, records_since


def _xref(article_id: str, *docs: str) -> XrefResult:
    evidence = [
        Evidence(doc_id=d, snippet="s", stance="neutral", score=0.5, reason="r") for d in docs
    ]
    item = ClaimEvidence(claim_id="c-1", start=0, end=5, evidence=evidence)
    return XrefResult(article_id=article_id, revision=1, items=[item])


def test_a_part_recomputed_from_the_same_input_does_not_replace_the_first(
    engine: Engine,
) -> None:
    origin = "articles.submitted:1:42"
    assert record_part(engine, _xref("r1", "d1"), 60, origin)
    # the article was redelivered; meanwhile the archive grew and found d2 too
    assert not record_part(engine, _xref("r1", "d1", "d2"), 60, origin)
    parts, _ = load_parts(engine, "r1", 1)
    assert parts.xref is not None and [e.doc_id for e in parts.xref.items[0].evidence] == ["d1"]
    # a new input event (a resubmission, a re-check) does replace it
    assert record_part(engine, _xref("r1", "d1", "d2"), 60, "articles.submitted:1:77")
    parts, _ = load_parts(engine, "r1", 1)
    assert parts.xref is not None and len(parts.xref.items[0].evidence) == 2
    # without an origin (a producer that sets no headers) the newest result wins, as before
    assert record_part(engine, _xref("r1", "d3"), 60)


def test_records_made_without_prefect_owe_a_flow_run(engine: Engine) -> None:
    record_article(engine, ArticleSubmitted(article_id="p1", body="x"), 0)  # due at once
    record_part(engine, _xref("p1", "d1"), 0)
    ((article_id, revision),) = due_joins(engine)
    _, key = load_parts(engine, article_id, revision)
    mark_merged(engine, article_id, revision, key, "partial", flow_pending=True)
    assert due_joins(engine) == [] and pending_flow_runs(engine) == [("p1", 1)]
    mark_merged(engine, article_id, revision, key, "partial")  # the catch-up run's own mark
    assert pending_flow_runs(engine) == []


def test_waiting_joins_and_record_rate(engine: Engine) -> None:
    assert joins_waiting(engine) == (0, None)
    record_article(engine, ArticleSubmitted(article_id="w1", body="x"), 60)  # no part yet
    record_part(engine, _xref("w2", "d1"), 60)
    count, oldest = joins_waiting(engine)
    assert count == 2 and oldest is not None and oldest >= 0
    assert records_since(engine, 300) == 0
