"""Waiting for the warehouse: the writer lock, and the one waiting loop every lock wait uses.

DuckDB itself allows one writer process per database file and makes a second one fail at once
(`Could not set lock on file`); an analyst's open connection, even read-only, also keeps a writer
out. Loads also write Parquet partitions and the ledger together, so writers are serialised on
an advisory `fcntl.flock` of `<data-dir>/warehouse.lock`, held from the first write of a document
to its commit. The kernel drops that lock when its holder dies, even by `kill -9`, so a crashed
run never leaves the warehouse locked.

Whoever waits — for the writer lock or for DuckDB's file lock — waits through `wait_for`: it
says so within `NOTICE_AFTER_S` (naming the holder and what to do), again every `NOTICE_EVERY_S`,
and gives up after `timeout_s` with one `WarehouseBusy` line, never a traceback wall.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from warehouse.errors import WarehouseError
from warehouse.settings import WarehouseSettings

T = TypeVar("T")

_POLL_S = 0.05
_MAX_POLL_S = 0.5
NOTICE_AFTER_S = 5.0  # the first "waiting for …" line comes this soon
NOTICE_EVERY_S = 30.0  # … and then again this often

Notify = Callable[[str], None]

log = logging.getLogger(__name__)


class WarehouseBusy(WarehouseError):
    """Someone held the warehouse longer than this run was willing to wait."""


def wait_for(
    attempt: Callable[[], T | None],
    *,
    what: str,
    holder: Callable[[], str],
    timeout_s: float,
    notify: Notify | None = None,
) -> T:
    """Call `attempt` until it returns something other than None, saying so while it waits.

    `what` names the thing waited for (`warehouse.duckdb`), `holder()` who holds it now.
    """
    say = notify or log.warning
    started = time.monotonic()
    next_notice = started + min(NOTICE_AFTER_S, timeout_s)
    pause = _POLL_S
    while True:
        got = attempt()
        if got is not None:
            return got
        now = time.monotonic()
        waited = now - started
        if waited >= timeout_s:
            raise WarehouseBusy(
                f"gave up waiting for {what} after {waited:.1f} s: held by {holder()}; try "
                f"again once it is free, or raise BUDGET_LOCK_TIMEOUT_S (now {timeout_s:g} s)"
            )
        if now >= next_notice:
            say(
                f"waiting for {what}: held by {holder()}; close it or wait "
                f"({waited:.0f} s of {timeout_s:g} s)"
            )
            next_notice = now + NOTICE_EVERY_S
        time.sleep(min(pause, max(0.0, started + timeout_s - now)))
        pause = min(pause * 2, _MAX_POLL_S)


@contextmanager
def writer_lock(settings: WarehouseSettings, notify: Notify | None = None) -> Iterator[None]:
    """Hold the warehouse's writer lock (waiting, visibly, up to `settings.lock_timeout_s`)."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(settings.lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:

        def take() -> bool | None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                return None

        wait_for(
            take,
            what=settings.lock_file.name,
            holder=lambda: _holder(fd),
            timeout_s=settings.lock_timeout_s,
            notify=notify,
        )
        # Who holds the lock, for the message a waiting writer gives; the lock is the flock.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"another writer, {process_description(os.getpid())}\n".encode(), 0)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    text = os.pread(fd, 256, 0).decode(errors="replace").strip()
    return text or "an unknown process"


def _command(pid: int) -> str:
    """A process's command line, shortened, for messages that name a lock's holder."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            words = f.read().split(b"\0")
    except OSError:
        return "unknown command"
    text = " ".join(" ".join(w.decode(errors="replace").split()) for w in words if w)
    return text if len(text) <= 80 else text[:77] + "…"


def process_description(pid: int) -> str:
    """`PID 1234 (duckdb -readonly data/warehouse.duckdb)`."""
    return f"PID {pid} ({_command(pid)})"
