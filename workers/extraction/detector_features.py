"""Features of the trained claim detector: character n-grams of the clause plus the rule cues.

Shared by training (`train_detector`) and scoring (`detector`), so both see the same numbers.
Text is normalised before the n-grams are taken (Arabic letter variants folded, digits to 0,
links and @handles to a placeholder): the detector should learn "has a figure" or "cites an
account", not which figure or which account.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer

from workers.extraction import checkworthiness
from workers.extraction.checkworthiness import Candidate
from workers.nlp.arabic import normalize
from workers.nlp.char_ngrams import NgramCounts

_LINK = re.compile(r"https?://\S+|www\.\S+")
_HANDLE = re.compile(r"@\w+")
_DIGITS = re.compile(r"\d")
# Dense features: every cue of the rule scorer, and the rule score itself.
DENSE = (*checkworthiness.CUES, "rule_score")
DENSE_SCALE = 5.0  # the n-gram rows are unit length; this lets the cues weigh like many n-grams


def prepared(text: str) -> str:
    text = _HANDLE.sub(" @ ", _LINK.sub(" URL ", text))
    return _DIGITS.sub("0", normalize(text))


def dense(candidates: Sequence[Candidate]) -> np.ndarray:
    rows = []
    for c in candidates:
        values = checkworthiness.cue_values(c)
        cue_row = [values[name] for name in checkworthiness.CUES]
        rows.append([*cue_row, checkworthiness.rule_score(values)])
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(DENSE)) * DENSE_SCALE


def new_vectorizer(max_features: int) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, 4),
        min_df=3,
        max_features=max_features,
        sublinear_tf=True,
        dtype=np.float32,
    )


def features(
    vectorizer: TfidfVectorizer | NgramCounts, candidates: Sequence[Candidate]
) -> csr_matrix:
    """The detector's input rows for `candidates` (a fitted vectorizer)."""
    grams = vectorizer.transform([prepared(c.text) for c in candidates])
    return hstack([grams, csr_matrix(dense(candidates))], format="csr")
