"""Rule cues for stance: negation and denial words, figures in free text.

Shared by the trained model's features (workers.xref.stance_features) and the explicit
contradiction rules (workers.xref.stance), so both see the same words the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workers.nlp.arabic import normalize, strip_clitics
from workers.xref.terms import STOPWORDS_AR, STOPWORDS_EN, stem


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    text: str


# Normalised forms (ة -> ه, ى -> ي, hamza folded), matched after clitic stripping too.
NEGATIONS = frozenset(
    normalize(w)
    for w in [
        "لا",
        "لم",
        "لن",
        "ليس",
        "ليست",
        "ليسوا",
        "غير",
        "عدم",
        "دون",
        "بدون",
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "without",
        "cannot",
        "can't",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "won't",
    ]
)
DENIALS = frozenset(
    normalize(w)
    for w in [
        "نفى",
        "نفت",
        "ينفي",
        "تنفي",
        "نفي",
        "نفيه",
        "نفيها",
        "ينفون",
        "نفوا",
        "أنكر",
        "أنكرت",
        "ينكر",
        "تنكر",
        "إنكار",
        "كذب",
        "كذبت",
        "يكذب",
        "تكذيب",
        "رفض",
        "رفضت",
        "يرفض",
        "ترفض",
        "دحض",
        "دحضت",
        "يدحض",
        "زيف",
        "زائف",
        "كاذب",
        "كاذبة",
        "شائعة",
        "شائعات",
        "مزاعم",
        "ادعاءات",
        "مفبرك",
        "مضلل",
        "خطأ",
        "deny",
        "denies",
        "denied",
        "denial",
        "refute",
        "refutes",
        "refuted",
        "refuted",
        "reject",
        "rejects",
        "rejected",
        "dismiss",
        "dismissed",
        "debunk",
        "debunked",
        "false",
        "fake",
        "hoax",
        "baseless",
        "unfounded",
        "untrue",
        "misleading",
    ]
)
_DENIAL_PHRASES = tuple(
    normalize(p) for p in ("لا صحة", "لا أساس", "عار عن الصحة", "no evidence", "not true")
)


@dataclass(frozen=True)
class TextCues:
    """What the stance cues need from one text, computed once (claims repeat across pairs)."""

    tokens: tuple[str, ...]  # normalised surface tokens
    terms: frozenset[str]  # stemmed index terms without stop words
    negations: int
    denials: int
    figures: tuple[Figure, ...]


@lru_cache(maxsize=8192)
def text_cues(text: str) -> TextCues:
    folded = normalize(text)
    tokens = tuple(_WORDS.findall(folded))
    bare = [(t, strip_clitics(t)) for t in tokens]
    denials = sum(1 for t, b in bare if t in DENIALS or b in DENIALS)
    return TextCues(
        tokens=tokens,
        terms=frozenset(stem(t) for t in tokens if _is_term(t)),
        negations=sum(1 for t, b in bare if t in NEGATIONS or b in NEGATIONS),
        denials=denials + sum(folded.count(p) for p in _DENIAL_PHRASES),
        figures=tuple(_figures(folded)),
    )


def _is_term(tok: str) -> bool:
    if tok in STOPWORDS_AR or tok in STOPWORDS_EN:
        return False
    return len(tok) >= 2 or tok.isdigit()


def negation_count(text: str) -> int:
    return text_cues(text).negations


def denial_count(text: str) -> int:
    return text_cues(text).denials


# ---- figures -------------------------------------------------------------------------

_SCALES = {
    normalize(k): v
    for k, v in {
        "ألف": 1e3,
        "آلاف": 1e3,
        "الف": 1e3,
        "thousand": 1e3,
        "مليون": 1e6,
        "ملايين": 1e6,
        "million": 1e6,
        "millions": 1e6,
        "مليار": 1e9,
        "مليارات": 1e9,
        "billion": 1e9,
        "bn": 1e9,
        "m": 1e6,
        "k": 1e3,
    }.items()
}
_UNITS = {
    normalize(k): v
    for k, v in {
        "دولار": "USD",
        "دولارا": "USD",
        "دولارات": "USD",
        "$": "USD",
        "dollar": "USD",
        "dollars": "USD",
        "usd": "USD",
        "يورو": "EUR",
        "euro": "EUR",
        "euros": "EUR",
        "ليرة": "TRY",
        "ليرات": "TRY",
        "lira": "TRY",
        "ريال": "SAR",
        "riyal": "SAR",
        "جنيه": "GBP",
        "pound": "GBP",
        "pounds": "GBP",
        "قتيل": "dead",
        "قتيلا": "dead",
        "قتلى": "dead",
        "killed": "dead",
        "dead": "dead",
        "deaths": "dead",
        "جريح": "injured",
        "جريحا": "injured",
        "جرحى": "injured",
        "injured": "injured",
        "wounded": "injured",
        "لاجئ": "refugees",
        "لاجئا": "refugees",
        "لاجئين": "refugees",
        "refugees": "refugees",
        "شخص": "people",
        "شخصا": "people",
        "people": "people",
        "عنصر": "members",
        "عنصرا": "members",
        "عناصر": "members",
        "members": "members",
        "fighters": "fighters",
        "مقاتل": "fighters",
        "مقاتلا": "fighters",
        "مقاتلين": "fighters",
        "طفل": "children",
        "طفلا": "children",
        "أطفال": "children",
        "children": "children",
        "%": "percent",
        "بالمئة": "percent",
        "بالمائة": "percent",
        "percent": "percent",
        "أمراء": "emirs",
        "أمير": "emirs",
        "emirs": "emirs",
        "civilians": "civilians",
        "مدنيا": "civilians",
        "مدنيين": "civilians",
        "مدني": "civilians",
    }.items()
}
_NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*")
_WORDS = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)  # as workers.xref.terms
_TOKENS = re.compile(r"\d+(?:[.,]\d+)*|%|\$|[^\W\d_]+", re.UNICODE)


def figures(text: str) -> list[Figure]:
    """Numbers with the unit that follows them ("100 مليون دولار" -> 1e8 USD).

    A number's unit is the first known unit word within three tokens after it (a scale
    word multiplies); numbers without a recognised unit are kept with unit "" so that a
    bare figure can still be compared with a bare figure.
    """
    return list(text_cues(text).figures)


def figures_in(folded: str) -> list[Figure]:
    """`figures` of an already normalised text, without the rest of its cues (cheaper)."""
    return _figures(folded)


def _figures(folded: str) -> list[Figure]:
    toks = _TOKENS.findall(folded)
    out: list[Figure] = []
    for i, tok in enumerate(toks):
        if not _NUMBER_TOKEN.fullmatch(tok):
            continue
        value = _to_float(tok)
        if value is None or (1900 <= value <= 2100 and "." not in tok):
            continue  # years are dates, not quantities
        unit = "USD" if i > 0 and toks[i - 1] == "$" else ""
        span = [tok]
        for nxt in toks[i + 1 : i + 4]:
            bare = strip_clitics(nxt)
            if nxt in _SCALES or bare in _SCALES:
                value *= _SCALES.get(nxt, _SCALES.get(bare, 1.0))
                span.append(nxt)
                continue
            if (nxt in _UNITS or bare in _UNITS) and not unit:
                unit = _UNITS.get(nxt) or _UNITS[bare]
                span.append(nxt)
                break
            if _NUMBER_TOKEN.fullmatch(nxt):
                break
        out.append(Figure(value, unit, " ".join(span)))
    return out


def _to_float(tok: str) -> float | None:
    cleaned = tok.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", tok) else tok
    cleaned = cleaned.replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def unit_of(unit: str) -> str:
    """Map a contracts Quantity unit (ISO code or lower-case noun) onto our unit names."""
    folded = normalize(unit)
    return _UNITS.get(folded, unit.upper() if len(unit) == 3 and unit.isalpha() else folded)
