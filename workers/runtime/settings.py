from pydantic_settings import BaseSettings, SettingsConfigDict


class KafkaSettings(BaseSettings):
    """Kafka connection and processing knobs shared by every service (env prefix VERIFY_KAFKA_)."""

    model_config = SettingsConfigDict(env_prefix="VERIFY_KAFKA_", extra="ignore")

    bootstrap: str = "127.0.0.1:9092"
    # A namespace for every topic ("staging." → "staging.articles.submitted"), so several
    # pipelines (environments, test runs) can share one cluster without reading each other.
    topic_prefix: str = ""
    group_prefix: str = "verify"
    max_attempts: int = 3  # tries per message before it goes to the dead-letter topic
    retry_backoff_s: float = 0.5  # doubled after each failed try
    poll_timeout_ms: int = 500
    max_poll_records: int = 20
    max_poll_interval_ms: int = 300_000
    session_timeout_ms: int = 10_000
    auto_offset_reset: str = "earliest"
    send_timeout_s: float = 30.0
    bootstrap_timeout_ms: int = 10_000  # how long to wait for a first broker before failing

    def topic(self, name: str) -> str:
        """The physical topic name of a logical one from contracts.topics."""
        return self.topic_prefix + name
