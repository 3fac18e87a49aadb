"""Artifacts an ingest run leaves in the Prefect UI: what happened to each document, and a summary.

- `ingest-documents` (table): one row per document — file, unit, year, status, reason, tables,
  cells — including links of a listing whose file was refused or unavailable;
- `ingest-summary` (markdown): the counts, how long the run took, and links to the Data Docs of
  its validations and to the latest reconciliation report;
- the progress artifact, advanced per document, is `tasks.progress.track`'s.

The rows and the markdown are plain functions of the run's outcomes (tested without Prefect);
`publish_ingest` is the task that sends them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.runtime import flow_run

from tasks.fetch import Fetched
from tasks.summary import IngestSummary
from warehouse.documents import Outcome
from warehouse.settings import WarehouseSettings

DOCUMENTS_ARTIFACT = "ingest-documents"
SUMMARY_ARTIFACT = "ingest-summary"
COLUMNS = ("file", "unit", "year", "status", "reason", "tables", "cells")


def outcome_to_row(outcome: Outcome) -> dict[str, object]:
    unit = " ".join(p for p in (outcome.unit_code, outcome.unit_name) if p)
    return {
        "file": outcome.file_name,
        "unit": unit,
        "year": outcome.year if outcome.year is not None else "",
        "status": str(outcome.status),
        "reason": outcome.reason or "",
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
) -> str:
    duration = _duration(seconds) if seconds is not None else "—"
    lines = [
        summary.to_markdown().rstrip("\n"),
        "",
        f"**Source** `{source}` → **data dir** `{data_dir}` · **duration** {duration}",
    ]
    if fetched is not None and fetched.downloads:
        counts = ", ".join(f"{n} {status}" for status, n in fetched.counts().items() if n)
        lines += ["", f"**Listing**: {len(fetched.downloads)} PDF links — {counts}."]
    if links:
        lines += ["", "| report | file |", "|---|---|"]
        lines += [f"| [{label}]({path.as_uri()}) | `{path}` |" for label, path in links.items()]
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
