"""Prefect automations `make up` creates (idempotent, by name): operators see them fire in the
Prefect UI (Automations, Events) when a flow run of ours fails or crashes, and when the
dead-letter topic grows (the `recheck` service emits `verify.dlq.grew` when it does).

The action is Prefect's "do nothing": the automation firing is the flag. A newsroom adds a
notification block to it in the UI (Slack, e-mail); none is assumed here.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from prefect.automations import Automation
from prefect.events import emit_event
from prefect.events.actions import DoNothing
from prefect.events.schemas.automations import EventTrigger, Posture

from ops.status import Unreachable, kafka_figures
from workers.runtime.settings import KafkaSettings

log = logging.getLogger(__name__)
FLOWS = ("verify-article", "recheck-claims")
DLQ_GREW = "verify.dlq.grew"


def wanted(prefix: str = "verify") -> list[Automation]:
    failed = EventTrigger(
        expect={"prefect.flow-run.Failed", "prefect.flow-run.Crashed"},
        match_related={"prefect.resource.role": "flow", "prefect.resource.name": list(FLOWS)},
        posture=Posture.Reactive,
        threshold=1,
        within=timedelta(0),
    )
    dlq = EventTrigger(
        expect={DLQ_GREW},
        match={"prefect.resource.id": "verify.dlq"},
        posture=Posture.Reactive,
        threshold=1,
        within=timedelta(0),
    )
    return [
        Automation(
            name=f"{prefix}: flow run failed",
            description="A verify-article or recheck-claims run failed or crashed.",
            trigger=failed,
            actions=[DoNothing()],
        ),
        Automation(
            name=f"{prefix}: dead letters growing",
            description="verify.dlq grew: `verify dlq list` shows why.",
            trigger=dlq,
            actions=[DoNothing()],
        ),
    ]


def ensure(prefix: str = "verify") -> list[str]:
    """Create the automations that are missing; the names of those created."""
    created = []
    for automation in wanted(prefix):
        try:
            _ = Automation.read(name=automation.name)
            continue
        except ValueError:  # not there yet
            pass
        _ = automation.create()  # sync here (Prefect's dual API types it as a union)
        created.append(automation.name)
    return created


class DlqWatch:
    """Emits `verify.dlq.grew` (with the size) when the dead-letter topic grew since the last
    look; looks at most every `interval_s` (called from a service's idle hook)."""

    def __init__(self, settings: KafkaSettings, interval_s: float = 60.0) -> None:
        self.settings = settings
        self.interval_s = interval_s
        self._last_size: int | None = None
        self._next = 0.0

    def check(self, now: float) -> bool:
        if now < self._next:
            return False
        self._next = now + self.interval_s
        try:
            _, size = kafka_figures(self.settings)
        except Unreachable as exc:
            log.warning("DLQ size unknown: %s", exc)
            return False
        grew = self._last_size is not None and size > self._last_size
        self._last_size = size
        if grew:
            emit_event(
                DLQ_GREW,
                resource={"prefect.resource.id": "verify.dlq", "prefect.resource.name": "DLQ"},
                payload={"size": size},
            )
        return grew


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    for name in ensure():
        log.info("created Prefect automation %r", name)


if __name__ == "__main__":
    main()
