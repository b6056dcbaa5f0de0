"""When the collector stops waiting for Prefect (pure logic, a fake clock and health check)."""

from __future__ import annotations

import httpx

from workers.collector.prefect_gate import PrefectGate, is_prefect_unreachable


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_joins_wait_then_the_gate_degrades_then_recovers() -> None:
    clock, health = Clock(), {"up": True}
    gate = PrefectGate(10.0, lambda: health["up"], clock, check_every_s=1.0)
    assert gate.up() and not gate.degraded
    health["up"] = False
    clock.now = 1.0
    assert not gate.up() and not gate.degraded  # down, still waiting
    clock.now = 10.5
    assert not gate.up() and not gate.degraded
    clock.now = 11.0
    assert not gate.up() and gate.degraded  # down for 10 s: records go without a flow run
    health["up"] = True
    clock.now = 11.2
    assert not gate.up()  # checked at most once a second
    clock.now = 12.0
    assert gate.up() and not gate.degraded and gate.down_since is None


def test_a_failed_run_reports_prefect_down_at_once() -> None:
    clock = Clock()
    gate = PrefectGate(5.0, lambda: True, clock)
    assert gate.up()
    gate.report_down()
    assert not gate.up() and gate.down_since == 0.0


def test_which_errors_mean_prefect_is_unreachable() -> None:
    assert is_prefect_unreachable(RuntimeError("Failed to reach API at http://x/api/"))
    wrapped = RuntimeError("flow failed")
    wrapped.__cause__ = httpx.ConnectError("connection refused")
    assert is_prefect_unreachable(wrapped)
    assert not is_prefect_unreachable(ValueError("bad parts"))


def test_a_503_from_prefect_is_busy_not_a_fault_of_the_join() -> None:
    from prefect.exceptions import PrefectHTTPStatusError

    from workers.collector.prefect_gate import is_prefect_busy

    def status_error(code: int) -> BaseException:
        request = httpx.Request("POST", "http://127.0.0.1:4200/api/flow_runs/")
        error = httpx.HTTPStatusError(
            "x", request=request, response=httpx.Response(code, request=request)
        )
        try:
            try:
                raise PrefectHTTPStatusError.from_httpx_error(error)
            except PrefectHTTPStatusError as exc:
                raise RuntimeError("flow run failed") from exc
        except RuntimeError as outer:
            return outer

    assert is_prefect_busy(status_error(503)) and is_prefect_busy(status_error(429))
    assert not is_prefect_busy(status_error(500)) and not is_prefect_busy(ValueError("bad join"))
