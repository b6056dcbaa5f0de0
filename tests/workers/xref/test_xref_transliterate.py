"""Consonant-skeleton keys shared by Arabic and Latin spellings of a name."""

from __future__ import annotations

import pytest

from workers.xref.terms import STOPWORDS_EN
from workers.xref.transliterate import KEY_PREFIX, key, latin_name_keys, skeleton


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("كوباني", "Kobani"),
        ("لافروف", "Lavrov"),
        ("جرابلس", "Jarablus"),
        ("أردوغان", "Erdogan"),
        ("الرقة", "Raqqah"),
        ("إدلب", "Idlib"),
        ("القامشلي", "Qamishli"),
        ("رفعت", "Rifaat"),
        ("الشدادي", "al-Shaddadi"),
    ],
)
def test_arabic_and_latin_spellings_share_a_skeleton(arabic: str, latin: str) -> None:
    assert skeleton(arabic) == skeleton(latin) != ""


def test_different_names_have_different_skeletons() -> None:
    assert skeleton("منبج") != skeleton("Idlib")
    assert skeleton("Putin") != skeleton("Obama")


def test_short_skeletons_give_no_key() -> None:
    assert key("أوباما") is None  # "bm": too ambiguous to match on
    assert key("Kobani") == KEY_PREFIX + "kbn"


def test_latin_name_keys_take_capitalised_words_only() -> None:
    keys = latin_name_keys("The fighters of Jarablus met officials in Kobani.", STOPWORDS_EN)
    assert keys == [KEY_PREFIX + "jrbls", KEY_PREFIX + "kbn"]
