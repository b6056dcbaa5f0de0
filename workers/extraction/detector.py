"""The trained claim detector: one small model per language ("ar", "en").

A logistic regression over character n-grams of the clause and the rule cues
(`detector_features`), trained by `python -m workers.extraction.train_detector` on the
CheckThat! Arabic dev sets and ClaimBuster (model card: docs/extraction-model.md). Its output
is a probability, used as the clause's check-worthiness. Without a model the rule score is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import joblib
from scipy.special import expit

from workers.extraction import checkworthiness
from workers.extraction.checkworthiness import Candidate
from workers.extraction.detector_features import DENSE_SCALE, NgramCounts, features


class Score(NamedTuple):
    """`claim`: does the clause state a checkable fact (decides extraction); `worthy`: is it
    worth checking (the record's `checkworthiness`). Both probabilities in 0..1."""

    claim: float
    worthy: float


@dataclass(frozen=True)
class LanguageModel:
    vectorizer: Any  # a fitted TfidfVectorizer, shared by both heads
    claim: Any  # fitted LogisticRegression heads
    worthy: Any
    # Share of the model in the claim score; the rest is the rule score. The Arabic model
    # learnt from tweets and under-rates news prose, which the rule cues read well.
    model_weight: float = 1.0
    ngrams: NgramCounts = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ngrams", NgramCounts(self.vectorizer))

    def probabilities(self, candidates: Sequence[Candidate]) -> list[Score]:
        if not candidates:
            return []
        x = features(self.ngrams, candidates)
        rule = x[:, -1].toarray().ravel() / DENSE_SCALE
        claim = self.model_weight * positive_probability(self.claim, x) + (
            1 - self.model_weight
        ) * rule
        worthy = positive_probability(self.worthy, x)
        return [
            Score(round(float(c), 4), round(float(w), 4))
            for c, w in zip(claim, worthy, strict=True)
        ]


def positive_probability(head: Any, x: Any) -> Any:
    """`head.predict_proba(x)[:, 1]` of a binary logistic regression, without scikit-learn's
    per-call input checks (a few percent of extraction time): the same arithmetic, the same
    numbers (tested)."""
    return expit(x @ head.coef_.T + head.intercept_).ravel()


class Detector:
    """Scores candidates with the model of their language (English for other languages)."""

    def __init__(self, models: dict[str, LanguageModel]) -> None:
        if "en" not in models:
            raise ValueError("a detector needs at least an English model (the fallback)")
        self.models = models

    def scores(self, candidates: Sequence[Candidate]) -> list[Score]:
        out = [Score(0.0, 0.0)] * len(candidates)
        by_language: dict[str, list[int]] = {}
        for i, c in enumerate(candidates):
            by_language.setdefault(c.language if c.language in self.models else "en", []).append(i)
        for language, indices in by_language.items():
            probs = self.models[language].probabilities([candidates[i] for i in indices])
            for i, p in zip(indices, probs, strict=True):
                out[i] = p
        return out


class RuleScorer:
    """The hand-weighted cue score (`checkworthiness.score`), for use without a model."""

    def scores(self, candidates: Sequence[Candidate]) -> list[Score]:
        return [Score(s, s) for s in map(checkworthiness.score, candidates)]


def from_file(path: Path, model_weights: dict[str, float] | None = None) -> Detector:
    if not path.is_file():
        raise FileNotFoundError(
            f"claim detector not found at {path}; "
            "train it with `python -m workers.extraction.train_detector`"
        )
    bundle = joblib.load(path)
    return Detector(
        {
            lang: LanguageModel(
                m["vectorizer"], m["claim"], m["worthy"], (model_weights or {}).get(lang, 1.0)
            )
            for lang, m in bundle.items()
        }
    )


@cache
def load_detector(path: Path, weight_ar: float = 1.0, weight_en: float = 1.0) -> Detector:
    """The detector at `path`, loaded once per process."""
    return from_file(path, {"ar": weight_ar, "en": weight_en})
