"""The nightly flow: ingest what is new, reconcile the warehouse, say when errors are new.

    budget nightly --source https://example.gov.cn/yusuan/ --data-dir data

The `nightly` deployment in prefect.yaml runs it every night (Asia/Shanghai); see
docs/run-it-nightly.md. Its ingest and reconcile runs show as subflows in the Prefect UI.
"""

from __future__ import annotations

if __name__ == "__main__":
    # `python -m flows.nightly` is `budget nightly`: the process becomes that command before
    # this module's own imports (Prefect, Great Expectations: seconds), so that the command
    # starts Prefect's temporary API first and imports this flow meanwhile.
    from runtime.command import run_as_command

    run_as_command("nightly", module="flows.nightly")

from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows.ingest import ingest
from flows.reconcile import reconcile
from reconcile.report import report_path
from runtime.settings import Settings
from sources import source_label
from tasks.alerts import announce_new_errors
from tasks.artifacts import publish_nightly
from tasks.failures import plain_failures
from tasks.reconcile import current_run
from tasks.summary import IngestSummary


@dataclass(frozen=True)
class NightlyResult:
    ingest: IngestSummary
    reconcile_run_id: str | None = None  # None when there is no warehouse yet to check
    findings: dict[str, int] | None = None  # per severity
    new_errors: int = 0
    reconciled: bool = True  # False: nothing changed since run `reconcile_run_id`, not run again

    def to_text(self) -> str:
        lines = [self.ingest.to_text()]
        if self.reconcile_run_id is None:
            lines.append("reconcile: skipped, nothing loaded yet")
            return "\n".join(lines)
        counts = ", ".join(f"{n} {s}" for s, n in (self.findings or {}).items())
        if self.reconciled:
            lines.append(
                f"reconcile {self.reconcile_run_id}: {counts}; {self.new_errors} new errors"
            )
        else:
            lines.append(
                f"reconcile: skipped, nothing changed since run {self.reconcile_run_id} ({counts})"
            )
        return "\n".join(lines)


def _flow_run_name() -> str:
    return f"nightly-{source_label(flow_run.parameters['source'])}"


@flow(name="nightly", flow_run_name=_flow_run_name)
def nightly(
    source: str | Path,
    data_dir: str | Path | None = None,
    workers: int | None = None,
    settings: Settings | None = None,
) -> NightlyResult:
    """Ingest → reconcile → announce new errors (an automation turns that into an alert) →
    summarise the night in the run's own artifact.

    Reconciliation is skipped when the ingest changed nothing and nothing else did since the
    last reconciliation run (tasks.reconcile.current_run): the last findings stand.

    Args:
        source: What to ingest: a folder of PDFs, one PDF, or the http(s) URL of a page that
            links PDFs.
        data_dir: Where raw/, parquet/ and warehouse.duckdb live (default: BUDGET_DATA_DIR,
            else ./data).
        workers: Documents parsed at once, each in a bounded child process (default:
            BUDGET_WORKERS, else the number of cores).
        settings: Every setting, as the caller resolved them; the values above, when given,
            win. Built once here, the ingest and the reconciliation run with them.
    """
    plain_failures()  # a busy warehouse fails the run with one line, not a traceback
    settings = Settings.load(settings, data_dir=data_dir, workers=workers)
    warehouse = settings.warehouse()
    ingested = ingest(source=source, settings=settings)
    if not warehouse.database.exists():  # an empty source on the very first night
        get_run_logger().info("no warehouse yet in %s: nothing to reconcile", warehouse.data_dir)
        publish_nightly(ingested, None, 0, warehouse)
        return NightlyResult(ingested)
    # Nothing new and nothing changed since the last reconciliation: its findings stand.
    last = None if ingested.changed_warehouse else current_run(warehouse)
    if last is not None:
        publish_nightly(ingested, last, 0, warehouse, reconciled=False)
        return NightlyResult(ingested, last.run_id, last.counts(), reconciled=False)
    run = reconcile(settings=settings)
    fresh = announce_new_errors(warehouse, run, report_path(warehouse, run.run_id))
    publish_nightly(ingested, run, fresh, warehouse)
    return NightlyResult(ingested, run.run_id, run.counts(), fresh)
