"""The `verify` console script: failures are one readable line on stderr and exit code 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def verify(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from cli.main import run; run()", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_submit_without_a_reachable_broker_says_so(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The UN said 300 people fled.", encoding="utf-8")
    done = verify(
        "submit", str(article),
        VERIFY_KAFKA_BOOTSTRAP="127.0.0.1:1", VERIFY_KAFKA_BOOTSTRAP_TIMEOUT_MS="1000",
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "error: cannot reach Kafka at 127.0.0.1:1: KafkaTimeoutError: Unable to bootstrap from "
        "127.0.0.1:1"
    ]


def test_bad_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'v.db'}"
    missing = verify("records", "get", "nope", VERIFY_DATABASE_URL=db)
    assert (missing.returncode, missing.stderr.strip()) == (1, "error: no record for 'nope'")
    unreadable = verify("check", str(tmp_path / "absent.txt"), VERIFY_DATABASE_URL=db)
    assert unreadable.returncode == 1
    assert unreadable.stderr.startswith(f"error: cannot read {tmp_path / 'absent.txt'}")
    assert len(unreadable.stderr.strip().splitlines()) == 1
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    bad_id = verify("submit", str(tmp_path / "a.txt"), "--id", "bad id")
    assert bad_id.returncode == 1
    assert bad_id.stderr.startswith("error: invalid article: article id 'bad id' is not allowed")


def test_records_list_prints_the_latest_versions_as_json_lines(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from contracts.record import VerificationRecord
    from storage.engine import make_engine
    from storage.migrate import upgrade
    from storage.record_store import save_record

    db = f"sqlite:///{tmp_path / 'v.db'}"
    engine = make_engine(db)
    upgrade(engine)
    for i, (status, day) in enumerate([("complete", 1), ("partial", 2), ("complete", 3)]):
        record = VerificationRecord(
            article_id=f"a-{i}", revision=1, version=1, language="en", status=status,  # type: ignore[arg-type]
            created_at=datetime(2026, 5, day, tzinfo=UTC),
        )  # fmt: skip
        save_record(engine, record, f"k{i}")
    done = verify("records", "list", "--since", "2026-05-02", "--jsonl", VERIFY_DATABASE_URL=db)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(x["article_id"], x["status"], x["version"]) for x in lines] == [
        ("a-1", "partial", 1),
        ("a-2", "complete", 1),
    ]
    assert lines[0]["created_at"] == "2026-05-02T00:00:00+00:00" and "summary" in lines[0]
    only = verify("records", "list", "--status", "complete", "--jsonl", VERIFY_DATABASE_URL=db)
    assert [json.loads(x)["article_id"] for x in only.stdout.splitlines()] == ["a-0", "a-2"]
    table = verify("records", "list", VERIFY_DATABASE_URL=db)
    assert table.returncode == 0 and "3 records" in table.stdout and "a-1" in table.stdout
    bad = verify("records", "list", "--status", "done", VERIFY_DATABASE_URL=db)
    assert bad.returncode == 2 and "done" in bad.stderr
