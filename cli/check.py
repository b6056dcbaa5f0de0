"""`verify check`: the three workers' logic and the merge in-process, no Kafka or Prefect.

    verify check FILE [--json]      one article file (or - for stdin)
    verify check --jsonl            stdin {"id","text","lang"?,"outlet"?,"published_at"?,...}
                                    -> stdout one record per line; models and archive load once

Like the pipeline, each checked article is archived after its own search, so later articles
can find it (`--no-archive` leaves the archive as it was). A bad line yields
{"id","error"}, the run goes on, and the exit code is 1 at the end.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from typing import Annotated, Any, TextIO

import typer

from cli.articles import article_from_file, article_from_line
from cli.errors import fail
from cli.jsonl import LineError, run_jsonl
from cli.render import print_record
from flows.check import Checker


def check_lines(source: TextIO, sink: TextIO, checker: Checker) -> int:
    """One record (or error) per input line; returns how many lines failed."""

    def process(line: str) -> dict[str, Any]:
        try:
            article = article_from_line(line)
        except LineError as exc:
            return {"id": exc.doc_id, "error": str(exc)}
        record = checker.check(article)
        return json.loads(record.model_dump_json())

    return run_jsonl(source, sink, process)


def check(
    file: Annotated[str | None, typer.Argument(help="article text file, or - for stdin")] = None,
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="JSON lines on stdin, one record per line out")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the record as JSON")] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help="ar or en; detected if omitted")
    ] = None,
    id: Annotated[str | None, typer.Option("--id")] = None,
    published_at: datetime | None = None,
    archive: Annotated[
        bool, typer.Option("--archive/--no-archive", help="add checked articles to the archive")
    ] = True,
) -> None:
    """Run extraction, source lookup, cross-reference and the status rules in-process."""
    from storage.engine import default_engine

    if jsonl == (file is not None):
        fail("give either an article FILE or --jsonl (lines on stdin)")
    checker = Checker.for_engine(default_engine(), archive_checked=archive)
    if jsonl:
        if check_lines(sys.stdin, sys.stdout, checker):
            raise typer.Exit(code=1)
        return
    assert file is not None
    article = article_from_file(file, article_id=id, language=lang, published_at=published_at)
    record = checker.check(article)
    if as_json:
        typer.echo(record.model_dump_json(indent=2))
    else:
        print_record(record)
