"""The tether: kill -9 a process, and what it started dies with it; release it, and nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# A command that tethers itself, starts a grandchild tree (sh → sleep), says their pids, waits.
COMMAND = textwrap.dedent(
    """
    import subprocess, sys, time
    from runtime.tether import tether
    release = tether()
    child = subprocess.Popen(["sh", "-c", "sleep 300 & wait"])
    time.sleep(0.5)
    with open(f"/proc/{child.pid}/task/{child.pid}/children") as f:
        grandchild = f.read().split()[0]
    print(child.pid, grandchild, flush=True)
    if sys.argv[1] == "release":
        release()
        print("released", flush=True)
    time.sleep(300)
    """
)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def gone_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(alive(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


def start(mode: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", COMMAND, mode], cwd=REPO, stdout=subprocess.PIPE, text=True
    )


def test_kill_9_of_a_tethered_process_takes_its_tree_down() -> None:
    command = start("hold")
    assert command.stdout is not None
    pids = [int(p) for p in command.stdout.readline().split()]
    assert all(alive(p) for p in pids)
    command.send_signal(signal.SIGKILL)
    command.wait()
    assert gone_within(pids, 10.0), "a tethered process outlived its killed parent"


def test_a_released_tether_kills_nothing() -> None:
    command = start("release")
    assert command.stdout is not None
    pids = [int(p) for p in command.stdout.readline().split()]
    assert command.stdout.readline().strip() == "released"
    try:
        command.send_signal(signal.SIGKILL)
        command.wait()
        # Released: the tether has left, so the children outlive the command (as any would).
        assert not gone_within(pids, 2.0)
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
