"""Figures in the text: digits (Western and Arabic-Indic, with separators), number words,
scales (ألف، مليون، million), currencies (-> ISO code), counted nouns and approximations."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from contracts.record import Quantity
from workers.extraction.calendar_words import MONTHS_AR, MONTHS_EN
from workers.extraction.number_words import (
    CURRENCY_ADJECTIVES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    NOUNS_AR,
    PERCENT_WORDS,
    SCALES_AR,
    SCALES_EN,
    UNITS_AR,
    UNITS_EN,
    VAGUE_PLURALS_AR,
)
from workers.extraction.tokens import Word, gap_breaks, norm_set, variants, word_set
from workers.nlp.arabic import strip_clitics

APPROX_AR = norm_set("نحو حوالي حوالى قرابة زهاء يقارب يناهز تقريبا قرابه")
APPROX_PAIRS_AR = {
    tuple(p.split()) for p in ("اكثر من", "اقل من", "ازيد من", "يزيد عن", "يزيد علي", "يقل عن",
                               "ما يقارب", "ما يناهز")
}
APPROX_EN = word_set("about nearly around approximately roughly almost some over estimated")
APPROX_PAIRS_EN = {("more", "than"), ("less", "than"), ("at", "least"), ("up", "to"),
                   ("fewer", "than")}
_SKIP_NOUN_AR = norm_set("من في على إلى عن مع و أو ثم التي الذي الذين")
_IRREGULAR_EN = {"people": "person", "children": "child", "men": "man", "women": "woman",
                 "casualties": "casualty", "lives": "life"}
_EN_SKIP = word_set("of the a an and or to in on at for per")


@dataclass
class _Figure:
    first: int  # index of the first number word
    last: int  # index of the last word of the figure (number + scales)
    value: float
    approx: bool


def _digits(w: Word) -> bool:
    return w.norm.isdigit()


def _scale(w: Word, language: str) -> tuple[float, bool] | None:
    if language != "ar":
        return SCALES_EN.get(w.norm)
    return _scale_ar(w.norm)


@lru_cache(maxsize=100_000)
def _scale_ar(norm: str) -> tuple[float, bool] | None:
    for form in variants(norm):
        if form in SCALES_AR:
            return SCALES_AR[form]
        if form.startswith("ال") and form[2:] in SCALES_AR:  # "عشرات الآلاف"
            return SCALES_AR[form[2:]]
    return None


def _number_word(w: Word, language: str) -> tuple[float, bool] | None:
    if language != "ar":
        if w.norm in UNITS_EN:
            return UNITS_EN[w.norm], False
        return None
    return _number_word_ar(w.norm)


@lru_cache(maxsize=100_000)
def _number_word_ar(norm: str) -> tuple[float, bool] | None:
    for form in variants(norm):
        if form in UNITS_AR:
            return UNITS_AR[form], False
        if form in VAGUE_PLURALS_AR:
            return VAGUE_PLURALS_AR[form], True
    return None


def _join_digits(text: str, ws: list[Word], i: int) -> tuple[float, int]:
    """The value of the digit groups starting at word i ("4,000", "3.5", "١٠٠٫٥")."""
    digits = ws[i].norm
    j = i
    while j + 1 < len(ws) and _digits(ws[j + 1]):
        sep = text[ws[j].end : ws[j + 1].start]
        if sep in (",", "٬") and len(ws[j + 1].norm) == 3:
            digits += ws[j + 1].norm
        elif sep in (".", "٫") and "." not in digits:
            digits += "." + ws[j + 1].norm
        else:
            break
        j += 1
    return float(digits), j


def _is_code_or_date(text: str, ws: list[Word], i: int, j: int, language: str) -> bool:
    w = ws[i]
    before = text[w.start - 1] if w.start > 0 else " "
    after = text[ws[j].end] if ws[j].end < len(text) else " "
    if before.isalpha() or before in "-_/:" or after.isalpha() or after in "-_/:":
        return True  # COVID-19, S-400, 10:30, 2020/03
    neighbours = [ws[k] for k in (i - 1, j + 1) if 0 <= k < len(ws)]
    months = MONTHS_AR if language == "ar" else MONTHS_EN
    return any(any(form in months for form in variants(n.norm)) for n in neighbours)


def _figure_at(text: str, ws: list[Word], i: int, language: str) -> _Figure | None:
    w = ws[i]
    approx = False
    if _digits(w):
        if _is_code_or_date(text, ws, i, _join_digits(text, ws, i)[1], language):
            return None
        value, last = _join_digits(text, ws, i)
    else:
        word = _number_word(w, language) or _scale(w, language)
        if word is None:
            return None
        value, approx = word
        last = i
    while last + 1 < len(ws) and not gap_breaks(text, ws[last], ws[last + 1]):
        scale = _scale(ws[last + 1], language)
        if scale is None:
            break
        value *= scale[0]
        approx = approx or scale[1]
        last += 1
    return _Figure(i, last, value, approx)


def _approx_before(ws: list[Word], i: int, language: str) -> int | None:
    """Start index of an approximation marker right before word i ("بنحو", "more than")."""
    singles, pairs = (APPROX_AR, APPROX_PAIRS_AR) if language == "ar" else (APPROX_EN,
                                                                           APPROX_PAIRS_EN)
    if i >= 1 and any(form in singles for form in variants(ws[i - 1].norm)):
        return i - 1
    if i >= 2:
        first = ws[i - 2].norm
        pair_firsts = [first, *([first[1:]] if first[:1] in "وب" else [])]
        if any((f, ws[i - 1].norm) in pairs for f in pair_firsts):
            return i - 2
    return None


def _unit(text: str, ws: list[Word], fig: _Figure, language: str) -> tuple[str | None, int]:
    """(unit, index of the last word used) for the figure."""
    last = fig.last
    end = ws[last].end
    if text[end : end + 1] in ("%", "٪"):
        return "percent", last
    before = text[max(0, ws[fig.first].start - 3) : ws[fig.first].start].strip()
    for symbol, code in CURRENCY_SYMBOLS.items():
        if before.endswith(symbol):
            return code, last
    prev = ws[fig.first - 1] if fig.first >= 1 else None
    if prev is not None and prev.norm in CURRENCY_WORDS and prev.text.isupper():
        return CURRENCY_WORDS[prev.norm], last
    nxt = ws[last + 1] if last + 1 < len(ws) else None
    if nxt is None or gap_breaks(text, ws[last], nxt):
        return None, last
    for form in variants(nxt.norm):
        if form in PERCENT_WORDS:
            return "percent", last + 1
        if form in CURRENCY_WORDS:
            code = CURRENCY_WORDS[form]
            adj = ws[last + 2] if last + 2 < len(ws) else None
            if adj is not None and adj.norm in CURRENCY_ADJECTIVES:
                return CURRENCY_ADJECTIVES[adj.norm], last + 2
            return code, last + 1
    if nxt.norm == "في" and last + 2 < len(ws) and ws[last + 2].norm in PERCENT_WORDS:
        return "percent", last + 2
    if language == "ar":
        return _arabic_noun(text, ws, last)
    return _english_noun(ws, last)


def _arabic_noun(text: str, ws: list[Word], last: int) -> tuple[str | None, int]:
    k = last + 1
    if ws[k].norm == "من" and k + 1 < len(ws) and not gap_breaks(text, ws[k], ws[k + 1]):
        k += 1  # "4 من أمراء التنظيم"
    noun = ws[k]
    if noun.norm in _SKIP_NOUN_AR or noun.norm.isdigit():
        return None, last
    for form in variants(noun.norm):
        bare = strip_clitics(form) if form.startswith("ال") else form
        if bare in NOUNS_AR:
            return NOUNS_AR[bare], k
    text_noun = noun.text[2:] if noun.norm.startswith("ال") else noun.text
    return text_noun, k


def _english_noun(ws: list[Word], last: int) -> tuple[str | None, int]:
    for k in (last + 1, last + 2):
        if k >= len(ws):
            break
        word = ws[k]
        if word.norm in _EN_SKIP or word.norm.isdigit():
            if word.norm == "of" and k == last + 1:
                continue  # "hundreds of people"
            break
        if word.text[:1].isupper() and k == last + 1:
            continue  # "40 Syrian civilians": skip the adjective
        noun = word.norm
        if noun in _IRREGULAR_EN:
            return _IRREGULAR_EN[noun], k
        if noun.endswith("ies") and len(noun) > 4:
            return noun[:-3] + "y", k
        if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
            return noun[:-1], k
        return noun, k
    return None, last


_YEAR_WORDS = norm_set("عام العام سنة السنة لعام year in since")


def _looks_like_year(fig: _Figure, ws: list[Word], unit: str | None) -> bool:
    w = ws[fig.first]
    if not (fig.first == fig.last and len(w.norm) == 4 and w.norm.isdigit()):
        return False
    if not 1900 <= int(w.norm) <= 2100:
        return False
    after_year_word = fig.first > 0 and any(
        form in _YEAR_WORDS for form in variants(ws[fig.first - 1].norm)
    )
    return unit is None or after_year_word


def _may_start_figure(w: Word, language: str) -> bool:
    """Can `_figure_at` find a figure at this word (digits, a number or scale word)?"""
    if language == "ar":
        return _may_start_figure_ar(w.norm)
    return w.norm.isdigit() or w.norm in UNITS_EN or w.norm in SCALES_EN


@lru_cache(maxsize=100_000)
def _may_start_figure_ar(norm: str) -> bool:
    return norm.isdigit() or _number_word_ar(norm) is not None or _scale_ar(norm) is not None


def find_quantities(text: str, ws: list[Word], language: str) -> list[Quantity]:
    """Quantities among the words `ws` of `text`, with values normalised to numbers."""
    found: list[Quantity] = []
    i = 0
    while i < len(ws):
        if not _may_start_figure(ws[i], language):
            i += 1
            continue
        fig = _figure_at(text, ws, i, language)
        if fig is None:
            i += 1
            continue
        unit, last = _unit(text, ws, fig, language)
        word_only = not _digits(ws[fig.first])
        if _looks_like_year(fig, ws, unit) or (word_only and unit is None and fig.value < 100):
            i = fig.last + 1
            continue
        start = ws[fig.first].start
        marker = _approx_before(ws, fig.first, language)
        approx = fig.approx or marker is not None
        if marker is not None:
            start = ws[marker].start
            strip = 0
            for form in variants(ws[marker].norm):
                if form in APPROX_AR:
                    strip = len(ws[marker].norm) - len(form)
            start += strip
        else:
            symbol_start = start
            while symbol_start > 0 and text[symbol_start - 1] in "$€£":
                symbol_start -= 1
            start = symbol_start
        end = ws[last].end
        if text[end : end + 1] in ("%", "٪"):
            end += 1
        found.append(
            Quantity(value=fig.value, unit=unit or "count", approx=approx, text=text[start:end],
                     start=start, end=end)
        )
        i = last + 1
    return found
