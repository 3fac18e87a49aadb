"""Upgrading a warehouse of an older schema version: re-deriving it from `raw/` with today's code.

Every input is kept in `raw/<doc_id>.pdf`, and the ledger (`disclosures`) says what each was:
where it was found (`source_uri`, `file_name`), when, and so in what order. An upgrade
(`flows.upgrade`: `budget upgrade`, and an ingest that finds an older warehouse) re-reads every
one, in the order the ledger recorded them, through today's pipeline — peek, screen, extract,
validate, load — into a new warehouse built aside in `<data-dir>/.upgrade/`. Loads supersede
one another in the order they did, so the new warehouse is what a fresh build of the same
inputs would be: the same ledger statuses, tables, cells, checks and quarantine reports, as
today's code sees them (a file quarantined by older code may load now, and the other way
round).

Kept from the previous warehouse, because they are not derived from the inputs: when and by
which flow run each input was first seen (`ingested_at`, `flow_run_id`), and the
reconciliation runs (history: each run's findings describe the data it checked; the next
`budget reconcile` checks the upgraded data). Then the new warehouse is moved into place
(`warehouse.swap`): a kill at any point leaves the old warehouse or the new one.

All of it runs under the writer lock, held by the caller for the whole upgrade.
Refused, in one line, with the warehouse unchanged: a warehouse newer than this code, kept
inputs missing from `raw/` (they could not be re-read), and a rebuild that did not record every
input of the previous ledger (a crash on one: the next upgrade starts over).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.catalog import register_views
from warehouse.connection import connect
from warehouse.errors import WarehouseError
from warehouse.relations import (
    RECONCILIATION_DOCUMENTS,
    RECONCILIATION_FINDINGS,
    RECONCILIATION_RUNS,
)
from warehouse.settings import WarehouseSettings
from warehouse.swap import (
    READY,
    build_dir,
    build_settings,
    discard_build,
    finish_swap,
    mark_ready,
)
from warehouse.version import (
    SCHEMA_VERSION,
    WarehouseTooNew,
    record_version,
    stored_version,
)

# Written by reconciliation runs, not by loads: history, carried over as it is.
HISTORY = (RECONCILIATION_FINDINGS, RECONCILIATION_RUNS, RECONCILIATION_DOCUMENTS)


class UpgradeRefused(WarehouseError):
    """The warehouse cannot be re-derived as it is; it is left unchanged."""


@dataclass(frozen=True)
class Sighting:
    """One row of the previous ledger: an input, where and when it was seen."""

    doc_id: str
    source_uri: str
    file_name: str
    byte_size: int
    status: str
    ingested_at: datetime
    flow_run_id: str | None

    @property
    def first(self) -> bool:
        """The input's first sighting (a `duplicate` is a later copy of the same bytes)."""
        return self.status != "duplicate"


@dataclass(frozen=True)
class Plan:
    """What an upgrade re-reads, and where it builds the new warehouse."""

    settings: WarehouseSettings  # the data directory upgraded
    from_version: int
    sightings: tuple[Sighting, ...]  # the previous ledger, in the order it recorded them

    @property
    def build(self) -> WarehouseSettings:
        """Where the new warehouse is built (`<data-dir>/.upgrade/`)."""
        return build_settings(self.settings)

    @property
    def to_version(self) -> int:
        return SCHEMA_VERSION


def needs_upgrade(settings: WarehouseSettings) -> bool:
    """Whether the warehouse holds an older schema version (or an upgrade's move into place was
    interrupted): what an ingest checks before it starts."""
    if (build_dir(settings) / READY).exists():
        return True
    if not settings.database.exists():
        return False
    con = connect(settings.database, read_only=True, timeout_s=settings.lock_timeout_s)
    try:
        return stored_version(con) < SCHEMA_VERSION
    finally:
        con.close()


def plan_upgrade(settings: WarehouseSettings) -> Plan | None:
    """What to re-read, or None when the warehouse is current (or absent). Call under the
    writer lock: finishes an interrupted move into place first, and clears a half-built one."""
    finish_swap(settings)
    if not settings.database.exists():
        return None
    con = connect(settings.database, read_only=True, timeout_s=settings.lock_timeout_s)
    try:
        version = stored_version(con)
        if version > SCHEMA_VERSION:
            raise WarehouseTooNew(
                f"{settings.database} holds schema version {version}, newer than this code's "
                f"{SCHEMA_VERSION}: use the code that wrote it, or newer"
            )
        if version == SCHEMA_VERSION:
            return None
        sightings = tuple(
            Sighting(*row)
            for row in con.execute(
                """
                SELECT doc_id, source_uri, file_name, byte_size, status, ingested_at, flow_run_id
                FROM disclosures ORDER BY ingested_at, rowid
                """
            ).fetchall()
        )
    finally:
        con.close()
    missing = sorted({s.doc_id for s in sightings if not settings.raw_path(s.doc_id).is_file()})
    if missing:
        raise UpgradeRefused(
            f"cannot upgrade {settings.database}: {len(missing)} kept inputs are missing from "
            f"raw/ (raw/{missing[0]}.pdf{', …' if len(missing) > 1 else ''}), so they cannot be "
            "re-read; restore them and run `budget upgrade` again (the warehouse is unchanged)"
        )
    discard_build(settings)
    return Plan(settings, version, sightings)


def finish_upgrade(plan: Plan) -> None:
    """The new warehouse is built (every input loaded, quarantined or recorded as a duplicate
    in `plan.build`): keep what is not derived from the inputs, point its views at the data
    directory, and move it into place. Call under the writer lock."""
    build = plan.build
    _carry_history(plan.settings.parquet_dir, build.parquet_dir)
    con = connect(build.database, read_only=False, timeout_s=build.lock_timeout_s)
    try:
        _check_complete(con, plan)
        _keep_lineage(con, plan.sightings)
        record_version(
            con,
            f"upgraded from version {plan.from_version}: re-read "
            f"{sum(s.first for s in plan.sightings)} inputs from raw/",
        )
        # Views over the files the data directory holds now (a relation the old warehouse had
        # no files of reads as empty: DuckDB refuses a view over a glob matching nothing) …
        register_views(con, plan.settings)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    mark_ready(plan.settings)
    finish_swap(plan.settings)
    # … and, the rebuilt Parquet in place, over every relation's files. Were this interrupted,
    # the next load re-registers them (their digest names which relations have files).
    con = connect(plan.settings.database, read_only=False, timeout_s=build.lock_timeout_s)
    try:
        register_views(con, plan.settings)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _check_complete(con: duckdb.DuckDBPyConnection, plan: Plan) -> None:
    recorded = set(con.execute("SELECT doc_id, source_uri FROM disclosures").fetchall())
    lost = [s for s in plan.sightings if (s.doc_id, s.source_uri) not in recorded]
    if lost:
        raise UpgradeRefused(
            f"cannot upgrade {plan.settings.database}: {len(lost)} inputs were not recorded "
            f"again ({lost[0].file_name}{', …' if len(lost) > 1 else ''}; see the run's log); "
            "the warehouse is unchanged: run `budget upgrade` again"
        )


def _keep_lineage(con: duckdb.DuckDBPyConnection, sightings: tuple[Sighting, ...]) -> None:
    """When, and by which flow run, each input was first seen: as the previous ledger says."""
    lineage = pa.table(
        {
            "doc_id": [s.doc_id for s in sightings],
            "source_uri": [s.source_uri for s in sightings],
            "ingested_at": pa.array([s.ingested_at for s in sightings], pa.timestamp("us")),
            "flow_run_id": pa.array([s.flow_run_id for s in sightings], pa.string()),
        }
    )
    con.register("previous_lineage", lineage)
    try:
        con.execute(
            """
            UPDATE disclosures SET ingested_at = p.ingested_at, flow_run_id = p.flow_run_id
            FROM previous_lineage AS p
            WHERE disclosures.doc_id = p.doc_id AND disclosures.source_uri = p.source_uri
            """
        )
    finally:
        con.unregister("previous_lineage")


def _carry_history(parquet_dir: Path, into: Path) -> None:
    """The reconciliation runs' files, into the new warehouse's `parquet/` (hard links where the
    file system allows: no second copy)."""
    for relation in HISTORY:
        source = relation.directory(parquet_dir)
        if not source.is_dir():
            continue
        target = relation.directory(into)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, copy_function=_link_or_copy)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
