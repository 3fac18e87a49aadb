"""The reconcile flow: check the accounting identities of every current disclosure.

    budget reconcile --data-dir data [--year 2024 …]   (or: python -m flows.reconcile …)

Runs after each nightly ingest and on demand. Findings are kept per run in the warehouse
(`reconciliation_findings`, `reconciliation_runs`); each run also writes
`<data-dir>/reports/reconcile-<run_id>.html` and leaves a table artifact of its findings.
"""

from __future__ import annotations

if __name__ == "__main__":
    # `python -m flows.reconcile` is `budget reconcile`: the process becomes that command before
    # this module's own imports (Prefect, Great Expectations: seconds), so that the command
    # starts Prefect's temporary API first and imports this flow meanwhile.
    from runtime.command import run_as_command

    run_as_command("reconcile", module="flows.reconcile")

from pathlib import Path

from prefect import flow
from prefect.runtime import flow_run

from reconcile.runs import Run
from runtime.settings import Settings, data_dir_of
from tasks.failures import plain_failures
from tasks.reconcile import check_years, plan_run, publish_run, record_run, report_run


def _flow_run_name() -> str:
    return f"reconcile-{data_dir_of(flow_run.parameters).name}"


@flow(name="reconcile", flow_run_name=_flow_run_name)
def reconcile(
    data_dir: str | Path | None = None,
    years: list[int] | None = None,
    settings: Settings | None = None,
) -> Run:
    """Plan → check each batch of years → record the run → report → publish.

    Args:
        data_dir: Where raw/, parquet/ and warehouse.duckdb live (default: BUDGET_DATA_DIR,
            else ./data).
        years: Check only these budget years (default: every year loaded).
        settings: Every setting, as the caller resolved them; `data_dir`, when given, wins.
    """
    plain_failures()  # a busy warehouse fails the run with one line, not a traceback
    warehouse = Settings.load(settings, data_dir=data_dir).warehouse()
    plan = plan_run(warehouse, years)
    evaluations = [check_years(warehouse, batch, plan) for batch in plan.batches]
    run = record_run(warehouse, plan, evaluations)
    report = report_run(warehouse, run)
    publish_run(run, report, warehouse)
    return run
