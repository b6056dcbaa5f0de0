"""Import files: our JSONL, SaudiNewsNet lines, ClaimReview arrays, bad records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from cli.archive import import_file
from contracts.events import ArticleSubmitted
from workers.xref.archive import open_archive
from workers.xref.documents import FactCheck
from workers.xref.importer import BadRecord, read_documents

REVIEW = {
    "text": "طرد الوفد السوري المشارك في مؤتمر المانحين في بروكسل.",
    "claimant": "x.com",
    "claimDate": "2025-03-17T00:00:00Z",
    "claimReview": [
        {
            "publisher": {"name": "مسبار", "site": "misbar.com"},
            "url": "https://misbar.example/r",
            "title": "خبر طرد وفد سوريا زائف",
            "reviewDate": "2025-03-18T00:00:00Z",
            "textualRating": "زائف",
            "languageCode": "ar",
        }
    ],
}


def write_lines(path: Path, objects: list[object], extra: str = "") -> Path:
    path.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in objects) + "\n" + extra)
    return path


def test_reads_our_articles_saudinewsnet_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "a.jsonl",
        [
            {
                "article_id": "a-1",
                "body": "نص المقال الأول.",
                "outlet": "a.example",
                "language": "ar",
            },
            {
                "source": "aawsat",
                "url": "http://aawsat.com/1",
                "date_extracted": "2015-07-21 02:51:32",
                "title": "عنوان",
                "content": "نص من سعودي نيوز نت.",
            },
            {"id": "no-body"},
        ],
        extra="{not json\n",
    )
    items = list(read_documents(path))
    first, snn, bad, broken = items
    assert isinstance(first, ArticleSubmitted) and first.article_id == "a-1"
    assert isinstance(snn, ArticleSubmitted)
    assert snn.outlet == "aawsat" and snn.published_at is not None and snn.published_at.year == 2015
    assert snn.article_id.startswith("aawsat:")
    assert isinstance(bad, BadRecord) and "no body" in bad.error and bad.where == "line 3"
    assert isinstance(broken, BadRecord) and "invalid JSON" in broken.error


def test_reads_claimreview_array(tmp_path: Path) -> None:
    path = tmp_path / "reviews.json"
    path.write_text(json.dumps([REVIEW, {"claimReview": []}], ensure_ascii=False))
    fc, bad = list(read_documents(path))
    assert isinstance(fc, FactCheck)
    assert (fc.publisher, fc.rating_text, fc.language) == ("misbar.com", "زائف", "ar")
    assert isinstance(bad, BadRecord)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="import file not found"):
        list(read_documents(tmp_path / "nope.jsonl"))


def test_import_is_idempotent(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "reviews.json"
    path.write_text(json.dumps([REVIEW], ensure_ascii=False))
    archive = open_archive(engine)
    assert import_file(path, archive, show_progress=False) == {"added": 1, "present": 0, "bad": 0}
    assert import_file(path, archive, show_progress=False) == {"added": 0, "present": 1, "bad": 0}
    assert archive.count() == 1
