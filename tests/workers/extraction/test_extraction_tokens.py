"""Words with offsets: slices of a longer span's words are what reading the span gives."""

from __future__ import annotations

from workers.extraction.tokens import in_lexicon, is_verb_in, norm_set, words, words_within

TEXT = "وقال المرصد، إن 12 مدنيا قتلوا. The ministry said: 40 people."


def test_words_within_equals_reading_the_span() -> None:
    every = words(TEXT)
    for start in range(len(TEXT) + 1):
        for end in range(start, len(TEXT) + 1):
            assert words_within(TEXT, every, start, end) == words(TEXT, start, end), (start, end)


def test_a_boundary_inside_a_word_reads_the_part_inside() -> None:
    every = words(TEXT)
    inside = words_within(TEXT, every, 2, 10)  # "ال" of وقال, then "المرص"
    assert [w.text for w in inside] == ["ال", "المرص"]


def test_lexicon_look_ups_strip_only_what_they_should() -> None:
    lexicon = norm_set("قال كشف")
    said, report = words("وقالت وكشف لتكشف بالكشف")[0], words("وكشف")[0]
    assert not in_lexicon(said, lexicon)  # قالت is not قال
    assert is_verb_in(report, lexicon) and in_lexicon(report, lexicon)
    to_reveal, the_reveal = words("لتكشف بالكشف")
    assert not is_verb_in(to_reveal, lexicon)  # "لـ" + verb: in order to, no report
    assert not in_lexicon(the_reveal, lexicon)
