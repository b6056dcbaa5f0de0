"""One benchmark section per name; each runs in its own process so its peak memory is its own."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

SHARED = Path(os.environ.get("VERIFY_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
SECONDS = float(os.environ.get("VERIFY_BENCH_SECONDS", "8"))


def baseline() -> dict[str, Any]:
    """An interpreter that does nothing: the memory every other section is compared with."""
    return {}


def extraction() -> dict[str, Any]:
    from evaluation.bench_extraction import bench

    return bench(SECONDS)


def sources() -> dict[str, Any]:
    from evaluation.bench_sources import bench

    return bench(SECONDS)


def xref_sqlite() -> dict[str, Any]:
    import tempfile

    from evaluation.bench_xref import bench

    return bench(SECONDS, f"sqlite:///{tempfile.mkdtemp()}/bench.db")


def xref_postgres() -> dict[str, Any]:
    from evaluation.bench_xref import bench

    url = os.environ.get("VERIFY_BENCH_POSTGRES_URL") or os.environ.get("VERIFY_TEST_POSTGRES_URL")
    if not url:
        return {"skipped": "set VERIFY_BENCH_POSTGRES_URL (make bench starts PostgreSQL)"}
    return bench(SECONDS, url)


def flow_overhead() -> dict[str, Any]:
    from bench.flow_overhead import bench

    body = (SHARED / "examples" / "seed-ar-001.txt").read_text(encoding="utf-8")
    return bench(int(os.environ.get("VERIFY_BENCH_FLOW_RUNS", "10")), body)


def flow_shapes() -> dict[str, Any]:
    # the collector's Prefect client setting under `make up` (ops/plain_http_ca.py), so this
    # process pays what the collector pays; set before Prefect is imported
    from ops.settings import OpsSettings

    ca = OpsSettings().run_dir / "prefect" / "plain-http-ca.pem"
    if ca.exists() and os.environ.get("PREFECT_API_URL", "http://").startswith("http://"):
        os.environ.setdefault("PREFECT_API_SSL_CERT_FILE", str(ca))
    from bench.flow_shapes import bench

    body = (SHARED / "examples" / "seed-ar-001.txt").read_text(encoding="utf-8")
    return bench(int(os.environ.get("VERIFY_BENCH_FLOW_SHAPE_ARTICLES", "40")), body)


def recheck_cost() -> dict[str, Any]:
    from bench.recheck_cost import bench

    corpus = SHARED / "corpora/saudinewsnet-syria-isis-turkey-ar"
    seed = (SHARED / "examples" / "seed-ar-001.txt").read_text(encoding="utf-8")
    return bench(corpus / "saudinewsnet_2015_syria_isis_turkey.jsonl", seed)


def pipeline_latency() -> dict[str, Any]:
    from bench.pipeline_latency import bench

    body = (SHARED / "examples" / "seed-ar-001.txt").read_text(encoding="utf-8")
    return bench(int(os.environ.get("VERIFY_BENCH_E2E_RUNS", "5")), body)


def archive_scale() -> dict[str, Any]:
    """Import rate and cross-reference time per article at growing synthetic archive sizes.
    The issue's figure, 200k vs 20k, is the default; the two imports take 5-15 min on
    2 cores (VERIFY_BENCH_ARCHIVE_SIZES=2000,20000 for a quick run)."""
    from bench.archive_scale import scale

    sizes = os.environ.get("VERIFY_BENCH_ARCHIVE_SIZES", "20000,200000")
    return scale(
        [int(s) for s in sizes.split(",")],
        int(os.environ.get("VERIFY_BENCH_SCALE_ARTICLES", "50")),
        SHARED,
    )


def check_throughput() -> dict[str, Any]:
    """`verify check --jsonl`-like articles/s against the demo archive, beside extraction +
    source lookup alone on the same articles."""
    from bench.archive_scale import throughput

    return throughput(int(os.environ.get("VERIFY_BENCH_CHECK_ARTICLES", "100")), SHARED)


def load() -> dict[str, Any]:
    """Issue 9: VERIFY_BENCH_LOAD_ARTICLES real articles (default 1,000) through the running
    stack at full speed and at half that rate; the in-process floor over the first
    VERIFY_BENCH_FLOOR_ARTICLES of them (default 100) in the same run."""
    from bench.load import bench

    count = int(os.environ.get("VERIFY_BENCH_LOAD_ARTICLES", "1000"))
    floor = int(os.environ.get("VERIFY_BENCH_FLOOR_ARTICLES", "100"))
    return bench(count, min(count, floor), SHARED)


def join_claims() -> dict[str, Any]:
    """Issue 9: claiming due joins (several collectors) against the plain read it replaced."""
    import tempfile

    from bench.join_claims import bench

    out = {"sqlite": bench(f"sqlite:///{tempfile.mkdtemp()}/claims.db")}
    url = os.environ.get("VERIFY_BENCH_POSTGRES_URL") or os.environ.get("VERIFY_TEST_POSTGRES_URL")
    out["postgres"] = bench(url) if url else {"skipped": "no PostgreSQL URL"}
    return out


def service_cpu() -> dict[str, Any]:
    """Issue 9: CPU per article of every process of the running stack over a burst of
    VERIFY_BENCH_CPU_ARTICLES (150) distinct articles."""
    from bench.service_cpu import bench

    return bench(int(os.environ.get("VERIFY_BENCH_CPU_ARTICLES", "150")), SHARED)


def memory() -> dict[str, Any]:
    """Issue 9: every service's RSS, minute by minute, over VERIFY_BENCH_MEMORY_MINUTES (20) of
    distinct articles at VERIFY_BENCH_MEMORY_RATE per second (1.2, under half of what the
    default stack sustains). Long: run it by name (`python -m bench memory`)."""
    from bench.memory_run import bench

    minutes = float(os.environ.get("VERIFY_BENCH_MEMORY_MINUTES", "20"))
    return bench(minutes, float(os.environ.get("VERIFY_BENCH_MEMORY_RATE", "1.2")), SHARED)


SECTIONS: dict[str, Callable[[], dict[str, Any]]] = {
    "baseline": baseline,
    "extraction": extraction,
    "sources": sources,
    "xref_sqlite": xref_sqlite,
    "xref_postgres": xref_postgres,
    "flow_overhead": flow_overhead,
    "flow_shapes": flow_shapes,
    "pipeline_latency": pipeline_latency,
    "archive_scale": archive_scale,
    "check_throughput": check_throughput,
    "recheck_cost": recheck_cost,
    "join_claims": join_claims,
    "load": load,
    "service_cpu": service_cpu,
    "memory": memory,
}
DEFAULT = [name for name in SECTIONS if name != "memory"]  # `make bench`: not the 20-minute run

if __name__ == "__main__":
    print(json.dumps(SECTIONS[sys.argv[1]]()))
