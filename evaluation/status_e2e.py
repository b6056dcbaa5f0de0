"""End-to-end status test from ANS dev (issue 8, "Measured").

    python -m evaluation.status_e2e [--limit N] [--no-distractors] [--out PATH] [--db URL]

Every distinct `s1` of ../shared/data/ans-dev/stance/dev.csv is archived as a one-headline
article of an independent wire (outlet `wire.example`, published the day before); by default
the SaudiNewsNet corpus (1,492 articles) is archived too, as distractors. Then each row's
`s2` is checked as an article of another outlet (`desk.example`) with archive=False, so no
check changes the archive the next one sees. Expected: agree → corroborated,
disagree → contradicted, other → neither.

Reading one article's outcome from its record (`article_outcome`): the article is its
headline (title = body = s2), so every claim the extractor returns overlaps the headline.
No claim → `no claim`. Claims that are all corroborated (or contradicted), apart from
undecided ones (unverified / unsupported), give that status; a corroborated and a
contradicted claim together, or any `disputed` claim, give `disputed` (not decisive);
otherwise `undecided`. Only `corroborated` and `contradicted` are decisive.

Rows are the unit (755); 178 `s2` texts occur in several rows (paired with paraphrases of
the same `s1`): they are checked once and the record is reused. Only ans-dev is used: the
stance model trains on ans-train.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from evaluation.xref_data import DEFAULT_SHARED, ROOT

ANS_DEV = Path("data/ans-dev/stance/dev.csv")
DISTRACTORS = Path(
    "corpora/saudinewsnet-syria-isis-turkey-ar/saudinewsnet_2015_syria_isis_turkey.jsonl"
)
WIRE, DESK = "wire.example", "desk.example"
ARCHIVED_AT, CHECKED_AT = "2019-01-01T08:00:00", "2019-01-02T08:00:00"

DECISIVE = ("corroborated", "contradicted")
EXPECTED: dict[str, str | None] = {
    "agree": "corroborated",
    "disagree": "contradicted",
    "other": None,
}
STATED = {"agree": "corroborated", "disagree": "contradicted"}  # the classes with a status
OPPOSITE = {"agree": "contradicted", "disagree": "corroborated"}
OUTCOMES = ("corroborated", "contradicted", "disputed", "undecided", "no claim")
UNDECIDED = ("unverified", "unsupported")


def article_outcome(statuses: Sequence[str]) -> str:
    """One article's outcome from the statuses of its headline's claims (see module doc)."""
    if not statuses:
        return "no claim"
    seen = set(statuses)
    if "disputed" in seen or set(DECISIVE) <= seen:
        return "disputed"
    for status in DECISIVE:
        if status in seen:
            return status
    return "undecided"


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def metrics(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Figures from (expected label, outcome) pairs: the issue's and the same by class."""
    counts: dict[str, Counter[str]] = {label: Counter() for label in EXPECTED}
    for label, got in pairs:
        counts[label][got] += 1
    n = {label: sum(c.values()) for label, c in counts.items()}
    correct = {label: counts[label][status] for label, status in STATED.items()}
    wrong = {label: counts[label][OPPOSITE[label]] for label in ("agree", "disagree")}
    decisive = sum(c[s] for c in counts.values() for s in DECISIVE)
    stated = n["agree"] + n["disagree"]
    other_decisive = sum(counts["other"][s] for s in DECISIVE)
    by_class = {
        label: {
            "n": n[label],
            "correct_decisive": correct[label],
            "wrong_direction": wrong[label],
            # precision of the status this class expects, over every row that got it
            "precision": _rate(correct[label], sum(c[STATED[label]] for c in counts.values())),
            "coverage": _rate(correct[label], n[label]),
            "wrong_direction_rate": _rate(wrong[label], n[label]),
        }
        for label in ("agree", "disagree")
    }
    return {
        "rows": sum(n.values()),
        "counts": {label: {o: counts[label][o] for o in OUTCOMES} for label in EXPECTED},
        "decisive": decisive,
        "decisive_precision": _rate(sum(correct.values()), decisive),
        "coverage": _rate(sum(correct.values()), stated),
        "wrong_direction_rate": _rate(sum(wrong.values()), stated),
        "other_decisive_rate": _rate(other_decisive, n["other"]),
        "by_class": by_class,
        "targets": {
            "wrong_direction_rate_max": 0.05,
            "coverage_min": 0.55,
            "met": (_rate(sum(wrong.values()), stated) or 0) <= 0.05
            and (_rate(sum(correct.values()), stated) or 0) >= 0.55,
        },
    }


def read_pairs(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["s1"], r["s2"], r["stance"]) for r in csv.DictReader(fh)]


def wire_articles(rows: Sequence[tuple[str, str, str]]) -> list[dict[str, str]]:
    """Each distinct s1 once, as a headline-only article of the independent wire."""
    distinct = list(dict.fromkeys(s1 for s1, _, _ in rows))
    return [
        {
            "id": f"ans-s1-{i}",
            "text": s1,
            "title": s1,
            "outlet": WIRE,
            "published_at": ARCHIVED_AT,
            "language": "ar",
        }
        for i, s1 in enumerate(distinct)
    ]


def run(
    shared: Path, workdir: Path, *, limit: int | None, distractors: bool, db: str | None
) -> dict[str, Any]:
    from evaluation.system import open_system

    rows = read_pairs(shared / ANS_DEV)
    system = open_system(workdir, db)
    started = time.perf_counter()
    system.import_articles(wire_articles(rows))
    if distractors:
        system.import_file(shared / DISTRACTORS)
    import_s = time.perf_counter() - started
    archive_size = system.count()
    checked = rows if limit is None else rows[:limit]
    records: dict[str, list[str]] = {}
    index: dict[str, int] = {}
    started = time.perf_counter()
    for s2 in dict.fromkeys(s2 for _, s2, _ in checked):
        record = system.check(
            {
                "id": f"ans-s2-{len(records)}",
                "text": s2,
                "title": s2,
                "outlet": DESK,
                "published_at": CHECKED_AT,
                "language": "ar",
            }
        )
        records[s2] = [c.status for c in record.claims]
        index[s2] = len(index)
    check_s = time.perf_counter() - started
    outcomes = [(label, article_outcome(records[s2])) for _, s2, label in checked]
    result = metrics(outcomes)
    result["setup"] = {
        "distractors": distractors,
        "archive_size": archive_size,
        "checked_articles": len(records),
        "limit": limit,
        "import_s": round(import_s, 1),
        "check_s_per_article": round(check_s / max(1, len(records)), 3),
    }
    result["rows_detail"] = [
        {"s2_index": index[s2], "expected": label, "got": got}
        for (_, s2, label), (_, got) in zip(checked, outcomes, strict=True)
    ]
    return result


def table(result: dict[str, Any]) -> str:
    head = "expected / got"
    lines = [f"{head:16}" + "".join(f"{o:>14}" for o in OUTCOMES)]
    for label, row in result["counts"].items():
        lines.append(f"{label:16}" + "".join(f"{row[o]:>14}" for o in OUTCOMES))
    lines.append("")
    for key in ("decisive_precision", "coverage", "wrong_direction_rate", "other_decisive_rate"):
        lines.append(f"{key:24} {result[key]}")
    for label, figures in result["by_class"].items():
        shown = ", ".join(f"{k}={v}" for k, v in figures.items())
        lines.append(f"{label:24} {shown}")
    lines.append(f"targets (wrong ≤ 0.05, coverage ≥ 0.55) met: {result['targets']['met']}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="End-to-end status test from ANS dev.")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None, help="check only the first N rows")
    parser.add_argument("--no-distractors", action="store_true")
    parser.add_argument("--workdir", type=Path, default=None, help="default .run/eval/status_e2e*")
    parser.add_argument("--db", default=None, help="database URL (default: SQLite in workdir)")
    parser.add_argument("--out", type=Path, default=None, help="results JSON (default: workdir)")
    args = parser.parse_args()
    variant = "status_e2e" + ("-no-distractors" if args.no_distractors else "")
    args.workdir = args.workdir or ROOT / ".run" / "eval" / variant
    result = run(
        args.shared,
        args.workdir,
        limit=args.limit,
        distractors=not args.no_distractors,
        db=args.db,
    )
    out = args.out or args.workdir / f"{variant}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(table(result))
    print(json.dumps({k: v for k, v in result.items() if k not in ("rows_detail", "counts")}))
    print(f"written {out}")


if __name__ == "__main__":
    main()
