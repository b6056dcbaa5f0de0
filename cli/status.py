"""`verify status`: services, consumer lag per group and topic, DLQ size, joins, record rate."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.exc import OperationalError

from cli.errors import database_unreachable, fail
from ops.status import Snapshot, Unreachable, snapshot

STATE_STYLE = {"RUNNING": "green", "STARTING": "cyan", "BACKOFF": "yellow", "FATAL": "red"}


def status(
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object")] = False,
) -> None:
    """What runs (from supervisord), how far each consumer group is behind, what failed."""
    from storage.engine import default_engine

    try:
        snap = snapshot(default_engine())
    except Unreachable as exc:
        fail(str(exc))
    except OperationalError as exc:  # migrating on first use
        fail(database_unreachable(exc))
    if as_json:
        typer.echo(json.dumps(asdict(snap), default=str))
        return
    print_snapshot(snap, Console())


def print_snapshot(snap: Snapshot, console: Console) -> None:
    if snap.services is None:
        console.print("services: no supervisord answers (start them with `make up`)")
    else:
        table = Table(title="services (supervisord)")
        for column in ("service", "process", "state", "pid", "detail"):
            table.add_column(column)
        for p in snap.services:
            style = STATE_STYLE.get(p.state, "")
            state = f"[{style}]{p.state}[/]" if style else p.state
            table.add_row(p.service, p.process, state, str(p.pid or "-"), p.description)
        console.print(table)
    lag = Table(title="consumer lag")
    for column in ("group", "topic", "lag"):
        lag.add_column(column, justify="right" if column == "lag" else "left")
    for item in snap.lag:
        lag.add_row(item.group, item.topic, str(item.lag))
    console.print(lag)
    oldest = (
        f", oldest {snap.oldest_join_age_s:.0f} s" if snap.oldest_join_age_s is not None else ""
    )
    console.print(f"dead letters (verify.dlq): {snap.dlq_size}")
    console.print(f"joins waiting for a record: {snap.joins_waiting}{oldest}")
    console.print(f"records per minute (last 5 min): {snap.records_per_minute:.1f}")
