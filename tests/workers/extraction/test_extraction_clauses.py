"""Clause splitting inside a shared segment."""

from __future__ import annotations

from workers.extraction.clauses import split_clauses


def _texts(text: str, language: str) -> list[str]:
    return [text[s:e] for s, e in split_clauses(text, 0, len(text), language)]


def test_background_then_new_source_is_split() -> None:
    text = (
        "وترتبط تركيا بعدة علاقات متشابكة مع داعش، حيث إنه الشهر الماضي، كشف موقع "
        "“نورديك مونيتور” السويدي، أن أنقرة مستمرة في التعاون مع الإرهابيين."
    )
    parts = _texts(text, "ar")
    assert parts[0] == "وترتبط تركيا بعدة علاقات متشابكة مع داعش"
    assert parts[1].startswith("حيث إنه الشهر الماضي")
    assert len(parts) == 2


def test_elaboration_stays_with_the_reported_content() -> None:
    text = (
        "أفادت الوزارة أن التنظيم ظهر مجددا في العراق وسوريا، حيث انهزم جغرافيا إلا أنه "
        "قادر على التحرك."
    )
    assert _texts(text, "ar") == [text]


def test_semicolon_and_english_while() -> None:
    text = "Prices rose by ten percent last year; exports fell sharply in the same period."
    assert len(_texts(text, "en")) == 2
    text2 = "The army took the town on Monday, while rebels said they had killed 20 soldiers."
    assert _texts(text2, "en") == [
        "The army took the town on Monday",
        "while rebels said they had killed 20 soldiers.",
    ]
