"""Does a retrieved passage state the same fact as the claim? A calibrated probability.

Trained by workers/xref/train_same_fact.py (model card in docs/models.md); the features are
workers/xref/same_fact_features.py. The xref worker keeps a passage as evidence only above
a threshold (a setting); the rest are topic neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from threadpoolctl import ThreadpoolController

from workers.xref.archive import Passage
from workers.xref.same_fact_features import FEATURES, ClaimView, candidate_features

MODEL_PATH = Path(__file__).parent / "models" / "same_fact.joblib"


class SameFactModel:
    def __init__(self, classifier: Any) -> None:
        self.classifier = classifier

    def probabilities(
        self, batch: Sequence[tuple[ClaimView, Sequence[Passage]]]
    ) -> list[list[float]]:
        """P(same fact) for every candidate of every claim, scored as one matrix."""
        rows = [candidate_features(view, candidates) for view, candidates in batch]
        flat = [r for claim_rows in rows for r in claim_rows]
        if not flat:
            return [[] for _ in batch]
        # one thread: a few hundred rows per article, where OpenMP's start-up costs 3x the work
        with _openmp().limit(limits=1, user_api="openmp"):
            proba = self.classifier.predict_proba(np.asarray(flat, dtype=float))[:, 1]
        out, i = [], 0
        for claim_rows in rows:
            out.append([float(p) for p in proba[i : i + len(claim_rows)]])
            i += len(claim_rows)
        return out


@cache
def _openmp() -> ThreadpoolController:
    """Found once: finding the loaded libraries costs more than scoring an article's rows."""
    return ThreadpoolController()


@cache
def load_same_fact_model(path: Path = MODEL_PATH) -> SameFactModel:
    if not path.is_file():
        raise FileNotFoundError(
            f"same-fact model not found at {path}; "
            "train it with `python -m workers.xref.train_same_fact`"
        )
    bundle = joblib.load(path)
    if tuple(bundle["features"]) != FEATURES:
        raise ValueError(f"{path} was trained on other features: retrain it")
    return SameFactModel(bundle["classifier"])
