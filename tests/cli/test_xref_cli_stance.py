"""`verify stance --jsonl`: one output line per input line, errors inline, exit 1 at the end."""

import json

from typer.testing import CliRunner

from cli.stance import app


def test_streams_stances_and_reports_bad_lines() -> None:
    lines = [
        {"id": "1", "claim": "ارتفاع أسعار النفط عالميا", "evidence": "انخفاض أسعار النفط عالميا"},
        {"id": "2", "claim": "x"},
        {
            "id": 3,
            "claim": "Turkey allowed the coalition to use its bases",
            "evidence": "Turkey has not allowed the coalition to use its bases",
        },
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\nnot json\n"
    result = CliRunner().invoke(app, ["--jsonl"], input=stdin)
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert result.exit_code == 1
    assert [o["id"] for o in out] == ["1", "2", "3", None]
    assert out[0]["stance"] == "contradicts" and 0 <= out[0]["score"] <= 1
    assert "evidence" in out[1]["error"]
    assert out[2]["stance"] == "contradicts"
    assert "invalid JSON" in out[3]["error"]


def test_all_good_lines_exit_zero() -> None:
    stdin = json.dumps({"id": "a", "claim": "rain fell", "evidence": "rain fell in Paris"}) + "\n"
    result = CliRunner().invoke(app, ["--jsonl"], input=stdin)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["stance"] in {"supports", "contradicts", "neutral"}


def test_without_jsonl_flag_is_a_usage_error() -> None:
    assert CliRunner().invoke(app, []).exit_code == 2
