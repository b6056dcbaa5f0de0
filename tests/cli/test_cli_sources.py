"""`verify sources find` and `verify sources resolve --jsonl`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import sources as cli_sources

runner = CliRunner()


@pytest.fixture(autouse=True)
def _database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("VERIFY_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("COLUMNS", "200")  # rich wraps narrower tables
    cli_sources._registry.cache_clear()
    yield
    cli_sources._registry.cache_clear()


def test_resolve_jsonl_streams_mentions_and_reports_bad_lines() -> None:
    lines = [
        json.dumps({"id": "a", "text": "وقالت الخزانة الأميركية إن الشبكة مالية.", "lang": "ar"}),
        "{not json",
        json.dumps({"id": "c", "text": "   "}),
        json.dumps({"id": 7, "text": "Reuters reported the attack."}),
    ]
    result = runner.invoke(cli_sources.app, ["resolve", "--jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4
    first = out[0]["mentions"][0]
    assert first["mention"] == "الخزانة الأميركية"
    assert first["source"]["source_id"] == "us-treasury"
    text = json.loads(lines[0])["text"]
    assert text[first["start"] : first["end"]] == first["mention"]
    assert out[1]["id"] is None and "invalid JSON" in out[1]["error"]
    assert out[2] == {"id": "c", "error": '"text" must be a non-blank string'}
    assert out[3]["id"] == "7" and out[3]["mentions"][0]["source"]["name"] == "Reuters"


def test_resolve_all_good_exits_zero() -> None:
    line = json.dumps({"id": "x", "text": "No source is cited here."})
    result = runner.invoke(cli_sources.app, ["resolve", "--jsonl"], input=line + "\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"id": "x", "mentions": []}


def test_find_prints_a_table() -> None:
    result = runner.invoke(
        cli_sources.app, ["find", "وأكد المرصد السوري لحقوق الإنسان أن القصف مستمر."]
    )
    assert result.exit_code == 0
    assert "Syrian Observatory for Human Rights" in result.stdout
    assert "sohr" in result.stdout


def test_find_rejects_blank_text() -> None:
    result = runner.invoke(cli_sources.app, ["find", "  "])
    assert result.exit_code == 2
    assert "blank" in result.stderr
