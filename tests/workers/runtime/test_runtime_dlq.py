from kafka.consumer.fetcher import ConsumerRecord

from contracts import headers as h
from workers.runtime.dlq import DeadLetter


def test_a_dead_letter_keeps_the_original_and_says_where_it_came_from() -> None:
    record = ConsumerRecord(
        topic="verify.dlq", partition=0, leader_epoch=0, offset=7, timestamp=0,
        timestamp_type=0, key=b"a-1", value=b"{not json",
        headers=[
            (h.CORRELATION_ID, b"c-9"),
            (h.DLQ_REASON, b"value is not JSON"),
            (h.DLQ_SERVICE, b"xref"),
            (h.DLQ_ORIGIN_TOPIC, b"articles.submitted"),
            (h.DLQ_ORIGIN_PARTITION, b"2"),
            (h.DLQ_ORIGIN_OFFSET, b"41"),
        ],
        checksum=None, serialized_key_size=3, serialized_value_size=9, serialized_header_size=0,
    )  # fmt: skip
    letter = DeadLetter.of(record)
    assert letter.origin == ("articles.submitted", 2, 41)
    assert (letter.service, letter.reason) == ("xref", "value is not JSON")
    assert (letter.key, letter.value) == (b"a-1", b"{not json")
    assert letter.original_headers == [(h.CORRELATION_ID, b"c-9")]  # dlq-* headers dropped
