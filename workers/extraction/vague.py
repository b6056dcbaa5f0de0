"""Vague sources: mentions that point at nobody identifiable ("local reports", "sources")."""

from __future__ import annotations

from functools import lru_cache

from workers.extraction.tokens import Word, norm_set, variants, word_set
from workers.nlp.arabic import strip_clitics

VAGUE_HEADS_AR = norm_set(
    """
    تقارير تقرير مصادر مصدر ناشطون ناشطين نشطاء شهود مراقبون مراقبين أنباء أوساط وسائل
    مواقع منصات روايات مسؤولون مسؤولين مصادرنا معلومات أخبار صحف جهات مسؤول مسؤولة
    متحدث ناطق مصدرا باحثون باحثين خبراء محللون محللين سكان مواطنون مواطنين
    شهود عيان مقربون مقربين دبلوماسيون دبلوماسيين
    """
)
# "أحد المختطفين", "إحدى الوكالات": one unnamed member of a group.
ONE_OF_AR = norm_set("أحد احد إحدى احدى")
# Quantifiers dropped from the front of a vague mention ("العديد من التقارير المحلية").
QUANTIFIER_PREFIXES_AR = (("العديد", "من"), ("عدد", "من"), ("بعض",), ("عدة",), ("كثير", "من"))
VAGUE_HEADS_EN = word_set("""
    reports report sources source officials official activists witnesses residents media
    observers analysts experts people accounts rumours rumors insiders
    """)
_EN_DETERMINERS = word_set("a an the some several many local unnamed anonymous informed")


_QUANTIFIERS_STRIPPED = tuple(
    tuple(strip_clitics(p) for p in prefix) for prefix in QUANTIFIER_PREFIXES_AR
)


@lru_cache(maxsize=100_000)
def _stripped_forms(norm: str) -> frozenset[str]:
    return frozenset(strip_clitics(form) for form in variants(norm))


def quantifier_length(ws: list[Word]) -> int:
    """How many leading words are a quantifier to drop ("العديد من")."""
    for prefix in _QUANTIFIERS_STRIPPED:
        if len(ws) > len(prefix) and all(
            p in _stripped_forms(w.norm) for w, p in zip(ws, prefix, strict=False)
        ):
            return len(prefix)
    return 0


def _is_group_plural(norm: str) -> bool:
    """An indefinite plural of a group ("مسيحيون", "سوريون", "عراقيين"): unnamed members
    of it. Names do not take the plural nisba ending."""
    return not norm.startswith("ال") and len(norm) >= 6 and norm.endswith(("يون", "يين"))


def is_vague(ws: list[Word], language: str) -> bool:
    """A mention is vague when its head noun names a kind of source, not a source."""
    if not ws:
        return False
    if language == "ar":
        head = ws[quantifier_length(ws)]
        if head.norm in ONE_OF_AR:
            return True
        if strip_clitics(head.norm) in ("متحدث", "ناطق") and len(ws) > 1:
            return False  # "متحدث باسم شرطة العاصمة": speaks for a named body
        return _is_group_plural(head.norm) or any(
            strip_clitics(form) in VAGUE_HEADS_AR or form in VAGUE_HEADS_AR
            for form in variants(head.norm)
        )
    content = [w for w in ws if w.norm not in _EN_DETERMINERS]
    if not content:
        return False
    # "sources close to the ministry", "local reports": the head is the first content noun.
    return content[0].norm in VAGUE_HEADS_EN or (
        len(content) <= 2 and content[-1].norm in VAGUE_HEADS_EN
    )
