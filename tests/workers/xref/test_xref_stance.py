"""Stance: each contradiction cue, the relatedness gate, the trained model, bad input."""

from __future__ import annotations

import pytest

from contracts.record import Quantity
from workers.xref.stance import StanceModel, load_stance_model

CLAIM = "تنظيم داعش يمتلك احتياطيات نقدية في تركيا تقدر بنحو 100 مليون دولار"


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return load_stance_model()


def test_different_figure_for_same_quantity_contradicts(model: StanceModel) -> None:
    stance, score, reason = model.predict(
        CLAIM, "قدرت الخزانة احتياطيات داعش النقدية في تركيا بنحو 20 مليون دولار"
    )
    assert stance == "contradicts"
    assert "20 مليون دولار" in reason and score > 0.5


def test_figure_within_tolerance_supports(model: StanceModel) -> None:
    stance, _, reason = model.predict(
        CLAIM, "قدرت الخزانة احتياطيات داعش النقدية في تركيا بنحو 95 مليون دولار"
    )
    assert stance == "supports"
    assert "same figure" in reason


def test_claim_quantities_from_extraction_are_used(model: StanceModel) -> None:
    quantity = Quantity(value=1e8, unit="USD", text="100 مليون دولار", start=0, end=5)
    stance, _, _ = model.predict(
        "احتياطيات داعش في تركيا كبيرة",
        "احتياطيات داعش في تركيا تبلغ 300 مليون دولار",
        [quantity],
    )
    assert stance == "contradicts"


def test_figures_of_different_units_do_not_clash(model: StanceModel) -> None:
    _, _, reason = model.predict(CLAIM, "قتل 100 شخص في تركيا في هجوم لتنظيم داعش")
    assert "where the claim says" not in reason


def test_denial_contradicts(model: StanceModel) -> None:
    stance, _, reason = model.predict(
        "أنقرة تسهل سفر عناصر داعش إلى سوريا",
        "نفت أنقرة أن تكون تسهل سفر عناصر داعش إلى سوريا",
    )
    assert stance == "contradicts"
    assert "denial" in reason


def test_negation_contradicts(model: StanceModel) -> None:
    stance, _, reason = model.predict(
        "Turkey allowed the coalition to use its air bases",
        "Turkey has not allowed the coalition to use its air bases",
    )
    assert stance == "contradicts"
    assert "negation" in reason


def test_prior_factcheck_rated_false_contradicts(model: StanceModel) -> None:
    stance, _, reason = model.predict(
        "طرد الوفد السوري من مؤتمر المانحين في بروكسل",
        "طرد الوفد السوري المشارك في مؤتمر المانحين في بروكسل",
        evidence_kind="factcheck",
        rating="false",
    )
    assert (stance, "rated it false") == ("contradicts", reason.split("claim ")[-1].rstrip("."))


def test_prior_factcheck_of_another_claim_is_neutral(model: StanceModel) -> None:
    stance, _, _ = model.predict(
        CLAIM,
        "انقطاع التيار الكهربائي عن جميع أنحاء أوروبا",
        evidence_kind="factcheck",
        rating="false",
    )
    assert stance == "neutral"


def test_trained_model_separates_paraphrase_from_swapped_word(model: StanceModel) -> None:
    base = "ارتفاع أسعار النفط عالميا بعد قرار أوبك"
    assert model.classify(base, "أسعار النفط ترتفع عالميا بعد قرار أوبك")[0] == "supports"
    assert model.classify(base, "انخفاض أسعار النفط عالميا بعد قرار أوبك")[0] == "contradicts"


def test_blank_input_is_rejected(model: StanceModel) -> None:
    with pytest.raises(ValueError, match="non-empty"):
        model.predict(" ", "evidence")


def test_negation_counts_only_in_a_text_of_about_the_claims_size(model: StanceModel) -> None:
    claim = "Turkey allowed the coalition to use its air bases"
    long_passage = (
        "Turkey allowed the coalition to use its air bases this week, officials said, while "
        "opposition groups in the north complained that they had not been consulted about the "
        "deal, the refugees crossing the border, the shelling near Kobani or the curfew in Suruc."
    )
    assert "negation" not in model.predict(claim, long_passage)[2]
    short = "Turkey has not allowed the coalition to use its air bases"
    assert model.predict(claim, short)[0] == "contradicts"


def test_a_factcheck_of_the_opposite_claim_decides_nothing(model: StanceModel) -> None:
    # the article debunks the checked claim: its "false" rating does not make the claim false
    stance, _, reason = model.predict(
        "لم ترتفع أسعار النفط بعد قرار أوبك",
        "ارتفاع أسعار النفط عالميا بعد قرار أوبك",
        evidence_kind="factcheck",
        rating="false",
        model_verdict=("contradicts", 0.9),
    )
    assert stance == "neutral" and "opposite" in reason
