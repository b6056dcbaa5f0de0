"""evaluation.system on a real SQLite file: isolation and archive=False."""

from __future__ import annotations

from pathlib import Path

from evaluation.system import open_system

WIRE = {
    "id": "wire-1",
    "text": "أعلنت وزارة الصحة أن 12 شخصا قتلوا في انفجار بمدينة حلب أمس.",
    "title": "مقتل 12 شخصا في انفجار بحلب",
    "outlet": "wire.example",
    "published_at": "2019-01-01T08:00:00",
    "language": "ar",
}
DESK = {
    "id": "desk-1",
    "text": "قالت وزارة الصحة إن 12 شخصا قتلوا في انفجار بمدينة حلب.",
    "outlet": "desk.example",
    "language": "ar",
}


def test_fresh_system_is_empty_and_checks_leave_the_archive_alone(tmp_path: Path) -> None:
    system = open_system(tmp_path / "a")
    assert system.count() == 0
    assert system.import_articles([WIRE]) == {"added": 1, "present": 0}
    assert [doc for doc, _ in system.search("انفجار حلب 12 قتيلا", 5)] == ["wire-1"]

    record = system.check(DESK)  # archive=False
    assert record.article_id == "desk-1"
    shown = {ev.doc_id for claim in record.claims for ev in claim.evidence}
    assert shown == {"wire-1"}
    assert system.count() == 1  # the checked article was not archived

    system.check(DESK, archive=True)
    assert system.count() == 2

    again = open_system(tmp_path / "a")  # same workdir: a fresh database again
    assert again.count() == 0
    assert (again.data_dir).is_dir()
