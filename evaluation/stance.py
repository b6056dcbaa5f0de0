"""Stance evaluation: macro-F1 and accuracy on ANS dev (Arabic) and CLIMATE-FEVER (English).

    python -m evaluation.stance [--shared ../shared] [--json]

Two rows per set: the trained model alone (`classify`) and the full `predict` (rule cues,
relatedness gate and model), which is what the pipeline and `verify stance` use.
CLIMATE-FEVER has no official split: its test part is the 30 % of claims chosen by
`workers.xref.train_stance.is_fever_test_claim` (crc32 of the claim id), never trained on.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sklearn.metrics import accuracy_score, f1_score

from workers.xref.stance import StanceModel, load_stance_model
from workers.xref.train_stance import Pairs, read_ans, read_climate_fever

DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"


def score(model: StanceModel, pairs: Pairs) -> dict[str, dict[str, float]]:
    gold = [p[2] for p in pairs]
    alone = [model.classify(c, e)[0] for c, e, _ in pairs]
    full = [model.predict(c, e)[0] for c, e, _ in pairs]
    return {
        name: {
            "macro_f1": round(float(f1_score(gold, pred, average="macro")), 4),
            "accuracy": round(float(accuracy_score(gold, pred)), 4),
            "pairs": len(pairs),
        }
        for name, pred in (("model", alone), ("predict", full))
    }


def evaluate(shared: Path) -> dict[str, dict[str, dict[str, float]]]:
    model = load_stance_model()
    fever = shared / "data" / "climate-fever-en" / "climate-fever.jsonl"
    return {
        "ans-dev": score(model, read_ans(shared / "data" / "ans-dev" / "stance" / "dev.csv")),
        "climate-fever-test": score(model, read_climate_fever(fever, test=True)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="Evaluate the stance model.")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = evaluate(args.shared)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for dataset, rows in results.items():
        for name, m in rows.items():
            print(
                f"{dataset:20} {name:8} macro-F1 {m['macro_f1'] * 100:5.1f}  "
                f"accuracy {m['accuracy'] * 100:5.1f}  ({m['pairs']} pairs)"
            )


if __name__ == "__main__":
    main()
