"""The staging area: files are written aside, then renamed into place whole.

`os.replace` within one file system is atomic: a reader sees the old file or the new one, never
a part. Staged files live in `<data-dir>/.staging/`, outside `raw/` and `parquet/`, so no glob
of a relation ever matches a file still being written. Each staged name starts with the writer's
pid, so files left behind by a killed writer can be told from a live writer's.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path


def place_atomically(target: Path, staging_dir: Path, write: Callable[[Path], None]) -> None:
    """Write `target` through `write(staged_path)`, then move it into place in one rename."""
    staging_dir.mkdir(parents=True, exist_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = staging_dir / f"{os.getpid()}-{uuid.uuid4().hex}-{target.name}"
    try:
        write(staged)
        _fsync_file(staged)
        os.replace(staged, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
        raise
    # The rename is durable only once the directory entry is on disk.
    _fsync_dir(target.parent)


def sweep_staging(staging_dir: Path) -> list[Path]:
    """Remove staged files whose writer process is gone; return what was removed."""
    removed: list[Path] = []
    if not staging_dir.is_dir():
        return removed
    for path in sorted(staging_dir.iterdir()):
        pid_text = path.name.split("-", 1)[0]
        if pid_text.isdigit() and _process_alive(int(pid_text)):
            continue
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    return removed


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
