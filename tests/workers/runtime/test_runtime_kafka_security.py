"""Kafka security settings reach every kafka-python client unchanged (SASL/TLS clusters)."""

from __future__ import annotations

import pytest

from workers.runtime.settings import KafkaSettings


def test_plaintext_on_loopback_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SECURITY_PROTOCOL", "SASL_MECHANISM", "SASL_PLAIN_USERNAME"):
        monkeypatch.delenv(f"VERIFY_KAFKA_{name}", raising=False)
    options = KafkaSettings(bootstrap="127.0.0.1:9092").client_options()
    assert options == {"bootstrap_servers": "127.0.0.1:9092", "security_protocol": "PLAINTEXT"}


def test_sasl_ssl_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {
        "VERIFY_KAFKA_BOOTSTRAP": "broker-1.example:9093",
        "VERIFY_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
        "VERIFY_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        "VERIFY_KAFKA_SASL_PLAIN_USERNAME": "verify",
        "VERIFY_KAFKA_SASL_PLAIN_PASSWORD": "s3cret-pw",
        "VERIFY_KAFKA_SSL_CAFILE": "/etc/kafka/ca.pem",
        "VERIFY_KAFKA_SSL_CHECK_HOSTNAME": "false",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = KafkaSettings()
    assert settings.client_options() == {
        "bootstrap_servers": "broker-1.example:9093",
        "security_protocol": "SASL_SSL",
        "sasl_mechanism": "SCRAM-SHA-512",
        "sasl_plain_username": "verify",
        "sasl_plain_password": "s3cret-pw",
        "ssl_check_hostname": False,
        "ssl_cafile": "/etc/kafka/ca.pem",
    }
    assert "s3cret-pw" not in repr(settings)  # a logged settings object hides the password
