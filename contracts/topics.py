"""Kafka topic names. Result topics are co-partitioned with articles.submitted (key: article_id)."""

ARTICLES_SUBMITTED = "articles.submitted"
RESULTS_EXTRACTION = "results.extraction"
RESULTS_SOURCES = "results.sources"
RESULTS_XREF = "results.xref"
RECORDS = "verify.records"
DLQ = "verify.dlq"
# Documents entered the cross-reference archive (key: the origin, e.g. "import" or an article
# id): the re-check consumer looks for stored claims they bear on (issue 11).
ARCHIVE_ADDED = "archive.added"

RESULT_TOPICS = (RESULTS_EXTRACTION, RESULTS_SOURCES, RESULTS_XREF)
ALL_TOPICS = (ARTICLES_SUBMITTED, *RESULT_TOPICS, RECORDS, DLQ, ARCHIVE_ADDED)
