"""The site's questions to the warehouse: one SQL file each under `browse/sql/`, opening with what
it answers (中文 + English), run on a read-only connection with positional parameters ($1, $2)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import duckdb


@cache
def query_sql(name: str) -> str:
    """The statement of `browse/sql/<name>.sql`."""
    return resources.files("browse").joinpath("sql", f"{name}.sql").read_text("utf-8")


def rows(con: duckdb.DuckDBPyConnection, name: str, *params: object) -> list[dict[str, Any]]:
    """Every row the query answers, as column → value (amounts stay `Decimal`)."""
    result = con.execute(query_sql(name), list(params))
    columns = [d[0] for d in result.description or ()]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def first(con: duckdb.DuckDBPyConnection, name: str, *params: object) -> dict[str, Any] | None:
    """The query's first row, or None when it answers none."""
    found = rows(con, name, *params)
    return found[0] if found else None
