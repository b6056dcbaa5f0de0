"""Kafka topic names. Result topics are co-partitioned with articles.submitted (key: article_id)."""

ARTICLES_SUBMITTED = "articles.submitted"
RESULTS_EXTRACTION = "results.extraction"
RESULTS_SOURCES = "results.sources"
RESULTS_XREF = "results.xref"
RECORDS = "verify.records"
DLQ = "verify.dlq"

RESULT_TOPICS = (RESULTS_EXTRACTION, RESULTS_SOURCES, RESULTS_XREF)
ALL_TOPICS = (ARTICLES_SUBMITTED, *RESULT_TOPICS, RECORDS, DLQ)
