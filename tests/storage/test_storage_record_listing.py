"""Listing records (SQLite and PostgreSQL): latest version per article and revision, since a
time, by status, paged by an opaque cursor that neither skips nor repeats rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine

from contracts.record import VerificationRecord
from storage.record_listing import BadCursor, list_latest_records, listing_item
from storage.record_store import save_record

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def _save(
    engine: Engine, article: str, at: datetime, status: str = "complete", rev: int = 1
) -> None:
    record = VerificationRecord(
        article_id=article, revision=rev, version=1, language="en", status=status, created_at=at
    )  # type: ignore[arg-type]
    save_record(engine, record, f"{article}-{rev}-{at.isoformat()}-{status}")


def _all_pages(engine: Engine, limit: int, **filters: object) -> list[tuple[str, int, int]]:
    seen: list[tuple[str, int, int]] = []
    cursor = None
    while True:
        page = list_latest_records(engine, cursor=cursor, limit=limit, **filters)  # type: ignore[arg-type]
        seen += [(r.article_id, r.revision, r.version) for r in page.records]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor


def test_latest_version_per_article_and_revision_since_a_time(engine: Engine) -> None:
    _save(engine, "a", T0)
    _save(engine, "a", T0 + timedelta(minutes=5), status="partial")  # a's version 2
    _save(engine, "a", T0 + timedelta(minutes=1), rev=2)
    _save(engine, "b", T0 - timedelta(days=1))
    got = list_latest_records(engine, since=T0).records
    assert [(r.article_id, r.revision, r.version) for r in got] == [("a", 2, 1), ("a", 1, 2)]
    assert [r.article_id for r in list_latest_records(engine).records] == ["b", "a", "a"]
    partial = list_latest_records(engine, status="partial").records
    assert [(r.article_id, r.version) for r in partial] == [("a", 2)]
    # version 1 of a r1 was complete but is not the latest any more
    complete = list_latest_records(engine, since=T0, status="complete").records
    assert [(r.article_id, r.revision) for r in complete] == [("a", 2)]
    item = listing_item(got[1])
    assert item["status"] == "partial" and item["created_at"] == "2026-05-01T12:05:00+00:00"
    assert set(item["summary"]) >= {"corroborated", "contradicted", "unverified"}  # type: ignore[arg-type]


def test_pages_cover_every_record_once_even_with_equal_times(engine: Engine) -> None:
    for i in range(7):
        _save(engine, f"same-{i}", T0)  # one timestamp: the row id breaks the tie
    for i in range(3):
        _save(engine, f"later-{i}", T0 + timedelta(seconds=i))
    paged = _all_pages(engine, limit=3)
    assert len(paged) == 10 and len(set(paged)) == 10
    assert paged == _all_pages(engine, limit=100)
    first = list_latest_records(engine, limit=3)
    assert first.next_cursor is not None and len(first.records) == 3
    assert list_latest_records(engine, limit=10).next_cursor is None


def test_a_cursor_it_did_not_hand_out_is_refused(engine: Engine) -> None:
    with pytest.raises(BadCursor):
        list_latest_records(engine, cursor="not-a-cursor")
