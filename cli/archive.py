"""`verify archive import FILE`: add articles or prior fact-checks to the cross-reference archive.

FILE is JSON lines of articles (article_id/id, body/text/content, title, outlet/source, url,
published_at/date_extracted, language; SaudiNewsNet lines work as they are) or a JSON
array of ClaimReview records in the Fact Check Tools shape. Importing twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storage.engine import default_engine
from workers.xref.archive import Document, IndexedArchive, open_archive
from workers.xref.importer import BadRecord, count_records, read_documents

app = typer.Typer(help="The cross-reference archive.", no_args_is_help=True)
err = Console(stderr=True)


T = TypeVar("T")
IMPORT_BATCH = 2000  # documents per transaction and per index commit


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def import_file(
    path: Path, archive: IndexedArchive, *, show_progress: bool = True
) -> dict[str, int]:
    """Add every record of `path`; counts of added, already-present and bad records."""
    counts = {"added": 0, "present": 0, "bad": 0}
    with Progress(
        TextColumn("[bold]importing[/] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        disable=not show_progress,
    ) as progress:
        task = progress.add_task(path.name, total=count_records(path))
        for batch in batched(read_documents(path), IMPORT_BATCH):
            good: list[Document] = []
            for item in batch:
                if isinstance(item, BadRecord):
                    counts["bad"] += 1
                    err.print(f"[yellow]skipped {item.where}:[/] {item.error}")
                else:
                    good.append(item)
            added, present = archive.add_many(good)
            archive.sync(force=True)  # index as we go: the bar shows searchable documents
            counts["added"] += added
            counts["present"] += present
            progress.advance(task, len(batch))
    return counts


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="JSONL articles or ClaimReview JSON")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
) -> None:
    """Add articles (JSONL) or ClaimReview records (JSON) to the archive, idempotently."""
    if not file.is_file():
        err.print(f"[red]no such file:[/] {file}")
        raise typer.Exit(2)
    archive = open_archive(default_engine())
    try:
        counts = import_file(file, archive, show_progress=not quiet)
    except ValueError as exc:  # a JSON array that does not parse
        err.print(f"[red]cannot read {file}:[/] {exc}")
        raise typer.Exit(2) from exc
    err.print(
        f"{counts['added']} added, {counts['present']} already in the archive, "
        f"{counts['bad']} skipped; archive holds {archive.count()} documents"
    )
    if counts["bad"] and not counts["added"] and not counts["present"]:
        raise typer.Exit(1)


@app.command("count")
def count_command() -> None:
    """How many documents the archive holds."""
    typer.echo(open_archive(default_engine()).count())
