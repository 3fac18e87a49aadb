"""The schema version of `warehouse.duckdb`: which layout of stored data it holds.

Bump `SCHEMA_VERSION` by one whenever what a load stores changes — a column added to, dropped
from or retyped in a stored relation (the Parquet of budget_cells or of any relation loads
write, the `disclosures`, `budget_tables` or `validation_results` tables), a new stored relation,
or a different meaning of a value already stored. That one line is all: a warehouse of an older
version is then re-derived from the PDFs it keeps in `raw/`, in the order its ledger recorded
them, by today's code (`warehouse.upgrade`: `budget upgrade`, which an ingest runs by itself
first). `tests/warehouse/test_version.py` fails when the stored layout changes and the version
does not.

Not versioned: the views (the analyst's relations, `warehouse/sql/*.sql` views) and the
reference tables. They are re-registered in place whenever their statements or the templates
change (`warehouse.catalog.views_current`), on any version.

Versions:
- 0: before versions were recorded (every warehouse written up to 2026-12): no
  `schema_version` table. Its Parquet may lack `amount_yuan` and `template_path`.
- 1: the first recorded version.
- 2: where a unit is, per document (`disclosures.province`, `city`, `county`, `region_code`,
  `level`: disclosure.regions), and derived unit codes that start with the area code
  (`320000-…`, no longer `JS-…`); performance forms as forms: `performance_forms`,
  `performance_facts`, `performance_indicators` (disclosure.forms), one Parquet file per
  document beside its cells; printed amounts as `DECIMAL(38,6)` (six decimals as printed, and
  room for arithmetic in 元 on them).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.errors import WarehouseError

SCHEMA_VERSION = 2

TABLE = "schema_version"  # warehouse/sql/schema_version.sql


class WarehouseOutdated(WarehouseError):
    """`warehouse.duckdb` holds an older layout than this code writes: `budget upgrade`."""


class WarehouseTooNew(WarehouseError):
    """`warehouse.duckdb` was written by newer code than this."""


def stored_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of the open warehouse (0: written before versions were recorded)."""
    rows = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND schema_name = 'main'",
        [TABLE],
    ).fetchall()
    if not rows[0][0]:
        return 0
    ((version,),) = con.execute(f"SELECT max(version) FROM {TABLE}").fetchall()
    return int(version or 0)


def check_version(con: duckdb.DuckDBPyConnection, database: Path) -> None:
    """Refuse, in one line, a warehouse of another version than this code's."""
    version = stored_version(con)
    if version == SCHEMA_VERSION:
        return
    if version > SCHEMA_VERSION:
        raise WarehouseTooNew(
            f"{database} holds schema version {version}, newer than this code's "
            f"{SCHEMA_VERSION}: use the code that wrote it, or newer"
        )
    raise WarehouseOutdated(outdated_message(database, version))


def outdated_message(database: Path, version: int) -> str:
    return (
        f"{database} holds schema version {version}, this code writes version "
        f"{SCHEMA_VERSION}: run `budget upgrade --data-dir {database.parent}` to re-derive it "
        "from the PDFs kept in raw/ (nothing is lost; `budget ingest` does it too)"
    )


def record_version(con: duckdb.DuckDBPyConnection, note: str) -> None:
    """Say that the open warehouse now holds this code's layout, and how it came to."""
    con.execute(
        f"INSERT INTO {TABLE} VALUES (?, ?, ?)",
        [SCHEMA_VERSION, datetime.now(UTC).replace(tzinfo=None), note],
    )
