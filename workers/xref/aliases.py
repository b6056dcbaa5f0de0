"""Shared Arabic/English names, so a claim in one language finds reporting in the other.

A query that mentions any form of a name (داعش, "Islamic State", ISIS) matches passages
containing any other form: each alias group becomes one query concept with alternatives.
The built-in groups cover the archive's domain; the source registry's aliases
(workers/sources/data/*.json, another component) are added when that file is present.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from workers.xref.terms import index_terms

# Each group: forms of one name across Arabic and English.
BUILTIN: tuple[tuple[str, ...], ...] = (
    ("سوريا", "سورية", "Syria", "Syrian"),
    ("تركيا", "Turkey", "Türkiye", "Turkish"),
    ("داعش", "تنظيم الدولة", "الدولة الإسلامية", "ISIS", "ISIL", "Islamic State", "Daesh"),
    ("أنقرة", "Ankara"),
    ("دمشق", "Damascus"),
    ("حلب", "Aleppo"),
    ("إدلب", "Idlib"),
    ("الرقة", "Raqqa"),
    ("دير الزور", "Deir ez-Zor", "Deir al-Zour"),
    ("الحسكة", "Hasakah", "Hasaka"),
    ("رأس العين", "Ras al-Ain"),
    ("المرصد السوري لحقوق الإنسان", "Syrian Observatory for Human Rights", "SOHR"),
    ("الأمم المتحدة", "United Nations", "UN"),
    ("وزارة الخزانة الأميركية", "الخزانة الأميركية", "US Treasury", "Treasury Department"),
    ("وزارة الدفاع الفرنسية", "French Defence Ministry", "French Ministry of Defense"),
    ("الجيش الوطني", "Syrian National Army", "National Army"),
    ("الجيش السوري الحر", "Free Syrian Army", "FSA"),
    ("جبهة النصرة", "النصرة", "Nusra Front", "al-Nusra"),
    ("قوات سوريا الديمقراطية", "قسد", "Syrian Democratic Forces", "SDF"),
    ("أردوغان", "Erdogan", "Erdoğan"),
    ("الأسد", "Assad"),
    ("روسيا", "Russia", "Russian"),
    ("إيران", "Iran", "Iranian"),
    ("العراق", "Iraq", "Iraqi"),
    ("الأكراد", "Kurds", "Kurdish"),
    ("حزب الله", "Hezbollah"),
    ("إسرائيل", "Israel", "Israeli"),
    ("السعودية", "Saudi Arabia", "Saudi"),
    ("الولايات المتحدة", "واشنطن", "United States", "Washington"),
    ("ستوكهولم", "أستوكهولم", "Stockholm"),
    ("أضنة", "Adana"),
    ("نورديك مونيتور", "Nordic Monitor"),
    ("فرنسا", "France", "French"),
    ("دولار", "dollar", "dollars", "USD"),
    ("مليون", "million"),
    ("مليار", "billion"),
    ("ألف", "thousand"),
)

SOURCES_DATA = Path(__file__).resolve().parents[1] / "sources" / "data"

Alternative = tuple[str, ...]  # the stemmed terms of one form of a name


@cache
def alias_groups() -> tuple[tuple[Alternative, ...], ...]:
    """Every group as its forms' stemmed terms (empty forms dropped, duplicates merged)."""
    groups: list[tuple[Alternative, ...]] = []
    for names in (*BUILTIN, *_registry_groups()):
        forms = {tuple(index_terms(name, drop_stopwords=False)) for name in names}
        forms.discard(())
        if len(forms) > 1:
            groups.append(tuple(sorted(forms)))
    return tuple(groups)


def _registry_groups() -> Iterator[tuple[str, ...]]:
    """Name groups from the source registry's JSON data, whatever its nesting, if present."""
    if not SOURCES_DATA.is_dir():
        return
    for path in sorted(SOURCES_DATA.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # an unreadable optional file must not break the search
        yield from _groups_in(data)


def _groups_in(node: Any) -> Iterator[tuple[str, ...]]:
    if isinstance(node, dict):
        names = [v for k in ("name", "name_ar", "name_en") if isinstance(v := node.get(k), str)]
        aliases = node.get("aliases")
        if isinstance(aliases, dict):
            aliases = [a for vals in aliases.values() if isinstance(vals, list) for a in vals]
        if isinstance(aliases, list):
            names += [a for a in aliases if isinstance(a, str)]
        if len(names) > 1:
            yield tuple(names)
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _groups_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from _groups_in(item)


def concepts(terms: Iterable[str]) -> list[tuple[Alternative, ...]]:
    """Group query terms into concepts: an alias group found in the terms becomes one
    concept whose alternatives are all its forms; every other term is its own concept."""
    seq = list(terms)
    used = [False] * len(seq)
    out: list[tuple[Alternative, ...]] = []
    for group in alias_groups():
        for form in group:
            pos = _find(seq, form, used)
            if pos is not None:
                for i in range(pos, pos + len(form)):
                    used[i] = True
                out.append(group)
                break
    out.extend(((term,),) for term, u in zip(seq, used, strict=True) if not u)
    return out


def _find(seq: list[str], form: Alternative, used: list[bool]) -> int | None:
    n = len(form)
    for i in range(len(seq) - n + 1):
        if tuple(seq[i : i + n]) == form and not any(used[i : i + n]):
            return i
    return None
