"""Stance of a piece of evidence towards a claim: supports, contradicts or neutral.

Explicit cues come first, because they can be explained in one line and hold in any
language: a prior fact-check's rating, a different figure for the same quantity and unit,
a denial or negation the claim does not have. Otherwise the small trained model decides
(workers/xref/train_stance.py: Arabic model on ANS, English model on CLIMATE-FEVER).
Every pair is taken to be about the same fact, as the training pairs were: a pair handed
in by a caller (`verify stance`, the evaluation sets), or a retrieved passage that the
same-fact model (workers/xref/same_fact.py) let through. Whether a passage bears on the
claim at all is that model's question, not this one's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import joblib
import numpy as np

from contracts.record import Quantity, Stance
from workers.nlp.arabic import is_arabic
from workers.xref.cues import Figure, TextCues, text_cues, unit_of
from workers.xref.ratings import AGAINST, FOR
from workers.xref.stance_features import PairFeaturizer

MODEL_PATH = Path(__file__).parent / "models" / "stance.joblib"
FIGURE_TOLERANCE = 0.10  # relative difference under which two figures are the same figure
RELATED = 0.30  # share of the claim's terms a fact-check must have to be about the claim
RATED = 0.95  # how sure a same-fact fact-check's rating makes its stance
FLIPPED = 0.8  # model probability that the claim contradicts the checked claim itself
COMPARABLE = 2  # a denial/negation cue needs evidence at most this many times the claim's terms

Prediction = tuple[Stance, float, str]


@dataclass(frozen=True)
class LanguageModel:
    featurizer: PairFeaturizer
    classifier: Any  # a fitted scikit-learn classifier with predict_proba

    def probabilities(
        self, claims: Sequence[str], evidence: Sequence[str]
    ) -> list[dict[str, float]]:
        proba = self.classifier.predict_proba(self.featurizer.transform(claims, evidence))
        labels = [str(c) for c in self.classifier.classes_]
        return [dict(zip(labels, map(float, row), strict=True)) for row in np.atleast_2d(proba)]


class StanceModel:
    """Rule cues plus one trained model per language ("ar", "en")."""

    def __init__(self, models: dict[str, LanguageModel]) -> None:
        if not models:
            raise ValueError("a stance model needs at least one language model")
        self.models = models

    def model_for(self, claim: str) -> LanguageModel:
        lang = "ar" if is_arabic(claim) else "en"
        return self.models.get(lang) or next(iter(self.models.values()))

    def classify(self, claim: str, evidence: str) -> tuple[Stance, float]:
        """The trained model alone: most probable label and its probability."""
        probs = self.model_for(claim).probabilities([claim], [evidence])[0]
        label = max(probs, key=lambda k: probs[k])
        return _stance(label), probs[label]

    def classify_many(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[Stance, float]]:
        """The trained model on many pairs at once (one matrix per language: much faster)."""
        out: list[tuple[Stance, float] | None] = [None] * len(pairs)
        by_model: dict[int, list[int]] = {}
        for i, (claim, _) in enumerate(pairs):
            by_model.setdefault(id(self.model_for(claim)), []).append(i)
        for idx in by_model.values():
            model = self.model_for(pairs[idx[0]][0])
            probs = model.probabilities([pairs[i][0] for i in idx], [pairs[i][1] for i in idx])
            for i, p in zip(idx, probs, strict=True):
                label = max(p, key=lambda k: p[k])
                out[i] = (_stance(label), p[label])
        return [v for v in out if v is not None]

    def predict_many(self, pairs: Sequence[tuple[str, str]]) -> list[Prediction]:
        """predict() for many caller-given pairs, with the model run as one batch."""
        for claim, evidence in pairs:
            if not claim.strip() or not evidence.strip():
                raise ValueError("claim and evidence must both be non-empty")
        verdicts = self.classify_many(pairs)
        return [
            self.predict(c, e, model_verdict=v) for (c, e), v in zip(pairs, verdicts, strict=True)
        ]

    def predict(
        self,
        claim: str,
        evidence: str,
        claim_quantities: Sequence[Quantity] | None = None,
        *,
        evidence_kind: str = "article",
        rating: str | None = None,
        model_verdict: tuple[Stance, float] | None = None,
    ) -> Prediction:
        """(stance, score 0..1, one-line English reason) for a pair taken to be about the same
        fact: a caller-given pair, or a retrieved passage the same-fact model let through.

        `model_verdict` is the trained model's (label, probability) when already computed
        in a batch (predict_many); otherwise the model is asked here if needed.
        """
        if not claim.strip() or not evidence.strip():
            raise ValueError("claim and evidence must both be non-empty")
        c, e = text_cues(claim), text_cues(evidence)
        overlap = len(c.terms & e.terms) / len(c.terms) if c.terms else 0.0
        if evidence_kind == "factcheck" and rating:
            return _factcheck(rating, overlap, model_verdict or self.classify(claim, evidence))
        figure = _figure_cue(c, e, claim_quantities)
        if figure is not None:
            return figure
        stance, prob = model_verdict or self.classify(claim, evidence)
        # Denial and negation words decide only when the model sees a stance at all, and in
        # a text of about the claim's size: a long passage has some "not" about anything.
        comparable = len(e.terms) <= COMPARABLE * max(1, len(c.terms))
        denial = _denial_cue(c, e) if stance != "neutral" and comparable else None
        if denial is not None:
            return denial
        return stance, round(prob, 3), _model_reason(stance, overlap)


def _stance(label: str) -> Stance:
    if label == "supports":
        return "supports"
    if label == "contradicts":
        return "contradicts"
    return "neutral"


def _factcheck(rating: str, overlap: float, verdict: tuple[Stance, float]) -> Prediction:
    """A prior fact-check's rating decides, unless the claim states the checked claim's
    opposite (an article debunking it): then the rating says nothing sure about the claim."""
    if overlap < RELATED:
        return "neutral", round(overlap, 3), f"A fact-check (rated {rating}) of a different claim."
    if verdict[0] == "contradicts" and verdict[1] >= FLIPPED:
        return (
            "neutral",
            round(verdict[1], 3),
            f"A fact-check rated {rating}, but the claim seems to state the opposite of the "
            "checked claim: review.",
        )
    if rating in AGAINST:
        return "contradicts", RATED, f"A prior fact-check of this claim rated it {rating}."
    if rating in FOR:
        return "supports", RATED, "A prior fact-check of this claim rated it true."
    return "neutral", RATED, f"A prior fact-check of this claim rated it {rating}."


def _figure_cue(
    c: TextCues, e: TextCues, quantities: Sequence[Quantity] | None
) -> Prediction | None:
    claim_figures = (
        [Figure(q.value, unit_of(q.unit), q.text) for q in quantities] if quantities else c.figures
    )
    same, clash = None, None
    for cf in claim_figures:
        if not cf.unit:
            continue  # a bare number says too little about which quantity it measures
        for ef in e.figures:
            if ef.unit != cf.unit:
                continue
            if _close(cf.value, ef.value):
                same = (cf, ef)
            elif clash is None:
                clash = (cf, ef)
    if same:
        cf, ef = same
        return "supports", 0.8, f"Reports the same figure ({ef.text}) as the claim ({cf.text})."
    if clash:
        cf, ef = clash
        return "contradicts", 0.8, f"Reports {ef.text} where the claim says {cf.text}."
    return None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= FIGURE_TOLERANCE * max(abs(a), abs(b))


def _denial_cue(c: TextCues, e: TextCues) -> Prediction | None:
    if e.denials and not c.denials:
        return "contradicts", 0.7, "Reports a denial of what the claim asserts."
    if e.negations and not c.negations:
        return "contradicts", 0.6, "States the negation of what the claim asserts."
    return None


def _share(overlap: float) -> str:
    return f"{round(overlap * 100)}% of the claim's terms in common"


def _model_reason(stance: Stance, overlap: float) -> str:
    share = _share(overlap)
    if stance == "supports":
        return f"Reports the same fact in other words ({share})."
    if stance == "contradicts":
        return f"Reports the same event with a conflicting detail ({share})."
    return f"About the same topic without confirming or denying the claim ({share})."


def from_file(path: Path) -> StanceModel:
    if not path.is_file():
        raise FileNotFoundError(
            f"stance model not found at {path}; train it with `python -m workers.xref.train_stance`"
        )
    bundle = joblib.load(path)
    return StanceModel(
        {lang: LanguageModel(m["featurizer"], m["classifier"]) for lang, m in bundle.items()}
    )


@cache
def load_stance_model(path: Path = MODEL_PATH) -> StanceModel:
    """The shipped stance model, loaded once per process."""
    return from_file(path)
