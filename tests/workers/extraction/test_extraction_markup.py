"""Links, mentions and hashtags are found and left out of the content words."""

from __future__ import annotations

from workers.extraction.markup import content_words, has_laughter_emoji, markup_spans
from workers.extraction.tokens import words


def test_spans_of_links_mentions_and_hashtags() -> None:
    text = "@user قتل 5 #اليمن https://t.co/AbC12 www.example.com/x"
    spans = [text[s:e] for s, e in markup_spans(text)]
    assert spans == ["@user", "#اليمن", "https://t.co/AbC12", "www.example.com/x"]


def test_spans_respect_the_window() -> None:
    text = "#a first. #b second"
    assert markup_spans(text, 10) == [(10, 12)]


def test_content_words_drop_markup() -> None:
    text = "Five killed in #Aden https://t.co/XwkD @reporter"
    kept = [w.text for w in content_words(words(text), markup_spans(text))]
    assert kept == ["Five", "killed", "in"]


def test_laughter_emoji() -> None:
    assert has_laughter_emoji("ok 😂")
    assert not has_laughter_emoji("ok 🇾🇪")
