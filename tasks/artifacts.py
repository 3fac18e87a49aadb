"""Artifacts an ingest run leaves in the Prefect UI: what happened to each document, and a summary.

- `ingest-documents` (table): one row per document — file, unit, year, status, reason, tables,
  cells — including links of a listing whose file was refused or unavailable;
- `ingest-summary` (markdown): the counts, how long the run took, and the Data Docs of its
  validations and the latest reconciliation report — as http links to `budget serve` when
  `BUDGET_PUBLIC_URL` is set (a browser refuses file:// links from the UI), else as paths;
- the progress artifact, advanced per document, is `tasks.progress.track`'s;
- `nightly-summary` (markdown), on the nightly run itself: the ingest's counts, the
  reconciliation's findings, new errors and rule coverage, and the same links.

The rows and the markdown are plain functions of the run's outcomes (tested without Prefect);
`publish_ingest` is the task that sends them. File names, unit names and messages come from
outside: written as text, never as markup (`tasks.markdown`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.runtime import flow_run

from reconcile.runs import Run
from tasks.fetch import Fetched
from tasks.markdown import markdown_text
from tasks.summary import IngestSummary
from warehouse.documents import Outcome
from warehouse.settings import WarehouseSettings

DOCUMENTS_ARTIFACT = "ingest-documents"
SUMMARY_ARTIFACT = "ingest-summary"
COLUMNS = ("file", "unit", "year", "status", "reason", "tables", "cells")


def unit_label(unit_name: str | None, unit_code: str | None) -> str:
    """A unit as a person reads it: its name, then its code (`湖南省信访局 (010)`)."""
    if unit_name and unit_code:
        return f"{unit_name} ({unit_code})"
    return unit_name or unit_code or ""


def outcome_to_row(outcome: Outcome) -> dict[str, object]:
    """One document's row; its file name and unit name (from outside) escaped, as the UI
    renders cells as markdown."""
    unit = unit_label(outcome.unit_name, outcome.unit_code)
    return {
        "file": markdown_text(outcome.file_name),
        "unit": markdown_text(unit),
        "year": outcome.year if outcome.year is not None else "",
        "status": str(outcome.status),
        "reason": markdown_text(outcome.reason or ""),
        "tables": outcome.tables if outcome.tables is not None else "",
        "cells": outcome.cells if outcome.cells is not None else "",
    }


def documents_table(summary: IngestSummary) -> list[dict[str, object]]:
    """Rows in the order a person reads them: what changed first, unchanged files last; a
    listing's link whose file was not kept (rejected, unavailable) is a row of its own."""
    return [outcome_to_row(o) for o in summary.ordered()]


def report_links(settings: WarehouseSettings) -> dict[str, Path]:
    """The Data Docs of the validations and the newest reconciliation report, when present."""
    links: dict[str, Path] = {}
    docs = settings.docs_dir / "index.html"
    if docs.is_file():
        links["Data Docs (validations)"] = docs
    reports = sorted((settings.data_dir / "reports").glob("reconcile-*.html"))
    if reports:
        links["Reconciliation report"] = reports[-1]  # run ids sort by time
    return links


def summary_markdown(
    summary: IngestSummary,
    *,
    source: str,
    data_dir: Path,
    seconds: float | None,
    links: Mapping[str, Path],
    fetched: Fetched | None = None,
    url_of: Callable[[Path], str | None] | None = None,
) -> str:
    duration = _duration(seconds) if seconds is not None else "—"
    lines = [
        summary.to_markdown().rstrip("\n"),
        "",
        f"**Source** {markdown_text(source)} → **data dir** {markdown_text(data_dir)} · "
        f"**duration** {duration}",
    ]
    if fetched is not None and fetched.downloads:
        counts = ", ".join(f"{n} {status}" for status, n in fetched.counts().items() if n)
        lines += ["", f"**Listing**: {len(fetched.downloads)} PDF links — {counts}."]
    if links:
        lines += ["", "| report | file |", "|---|---|"]
        for label, path in links.items():
            url = url_of(path) if url_of else None
            lines.append(f"| [{label}]({url}) | `{path}` |" if url else f"| {label} | `{path}` |")
        if url_of is None or not any(url_of(p) for p in links.values()):
            lines += ["", "_Set BUDGET_PUBLIC_URL and run `budget serve` to link these._"]
    return "\n".join(lines) + "\n"


@task(name="publish-ingest", task_run_name="publish-ingest", cache_policy=NO_CACHE)
def publish_ingest(
    summary: IngestSummary,
    settings: WarehouseSettings,
    source: str,
    fetched: Fetched | None = None,
) -> None:
    rows = documents_table(summary)
    create_table_artifact(
        rows or [dict.fromkeys(COLUMNS, "")],
        key=DOCUMENTS_ARTIFACT,
        description=f"Documents of this run: {summary.headline}",
    )
    create_markdown_artifact(
        summary_markdown(
            summary,
            source=source,
            data_dir=settings.data_dir,
            seconds=_seconds_since_start(),
            links=report_links(settings),
            fetched=fetched,
            url_of=settings.url_of,
        ),
        key=SUMMARY_ARTIFACT,
        description=summary.headline,
    )
    get_run_logger().info("%s", summary.headline)


def _seconds_since_start() -> float | None:
    """How long the flow run has been running, by the server's clock of its start."""
    if flow_run.id is None:
        return None
    with get_client(sync_client=True) as client:
        start = client.read_flow_run(flow_run.id).start_time
    return (datetime.now(UTC) - start).total_seconds() if start else None


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{seconds:.1f} s"


NIGHTLY_ARTIFACT = "nightly-summary"


def nightly_markdown(
    summary: IngestSummary,
    run: Run | None,
    new_errors: int,
    links: Mapping[str, Path],
    url_of: Callable[[Path], str | None] | None = None,
    *,
    reconciled: bool = True,
) -> str:
    """The nightly run's own summary: what the ingest did, what reconciliation found (and how
    much of it is new), how many rules could be evaluated, and where to read more.
    `reconciled=False`: nothing changed since `run`, which was not run again; its findings
    stand."""
    lines = [
        "## Nightly run",
        "",
        "| loaded | duplicate | superseded | failed | unchanged |",
        "|---:|---:|---:|---:|---:|",
        "| " + " | ".join(str(n) for n in summary.counts.values()) + " |",
    ]
    failures = summary.failures
    if failures:
        lines += [
            "",
            "**Not loaded**: "
            + "; ".join(
                f"{markdown_text(o.file_name)} ({markdown_text(o.reason)})" for o in failures[:20]
            )
            + (f"; and {len(failures) - 20} more" if len(failures) > 20 else ""),
        ]
    if run is None:
        lines += ["", "Reconciliation skipped: nothing loaded yet."]
    else:
        counts = run.counts()
        coverage = run.rule_coverage()
        lines += [
            "",
            (
                f"**Reconciliation** `{run.run_id}`: {run.documents} documents, "
                if reconciled
                else f"**Reconciliation** not run again: nothing changed since run "
                f"`{run.run_id}`, whose findings stand: {run.documents} documents, "
            )
            + f"years {', '.join(map(str, run.years)) or '—'}.",
            "",
            "| error | warning | info | new errors |",
            "|---:|---:|---:|---:|",
            f"| {counts['error']} | {counts['warning']} | {counts['info']} | {new_errors} |",
            "",
            f"**Rules**: {coverage['rules']} — {coverage['everywhere']} evaluated for every "
            f"document, {coverage['partly']} for some documents or tables only, "
            f"{coverage['nowhere']} for none (the reconcile run's artifact says why).",
        ]
    if links:
        lines += ["", "| report | file |", "|---|---|"]
        for label, path in links.items():
            url = url_of(path) if url_of else None
            lines.append(f"| [{label}]({url}) | `{path}` |" if url else f"| {label} | `{path}` |")
    return "\n".join(lines) + "\n"


@task(name="publish-nightly", task_run_name="publish-nightly", cache_policy=NO_CACHE)
def publish_nightly(
    summary: IngestSummary,
    run: Run | None,
    new_errors: int,
    settings: WarehouseSettings,
    *,
    reconciled: bool = True,
) -> None:
    """The nightly run's own artifact (its subflows keep theirs); `reconciled=False` when `run`
    is the last one, still current, not run again."""
    counts = run.counts() if run is not None else None
    headline = f"ingest: {summary.headline}" + (
        f"; reconcile: {counts['error']} errors, {counts['warning']} warnings, "
        f"{new_errors} new errors"
        if counts is not None
        else ""
    )
    create_markdown_artifact(
        nightly_markdown(
            summary,
            run,
            new_errors,
            report_links(settings),
            settings.url_of,
            reconciled=reconciled,
        ),
        key=NIGHTLY_ARTIFACT,
        description=headline,
    )
    get_run_logger().info("%s", headline)
