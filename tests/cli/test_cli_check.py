"""`verify check --jsonl` and `verify archive search` on a fresh, empty database + data dir."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from sqlalchemy.engine import Engine

from cli.check import check_lines
from contracts.events import ArticleSubmitted
from flows.check import Checker

ROOT = Path(__file__).resolve().parents[2]
WIRE = "قال ناشطون إن 4 من أمراء داعش يتواجدون في صفوف الجيش الوطني."
CLAIM = "كشف المرصد السوري لحقوق الإنسان أن 4 من أمراء داعش يتواجدون في صفوف الجيش الوطني."


def verify(tmp: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "VERIFY_DATABASE_URL": f"sqlite:///{tmp / 'fresh.db'}",
        "VERIFY_DATA_DIR": str(tmp / "data"),
    }
    return subprocess.run(
        [sys.executable, "-c", "from cli.main import run; run()", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_check_jsonl_writes_a_record_per_line_and_an_error_per_bad_line(engine: Engine) -> None:
    checker = Checker.for_engine(engine)
    checker.archive.add_article(ArticleSubmitted(article_id="w", outlet="w.example", body=WIRE))
    lines = [
        json.dumps({"id": "a1", "text": CLAIM, "lang": "ar", "outlet": "desk.example"}),
        json.dumps({"id": "a2", "text": "   "}),
        "{not json",
        json.dumps({"id": "a3", "text": CLAIM, "published_at": "yesterday"}),
    ]
    out = io.StringIO()
    failures = check_lines(io.StringIO("\n".join(lines) + "\n"), out, checker)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert failures == 3
    assert rows[0]["article_id"] == "a1" and rows[0]["outlet"] == "desk.example"
    assert any(e["doc_id"] == "w" for c in rows[0]["claims"] for e in c["evidence"])
    assert rows[1] == {"id": "a2", "error": '"text" must be a non-blank string'}
    assert rows[2]["id"] is None and rows[2]["error"].startswith("invalid JSON")
    assert rows[3]["id"] == "a3" and rows[3]["error"].startswith("invalid article: published_at")


def test_checked_articles_are_archived_unless_asked_not_to(engine: Engine) -> None:
    line = json.dumps({"id": "a1", "text": CLAIM, "lang": "ar"}) + "\n"
    dry = Checker.for_engine(engine, archive_checked=False)
    check_lines(io.StringIO(line), io.StringIO(), dry)
    assert dry.archive.count() == 0
    wet = replace(dry, archive_checked=True)
    check_lines(io.StringIO(line), io.StringIO(), wet)
    assert wet.archive.count() == 1


def test_a_fresh_pair_works_from_the_command_line(tmp_path: Path) -> None:
    articles = tmp_path / "wire.jsonl"
    articles.write_text(
        json.dumps({"id": "wire-1", "text": WIRE, "outlet": "wire.example"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    imported = verify(tmp_path, "archive", "import", "-q", "--no-announce", str(articles))
    assert imported.returncode == 0, imported.stderr
    found = verify(tmp_path, "archive", "search", "أمراء داعش في الجيش الوطني", "--json")
    (hit,) = [json.loads(line) for line in found.stdout.splitlines()]
    assert (hit["rank"], hit["doc_id"], hit["outlet"]) == (1, "wire-1", "wire.example")
    assert 0 < hit["score"] <= 1
    batch = verify(tmp_path, "check", "--jsonl", stdin=json.dumps({"id": "x"}) + "\n")
    assert batch.returncode == 1
    assert json.loads(batch.stdout) == {"id": "x", "error": '"text" must be a non-blank string'}
    neither = verify(tmp_path, "check")
    assert (neither.returncode, neither.stderr.strip()) == (
        1,
        "error: give either an article FILE or --jsonl (lines on stdin)",
    )
