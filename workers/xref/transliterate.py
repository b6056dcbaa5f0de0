"""Language-neutral keys for names: a consonant skeleton shared by Arabic and Latin spellings.

كوباني and Kobani, لافروف and Lavrov, جرابلس and Jarablus reduce to the same key
(`kbn`, `lfrf`, `jrbls`): vowels, long vowels and ع are dropped, letters that Arabic
romanisation merges are one class (ق/ك/q/k/c → k, ب/p/b → b, ف/v/f → f, ج/غ/g/j → j,
the emphatic and plain consonants alike), doubled letters collapse. Latin names in
indexed passages get a key term (`KEY_PREFIX` + skeleton); an Arabic query word adds its
key as an alternative, so an Arabic claim finds English reporting on a name no gazetteer
lists. Keys shorter than `MIN_KEY` consonants are too ambiguous to use.
"""

from __future__ import annotations

import re

from workers.nlp.arabic import normalize

KEY_PREFIX = "tlx"  # marks key terms; no stemmed word of either language starts with it
MIN_KEY = 3

_ARABIC = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
    "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "j", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "پ": "b", "ڤ": "f", "گ": "j", "چ": "s",
}  # fmt: skip
_LATIN_DIGRAPHS = (("sh", "s"), ("kh", "k"), ("th", "t"), ("dh", "d"), ("gh", "j"),
                   ("ph", "f"), ("ch", "s"), ("ck", "k"), ("ou", ""))  # fmt: skip
_LATIN = {
    "b": "b", "p": "b", "c": "k", "d": "d", "f": "f", "v": "f", "g": "j", "j": "j",
    "h": "h", "k": "k", "q": "k", "l": "l", "m": "m", "n": "n", "r": "r", "s": "s",
    "t": "t", "z": "z", "x": "ks", "ç": "s", "ş": "s", "ğ": "", "ı": "",
}  # fmt: skip
_ARABIC_ARTICLE = re.compile(r"^(?:[وفبكل]?ال|لل)(?=..)")
_LATIN_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|az|ash|at|ed|er|es|ez)-(?=..)")
_LATIN_NAME = re.compile(r"\b[A-ZÀ-ÞÇŞ][A-Za-zÀ-ÿçşğıİ'’\-]+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def skeleton(word: str) -> str:
    """The consonant skeleton of one word in Arabic or Latin script ('' if none)."""
    w = normalize(word).strip("'’-")
    if _ARABIC_WORD.fullmatch(w):
        w = _ARABIC_ARTICLE.sub("", w)
        if w.endswith("ه"):
            w = w[:-1]  # ة (normalised to ه) is not written in romanisations
        letters = [_ARABIC.get(ch, "") for ch in w]
    else:
        w = _LATIN_ARTICLE.sub("", w.lower()).replace("-", "").replace("'", "")
        for digraph, repl in _LATIN_DIGRAPHS:
            w = w.replace(digraph, repl)
        if w.endswith("h"):
            w = w[:-1]  # Raqqah, Hasakah: the final h renders ة
        letters = [_LATIN.get(ch, "") for ch in w]
    out: list[str] = []
    for letter in "".join(letters):
        if not out or out[-1] != letter:
            out.append(letter)
    return "".join(out)


def key(word: str) -> str | None:
    """The index/query term for `word`'s skeleton, or None when it is too short."""
    sk = skeleton(word)
    return KEY_PREFIX + sk if len(sk) >= MIN_KEY else None


def latin_name_keys(text: str, stopwords: frozenset[str]) -> list[str]:
    """Key terms of the capitalised Latin words (names) in `text`, in order."""
    out: list[str] = []
    for match in _LATIN_NAME.finditer(text):
        word = match.group()
        if word.lower() in stopwords:
            continue
        k = key(word)
        if k is not None:
            out.append(k)
    return out
