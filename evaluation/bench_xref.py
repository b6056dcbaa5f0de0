"""Cross-reference speed: retrieval queries/s on a >= 3,000-document archive, stance pairs/s.

    python -m evaluation.bench_xref [--seconds 5] [--db URL]

The archive holds both Arabic corpora plus the English FA-KES articles (3,581 documents);
it is built once per database and reused. Each figure comes with a baseline measured in
the same run, so the headline numbers are machine-independent ratios:
- retrieval baseline: an unranked `LIKE '%word%'` scan of the archived documents for the
  query's longest word (what a search without an index does);
- stance baseline: a trivial word-overlap threshold rule on the same pairs.
Stance pairs are timed one at a time with cold caches (every text new to the stemmer) and
warm (the steady state of a worker), and in batches (`predict_many`, as the pipeline
scores all passages of a claim at once).
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from contracts.events import ArticleSubmitted
from contracts.input_rules import without_controls
from evaluation.xref_data import DEFAULT_SHARED, ROOT, corpus_archive, judgements
from workers.xref.archive import Archive
from workers.xref.cues import text_cues
from workers.xref.stance import load_stance_model
from workers.xref.terms import raw_tokens, stem
from workers.xref.train_stance import read_ans

MIN_DOCUMENTS = 3000


def add_fakes(archive: Archive, shared: Path) -> None:
    path = shared / "corpora" / "fa-kes-syria-news-en" / "fakes.csv"
    with path.open(encoding="ISO-8859-1", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh)):
            # the file's Windows-1252 punctuation decodes to C1 controls, which the input
            # rules refuse; blanked, as `verify archive import` does
            body = without_controls(row.get("article_content") or "").strip()
            if body:
                archive.add_article(
                    ArticleSubmitted(
                        article_id=f"fakes:{n}",
                        body=body,
                        title=without_controls(row.get("article_title") or "") or None,
                        outlet=row.get("source"),
                        language="en",
                    )
                )


def rate(fn: Callable[[int], object], seconds: float) -> float:
    """Calls per second of fn(i) over about `seconds`."""
    start = time.perf_counter()
    n = 0
    while (elapsed := time.perf_counter() - start) < seconds or n == 0:
        fn(n)
        n += 1
    return n / elapsed


def bench(seconds: float, engine_url: str) -> dict[str, Any]:
    shared = DEFAULT_SHARED
    engine, archive = corpus_archive(engine_url, shared)
    if archive.count() < MIN_DOCUMENTS:
        add_fakes(archive, shared)
    queries = [str(row["query"]) for row in judgements()]

    def ranked(i: int) -> object:
        return archive.search(queries[i % len(queries)], limit=10)

    def like(i: int) -> object:
        word = max(raw_tokens(queries[i % len(queries)]), key=len)
        with engine.connect() as conn:
            return conn.execute(
                sa.text("SELECT id FROM archive_documents WHERE body LIKE :w LIMIT 10"),
                {"w": f"%{word}%"},
            ).all()

    pairs = read_ans(shared / "data" / "ans-dev" / "stance" / "dev.csv")
    model = load_stance_model()

    def predict(i: int) -> object:
        c, e, _ = pairs[i % len(pairs)]
        return model.predict(c, e)

    batch = [(c, e) for c, e, _ in pairs]

    def predict_batch(i: int) -> object:
        return model.predict_many(batch)

    def overlap_rule(i: int) -> object:
        c, e, _ = pairs[i % len(pairs)]
        a, b = set(c.split()), set(e.split())
        return "supports" if len(a & b) / max(1, len(a | b)) > 0.5 else "contradicts"

    model.predict(*pairs[0][:2])  # load the model outside the timing
    text_cues.cache_clear()
    stem.cache_clear()
    cold_n = min(len(pairs), 300)
    start = time.perf_counter()
    for c, e, _ in pairs[:cold_n]:
        model.predict(c, e)
    cold = cold_n / (time.perf_counter() - start)
    stance_rate = rate(predict, seconds)
    batch_rate = rate(predict_batch, seconds) * len(batch)
    baseline_stance = rate(overlap_rule, seconds)
    ranked_rate = rate(ranked, seconds)
    like_rate = rate(like, seconds)
    return {
        "backend": engine.dialect.name,
        "archive_documents": archive.count(),
        "retrieval_qps": round(ranked_rate, 1),
        "baseline_like_qps": round(like_rate, 1),
        "retrieval_vs_like": round(ranked_rate / like_rate, 2),
        "stance_pairs_per_s_warm": round(stance_rate, 1),
        "stance_pairs_per_s_batch": round(batch_rate, 1),
        "stance_pairs_per_s_cold": round(cold, 1),
        "baseline_overlap_rule_pairs_per_s": round(baseline_stance, 1),
        "stance_batch_vs_baseline": round(batch_rate / baseline_stance, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark cross-reference search and stance.")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--db", default=f"sqlite:///{ROOT / '.run' / 'xref-bench.db'}")
    args = parser.parse_args()
    print(json.dumps(bench(args.seconds, args.db), indent=1))


if __name__ == "__main__":
    main()
