from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted, ExtractionResult, SourcesResult, XrefResult
from flows.merge import merge
from storage.join_store import due_joins, load_parts, mark_merged, record_article, record_part
from storage.record_store import (
    count_records,
    is_published,
    latest_record,
    mark_published,
    record_versions,
    save_record,
)


def parts(article_id: str) -> tuple[ExtractionResult, SourcesResult, XrefResult]:
    return (
        ExtractionResult(article_id=article_id, revision=1, language="en", sentences=0, claims=[]),
        SourcesResult(article_id=article_id, revision=1, mentions=[]),
        XrefResult(article_id=article_id, revision=1, items=[]),
    )


def test_join_becomes_due_only_when_all_parts_are_in(engine: Engine) -> None:
    extraction, sources, xref = parts("a1")
    record_article(engine, ArticleSubmitted(article_id="a1", body="x", outlet="o.example"), 60)
    assert record_part(engine, extraction, 60)
    assert record_part(engine, sources, 60)
    assert due_joins(engine) == []
    assert record_part(engine, xref, 60)
    assert due_joins(engine) == [("a1", 1)]
    loaded, key = load_parts(engine, "a1", 1)
    assert loaded.missing == [] and loaded.meta.outlet == "o.example"
    mark_merged(engine, "a1", 1, key, "complete")
    assert due_joins(engine) == []


def test_redelivered_identical_part_changes_nothing(engine: Engine) -> None:
    extraction, _, _ = parts("a2")
    assert record_part(engine, extraction, 60)
    again = extraction.model_copy(update={"produced_at": extraction.produced_at.replace(year=2030)})
    assert not record_part(engine, again, 60)
    changed = extraction.model_copy(update={"language": "ar"})
    assert record_part(engine, changed, 60)


def test_deadline_makes_an_incomplete_join_due(engine: Engine) -> None:
    extraction, _, _ = parts("a3")
    record_part(engine, extraction, deadline_s=-1)  # already past its deadline
    assert due_joins(engine) == [("a3", 1)]
    loaded, _ = load_parts(engine, "a3", 1)
    assert loaded.missing == ["sources", "xref"]


def test_records_are_versioned_and_idempotent_per_content(engine: Engine) -> None:
    extraction, sources, _ = parts("a4")
    for p in (extraction, sources):
        record_part(engine, p, 60)
    loaded, _ = load_parts(engine, "a4", 1)
    first, created = save_record(engine, merge(loaded), "k-a")
    assert (first.version, created) == (1, True)
    again, created = save_record(engine, merge(loaded), "k-a")
    assert (again.version, created) == (1, False)
    second, created = save_record(engine, merge(loaded), "k-b")
    assert (second.version, created) == (2, True)
    assert count_records(engine, "a4") == 2
    latest = latest_record(engine, "a4")
    assert latest is not None and latest.version == 2
    assert [r.version for r in record_versions(engine, "a4")] == [1, 2]
    assert latest_record(engine, "missing") is None


def test_returning_to_earlier_content_is_a_new_version(engine: Engine) -> None:
    extraction, sources, _ = parts("a5")
    for p in (extraction, sources):
        record_part(engine, p, 60)
    record = merge(load_parts(engine, "a5", 1)[0])
    versions = [save_record(engine, record, key) for key in ("k-a", "k-b", "k-a", "k-a")]
    assert [(r.version, new) for r, new in versions] == [
        (1, True),
        (2, True),
        (3, True),
        (3, False),
    ]


def test_publication_is_tracked_per_version(engine: Engine) -> None:
    extraction, sources, _ = parts("a6")
    for p in (extraction, sources):
        record_part(engine, p, 60)
    record = merge(load_parts(engine, "a6", 1)[0])
    first, _ = save_record(engine, record, "k-a")
    second, _ = save_record(engine, record, "k-b")
    assert not is_published(engine, first)
    mark_published(engine, first)
    assert is_published(engine, first) and not is_published(engine, second)
