"""Language identification with lingua (restricted to the languages we expect, for speed)."""

from __future__ import annotations

from functools import cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

_LANGUAGES = {
    Language.ARABIC: "ar",
    Language.ENGLISH: "en",
    Language.FRENCH: "fr",
    Language.TURKISH: "tr",
    Language.PERSIAN: "fa",
    Language.GERMAN: "de",
    Language.SPANISH: "es",
}


@cache
def _detector() -> LanguageDetector:
    return (
        LanguageDetectorBuilder.from_languages(*_LANGUAGES).with_preloaded_language_models().build()
    )


def detect(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the dominant language of `text`, or `default` when undecidable."""
    if not text.strip():
        return default
    found = _detector().detect_language_of(text[:2000])
    return _LANGUAGES.get(found, default) if found else default
