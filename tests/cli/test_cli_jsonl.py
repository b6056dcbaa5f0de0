import io
import json

import pytest

from cli.jsonl import LineError, batches, parse_text_line, run_jsonl_batched


def test_batches_keep_order_skip_blank_lines_and_respect_the_size() -> None:
    lines = [f"{i}\n" for i in range(10)] + ["\n"]
    got = list(batches(iter(lines), max_size=3))
    assert all(1 <= len(b) <= 3 for b in got)
    assert [line for b in got for line in b] == [f"{i}\n" for i in range(10)]


def test_batched_run_writes_one_line_per_input_and_counts_failures() -> None:
    source = io.StringIO('{"id": 1}\nnot json\n{"id": 2}\n')
    sink = io.StringIO()

    def process(batch: list[str]) -> list[dict[str, object]]:
        return [{"error": "bad"} if "not" in line else json.loads(line) for line in batch]

    assert run_jsonl_batched(source, sink, process, max_size=2) == 1
    assert [json.loads(x) for x in sink.getvalue().splitlines()] == [
        {"id": 1},
        {"error": "bad"},
        {"id": 2},
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("[1]", "each line must be a JSON object"),
        ('{"text": "x"}', '"id" must be a non-empty string or integer'),
        ('{"id": 3, "text": " "}', '"text" must be a non-blank string'),
        ('{"id": 3, "text": "x", "lang": "fr"}', '"lang" must be "ar", "en" or absent'),
    ],
)
def test_text_lines_are_checked_with_a_reason(line: str, reason: str) -> None:
    with pytest.raises(LineError, match=reason):
        parse_text_line(line)


def test_a_valid_text_line_parses() -> None:
    assert parse_text_line('{"id": 7, "text": "نص", "lang": "ar"}') == ("7", "نص", "ar")
