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

from cli.jsonl import LineError, parse_text_line
from cli.jsonl import run_jsonl as _run_jsonl
from workers.extraction.extractor import extract_text

app = typer.Typer(help="Extract claims from texts.", add_completion=False)


def process_line(line: str) -> dict[str, Any]:
    """The output object for one input line (claims, or an error)."""
    doc_id: str | None = None
    try:
        doc_id, text, lang = parse_text_line(line)
        claims = extract_text(doc_id, text, lang)
    except LineError as exc:
        return {"id": exc.doc_id, "error": str(exc)}
    except ValidationError as exc:
        reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        return {"id": doc_id, "error": f"invalid input: {reasons}"}
    return {"id": doc_id, "claims": [c.model_dump(mode="json") for c in claims]}


def run_jsonl(source: TextIO, sink: TextIO) -> int:
    """Process every line of `source`; returns how many lines failed."""
    return _run_jsonl(source, sink, process_line)


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
