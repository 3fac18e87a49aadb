"""Reconcile: check the warehouse's accounting identities, keep the run, report what was found.

Thin wrappers over the Prefect-free engine (`reconcile.evaluation`, `reconcile.runs`,
`reconcile.report`): plan the batches of years, check each batch, record the run under the writer
lock, write the HTML report, and publish artifacts for the Prefect UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import task_run

from reconcile.catalog import SEVERITIES, load_catalog
from reconcile.evaluation import Evaluation
from reconcile.report import write_report
from reconcile.runs import Run, combine, evaluate_batch, new_run_id, plan_batches, still_current
from reconcile.runs import record_run as keep_run
from warehouse.ledger import now
from warehouse.settings import WarehouseSettings

# The Prefect UI shows a table artifact whole: list the most severe findings, say how many more.
ARTIFACT_ROWS = 500
FINDINGS_ARTIFACT = "reconciliation-findings"
REPORT_ARTIFACT = "reconciliation-report"


@dataclass(frozen=True)
class RunPlan:
    run_id: str
    checked_at: datetime
    batches: tuple[tuple[int, ...], ...]  # years checked together


def _batch_run_name() -> str:
    years: Sequence[int] = task_run.parameters["years"]
    return f"reconcile-{years[0]}" if len(years) == 1 else f"reconcile-{years[0]}-{years[-1]}"


@task(name="plan-reconciliation", task_run_name="plan-reconciliation", cache_policy=NO_CACHE)
def plan_run(settings: WarehouseSettings, years: Sequence[int] | None = None) -> RunPlan:
    """A new run id, and the years to check in batches (see reconcile.runs)."""
    if not settings.database.exists():
        raise FileNotFoundError(f"{settings.database}: no warehouse here (run an ingest first)")
    checked_at = now()
    plan = RunPlan(new_run_id(checked_at), checked_at, tuple(plan_batches(settings, years)))
    get_run_logger().info(
        "run %s: %s", plan.run_id, ", ".join(map(str, (y for b in plan.batches for y in b)))
    )
    return plan


@task(name="reconcile", task_run_name=_batch_run_name, cache_policy=NO_CACHE)
def check_years(settings: WarehouseSettings, years: Sequence[int], plan: RunPlan) -> Evaluation:
    evaluation = evaluate_batch(settings, years, plan.checked_at)
    counts = evaluation.counts()
    get_run_logger().info(
        "%d documents of %s: %d errors, %d warnings, %d info (%.1f s)",
        evaluation.documents,
        "-".join(map(str, sorted({years[0], years[-1]}))),
        counts["error"],
        counts["warning"],
        counts["info"],
        evaluation.seconds,
    )
    return evaluation


@task(name="record-reconciliation", task_run_name="record-reconciliation", cache_policy=NO_CACHE)
def record_run(
    settings: WarehouseSettings, plan: RunPlan, evaluations: Sequence[Evaluation]
) -> Run:
    """Keep the run's findings and rule statuses (Parquet + views), under the writer lock."""
    run = combine(plan.run_id, plan.checked_at, evaluations, load_catalog())
    keep_run(settings, run, get_run_logger().warning)
    return run


@task(name="report-reconciliation", task_run_name="report-reconciliation", cache_policy=NO_CACHE)
def report_run(settings: WarehouseSettings, run: Run) -> Path:
    path = write_report(settings, run)
    get_run_logger().info("report: %s", path)
    return path


@task(name="publish-findings", task_run_name="publish-findings", cache_policy=NO_CACHE)
def publish_run(run: Run, report: Path) -> None:
    """A table artifact of the findings and a markdown summary linking the HTML report."""
    rows = findings_table(run, ARTIFACT_ROWS)
    total = run.findings.num_rows
    create_table_artifact(
        rows,
        key=FINDINGS_ARTIFACT,
        description=(
            f"Run {run.run_id}: {run.headline}"
            + (f" — the {len(rows)} most severe of {total} findings" if total > len(rows) else "")
        ),
    )
    create_markdown_artifact(
        run_to_markdown(run, report), key=REPORT_ARTIFACT, description=run.headline
    )
    logger = get_run_logger()
    logger.info("%s", run.headline)
    if run.not_evaluated_rules:
        logger.warning(
            "not evaluated for some documents (a table missing or unusable): %s",
            ", ".join(run.not_evaluated_rules),
        )


def findings_table(run: Run, limit: int) -> list[dict[str, object]]:
    """Findings as artifact rows (strings, amounts exact), errors first."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    findings = sorted(run.findings.to_pylist(), key=lambda f: rank[f["severity"]])[:limit]
    return [
        {
            "year": f["year"],
            "unit": f"{f['unit_code']} {f['unit_name'] or ''}".strip(),
            "severity": f["severity"],
            "rule": f["rule_id"],
            "table": f["table_code"],
            "row": f["row_label"] or "",
            "subject": f["subject_code"] or "",
            "column": f["column_path"] or "",
            "actual": _text(f["actual"]),
            "expected": _text(f["expected"]),
            "difference": _text(f["difference"]),
            "page": f["page_no"] if f["page_no"] is not None else "",
            "message": f["message"],
        }
        for f in findings
    ]


def run_to_markdown(run: Run, report: Path) -> str:
    counts = run.counts()
    rules = run.rules.to_pylist()
    evaluated = sum(1 for r in rules if r["evaluated"])
    partial = [r for r in rules if r["not_evaluated"]]
    lines = [
        f"## Reconciliation {run.run_id}",
        "",
        f"{run.documents} documents, years {', '.join(map(str, run.years)) or '—'}; "
        f"{evaluated} of {len(rules)} rules evaluated.",
        "",
        "| error | warning | info |",
        "|---:|---:|---:|",
        f"| {counts['error']} | {counts['warning']} | {counts['info']} |",
        "",
        f"Report: [{report.name}]({report.resolve().as_uri()}) (`{report}`)",
    ]
    if partial:
        lines += [
            "",
            "| rule | not evaluated for | why |",
            "|---|---:|---|",
            *(
                f"| {r['rule_id']} | {r['not_evaluated']} | reads table(s) {r['tables']}, "
                "missing or unusable there |"
                for r in partial
            ),
        ]
    return "\n".join(lines) + "\n"


def _text(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


@task(name="check-reconciliation", task_run_name="check-reconciliation", cache_policy=NO_CACHE)
def current_run(settings: WarehouseSettings) -> Run | None:
    """The latest reconciliation run, when the warehouse and the rules have not changed since
    it ran (reconcile.runs.still_current): its findings stand, nothing to run again."""
    run = still_current(settings)
    if run is not None:
        get_run_logger().info("nothing changed since reconciliation run %s", run.run_id)
    return run
