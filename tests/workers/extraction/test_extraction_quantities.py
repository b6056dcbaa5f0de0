"""Quantities: digits, number words, scales, currencies, counted nouns, approximations."""

from __future__ import annotations

from workers.extraction.quantities import find_quantities
from workers.extraction.tokens import words


def _q(text: str, language: str) -> list[tuple[float, str, bool, str]]:
    found = find_quantities(text, words(text), language)
    return [(q.value, q.unit, q.approx, q.text) for q in found]


def test_arabic_currency_scale_and_approx() -> None:
    text = "احتياطيات تقدر بنحو 100 مليون دولار"
    assert _q(text, "ar") == [(100_000_000, "USD", True, "نحو 100 مليون دولار")]


def test_arabic_counted_noun_with_min() -> None:
    assert _q("إن 4 من أمراء التنظيم يتواجدون", "ar") == [(4, "emir", False, "4 من أمراء")]


def test_arabic_indic_digits_and_separators() -> None:
    assert _q("قتل ١٢٬٥٠٠ مدني", "ar") == [(12_500, "civilian", False, "١٢٬٥٠٠ مدني")]


def test_arabic_number_words_duals_and_plurals() -> None:
    assert _q("فر أربعة آلاف لاجئ", "ar") == [(4000, "refugee", True, "أربعة آلاف لاجئ")]
    assert _q("بلغت الخسائر مليوني ليرة تركية", "ar") == [(2e6, "TRY", False, "مليوني ليرة تركية")]
    assert _q("أصيب عشرات المدنيين", "ar")[0][:3] == (10, "civilian", True)


def test_arabic_unknown_noun_kept_in_arabic() -> None:
    assert _q("صادرت الشرطة 3 سيارات", "ar")[0][:2] == (3, "سيارات")


def test_english_currency_percent_and_approx() -> None:
    assert _q("The fund holds about $2.5 billion.", "en") == [
        (2.5e9, "USD", True, "about $2.5 billion")
    ]
    assert _q("Unemployment rose to 7.5% last year.", "en") == [(7.5, "percent", False, "7.5%")]
    assert _q("More than 3,000 people fled.", "en") == [
        (3000, "person", True, "More than 3,000 people")
    ]


def test_years_codes_and_dates_are_not_quantities() -> None:
    assert _q("In 2015 the COVID-19 plan was drafted on 5 March.", "en") == []
    assert _q("في عام 2015 صدر القرار 2254", "ar") == [(2254, "count", False, "2254")]
