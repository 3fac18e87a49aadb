"""The DuckDB catalog: opening `warehouse.duckdb` and registering its tables and views.

Relations are defined in `warehouse/sql/<relation>.sql`, one per file, in dependency order
(`RELATIONS`). Tables are created if missing; views are re-created by every load, and by the
next run after the data directory moved, so their absolute Parquet paths point at it.

The file is created with storage version v1.5.0 so that the 1.5.x `duckdb` command-line tool
(PyPI `duckdb-cli`) can open it; later writes by duckdb 2.x keep that version.
"""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path
from string import Template

import duckdb
import pyarrow as pa

from warehouse.partitions import has_partitions, relation_glob
from warehouse.relations import CELLS_SCHEMA
from warehouse.settings import WarehouseSettings
from warehouse.staging import place_atomically

STORAGE_VERSION = "v1.5.0"

RELATIONS = (
    "disclosures",
    "budget_tables",
    "budget_cells",
    "budget_facts",
    "expenditure_by_function",
    "income",
    "basic_expenditure_by_economic_class",
    "sangong_costs",
    "government_funds",
    "performance_targets",
    "validation_results",
)

_LOCK_RETRY_S = 0.1
_SQL_TYPES = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.float64(): "DOUBLE",
    pa.decimal128(18, 2): "DECIMAL(18,2)",
}


def relation_sql(name: str) -> str:
    return resources.files("warehouse").joinpath("sql", f"{name}.sql").read_text("utf-8")


def open_writer(settings: WarehouseSettings) -> duckdb.DuckDBPyConnection:
    """A read-write connection; call only while holding `writer_lock`.

    An analyst's open connection (even read-only) keeps DuckDB's own file lock: wait for it to
    close, up to `lock_timeout_s`, then fail with DuckDB's message naming the holder.
    """
    if not settings.database.exists():
        _create_database(settings)
    return _connect(settings.database, read_only=False, timeout_s=settings.lock_timeout_s)


def open_reader(settings: WarehouseSettings) -> duckdb.DuckDBPyConnection | None:
    """A read-only connection, or None when nothing has been written yet."""
    if not settings.database.exists():
        return None
    return _connect(settings.database, read_only=True, timeout_s=settings.lock_timeout_s)


def register_views(con: duckdb.DuckDBPyConnection, settings: WarehouseSettings) -> None:
    """(Re)create every view, reading the Parquet of this data directory by absolute path."""
    sources = {"budget_cells_parquet": _cells_source(settings)}
    for name in RELATIONS:
        sql = relation_sql(name)
        if "CREATE OR REPLACE VIEW" in sql:
            con.execute(Template(sql).substitute(sources))


def views_current(con: duckdb.DuckDBPyConnection, settings: WarehouseSettings) -> bool:
    """Whether the views read this data directory's Parquet (not a moved or empty one)."""
    row = con.execute(
        "SELECT sql FROM duckdb_views() WHERE view_name = 'budget_cells' AND NOT internal"
    ).fetchone()
    if row is None:
        return False
    if has_partitions(settings, "budget_cells"):
        return _literal(relation_glob(settings, "budget_cells")) in row[0]
    return "read_parquet" not in row[0]


def _create_database(settings: WarehouseSettings) -> None:
    # Built aside and renamed into place: a crash never leaves a half-created catalog.
    def build(staged: Path) -> None:
        con = duckdb.connect()
        try:
            con.execute(
                f"ATTACH {_literal(str(staged))} AS {_identifier(settings.database.stem)} "
                f"(STORAGE_VERSION '{STORAGE_VERSION}')"
            )
            con.execute(f"USE {_identifier(settings.database.stem)}")
            for name in RELATIONS:
                sql = relation_sql(name)
                if "CREATE TABLE" in sql:
                    con.execute(sql)
            register_views(con, settings)
            con.execute("CHECKPOINT")
        finally:
            con.close()

    place_atomically(settings.database, settings.staging_dir, build)


def _connect(path: Path, *, read_only: bool, timeout_s: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as error:
            if "Could not set lock" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(_LOCK_RETRY_S)


def _cells_source(settings: WarehouseSettings) -> str:
    if has_partitions(settings, "budget_cells"):
        return (
            f"read_parquet({_literal(relation_glob(settings, 'budget_cells'))}, "
            "hive_partitioning = true, hive_types = {'year': INTEGER, 'unit_code': VARCHAR})"
        )
    # DuckDB refuses a glob that matches no file; until the first load the view is empty.
    columns = [f"CAST(NULL AS {_SQL_TYPES[f.type]}) AS {f.name}" for f in CELLS_SCHEMA]
    columns += ["CAST(NULL AS INTEGER) AS year", "CAST(NULL AS VARCHAR) AS unit_code"]
    return f"(SELECT {', '.join(columns)} LIMIT 0)"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _identifier(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
