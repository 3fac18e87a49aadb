"""The nightly flow: ingest what is new, reconcile the warehouse, say when errors are new.

    budget nightly --source https://example.gov.cn/yusuan/ --data-dir data

The `nightly` deployment in prefect.yaml runs it every night (Asia/Shanghai); see
docs/run-it-nightly.md. Its ingest and reconcile runs show as subflows in the Prefect UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from budget.settings import Settings
from flows.ingest import ingest
from flows.reconcile import reconcile
from reconcile.report import report_path
from sources import source_label
from tasks.alerts import announce_new_errors
from tasks.failures import plain_failures
from tasks.summary import IngestSummary


@dataclass(frozen=True)
class NightlyResult:
    ingest: IngestSummary
    reconcile_run_id: str | None = None  # None when there is no warehouse yet to check
    findings: dict[str, int] | None = None  # per severity
    new_errors: int = 0

    def to_text(self) -> str:
        lines = [self.ingest.to_text()]
        if self.reconcile_run_id is None:
            lines.append("reconcile: skipped, nothing loaded yet")
        else:
            counts = ", ".join(f"{n} {s}" for s, n in (self.findings or {}).items())
            lines.append(
                f"reconcile {self.reconcile_run_id}: {counts}; {self.new_errors} new errors"
            )
        return "\n".join(lines)


def _flow_run_name() -> str:
    return f"nightly-{source_label(flow_run.parameters['source'])}"


@flow(name="nightly", flow_run_name=_flow_run_name)
def nightly(source: str | Path, data_dir: str | Path | None = None) -> NightlyResult:
    """Ingest → reconcile → announce new errors (an automation turns that into an alert).

    Args:
        source: What to ingest: a folder of PDFs, one PDF, or the http(s) URL of a page that
            links PDFs.
        data_dir: Where raw/, parquet/ and warehouse.duckdb live (default: BUDGET_DATA_DIR,
            else ./data).
    """
    plain_failures()  # a busy warehouse fails the run with one line, not a traceback
    settings = Settings.load(data_dir=data_dir).warehouse()
    data_dir = str(settings.data_dir)
    ingested = ingest(source=source, data_dir=data_dir)
    if not settings.database.exists():  # an empty source on the very first night
        get_run_logger().info("no warehouse yet in %s: nothing to reconcile", data_dir)
        return NightlyResult(ingested)
    run = reconcile(data_dir=data_dir)
    fresh = announce_new_errors(settings, run, report_path(settings, run.run_id))
    return NightlyResult(ingested, run.run_id, run.counts(), fresh)


if __name__ == "__main__":
    from budget.cli import run_as

    run_as("nightly", prog_name="python -m flows.nightly")
