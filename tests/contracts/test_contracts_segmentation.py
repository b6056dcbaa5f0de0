from contracts.segmentation import segment


def texts(body: str) -> list[str]:
    return [s.text for s in segment(body)]


def test_offsets_point_into_the_body(seed_article: str) -> None:
    segments = segment(seed_article)
    assert len(segments) == 14  # the seed article has 14 sentences, one per line
    for seg in segments:
        assert seed_article[seg.start : seg.end] == seg.text
        assert seg.text == seg.text.strip()


def test_arabic_question_mark_and_newlines_end_sentences() -> None:
    assert texts("هل قال ذلك؟ نعم قال.\nسطر آخر") == ["هل قال ذلك؟", "نعم قال.", "سطر آخر"]


def test_arabic_comma_does_not_end_a_sentence() -> None:
    assert texts("أكد المرصد، أن عددا منهم وصلوا.") == ["أكد المرصد، أن عددا منهم وصلوا."]


def test_abbreviations_numbers_and_domains_do_not_end_sentences() -> None:
    body = "The U.S. Treasury said Mr. Smith paid $3.5 million to example.com. He denied it."
    assert texts(body) == [
        "The U.S. Treasury said Mr. Smith paid $3.5 million to example.com.",
        "He denied it.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    body = "وأضاف الموقع أن “الأشخاص أطلق سراحهم.” وتم ذلك عبر آلية."
    assert texts(body) == ["وأضاف الموقع أن “الأشخاص أطلق سراحهم.”", "وتم ذلك عبر آلية."]


def test_runs_of_terminators_split_once() -> None:
    assert texts("Really?! Yes... maybe") == ["Really?!", "Yes...", "maybe"]


def test_blank_text_has_no_segments() -> None:
    assert segment("  \n\n ") == []
