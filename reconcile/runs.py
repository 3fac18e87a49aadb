"""Reconciliation runs: evaluate the warehouse, keep every run's findings, register the relations.

A run checks the current documents year by year (`reconcile.evaluation.evaluate_warehouse`),
then records itself as two Parquet files:

    parquet/reconciliation_findings/run_id=RUN/data.parquet   one row per finding
    parquet/reconciliation_documents/run_id=RUN/data.parquet  one row per document: rules / not
    parquet/reconciliation_runs/run_id=RUN/data.parquet       one row per rule: evaluated / not

Why Parquet files rather than tables inside warehouse.duckdb: a run's history never changes once
written, so one immutable file per run is the whole story — appending a run rewrites nothing, a
file is written aside and renamed into place (`warehouse.staging`), so a crash leaves at most a
stray file in `.staging/`, and the history stays readable without the catalog, like budget_cells.
The runs file is written last and is the commit mark: the `reconciliation_findings` and
`reconciliation_documents` views show only runs that have one. The writes and the view
registration happen under the ingest's writer lock (`warehouse.lock.writer_lock`), so a
reconcile never interleaves with a load.

    run = reconcile_warehouse(WarehouseSettings(Path("data")))
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import pyarrow as pa

from reconcile.catalog import SEVERITIES, Catalog, catalog_templates, load_catalogs
from reconcile.evaluation import Evaluation, evaluate_warehouse
from reconcile.inputs import warehouse_templates, warehouse_years, year_batches
from warehouse.catalog import open_reader, open_writer, register_views
from warehouse.ledger import now
from warehouse.lock import Notify, writer_lock
from warehouse.partitions import PARTITION_FILE, write_partition
from warehouse.relations import (
    RECONCILIATION_DOCUMENTS,
    RECONCILIATION_FINDINGS,
    RECONCILIATION_RUNS,
    Relation,
)
from warehouse.settings import WarehouseSettings

# Documents checked together in one evaluation: peak memory is ~1.3 GB per 1,000 documents
# (measured by benchmarks/reconcile.py), and each evaluation costs ~1 s of set-up.
BATCH_DOCUMENTS = 1000


@dataclass(frozen=True)
class Run:
    """One reconciliation run: its findings (RECONCILIATION_FINDINGS), its rules' statuses
    (RECONCILIATION_RUNS) and what it could check of each document (RECONCILIATION_DOCUMENTS),
    for every year it checked."""

    run_id: str
    checked_at: datetime
    findings: pa.Table
    rules: pa.Table
    documents: int
    years: tuple[int, ...]
    seconds: float
    documents_status: pa.Table = dataclasses.field(
        default_factory=lambda: RECONCILIATION_DOCUMENTS.schema.empty_table()
    )

    def counts(self) -> dict[str, int]:
        severities = self.findings.column("severity").to_pylist()
        return {s: severities.count(s) for s in SEVERITIES}

    @property
    def not_evaluated_rules(self) -> list[str]:
        """Rules not evaluated for at least one document (or document table)."""
        rows = self.rules.select(["rule_id", "not_evaluated"]).to_pylist()
        return [r["rule_id"] for r in rows if r["not_evaluated"]]

    def rule_coverage(self) -> dict[str, int]:
        """Rules by how far they could be evaluated; the three counts add up to `rules`:
        `everywhere` (for every document checked), `partly` (for some units, not others),
        `nowhere` (for none)."""
        rows = self.rules.select(["evaluated", "not_evaluated"]).to_pylist()
        partly = sum(1 for r in rows if r["evaluated"] and r["not_evaluated"])
        nowhere = sum(1 for r in rows if not r["evaluated"])
        return {
            "rules": len(rows),
            "everywhere": len(rows) - partly - nowhere,
            "partly": partly,
            "nowhere": nowhere,
        }

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
    settings: WarehouseSettings,
    years: Sequence[int] | None = None,
    limit: int = BATCH_DOCUMENTS,
    template: str | None = None,
) -> list[tuple[int, ...]]:
    """The years to check (of one template's documents when given), grouped into batches of at
    most `limit` documents."""
    counts = warehouse_years(settings, template)
    if years is not None:
        counts = {y: n for y, n in counts.items() if y in set(years)}
    return year_batches(counts, limit)


def run_catalogs(settings: WarehouseSettings) -> tuple[Catalog, ...]:
    """The catalogs a run of this warehouse applies: those of the templates its current
    documents follow (every catalog while it holds none)."""
    present = set(warehouse_templates(settings)) & set(catalog_templates())
    return load_catalogs(sorted(present) or None)


def evaluate_batch(
    settings: WarehouseSettings,
    years: Sequence[int],
    checked_at: datetime,
    catalog: Catalog,
) -> Evaluation:
    """Check the current documents of some years that follow the catalog's template (each
    previous year is read as context)."""
    return evaluate_warehouse(settings, years, catalog, checked_at=checked_at)


def combine(
    run_id: str,
    checked_at: datetime,
    evaluations: Sequence[Evaluation],
    catalogs: Catalog | Sequence[Catalog],
) -> Run:
    """One run from the evaluations of its years and templates: findings together, rule
    counts summed, one row per rule of every catalog."""
    catalogs = (catalogs,) if isinstance(catalogs, Catalog) else tuple(catalogs)
    findings = (
        pa.concat_tables([e.findings for e in evaluations])
        if evaluations
        else RECONCILIATION_FINDINGS.schema.empty_table()
    )
    documents = sum(e.documents for e in evaluations)
    years = tuple(sorted({y for e in evaluations for y in e.years}))
    rows = []
    # A standard rule belongs to every catalog whose format prints its tables: one row.
    unique = {r.id: r for catalog in catalogs for r in catalog.rules}
    for rule in unique.values():
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
                "tables": ", ".join(rule.table_names),
                "scope": rule.scope,
                "status": "evaluated" if evaluated else "not_evaluated",
                "evaluated": evaluated,
                "not_evaluated": sum(s.not_evaluated for s in statuses),
                "findings": sum(s.findings for s in statuses),
                "seconds": sum(s.seconds for s in statuses),
                "not_evaluated_for": [u for s in statuses for u in s.not_evaluated_for],
                "not_evaluated_why": [w for s in statuses for w in s.not_evaluated_why],
                "description_zh": rule.description_zh,
                "description_en": rule.description_en,
            }
        )
    documents_status = (
        pa.concat_tables([e.documents_status for e in evaluations])
        if evaluations
        else RECONCILIATION_DOCUMENTS.schema.empty_table()
    )
    return Run(
        run_id=run_id,
        checked_at=checked_at,
        findings=findings,
        rules=pa.Table.from_pylist(rows, schema=RECONCILIATION_RUNS.schema),
        documents=documents,
        years=years,
        seconds=sum(e.seconds for e in evaluations),
        documents_status=documents_status,
    )


def record_run(settings: WarehouseSettings, run: Run, notify: Notify | None = None) -> None:
    """Keep the run: its findings and documents files, then its rules file (the commit mark),
    then the views that read them — under the writer lock (waiting, and saying so through
    `notify`)."""
    with writer_lock(settings, notify):
        write_partition(settings, RECONCILIATION_FINDINGS, run.findings, run.run_id)
        write_partition(settings, RECONCILIATION_DOCUMENTS, run.documents_status, run.run_id)
        write_partition(settings, RECONCILIATION_RUNS, run.rules, run.run_id)
        con = open_writer(settings, notify)
        try:
            register_views(con, settings)
        finally:
            con.close()


def run_file(settings: WarehouseSettings, relation: Relation, run_id: str) -> Path:
    return relation.partition_dir(settings.parquet_dir, run_id) / PARTITION_FILE


def reconcile_warehouse(
    settings: WarehouseSettings,
    catalogs: Catalog | Sequence[Catalog] | None = None,
    *,
    years: Sequence[int] | None = None,
) -> Run:
    """Check every year of the warehouse (or the given years), each document by the catalog of
    its template, and record the run."""
    if not settings.database.exists():
        raise FileNotFoundError(f"{settings.database}: no warehouse here (run an ingest first)")
    if catalogs is None:
        catalogs = run_catalogs(settings)
    catalogs = (catalogs,) if isinstance(catalogs, Catalog) else tuple(catalogs)
    checked_at = now()
    run_id = new_run_id(checked_at)
    evaluations = [
        evaluate_batch(settings, batch, checked_at, catalog)
        for catalog in catalogs
        for batch in plan_batches(settings, years, template=catalog.template.name)
    ]
    run = combine(run_id, checked_at, evaluations, catalogs)
    record_run(settings, run)
    return run


def read_run(settings: WarehouseSettings, run_id: str | None = None) -> Run | None:
    """A recorded run (the latest when `run_id` is None), or None when there is none."""
    con = open_reader(settings)
    if con is None:
        return None
    try:
        if run_id is None:
            ((run_id,),) = con.execute("SELECT max(run_id) FROM reconciliation_runs").fetchall()
            if run_id is None:
                return None
        rules = con.sql(
            "SELECT * EXCLUDE (run_id) FROM reconciliation_runs WHERE run_id = ?", params=[run_id]
        ).to_arrow_table()
        if rules.num_rows == 0:
            return None
        findings = con.sql(
            "SELECT * EXCLUDE (run_id) FROM reconciliation_findings WHERE run_id = ?",
            params=[run_id],
        ).to_arrow_table()
        documents_status = con.sql(
            "SELECT * EXCLUDE (run_id) FROM reconciliation_documents WHERE run_id = ?",
            params=[run_id],
        ).to_arrow_table()
    finally:
        con.close()
    first = rules.slice(0, 1).to_pylist()[0]
    return Run(
        run_id=run_id,
        checked_at=first["checked_at"],
        findings=findings.cast(RECONCILIATION_FINDINGS.schema),
        rules=rules.cast(RECONCILIATION_RUNS.schema),
        documents=first["documents"],
        years=tuple(first["years"]),
        seconds=sum(rules.column("seconds").to_pylist()),
        documents_status=documents_status.cast(RECONCILIATION_DOCUMENTS.schema),
    )


def still_current(
    settings: WarehouseSettings, catalogs: Sequence[Catalog] | None = None
) -> Run | None:
    """The latest run, when it still describes the warehouse: no document was loaded or
    superseded since it checked, it checked every year now current, and the rules are the
    ones it ran — the same ids, no rule file (nor a template) changed on disk since. None
    otherwise, or when there is no run yet. A nightly run with nothing new skips reconciling
    then: the findings would be the same."""
    run = read_run(settings)
    if run is None:
        return None
    catalogs = run_catalogs(settings) if catalogs is None else catalogs
    rules = {r.id for c in catalogs for r in c.rules}
    if set(run.rules.column("rule_id").to_pylist()) != rules:
        return None
    if any(_changed_on_disk_after(run.checked_at, c.template.name) for c in catalogs):
        return None
    con = open_reader(settings)
    if con is None:
        return None
    try:
        ((changed, years),) = con.execute(
            """
            SELECT max(status_changed_at) FILTER (WHERE status IN ('loaded', 'superseded')),
                   list(DISTINCT year) FILTER (WHERE status = 'loaded' AND year IS NOT NULL)
            FROM disclosures
            """
        ).fetchall()
    finally:
        con.close()
    if changed is None or changed > run.checked_at or set(years or ()) != set(run.years):
        return None
    return run


def _changed_on_disk_after(at: datetime, template: str) -> bool:
    """Whether a rule file `template`'s catalog reads (the standard ones, its own), the
    template itself or the national one it overlays is newer than `at` (UTC)."""
    templates = resources.files("disclosure").joinpath("templates")
    files = [
        Path(str(resources.files("reconcile").joinpath("rules"))),
        Path(str(templates.joinpath(f"{template}.yaml"))),
        Path(str(templates.joinpath("national.yaml"))),
    ]
    newest = max(
        (p.stat().st_mtime for root in files for p in [root, *root.rglob("*")] if p.exists()),
        default=0.0,
    )
    return datetime.fromtimestamp(newest, UTC).replace(tzinfo=None) > at
