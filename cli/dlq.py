"""`verify dlq list|replay`: what the pipeline could not process; send it back after a fix."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from workers.runtime.dlq import read_dead_letters, replay_all
from workers.runtime.settings import KafkaSettings

app = typer.Typer(
    help="Inspect and replay the dead-letter topic (verify.dlq).", no_args_is_help=True
)


@app.command("list")
def list_(limit: Annotated[int, typer.Option(min=1)] = 50) -> None:
    """Show dead letters from the beginning: origin, failing service, reason."""
    table = Table(title="verify.dlq")
    for column in ("offset", "key", "origin", "service", "reason"):
        table.add_column(column)
    for count, (_, letter) in enumerate(read_dead_letters(KafkaSettings()), 1):
        origin = f"{letter.origin_topic}[{letter.origin_partition}]@{letter.origin_offset}"
        key = (letter.key or b"").decode("utf-8", errors="replace")
        table.add_row(str(letter.offset), key, origin, letter.service, letter.reason[:120])
        if count >= limit:
            break
    Console().print(table)


@app.command("replay")
def replay_cmd(
    service: Annotated[str | None, typer.Option(help="only what this service rejected")] = None,
    key: Annotated[str | None, typer.Option(help="only this message key (article id)")] = None,
    group: Annotated[str, typer.Option(help="remembers what was replayed")] = "verify.dlq-replay",
) -> None:
    """Send dead letters not yet replayed back to their origin topic, unchanged."""
    report = replay_all(KafkaSettings(), group, service, key)
    missing = f"; {report.unknown_origin} left: origin topic gone" if report.unknown_origin else ""
    typer.echo(f"replayed {report.replayed} of {report.seen} dead letter(s) read{missing}")
