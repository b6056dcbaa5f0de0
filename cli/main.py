"""The `verify` command line. Each command is a thin adapter over the domain or the transport."""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime
from enum import StrEnum
from typing import Annotated

import typer

from cli import archive, dlq, extract, sources, stance
from cli import status as status_cmd
from cli.articles import article_from_file
from cli.check import check
from cli.errors import CliError, database_unreachable, fail
from cli.render import print_record
from contracts.record import STATUSES

app = typer.Typer(
    name="verify",
    help="Claim verification for newsrooms: submit articles, read records, run the logic locally.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
records_app = typer.Typer(help="Read verification records.", no_args_is_help=True)
schema_app = typer.Typer(help="Export the event schemas.", no_args_is_help=True)
app.add_typer(records_app, name="records")
app.add_typer(schema_app, name="schema")
app.add_typer(extract.app, name="extract")
app.add_typer(stance.app, name="stance")
app.add_typer(sources.app, name="sources")
app.add_typer(archive.app, name="archive")
app.add_typer(dlq.app, name="dlq")
app.command()(check)
app.command("status")(status_cmd.status)

class RecordStatus(StrEnum):
    complete = "complete"
    partial = "partial"


Lang = Annotated[str | None, typer.Option("--lang", help="ar or en; detected when omitted")]


@app.command()
def submit(
    file: Annotated[
        str | None, typer.Argument(help="article text file, or - for stdin")
    ] = None,
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help='stdin lines {"id","text","lang"?,"title"?,"outlet"?,"url"?,'
            '"published_at"?,"revision"?}; one result line each',
        ),
    ] = False,
    id: Annotated[str | None, typer.Option("--id", help="article id (default: file name)")] = None,
    lang: Lang = None,
    revision: Annotated[int, typer.Option(min=1)] = 1,
    title: str | None = None,
    outlet: Annotated[str | None, typer.Option(help="publishing outlet, e.g. its domain")] = None,
    url: str | None = None,
    published_at: Annotated[
        datetime | None, typer.Option(help="ISO date, resolves 'last month'")
    ] = None,
) -> None:
    """Produce an article event on articles.submitted (or one per stdin line with --jsonl)."""
    from cli.producer import submit_article

    if jsonl == (file is not None):
        fail("give either an article FILE or --jsonl (lines on stdin)")
    if jsonl:
        from cli.submit_batch import submit_lines

        if submit_lines(sys.stdin, sys.stdout):
            raise typer.Exit(code=1)
        return
    assert file is not None

    article = article_from_file(
        file,
        article_id=id,
        language=lang,
        revision=revision,
        title=title,
        outlet=outlet,
        url=url,
        published_at=published_at,
    )
    correlation = submit_article(article)
    typer.echo(
        json.dumps(
            {
                "article_id": article.article_id,
                "revision": article.revision,
                "correlation_id": correlation,
            }
        )
    )


@records_app.command("get")
def records_get(
    article_id: str,
    wait: Annotated[float, typer.Option("--wait", help="seconds to wait for a record")] = 0.0,
    revision: int | None = None,
    version: Annotated[
        int | None, typer.Option("--version", min=1, help="that version (default: latest)")
    ] = None,
    table: Annotated[
        bool, typer.Option("--table", help="a readable table instead of JSON")
    ] = False,
) -> None:
    """Print the latest record of an article (or one version of it) as JSON."""
    from storage.engine import default_engine
    from storage.record_store import latest_record, record_version

    engine = default_engine()
    if version is not None:
        found = record_version(engine, article_id, version, revision)
        if found is None:
            fail(f"no version {version} of the record for '{article_id}'")
        record = found
    else:
        deadline = time.monotonic() + wait
        while (latest := latest_record(engine, article_id, revision)) is None:
            if time.monotonic() >= deadline:
                fail(
                    f"no record for '{article_id}'" + (f" after waiting {wait:g}s" if wait else "")
                )
            time.sleep(0.25)
        record = latest
    if table:
        print_record(record)
    else:
        typer.echo(record.model_dump_json(indent=2))


@app.command()
def review(
    article_id: str,
    claim_id: str,
    status: Annotated[str, typer.Option("--status", help=f"one of {', '.join(STATUSES)}")],
    note: Annotated[str, typer.Option("--note", help="why (shown with the record)")] = "",
    reviewer: Annotated[
        str | None, typer.Option("--reviewer", help="who decides (default: $USER)")
    ] = None,
    revision: Annotated[int | None, typer.Option(min=1, help="default: the latest")] = None,
) -> None:
    """Confirm or override a claim's status: stores and publishes a new record version."""
    from kafka.errors import KafkaError

    from flows.editor_review import NoRecord, review_claim
    from flows.review import UnknownClaim
    from storage.engine import default_engine

    if status not in STATUSES:
        fail(f"--status must be one of {', '.join(STATUSES)}, got '{status}'")
    who = reviewer or os.environ.get("USER") or "editor"
    try:
        stored, _ = review_claim(
            default_engine(), article_id, claim_id, status, note, who, revision
        )
    except (NoRecord, UnknownClaim) as exc:
        fail(exc.args[0])
    except KafkaError as exc:
        fail(f"review stored but not published ({type(exc).__name__}): run the command again")
    typer.echo(
        json.dumps({"article_id": article_id, "claim_id": claim_id, "version": stored.version})
    )


@records_app.command("list")
def records_list(
    since: Annotated[
        datetime | None,
        typer.Option("--since", help="only records made at or after this ISO time (UTC)"),
    ] = None,
    status: Annotated[
        RecordStatus | None, typer.Option("--status", help="complete or partial")
    ] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="one JSON object per line")] = False,
) -> None:
    """The latest version per article and revision, oldest first."""
    from cli.render import print_listing
    from storage.engine import default_engine
    from storage.record_listing import list_latest_records, listing_item

    engine = default_engine()
    cursor: str | None = None
    items: list[dict[str, object]] = []
    while True:
        page = list_latest_records(
            engine, since, status.value if status else None, cursor, limit=500
        )
        for record in page.records:
            item = listing_item(record)
            if jsonl:
                typer.echo(json.dumps(item, ensure_ascii=False))
            else:
                items.append(item)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    if not jsonl:
        print_listing(items)


@schema_app.command("export")
def schema_export(
    out: Annotated[str, typer.Option(help="output folder")] = "docs/schemas",
) -> None:
    """Write JSON Schema for every event and the record, plus an AsyncAPI 3 document."""
    from contracts.export import export_all

    for path in export_all(out):
        typer.echo(str(path))


def run() -> None:
    """Console-script entry: known failures become one readable line and exit code 1."""
    from sqlalchemy.exc import OperationalError

    try:
        app()
    except CliError as exc:
        typer.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except OperationalError as exc:  # any command that needs the database
        typer.echo(f"error: {database_unreachable(exc)}", err=True)
        sys.exit(1)
