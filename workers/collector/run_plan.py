"""How the collector turns the joins it claimed into flow runs (issue 9)."""

from __future__ import annotations

from typing import Literal

Key = tuple[str, int]


def plan_runs(
    claimed: list[Key], free: int, mode: Literal["auto", "article", "batch"], batch_size: int
) -> list[list[Key]]:
    """Groups of joins, one flow run each, at most `free` groups.

    article: one join per run. batch: as few runs as hold the joins (batches of up to
    `batch_size`, evened out), because a flow run's fixed cost on the Prefect server and
    client is ~4-5 times an article's own task run (docs/decisions.md "Throughput, third
    pass"). auto: a join due alone gets its own `verify-article` run; more than one at a time
    go together as in batch mode.
    """
    if not claimed or free <= 0:
        return []
    if mode == "article" or (mode == "auto" and len(claimed) == 1):
        return [[key] for key in claimed[:free]]
    runs = min(free, -(-len(claimed) // batch_size))
    size = -(-len(claimed) // runs)
    return [claimed[i : i + size] for i in range(0, len(claimed), size)][:free]
