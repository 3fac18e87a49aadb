"""Processes an end-to-end test starts, and stops again by PID — every one of them."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import httpx


def start(
    command: Sequence[str], env: Mapping[str, str], log: Path, cwd: Path
) -> subprocess.Popen[bytes]:
    """Start `command` in a session of its own (so nothing of it outlives `stop`)."""
    return subprocess.Popen(
        list(command),
        cwd=cwd,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def session_pids(sid: int) -> list[int]:
    """PIDs of every live process in session `sid` (from /proc: field 6 of stat)."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            pids.append(int(entry.name))
    return pids


def alive(pid: int) -> bool:
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
        if waited == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    return state != "Z"


def stop(pid: int, sid: int | None = None, timeout_s: float = 20.0) -> bool:
    """SIGTERM `pid`, wait; then SIGKILL it and anything left in its session, each by PID.

    True when `pid` exited on SIGTERM alone (what a supervisor expects of a well-behaved
    server or worker)."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return True
    deadline = time.monotonic() + timeout_s
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    graceful = not alive(pid)
    leftovers = ([] if graceful else [pid]) + (session_pids(sid) if sid is not None else [])
    for other in dict.fromkeys(leftovers):
        with contextlib.suppress(ProcessLookupError):
            os.kill(other, signal.SIGKILL)
    return graceful


def wait_healthy(api_url: str, timeout_s: float = 120.0) -> float:
    """Seconds until `api_url`/health answers 200."""
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        try:
            if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                return time.monotonic() - started
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"no Prefect API at {api_url} after {timeout_s} s")
