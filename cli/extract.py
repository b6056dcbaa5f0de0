"""`verify extract --jsonl`: stdin lines {"id","text","lang"?} -> stdout {"id","claims":[...]}.

Streams line by line (one output line per input line, flushed), so it can sit in a pipe.
A malformed line yields {"id": <id or null>, "error": "<reason>"} and the run goes on; the
exit code is 1 at the end when any line failed.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

import typer
from pydantic import ValidationError

from workers.extraction.extractor import extract_text

app = typer.Typer(help="Extract claims from texts.", add_completion=False)


class LineError(ValueError):
    """A JSONL input line that cannot be processed."""

    def __init__(self, reason: str, doc_id: str | None = None) -> None:
        super().__init__(reason)
        self.doc_id = doc_id


def _parse(line: str) -> tuple[str, str, str | None]:
    try:
        item: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError(f"invalid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(item, dict):
        raise LineError("each line must be a JSON object")
    raw_id = item.get("id")
    if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or str(raw_id) == "":
        raise LineError('"id" must be a non-empty string or integer')
    doc_id = str(raw_id)
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise LineError('"text" must be a non-blank string', doc_id)
    lang = item.get("lang")
    if lang is not None and lang not in ("ar", "en"):
        raise LineError('"lang" must be "ar", "en" or absent', doc_id)
    return doc_id, text, lang


def process_line(line: str) -> dict[str, Any]:
    """The output object for one input line (claims, or an error)."""
    doc_id: str | None = None
    try:
        doc_id, text, lang = _parse(line)
        claims = extract_text(doc_id, text, lang)
    except LineError as exc:
        return {"id": exc.doc_id, "error": str(exc)}
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return {"id": doc_id, "error": f"invalid input: {reasons}"}
    return {"id": doc_id, "claims": [c.model_dump(mode="json") for c in claims]}


def run_jsonl(source: TextIO, sink: TextIO) -> int:
    """Process every line of `source`; returns how many lines failed."""
    failures = 0
    for line in source:
        if not line.strip():
            continue
        out = process_line(line)
        failures += "error" in out
        sink.write(json.dumps(out, ensure_ascii=False) + "\n")
        sink.flush()
    return failures


@app.callback(invoke_without_command=True)
def extract(
    jsonl: bool = typer.Option(
        False, "--jsonl", help='Read {"id","text","lang"?} lines from stdin, one result per line.'
    ),
) -> None:
    """Extract claims. With --jsonl, stream JSON lines; otherwise read one text from stdin."""
    if jsonl:
        if run_jsonl(sys.stdin, sys.stdout):
            raise typer.Exit(code=1)
        return
    text = sys.stdin.read()
    if not text.strip():
        typer.echo("no text on stdin (or use --jsonl for JSON lines)", err=True)
        raise typer.Exit(code=2)
    claims = extract_text("stdin", text)
    typer.echo(json.dumps([c.model_dump(mode="json") for c in claims], ensure_ascii=False))
