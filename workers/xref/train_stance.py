"""Train the small stance model shipped in workers/xref/models/.

    python -m workers.xref.train_stance [--shared ../shared] [--out PATH]

Training data: ANS (Arabic News Stance, Apache-2.0) train split, labels agree -> supports,
disagree -> contradicts, other -> neutral; plus CLIMATE-FEVER claim/evidence pairs for
English, a separate model on CLIMATE-FEVER claim/evidence pairs (split 70/30 by claim id,
see `is_fever_test_claim`, so evaluation pairs are never trained on). The file holds, per
language, the fitted featurizer and a logistic regression, well under 20 MB.
"""

from __future__ import annotations

import argparse
import csv
import json
import zlib
from pathlib import Path

import joblib
from sklearn.linear_model import LogisticRegression

from workers.xref.stance_features import PairFeaturizer

MODEL_PATH = Path(__file__).parent / "models" / "stance.joblib"
ANS_LABELS = {"agree": "supports", "disagree": "contradicts", "other": "neutral"}
FEVER_LABELS = {"SUPPORTS": "supports", "REFUTES": "contradicts", "NOT_ENOUGH_INFO": "neutral"}

Pairs = list[tuple[str, str, str]]  # (claim, evidence, stance)


def read_ans(path: Path) -> Pairs:
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["s1"], r["s2"], ANS_LABELS[r["stance"]]) for r in csv.DictReader(fh)]


def is_fever_test_claim(claim_id: str) -> bool:
    """Deterministic 30 % test split of CLIMATE-FEVER by claim (never by pair)."""
    return zlib.crc32(claim_id.encode()) % 10 < 3


def read_climate_fever(path: Path, *, test: bool) -> Pairs:
    out: Pairs = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if is_fever_test_claim(str(obj["claim_id"])) != test:
                continue
            for ev in obj["evidences"]:
                out.append((obj["claim"], ev["evidence"], FEVER_LABELS[ev["evidence_label"]]))
    return out


def train(pairs: Pairs, c: float = 4.0) -> tuple[PairFeaturizer, LogisticRegression]:
    claims = [p[0] for p in pairs]
    evidence = [p[1] for p in pairs]
    featurizer = PairFeaturizer().fit(claims, evidence)
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(featurizer.transform(claims, evidence), [p[2] for p in pairs])
    return featurizer, model


def training_sets(shared: Path) -> dict[str, Pairs]:
    """One training set per language: Arabic from ANS train, English from CLIMATE-FEVER."""
    return {
        "ar": read_ans(shared / "data" / "ans-train" / "stance" / "train.csv"),
        "en": read_climate_fever(
            shared / "data" / "climate-fever-en" / "climate-fever.jsonl", test=False
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared"
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("-C", type=float, default=4.0)
    args = parser.parse_args()
    bundle = {}
    for lang, pairs in training_sets(args.shared).items():
        featurizer, classifier = train(pairs, args.C)
        bundle[lang] = {"featurizer": featurizer, "classifier": classifier}
        print(f"{lang}: trained on {len(pairs)} pairs")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(bundle, args.out, compress=3)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
