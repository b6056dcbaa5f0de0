"""Fuzzing the shared segmentation and the event decoder: no crash, no hang (a per-example
deadline bounds the time per character: texts are at most ~50,000 characters)."""

from __future__ import annotations

import json
from datetime import timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import any_text, text

from contracts.events import ArticleSubmitted, ExtractionResult, XrefResult
from contracts.segmentation import segment
from workers.runtime.messages import BadMessage, decode


@settings(max_examples=300, deadline=timedelta(seconds=2))
@given(any_text)
def test_segmentation_covers_the_text_in_order(body: str) -> None:
    segments = segment(body)
    last = 0
    for seg in segments:
        assert last <= seg.start < seg.end <= len(body)
        assert seg.text == body[seg.start : seg.end] and seg.text.strip() == seg.text
        last = seg.end
    # nothing but white space is left outside the sentences
    covered = set().union(*(range(s.start, s.end) for s in segments)) if segments else set()
    assert all(body[i].isspace() for i in range(len(body)) if i not in covered)


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)
article_like = st.fixed_dictionaries(
    {},
    optional={
        "article_id": st.one_of(st.text(max_size=30), st.integers(), st.none()),
        "revision": st.one_of(st.integers(-3, 5), st.text(max_size=3)),
        "body": st.one_of(text, st.text(max_size=200), st.integers()),
        "language": st.sampled_from(["ar", "en", "fr", "", None]),
        "title": st.one_of(st.none(), st.text(max_size=30)),
        "published_at": st.one_of(st.none(), st.text(max_size=25), st.integers()),
        "extra": json_value,
    },
)


@settings(max_examples=400, deadline=timedelta(seconds=2))
@given(
    st.one_of(
        st.binary(max_size=300),
        json_value.map(lambda v: json.dumps(v).encode()),
        article_like.map(lambda v: json.dumps(v, ensure_ascii=False).encode()),
    ),
    st.sampled_from([ArticleSubmitted, ExtractionResult, XrefResult]),
)
@example(b'{"\\n": null}', ArticleSubmitted)  # found by this test: a key with a line break
def test_the_decoder_returns_a_model_or_a_one_line_reason(value: bytes, model: type) -> None:
    try:
        decoded = decode(value, model)
    except BadMessage as exc:
        reason = str(exc)
        assert reason and "\n" not in reason and len(reason) < 3000
    else:
        assert isinstance(decoded, model)
