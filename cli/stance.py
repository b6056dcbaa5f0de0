"""`verify stance --jsonl`: the stance model for batch use.

stdin lines {"id","claim","evidence"} -> stdout lines {"id","stance","score","reason"};
a malformed line gives {"id": ..., "error": ...}, the run goes on, and the exit code is 1
at the end if any line failed.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from cli.jsonl import LineError, parse_object, required_text, run_jsonl_batched
from workers.xref.stance import StanceModel, load_stance_model

app = typer.Typer(help="Stance of evidence towards a claim: supports, contradicts, neutral.")


def _parse(line: str) -> tuple[str, str, str]:
    item, doc_id = parse_object(line)
    return doc_id, required_text(item, "claim", doc_id), required_text(item, "evidence", doc_id)


def process_batch(lines: list[str], model: StanceModel) -> list[dict[str, Any]]:
    """One output per line, in order; the valid pairs are scored as one batch."""
    outputs: list[dict[str, Any]] = []
    pairs: list[tuple[str, str]] = []
    slots: list[tuple[int, str]] = []  # (index in outputs, id) of each valid pair
    for line in lines:
        try:
            doc_id, claim, evidence = _parse(line)
        except LineError as exc:
            outputs.append({"id": exc.doc_id, "error": str(exc)})
            continue
        slots.append((len(outputs), doc_id))
        pairs.append((claim, evidence))
        outputs.append({})
    for (index, doc_id), (stance, score, reason) in zip(
        slots, model.predict_many(pairs), strict=True
    ):
        outputs[index] = {"id": doc_id, "stance": stance, "score": score, "reason": reason}
    return outputs


def process_line(line: str, model: StanceModel) -> dict[str, Any]:
    return process_batch([line], model)[0]


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
    failures = run_jsonl_batched(sys.stdin, sys.stdout, lambda lines: process_batch(lines, model))
    if failures:
        typer.echo(f"{failures} line(s) failed", err=True)
        raise typer.Exit(1)
