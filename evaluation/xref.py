"""Retrieval evaluation (recall@10, MRR on the judged set) and the seed article demo.

    python -m evaluation.xref [--shared ../shared] [--db URL] [--seed]

Imports corpora/saudinewsnet-syria-isis-turkey-ar and corpora/claimreview-ar into the
database at --db (default: a fresh SQLite file under .run/), then runs the 30 judged queries
of tests/data/xref/retrieval_judgements.jsonl (paraphrased headlines; the source article
is the one relevant document). With a PostgreSQL URL the same run measures that backend.
--seed also cross-references the seed article's sentences and prints evidence and reasons.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from contracts.events import ArticleSubmitted
from contracts.ids import claim_id
from contracts.record import ExtractedClaim
from contracts.segmentation import segment
from evaluation.xref_data import DEFAULT_SHARED, ROOT, corpus_archive, judgements
from workers.xref.archive import Archive
from workers.xref.crossref import cross_reference, load_models

K = 10


def retrieval(archive: Archive) -> dict[str, float]:
    hits, reciprocal = 0, 0.0
    rows = judgements()
    for row in rows:
        relevant = {str(doc) for doc in row["relevant"]}  # type: ignore[attr-defined]
        ranked = [p.doc_id for p in archive.search(str(row["query"]), limit=K)]
        ranks = [i for i, doc in enumerate(ranked, start=1) if doc in relevant]
        hits += bool(ranks)
        reciprocal += 1 / ranks[0] if ranks else 0.0
    return {
        "queries": len(rows),
        f"recall@{K}": round(hits / len(rows), 4),
        "mrr": round(reciprocal / len(rows), 4),
        "archive_size": archive.count(),
    }


def seed_claims(article: ArticleSubmitted) -> list[ExtractedClaim]:
    """Claims from the extraction domain when it is importable, else one per sentence."""
    try:
        from workers.extraction.extractor import extract

        return list(extract(article).claims)
    except ImportError:
        return [
            ExtractedClaim(
                claim_id=claim_id(article.article_id, article.revision, s.start, s.end),
                text=s.text,
                start=s.start,
                end=s.end,
                kind="assertion",
                checkworthiness=0.5,
            )
            for s in segment(article.body)
        ]


def seed_demo(archive: Archive, shared: Path) -> None:
    body = (shared / "examples" / "seed-ar-001.txt").read_text(encoding="utf-8")
    article = ArticleSubmitted(article_id="seed-ar-001", body=body, language="ar")
    claims = seed_claims(article)
    result = cross_reference(article, claims, archive, load_models())
    texts = {c.claim_id: c.text for c in claims}
    for item in result.items:
        print(f"\nCLAIM {texts[item.claim_id][:110]}")
        for ev in item.evidence:
            flag = "" if ev.independent else " [not independent]"
            print(f"  {ev.stance:11} {ev.score:.2f} {ev.kind:9} {ev.outlet or '-'}{flag}")
            print(f"      {ev.reason}")
            print(f"      «{ev.snippet[:120].replace(chr(10), ' ')}»")


def main() -> None:
    parser = argparse.ArgumentParser(description="Evaluate cross-reference retrieval.")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--db", default=f"sqlite:///{ROOT / '.run' / 'xref-eval.db'}")
    parser.add_argument("--seed", action="store_true", help="also run the seed article")
    args = parser.parse_args()
    _, archive = corpus_archive(args.db, args.shared)
    print(json.dumps({"backend": args.db.split(":")[0], **retrieval(archive)}))
    if args.seed:
        seed_demo(archive, args.shared)


if __name__ == "__main__":
    main()
