"""`verify stance --jsonl`: the stance model for batch use.

stdin lines {"id","claim","evidence"} -> stdout lines {"id","stance","score","reason"};
a malformed line gives {"id": ..., "error": ...}, the run goes on, and the exit code is 1
at the end if any line failed.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from cli.jsonl import LineError, parse_object, required_text, run_jsonl
from workers.xref.stance import StanceModel, load_stance_model

app = typer.Typer(help="Stance of evidence towards a claim: supports, contradicts, neutral.")


def process_line(line: str, model: StanceModel) -> dict[str, Any]:
    try:
        item, doc_id = parse_object(line)
        claim = required_text(item, "claim", doc_id)
        evidence = required_text(item, "evidence", doc_id)
    except LineError as exc:
        return {"id": exc.doc_id, "error": str(exc)}
    stance, score, reason = model.predict(claim, evidence)
    return {"id": doc_id, "stance": stance, "score": score, "reason": reason}


@app.callback(invoke_without_command=True)
def stance(
    ctx: typer.Context,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help='stdin {"id","claim","evidence"} lines -> stdout')
    ] = False,
) -> None:
    """Classify claim/evidence pairs from stdin (JSON lines)."""
    if ctx.invoked_subcommand is not None:
        return
    if not jsonl:
        typer.echo("verify stance reads JSON lines from stdin: use --jsonl", err=True)
        raise typer.Exit(2)
    model = load_stance_model()
    failures = run_jsonl(sys.stdin, sys.stdout, lambda line: process_line(line, model))
    if failures:
        typer.echo(f"{failures} line(s) failed", err=True)
        raise typer.Exit(1)
