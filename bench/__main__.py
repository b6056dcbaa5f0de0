"""`make bench`: run every section in a child process; print rates, ratios and peak memory.

Every speed is reported beside a baseline measured in the same run (see each section), and
every peak RSS beside an idle interpreter's, so figures compare across machines.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.sections import DEFAULT

RESULTS = Path(__file__).parent / "results"


def run_section(name: str) -> tuple[dict[str, Any], float]:
    """The section's JSON and its peak RSS in MiB (from the child's own rusage)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.sections", name], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return {"error": f"exit {os.waitstatus_to_exitcode(status)}"}, usage.ru_maxrss / 1024
    return json.loads(out.strip().splitlines()[-1]), usage.ru_maxrss / 1024


def main() -> None:
    wanted = sys.argv[1:] or DEFAULT
    console = Console()
    results: dict[str, Any] = {}
    base_rss = run_section("baseline")[1]
    table = Table(title="make bench")
    for column in ("section", "figures", "peak RSS MiB", "× idle interpreter"):
        table.add_column(column)
    for name in wanted:
        if name == "baseline":
            continue
        started = time.perf_counter()
        figures, rss = run_section(name)
        figures["wall_s"] = round(time.perf_counter() - started, 1)
        results[name] = {**figures, "peak_rss_mib": round(rss, 1)}
        shown = ", ".join(f"{k}={v}" for k, v in figures.items())
        table.add_row(name, shown, f"{rss:.0f}", f"{rss / base_rss:.1f}")
        console.print(f"{name}: {shown}")
    console.print(table)
    results["idle_interpreter_rss_mib"] = round(base_rss, 1)
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"bench-{time.strftime('%Y%m%dT%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2) + "\n")
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n")
    console.print(f"written {path}")


if __name__ == "__main__":
    main()
