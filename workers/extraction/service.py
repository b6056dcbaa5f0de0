"""Kafka adapter: articles.submitted → extraction → results.extraction."""

from contracts.topics import RESULTS_EXTRACTION
from workers.extraction.extractor import extract
from workers.runtime.article_worker import run_article_worker


def main() -> None:
    run_article_worker("extraction", RESULTS_EXTRACTION, extract)
