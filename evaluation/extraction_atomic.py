"""Atomic claims on 20 annotated Arabic news articles (tests/data/extraction):

    python -m evaluation.extraction_atomic [--split dev|test|all] [--errors] [--json]

A claim *covers* an annotated fact when it holds at least half of the fact's characters, and
*matches* it when it covers it or lies at least half inside it. Recall: facts matched by some
claim; precision: claims that match some fact; over-merged: claims covering three or more
facts; attribution accuracy: facts whose best-overlapping claim has the annotated type.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from contracts.events import ArticleSubmitted
from contracts.record import ExtractedClaim
from evaluation.sources_data import ARABIC, load_text, split_of
from workers.extraction.extractor import extract

ANNOTATIONS = (
    Path(__file__).resolve().parents[1] / "tests" / "data" / "extraction" / "annotations.jsonl"
)
MIN_SHARE = 0.5
MAX_FACTS_PER_CLAIM = 2  # a claim covering more facts than this is over-merged


@dataclass(frozen=True)
class Fact:
    doc_id: str
    start: int
    end: int
    attribution: str


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def load_facts() -> tuple[dict[str, list[Fact]], dict[str, str]]:
    """Annotated facts per document and the documents' texts (hashes checked)."""
    facts: dict[str, list[Fact]] = {}
    texts: dict[str, str] = {}
    with ANNOTATIONS.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            doc = row["doc_id"]
            if doc not in texts:
                text = load_text(row["corpus"], doc)
                if _digest(text) != row["doc_sha256"]:
                    raise ValueError(f"{doc}: the corpus text changed (hash {_digest(text)})")
                texts[doc], facts[doc] = text, []
            if _digest(texts[doc][row["start"] : row["end"]]) != row["span_sha256"]:
                raise ValueError(f"annotation does not match the text: {row}")
            facts[doc].append(Fact(doc, row["start"], row["end"], row["attribution"]))
    return facts, texts


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def covers(claim: ExtractedClaim, fact: Fact) -> bool:
    return _overlap(claim.start, claim.end, fact.start, fact.end) >= MIN_SHARE * (
        fact.end - fact.start
    )


def matches(claim: ExtractedClaim, fact: Fact) -> bool:
    inside = _overlap(claim.start, claim.end, fact.start, fact.end) >= MIN_SHARE * (
        claim.end - claim.start
    )
    return inside or covers(claim, fact)


@dataclass(frozen=True)
class AtomicScores:
    split: str
    documents: int
    facts: int
    claims: int
    recall: float
    precision: float
    over_merged: int  # claims covering three or more facts
    attribution_accuracy: float


@dataclass(frozen=True)
class DocErrors:
    doc_id: str
    missed: list[Fact]
    spurious: list[ExtractedClaim]
    merged: list[ExtractedClaim]
    wrong_type: list[tuple[Fact, ExtractedClaim]]


def errors_of(doc_id: str, facts: list[Fact], claims: list[ExtractedClaim]) -> DocErrors:
    missed = [f for f in facts if not any(matches(c, f) for c in claims)]
    spurious = [c for c in claims if not any(matches(c, f) for f in facts)]
    merged = [c for c in claims if sum(covers(c, f) for f in facts) > MAX_FACTS_PER_CLAIM]
    wrong: list[tuple[Fact, ExtractedClaim]] = []
    for f in facts:
        found = [c for c in claims if matches(c, f)]
        if not found:
            continue
        best = max(found, key=lambda c: _overlap(c.start, c.end, f.start, f.end))
        if best.attribution.type != f.attribution:
            wrong.append((f, best))
    return DocErrors(doc_id, missed, spurious, merged, wrong)


def claims_of(doc_id: str, text: str) -> list[ExtractedClaim]:
    return extract(ArticleSubmitted(article_id=doc_id, body=text, language="ar")).claims


def run(split: str = "all") -> tuple[AtomicScores, list[DocErrors]]:
    facts, texts = load_facts()
    docs = [d for d in facts if split == "all" or split_of(ARABIC, d) == split]
    claims = {d: claims_of(d, texts[d]) for d in docs}
    errors = [errors_of(d, facts[d], claims[d]) for d in docs]
    n_facts = sum(len(facts[d]) for d in docs)
    n_claims = sum(len(c) for c in claims.values())
    matched = n_facts - sum(len(e.missed) for e in errors)
    wrong = sum(len(e.wrong_type) for e in errors)
    scores = AtomicScores(
        split,
        len(docs),
        n_facts,
        n_claims,
        round(matched / n_facts, 3) if n_facts else 0.0,
        round(1 - sum(len(e.spurious) for e in errors) / n_claims, 3) if n_claims else 0.0,
        sum(len(e.merged) for e in errors),
        round(1 - wrong / matched, 3) if matched else 0.0,
    )
    return scores, errors


def print_errors(errors: Sequence[DocErrors], texts: dict[str, str]) -> None:
    for e in errors:
        text = texts[e.doc_id]
        for f in e.missed:
            print(f"{e.doc_id} MISSED [{f.attribution}] {text[f.start:f.end]}")
        for c in e.spurious:
            print(f"{e.doc_id} SPURIOUS ({c.checkworthiness}) {c.text}")
        for c in e.merged:
            print(f"{e.doc_id} MERGED {c.text}")
        for f, c in e.wrong_type:
            print(
                f"{e.doc_id} TYPE want {f.attribution} got {c.attribution.type} "
                f"({c.attribution.mention}) {text[f.start:f.end][:90]}"
            )


def to_markdown(rows: Sequence[AtomicScores]) -> str:
    lines = [
        "| split | documents | facts | claims | recall | precision | claims over 2 facts "
        "| attribution type |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in rows:
        lines.append(
            f"| {s.split} | {s.documents} | {s.facts} | {s.claims} | {s.recall} | "
            f"{s.precision} | {s.over_merged} | {s.attribution_accuracy} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default=None)
    parser.add_argument("--errors", action="store_true", help="list every error of the split")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    splits = [args.split] if args.split else ["dev", "test", "all"]
    results = [run(s) for s in splits]
    if args.errors:
        _, texts = load_facts()
        for _, errs in results:
            print_errors(errs, texts)
    rows = [r[0] for r in results]
    print(json.dumps([asdict(r) for r in rows], indent=2) if args.json else to_markdown(rows))


if __name__ == "__main__":
    main()
