"""Lookup speed: names resolved per second, and article texts scanned per second.

    python -m evaluation.bench_sources [--seconds 3]

The baseline, measured in the same run, is an exact dictionary lookup of the normalised name,
so the headline figure is a ratio that does not depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from typing import Any

from workers.sources.lookup import find_mentions, resolve_name
from workers.sources.registry import SourceRegistry
from workers.sources.text_keys import keys_of

NAMES = [
    "المرصد السوري لحقوق الإنسان",
    "وزارة الخزانة الأمريكية",
    "الخارجية الروسية",
    "Human Rights Watch",
    "Syrian Observatory for Human Rights",
    "صحيفة البلاد الجديدة",  # unknown: the slow path through fuzzy matching
    "Aleppo Media Centre",
    "منظمة العفو الدولية",
]


def _rate(seconds: float, step: Callable[[int], object]) -> float:
    done = 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for i in range(200):
            step(done + i)
        done += 200
    return done / (time.perf_counter() - start)


def bench(seconds: float) -> dict[str, Any]:
    """Run each measurement for about `seconds` and return the rates and ratios."""
    registry = SourceRegistry.from_file()
    table = {keys: ids[0] for keys, ids in registry.by_keys.items()}
    queries = [keys_of(name) for name in NAMES]

    def baseline(i: int) -> object:
        return table.get(queries[i % len(queries)])

    def lookup(i: int) -> object:
        return resolve_name(NAMES[i % len(NAMES)], registry)

    from evaluation.sources_data import load_gold

    _gold, texts = load_gold()
    docs = list(texts.values())
    chars = sum(len(doc) for doc in docs) / len(docs)

    def scan(i: int) -> object:
        return find_mentions(docs[i % len(docs)], registry)

    base_rate = _rate(seconds, baseline)
    lookup_rate = _rate(seconds, lookup)
    scan_rate = _rate(seconds, scan)
    return {
        "registry_entries": len(registry),
        "baseline_exact_dict_lookups_per_s": round(base_rate),
        "resolve_name_per_s": round(lookup_rate),
        "resolve_name_vs_baseline": round(lookup_rate / base_rate, 4),
        "find_mentions_docs_per_s": round(scan_rate, 1),
        "find_mentions_chars_per_s": round(scan_rate * chars),
        "mean_doc_chars": round(chars),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args(argv)
    print(json.dumps(bench(args.seconds), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
