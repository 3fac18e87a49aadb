"""The writer lock: one process at a time changes the warehouse.

DuckDB itself allows one writer process per database file and makes a second one fail at once
(`Could not set lock on file`). Loads also write Parquet partitions and the ledger together, so
writers are serialised on an advisory `fcntl.flock` of `<data-dir>/warehouse.lock`, held from the
first write of a document to its commit: a second ingest waits for it (up to
`lock_timeout_s`, then a clear `WarehouseBusy`). The kernel drops the lock when its holder dies,
even by `kill -9`, so a crashed run never leaves the warehouse locked.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from warehouse.settings import WarehouseSettings

_POLL_S = 0.05


class WarehouseBusy(RuntimeError):
    """Another writer held the warehouse longer than this one was willing to wait."""


@contextmanager
def writer_lock(settings: WarehouseSettings) -> Iterator[None]:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(settings.lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + settings.lock_timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(
                        f"{settings.data_dir}: another writer ({_holder(fd)}) still holds "
                        f"{settings.lock_file.name} after {settings.lock_timeout_s:g} s"
                    ) from None
                time.sleep(_POLL_S)
        # Who holds the lock, for the message a waiting writer gives; the lock is the flock.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    text = os.pread(fd, 64, 0).decode(errors="replace").strip()
    return text or "pid unknown"
