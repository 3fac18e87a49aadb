"""The `validation_results` relation: every check the gate ran, appended by the load that follows.

Rows are inserted inside the caller's transaction (the load or quarantine that records the
document), so a document's ledger row and its validation results commit together.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa

from expectations.results import GateResult
from warehouse.catalog import relation_sql
from warehouse.documents import Document
from warehouse.relations import VALIDATION_RESULTS


def result_to_rows(
    document: Document,
    result: GateResult,
    *,
    flow_run_id: str | None = None,
) -> pa.Table:
    rows = [
        {
            "doc_id": document.doc_id,
            "file_name": document.file_name,
            "year": result.year,
            "unit_code": result.unit_code,
            "flow_run_id": str(flow_run_id) if flow_run_id else None,
            "validated_at": result.run_time.astimezone(dt.UTC).replace(tzinfo=None),
            "suite": check.suite,
            "expectation": check.expectation,
            "column_name": check.column,
            "severity": check.severity,
            "reason": check.reason,
            "success": check.success,
            "element_count": check.element_count,
            "unexpected_count": check.unexpected_count,
            "examples": list(check.examples),
            "explanation": check.describe(),
        }
        for check in result.checks
    ]
    return pa.Table.from_pylist(rows, schema=VALIDATION_RESULTS.schema)


def insert_results(con: duckdb.DuckDBPyConnection, rows: pa.Table) -> None:
    """Append rows; creates the table in a warehouse made before this relation existed."""
    if rows.num_rows == 0:
        return
    con.execute(relation_sql(VALIDATION_RESULTS.name))
    con.register("incoming_validation_results", rows)
    con.execute("INSERT INTO validation_results BY NAME SELECT * FROM incoming_validation_results")
    con.unregister("incoming_validation_results")
