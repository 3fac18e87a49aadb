"""The Prefect API a one-off command (`budget ingest|reconcile|nightly`) reports to.

With `PREFECT_API_URL` set, the command reports to that server and nothing here happens.
Without it, Prefect starts a temporary local API server (uvicorn, ~225 MB) as a child process
the first time a flow runs. Three things it does not do, which this module adds:

- start early: the command starts the server process first thing, the way Prefect does (its
  command line and environment), so that it boots (~6 s) while the command imports its flow
  (Prefect, Great Expectations: ~6 s) — Prefect itself would import its server module (~3 s,
  FastAPI and every route, in the command's own process) and start it only when the flow
  begins. `budget.cli.main` starts it (`start_early`) before the command reads its options and
  settings; `prefect_api` adopts it. `TemporaryApi.wait()` then points Prefect's settings at it
  (`PREFECT_API_URL`, for the rest of the command), once it answers;
- wait long enough on a busy machine: Prefect gives its server 20 s to answer, which a loaded
  2-core box exceeds; this waits `Settings.prefect_start_timeout_s`;
- die with the command: killed with SIGKILL, the command would leave the server running,
  orphaned. A tether (`runtime.tether`) takes the command's whole process tree down with it.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from runtime import collector
from runtime.tether import tether

_PORT_IN_USE = 3  # uvicorn's exit code when its port is taken
_temporary_urls: set[str] = set()  # the API URLs of this process's temporary servers


def is_temporary(api_url: str | None) -> bool:
    """Whether `api_url` is a temporary server this command started (`TemporaryApi`): its
    database outlives a killed run and nothing there expires leases (`tasks.limits`)."""
    return api_url in _temporary_urls


def api_configured() -> bool:
    """Whether `PREFECT_API_URL` names a server (in the environment, a profile, …)."""
    from prefect.settings import get_current_settings

    return bool(get_current_settings().api.url)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def create_app() -> Any:
    """Prefect's server app (`prefect.server.api.server.create_app`), its imports (FastAPI,
    SQLAlchemy, every route) made and then frozen out of the garbage collector's sight
    (`runtime.collector`): the server lives as long as the command."""
    collector.pause()
    from prefect.server.api.server import create_app as prefect_app

    app = prefect_app()
    collector.settle()
    return app


def _start_server(port: int) -> subprocess.Popen[bytes]:
    """Prefect's temporary server, as Prefect starts it (prefect.server.api.server
    .SubprocessASGIServer): uvicorn on Prefect's app factory (through `create_app`), UI off,
    in ephemeral mode."""
    spec = importlib.util.find_spec("prefect")
    assert spec is not None and spec.submodule_search_locations
    app_dir = Path(spec.submodule_search_locations[0]).parent
    command = [
        *(sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory"),
        *("runtime.prefect_api:create_app", "--host", "127.0.0.1", "--port", str(port)),
        *("--log-level", "error", "--lifespan", "on"),
    ]
    return subprocess.Popen(
        command,
        env={
            **os.environ,
            "PREFECT_UI_ENABLED": "0",
            "PREFECT__SERVER_EPHEMERAL": "1",
            "PREFECT__SERVER_FINAL": "1",
        },
    )


class TemporaryApi:
    """Prefect's temporary API server, booting; `wait()` before running a flow."""

    def __init__(self, start: bool) -> None:
        """Start the server now if `start` (else this is the configured API: nothing to do)."""
        self.timeout_s: float | None = None  # counted from now; `prefect_api` sets it
        self.started = time.monotonic()
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.answered = False  # once `wait()` saw it answer
        self.settings = ExitStack()  # Prefect's settings pointed at this server, once it answers
        if start:
            self.port = _free_port()
            self.process = _start_server(self.port)
            # Stopped at exit, as Prefect stops its own (also when the command ends before
            # using it: a usage error after `start_early`).
            atexit.register(self.stop)

    def discard(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def wait(self) -> None:
        """Return once the server answers, handed to Prefect (at once with a configured API)."""
        if self.process is None:
            return
        import httpx
        from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, temporary_settings

        timeout_s = float("inf") if self.timeout_s is None else self.timeout_s
        deadline = self.started + timeout_s
        with httpx.Client() as client:
            while True:
                if self.process.poll() == _PORT_IN_USE:  # taken meanwhile: another port
                    self.port = _free_port()
                    self.process = _start_server(self.port)
                try:
                    if client.get(f"http://127.0.0.1:{self.port}/api/health").status_code == 200:
                        self.answered = True
                        break
                except httpx.TransportError:
                    pass
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.process.kill()
                    raise RuntimeError(
                        "Prefect's temporary API server did not start within "
                        f"{timeout_s:g} s (BUDGET_PREFECT_START_TIMEOUT_S); "
                        f"exit code {self.process.poll()}"
                    )
                time.sleep(0.1)
        # The UI is off, so runs print no UI link.
        url = f"http://127.0.0.1:{self.port}/api"
        _temporary_urls.add(url)
        self.settings.enter_context(
            temporary_settings(updates={PREFECT_API_URL: url, PREFECT_UI_URL: ""})
        )

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s), as Prefect stops its own; one
        that never answered is killed: it served nothing, and uvicorn would finish booting
        (~8 s) before it heeded SIGTERM (a usage error after `start_early`)."""
        if self.process is None or self.process.poll() is not None:
            return
        if not self.answered:
            self.discard()
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


_early: list[TemporaryApi] = []  # started by `start_early`, for `prefect_api` to adopt


def _launch() -> TemporaryApi:
    # A private server for one command: it reports no telemetry (offline it would log errors).
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    release = tether()
    # Released at exit, after the server is stopped (atexit runs last-in, first-out): a normal
    # end leaves nothing for the tether to do.
    atexit.register(release)
    return TemporaryApi(start=True)  # started before Prefect's settings are even imported


def start_early() -> None:
    """Start the temporary API server now, unless `PREFECT_API_URL` names one: a command that
    will run a flow calls this first thing, before it reads its options and settings (~0.6 s),
    and `prefect_api` adopts the server. Its start timeout is the command's setting, counted
    from now. A server started for a command that then ends early is stopped at exit."""
    if not _early and not os.environ.get("PREFECT_API_URL"):
        _early.append(_launch())


@contextmanager
def prefect_api(start_timeout_s: float) -> Iterator[TemporaryApi]:
    """A Prefect API for the flows run inside: the configured server, or a temporary one tied
    to this process (call `wait()` on what is yielded before running a flow); the one
    `start_early` started, if it did."""
    if os.environ.get("PREFECT_API_URL"):
        yield TemporaryApi(start=False)
        return
    api = _early.pop() if _early else _launch()
    api.timeout_s = start_timeout_s
    if api_configured():  # by a profile: that server, not this one
        api.discard()
        yield TemporaryApi(start=False)
        return
    with api.settings:
        yield api
