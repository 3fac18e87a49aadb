"""The nightly flow: ingest what is new, reconcile the warehouse, say when errors are new.

    python -m flows.nightly --source https://example.gov.cn/yusuan/ --data-dir data

The `nightly` deployment in prefect.yaml runs it every night (Asia/Shanghai); see
docs/run-it-nightly.md. Its ingest and reconcile runs show as subflows in the Prefect UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from prefect import flow, get_run_logger
from prefect.runtime import flow_run

from flows.ingest import ingest
from flows.reconcile import reconcile
from reconcile.report import report_path
from sources import label_of, parse_source
from tasks.alerts import announce_new_errors
from tasks.summary import IngestSummary
from warehouse.settings import DATA_DIR_ENV, WarehouseSettings


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
    return f"nightly-{label_of(flow_run.parameters['source'])}"


@flow(name="nightly", flow_run_name=_flow_run_name)
def nightly(source: Path | str, data_dir: Path | None = None) -> NightlyResult:
    """Ingest → reconcile → announce new errors (an automation turns that into an alert)."""
    settings = WarehouseSettings.resolve(data_dir)
    ingested = ingest(source=source, data_dir=settings.data_dir)
    if not settings.database.exists():  # an empty source on the very first night
        get_run_logger().info("no warehouse yet in %s: nothing to reconcile", settings.data_dir)
        return NightlyResult(ingested)
    run = reconcile(data_dir=settings.data_dir)
    fresh = announce_new_errors(settings, run, report_path(settings, run.run_id))
    return NightlyResult(ingested, run.run_id, run.counts(), fresh)


app = typer.Typer(add_completion=False)


@app.command()
def main(
    source: Annotated[
        str,
        typer.Option(help="A folder of PDFs, one PDF, or the http(s) URL of a page linking PDFs."),
    ],
    data_dir: Annotated[
        Path,
        typer.Option(envvar=DATA_DIR_ENV, help="Where raw/, parquet/ and warehouse.duckdb live."),
    ] = Path("data"),
) -> None:
    """Run tonight's job now: ingest the source, then reconcile the warehouse."""
    try:
        parse_source(source)
    except (FileNotFoundError, ValueError) as error:
        raise typer.BadParameter(str(error), param_hint="--source") from error
    result = nightly(source=source, data_dir=data_dir)
    typer.echo(result.to_text())
    warehouse = WarehouseSettings.resolve(data_dir)
    if result.reconcile_run_id is not None:
        typer.echo(f"report: {report_path(warehouse, result.reconcile_run_id)}")
    typer.echo(f"query it: .venv/bin/duckdb -readonly {warehouse.database}")


if __name__ == "__main__":
    app()
