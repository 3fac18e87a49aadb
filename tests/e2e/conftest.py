"""End-to-end tests: a real `prefect server` on a free loopback port, with its own PREFECT_HOME.

Deselect them with `-m "not e2e"`; CI runs them (scripts/test runs everything).
"""

from __future__ import annotations

import os
import shutil
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.processes import start, stop, wait_healthy

REPO = Path(__file__).resolve().parents[2]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "e2e: starts a real Prefect server, worker and browser (tens of seconds)"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def artifacts_dir() -> Path:
    """Evidence kept after the run: $BUDGET_TEST_ARTIFACTS, else tests/.artifacts/."""
    folder = Path(os.environ.get("BUDGET_TEST_ARTIFACTS") or REPO / "tests" / ".artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class PrefectServer:
    port: int
    api_url: str
    ui_url: str
    env: dict[str, str]  # for scripts and workers: this server, this PREFECT_HOME
    logs: Path
    started_in_s: float


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrefectServer]:
    """`scripts/prefect-server` on a free port; stopped (every process, by PID) afterwards."""
    home = tmp_path_factory.mktemp("prefect-home")
    logs = tmp_path_factory.mktemp("logs")
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PREFECT_") and k not in ("BUDGET_DATA_DIR", "BUDGET_DASK_ADDRESS")
    }
    env |= {
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": api_url,
        "BUDGET_PREFECT_PORT": str(port),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }
    begin = time.monotonic()
    server = start(["scripts/prefect-server"], env, logs / "server.log", REPO)
    try:
        wait_healthy(api_url)
        yield PrefectServer(
            port,
            api_url,
            f"http://127.0.0.1:{port}",
            env,
            logs,
            time.monotonic() - begin,
        )
    finally:
        graceful = stop(server.pid, sid=server.pid)
        server.wait(timeout=10)
        for log in logs.glob("*.log"):
            shutil.copy(log, artifacts_dir() / f"e2e-{log.name}")
        assert graceful, "the Prefect server did not stop on SIGTERM"
