"""The one-off command as a person runs it, as a process: on a busy machine, with an analyst's
DuckDB session open, and killed with kill -9 — its temporary Prefect server and every other
process it started must not outlive it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import HUNAN_2023, HUNAN_2024
from tests.e2e.processes import session_pids
from tests.warehouse.warehouse_state import REPO, driver

pytestmark = pytest.mark.slow


class Command:
    """`python -m flows.ingest …` in a session of its own, its output read line by line."""

    def __init__(self, source: Path, data_dir: Path, **env: str) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        arguments = ["--source", str(source), "--data-dir", str(data_dir)]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flows.ingest", *arguments],
            cwd=REPO,
            env={**os.environ, **env},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def wait_for(self, text: str, timeout: float = 300) -> str:
        """The first line holding `text`, once printed (fails if the command ends first)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = next((line for line in self.lines if text in line), None)
                if found is not None:
                    return found
                assert self.process.poll() is None, f"ended without {text!r}:\n{self.output}"
                assert time.monotonic() < deadline, f"no {text!r} yet:\n{self.output}"
                self._changed.wait(1.0)

    def finish(self, timeout: float = 600) -> int:
        return self.process.wait(timeout=timeout)

    @property
    def output(self) -> str:
        return "\n".join(self.lines)


@contextmanager
def analyst(database: Path) -> Iterator[tuple[int, Callable[[], None]]]:
    """An analyst's read-only DuckDB session on `database`, in another process: its PID, and
    a function that closes it."""
    session = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
            "print('open', flush=True); sys.stdin.read(); c.close()",
            str(database),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert session.stdout is not None and session.stdin is not None
    assert session.stdout.readline().strip() == "open"

    def close() -> None:
        if session.stdin and not session.stdin.closed:
            session.stdin.close()
        session.wait(timeout=30)

    try:
        yield session.pid, close
    finally:
        close()


def test_an_open_analyst_session_is_waited_for_visibly_then_given_up_in_one_line(
    make_inbox: Callable[..., Path], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    assert driver(make_inbox(HUNAN_2024, folder="first"), data_dir).returncode == 0
    second = make_inbox(HUNAN_2023, folder="second")
    with analyst(data_dir / "warehouse.duckdb") as (pid, close):
        # Too short a limit: the run says who holds the file, then fails with one line.
        impatient = Command(second, data_dir, BUDGET_LOCK_TIMEOUT_S="8")
        assert impatient.finish() == 1, impatient.output
        assert f"waiting for warehouse.duckdb: held by PID {pid} (" in impatient.output
        said = [line for line in impatient.lines if line.startswith("ingest: ")]
        assert len(said) == 1 and said[0].startswith(
            f"ingest: gave up waiting for warehouse.duckdb after 8.0 s: held by PID {pid} ("
        ), impatient.output
        assert "Traceback" not in impatient.output

        # The default limit: the run waits, saying so within 30 s, and completes once the
        # analyst closes the session.
        patient = Command(second, data_dir)
        notice = patient.wait_for("waiting for warehouse.duckdb")
        assert f"held by PID {pid} (" in notice and "close it or wait" in notice
        close()
        assert patient.finish() == 0, patient.output
    assert f"loaded       {HUNAN_2023}" in patient.output


@pytest.mark.parametrize("moment", ["server starting", "Beginning flow run"])
def test_kill_9_of_the_command_leaves_no_process_of_its_tree(
    moment: str, make_inbox: Callable[..., Path], tmp_path: Path
) -> None:
    command = Command(make_inbox(HUNAN_2024), tmp_path / "data")
    if moment != "server starting":  # else at once: the server process starts first thing
        command.wait_for(moment)
    deadline = time.monotonic() + 60
    while len(session_pids(command.process.pid)) < 2:  # the server's process, at least
        assert time.monotonic() < deadline, "the command has started nothing yet"
        time.sleep(0.05)
    os.kill(command.process.pid, signal.SIGKILL)
    command.finish()

    deadline = time.monotonic() + 15  # "by more than a few seconds"
    while (left := session_pids(command.process.pid) + tethers(command.process.pid)) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.2)
    assert not left, [Path(f"/proc/{p}/cmdline").read_bytes() for p in left]


def tethers(pid: int) -> list[int]:
    """The command's tether (a session of its own), while it is still alive."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(w.endswith(b"tether.py") for w in words) and str(pid).encode() in words:
            found.append(int(entry.name))
    return found


def test_the_command_completes_while_every_core_is_busy(
    make_inbox: Callable[..., Path], tmp_path: Path
) -> None:
    burners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(os.cpu_count() or 2)
    ]
    try:
        command = Command(make_inbox(HUNAN_2024), tmp_path / "data")
        assert command.finish() == 0, command.output
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
    assert f"loaded       {HUNAN_2024}" in command.output
