import pytest

from contracts.events import ArticleSubmitted
from workers.runtime.messages import BadMessage, decode, encode


def test_decode_round_trip() -> None:
    article = ArticleSubmitted(article_id="a-1", body="نص")
    assert decode(encode(article), ArticleSubmitted) == article


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (None, "empty message value"),
        (b"{not json", "value is not JSON"),
        (b"\xff\xfe", "value is not valid UTF-8: invalid start byte at byte 0"),
        (b'{"article_id": "a"}', "invalid ArticleSubmitted: body: Field required"),
        (b"[]", "invalid ArticleSubmitted"),
    ],
)
def test_bad_messages_get_a_one_line_reason(raw: bytes | None, reason: str) -> None:
    with pytest.raises(BadMessage) as err:
        decode(raw, ArticleSubmitted)
    assert reason in str(err.value)
    assert "\n" not in str(err.value)
