"""The trained claim detector: the shipped file is what the training script makes, and it
scores news and tweets the way the cut-offs expect."""

from __future__ import annotations

import json

import pytest

from contracts.events import ArticleSubmitted
from workers.extraction.detector import from_file, positive_probability
from workers.extraction.detector_features import NgramCounts, features, new_vectorizer, prepared
from workers.extraction.extractor import candidates, extract_text
from workers.extraction.settings import MODEL_PATH, ExtractionSettings
from workers.extraction.train_detector import (
    arabic_examples,
    english_examples,
    fingerprint,
    train,
)


def _recorded() -> dict[str, str]:
    return json.loads(MODEL_PATH.with_suffix(".json").read_text())["fingerprints"]


def test_shipped_model_is_small_and_matches_its_recorded_fingerprints() -> None:
    assert MODEL_PATH.stat().st_size < 20_000_000
    detector = from_file(MODEL_PATH)
    assert {lang: fingerprint(m) for lang, m in detector.models.items()} == _recorded()


@pytest.mark.slow
@pytest.mark.shared
def test_training_script_reproduces_the_shipped_model() -> None:
    try:
        examples = {"ar": arabic_examples(), "en": english_examples()}
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    assert {lang: fingerprint(train(rows)) for lang, rows in examples.items()} == _recorded()


def test_scores_are_probabilities_per_language() -> None:
    detector = from_file(MODEL_PATH)
    text = "قال المرصد السوري إن 12 مدنيا قتلوا في غارة على إدلب أمس"
    cands = candidates(ArticleSubmitted(article_id="d", body=text, language="ar"))
    (score,) = detector.scores(cands)
    assert 0.5 < score.claim <= 1 and 0.5 < score.worthy <= 1
    question = candidates(ArticleSubmitted(article_id="q", body="هل ستفتح المدارس غدا؟"))
    assert detector.scores(question)[0].claim < 0.3


def test_thresholds_and_model_are_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFY_EXTRACTION_THRESHOLD_AR", "0.9")
    monkeypatch.setenv("VERIFY_EXTRACTION_USE_MODEL", "false")
    config = ExtractionSettings()
    assert config.threshold("ar") == config.rule_threshold_ar  # no model: the rule cut-off
    assert not config.use_model
    monkeypatch.setenv("VERIFY_EXTRACTION_USE_MODEL", "true")
    assert ExtractionSettings().threshold("ar") == 0.9


def test_news_sentences_keep_their_claims() -> None:
    text = "Ankara denied any role in the attack."
    assert [c.text for c in extract_text("n", text, "en")] == [text]


def test_cached_ngram_counts_give_scikit_learns_numbers() -> None:
    detector = from_file(MODEL_PATH)
    texts = [
        prepared(t)
        for t in (
            "قال المرصد السوري إن 12 مدنيا قتلوا في غارة على إدلب أمس",
            "The ministry said 40 people were killed.  Two  spaces\tand\ttabs",
            "", "x", "ab", "لا", "https://t.co/Xw @user #وسم 😂😂",
            "قال المرصد السوري إن 12 مدنيا قتلوا",  # words seen before: from the cache
        )
    ]
    for model in detector.models.values():
        expected = model.vectorizer.transform(texts)
        got = model.ngrams.transform(texts)
        assert got.shape == expected.shape and got.dtype == expected.dtype
        assert (got.indptr == expected.indptr).all() and (got.indices == expected.indices).all()
        assert (got.data == expected.data).all()


def test_positive_probability_is_predict_proba() -> None:
    detector = from_file(MODEL_PATH)
    body = "قال المرصد السوري إن 12 مدنيا قتلوا في غارة على إدلب أمس. هل ستفتح المدارس غدا؟"
    model = detector.models["ar"]
    x = features(model.ngrams, candidates(ArticleSubmitted(article_id="p", body=body)))
    for head in (model.claim, model.worthy):
        assert (positive_probability(head, x) == head.predict_proba(x)[:, 1]).all()


def test_ngram_counts_refuse_a_vectorizer_they_cannot_reproduce() -> None:
    vectorizer = new_vectorizer(100).set_params(analyzer="word")
    vectorizer.fit(["aa bb cc", "bb cc dd", "cc dd ee"] * 3)
    with pytest.raises(ValueError, match="char_wb"):
        NgramCounts(vectorizer)
