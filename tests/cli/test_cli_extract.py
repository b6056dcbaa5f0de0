"""`verify extract --jsonl`: streaming JSON lines, per-line errors, exit code."""

from __future__ import annotations

import io
import json

from typer.testing import CliRunner

from cli.extract import app, run_jsonl

AR = "وكشف المرصد السوري أن 4 من أمراء التنظيم يتواجدون في صفوف الجيش الوطني"


def test_jsonl_round_trip_and_errors() -> None:
    lines = [
        json.dumps({"id": "a", "text": AR, "lang": "ar"}, ensure_ascii=False),
        "not json",
        json.dumps({"id": "b"}),
        "",
        json.dumps({"id": 7, "text": "Ankara denied that 300 fighters crossed the border."}),
        json.dumps({"id": "c", "text": "x", "lang": "fr"}),
    ]
    result = CliRunner().invoke(app, ["--jsonl"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", None, "b", "7", "c"]
    claim = out[0]["claims"][0]
    assert claim["attribution"]["mention"] == "المرصد السوري"
    assert claim["quantities"][0]["value"] == 4
    assert "invalid JSON" in out[1]["error"]
    assert "text" in out[2]["error"]
    assert out[3]["claims"][0]["denials"][0]["by"] == "Ankara"
    assert "lang" in out[4]["error"]


def test_all_good_lines_exit_zero() -> None:
    line = json.dumps({"id": "ok", "text": "The ministry said 40 people were killed."})
    result = CliRunner().invoke(app, ["--jsonl"], input=line + "\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["claims"][0]["attribution"]["verb"] == "said"


class _Recorder(io.StringIO):
    """Records what was written at each flush, to show output is streamed per line."""

    def __init__(self) -> None:
        super().__init__()
        self.flushed: list[int] = []

    def flush(self) -> None:
        self.flushed.append(len(self.getvalue().splitlines()))
        super().flush()


def test_streams_one_line_per_flush() -> None:
    source = io.StringIO(
        json.dumps({"id": "1", "text": "The army said 5 soldiers died."}) + "\n"
        + json.dumps({"id": "2", "text": "Hello!"}) + "\n"
    )
    sink = _Recorder()
    assert run_jsonl(source, sink) == 0
    assert sink.flushed == [1, 2]
    assert json.loads(sink.getvalue().splitlines()[1]) == {"id": "2", "claims": []}


def test_plain_mode_reads_one_text() -> None:
    result = CliRunner().invoke(app, [], input="The ministry said 40 people were killed.")
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["quantities"][0]["unit"] == "person"
    empty = CliRunner().invoke(app, [], input="  ")
    assert empty.exit_code == 2
