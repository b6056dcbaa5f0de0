"""Human-readable views of a record (rich tables)."""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.table import Table

from contracts.record import VerificationRecord

STATUS_STYLE = {
    "corroborated": "green",
    "contradicted": "red",
    "disputed": "yellow",
    "unverified": "cyan",
    "unsupported": "magenta",
}


def record_table(record: VerificationRecord) -> Table:
    missing = f", missing {', '.join(record.missing_parts)}" if record.missing_parts else ""
    table = Table(
        title=f"{record.article_id} r{record.revision} v{record.version} "
        f"({record.language}, {record.status}{missing})",
        show_lines=True,
    )
    table.add_column("#", justify="right")
    table.add_column("claim", ratio=5)
    table.add_column("source", ratio=2)
    table.add_column("status")
    table.add_column("conf.", justify="right")
    table.add_column("why", ratio=3)
    for i, claim in enumerate(record.claims, 1):
        source = claim.source.name if claim.source else (claim.attribution.mention or "—")
        style = STATUS_STYLE.get(claim.status, "")
        table.add_row(
            str(i),
            claim.text,
            source,
            f"[{style}]{claim.status}[/{style}]" + (" ⚑" if claim.needs_review else ""),
            f"{claim.confidence:.2f}",
            "; ".join(claim.rationale[:3]),
        )
    return table


def print_record(record: VerificationRecord, console: Console | None = None) -> None:
    # piped output (make demo, logs) would otherwise be squeezed into 80 columns
    console = console or Console(width=None if sys.stdout.isatty() else 160)
    console.print(record_table(record))
    s = record.summary
    console.print(
        f"summary: {s.corroborated} corroborated, {s.contradicted} contradicted, "
        f"{s.disputed} disputed, {s.unverified} unverified, {s.unsupported} unsupported "
        "(⚑ = needs review)"
    )


def print_listing(items: list[dict[str, Any]], console: Console | None = None) -> None:
    """`verify records list` on a terminal: one row per record."""
    console = console or Console(width=None if sys.stdout.isatty() else 160)
    table = Table(title=f"{len(items)} records")
    for column in ("article", "rev", "ver", "status", "created (UTC)", "claims", "summary"):
        table.add_column(column)
    for item in items:
        counts = ", ".join(f"{n} {s}" for s, n in item["summary"].items() if n)
        table.add_row(
            str(item["article_id"]),
            str(item["revision"]),
            str(item["version"]),
            str(item["status"]),
            str(item["created_at"])[:19],
            str(item["claims"]),
            counts or "—",
        )
    console.print(table)
