"""The per-machine index follows the shared document table: rebuilds, readers, epochs."""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from contracts.events import ArticleSubmitted
from workers.xref.archive import index_dir, open_archive

TREASURY = "كشف تقرير لوزارة الخزانة الأميركية أن داعش يمتلك احتياطيات نقدية في تركيا."
WEATHER = "توقعت الأرصاد الجوية أمطارا غزيرة على السواحل الشمالية خلال عطلة نهاية الأسبوع."


def article(article_id: str, body: str) -> ArticleSubmitted:
    return ArticleSubmitted(article_id=article_id, body=body, language="ar")


def test_a_lost_index_is_rebuilt_from_the_table(engine: Engine, tmp_path: Path) -> None:
    archive = open_archive(engine, tmp_path)
    archive.add_many([article("t", TREASURY), article("w", WEATHER)])
    assert [p.doc_id for p in archive.search("احتياطيات داعش النقدية")] == ["t"]
    shutil.rmtree(index_dir(engine, tmp_path))  # the machine lost its disk
    fresh = open_archive(engine, tmp_path)
    assert [p.doc_id for p in fresh.search("احتياطيات داعش النقدية")] == ["t"]
    assert fresh.count() == 2


def test_one_process_writes_the_others_read_what_it_commits(
    engine: Engine, tmp_path: Path
) -> None:
    writer = open_archive(engine, tmp_path)
    writer.sync(force=True)
    reader = open_archive(engine, tmp_path)  # same folder: tantivy's lock elects one writer
    reader.sync_interval_s = 0  # see commits at once (by default within a second)
    assert not reader.index.try_writer()
    reader.add_article(article("t", TREASURY))  # any instance may add to the shared table
    assert reader.search("احتياطيات داعش النقدية") == []  # the writer has not indexed it yet
    writer.sync(force=True)
    assert [p.doc_id for p in reader.search("احتياطيات داعش النقدية")] == ["t"]


def test_an_index_of_another_archive_is_rebuilt(engine: Engine, tmp_path: Path) -> None:
    archive = open_archive(engine, tmp_path)
    archive.add_article(article("t", TREASURY))
    archive.search("داعش")
    folder = index_dir(engine, tmp_path)
    with engine.begin() as conn:  # as if the database had been recreated under the index
        conn.execute(sa.text("UPDATE archive_state SET epoch = 'another'"))
    moved = index_dir(engine, tmp_path)
    assert moved != folder
    shutil.copytree(folder, moved)  # an index folder built from the old epoch
    again = open_archive(engine, tmp_path)
    assert [p.doc_id for p in again.search("احتياطيات داعش النقدية")] == ["t"]
    assert again.index.state().epoch == "another"


def test_bulk_adds_count_new_and_present_and_keep_the_latest_revision(engine: Engine) -> None:
    archive = open_archive(engine)
    added = archive.add_many(
        [article("a", TREASURY), article("a", TREASURY), article("b", WEATHER)]
    )
    assert added == (2, 1)
    newer = ArticleSubmitted(article_id="a", revision=3, body=WEATHER, language="ar")
    older = ArticleSubmitted(article_id="a", revision=2, body=TREASURY, language="ar")
    assert archive.add_many([newer, older]) == (2, 0)
    hits = archive.search("أمطار غزيرة السواحل الشمالية", limit=5)
    assert sorted((p.doc_id, p.revision) for p in hits) == [("a", 3), ("b", 1)]
    assert archive.search("احتياطيات داعش النقدية") == []  # revisions 1 and 2 are superseded


def test_two_machines_share_the_archive_through_the_database(
    engine: Engine, tmp_path: Path
) -> None:
    here = open_archive(engine, tmp_path / "machine-a")  # separate disks: separate indexes
    there = open_archive(engine, tmp_path / "machine-b")
    there.sync_interval_s = 0
    assert there.search("احتياطيات داعش النقدية") == []
    here.add_article(article("t", TREASURY))
    assert [p.doc_id for p in there.search("احتياطيات داعش النقدية")] == ["t"]
    assert here.index.path != there.index.path
