"""NgramCounts gives scikit-learn's own TF-IDF rows, word by word."""

from __future__ import annotations

import pickle

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from workers.nlp.char_ngrams import NgramCounts
from workers.xref.stance import MODEL_PATH, from_file

TEXTS = [
    "قال المرصد السوري إن 12 مدنيا قتلوا في غارة على إدلب أمس",
    "The monitor said  12 civilians\twere killed in Idlib",
    "a",
    "",
    "نفت أنقرة التقارير، وقالت الوزارة إن الرقم 100 مليون دولار غير صحيح",
    "US$ 100 million in ISIS cash reserves, the Treasury said.",
]


def test_rows_equal_scikit_learn_for_a_wider_float64_vectorizer() -> None:
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    vectorizer.fit(TEXTS * 2)
    expected = vectorizer.transform(TEXTS)
    got = NgramCounts(vectorizer).transform(TEXTS)
    assert got.dtype == np.float64
    assert expected.nnz == got.nnz
    assert abs(expected - got).max() < 1e-12


def test_stance_featurizer_uses_them_and_pickles_without_the_cache() -> None:
    model = from_file(MODEL_PATH)
    featurizer = model.models["ar"].featurizer
    rows = featurizer.transform(TEXTS[:2], TEXTS[4:])
    assert "_counts" in featurizer.__dict__  # built on first use
    expected = featurizer.chars.transform(TEXTS[:2])
    assert abs(featurizer._chars(TEXTS[:2]) - expected).max() < 1e-12
    copy = pickle.loads(pickle.dumps(featurizer))
    assert "_counts" not in copy.__dict__
    assert abs(copy.transform(TEXTS[:2], TEXTS[4:]) - rows).max() < 1e-12
