"""The same-fact model: features, and the shipped model's behaviour on clear cases."""

from __future__ import annotations

from pathlib import Path

import joblib
import pytest

from workers.xref.archive import Passage
from workers.xref.same_fact import MODEL_PATH, load_same_fact_model
from workers.xref.same_fact_features import FEATURES, ClaimView, candidate_features
from workers.xref.terms import passage_terms

CLAIM = "كشف المرصد السوري لحقوق الإنسان أن 4 من أمراء داعش يتواجدون في صفوف الجيش الوطني"


def passage(text: str, score: float = 1.0, doc_id: str = "d") -> Passage:
    return Passage(
        doc_id=doc_id,
        kind="article",
        article_id=doc_id,
        revision=1,
        title=None,
        outlet=None,
        url=None,
        published_at=None,
        language="ar",
        claimant=None,
        rating=None,
        text=text,
        start=0,
        end=len(text),
        score=score,
        terms=" ".join(passage_terms(text)),
    )


def features(text: str) -> dict[str, float]:
    (row,) = candidate_features(ClaimView.of(CLAIM), [passage(text)])
    return dict(zip(FEATURES, row, strict=True))


def test_features_tell_a_clashing_figure_from_the_same_one() -> None:
    same = features("أفاد المرصد السوري لحقوق الإنسان بأن 4 من أمراء داعش في صفوف الجيش الوطني")
    other = features("أفاد المرصد السوري لحقوق الإنسان بأن 12 من أمراء داعش في صفوف الجيش الوطني")
    assert (same["figure_match"], same["figure_clash"]) == (1.0, 0.0)
    assert (other["figure_match"], other["figure_clash"]) == (0.0, 1.0)
    assert same["entity_share"] == 1.0  # the observatory and ISIS are both named


def test_features_measure_the_claim_not_the_passage_length() -> None:
    short = features("4 من أمراء داعش يتواجدون في صفوف الجيش الوطني")
    longer = features(
        "4 من أمراء داعش يتواجدون في صفوف الجيش الوطني، فيما تواصلت الاشتباكات في ريف حلب "
        "الشمالي بين فصائل المعارضة وقوات النظام خلال الأيام الماضية"
    )
    assert short["coverage"] == longer["coverage"]
    assert short["bigram_share"] == longer["bigram_share"]


def test_candidates_are_ranked_relative_to_the_best() -> None:
    rows = candidate_features(
        ClaimView.of(CLAIM), [passage("أمراء داعش", 0.8, "a"), passage("الجيش", 0.4, "b")]
    )
    got = [(r[FEATURES.index("relative_retrieval")], r[FEATURES.index("rank")]) for r in rows]
    assert got == [(1.0, 0.0), (0.5, 1.0)]


def test_shipped_model_accepts_a_restatement_and_rejects_a_neighbour() -> None:
    model = load_same_fact_model()
    restated = passage("أفاد المرصد السوري لحقوق الإنسان بأن 4 من أمراء داعش باتوا في الجيش الوطني")
    neighbour = passage("أمطار غزيرة على السواحل الشمالية مع انخفاض درجات الحرارة", 0.2)
    (probs,) = model.probabilities([(ClaimView.of(CLAIM), [restated, neighbour])])
    assert probs[0] > 0.9 > 0.1 > probs[1]


def test_shipped_model_file_is_small_and_names_its_features() -> None:
    bundle = joblib.load(MODEL_PATH)
    assert tuple(bundle["features"]) == FEATURES
    assert MODEL_PATH.stat().st_size < 20_000_000
    assert bundle["cv"]["average_precision"] > 0.6  # grouped cross-validation at training


def test_a_model_trained_on_other_features_is_refused(tmp_path: Path) -> None:
    bundle = joblib.load(MODEL_PATH)
    joblib.dump({**bundle, "features": ("coverage",)}, tmp_path / "old.joblib")
    with pytest.raises(ValueError, match="retrain"):
        load_same_fact_model.__wrapped__(tmp_path / "old.joblib")
