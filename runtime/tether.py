"""A tether: when a command dies, even by `kill -9`, what it started dies with it.

    release = tether()        # in the command, before it starts children
    …                         # children, grandchildren (Prefect's temporary API server, …)
    release()                 # a normal end: the tether leaves quietly

`tether()` starts this file as a tiny process (standard library only, `python -I -S`) that holds
the read end of a pipe whose write end only the command holds, and marks the command's
environment (`TETHERED_TO=<pid>:<start time>`), which every process it starts from then on
inherits. When the pipe reaches end of file without the word `done` — the command died without
releasing it; the kernel closes a dead process's pipes whatever killed it — the tether sends
SIGTERM to every process carrying the mark, and to the command's tree as it last saw it (polled
every `POLL_S`, for a child that cleared its environment), then SIGKILL to what is left after
`GRACE_S`, and exits. Orphans are found by the mark, not by their parent (a dead command's
children are re-parented at once). Each is checked to be the same process (same start time)
before it is signalled. Linux only (/proc).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable

POLL_S = 1.0
GRACE_S = 3.0
DONE = b"done\n"
MARK = "TETHERED_TO"


def _start_time(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return int(fields[19])  # starttime, field 22 of proc(5)


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        tree.setdefault(ppid, []).append(int(name))
    return tree


def descendants(root: int) -> dict[int, int]:
    """Every live descendant of `root`, with its start time."""
    tree, found, todo = _children(), {}, [root]
    while todo:
        for child in tree.get(todo.pop(), []):
            started = _start_time(child)
            if started is not None and child != os.getpid():
                found[child] = started
                todo.append(child)
    return found


def marked(mark: str) -> dict[int, int]:
    """Every live process whose environment carries `MARK=mark`, with its start time."""
    needle = f"{MARK}={mark}".encode()
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as f:
                if needle not in f.read().split(b"\0"):
                    continue
        except OSError:
            continue
        started = _start_time(int(name))
        if started is not None:
            found[int(name)] = started
    return found


def _end(processes: dict[int, int]) -> None:
    alive = dict(processes)
    for sig, wait in ((signal.SIGTERM, GRACE_S), (signal.SIGKILL, 0.0)):
        for pid, started in list(alive.items()):
            if _start_time(pid) != started:  # gone, or the pid now names another process
                alive.pop(pid)
                continue
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                alive.pop(pid)
        deadline = time.monotonic() + wait
        while alive and time.monotonic() < deadline:
            time.sleep(0.05)
            alive = {p: s for p, s in alive.items() if _start_time(p) == s}


def watch(command: int, mark: str) -> None:
    """Run in the tether process: follow `command`'s tree until the pipe on stdin closes."""
    seen: dict[int, int] = {}
    received = bytearray()
    closed = threading.Event()

    def read() -> None:
        while chunk := os.read(0, 64):
            received.extend(chunk)
        closed.set()

    threading.Thread(target=read, daemon=True).start()
    while not closed.wait(POLL_S):
        if _start_time(command) is not None:
            seen.update(descendants(command))
    if bytes(received) != DONE:
        seen.update(marked(mark))
        _end(seen)


def tether() -> Callable[[], None]:
    """Start a tether for this process; the function returned releases it (idempotent)."""
    read_end, write_end = os.pipe()  # not inheritable: children never hold the write end
    mark = f"{os.getpid()}:{_start_time(os.getpid())}"
    process = subprocess.Popen(
        [sys.executable, "-I", "-S", __file__, str(os.getpid()), mark],
        env={k: v for k, v in os.environ.items() if k != MARK},
        stdin=read_end,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # a terminal's Ctrl-C reaches the command, not the tether
    )
    os.close(read_end)
    os.environ[MARK] = mark  # inherited by every process started from now on
    released = False

    def release() -> None:
        nonlocal released
        if released:
            return
        released = True
        if os.environ.get(MARK) == mark:
            del os.environ[MARK]
        try:
            os.write(write_end, DONE)
        finally:
            os.close(write_end)
        process.wait(timeout=10)

    return release


if __name__ == "__main__":
    watch(int(sys.argv[1]), sys.argv[2])
