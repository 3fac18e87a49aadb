"""Atomic file writes: a file is written aside, fsynced, then renamed into place whole.

`os.replace` within one file system is atomic: a reader sees the old file or the new one, never
a part. This is the one way the project writes a file someone else may read: Parquet partitions,
raw copies, quarantine reports, reconciliation reports, downloads and rendered sample PDFs.

Staged files live in a staging folder (`<data-dir>/.staging/` for the warehouse, outside `raw/`
and `parquet/`, so no glob of a relation ever matches a file still being written). Each staged
name starts with the writer's pid, so files left behind by a killed writer can be told from a
live writer's and swept.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

from warehouse.space import writing


def write_atomically(
    target: Path, write: Callable[[Path], object], *, staging_dir: Path | None = None
) -> Path:
    """Write `target` through `write(staged_path)`, then move it into place in one rename.

    `staging_dir` must be on the same file system as `target`; by default the staged file is a
    hidden file beside it. When `write` raises, nothing is left behind and `target` is untouched;
    a full disk raises `NoSpace` naming `target`.
    """
    folder = staging_dir if staging_dir is not None else target.parent
    hidden = "." if staging_dir is None else ""
    staged = folder / f"{hidden}{os.getpid()}-{uuid.uuid4().hex}-{target.name}"
    try:
        with writing(target):  # a full disk: `NoSpace`, naming the file
            folder.mkdir(parents=True, exist_ok=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            write(staged)
            fsync_file(staged)
            os.replace(staged, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
        raise
    # The rename is durable only once the directory entry is on disk.
    fsync_dir(target.parent)
    return target


def write_text_atomically(target: Path, text: str, *, staging_dir: Path | None = None) -> Path:
    return write_atomically(
        target, lambda staged: staged.write_text(text, encoding="utf-8"), staging_dir=staging_dir
    )


def write_bytes_atomically(target: Path, data: bytes, *, staging_dir: Path | None = None) -> Path:
    return write_atomically(
        target, lambda staged: staged.write_bytes(data), staging_dir=staging_dir
    )


def sweep_staging(staging_dir: Path) -> list[Path]:
    """Remove staged files and folders (a Data Docs site being built) whose writer process is
    gone; return what was removed."""
    removed: list[Path] = []
    if not staging_dir.is_dir():
        return removed
    for path in sorted(staging_dir.iterdir()):
        pid_text = path.name.lstrip(".").split("-", 1)[0]
        if pid_text.isdigit() and _process_alive(int(pid_text)):
            continue
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
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


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
