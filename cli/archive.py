"""`verify archive import|search|count`: the cross-reference archive.

`import FILE`: FILE is JSON lines of articles (article_id/id, body/text/content, title,
outlet/source, url, published_at/date_extracted, language; SaudiNewsNet lines work as they
are) or a JSON array of ClaimReview records in the Fact Check Tools shape. Importing twice
adds nothing. `search TEXT`: ranked passages, as the cross-reference worker sees them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from storage.engine import default_engine
from workers.xref.archive import Document, IndexedArchive, Passage, document_row, open_archive
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
    path: Path,
    archive: IndexedArchive,
    *,
    show_progress: bool = True,
    added_ids: list[str] | None = None,
) -> dict[str, int]:
    """Add every record of `path`; counts of added, already-present and bad records (the
    doc ids that were new go to `added_ids`)."""
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
            new = archive.add_documents([document_row(d) for d in good])
            archive.sync(force=True)  # index as we go: the bar shows searchable documents
            counts["added"] += len(new)
            counts["present"] += len(good) - len(new)
            if added_ids is not None:
                added_ids.extend(new)
            progress.advance(task, len(batch))
    return counts


@app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="JSONL articles or ClaimReview JSON")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
    announce: Annotated[
        bool,
        typer.Option(help="send archive.added so stored claims are re-checked"),
    ] = True,
) -> None:
    """Add articles (JSONL) or ClaimReview records (JSON) to the archive, idempotently."""
    if not file.is_file():
        err.print(f"[red]no such file:[/] {file}")
        raise typer.Exit(2)
    archive = open_archive(default_engine())
    added: list[str] = []
    try:
        counts = import_file(file, archive, show_progress=not quiet, added_ids=added)
    except ValueError as exc:  # a JSON array that does not parse
        err.print(f"[red]cannot read {file}:[/] {exc}")
        raise typer.Exit(2) from exc
    err.print(
        f"{counts['added']} added, {counts['present']} already in the archive, "
        f"{counts['bad']} skipped; archive holds {archive.count()} documents"
    )
    if announce and added:
        _announce(added)
    if counts["bad"] and not counts["added"] and not counts["present"]:
        raise typer.Exit(1)


def _announce(doc_ids: list[str]) -> None:
    """archive.added for the new documents; without a broker the import still stands and the
    daily re-check (or `recheck-claims` with `since`) picks the documents up."""
    from kafka.errors import KafkaError

    from workers.recheck.announce import announce_added

    try:
        announce_added(doc_ids, "import")
    except KafkaError as exc:
        err.print(
            f"[yellow]warning:[/] archive.added not sent ({type(exc).__name__}): stored claims "
            "are re-checked by the daily recheck-claims run"
        )


@app.command("count")
def count_command() -> None:
    """How many documents the archive holds."""
    typer.echo(open_archive(default_engine()).count())


@app.command("search")
def search_command(
    text: Annotated[str, typer.Argument(help="what to look for (a claim, a few words)")],
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="how many documents")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object per passage")] = False,
) -> None:
    """Ranked passages (the best of each document) with their doc ids and scores."""
    archive = open_archive(default_engine())
    passages = archive.search(text, limit=k)
    if as_json:
        for rank, p in enumerate(passages, start=1):
            typer.echo(json.dumps({"rank": rank, **_passage_json(p)}, ensure_ascii=False))
        return
    if not passages:
        err.print(f"nothing in the archive ({archive.count()} documents) matches")
        return
    table = Table("#", "score", "doc_id", "kind", "outlet", "passage", show_lines=False)
    for rank, p in enumerate(passages, start=1):
        label = f"{p.kind} ({p.rating})" if p.rating else p.kind
        table.add_row(str(rank), f"{p.score:.3f}", p.doc_id, label, p.outlet or "-", p.text)
    Console().print(table)


def _passage_json(p: Passage) -> dict[str, object]:
    return {
        "doc_id": p.doc_id,
        "score": p.score,
        "kind": p.kind,
        "title": p.title,
        "outlet": p.outlet,
        "url": p.url,
        "published_at": p.published_at,
        "rating": p.rating,
        "text": p.text,
        "start": p.start,
        "end": p.end,
    }
