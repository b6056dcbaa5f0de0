from typing import Any

from pydantic import SecretStr
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
    # A dependency that is down (database, broker) is waited for, not blamed on the message:
    # the message is retried with capped back-off for this long, then the process exits and
    # the supervisor restarts it (the uncommitted batch is delivered again). Keep it below
    # max_poll_interval_ms.
    dependency_wait_s: float = 240.0
    poll_timeout_ms: int = 500
    max_poll_records: int = 20
    max_poll_interval_ms: int = 300_000
    session_timeout_ms: int = 10_000
    auto_offset_reset: str = "earliest"
    send_timeout_s: float = 30.0
    bootstrap_timeout_ms: int = 10_000  # how long to wait for a first broker before failing
    # Largest value a service produces (Kafka's default broker limit is 1 MiB). A result
    # over it is dead-lettered with its input instead of failing the send again and again.
    max_message_bytes: int = 1_000_000

    # Production clusters: passed through to kafka-python unchanged (see its docs).
    # The local broker of `make up` listens on loopback with PLAINTEXT.
    security_protocol: str = "PLAINTEXT"  # PLAINTEXT | SSL | SASL_PLAINTEXT | SASL_SSL
    sasl_mechanism: str | None = None  # PLAIN | SCRAM-SHA-256 | SCRAM-SHA-512 | OAUTHBEARER …
    sasl_plain_username: str | None = None
    sasl_plain_password: SecretStr | None = None
    ssl_cafile: str | None = None
    ssl_certfile: str | None = None
    ssl_keyfile: str | None = None
    ssl_password: SecretStr | None = None
    ssl_check_hostname: bool = True

    def topic(self, name: str) -> str:
        """The physical topic name of a logical one from contracts.topics."""
        return self.topic_prefix + name

    def client_options(self) -> dict[str, Any]:
        """Connection options every kafka-python client gets (address, security)."""
        options: dict[str, Any] = {
            "bootstrap_servers": self.bootstrap,
            "security_protocol": self.security_protocol,
        }
        if self.sasl_mechanism:
            options["sasl_mechanism"] = self.sasl_mechanism
        if self.sasl_plain_username is not None:
            options["sasl_plain_username"] = self.sasl_plain_username
        if self.sasl_plain_password is not None:
            options["sasl_plain_password"] = self.sasl_plain_password.get_secret_value()
        if self.security_protocol in ("SSL", "SASL_SSL"):
            options["ssl_check_hostname"] = self.ssl_check_hostname
            for name in ("ssl_cafile", "ssl_certfile", "ssl_keyfile"):
                if getattr(self, name):
                    options[name] = getattr(self, name)
            if self.ssl_password is not None:
                options["ssl_password"] = self.ssl_password.get_secret_value()
        return options
