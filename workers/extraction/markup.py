"""Social-media markup in a text: links, @mentions, #hashtags and laughter emoji.

Words inside links and mentions carry no content ("https t co XwkDIUAdDd" is not four words),
and a hashtag is a label, not a statement, so check-worthiness counts only the other words.
"""

from __future__ import annotations

import re

from workers.extraction.tokens import Word

_MARKUP = re.compile(r"https?://\S+|www\.\S+|[@#][\w_]+", re.UNICODE)
_LAUGHTER_EMOJI = frozenset("😂🤣😅😆😹😁😄😏🙄🤔🤦🤷")


def markup_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of links, @mentions and #hashtags in text[start:end]."""
    stop = len(text) if end is None else end
    return [(m.start(), m.end()) for m in _MARKUP.finditer(text, start, stop)]


def content_words(ws: list[Word], spans: list[tuple[int, int]]) -> list[Word]:
    """The words that are not inside a link, mention or hashtag."""
    if not spans:
        return ws
    return [w for w in ws if not any(s <= w.start < e for s, e in spans)]


def has_laughter_emoji(text: str) -> bool:
    return not _LAUGHTER_EMOJI.isdisjoint(text)
