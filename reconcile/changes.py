"""What changed between reconciliation runs: the error findings a run has that the one before it
did not — what the nightly alert announces.

A finding is "the same" across runs when it is about the same printed place under the same rule:
amounts may change with a re-issue while the error stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from warehouse.catalog import open_reader
from warehouse.settings import WarehouseSettings

FINDING_KEY = (
    "year",
    "unit_code",
    "rule_id",
    "table_code",
    "row_label",
    "subject_code",
    "entity_code",
    "column_path",
)


def new_errors(current: pa.Table, previous: pa.Table | None) -> list[dict[str, Any]]:
    """Error findings of `current` whose place and rule `previous` did not report."""
    known = {_key(f) for f in _errors(previous)} if previous is not None else set()
    return [f for f in _errors(current) if _key(f) not in known]


def previous_findings(settings: WarehouseSettings, run_id: str) -> pa.Table | None:
    """The findings of the last run recorded before `run_id`, or None when there is none."""
    con = open_reader(settings)
    if con is None:
        return None
    try:
        ((previous,),) = con.execute(
            "SELECT max(run_id) FROM reconciliation_runs WHERE run_id < ?", [run_id]
        ).fetchall()
        if previous is None:
            return None
        return con.sql(
            "SELECT * EXCLUDE (run_id) FROM reconciliation_findings WHERE run_id = ?",
            params=[previous],
        ).to_arrow_table()
    finally:
        con.close()


def describe(finding: dict[str, Any]) -> str:
    """One line for an alert: `2024 010 表07 row_sum_07: …`."""
    where = " ".join(
        str(v)
        for v in (finding["year"], finding["unit_code"], f"表{finding['table_code']}")
        if v is not None
    )
    return f"{where} {finding['rule_id']}: {finding['message']}"


def _errors(findings: pa.Table) -> Iterable[dict[str, Any]]:
    return (f for f in findings.to_pylist() if f["severity"] == "error")


def _key(finding: dict[str, Any]) -> tuple[object, ...]:
    return tuple(finding.get(column) for column in FINDING_KEY)
