"""Precision and recall of source resolution on the hand-annotated set.

    python -m evaluation.sources [--split dev|test|all] [--errors]

A predicted mention pairs with a gold mention when their spans overlap (one-to-one, largest
overlap first); the pair is correct when the predicted source id ("vague", "unknown" or a
registry id) equals the annotated one. Precision = correct / predicted mentions,
recall = correct / gold mentions.

`--split` restricts the run to one half of the documents (`evaluation.sources_data.split_of`):
rules are tuned on `dev` only, and `test` is the held-out check.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from typing import Any

from contracts.events import SourceMention
from evaluation.sources_data import SPLITS, Gold, load_gold, split_of
from workers.sources.lookup import find_mentions
from workers.sources.registry import SourceRegistry


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair(gold: list[Gold], pred: list[SourceMention]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans."""
    candidates = sorted(
        (
            (-_overlap((g.start, g.end), (p.start, p.end)), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
            if _overlap((g.start, g.end), (p.start, p.end)) > 0
        ),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _neg, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _ratio(num: int, den: int) -> float:
    return round(num / den, 3) if den else 0.0


def evaluate(
    registry: SourceRegistry, show_errors: bool = False, split: str = "all"
) -> dict[str, Any]:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    gold_by_doc, texts = load_gold()
    if split != "all":
        gold_by_doc = {key: gold for key, gold in gold_by_doc.items() if split_of(*key) == split}
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[dict[str, Any]] = []
    for key, gold in gold_by_doc.items():
        corpus = key[0]
        pred = find_mentions(texts[key], registry)
        pairs = pair(gold, pred)
        for bucket in (corpus, "all"):
            c = counts[bucket]
            c["docs"] += 1
            c["gold"] += len(gold)
            c["predicted"] += len(pred)
            c["detected"] += len(pairs)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, pi in pairs:
            ref = pred[pi].source
            got = ref.source_id if ref is not None else "none"
            want = gold[gi].expected
            ok = got == want
            for bucket in (corpus, "all"):
                counts[bucket]["correct"] += ok
                # a registry entry given where the annotator found none: the worst error
                counts[bucket]["wrong_entry_for_unknown"] += want == "unknown" and got not in (
                    "unknown",
                    "vague",
                )
            if not ok:
                errors.append({"doc": key, "gold": gold[gi].mention, "want": want, "got": got})
        for gi, g in enumerate(gold):
            if gi not in matched_g:
                errors.append({"doc": key, "missed": g.mention, "want": g.expected})
        for pi, p in enumerate(pred):
            if pi not in matched_p:
                sid = p.source.source_id if p.source else None
                errors.append({"doc": key, "extra": p.mention, "got": sid})
    report: dict[str, Any] = {"split": split}
    for bucket, c in counts.items():
        report[bucket] = {
            "docs": c["docs"],
            "gold_mentions": c["gold"],
            "predicted_mentions": c["predicted"],
            "detection_precision": _ratio(c["detected"], c["predicted"]),
            "detection_recall": _ratio(c["detected"], c["gold"]),
            "resolution_precision": _ratio(c["correct"], c["predicted"]),
            "resolution_recall": _ratio(c["correct"], c["gold"]),
            "wrong_entry_for_unknown": c["wrong_entry_for_unknown"],
        }
    if show_errors:
        report["errors"] = errors
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Source resolution precision/recall")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--split", choices=SPLITS, default="all", help="half of the documents")
    args = parser.parse_args(argv)
    report = evaluate(SourceRegistry.from_file(), args.errors, args.split)
    print(json.dumps(report, ensure_ascii=False, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
