"""Differential check for extraction changes that must not change output (speed work):

    python -m evaluation.extraction_snapshot write before.jsonl [--limit N]
    python -m evaluation.extraction_snapshot compare before.jsonl after.jsonl

`write` runs the extractor over the corpora and dev sets of ../shared (Arabic and English news,
tweets, debate sentences, fact-check claims, the seed article) and writes, per text, every
clause with its scores (threshold 0, so nothing is hidden by the cut-off) and the claims kept
at the configured thresholds. `compare` prints the first differences and exits 1 on any.
The snapshots live outside the repo (they hold corpus text).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from contracts.events import ArticleSubmitted
from evaluation import extraction_data as data
from evaluation.sources_data import ARABIC, ENGLISH, load_text
from workers.extraction.extractor import _pending, default_scorer, extract


def _texts(limit: int | None) -> Iterator[tuple[str, str, str | None, str | None]]:
    """(id, text, language or None, published date or None) of every text to extract."""
    shared = data.shared_dir()
    seed = shared / "examples" / "seed-ar-001.txt"
    yield "seed", seed.read_text(encoding="utf-8"), "ar", "2020-03-15"
    path = shared / "corpora" / ARABIC / "saudinewsnet_2015_syria_isis_turkey.jsonl"
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            row = json.loads(line)
            date = (row.get("date_extracted") or "")[:10] or None
            # every other article without a language: the per-sentence language path
            yield f"ar:{n}", row.get("content") or "", "ar" if n % 2 else None, date
    n = 0
    while limit is None or n < limit:
        try:
            text = load_text(ENGLISH, f"row:{n}")
        except IndexError:
            break
        yield f"en:{n}", text, None if n % 2 else "en", None
        n += 1
    tweets = [*data.checkthat2021_ar(), *data.checkthat2022_ar_1b(), *data.checkthat2024_ar()]
    for row in tweets[: limit or None]:
        yield f"tweet:{row.doc_id}", row.text, None, None
    for row in data.claimbuster_en()[: limit or 3000]:
        yield f"cb:{row.doc_id}", row.text, "en", None
    reviews = json.loads(
        (shared / "corpora" / "claimreview-ar" / "unique_claim_reviews.json").read_text("utf-8")
    )
    for n, review in enumerate(reviews[: limit or None]):
        yield f"review:{n}", review.get("text") or "", None, None


def snapshot(doc_id: str, text: str, language: str | None, published: str | None) -> dict:
    article = ArticleSubmitted.model_validate(
        {
            "article_id": doc_id,
            "body": text,
            "language": language,
            "published_at": datetime.fromisoformat(published) if published else None,
        }
    )
    pending = _pending(article)[2]
    scores = default_scorer().scores([p.candidate for p in pending])
    every = extract(article, threshold=0.0)
    kept = extract(article)
    return {
        "id": doc_id,
        "scores": [list(s) for s in scores],
        "clauses": every.model_dump(mode="json", exclude={"produced_at"}),
        "claims": [c.claim_id for c in kept.claims],
    }


def write(path: Path, limit: int | None) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for doc_id, text, language, published in _texts(limit):
            if not text.strip():
                continue
            out.write(json.dumps(snapshot(doc_id, text, language, published), ensure_ascii=False))
            out.write("\n")
            n += 1
    return n


def compare(before: Path, after: Path, show: int = 5) -> int:
    """Number of texts whose output differs (the first `show` are printed)."""
    with before.open(encoding="utf-8") as a, after.open(encoding="utf-8") as b:
        old = [json.loads(line) for line in a]
        new = [json.loads(line) for line in b]
    if [r["id"] for r in old] != [r["id"] for r in new]:
        print(f"different texts: {len(old)} vs {len(new)}")
        return max(len(old), len(new))
    differing = [(x, y) for x, y in zip(old, new, strict=True) if x != y]
    for x, y in differing[:show]:
        for key in ("scores", "claims", "clauses"):
            if x[key] != y[key]:
                print(f"{x['id']}: {key} differ")
                print("  before:", json.dumps(x[key], ensure_ascii=False)[:600])
                print("  after: ", json.dumps(y[key], ensure_ascii=False)[:600])
    print(f"{len(differing)} of {len(old)} texts differ")
    return len(differing)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("path", type=Path)
    w.add_argument("--limit", type=int, default=None, help="texts per corpus")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        print(f"{write(args.path, args.limit)} texts written to {args.path}")
        return
    sys.exit(1 if compare(args.before, args.after) else 0)


if __name__ == "__main__":
    main()
