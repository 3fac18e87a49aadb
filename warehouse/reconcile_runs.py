"""Reconciliation runs: evaluate the warehouse, keep every run's findings, register the relations.

A run checks the current documents year by year (`warehouse.reconcile.snapshot` + `evaluate`),
then records itself as two Parquet files:

    parquet/reconciliation_findings/run_id=RUN/data.parquet   one row per finding
    parquet/reconciliation_runs/run_id=RUN/data.parquet       one row per rule: evaluated / not

Why Parquet files rather than tables inside warehouse.duckdb: a run's history never changes once
written, so one immutable file per run is the whole story — appending a run rewrites nothing, a
file is written aside and renamed into place (`place_atomically`), so a crash leaves at most a
stray file in `.staging/`, and the history stays readable without the catalog, like budget_cells.
The runs file is written second and is the commit mark: the `reconciliation_findings` view shows
only runs that have one. Both writes and the view registration happen under the ingest's writer
lock (`warehouse.lock.writer_lock`), so a reconcile never interleaves with a load.

    run = reconcile_warehouse(WarehouseSettings(Path("data")))
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from string import Template

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.catalog import open_writer
from warehouse.ledger import now
from warehouse.lock import writer_lock
from warehouse.reconcile import (
    FINDING_SCHEMA,
    SEVERITIES,
    Catalog,
    Evaluation,
    evaluate_warehouse,
    load_catalog,
    warehouse_years,
    year_batches,
)
from warehouse.settings import WarehouseSettings
from warehouse.staging import place_atomically

# Documents checked together in one evaluation: peak memory is ~1.3 GB per 1,000 documents
# (measured by benchmarks/reconcile.py), and each evaluation costs ~1 s of set-up.
BATCH_DOCUMENTS = 1000

FINDINGS = "reconciliation_findings"
RUNS = "reconciliation_runs"
PARTITION_FILE = "data.parquet"

RUNS_SCHEMA = pa.schema(
    [
        ("checked_at", pa.timestamp("us")),
        ("documents", pa.int32()),  # documents checked by the run
        ("years", pa.list_(pa.int32())),
        ("rule_id", pa.string()),
        ("family", pa.string()),
        ("severity", pa.string()),
        ("tables", pa.string()),  # the table codes the rule reads, e.g. '07, 08'
        ("scope", pa.string()),  # each (table by table) | together | document
        ("status", pa.string()),  # evaluated (for at least one unit) | not_evaluated
        ("evaluated", pa.int32()),
        ("not_evaluated", pa.int32()),
        ("findings", pa.int32()),
        ("seconds", pa.float64()),
        ("not_evaluated_for", pa.list_(pa.string())),
        ("description_zh", pa.string()),
        ("description_en", pa.string()),
    ]
)


@dataclass(frozen=True)
class Run:
    """One reconciliation run: its findings (FINDING_SCHEMA) and its rules' statuses
    (RUNS_SCHEMA), for every year it checked."""

    run_id: str
    checked_at: datetime
    findings: pa.Table
    rules: pa.Table
    documents: int
    years: tuple[int, ...]
    seconds: float

    def counts(self) -> dict[str, int]:
        severities = self.findings.column("severity").to_pylist()
        return {s: severities.count(s) for s in SEVERITIES}

    @property
    def not_evaluated_rules(self) -> list[str]:
        rows = self.rules.select(["rule_id", "not_evaluated"]).to_pylist()
        return [r["rule_id"] for r in rows if r["not_evaluated"]]

    @property
    def headline(self) -> str:
        counts = self.counts()
        return (
            f"{self.documents} documents ({', '.join(map(str, self.years)) or 'none'}): "
            f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info"
        )


def new_run_id(at: datetime) -> str:
    """Sorts by time, to the microsecond (two runs can start within one second):
    `20241115T031502.507639Z-1a2b3c4d` (UTC)."""
    return f"{at:%Y%m%dT%H%M%S.%fZ}-{uuid.uuid4().hex[:8]}"


def plan_batches(
    settings: WarehouseSettings, years: Sequence[int] | None = None, limit: int = BATCH_DOCUMENTS
) -> list[tuple[int, ...]]:
    """The years to check, grouped into batches of at most `limit` documents."""
    counts = warehouse_years(settings)
    if years is not None:
        counts = {y: n for y, n in counts.items() if y in set(years)}
    return year_batches(counts, limit)


def evaluate_batch(
    settings: WarehouseSettings,
    years: Sequence[int],
    checked_at: datetime,
    catalog: Catalog | None = None,
) -> Evaluation:
    """Check the current documents of some years (each previous year is read as context)."""
    return evaluate_warehouse(settings, years, catalog, checked_at=checked_at)


def combine(
    run_id: str, checked_at: datetime, evaluations: Sequence[Evaluation], catalog: Catalog
) -> Run:
    """One run from the evaluations of its years: findings together, rule counts summed."""
    findings = (
        pa.concat_tables([e.findings for e in evaluations])
        if evaluations
        else FINDING_SCHEMA.empty_table()
    )
    documents = sum(e.documents for e in evaluations)
    years = tuple(sorted({y for e in evaluations for y in e.years}))
    rows = []
    for rule in catalog.rules:
        statuses = [s for e in evaluations for s in e.statuses if s.rule.id == rule.id]
        evaluated = sum(s.evaluated for s in statuses)
        rows.append(
            {
                "checked_at": checked_at,
                "documents": documents,
                "years": list(years),
                "rule_id": rule.id,
                "family": rule.family,
                "severity": rule.severity,
                "tables": ", ".join(rule.tables),
                "scope": rule.scope,
                "status": "evaluated" if evaluated else "not_evaluated",
                "evaluated": evaluated,
                "not_evaluated": sum(s.not_evaluated for s in statuses),
                "findings": sum(s.findings for s in statuses),
                "seconds": sum(s.seconds for s in statuses),
                "not_evaluated_for": [u for s in statuses for u in s.not_evaluated_for],
                "description_zh": rule.description_zh,
                "description_en": rule.description_en,
            }
        )
    return Run(
        run_id=run_id,
        checked_at=checked_at,
        findings=findings,
        rules=pa.Table.from_pylist(rows, schema=RUNS_SCHEMA),
        documents=documents,
        years=years,
        seconds=sum(e.seconds for e in evaluations),
    )


def record_run(settings: WarehouseSettings, run: Run) -> None:
    """Keep the run: its two Parquet files, then the relations that read them (writer lock)."""
    with writer_lock(settings):
        for relation, table in ((FINDINGS, run.findings), (RUNS, run.rules)):
            target = run_file(settings, relation, run.run_id)
            place_atomically(
                target,
                settings.staging_dir,
                lambda staged, table=table: pq.write_table(table, staged, compression="zstd"),
            )
        con = open_writer(settings)
        try:
            register_relations(con, settings)
        finally:
            con.close()


def register_relations(con: duckdb.DuckDBPyConnection, settings: WarehouseSettings) -> None:
    """(Re)create the two views over this data directory's run files (absolute paths)."""
    sources = {
        "runs_glob": _sql_text(relation_glob(settings, RUNS)),
        "findings_glob": _sql_text(relation_glob(settings, FINDINGS)),
    }
    for name in (RUNS, FINDINGS):
        sql = resources.files("warehouse").joinpath("rules", "relations", f"{name}.sql")
        con.execute(Template(sql.read_text("utf-8")).substitute(sources))


def run_file(settings: WarehouseSettings, relation: str, run_id: str) -> Path:
    return settings.parquet_dir / relation / f"run_id={run_id}" / PARTITION_FILE


def relation_glob(settings: WarehouseSettings, relation: str) -> str:
    return str(settings.parquet_dir / relation / "*" / PARTITION_FILE)


def reconcile_warehouse(
    settings: WarehouseSettings,
    catalog: Catalog | None = None,
    *,
    years: Sequence[int] | None = None,
) -> Run:
    """Check every year of the warehouse (or the given years) and record the run."""
    if not settings.database.exists():
        raise FileNotFoundError(f"{settings.database}: no warehouse here (run an ingest first)")
    catalog = catalog or load_catalog()
    checked_at = now()
    run_id = new_run_id(checked_at)
    evaluations = [
        evaluate_batch(settings, batch, checked_at, catalog)
        for batch in plan_batches(settings, years)
    ]
    run = combine(run_id, checked_at, evaluations, catalog)
    record_run(settings, run)
    return run


def _sql_text(text: str) -> str:
    return text.replace("'", "''")
