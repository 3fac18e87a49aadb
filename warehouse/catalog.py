"""The DuckDB catalog: opening `warehouse.duckdb` and registering its tables and views.

Relations are defined in `warehouse/sql/<relation>.sql`, one per file, in dependency order
(`RELATIONS`). Tables are created if missing; views are re-created whenever they differ from what
this code would register for this data directory (`views_current`: a digest of their statements,
kept as a comment on budget_cells) — after the first Parquet file, a change of a view, or a move
of the data directory — so their absolute Parquet paths point at it. A SQL file
names what it reads with `${…}` placeholders: `${budget_cells}` for the budget_cells Parquet
files (see `warehouse.relations`), `${budget_tables_columns}` for a table's column list; a
literal `$` (a regular expression's end) is written `$$`.

The file is created with storage version v1.5.0 so that the 1.5.x `duckdb` command-line tool
(PyPI `duckdb-cli`) can open it; later writes by duckdb 2.x keep that version.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

import duckdb

from warehouse.connection import connect, in_memory, sql_identifier, sql_literal
from warehouse.lock import Notify
from warehouse.reference import reference_fingerprint, write_reference_tables
from warehouse.relations import (
    BUDGET_TABLES,
    PARQUET_RELATIONS,
    VALIDATION_RESULTS,
)
from warehouse.settings import WarehouseSettings
from warehouse.staging import write_atomically

STORAGE_VERSION = "v1.5.0"

RELATIONS = (
    "disclosures",
    "budget_tables",
    "budget_cells",
    "budget_rows",
    "budget_facts",
    "current_disclosures",
    "typed_facts",
    "expenditure_by_function",
    "income",
    "basic_expenditure_by_economic_class",
    "sangong_costs",
    "government_funds",
    "performance_targets",
    "validation_results",
    "reconciliation_runs",
    "reconciliation_findings",
    "reconciliation_documents",
    "reconciliation_findings_latest",
    "reconciliation_status",
    "units",
    "subjects",
)

# Relations kept as DuckDB tables whose columns come from their layout.
_TABLE_LAYOUTS = (BUDGET_TABLES, VALIDATION_RESULTS)


def relation_sql(name: str, settings: WarehouseSettings | None = None) -> str:
    """The statement of `warehouse/sql/<name>.sql`, its placeholders filled in (the Parquet
    sources only given the data directory's `settings`)."""
    template = _template(name)
    values = _placeholders(settings)
    return template.substitute(values) if settings else template.safe_substitute(values)


@cache
def _template(name: str) -> Template:
    # Read once per process: every load checks the views against these statements.
    return Template(resources.files("warehouse").joinpath("sql", f"{name}.sql").read_text("utf-8"))


@cache
def _table_columns() -> dict[str, str]:
    return {f"{r.name}_columns": r.columns_ddl() for r in _TABLE_LAYOUTS}


def _placeholders(settings: WarehouseSettings | None) -> dict[str, str]:
    values = dict(_table_columns())
    if settings is not None:
        values |= {r.name: r.source_sql(settings.parquet_dir) for r in PARQUET_RELATIONS}
    return values


def open_writer(
    settings: WarehouseSettings, notify: Notify | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-write connection; call only while holding `writer_lock`.

    An analyst's open connection (even read-only) keeps DuckDB's own file lock: wait for it to
    close, saying so, up to `lock_timeout_s`.
    """
    if not settings.database.exists():
        _create_database(settings)
    return connect(
        settings.database, read_only=False, timeout_s=settings.lock_timeout_s, notify=notify
    )


def open_reader(
    settings: WarehouseSettings, notify: Notify | None = None
) -> duckdb.DuckDBPyConnection | None:
    """A read-only connection, or None when nothing has been written yet."""
    if not settings.database.exists():
        return None
    return connect(
        settings.database, read_only=True, timeout_s=settings.lock_timeout_s, notify=notify
    )


def _views(settings: WarehouseSettings) -> list[str]:
    """The statements of every view, for this data directory as it is now."""
    statements = (relation_sql(name, settings) for name in RELATIONS)
    return [sql for sql in statements if "CREATE OR REPLACE VIEW" in sql]


def _digest(settings: WarehouseSettings) -> str:
    """What the catalog is built from: every relation's statement (views for this data
    directory) and the reference data."""
    statements = [relation_sql(name, settings) for name in (*RELATIONS, "backfill")]
    return hashlib.sha256("\n".join([*statements, reference_fingerprint()]).encode()).hexdigest()


def register_views(con: duckdb.DuckDBPyConnection, settings: WarehouseSettings) -> None:
    """(Re)create every view, reading the Parquet of this data directory by absolute path —
    after bringing the tables up to date (`create_tables`), which the views read — and stamp
    them (a comment on budget_cells) with the digest of what they were built from."""
    create_tables(con)
    for sql in _views(settings):
        con.execute(sql)
    con.execute(f"COMMENT ON VIEW budget_cells IS {sql_literal(_digest(settings))}")


def refresh_views(con: duckdb.DuckDBPyConnection, settings: WarehouseSettings) -> bool:
    """Register the views unless they are current; whether they were (re)registered."""
    if views_current(con, settings):
        return False
    register_views(con, settings)
    return True


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table the catalog keeps where missing, give an older warehouse's tables the
    columns added since (filled where they follow from what is there: `backfill.sql`), and
    rebuild the reference tables from the templates (`warehouse.reference`)."""
    for name in RELATIONS:
        sql = relation_sql(name)
        if "CREATE TABLE" in sql:
            con.execute(sql)
            _add_missing_columns(con, name, sql)
    write_reference_tables(con)
    con.execute(relation_sql("backfill"))


def _add_missing_columns(con: duckdb.DuckDBPyConnection, table: str, create_sql: str) -> None:
    scratch = in_memory()
    try:
        scratch.execute(create_sql)
        wanted = scratch.execute(f"DESCRIBE {sql_identifier(table)}").fetchall()
    finally:
        scratch.close()
    present = {row[0] for row in con.execute(f"DESCRIBE {sql_identifier(table)}").fetchall()}
    for column, column_type, *_ in wanted:
        if column not in present:
            con.execute(
                f"ALTER TABLE {sql_identifier(table)} "
                f"ADD COLUMN {sql_identifier(column)} {column_type}"
            )


def views_current(con: duckdb.DuckDBPyConnection, settings: WarehouseSettings) -> bool:
    """Whether the views are what this code registers for this data directory now: the same
    statements, tables and reference data (a view changed, added or moved to another directory,
    a table gaining a column, a template changed — or the first Parquet file written, which
    turns budget_cells from a placeholder into a view of the files — is not). A warehouse an
    earlier version wrote is not current, so that it is brought up to date."""
    rows = con.execute(
        "SELECT comment FROM duckdb_views() WHERE view_name = 'budget_cells' AND NOT internal"
    ).fetchall()
    return bool(rows) and rows[0][0] == _digest(settings)


def _create_database(settings: WarehouseSettings) -> None:
    # Built aside and renamed into place: a crash never leaves a half-created catalog.
    def build(staged: Path) -> None:
        con = in_memory()
        try:
            alias = sql_identifier(settings.database.stem)
            con.execute(
                f"ATTACH {sql_literal(str(staged))} AS {alias} "
                f"(STORAGE_VERSION '{STORAGE_VERSION}')"
            )
            con.execute(f"USE {alias}")
            register_views(con, settings)
            con.execute("CHECKPOINT")
        finally:
            con.close()

    write_atomically(settings.database, build, staging_dir=settings.staging_dir)
