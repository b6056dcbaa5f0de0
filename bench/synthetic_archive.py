"""Synthetic archive documents for scale benchmarks, made from real corpus sentences.

    python -m bench.synthetic_archive N OUT.jsonl [--seed 7] [--shared ../shared]

Deterministic for a given seed and corpora. Each document copies the length (in sentences)
and language of a real SaudiNewsNet or FA-KES article picked at random, and is filled with
sentences drawn at random from all articles of that language, so term statistics and
document lengths look like news while no two documents are the same text. Every document
gets a unique id, a title (its first sentence, cut), one of 40 synthetic outlets and a date
in 2015–2017. Output is importer-shaped JSONL (`verify archive import`). Files belong under
.run/bench/ and are never committed (200,000 documents are ~0.9 GB).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

SNN = "corpora/saudinewsnet-syria-isis-turkey-ar/saudinewsnet_2015_syria_isis_turkey.jsonl"
FAKES = "corpora/fa-kes-syria-news-en/fakes.csv"
OUTLETS = 40
FIRST_DAY, DAYS = date(2015, 1, 1), 3 * 365
TITLE_CHARS = 90
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


@dataclass(frozen=True)
class Corpus:
    """Sentence pools and real documents' sentence counts, per language."""

    sentences: dict[str, list[str]]
    lengths: list[tuple[str, int]]  # (language, sentences) of every real document


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if len(s.strip()) > 20]


@cache
def load_corpus(shared: Path) -> Corpus:
    sentences: dict[str, list[str]] = {"ar": [], "en": []}
    lengths: list[tuple[str, int]] = []

    def add(lang: str, text: str) -> None:
        parts = split_sentences(text)
        if parts:
            sentences[lang].extend(parts)
            lengths.append((lang, len(parts)))

    with (shared / SNN).open(encoding="utf-8") as fh:
        for line in fh:
            add("ar", json.loads(line)["content"])
    with (shared / FAKES).open(encoding="ISO-8859-1", newline="") as fh:
        for row in csv.DictReader(fh):
            add("en", row["article_content"])
    return Corpus(sentences, lengths)


def documents(n: int, corpus: Corpus, seed: int = 7) -> Iterator[dict[str, Any]]:
    """`n` synthetic documents; the same seed and corpus always give the same documents."""
    rng = random.Random(seed)
    width = len(str(n))
    for i in range(n):
        lang, count = rng.choice(corpus.lengths)
        body = rng.choices(corpus.sentences[lang], k=count)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        outlet = f"synth-{lang}-{rng.randrange(OUTLETS):02d}.example"
        doc_id = f"synth-{seed}-{i:0{width}d}"
        yield {
            "id": doc_id,
            "title": body[0][:TITLE_CHARS],
            "text": " ".join(body),
            "outlet": outlet,
            "url": f"https://{outlet}/{doc_id}",
            "published_at": f"{day.isoformat()}T{rng.randrange(24):02d}:00:00",
            "language": lang,
        }


def write(n: int, out: Path, shared: Path, seed: int = 7) -> int:
    """Write `n` documents as JSONL to `out`; returns how many were written."""
    corpus = load_corpus(shared)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".part")
    written = 0
    with tmp.open("w", encoding="utf-8") as fh:
        for doc in documents(n, corpus, seed):
            fh.write(json.dumps(doc, ensure_ascii=False))
            fh.write("\n")
            written += 1
    tmp.replace(out)  # a half-written file never looks complete
    return written


def cached(n: int, directory: Path, shared: Path, seed: int = 7) -> Path:
    """The JSONL of `n` documents for `seed` under `directory`, generated once."""
    path = directory / f"synthetic-{n}-seed{seed}.jsonl"
    if not path.is_file():
        write(n, path, shared, seed)
    return path


def main() -> None:
    from evaluation.xref_data import DEFAULT_SHARED

    parser = argparse.ArgumentParser(description="Synthetic archive documents (JSONL).")
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = parser.parse_args()
    started = time.perf_counter()
    written = write(args.n, args.out, args.shared, args.seed)
    elapsed = time.perf_counter() - started
    print(f"{written} documents in {elapsed:.1f} s → {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
