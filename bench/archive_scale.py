"""Archive scale and check throughput (issue 8 "Speed"), through evaluation/system.py only.

    python -m bench.archive_scale scale [--sizes 20000,200000] [--articles 50]
    python -m bench.archive_scale throughput [--articles 100]

`scale`: for each size, a fresh system (SQLite in .run/bench/archive_scale/N/ unless --db)
imports N synthetic documents (bench.synthetic_archive, cached under .run/bench/), then
checks ~50 real corpus articles with archive=False. Reported per size: import documents/s,
check time per article (median, p95), the same articles' extraction + source lookup alone
(the in-run baseline), and their difference, the cross-reference time per article; then the
ratio of the largest size's cross-reference median to the smallest's (issue target: 200k at
most 2x 20k).

`throughput`: the demo archive (SaudiNewsNet + Arabic ClaimReview) in a fresh system, 100
real articles checked one after another as `verify check --jsonl` would (models and archive
loaded once, archive=False): articles/s, beside extraction + source lookup alone on the same
articles in the same run (issue target: >= 10 articles/s; ~2.3 before issue 8).

Checked articles: every 13th SaudiNewsNet article and every 17th FA-KES article, in turn;
they are real news, not synthetic, and never part of the synthetic archive.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import statistics
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from bench.synthetic_archive import FAKES, SNN, cached
from evaluation.xref_data import DEFAULT_SHARED, ROOT

BENCH_DIR = ROOT / ".run" / "bench"
CLAIMREVIEW = "corpora/claimreview-ar/unique_claim_reviews.json"


def corpus_articles(shared: Path, n: int) -> list[dict[str, Any]]:
    """`n` real articles, alternating Arabic (every 13th) and English (every 17th)."""
    with (shared / SNN).open(encoding="utf-8") as fh:
        arabic = [
            {
                "id": f"bench-ar-{i}",
                "text": obj["content"],
                "title": obj.get("title"),
                "outlet": "bench-desk.example",
                "language": "ar",
            }
            for i, obj in enumerate(json.loads(line) for line in fh)
            if i % 13 == 0 and obj["content"].strip()
        ]
    with (shared / FAKES).open(encoding="ISO-8859-1", newline="") as fh:
        english = [
            {
                "id": f"bench-en-{i}",
                "text": row["article_content"],
                "title": row["article_title"],
                "outlet": "bench-desk.example",
                "language": "en",
            }
            for i, row in enumerate(csv.DictReader(fh))
            if i % 17 == 0 and row["article_content"].strip()
        ]
    mixed = [doc for pair in zip(arabic, english, strict=False) for doc in pair]
    rest = arabic[len(english) :] if len(arabic) > len(english) else english[len(arabic) :]
    return (mixed + rest)[:n]


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def cpu_timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process (all its threads): the work itself, which other
    processes on a shared machine do not inflate the way they inflate wall time."""
    started = time.process_time()
    fn()
    return time.process_time() - started


def per_article(system: Any, articles: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Check and baseline time per article (ms), interleaved so load hits both alike."""
    system.check(articles[0])  # warm caches (models, registry) outside the timing
    full, base, full_cpu, base_cpu = [], [], [], []
    for article in articles:
        base.append(timed(partial(system.baseline_parts, article)))
        full.append(timed(partial(system.check, article)))
        base_cpu.append(cpu_timed(partial(system.baseline_parts, article)))
        full_cpu.append(cpu_timed(partial(system.check, article)))
    xref = [f - b for f, b in zip(full, base, strict=True)]
    xref_cpu = [f - b for f, b in zip(full_cpu, base_cpu, strict=True)]
    # the machine is shared: the per-article cost in units of the same run's baseline
    # moves far less with load than milliseconds do
    units = statistics.median(xref) / max(statistics.median(base), 1e-9)
    return {
        "xref_in_baseline_units": round(units, 1),
        "check_ms_median": round(1000 * statistics.median(full), 1),
        "check_ms_p95": round(1000 * percentile(full, 95), 1),
        "baseline_ms_median": round(1000 * statistics.median(base), 1),
        "xref_ms_median": round(1000 * statistics.median(xref), 1),
        "xref_ms_p95": round(1000 * percentile(xref, 95), 1),
        "xref_cpu_ms_median": round(1000 * statistics.median(xref_cpu), 1),
        "xref_cpu_ms_p95": round(1000 * percentile(xref_cpu, 95), 1),
        "baseline_cpu_ms_median": round(1000 * statistics.median(base_cpu), 1),
    }


def scale(
    sizes: Sequence[int],
    n_articles: int = 50,
    shared: Path = DEFAULT_SHARED,
    db: str | None = None,
    seed: int = 7,
) -> dict[str, Any]:
    from evaluation.system import open_system

    articles = corpus_articles(shared, n_articles)
    out: dict[str, Any] = {"articles": len(articles), "sizes": {}}
    for size in sizes:
        source = cached(size, BENCH_DIR, shared, seed)
        system = open_system(BENCH_DIR / "archive_scale" / str(size), db)
        seconds = timed(partial(system.import_file, source))
        figures = {
            "import_docs_per_s": round(size / seconds, 1),
            "import_s": round(seconds, 1),
            "archive_size": system.count(),
            **per_article(system, articles),
        }
        out["sizes"][str(size)] = figures
    if len(sizes) > 1:
        small, large = out["sizes"][str(min(sizes))], out["sizes"][str(max(sizes))]
        out[f"xref_ratio_{max(sizes)}_vs_{min(sizes)}"] = round(
            large["xref_ms_median"] / max(small["xref_ms_median"], 1e-9), 2
        )
        out[f"xref_units_ratio_{max(sizes)}_vs_{min(sizes)}"] = round(
            large["xref_in_baseline_units"] / max(small["xref_in_baseline_units"], 1e-9), 2
        )
        out[f"xref_cpu_ratio_{max(sizes)}_vs_{min(sizes)}"] = round(
            large["xref_cpu_ms_median"] / max(small["xref_cpu_ms_median"], 1e-9), 2
        )
        out[f"check_ratio_{max(sizes)}_vs_{min(sizes)}"] = round(
            large["check_ms_median"] / max(small["check_ms_median"], 1e-9), 2
        )
    return out


def throughput(
    n_articles: int = 100, shared: Path = DEFAULT_SHARED, db: str | None = None
) -> dict[str, Any]:
    from evaluation.system import open_system

    articles = corpus_articles(shared, n_articles)
    system = open_system(BENCH_DIR / "check_throughput", db)
    system.import_file(shared / SNN)
    system.import_file(shared / CLAIMREVIEW)
    system.check(articles[0])  # load models and registry once, as `verify check --jsonl` does
    check_s = timed(lambda: [system.check(a) for a in articles])
    base_s = timed(lambda: [system.baseline_parts(a) for a in articles])
    # "on one core": CPU seconds, which other work on a shared machine does not inflate
    check_cpu = cpu_timed(lambda: [system.check(a) for a in articles])
    base_cpu = cpu_timed(lambda: [system.baseline_parts(a) for a in articles])
    return {
        "archive_size": system.count(),
        "articles": len(articles),
        "check_articles_per_s": round(len(articles) / check_s, 2),
        "baseline_articles_per_s": round(len(articles) / base_s, 2),
        "check_vs_baseline": round(base_s / check_s, 3),
        "check_articles_per_cpu_s": round(len(articles) / check_cpu, 2),
        "baseline_articles_per_cpu_s": round(len(articles) / base_cpu, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Archive scale and check throughput.")
    parser.add_argument("what", choices=("scale", "throughput"))
    parser.add_argument("--sizes", default="20000,200000", help="comma-separated sizes")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--db", default=None, help="database URL (default: SQLite per size)")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    if args.what == "scale":
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        result = scale(sizes, args.articles or 50, args.shared, args.db)
    else:
        result = throughput(args.articles or 100, args.shared, args.db)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
