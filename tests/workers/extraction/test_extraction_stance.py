"""Stance cues: each marker of talk to or for someone fires on its own (Arabic, English)."""

from __future__ import annotations

import pytest

from workers.extraction.markup import content_words, markup_spans
from workers.extraction.stance import Stance, stance_of
from workers.extraction.tokens import words


def _stance(text: str, language: str) -> Stance:
    return stance_of(content_words(words(text), markup_spans(text)), text, language)


def _fired(stance: Stance) -> set[str]:
    return {name for name, value in stance.__dict__.items() if value}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("أنا متأكد من أن القرار صدر متأخرا", "first_person"),
        ("أنتم تعرفون ما جرى في المدينة", "second_person"),
        ("يا أهل المدينة الحصار مستمر", "vocative"),
        ("ياجماعة الحصار مستمر منذ شهر", "vocative"),
        ("والله الحصار مستمر منذ شهر", "oath"),
        ("سيعود الأهالي إلى بيوتهم بإذن الله", "prayer"),
        ("ليت الحصار ينتهي هذا الشهر", "wish"),
        ("لن يدخلوا المدينة مهما حاولوا", "prediction"),
        ("كونوا على ثقة بالجيش", "command"),
        ("هؤلاء الخونة باعوا البلد", "abuse"),
        ("الحكومة تعد بحل الأزمة هههههه", "laughter"),
        ("الحكومة تعد بحل الأزمة!!", "exclamation"),
    ],
)
def test_arabic_cue(text: str, cue: str) -> None:
    assert cue in _fired(_stance(text, "ar"))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("I swear the siege is still going on", "oath"),
        ("God bless the people of this city", "prayer"),
        ("Hopefully the siege ends this month", "wish"),
        ("The government promises to fix it lol", "laughter"),
        ("The government promises to fix it!!", "exclamation"),
    ],
)
def test_english_cue(text: str, cue: str) -> None:
    assert cue in _fired(_stance(text, "en"))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("قتل 12 مدنيا في غارة جوية على ريف إدلب أمس", "ar"),
        ("وأعلنت وزارة الصحة تسجيل 120 إصابة جديدة", "ar"),
        ("ياسر عرفات وقع الاتفاق عام 1993", "ar"),  # a name, not a vocative
        ("Unemployment fell to 4.1 percent in March.", "en"),
        ("You voted for the bill in 2003.", "en"),  # debate address is no stance cue
    ],
)
def test_plain_reports_show_no_stance(text: str, language: str) -> None:
    assert _fired(_stance(text, language)) == set()


def test_laughter_emoji_is_passed_in() -> None:
    ws = words("الحكومة تعد بحل الأزمة")
    assert not stance_of(ws, "الحكومة تعد بحل الأزمة", "ar").laughter
    assert stance_of(ws, "الحكومة تعد بحل الأزمة 😂", "ar", emoji_laughter=True).laughter


def test_cues_inside_hashtags_do_not_count() -> None:
    assert _fired(_stance("الجيش يسيطر على المدينة #لن_ننسى", "ar")) == set()
