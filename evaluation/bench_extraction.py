"""Extraction speed on the Arabic news corpus: `python -m evaluation.bench_extraction [SECONDS]`.

Reports sentences per CPU second (`time.process_time`: one core, whatever else loads the
machine) for full extraction with the trained detector (language detection per sentence
included), and, measured in the same run over the same articles, plain shared segmentation as
the baseline, so the figure can be read as a ratio across machines. Wall-clock rates are
reported beside them.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable

from contracts.events import ArticleSubmitted
from contracts.segmentation import segment
from evaluation.extraction_data import saudinewsnet_articles
from workers.extraction.extractor import extract

ARTICLES = 300


def _rate(
    work: Callable[[str], int], bodies: list[str], seconds: float
) -> tuple[float, float, int]:
    """Sentences per CPU second and per wall second running `work` over the bodies (cycling)
    for about `seconds` of CPU time, and how many bodies it ran."""
    sentences = 0
    i = 0
    start, wall_start = time.process_time(), time.perf_counter()
    while True:
        sentences += work(bodies[i % len(bodies)])
        i += 1
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return sentences / elapsed, sentences / (time.perf_counter() - wall_start), i


def _extract(body: str) -> int:
    return extract(ArticleSubmitted(article_id="bench", body=body)).sentences


def _segment(body: str) -> int:
    return len(segment(body))


def bench(seconds: float = 10.0) -> dict[str, float | int | str]:
    """Extraction and segmentation throughput, each run for about `seconds`."""
    bodies = saudinewsnet_articles(limit=ARTICLES)
    _extract(bodies[0])  # load the language models outside the timed loop
    extraction, extraction_wall, extracted_articles = _rate(_extract, bodies, seconds)
    baseline, baseline_wall, _ = _rate(_segment, bodies, min(seconds, 3.0))
    return {
        "corpus": "saudinewsnet-syria-isis-turkey-ar",
        "extraction_sentences_per_cpu_sec": round(extraction, 1),
        "segmentation_sentences_per_cpu_sec": round(baseline, 1),
        "ratio_to_segmentation": round(extraction / baseline, 4),
        "extraction_sentences_per_wall_sec": round(extraction_wall, 1),
        "segmentation_sentences_per_wall_sec": round(baseline_wall, 1),
        "articles_extracted": extracted_articles,
        "cpu_seconds": seconds,
    }


if __name__ == "__main__":
    print(json.dumps(bench(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0), indent=2))
