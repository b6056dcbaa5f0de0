"""`verify sources ...`: find and resolve cited sources in text.

`verify sources resolve --jsonl` streams stdin lines {"id","text","lang"?} to stdout lines
{"id","mentions":[{"mention","start","end","type","source"}]}; a malformed line gives
{"id": ..., "error": ...}, the run goes on, and the exit code is 1 at the end.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cli.jsonl import LineError, parse_text_line
from cli.jsonl import run_jsonl as _run_jsonl
from storage.engine import default_engine
from workers.sources.lookup import SourceRegistry, find_mentions

app = typer.Typer(help="Find and resolve cited sources.", no_args_is_help=True)


@cache
def _registry() -> SourceRegistry:
    return SourceRegistry.load(default_engine())


def process_line(line: str, registry: SourceRegistry) -> dict[str, Any]:
    try:
        doc_id, text, lang = parse_text_line(line)
    except LineError as exc:
        return {"id": exc.doc_id, "error": str(exc)}
    mentions = find_mentions(text, registry, lang)
    return {"id": doc_id, "mentions": [m.model_dump(mode="json") for m in mentions]}


def run_jsonl(source: TextIO, sink: TextIO, registry: SourceRegistry) -> int:
    """One output line per non-blank input line; returns how many lines failed."""
    return _run_jsonl(source, sink, lambda line: process_line(line, registry))


@app.command()
def resolve(
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help='stdin lines {"id","text","lang"?} -> mention lines')
    ] = False,
) -> None:
    """Find every source mention in each text and resolve it against the registry."""
    if not jsonl:
        typer.echo("error: only --jsonl input is supported; pass --jsonl", err=True)
        raise typer.Exit(code=2)
    if run_jsonl(sys.stdin, sys.stdout, _registry()):
        raise typer.Exit(code=1)


@app.command()
def find(
    text: Annotated[str, typer.Argument(help="the text to search, or - to read stdin")],
) -> None:
    """Show the sources cited in TEXT as a table."""
    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        typer.echo("error: the text is blank", err=True)
        raise typer.Exit(code=2)
    table = Table(title="Sources")
    for column in ("mention", "span", "type", "source", "kind", "reliability", "score"):
        table.add_column(column)
    for m in find_mentions(text, _registry()):
        src = m.source
        table.add_row(
            escape(m.mention),
            f"{m.start}-{m.end}",
            m.type,
            escape(f"{src.name} [{src.source_id}]") if src else "-",
            src.kind if src else "-",
            src.reliability if src else "-",
            f"{src.match_score:.2f}" if src else "-",
        )
    Console().print(table)
