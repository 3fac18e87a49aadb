"""The DuckDB catalog: opening `warehouse.duckdb` and registering its tables and views.

Relations are defined in `warehouse/sql/<relation>.sql`, one per file, in dependency order
(`RELATIONS`). Tables are created if missing; views are re-created whenever they differ from what
this code would register for this data directory (`views_current`: a digest of their statements,
kept as a comment on budget_cells) — after the first Parquet file, a change of a view, or a move
of the data directory — so their absolute Parquet paths point at it. A SQL file
names what it reads with `${…}` placeholders: `${budget_cells}` for the budget_cells Parquet
files (see `warehouse.relations`), `${budget_tables_columns}` for a table's column list; a
literal `$` (a regular expression's end) is written `$$`.

What is stored (tables, Parquet) has a schema version (`warehouse.version`): `open_writer` and
`open_reader` refuse a warehouse of another version in one line, and a writer first finishes an
upgrade that was interrupted while it moved the rebuilt warehouse into place
(`warehouse.swap`).

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
from warehouse.swap import finish_swap
from warehouse.version import check_version, record_version

STORAGE_VERSION = "v1.5.0"

RELATIONS = (
    "schema_version",
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
    "performance_forms",
    "performance_facts",
    "performance_indicators",
    "project_performance",
    "budget_execution",
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


def relation_sql(
    name: str, settings: WarehouseSettings | None = None, files_in: Path | None = None
) -> str:
    """The statement of `warehouse/sql/<name>.sql`, its placeholders filled in (the Parquet
    sources only given the data directory's `settings`; whether a relation has files yet is
    looked up in `files_in` when given, else in the data directory's `parquet/`)."""
    return _filled(name, settings, _placeholders(settings, files_in))


def _filled(name: str, settings: WarehouseSettings | None, values: dict[str, str]) -> str:
    template = _template(name)
    return template.substitute(values) if settings else template.safe_substitute(values)


def _statements(settings: WarehouseSettings, files_in: Path | None = None) -> list[str]:
    """Every relation's statement for this data directory as it is now. The Parquet sources
    are looked up once for all of them (each load checks the views against these)."""
    values = _placeholders(settings, files_in)
    return [_filled(name, settings, values) for name in RELATIONS]


@cache
def _template(name: str) -> Template:
    # Read once per process: every load checks the views against these statements.
    return Template(resources.files("warehouse").joinpath("sql", f"{name}.sql").read_text("utf-8"))


@cache
def _table_columns() -> dict[str, str]:
    return {f"{r.name}_columns": r.columns_ddl() for r in _TABLE_LAYOUTS}


def _placeholders(settings: WarehouseSettings | None, files_in: Path | None) -> dict[str, str]:
    values = dict(_table_columns())
    if settings is not None:
        values |= {r.name: r.source_sql(settings.parquet_dir, files_in) for r in PARQUET_RELATIONS}
    return values


def open_writer(
    settings: WarehouseSettings, notify: Notify | None = None
) -> duckdb.DuckDBPyConnection:
    """A read-write connection; call only while holding `writer_lock`.

    An analyst's open connection (even read-only) keeps DuckDB's own file lock: wait for it to
    close, saying so, up to `lock_timeout_s`. A warehouse of another schema version is refused
    (`WarehouseOutdated`, `WarehouseTooNew`), after finishing an interrupted upgrade's move.
    """
    finish_swap(settings)
    if not settings.database.exists():
        _create_database(settings)
    con = connect(
        settings.database, read_only=False, timeout_s=settings.lock_timeout_s, notify=notify
    )
    return _checked(con, settings)


def open_reader(
    settings: WarehouseSettings, notify: Notify | None = None
) -> duckdb.DuckDBPyConnection | None:
    """A read-only connection, or None when nothing has been written yet; a warehouse of another
    schema version is refused (`WarehouseOutdated`, `WarehouseTooNew`)."""
    if not settings.database.exists():
        return None
    con = connect(
        settings.database, read_only=True, timeout_s=settings.lock_timeout_s, notify=notify
    )
    return _checked(con, settings)


def _checked(
    con: duckdb.DuckDBPyConnection, settings: WarehouseSettings
) -> duckdb.DuckDBPyConnection:
    try:
        check_version(con, settings.database)
    except BaseException:
        con.close()
        raise
    return con


def _views(settings: WarehouseSettings, files_in: Path | None = None) -> list[str]:
    """The statements of every view, for this data directory as it is now."""
    return [sql for sql in _statements(settings, files_in) if "CREATE OR REPLACE VIEW" in sql]


def _digest(settings: WarehouseSettings, files_in: Path | None = None) -> str:
    """What the catalog is built from: every relation's statement (views for this data
    directory) and the reference data."""
    statements = _statements(settings, files_in)
    return hashlib.sha256("\n".join([*statements, reference_fingerprint()]).encode()).hexdigest()


def register_views(
    con: duckdb.DuckDBPyConnection, settings: WarehouseSettings, files_in: Path | None = None
) -> None:
    """(Re)create every view, reading the Parquet of this data directory by absolute path —
    after creating the tables where missing (`create_tables`), which the views read — and stamp
    them (a comment on budget_cells) with the digest of what they were built from.

    `files_in`: the Parquet folder to look in for which relations have files yet, when it is
    not (yet) the data directory's own — an upgrade's rebuilt `parquet/` before it is moved
    into place."""
    create_tables(con)
    for sql in _views(settings, files_in):
        con.execute(sql)
    con.execute(f"COMMENT ON VIEW budget_cells IS {sql_literal(_digest(settings, files_in))}")


def refresh_views(con: duckdb.DuckDBPyConnection, settings: WarehouseSettings) -> bool:
    """Register the views unless they are current; whether they were (re)registered."""
    if views_current(con, settings):
        return False
    register_views(con, settings)
    return True


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table the catalog keeps where missing, and rebuild the reference tables from
    the templates (`warehouse.reference`). A table's columns never change in place: a warehouse
    of an older layout is re-derived by `budget upgrade` (`warehouse.version`)."""
    for name in RELATIONS:
        sql = relation_sql(name)
        if "CREATE TABLE" in sql:
            con.execute(sql)
    write_reference_tables(con)


def stored_layout() -> list[tuple[str, str, str, bool]]:
    """What is stored, column by column — (relation, column, type, nullable) of every table the
    catalog creates and every Parquet relation — for the check that a change of it comes with
    a new schema version (tests/warehouse/test_version.py)."""
    scratch = in_memory()
    try:
        for name in RELATIONS:
            sql = relation_sql(name)
            if "CREATE TABLE" in sql:
                scratch.execute(sql)
        layout = [
            (table, column, str(kind), nullable == "YES")
            for table, column, kind, nullable in scratch.execute(
                "SELECT table_name, column_name, data_type, is_nullable "
                "FROM information_schema.columns ORDER BY table_name, ordinal_position"
            ).fetchall()
        ]
    finally:
        scratch.close()
    for relation in PARQUET_RELATIONS:
        fields = [*relation.keys, *relation.schema]
        layout += [(relation.name, f.name, str(f.type), f.nullable) for f in fields]
    return layout


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
            record_version(con, "created")
            con.execute("CHECKPOINT")
        finally:
            con.close()

    write_atomically(settings.database, build, staging_dir=settings.staging_dir)
