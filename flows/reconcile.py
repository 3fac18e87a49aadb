"""The reconcile flow: check the accounting identities of every current disclosure.

    budget reconcile --data-dir data [--year 2024 …]   (or: python -m flows.reconcile …)

Runs after each nightly ingest and on demand. Findings are kept per run in the warehouse
(`reconciliation_findings`, `reconciliation_runs`); each run also writes
`<data-dir>/reports/reconcile-<run_id>.html` and leaves a table artifact of its findings.
"""

from __future__ import annotations

if __name__ == "__main__":
    # `python -m flows.reconcile` is `budget reconcile`. It runs before this module's own
    # imports (Prefect, Great Expectations: seconds), so that the command starts Prefect's
    # temporary API first, and imports this module again, under its own name, meanwhile.
    from budget.cli import run_as

    run_as("reconcile", prog_name="python -m flows.reconcile")

from pathlib import Path

from prefect import flow
from prefect.runtime import flow_run

from budget.settings import Settings
from reconcile.runs import Run
from tasks.failures import plain_failures
from tasks.reconcile import check_years, plan_run, publish_run, record_run, report_run


def _flow_run_name() -> str:
    data_dir = flow_run.parameters.get("data_dir")
    return f"reconcile-{Settings.load(data_dir=data_dir).warehouse().data_dir.name}"


@flow(name="reconcile", flow_run_name=_flow_run_name)
def reconcile(data_dir: str | Path | None = None, years: list[int] | None = None) -> Run:
    """Plan → check each batch of years → record the run → report → publish.

    Args:
        data_dir: Where raw/, parquet/ and warehouse.duckdb live (default: BUDGET_DATA_DIR,
            else ./data).
        years: Check only these budget years (default: every year loaded).
    """
    plain_failures()  # a busy warehouse fails the run with one line, not a traceback
    settings = Settings.load(data_dir=data_dir).warehouse()
    plan = plan_run(settings, years)
    evaluations = [check_years(settings, batch, plan) for batch in plan.batches]
    run = record_run(settings, plan, evaluations)
    report = report_run(settings, run)
    publish_run(run, report, settings)
    return run
