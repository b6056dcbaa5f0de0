"""Helpers for integration tests against the real broker, Prefect server and our services."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from kafka import KafkaConsumer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from sqlalchemy.engine import Engine

from ops.supervisor import ProcessState, process_states
from storage.engine import make_engine
from storage.migrate import upgrade
from workers.runtime.settings import KafkaSettings

ROOT = Path(__file__).resolve().parents[2]
BOOTSTRAP = os.environ.get("VERIFY_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
PREFECT_API = os.environ.get("PREFECT_API_URL", "http://127.0.0.1:4200/api")
# in-process Prefect clients of the tests (automations, deployments) must reach this server,
# never fall back to an ephemeral one
os.environ.setdefault("PREFECT_API_URL", PREFECT_API)
SERVICES = ("extraction", "sources", "xref", "collector")


def physical(name: str) -> str:
    """The topic name under this test session's namespace (VERIFY_KAFKA_TOPIC_PREFIX)."""
    return KafkaSettings().topic(name)


def port_open(address: str) -> bool:
    host, port = address.rsplit(":", 1)
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, int(port))) == 0


@dataclass
class Stack:
    """Our services running against the real broker, with a private DB and consumer groups."""

    db_url: str
    env: dict[str, str]
    logs: Path
    procs: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def engine(self) -> Engine:
        return make_engine(self.db_url)

    def start(self, name: str) -> None:
        log = (self.logs / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(
            [sys.executable, "-m", f"workers.{name}"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=log,
        )

    def stop(self, name: str) -> None:
        proc = self.procs.pop(name)
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()

    def alive(self, name: str) -> bool:
        return self.procs[name].poll() is None

    def log_tail(self, name: str, lines: int = 30) -> str:
        text = (self.logs / f"{name}.log").read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])


def make_stack(tmp: Path, services: tuple[str, ...], **env: str) -> Stack:
    db_url = f"sqlite:///{tmp / 'verify.db'}"
    upgrade(make_engine(db_url))  # migrate once, before several processes race to do it
    full_env = {
        **os.environ,
        "VERIFY_DATABASE_URL": db_url,
        "VERIFY_DATA_DIR": str(tmp / "data"),
        "VERIFY_KAFKA_BOOTSTRAP": BOOTSTRAP,
        "VERIFY_KAFKA_GROUP_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
        "VERIFY_KAFKA_MAX_ATTEMPTS": "2",
        "VERIFY_KAFKA_RETRY_BACKOFF_S": "0.1",
        "PREFECT_API_URL": PREFECT_API,
        "PYTHONPATH": str(ROOT),
        **env,
    }
    stack = Stack(db_url, full_env, tmp)
    for name in services:
        stack.start(name)
    return stack


def read_topic(
    topic: str,
    key: bytes,
    want: int,
    timeout: float = 60,
    until: Callable[[list[ConsumerRecord]], bool] | None = None,
) -> list[ConsumerRecord]:
    """Messages with `key` on `topic` from the beginning, until `want` arrived, `until(found)`
    holds, or the timeout passes."""
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, enable_auto_commit=False)
    partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []]
    consumer.assign(partitions)
    consumer.seek_to_beginning()
    found: list[ConsumerRecord] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and len(found) < want:
            for records in consumer.poll(timeout_ms=500).values():
                found.extend(r for r in records if r.key == key)
            if until is not None and until(found):
                break
    finally:
        consumer.close()
    return found


def wait_for(
    check: Callable[[], object], timeout: float, what: str, stack: Stack | None = None
) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    detail = ""
    if stack:
        detail = "\n".join(f"--- {n}\n{stack.log_tail(n)}" for n in stack.procs)
    pytest.fail(f"timed out after {timeout}s waiting for {what}\n{detail}")


def prefect_post(path: str, body: dict) -> list:  # type: ignore[type-arg]
    resp = httpx.post(f"{PREFECT_API}{path}", json=body, timeout=10)
    resp.raise_for_status()
    return json.loads(resp.text)


@dataclass
class SupervisedStack:
    """Our services under a private supervisord, configured by infra/supervisor/render.py as
    `make up` does: kill one and the supervisor starts it again."""

    run_dir: Path
    env: dict[str, str]
    db_url: str

    @property
    def conf(self) -> Path:
        return self.run_dir / "supervisor" / "supervisord.conf"

    @property
    def engine(self) -> Engine:
        return make_engine(self.db_url)

    def start(self, services: tuple[str, ...], wait: bool = True) -> None:
        specs = [f"{name}:{'api' if name == 'api' else 'workers.' + name}" for name in services]
        paths = {
            "ROOT": str(ROOT),
            "RUN_DIR": str(self.run_dir),
            "LOG_DIR": str(self.run_dir / "logs"),
            "PID_DIR": str(self.run_dir / "pids"),
            "PYTHON": sys.executable,
        }
        for key in ("LOG_DIR", "PID_DIR"):
            Path(paths[key]).mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(ROOT / "infra/supervisor/render.py"), str(self.conf), *specs],
            env={**self.env, **paths},
            check=True,
        )
        bin_dir = Path(sys.executable).parent
        subprocess.run(
            [str(bin_dir / "supervisord"), "-c", str(self.conf)], env=self.env, check=True
        )
        if wait:
            wait_for(lambda: self.all_running(services), 90, "supervised services RUNNING")

    def ctl(self, *args: str) -> str:
        bin_dir = Path(sys.executable).parent
        done = subprocess.run(
            [str(bin_dir / "supervisorctl"), "-c", str(self.conf), *args],
            capture_output=True,
            text=True,
        )
        return done.stdout

    def states(self) -> dict[str, ProcessState]:
        return {
            p.process: p for p in process_states(self.run_dir / "supervisor/supervisor.sock") or []
        }

    def all_running(self, services: tuple[str, ...]) -> bool:
        states = self.states()
        return all(n in states and states[n].state == "RUNNING" for n in services)

    def pid(self, name: str) -> int:
        return self.states()[name].pid

    def kill(self, name: str, sig: int = signal.SIGKILL) -> int:
        pid = self.pid(name)
        os.kill(pid, sig)
        return pid

    def wait_restarted(self, name: str, old_pid: int, timeout: float = 90) -> int:
        def restarted() -> int:
            state = self.states().get(name)
            ok = state and state.state == "RUNNING" and state.pid not in (0, old_pid)
            return state.pid if ok and state else 0

        return int(wait_for(restarted, timeout, f"{name} restarted by supervisord"))  # type: ignore[call-overload]

    def log_tail(self, name: str, lines: int = 40) -> str:
        path = self.run_dir / "logs" / f"{name}.log"
        text = path.read_text(errors="replace").splitlines() if path.exists() else []
        return "\n".join(text[-lines:])

    def shutdown(self) -> None:
        pid_file = self.run_dir / "pids" / "supervisord.pid"
        self.ctl("shutdown")
        deadline = time.monotonic() + 60
        while pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.3)


def infra(script: str) -> None:
    """Run one of infra/'s scripts (stop or start Kafka, PostgreSQL, Prefect) as `make` would."""
    subprocess.run(["bash", str(ROOT / "infra" / script)], check=True, stdout=subprocess.DEVNULL)


def verify_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The `verify` command line in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-c", "from cli.main import run; run()", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
        capture_output=True,
        text=True,
        timeout=180,
    )
