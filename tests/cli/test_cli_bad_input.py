"""`verify submit` and `verify status` on bad input or unreachable parts: one line on stderr,
exit 1, and nothing is sent (the broker address is unreachable: a sent article would fail
with a different message)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli_main import verify

NO_BROKER = {"VERIFY_KAFKA_BOOTSTRAP": "127.0.0.1:1", "VERIFY_KAFKA_BOOTSTRAP_TIMEOUT_MS": "500"}


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (b"\xff\xfe not utf-8", [], "cannot read"),
        (b"   \n\t ", [], "invalid article: body is blank"),
        (b"a\x00b", [], "body contains the control character U+0000 at offset 1"),
        (b"a\x1b[31mred", [], "body contains the control character U+001B at offset 1"),
        (b"<html><body><p>The UN said so.</p></body></html>", [], "body looks like HTML"),
        (b"x" * 300_000, [], "the limit is 262,144 (VERIFY_MAX_BODY_BYTES)"),
        (b"The UN said so.", ["--id", "../../etc"], "article id '../../etc' is not allowed"),
        (b"The UN said so.", ["--id", "a/b"], "article id 'a/b' is not allowed"),
        (b"The UN said so.", ["--title", "a\nb"], "title contains the control character"),
    ],
)
def test_bad_articles_are_one_line_and_exit_1(
    tmp_path: Path, content: bytes, args: list[str], message: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    done = verify("submit", str(path), *args, **NO_BROKER)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0]


def test_a_file_name_becomes_a_safe_id(tmp_path: Path) -> None:
    path = tmp_path / "..weird name..txt"
    path.write_text("The UN said so.", encoding="utf-8")
    done = verify("submit", str(path), **NO_BROKER)
    assert "not allowed" not in done.stderr and "cannot reach Kafka" in done.stderr


def test_status_says_which_part_is_unreachable(tmp_path: Path) -> None:
    kafka = verify("status", VERIFY_DATABASE_URL=f"sqlite:///{tmp_path / 'v.db'}", **NO_BROKER)
    assert kafka.returncode == 1
    assert kafka.stderr.strip().splitlines() == [
        "error: cannot reach Kafka at 127.0.0.1:1: KafkaTimeoutError: Unable to bootstrap from "
        "127.0.0.1:1"
    ]
    db = verify(
        "status", VERIFY_DATABASE_URL="postgresql+psycopg://verify:secret@127.0.0.1:1/verify"
    )
    assert db.returncode == 1
    (line,) = db.stderr.strip().splitlines()
    assert line.startswith("error: cannot reach the database at postgresql+psycopg://verify:***@")
    assert "secret" not in line
