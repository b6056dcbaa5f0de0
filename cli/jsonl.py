"""JSON-lines batch plumbing shared by `verify extract|stance|sources resolve --jsonl`.

One output line per non-blank input line, flushed, so a command can sit in a pipe. A bad line
yields {"id": <id or null>, "error": "<reason>"} and the run goes on.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO


class LineError(ValueError):
    """A JSONL input line that cannot be processed."""

    def __init__(self, reason: str, doc_id: str | None = None) -> None:
        super().__init__(reason)
        self.doc_id = doc_id


def parse_object(line: str) -> tuple[dict[str, Any], str]:
    """The line's JSON object and its non-empty "id" (as a string)."""
    try:
        item: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError(f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(item, dict):
        raise LineError("each line must be a JSON object")
    raw_id = item.get("id")
    if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or str(raw_id) == "":
        raise LineError('"id" must be a non-empty string or integer')
    return item, str(raw_id)


def required_text(item: dict[str, Any], field: str, doc_id: str) -> str:
    value = item.get(field)
    if not isinstance(value, str) or not value.strip():
        raise LineError(f'"{field}" must be a non-blank string', doc_id)
    return value


def parse_text_line(line: str) -> tuple[str, str, str | None]:
    """A {"id","text","lang"?} line -> (id, text, lang)."""
    item, doc_id = parse_object(line)
    text = required_text(item, "text", doc_id)
    lang = item.get("lang")
    if lang is not None and lang not in ("ar", "en"):
        raise LineError('"lang" must be "ar", "en" or absent', doc_id)
    return doc_id, text, lang


def run_jsonl(source: TextIO, sink: TextIO, process: Callable[[str], dict[str, Any]]) -> int:
    """Process every non-blank line of `source`; returns how many lines failed."""
    failures = 0
    for line in source:
        if not line.strip():
            continue
        out = process(line)
        failures += "error" in out
        sink.write(json.dumps(out, ensure_ascii=False) + "\n")
        sink.flush()
    return failures
