"""How the collector turns the joins it claimed into flow runs (issue 9)."""

from __future__ import annotations

from typing import Literal

Key = tuple[str, int]


def plan_runs(
    claimed: list[Key], free: int, mode: Literal["auto", "article", "batch"], batch_size: int
) -> list[list[Key]]:
    """Groups of joins, one flow run each, at most `free` groups.

    article: one join per run. batch: batches of up to `batch_size`, spread over the free runs.
    auto: one join per run while the claimed joins fit the free runs (a single article still
    gets its own `verify-article` run at once); a backlog (more than that) goes in batches.
    """
    if not claimed or free <= 0:
        return []
    if mode == "article" or (mode == "auto" and len(claimed) <= free):
        return [[key] for key in claimed[:free]]
    runs = min(free, -(-len(claimed) // batch_size))
    size = -(-len(claimed) // runs)
    return [claimed[i : i + size] for i in range(0, len(claimed), size)][:free]
