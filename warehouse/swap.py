"""Moving a rebuilt warehouse into place — an upgrade's last step — so that a kill at any point
leaves the old warehouse or the new one, and the next writer finishes what a kill interrupted.

An upgrade (`warehouse.upgrade`) builds the new warehouse whole in `<data-dir>/.upgrade/`: its
`parquet/`, `quarantine/`, `docs/` and `warehouse.duckdb`, whose views already read the data
directory's own `parquet/`. Then, under the writer lock:

1. `.upgrade/READY` is written (fsynced): from here on the move only goes forward;
2. `parquet/`, `quarantine/`, `docs/` in turn: the current one is renamed into
   `.upgrade/previous/`, the rebuilt one into its place;
3. `warehouse.duckdb` last, replaced in one rename (the previous one kept by a second name in
   `.upgrade/previous/` first): the switch for every reader of the catalog;
4. `.upgrade/` is removed, the previous warehouse with it (the inputs stay in `raw/`).

Each step is one rename within the data directory, done only if not done yet, so
`finish_swap` — which every writer calls under the writer lock before it opens the catalog —
completes an interrupted move from wherever it stopped. Before READY nothing in the data
directory has changed; a half-built `.upgrade/` is removed by the next upgrade
(`discard_build`). Between steps 2 and 3 the previous catalog is still in place — refused by
this code for its version, naming `budget upgrade`, which finishes the move — and an analyst's
query through it reads the rebuilt Parquet.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from warehouse.settings import WarehouseSettings
from warehouse.staging import fsync_dir, write_text_atomically

BUILD = ".upgrade"  # under the data directory
READY = "READY"
PREVIOUS = "previous"
FOLDERS = ("parquet", "quarantine", "docs")  # moved in first, in this order; the catalog last


def build_dir(settings: WarehouseSettings) -> Path:
    """Where an upgrade builds the new warehouse: `<data-dir>/.upgrade/`."""
    return settings.data_dir / BUILD


def build_settings(settings: WarehouseSettings) -> WarehouseSettings:
    """The settings of the warehouse being built (its own lock, staging and folders)."""
    return WarehouseSettings(
        build_dir(settings), lock_timeout_s=settings.lock_timeout_s, public_url=None
    )


def discard_build(settings: WarehouseSettings) -> None:
    """Remove what an upgrade that never got to READY left (call under the writer lock)."""
    build = build_dir(settings)
    if build.exists() and not (build / READY).exists():
        shutil.rmtree(build)


def mark_ready(settings: WarehouseSettings) -> None:
    """The build is complete: from now on the move only goes forward."""
    build = build_dir(settings)
    for name in FOLDERS:
        (build / name).mkdir(exist_ok=True)  # an empty folder replaces the previous one too
    write_text_atomically(build / READY, "the rebuilt warehouse is complete: move it in\n")


def finish_swap(settings: WarehouseSettings) -> bool:
    """Move a complete build into place, or finish moving it; whether there was one. Call
    under the writer lock."""
    build = build_dir(settings)
    if not (build / READY).is_file():
        return False
    previous = build / PREVIOUS
    previous.mkdir(exist_ok=True)
    for name in FOLDERS:
        _move_in(build / name, settings.data_dir / name, previous / name)
    database, rebuilt = settings.database, build / settings.database.name
    if rebuilt.exists():
        # The catalog is replaced in one rename, never absent: the previous one is kept by a
        # second name first. An unreplayed log belongs to it, and goes with it.
        if database.exists() and not (previous / database.name).exists():
            os.link(database, previous / database.name)
        wal = database.with_name(database.name + ".wal")
        if wal.exists():
            os.rename(wal, previous / wal.name)
        os.rename(rebuilt, database)
    fsync_dir(settings.data_dir)
    shutil.rmtree(build)
    return True


def _move_in(new: Path, current: Path, previous: Path) -> None:
    if not new.exists():
        return  # moved in already
    if previous.exists() and current.is_dir():
        # Moved aside already, and written again since by a run outside the writer lock (the
        # Data Docs): the rebuilt one replaces it.
        shutil.rmtree(current)
    with contextlib.suppress(FileNotFoundError):  # nothing there yet (a first docs/)
        os.rename(current, previous)
    os.rename(new, current)
