"""A Prefect-free ingest run in its own process, which tests can kill -9 at a chosen point.

    python -m tests.warehouse.ingest_driver --source DIR --data-dir DIR [--kill-at POINT]

It runs what the ingest flow runs (discover → extract → load → record duplicates) through the
same Prefect-free functions, without starting a Prefect server, so that killing it at precise
points is quick. `--kill-at POINT[:N]` makes the process SIGKILL itself at the N-th time it
reaches one of `KILL_POINTS`, by wrapping the real function it names; nothing else changes.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import warehouse.catalog
import warehouse.staging
import warehouse.store
from tasks.discover import discover
from tasks.extract import extract
from warehouse import store
from warehouse.settings import WarehouseSettings


def _die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


_occurrence = 1  # which matching call kills: `--kill-at POINT:N` for the N-th


def _replace_hook(where: str, after: bool) -> Callable[[Any, Any], None]:
    real = os.replace
    calls = 0

    def replace(src: Any, dst: Any) -> None:
        nonlocal calls
        hit = f"{os.sep}{where}{os.sep}" in str(dst) or str(dst).endswith(where)
        calls += hit
        if hit and not after and calls == _occurrence:
            _die()
        real(src, dst)
        if hit and after and calls == _occurrence:
            _die()

    return replace


def _after(module: Any, name: str) -> None:
    real = getattr(module, name)
    calls = 0

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        result = real(*args, **kwargs)
        calls += 1
        if calls == _occurrence:
            _die()
        return result

    setattr(module, name, wrapped)


def _before_partition_sweep() -> None:
    """Die when a load, its ledger committed, is about to remove the superseded version's file
    (the sweep of one partition; the run-wide sweep in `sightings` does not count)."""
    real = warehouse.store.sweep_cells
    calls = 0

    def wrapped(settings: Any, current: Any, partitions: Any = None) -> Any:
        nonlocal calls
        if partitions is not None:
            calls += 1
            if calls == _occurrence:
                _die()
        return real(settings, current, partitions)

    warehouse.store.sweep_cells = wrapped  # type: ignore[assignment]


def _nth_load_then_die(n: int) -> None:
    real = store.load_disclosure
    calls = 0

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        result = real(*args, **kwargs)
        calls += 1
        if calls == n:
            _die()
        return result

    store.load_disclosure = wrapped  # type: ignore[assignment]


KILL_POINTS: dict[str, Callable[[], None]] = {
    # a raw copy written aside, not yet renamed into raw/
    "raw-staged": lambda: setattr(warehouse.staging.os, "replace", _replace_hook("raw", False)),
    # the catalog file built aside, not yet renamed into place
    "database-staged": lambda: setattr(
        warehouse.staging.os, "replace", _replace_hook("warehouse.duckdb", False)
    ),
    # a document's cells written and fsynced aside, not yet renamed into parquet/
    "partition-staged": lambda: setattr(
        warehouse.staging.os, "replace", _replace_hook("budget_cells", False)
    ),
    # the cells file renamed into its partition (beside the version it supersedes, if any),
    # the ledger transaction not yet begun: the point where a kill used to lose a re-issue
    "partition-replaced": lambda: setattr(
        warehouse.staging.os, "replace", _replace_hook("budget_cells", True)
    ),
    # inside the ledger transaction, after every statement, before COMMIT
    "before-commit": lambda: _after(warehouse.store, "refresh_views"),
    # the ledger committed (the new version current), the superseded file not yet removed
    "committed": _before_partition_sweep,
    # a quarantine report written, its ledger row not yet recorded
    "quarantine-written": lambda: setattr(
        warehouse.staging.os, "replace", _replace_hook("quarantine", True)
    ),
    # the first document fully loaded and committed, the second not started
    "after-first-load": lambda: _nth_load_then_die(1),
    # two documents committed (one superseding the other's unit and year)
    "after-second-load": lambda: _nth_load_then_die(2),
}


def run(source: Path, settings: WarehouseSettings) -> list[str]:
    batch = discover.fn(source, settings)
    lines = [f"{o.document.file_name} {o.status}" for o in batch.unchanged]
    for document in batch.new:
        extraction = extract(document)
        if extraction.disclosure is None:
            outcome = store.quarantine_document(
                settings, document, extraction.reason or "", extraction.message or ""
            )
        else:
            outcome = store.load_disclosure(settings, document, extraction.disclosure)
        lines.append(f"{document.file_name} {outcome.status}")
    for outcome in store.record_duplicates(settings, batch.repeats):
        lines.append(f"{outcome.document.file_name} {outcome.status}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--kill-at", help=f"POINT or POINT:N, POINT one of {sorted(KILL_POINTS)}")
    parser.add_argument("--lock-timeout", type=float, default=600.0)
    args = parser.parse_args()
    if args.kill_at:
        global _occurrence
        point, _, nth = args.kill_at.partition(":")
        _occurrence = int(nth or 1)
        KILL_POINTS[point]()
    settings = WarehouseSettings(args.data_dir, lock_timeout_s=args.lock_timeout)
    print("started", flush=True)
    for line in run(args.source, settings):
        print(line, flush=True)


if __name__ == "__main__":
    main()
