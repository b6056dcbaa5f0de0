"""The supervisord config `make up` writes: one program per service, N processes each."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPECS = [
    "extraction:workers.extraction",
    "xref:workers.xref",
    "collector:workers.collector",
    "api:api",
]


def render(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    paths = {
        "ROOT": str(ROOT),
        "RUN_DIR": str(tmp_path),
        "LOG_DIR": str(tmp_path / "logs"),
        "PID_DIR": str(tmp_path / "pids"),
        "PYTHON": sys.executable,
    }
    clean = {k: v for k, v in os.environ.items() if not k.startswith("VERIFY_INSTANCES")}
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "infra/supervisor/render.py"),
            str(tmp_path / "s.conf"),
            *SPECS,
        ],
        env={**clean, **paths, **env},
        capture_output=True,
        text=True,
    )


def _conf(tmp_path: Path) -> configparser.RawConfigParser:
    conf = configparser.RawConfigParser()
    conf.read(tmp_path / "s.conf")
    return conf


def test_one_process_per_service_by_default(tmp_path: Path) -> None:
    assert render(tmp_path).returncode == 0
    conf = _conf(tmp_path)
    xref = conf["program:xref"]
    assert xref["command"] == f"{sys.executable} -m workers.xref"  # ps names the service
    assert xref["numprocs"] == "1" and xref["process_name"] == "%(program_name)s"
    assert xref["stdout_logfile"] == f"{tmp_path}/logs/%(program_name)s.log"
    assert xref["autorestart"] == "true" and int(xref["startretries"]) >= 3
    assert 'VERIFY_INSTANCE_ID="%(process_num)d"' in xref["environment"]
    assert "KEY" not in (tmp_path / "s.conf").read_text()  # no secret is written


def test_instances_per_service_and_the_api_stays_one(tmp_path: Path) -> None:
    assert render(tmp_path, VERIFY_INSTANCES="3", VERIFY_INSTANCES_COLLECTOR="1").returncode == 0
    conf = _conf(tmp_path)
    assert conf["program:xref"]["numprocs"] == "3"
    assert conf["program:xref"]["process_name"] == "%(program_name)s-%(process_num)d"
    assert conf["program:extraction"]["numprocs"] == "3"
    assert conf["program:collector"]["numprocs"] == "1"
    assert conf["program:api"]["numprocs"] == "1"  # one port


def test_a_bad_instance_count_is_one_clear_line(tmp_path: Path) -> None:
    done = render(tmp_path, VERIFY_INSTANCES="two")
    assert done.returncode != 0
    assert done.stderr.strip() == "VERIFY_INSTANCES for extraction must be a number, got 'two'"
