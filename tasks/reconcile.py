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

from reconcile.catalog import SEVERITIES, load_catalog, load_catalogs
from reconcile.evaluation import Evaluation
from reconcile.report import report_path, write_report
from reconcile.runs import (
    Run,
    combine,
    evaluate_batch,
    new_run_id,
    plan_batches,
    run_catalogs,
    still_current,
)
from reconcile.runs import record_run as keep_run
from tasks.markdown import markdown_text
from warehouse.ledger import now
from warehouse.settings import WarehouseSettings

# The Prefect UI shows a table artifact whole: list the most severe findings, say how many more.
ARTIFACT_ROWS = 500
FINDINGS_ARTIFACT = "reconciliation-findings"
REPORT_ARTIFACT = "reconciliation-report"


@dataclass(frozen=True)
class Batch:
    """Documents checked together: one template's, of some years."""

    template: str
    years: tuple[int, ...]


@dataclass(frozen=True)
class RunPlan:
    run_id: str
    checked_at: datetime
    templates: tuple[str, ...]  # the catalogs the run applies, by template
    batches: tuple[Batch, ...]


def _batch_run_name() -> str:
    batch: Batch = task_run.parameters["batch"]
    years = batch.years
    span = f"{years[0]}" if len(years) == 1 else f"{years[0]}-{years[-1]}"
    return f"reconcile-{batch.template}-{span}"


@task(name="plan-reconciliation", task_run_name="plan-reconciliation", cache_policy=NO_CACHE)
def plan_run(settings: WarehouseSettings, years: Sequence[int] | None = None) -> RunPlan:
    """A new run id, the catalogs that apply (one per template of the current documents), and
    each template's years to check in batches (see reconcile.runs)."""
    if not settings.database.exists():
        raise FileNotFoundError(f"{settings.database}: no warehouse here (run an ingest first)")
    checked_at = now()
    templates = tuple(c.template.name for c in run_catalogs(settings))
    batches = tuple(
        Batch(template, batch)
        for template in templates
        for batch in plan_batches(settings, years, template=template)
    )
    plan = RunPlan(new_run_id(checked_at), checked_at, templates, batches)
    get_run_logger().info(
        "run %s: %s",
        plan.run_id,
        "; ".join(f"{b.template} {', '.join(map(str, b.years))}" for b in plan.batches),
    )
    return plan


@task(name="reconcile", task_run_name=_batch_run_name, cache_policy=NO_CACHE)
def check_years(settings: WarehouseSettings, batch: Batch, plan: RunPlan) -> Evaluation:
    years = batch.years
    evaluation = evaluate_batch(settings, years, plan.checked_at, load_catalog(batch.template))
    counts = evaluation.counts()
    get_run_logger().info(
        "%d %s documents of %s: %d errors, %d warnings, %d info (%.1f s)",
        evaluation.documents,
        batch.template,
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
    run = combine(plan.run_id, plan.checked_at, evaluations, load_catalogs(plan.templates))
    keep_run(settings, run, get_run_logger().warning)
    return run


@task(name="report-reconciliation", task_run_name="report-reconciliation", cache_policy=NO_CACHE)
def report_run(settings: WarehouseSettings, run: Run) -> Path:
    path = write_report(settings, run)
    get_run_logger().info("report: %s", path)
    return path


@task(name="publish-findings", task_run_name="publish-findings", cache_policy=NO_CACHE)
def publish_run(run: Run, report: Path, settings: WarehouseSettings | None = None) -> None:
    """A table artifact of the findings and a markdown summary linking the HTML report (by
    its `budget serve` URL when `settings.public_url` is set)."""
    rows = findings_table(run, ARTIFACT_ROWS, settings)
    total = run.findings.num_rows
    create_table_artifact(
        rows,
        key=FINDINGS_ARTIFACT,
        description=(
            f"Run {run.run_id}: {run.headline}"
            + (f" — the {len(rows)} most severe of {total} findings" if total > len(rows) else "")
        ),
    )
    report_url = settings.url_of(report) if settings is not None else None
    create_markdown_artifact(
        run_to_markdown(run, report, report_url), key=REPORT_ARTIFACT, description=run.headline
    )
    logger = get_run_logger()
    logger.info("%s", run.headline)
    if run.not_evaluated_rules:
        logger.warning(
            "not evaluated for some documents or tables (reasons in the artifact): %s",
            ", ".join(run.not_evaluated_rules),
        )


def findings_table(
    run: Run, limit: int, settings: WarehouseSettings | None = None
) -> list[dict[str, object]]:
    """Findings as artifact rows (strings, amounts exact), errors first. What a reader needs
    first leads — rule, unit, actual, expected, difference, page (a link to the page of the PDF
    when `budget serve` publishes the data directory) — and the prose comes last: the UI shows
    a table's first columns even when the window is narrow."""
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    findings = sorted(run.findings.to_pylist(), key=lambda f: rank[f["severity"]])[:limit]
    return [
        {
            "rule": f["rule_id"],
            # What the PDF printed (names, labels, headers) is text, not markup: the UI renders
            # a table's cells as markdown.
            "unit": markdown_text(f"{f['unit_name'] or ''} {f['unit_code']}".strip()),
            "actual": _text(f["actual"]),
            "expected": _text(f["expected"]),
            "difference": _text(f["difference"]),
            "page": _page(f, settings),
            "severity": f["severity"],
            "year": f["year"],
            "table": f["table_code"],
            "row": markdown_text(f["row_label"] or ""),
            "subject": markdown_text(f["subject_code"] or ""),
            "column": markdown_text(f["column_path"] or ""),
            "message": markdown_text(f["message"]),
        }
        for f in findings
    ]


def _page(finding: dict[str, object], settings: WarehouseSettings | None) -> object:
    page = finding["page_no"]
    if page is None:
        return ""
    if settings is not None:
        url = settings.url_of(settings.raw_path(str(finding["doc_id"])), f"page={page}")
        if url:
            return f"[{page}]({url})"
    return page


def run_to_markdown(run: Run, report: Path, report_url: str | None = None) -> str:
    """The run's counts, its report, and every rule not evaluated somewhere, with why. The rule
    counts add up: evaluated everywhere + partly + nowhere = all rules."""
    counts = run.counts()
    coverage = run.rule_coverage()
    rules = run.rules.to_pylist()
    partial = [r for r in rules if r["not_evaluated"]]
    link = f"[{report.name}]({report_url})" if report_url else f"`{report}`"
    lines = [
        f"## Reconciliation {run.run_id}",
        "",
        f"{run.documents} documents, years {', '.join(map(str, run.years)) or '—'}.",
        "",
        "| error | warning | info |",
        "|---:|---:|---:|",
        f"| {counts['error']} | {counts['warning']} | {counts['info']} |",
        "",
        f"**Rules**: {coverage['rules']} — {coverage['everywhere']} evaluated for every "
        f"document, {coverage['partly']} for some documents or tables only, "
        f"{coverage['nowhere']} for none.",
        "",
        f"**Report**: {link}",
    ]
    if not report_url:
        lines += ["", "_Set BUDGET_PUBLIC_URL and run `budget serve` to link the report._"]
    if partial:
        lines += [
            "",
            "| rule | evaluated | not evaluated | why not |",
            "|---|---:|---:|---|",
            *(
                f"| {r['rule_id']} | {r['evaluated']} | {r['not_evaluated']} | "
                f"{_reasons(r.get('not_evaluated_why') or [])} |"
                for r in partial
            ),
        ]
    return "\n".join(lines) + "\n"


def _reasons(why: list[str]) -> str:
    """Distinct reasons, most frequent first, with how many units each held for."""
    counted: dict[str, int] = {}
    for reason in why:
        counted[reason] = counted.get(reason, 0) + 1
    ranked = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))
    return "; ".join(f"{r} (×{n})" if n > 1 else r for r, n in ranked).replace("|", "\\|")


def _text(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


@task(name="check-reconciliation", task_run_name="check-reconciliation", cache_policy=NO_CACHE)
def current_run(settings: WarehouseSettings) -> Run | None:
    """The latest reconciliation run, when the warehouse and the rules have not changed since
    it ran (reconcile.runs.still_current): its findings stand, nothing to run again. Its report
    is written again when it is missing (a full disk stopped it, or someone removed it)."""
    run = still_current(settings)
    if run is not None:
        get_run_logger().info("nothing changed since reconciliation run %s", run.run_id)
        if not report_path(settings, run.run_id).is_file():
            get_run_logger().info("report: %s", write_report(settings, run))
    return run
