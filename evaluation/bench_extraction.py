"""Extraction speed on the Arabic news corpus: `python -m evaluation.bench_extraction [SECONDS]`.

Reports sentences per second on one core for full extraction (language detection per
sentence included), and, measured in the same run over the same articles, plain shared
segmentation as the baseline, so the figure can be read as a ratio across machines.
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


def _rate(work: Callable[[str], int], bodies: list[str], seconds: float) -> tuple[float, int]:
    """Sentences per second running `work` over the bodies (cycling) for about `seconds`."""
    sentences = 0
    i = 0
    start = time.perf_counter()
    while True:
        sentences += work(bodies[i % len(bodies)])
        i += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return sentences / elapsed, i


def _extract(body: str) -> int:
    return extract(ArticleSubmitted(article_id="bench", body=body)).sentences


def _segment(body: str) -> int:
    return len(segment(body))


def bench(seconds: float = 10.0) -> dict[str, float | int | str]:
    """Extraction and segmentation throughput, each run for about `seconds`."""
    bodies = saudinewsnet_articles(limit=ARTICLES)
    _extract(bodies[0])  # load the language models outside the timed loop
    extraction, extracted_articles = _rate(_extract, bodies, seconds)
    baseline, _ = _rate(_segment, bodies, min(seconds, 3.0))
    return {
        "corpus": "saudinewsnet-syria-isis-turkey-ar",
        "extraction_sentences_per_sec": round(extraction, 1),
        "segmentation_sentences_per_sec": round(baseline, 1),
        "ratio_to_segmentation": round(extraction / baseline, 4),
        "articles_extracted": extracted_articles,
        "seconds": seconds,
    }


if __name__ == "__main__":
    print(json.dumps(bench(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0), indent=2))
