"""The small Kafka runtime every service shares: consume → handle → produce → commit."""

from workers.runtime.messages import BadMessage, Outgoing, decode
from workers.runtime.service import Service

__all__ = ["BadMessage", "Outgoing", "Service", "decode"]
