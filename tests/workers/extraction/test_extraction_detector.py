"""The trained claim detector: the shipped file is what the training script makes, and it
scores news and tweets the way the cut-offs expect."""

from __future__ import annotations

import json

import pytest

from contracts.events import ArticleSubmitted
from workers.extraction.detector import from_file
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
