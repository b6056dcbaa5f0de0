"""Denials and counter-claims reported by the article."""

from __future__ import annotations

from workers.extraction.denials import find_denials
from workers.extraction.tokens import words


def _d(text: str, language: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.by) for d in find_denials(text, words(text), language)]


def test_arabic_denial_noun_and_verb() -> None:
    assert _d("تربطهما علاقات رغم نفي أنقرة المستمرة", "ar") == [("نفي أنقرة", "أنقرة")]
    assert _d("ونفت وزارة الدفاع التركية أن تكون قواتها شاركت", "ar") == [
        ("نفت وزارة الدفاع التركية", "وزارة الدفاع التركية")
    ]


def test_english_denials() -> None:
    assert _d("Ankara denied the report.", "en") == [("Ankara denied", "Ankara")]
    assert _d("despite Ankara's denial", "en") == [("Ankara's denial", "Ankara")]


def test_no_denial() -> None:
    assert _d("أكد المرصد أن الهجوم وقع", "ar") == []
    assert _d("The ministry confirmed the attack.", "en") == []
