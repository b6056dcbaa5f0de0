"""The security settings reach the clients: against the local PLAINTEXT broker, SSL cannot even
bootstrap, while the same settings with PLAINTEXT work (every client factory is checked)."""

from __future__ import annotations

import pytest
from kafka.errors import KafkaError
from stacktools import BOOTSTRAP

from workers.runtime.kafka import make_consumer, make_producer, make_reader
from workers.runtime.settings import KafkaSettings

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("factory", ["producer", "consumer", "reader"])
def test_ssl_settings_reach_every_client(factory: str) -> None:
    def build(settings: KafkaSettings) -> object:
        if factory == "producer":
            return make_producer(settings)
        if factory == "consumer":
            return make_consumer(settings, "security-test")
        return make_reader(settings)

    plain = build(KafkaSettings(bootstrap=BOOTSTRAP, bootstrap_timeout_ms=5000))
    plain.close()  # type: ignore[attr-defined]
    with pytest.raises(KafkaError, match="Unable to bootstrap"):
        build(
            KafkaSettings(bootstrap=BOOTSTRAP, bootstrap_timeout_ms=2000, security_protocol="SSL")
        )
