"""The raw store: every input file kept as it came, named by the sha256 of its bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from warehouse.settings import WarehouseSettings
from warehouse.staging import write_atomically

_CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def keep_raw(source: Path, sha256: str, settings: WarehouseSettings) -> Path:
    """Copy `source` to `raw/<sha256>.pdf` unless it is already there; return the raw path.

    Content addressing makes this safe to repeat and to race: two writers of the same name write
    the same bytes, and each rename is atomic.
    """
    target = settings.raw_path(sha256)
    if not target.exists():
        write_atomically(
            target,
            lambda staged: _copy(source, staged, sha256),
            staging_dir=settings.staging_dir,
        )
    return target


def _copy(source: Path, staged: Path, sha256: str) -> None:
    # Hash what is copied: a file still being written into the inbox must not be kept under a
    # name its bytes do not have.
    digest = hashlib.sha256()
    with source.open("rb") as src, staged.open("wb") as dst:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            dst.write(chunk)
    if digest.hexdigest() != sha256:
        raise RawFileChanged(f"{source}: its content changed while it was being read")


class RawFileChanged(OSError):
    """The input file's bytes changed between hashing and keeping it."""
