"""Arabic normalisation for matching and search (never for display: offsets stay on raw text)."""

from __future__ import annotations

import re

import pyarabic.araby as araby

# One translation table for every fold (a single pass over the text: this runs on every
# archived sentence): diacritics and tatweel dropped, alef/hamza forms unified, taa marbuta
# -> haa, alef maqsura -> yaa, Arabic-Indic digits -> ASCII.
_FOLD = str.maketrans(
    {
        **{ch: None for ch in (*araby.TASHKEEL, araby.TATWEEL)},
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        **dict(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True)),
    }
)
_PROCLITICS = ("وال", "بال", "كال", "فال", "لل", "ال")
_SINGLE_PROCLITICS = ("و", "ب", "ل", "ف", "ك")
_TOKEN = re.compile(r"\w+", re.UNICODE)


def normalize(text: str) -> str:
    """Fold the spelling variants that do not change meaning for matching.

    Removes diacritics and tatweel, unifies alef/hamza forms, taa marbuta -> haa,
    alef maqsura -> yaa, Arabic-Indic digits -> ASCII, lower-cases Latin letters.
    """
    return text.translate(_FOLD).lower()


def strip_clitics(token: str) -> str:
    """Drop the article and attached conjunction/preposition from a *normalised* token."""
    for prefix in _PROCLITICS:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            return token[len(prefix) :]
    if len(token) >= 4 and token[0] in _SINGLE_PROCLITICS:
        return token[1:]
    return token


def tokens(text: str) -> list[str]:
    """Normalised tokens without clitics: the unit the matchers compare."""
    return [strip_clitics(tok) for tok in _TOKEN.findall(normalize(text))]


# A letter outside the Arabic block (digits and "_" are \w but no letters).
_OTHER_LETTER = re.compile(r"[^\W\d_\u0600-\u06ff]")


def is_arabic(text: str) -> bool:
    """Are most letters of `text` Arabic? (A text with no other letter needs one scan.)"""
    if not _OTHER_LETTER.search(text):
        return any(c.isalpha() for c in text)
    letters = [c for c in text if c.isalpha()]
    return (
        bool(letters) and sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters) > 0.5
    )
