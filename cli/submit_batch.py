"""`verify submit --jsonl`: stdin article lines to articles.submitted with one producer.

One output line per input line: {"id","revision","correlation_id"} once the broker acked it,
{"id","error"} for a bad line or a refused send (the run goes on; exit 1 at the end). A
progress bar goes to stderr when it is a terminal.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from cli.articles import article_from_line
from cli.jsonl import LineError
from cli.producer import Submitted, submit_articles
from contracts.events import ArticleSubmitted


def submit_lines(source: TextIO, sink: TextIO, progress: bool | None = None) -> int:
    """Submit every good line of `source`; returns how many lines failed."""
    failures = 0

    def emit(out: dict[str, Any]) -> None:
        nonlocal failures
        failures += "error" in out
        sink.write(json.dumps(out, ensure_ascii=False) + "\n")
        sink.flush()

    def articles() -> Iterator[ArticleSubmitted]:
        for line in source:
            if not line.strip():
                continue
            try:
                yield article_from_line(line)
            except LineError as exc:
                emit({"id": exc.doc_id, "error": str(exc)})

    def acked(outcome: Submitted) -> None:
        if outcome.error:
            emit({"id": outcome.article_id, "error": f"Kafka did not accept it: {outcome.error}"})
        else:
            emit(
                {
                    "id": outcome.article_id,
                    "revision": outcome.revision,
                    "correlation_id": outcome.correlation_id,
                }
            )

    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        submit_articles(articles(), on_ack=acked)
        return failures
    columns = (
        TextColumn("submitted"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("submit", total=None)

        def acked_with_bar(outcome: Submitted) -> None:
            acked(outcome)
            bar.advance(task)

        submit_articles(articles(), on_ack=acked_with_bar)
    return failures
