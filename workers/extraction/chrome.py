"""Page furniture that scraped news carries along with the article: bylines, datelines, tag
lines, link lines ("رابط الخبر …", "سمات …", "Read more"). Not claims, whatever they say."""

from __future__ import annotations

import re

from workers.extraction.tokens import Word

# A sentence that opens with one of these labels is a tag, link or "more" line.
_LABELS = re.compile(
    r"^\W*(?:سمات|رابط الخبر|رابط المقال|رابط|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|\.*المزيد|"
    r"مقالات أخرى|مواضيع ذات صلة|أخبار ذات صلة|الكلمات الدلالية|كلمات مفتاحية|"
    r"tags?\s*:|read more|related\s*:|related articles|share this|click here)(?:\W|$)",
    re.IGNORECASE | re.UNICODE,
)
# "عين اليوم – بنغازي (ليبيا)", "داليا أبوالعيش- عين اليوم": a name and an outlet or place
# around a dash, alone at the start of a paragraph.
_DASH = re.compile(r"\w\s*[-–—]\s*\w|\w\s+[-–—]|[-–—]\s+\w", re.UNICODE)
MAX_BYLINE_WORDS = 6
_BY_EN = re.compile(r"^\s*[Bb]y\s+[A-Z]", re.UNICODE)


def is_chrome(text: str, start: int, end: int, ws: list[Word]) -> bool:
    """Is the sentence text[start:end] (words `ws`) page furniture rather than content?"""
    sentence = text[start:end]
    if _LABELS.match(sentence):
        return True
    if len(ws) > MAX_BYLINE_WORDS or any(ch.isdigit() for ch in sentence):
        return False
    opens_paragraph = text[text.rfind("\n", 0, start) + 1 : start].strip() == ""
    if not opens_paragraph or sentence.rstrip()[-1:] in ".!?؟":
        return False
    return bool(_DASH.search(sentence)) or bool(_BY_EN.match(sentence))
