"""JSON-lines batch plumbing shared by `verify extract|stance|sources resolve --jsonl`.

One output line per non-blank input line, flushed, so a command can sit in a pipe. A bad line
yields {"id": <id or null>, "error": "<reason>"} and the run goes on.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator
from queue import Empty, Queue
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


def batches(source: Iterable[str], max_size: int = 256) -> Iterator[list[str]]:
    """Non-blank lines grouped into batches of what is already available (at most `max_size`).

    A model can then score a batch at once while an interactive pipe still gets an answer per
    line: a batch never waits for input that has not arrived yet.
    """
    queue: Queue[str | None] = Queue(maxsize=max_size * 4)

    def pump() -> None:
        for line in source:
            if line.strip():
                queue.put(line)
        queue.put(None)

    threading.Thread(target=pump, daemon=True).start()
    while (first := queue.get()) is not None:
        batch = [first]
        ended = False
        while len(batch) < max_size:
            try:
                line = queue.get_nowait()
            except Empty:
                break
            if line is None:
                ended = True
                break
            batch.append(line)
        yield batch
        if ended:
            return


def run_jsonl_batched(
    source: TextIO,
    sink: TextIO,
    process: Callable[[list[str]], list[dict[str, Any]]],
    max_size: int = 256,
) -> int:
    """Like run_jsonl, but `process` gets the lines batch by batch; returns the failures."""
    failures = 0
    for batch in batches(source, max_size):
        for out in process(batch):
            failures += "error" in out
            sink.write(json.dumps(out, ensure_ascii=False) + "\n")
        sink.flush()
    return failures
