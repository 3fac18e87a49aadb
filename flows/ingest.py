"""The ingest flow: new budget-disclosure PDFs from a folder into the warehouse.

    python -m flows.ingest --source samples --data-dir data

Runs in-process (Prefect's temporary local API unless PREFECT_API_URL points at a server).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from prefect import flow
from prefect.utilities.annotations import quote

from tasks.discover import discover
from tasks.extract import extract_document
from tasks.load import load_document, record_duplicates
from tasks.progress import track
from tasks.summary import IngestSummary, summarise
from warehouse.settings import DATA_DIR_ENV, WarehouseSettings


@dataclass(frozen=True)
class IngestSettings:
    source: Path
    warehouse: WarehouseSettings
    workers: int = 1  # processes per PDF for extraction (pdfminer is not thread-safe)

    @classmethod
    def resolve(cls, source: Path, data_dir: Path | None, workers: int) -> IngestSettings:
        if not source.exists():
            raise FileNotFoundError(f"source {source} does not exist")
        return cls(source.resolve(), WarehouseSettings.resolve(data_dir), max(1, workers))


@flow(name="ingest", flow_run_name="ingest-{source.name}")
def ingest(source: Path, data_dir: Path | None = None, workers: int = 1) -> IngestSummary:
    """Discover → extract → load → summarise. Loads are serialised by the warehouse lock."""
    settings = IngestSettings.resolve(source, data_dir, workers)
    batch = discover(settings.source, settings.warehouse)
    # quote(): Prefect would otherwise walk every cell of a disclosure looking for futures.
    outcomes = [
        load_document(quote(extract_document(document, settings.workers)), settings.warehouse)
        for document in track(batch.new, "ingest")
    ]
    outcomes += record_duplicates(batch.repeats, settings.warehouse)
    return summarise(batch.unchanged, outcomes)


app = typer.Typer(add_completion=False)


@app.command()
def main(
    source: Annotated[
        Path,
        typer.Option(exists=True, help="A folder of PDFs (searched recursively) or one PDF."),
    ],
    data_dir: Annotated[
        Path,
        typer.Option(envvar=DATA_DIR_ENV, help="Where raw/, parquet/ and warehouse.duckdb live."),
    ] = Path("data"),
    workers: Annotated[int, typer.Option(help="Processes per PDF for extraction.")] = 1,
) -> None:
    """Ingest new budget-disclosure PDFs: keep, extract, load; print what happened."""
    summary = ingest(source=source, data_dir=data_dir, workers=workers)
    typer.echo(summary.to_text())
    warehouse = WarehouseSettings.resolve(data_dir).database
    typer.echo(f"query it: .venv/bin/duckdb -readonly {warehouse}")
    # Quarantined files are an expected outcome; a file the run itself failed on is not.
    raise typer.Exit(code=1 if any(o.status == "failed" for o in summary.outcomes) else 0)


if __name__ == "__main__":
    app()
