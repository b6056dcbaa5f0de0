"""Evidence precision and coverage on the judged evidence set (issue 8, "Measured").

    python -m evaluation.evidence [--out PATH] [--db URL] [--workdir DIR]

Archive: SaudiNewsNet (1,492 Arabic articles) + FA-KES (804 English articles) under the ids
of `evaluation.evidence_data`, + the Arabic ClaimReview file. Claims: tests/data/evidence/
claims.jsonl (spans of real articles) and factcheck_claims.jsonl (short claims restating a
reviewed fact). Judgments: tests/data/evidence/judgments.jsonl, written before the system
was run on the set (pass 1); pass 2 judged what the first run showed that pass 1 had not.

Per claim, `System.check` runs on its source article (the article itself is excluded from
the search by its id; archive=False) or, for a fact-check claim, on an article holding only
the claim. The record claim whose span overlaps the annotated span most is the one read
(`best_claim`); a claim the extractor did not produce is reported as `not extracted` and
shows nothing. Figures: evidence precision (shown items judged useful / shown items;
unjudged items count as not useful and are counted apart), coverage of claims that have a
useful archive document, silence on claims that have none, and for fact-check claims
whether the fact-check is shown first and the status direction.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluation.evidence_data import (
    Document,
    ReferenceError_,
    documents,
    factcheck_urls,
    resolve,
    write_article_jsonl,
)
from evaluation.xref_data import DEFAULT_SHARED, ROOT

DATA = ROOT / "tests" / "data" / "evidence"
CLAIMS = DATA / "claims.jsonl"
FACTCHECK_CLAIMS = DATA / "factcheck_claims.jsonl"
JUDGMENTS = DATA / "judgments.jsonl"
FC_OUTLET = "desk.example"


@dataclass(frozen=True)
class EvalClaim:
    claim_id: str
    text: str
    language: str
    source_doc: str | None  # corpus claims: the article the span is in
    start: int  # span in the checked article's text
    end: int
    factcheck: str | None = None  # fact-check claims: the target `cr:item-N`
    expected_status: str | None = None
    tags: tuple[str, ...] = ()

    def article(self, docs: dict[str, Document]) -> dict[str, Any]:
        """What `System.check` is given for this claim."""
        if self.source_doc:
            return docs[self.source_doc].as_article()
        return {
            "id": self.claim_id,
            "text": self.text,
            "title": None,
            "outlet": FC_OUTLET,
            "published_at": "2025-06-01T08:00:00",
            "language": self.language,
        }


@dataclass(frozen=True)
class Judgment:
    claim_id: str
    doc: str
    useful: bool
    stance: str | None  # "supports" | "contradicts" for useful documents
    pass_: int


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_claims(
    shared: Path, claims: Path = CLAIMS, factchecks: Path = FACTCHECK_CLAIMS
) -> list[EvalClaim]:
    """Both claim files, every reference checked against ../shared (hash and offsets)."""
    out = []
    for row in _jsonl(claims):
        _, span = resolve(shared, row["doc"], row["sha"], row["start"], row["end"])
        assert span is not None
        out.append(
            EvalClaim(
                row["id"],
                span,
                row["language"],
                row["doc"],
                row["start"],
                row["end"],
                tags=tuple(row.get("tags", ())),
            )
        )
    if factchecks.is_file():
        for row in _jsonl(factchecks):
            resolve(shared, row["factcheck"], row["sha"])
            out.append(
                EvalClaim(
                    row["id"],
                    row["text"],
                    row["language"],
                    None,
                    0,
                    len(row["text"]),
                    factcheck=row["factcheck"],
                    expected_status=row["expected_status"],
                    tags=("factcheck",),
                )
            )
    ids = [c.claim_id for c in out]
    if len(ids) != len(set(ids)):
        raise ReferenceError_("duplicate claim ids")
    return out


def load_judgments(path: Path = JUDGMENTS, max_pass: int = 2) -> dict[tuple[str, str], Judgment]:
    """(claim id, doc id) → judgment, for passes up to `max_pass`."""
    out: dict[tuple[str, str], Judgment] = {}
    if not path.is_file():
        return out
    for row in _jsonl(path):
        j = Judgment(row["claim"], row["doc"], row["useful"], row.get("stance"), row["pass"])
        if j.pass_ <= max_pass:
            out[(j.claim_id, j.doc)] = j
    return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def best_claim(span: tuple[int, int], claims: Sequence[Any]) -> Any | None:
    """The record claim overlapping `span` most (ties: the earlier), or None if none does."""
    best = max(claims, key=lambda c: overlap(span, (c.start, c.end)), default=None)
    if best is None or overlap(span, (best.start, best.end)) == 0:
        return None
    return best


@dataclass
class ClaimResult:
    claim_id: str
    extracted: bool
    shown: list[str] = field(default_factory=list)  # judged-doc ids of shown evidence, in order
    status: str | None = None
    first_kind: str | None = None


def metrics(
    claims: Sequence[EvalClaim],
    results: dict[str, ClaimResult],
    judgments: dict[tuple[str, str], Judgment],
) -> dict[str, Any]:
    """The issue's figures from what each claim showed and the judgments."""
    useful_docs: dict[str, set[str]] = {}
    for (claim_id, doc), j in judgments.items():
        if j.useful:
            useful_docs.setdefault(claim_id, set()).add(doc)
    shown = useful = unjudged = 0
    with_useful = with_useful_hit = without_useful = without_useful_silent = 0
    not_extracted = []
    per_claim = []
    for claim in claims:
        r = results[claim.claim_id]
        if not r.extracted:
            not_extracted.append(claim.claim_id)
        verdicts = [judgments.get((claim.claim_id, doc)) for doc in r.shown]
        n_useful = sum(1 for j in verdicts if j is not None and j.useful)
        n_unjudged = sum(1 for j in verdicts if j is None)
        shown += len(r.shown)
        useful += n_useful
        unjudged += n_unjudged
        if claim.factcheck is None:  # coverage and silence on corpus claims
            if useful_docs.get(claim.claim_id):
                with_useful += 1
                with_useful_hit += n_useful > 0
            else:
                without_useful += 1
                without_useful_silent += not r.shown
        per_claim.append(
            {
                "claim": claim.claim_id,
                "extracted": r.extracted,
                "status": r.status,
                "shown": len(r.shown),
                "useful": n_useful,
                "unjudged": n_unjudged,
                "has_useful_in_archive": bool(useful_docs.get(claim.claim_id)),
            }
        )
    judged = shown - unjudged
    return {
        "claims": len(claims),
        "not_extracted": not_extracted,
        "shown_items": shown,
        "useful_items": useful,
        "unjudged_items": unjudged,
        "evidence_precision": _rate(useful, shown),
        "evidence_precision_judged_only": _rate(useful, judged),
        "claims_with_useful_in_archive": with_useful,
        "coverage": _rate(with_useful_hit, with_useful),
        "claims_without_useful_in_archive": without_useful,
        "silent_when_nothing_useful": _rate(without_useful_silent, without_useful),
        "factchecks": factcheck_figures(claims, results, useful_docs),
        "targets": {
            "precision_min": 0.80,
            "coverage_min": 0.75,
            "met": (_rate(useful, shown) or 0) >= 0.80
            and (_rate(with_useful_hit, with_useful) or 0) >= 0.75,
        },
        "per_claim": per_claim,
    }


def factcheck_figures(
    claims: Iterable[EvalClaim],
    results: dict[str, ClaimResult],
    useful_docs: dict[str, set[str]],
) -> dict[str, Any]:
    """Is the target fact-check (or any fact-check judged useful) shown first; status as
    the rating implies."""
    fc = [c for c in claims if c.factcheck]
    first = [c for c in fc if results[c.claim_id].shown[:1] == [c.factcheck]]
    useful_first = [
        c
        for c in fc
        if results[c.claim_id].shown[:1]
        and results[c.claim_id].shown[0].startswith("cr:")
        and results[c.claim_id].shown[0] in useful_docs.get(c.claim_id, set())
    ]
    shown = [c for c in fc if c.factcheck in results[c.claim_id].shown]
    right = [c for c in fc if results[c.claim_id].status == c.expected_status]
    return {
        "claims": len(fc),
        "target_shown": len(shown),
        "target_shown_first": len(first),
        "useful_factcheck_shown_first": len(useful_first),
        "status_as_expected": len(right),
        "share_first": _rate(len(first), len(fc)),
        "share_status_as_expected": _rate(len(right), len(fc)),
    }


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def run(shared: Path, workdir: Path, db: str | None) -> tuple[list[EvalClaim], dict[str, Any]]:
    """Build the archive in a fresh system, check every claim; what each claim showed."""
    from evaluation.system import open_system

    claims = load_claims(shared)
    docs = documents(shared)
    urls = factcheck_urls(shared)
    system = open_system(workdir, db)
    articles = workdir / "articles.jsonl"
    write_article_jsonl(shared, articles)
    system.import_file(articles)
    system.import_file(shared / "corpora/claimreview-ar/unique_claim_reviews.json")
    results: dict[str, ClaimResult] = {}
    raw: dict[str, Any] = {}
    for claim in claims:
        record = system.check(claim.article(docs))
        got = best_claim((claim.start, claim.end), record.claims)
        if got is None:
            results[claim.claim_id] = ClaimResult(claim.claim_id, extracted=False)
            raw[claim.claim_id] = {"extracted": False}
            continue
        shown = [
            urls.get(ev.url or "", ev.doc_id) if ev.kind == "factcheck" else ev.doc_id
            for ev in got.evidence
        ]
        results[claim.claim_id] = ClaimResult(
            claim.claim_id,
            True,
            shown,
            got.status,
            got.evidence[0].kind if got.evidence else None,
        )
        raw[claim.claim_id] = {
            "extracted": True,
            "status": got.status,
            "span": [got.start, got.end],
            "evidence": [
                {"doc": doc, "stance": ev.stance, "score": ev.score, "kind": ev.kind}
                for doc, ev in zip(shown, got.evidence, strict=True)
            ],
        }
    return claims, {"results": results, "raw": raw, "archive_size": system.count()}


def results_from(raw: dict[str, Any]) -> dict[str, ClaimResult]:
    """What each claim showed, read back from a results JSON's `shown` (for rescoring)."""
    out = {}
    for claim_id, r in raw.items():
        evidence = r.get("evidence", [])
        out[claim_id] = ClaimResult(
            claim_id,
            r.get("extracted", True),
            [e["doc"] for e in evidence],
            r.get("status"),
            evidence[0]["kind"] if evidence else None,
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Evidence precision on the judged set.")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--workdir", type=Path, default=ROOT / ".run" / "eval" / "evidence")
    parser.add_argument("--db", default=None, help="database URL (default: SQLite in workdir)")
    parser.add_argument("--out", type=Path, default=None, help="results JSON (default: workdir)")
    parser.add_argument(
        "--rescore", type=Path, default=None, help="recompute figures from a results JSON"
    )
    args = parser.parse_args()
    if args.rescore:  # new judgments, same system output: no need to run the system again
        old = json.loads(args.rescore.read_text(encoding="utf-8"))
        claims = load_claims(args.shared)
        run_result = {
            "results": results_from(old["shown"]),
            "raw": old["shown"],
            "archive_size": old["archive_size"],
        }
    else:
        claims, run_result = run(args.shared, args.workdir, args.db)
    report: dict[str, Any] = {"archive_size": run_result["archive_size"]}
    for label, max_pass in (("pass1", 1), ("pass1+2", 2)):
        report[label] = metrics(claims, run_result["results"], load_judgments(max_pass=max_pass))
    report["shown"] = run_result["raw"]
    out = args.out or args.workdir / "evidence.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for label in ("pass1", "pass1+2"):
        shown = {k: v for k, v in report[label].items() if k != "per_claim"}
        print(label, json.dumps(shown, ensure_ascii=False))
    print(f"written {out}")


if __name__ == "__main__":
    main()
