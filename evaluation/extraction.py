"""Measure claim detection on the dev sets: `python -m evaluation.extraction [--calibrate]`.

A text is predicted to contain a claim when the extractor returns at least one claim. The
check-worthiness thresholds are calibrated on one set and reported on another:
Arabic: calibrated on CheckThat 2021 (claim), held-out report on CheckThat 2022 1B (claim) and
CheckThat 2024 (check-worthiness, a stricter notion: fewer positives).
English: calibrated on ClaimBuster rows with an even sentence_id, reported on the odd ones.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

from evaluation.extraction_data import (
    Row,
    checkthat2021_ar,
    checkthat2022_ar_1b,
    checkthat2024_ar,
    claimbuster_en,
)
from workers.extraction.checkworthiness import threshold
from workers.extraction.extractor import extract_text


@dataclass(frozen=True)
class Scores:
    dataset: str
    n: int
    positives: int
    threshold: float
    precision: float
    recall: float
    f1: float
    all_positive_f1: float  # the trivial baseline: predict "claim" for every text


def doc_scores(rows: Sequence[Row]) -> list[float]:
    """The highest check-worthiness among each text's candidates (0 when it has none)."""
    out: list[float] = []
    for row in rows:
        claims = extract_text(f"eval-{row.doc_id}", row.text, row.language, threshold=0.0)
        out.append(max((c.checkworthiness for c in claims), default=0.0))
    return out


def prf(labels: Sequence[int], predicted: Sequence[int]) -> tuple[float, float, float]:
    tp = sum(1 for y, p in zip(labels, predicted, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, predicted, strict=True) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_threshold(scores: Sequence[float], labels: Sequence[int]) -> tuple[float, float]:
    """The cut-off in 0.05 steps with the best positive-class F1: (threshold, F1)."""
    best = (0.5, -1.0)
    for step in range(1, 20):
        cut = round(step * 0.05, 2)
        f1 = prf(labels, [int(s >= cut) for s in scores])[2]
        if f1 > best[1]:
            best = (cut, f1)
    return best


def evaluate(name: str, rows: Sequence[Row], cut: float) -> Scores:
    labels = [r.label for r in rows]
    scores = doc_scores(rows)
    p, r, f1 = prf(labels, [int(s >= cut) for s in scores])
    base = prf(labels, [1] * len(labels))[2]
    return Scores(name, len(rows), sum(labels), cut, round(p, 3), round(r, 3), round(f1, 3),
                  round(base, 3))


def _split(rows: Sequence[Row], parity: int) -> list[Row]:
    return [r for r in rows if int(r.doc_id) % 2 == parity]


def calibrate() -> dict[str, tuple[float, float]]:
    ct21 = checkthat2021_ar()
    cb_even = _split(claimbuster_en(), 0)
    return {
        "ar (checkthat2021-ar-dev)": best_threshold(doc_scores(ct21), [r.label for r in ct21]),
        "en (claimbuster even ids)": best_threshold(
            doc_scores(cb_even), [r.label for r in cb_even]
        ),
    }


def run() -> list[Scores]:
    claimbuster = claimbuster_en()
    sets: list[tuple[str, Callable[[], Sequence[Row]], str]] = [
        ("checkthat2021-ar-dev claim (calibration set)", checkthat2021_ar, "ar"),
        ("checkthat2022-ar-dev 1B (held out)", checkthat2022_ar_1b, "ar"),
        ("checkthat2024-ar-dev check-worthiness (held out)", checkthat2024_ar, "ar"),
        ("claimbuster-en odd ids (held out)", lambda: _split(claimbuster, 1), "en"),
        ("claimbuster-en all", lambda: claimbuster, "en"),
    ]
    return [evaluate(name, load(), threshold(lang)) for name, load, lang in sets]


def to_markdown(results: Sequence[Scores]) -> str:
    lines = [
        "| dataset | n | positives | threshold | precision | recall | F1 | all-positive F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in results:
        lines.append(
            f"| {s.dataset} | {s.n} | {s.positives} | {s.threshold} | {s.precision} | "
            f"{s.recall} | {s.f1} | {s.all_positive_f1} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calibrate", action="store_true", help="print the best thresholds")
    parser.add_argument("--json", action="store_true", help="print JSON instead of markdown")
    args = parser.parse_args(argv)
    if args.calibrate:
        for name, (cut, f1) in calibrate().items():
            print(f"{name}: best threshold {cut} (F1 {f1:.3f})")
        return
    results = run()
    print(json.dumps([asdict(s) for s in results], indent=2) if args.json else to_markdown(results))


if __name__ == "__main__":
    main()
