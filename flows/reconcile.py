"""The reconcile flow: check the accounting identities of every current disclosure.

    python -m flows.reconcile --data-dir data [--year 2024 …]

Runs after each nightly ingest and on demand. Findings are kept per run in the warehouse
(`reconciliation_findings`, `reconciliation_runs`); each run also writes
`<data-dir>/reports/reconcile-<run_id>.html` and leaves a table artifact of its findings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from prefect import flow
from prefect.runtime import flow_run

from reconcile.report import report_path
from reconcile.runs import Run
from tasks.reconcile import check_years, plan_run, publish_run, record_run, report_run
from warehouse.settings import DATA_DIR_ENV, WarehouseSettings


def _flow_run_name() -> str:
    data_dir = flow_run.parameters.get("data_dir")
    return f"reconcile-{WarehouseSettings.resolve(data_dir).data_dir.name}"


@flow(name="reconcile", flow_run_name=_flow_run_name)
def reconcile(data_dir: Path | None = None, years: list[int] | None = None) -> Run:
    """Plan → check each batch of years → record the run → report → publish."""
    settings = WarehouseSettings.resolve(data_dir)
    plan = plan_run(settings, years)
    evaluations = [check_years(settings, batch, plan) for batch in plan.batches]
    run = record_run(settings, plan, evaluations)
    report = report_run(settings, run)
    publish_run(run, report)
    return run


app = typer.Typer(add_completion=False)


@app.command()
def main(
    data_dir: Annotated[
        Path,
        typer.Option(envvar=DATA_DIR_ENV, help="Where raw/, parquet/ and warehouse.duckdb live."),
    ] = Path("data"),
    year: Annotated[
        list[int] | None, typer.Option(help="Check only this budget year (repeatable).")
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(help="Exit with 1 when a finding is this severe: error, warning or never."),
    ] = "never",
) -> None:
    """Reconcile the warehouse: check every identity, keep the findings, write the report."""
    if fail_on not in ("error", "warning", "never"):
        raise typer.BadParameter("choose error, warning or never", param_hint="--fail-on")
    if not (data_dir / "warehouse.duckdb").exists():
        typer.echo(f"{data_dir}: no warehouse.duckdb here (run flows.ingest first)", err=True)
        raise typer.Exit(code=2)
    run = reconcile(data_dir=data_dir, years=year or None)
    typer.echo(f"reconcile {run.run_id}: {run.headline}")
    typer.echo(f"report: {report_path(WarehouseSettings.resolve(data_dir), run.run_id)}")
    counts = run.counts()
    failing = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[fail_on]
    raise typer.Exit(code=1 if any(counts[s] for s in failing) else 0)


if __name__ == "__main__":
    app()
