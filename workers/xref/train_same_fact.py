"""Train the same-fact model shipped in workers/xref/models/ (model card: docs/models.md).

    python -m workers.xref.train_same_fact [--shared ../shared] [--out PATH] [--workdir DIR]

Rows come from workers.xref.same_fact_data: ANS *train* headlines and CLIMATE-FEVER's
training claims searched against an archive of the ../shared news corpora (ANS dev and
FEVER's test 30 % are never used). A retrieved passage that is another ANS headline
nearly identical to the claim's labelled partner is left out rather than called a
negative: ANS repeats some headlines in other words, and those state the same fact.

The classifier is a small gradient-boosted tree model over the features of
workers.xref.same_fact_features; its probabilities are checked for calibration by
cross-validation grouped by claim source (no headline on both sides of a split).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import defaultdict
from pathlib import Path

import joblib
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupKFold

from workers.nlp.arabic import tokens
from workers.xref.same_fact import MODEL_PATH
from workers.xref.same_fact_data import Row, ans_claims, fever_claims, rows_for, scratch_archive
from workers.xref.same_fact_features import FEATURES

NEAR_DUPLICATE = 0.5  # token Jaccard with the partner above which a headline is ambiguous
SEED = 13


# More of the claim in the passage never makes it less likely to state the same fact (and a
# clash never more likely): the trees may not learn otherwise from noisy rows.
MONOTONIC = {
    "coverage": 1,
    "entity_share": 1,
    "content_share": 1,
    "bigram_share": 1,
    "figure_match": 1,
    "figure_clash": 0,  # a different figure: another event, or the same one contradicted
    "year_clash": -1,
    "in_order": 1,
    "relative_retrieval": 1,
    "token_set": 1,
    "rank": -1,
    "is_top": 1,
}


def classifier() -> HistGradientBoostingClassifier:
    return HistGradientBoostingClassifier(
        max_depth=4,
        max_iter=300,
        learning_rate=0.05,
        l2_regularization=1.0,
        monotonic_cst=[MONOTONIC.get(name, 0) for name in FEATURES],
        random_state=SEED,
    )


def unambiguous(rows: list[Row]) -> list[Row]:
    """Drop negatives that nearly repeat the claim or its labelled partner: ANS repeats some
    headlines (as another pair's s1, in other words), and those state the same fact."""
    partner: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        if r.same_fact:
            partner[(r.group, r.claim)] |= set(tokens(r.passage))
    keep = []
    for r in rows:
        other = set(tokens(r.passage))
        near = (partner.get((r.group, r.claim)) or set(), set(tokens(r.claim)))
        if not r.same_fact and any(_jaccard(words, other) >= NEAR_DUPLICATE for words in near):
            continue
        keep.append(r)
    return keep


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def cross_validate(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> dict[str, float]:
    oof = np.zeros(len(y))
    for train, test in GroupKFold(5).split(x, y, groups):
        oof[test] = classifier().fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    report = {
        "auc": roc_auc_score(y, oof),
        "average_precision": average_precision_score(y, oof),
        "brier": brier_score_loss(y, oof),
    }
    for t in (0.5, 0.7, 0.85):
        chosen = oof >= t
        report[f"precision@{t}"] = float(y[chosen].mean()) if chosen.any() else 0.0
        report[f"recall@{t}"] = float((chosen & y).sum() / y.sum())
    return {k: round(float(v), 4) for k, v in report.items()}


def training_rows(shared: Path, workdir: Path) -> list[Row]:
    ans_docs, ans = ans_claims(shared, "train")
    fever_docs, fever = fever_claims(shared)
    archive = scratch_archive(workdir, shared, ans_docs + fever_docs)
    return unambiguous(list(rows_for(archive, ans + fever)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared"
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = training_rows(args.shared, args.workdir or Path(tmp))
    x = np.array([r.features for r in rows])
    y = np.array([r.same_fact for r in rows])
    groups = np.array([r.group for r in rows])
    report = cross_validate(x, y, groups)
    model = classifier().fit(x, y)
    joblib.dump(
        {"features": FEATURES, "classifier": model, "rows": len(rows), "cv": report},
        args.out,
        compress=3,
    )
    print(json.dumps({"rows": len(rows), "same_fact": int(y.sum()), "cv": report}))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
