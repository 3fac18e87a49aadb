"""The documents under check, loaded into an evaluation's in-memory DuckDB as three relations:

- `documents`: doc_id (a small integer key within the evaluation), doc_sha (the real doc_id),
  year, unit_code, unit_name, template, in_run (False: context only, e.g. the previous year for
  the across-year rules);
- `tables`: their budget_tables rows;
- `cells`: their budget_cells rows, free-text columns left out.

From a data directory (`load_warehouse`: the current documents of some years), or from extracted
disclosures in memory (`disclosures_to_inputs` + `load_arrow`), built by the warehouse's own row
builders (`warehouse.rows`: exactly the rows a load writes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from disclosure.model import Disclosure
from reconcile.catalog import Catalog
from warehouse.catalog import open_reader
from warehouse.connection import attach
from warehouse.relations import BUDGET_CELLS, BUDGET_TABLES
from warehouse.rows import disclosure_to_cells, disclosure_to_tables
from warehouse.settings import WarehouseSettings

_DOCUMENT_FIELDS: list[pa.Field] = [
    pa.field("doc_id", pa.string()),
    pa.field("year", pa.int32()),
    pa.field("unit_code", pa.string()),
    pa.field("unit_name", pa.string()),
    pa.field("template", pa.string()),
    pa.field("kind", pa.string()),  # 预算 | 决算
    # False: context only (the previous year, for the across-year rules)
    pa.field("in_run", pa.bool_()),
]
DOCUMENTS_SCHEMA = pa.schema(_DOCUMENT_FIELDS)

# budget_cells as the rules read it: the Parquet columns plus the two partition keys.
INPUT_CELLS_SCHEMA = pa.schema([*BUDGET_CELLS.schema, *BUDGET_CELLS.keys])

# Cells as the rules read them: free-text columns dropped, the text of amount cells too (their
# amount is what counts) — that is most of the bytes. Inside an evaluation a document is a small
# integer key (`doc_id`), not its 64-character sha256 (`doc_sha`): every rule joins on it, and
# integer joins are several times faster.
_CELL_COLUMNS = (
    "d.doc_id, c.* EXCLUDE (doc_id, text), "
    "CASE WHEN c.column_kind = 'amount' THEN NULL ELSE c.text END AS text"
)
_DOCUMENT_KEY = "row_number() OVER (ORDER BY year, unit_code, doc_id)::INTEGER AS doc_id"


@dataclass(frozen=True)
class Inputs:
    """The documents to check as Arrow tables, for checking without a data directory:
    `cells` (INPUT_CELLS_SCHEMA), `tables` (budget_tables rows), `documents` (DOCUMENTS_SCHEMA)."""

    cells: pa.Table
    tables: pa.Table
    documents: pa.Table


def disclosures_to_inputs(
    disclosures: Sequence[tuple[str, Disclosure]], *, in_run: bool = True
) -> Inputs:
    """Inputs from extracted disclosures keyed by doc_id."""
    cells, tables, documents = [], [], []
    for doc_id, disclosure in disclosures:
        rows = disclosure_to_cells(disclosure, doc_id)
        n = rows.num_rows
        rows = rows.append_column("year", pa.array([disclosure.year] * n, pa.int32()))
        rows = rows.append_column("unit_code", pa.array([disclosure.unit_code] * n, pa.string()))
        cells.append(rows)
        tables.append(disclosure_to_tables(disclosure, doc_id))
        documents.append(
            {
                "doc_id": doc_id,
                "year": disclosure.year,
                "unit_code": disclosure.unit_code,
                "unit_name": disclosure.unit_name,
                "template": disclosure.template,
                "kind": disclosure.kind,
                "in_run": in_run,
            }
        )
    return Inputs(
        cells=pa.concat_tables(cells) if cells else INPUT_CELLS_SCHEMA.empty_table(),
        tables=pa.concat_tables(tables) if tables else BUDGET_TABLES.schema.empty_table(),
        documents=pa.Table.from_pylist(documents, schema=DOCUMENTS_SCHEMA),
    )


def warehouse_years(settings: WarehouseSettings, template: str | None = None) -> dict[int, int]:
    """Current (loaded) documents per budget year (of one template's documents when given),
    oldest year first."""
    con = open_reader(settings)
    if con is None:
        return {}
    try:
        rows = con.execute(
            """
            SELECT year, count(*) FROM disclosures
            WHERE status = 'loaded' AND year IS NOT NULL
              AND ($template IS NULL OR template = $template)
            GROUP BY year ORDER BY year
            """,
            {"template": template},
        ).fetchall()
    finally:
        con.close()
    return dict(rows)


def warehouse_templates(settings: WarehouseSettings) -> list[str]:
    """The templates the current (loaded) documents follow, by name."""
    con = open_reader(settings)
    if con is None:
        return []
    try:
        rows = con.execute(
            """
            SELECT DISTINCT template FROM disclosures
            WHERE status = 'loaded' AND template IS NOT NULL ORDER BY template
            """
        ).fetchall()
    finally:
        con.close()
    return [name for (name,) in rows]


def year_batches(documents_per_year: Mapping[int, int], limit: int) -> list[tuple[int, ...]]:
    """Consecutive years grouped so that a batch holds at most `limit` documents (a year with
    more is a batch of its own): one evaluation per batch bounds memory, while few batches keep
    the per-evaluation set-up cost small."""
    batches: list[list[int]] = []
    held = 0
    for year in sorted(documents_per_year):
        count = documents_per_year[year]
        if batches and held + count <= limit and batches[-1][-1] == year - 1:
            batches[-1].append(year)
            held += count
        else:
            batches.append([year])
            held = count
    return [tuple(b) for b in batches]


def load_arrow(con: duckdb.DuckDBPyConnection, inputs: Inputs) -> None:
    """`documents`, `tables` and `cells` from in-memory inputs."""
    con.register("documents_in", inputs.documents)
    con.register("tables_in", inputs.tables)
    con.register("cells_in", inputs.cells)
    try:
        con.execute(
            f"""
            CREATE TEMP TABLE documents AS
            SELECT {_DOCUMENT_KEY},
                doc_id AS doc_sha, year, unit_code, unit_name, template, kind, in_run
            FROM documents_in;
            CREATE TEMP TABLE tables AS
            SELECT d.doc_id, t.* EXCLUDE (doc_id)
            FROM tables_in t JOIN documents d ON d.doc_sha = t.doc_id;
            CREATE TEMP TABLE cells AS
            SELECT {_CELL_COLUMNS}
            FROM cells_in c JOIN documents d ON d.doc_sha = c.doc_id
            WHERE c.column_kind IS DISTINCT FROM 'text';
            """
        )
    finally:
        for name in ("documents_in", "tables_in", "cells_in"):
            con.unregister(name)


def load_warehouse(
    con: duckdb.DuckDBPyConnection,
    settings: WarehouseSettings,
    years: Sequence[int],
    catalog: Catalog,
) -> None:
    """The current documents of `years` that follow the catalog's template, and of the year
    before each (not in `years`) as context for the across-year rules — only the tables those
    rules read.

    Read through one read-only attachment, detached before the rules run: DuckDB lets no load
    commit while it is attached, so the ledger, tables and cells read belong together.
    """
    if not settings.database.exists():
        raise FileNotFoundError(f"{settings.database}: no warehouse here (run an ingest first)")
    context_tables = list(catalog.previous_year_tables)
    context_years = sorted({y - 1 for y in years} - set(years)) if context_tables else []
    all_years = sorted({int(y) for y in (*years, *context_years)})
    attach(con, settings.database, "wh", timeout_s=settings.lock_timeout_s)
    try:
        con.execute(
            f"""
            CREATE TEMP TABLE documents AS
            SELECT {_DOCUMENT_KEY},
                doc_id AS doc_sha, year, unit_code, unit_name, template,
                coalesce(kind, '预算') AS kind, list_contains($years, year) AS in_run
            FROM wh.disclosures
            WHERE status = 'loaded' AND list_contains($all_years, year)
              AND template = $template
            """,
            {
                "years": [int(y) for y in years],
                "all_years": all_years,
                "template": catalog.template.name,
            },
        )
        con.execute(
            """
            CREATE TEMP TABLE tables AS
            SELECT d.doc_id, t.* EXCLUDE (doc_id)
            FROM wh.budget_tables t JOIN documents d ON d.doc_sha = t.doc_id
            """
        )
        con.execute(
            f"""
            CREATE TEMP TABLE cells AS
            SELECT {_CELL_COLUMNS}
            FROM wh.budget_cells c JOIN documents d ON d.doc_sha = c.doc_id
            WHERE list_contains($all_years, c.year)  -- prunes other years' partitions
              AND c.column_kind IS DISTINCT FROM 'text'
              AND (d.in_run OR EXISTS (
                  SELECT 1 FROM tables AS t
                  WHERE t.doc_id = d.doc_id AND t.table_no = c.table_no
                    AND (list_contains($context_tables, 'code:' || t.table_code)
                         OR list_contains($context_tables, 'std:' || t.standard_table))))
            """,
            {"all_years": all_years, "context_tables": context_tables},
        )
    finally:
        con.execute("DETACH wh")
