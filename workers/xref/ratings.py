"""Publishers' free-text fact-check ratings (Arabic and English) mapped to one fixed scale."""

from __future__ import annotations

import re
from typing import Literal

from workers.nlp.arabic import normalize

Rating = Literal[
    "true", "partly_true", "misleading", "false", "altered", "satire", "unproven", "other"
]
RATINGS: tuple[Rating, ...] = (
    "true",
    "partly_true",
    "misleading",
    "false",
    "altered",
    "satire",
    "unproven",
    "other",
)
# Ratings that, when a prior fact-check matches a claim, count against it.
AGAINST: frozenset[Rating] = frozenset({"false", "misleading", "altered"})
FOR: frozenset[Rating] = frozenset({"true"})

# Ordered: the first pattern found in the normalised rating wins, so the qualified forms
# ("partly false", "not true") are tried before the bare words they contain.
_RULES: tuple[tuple[Rating, tuple[str, ...]], ...] = (
    (
        "partly_true",
        (
            r"غير صحيح جزئيا",
            r"صحيح جزئيا",
            r"زائف جزئي",
            r"نصف حقيقي",
            r"partly (?:true|false)",
            r"partially (?:true|false)",
            r"half[ -]true",
            r"mixture",
            r"mostly true",
        ),
    ),
    (
        "altered",
        (
            r"معدل",
            r"مفبرك",
            r"ذكاء اصطناعي",
            r"مركب",
            r"altered",
            r"doctored",
            r"manipulated",
            r"fabricated",
            r"\bai[- ]generated",
        ),
    ),
    (
        "misleading",
        (
            r"مضلل",
            r"تضليل",
            r"سياق ناقص",
            r"سياق مجتزا",
            r"محتوي ناقص",
            r"ناقص",
            r"قديم",
            r"misleading",
            r"missing context",
            r"out of context",
            r"excitement",
            r"exaggerat",
            r"مبالغ",
        ),
    ),
    (
        "false",
        (
            r"غير صحيح",
            r"ليس صحيح",
            r"غير دقيق",
            r"مش حقيقي",
            r"غير حقيقي",
            r"زائف",
            r"كاذب",
            r"خطا",
            r"خاطي",
            r"مزيف",
            r"اشاعه",
            r"شائعه",
            r"ملفق",
            r"\bfalse\b",
            r"\bfake\b",
            r"\bfaux\b",
            r"incorrect",
            r"\bwrong\b",
            r"pants on fire",
            r"\bhoax\b",
            r"not true",
            r"mostly false",
        ),
    ),
    ("satire", (r"ساخر", r"sarcas", r"satire", r"satirical")),
    (
        "unproven",
        (
            r"غير مثبت",
            r"لا دليل",
            r"غير مؤكد",
            r"unproven",
            r"unverified",
            r"no evidence",
            r"unsupported",
        ),
    ),
    (
        "true",
        (
            r"صحيح",
            r"حقيقي",
            r"دقيق",
            r"\btrue\b",
            r"\bcorrect\b",
            r"accurate",
            r"\bverified\b",
        ),
    ),
)
# Patterns go through the same normaliser as the ratings (ئ -> ي, ة -> ه, no diacritics).
_COMPILED = tuple(
    (rating, re.compile("|".join(normalize(p) for p in pats))) for rating, pats in _RULES
)
_FINAL_VERDICT = re.compile(
    normalize(r"(?:تصنيف الادعاء على أنه|وجد أنه|تبين أنه|اتضح أنه|هذا الادعاء|أن الادعاء)\s+(\w+)")
)


def normalize_rating(text: str | None) -> Rating:
    """Map a publisher's rating ("مضلّل", "Fake", "صحيح جزئياً", a long verdict) to the scale."""
    if not text or not text.strip():
        return "other"
    folded = " ".join(normalize(text).split())
    # Long free-text verdicts ("... قرر الفريق تصنيف الادعاء على أنه مضلل ..."): the
    # stated verdict word outranks every other rating word mentioned in the reasoning.
    if len(folded) > 60:
        for match in _FINAL_VERDICT.finditer(folded):
            verdict = _match(match.group(1))
            if verdict != "other":
                return verdict
    return _match(folded)


def _match(folded: str) -> Rating:
    for rating, pattern in _COMPILED:
        if pattern.search(folded):
            return rating
    return "other"
