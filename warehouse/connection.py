"""Connections to DuckDB: to `warehouse.duckdb` (waiting for its file lock), in memory, and the
SQL quoting that building statements with paths in them needs.

DuckDB lets one process write a database file, and a writer in turn keeps every other process
out, readers included (`IOException: Could not set lock on file … Conflicting lock is held in
… (PID N)`). `connect` and `attach` wait for such a lock through `warehouse.lock.wait_for`, which
says who holds it while it waits and gives up with one clear `WarehouseBusy` line.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from warehouse.lock import Notify, process_description, wait_for

_LOCK_CONFLICT = "Could not set lock"
_HOLDER = re.compile(r"\(PID (\d+)\)")


def sql_literal(text: str) -> str:
    """A SQL string literal: `it's` → `'it''s'`."""
    return "'" + text.replace("'", "''") + "'"


def sql_identifier(text: str) -> str:
    """A quoted SQL identifier, inner double quotes doubled."""
    return '"' + text.replace('"', '""') + '"'


def in_memory() -> duckdb.DuckDBPyConnection:
    """A private in-memory database (no progress bar: output goes to logs, not a terminal)."""
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    return con


def connect(
    path: Path, *, read_only: bool, timeout_s: float, notify: Notify | None = None
) -> duckdb.DuckDBPyConnection:
    """Open a database file, waiting (visibly, up to `timeout_s`) while another process holds it."""
    last_error: list[str] = []

    def attempt() -> duckdb.DuckDBPyConnection | None:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as error:
            if _LOCK_CONFLICT not in str(error):
                raise
            last_error[:] = [str(error)]
            return None
        con.execute("SET enable_progress_bar = false")
        return con

    return wait_for(
        attempt,
        what=path.name,
        holder=lambda: lock_holder(last_error[0] if last_error else ""),
        timeout_s=timeout_s,
        notify=notify,
    )


def attach(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    alias: str,
    *,
    timeout_s: float,
    read_only: bool = True,
    notify: Notify | None = None,
) -> None:
    """Attach a database file to `con` as `alias`, waiting for its lock as `connect` does."""
    mode = " (READ_ONLY)" if read_only else ""
    statement = f"ATTACH {sql_literal(str(path))} AS {sql_identifier(alias)}{mode}"
    last_error: list[str] = []

    def attempt() -> bool | None:
        try:
            con.execute(statement)
        except duckdb.IOException as error:
            if _LOCK_CONFLICT not in str(error):
                raise
            last_error[:] = [str(error)]
            return None
        return True

    wait_for(
        attempt,
        what=path.name,
        holder=lambda: lock_holder(last_error[0] if last_error else ""),
        timeout_s=timeout_s,
        notify=notify,
    )


def lock_holder(error: str) -> str:
    """Who holds a database file, from DuckDB's lock error: `PID 1234 (duckdb -readonly …)`."""
    match = _HOLDER.search(error)
    return process_description(int(match.group(1))) if match else "another process"
