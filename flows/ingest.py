"""The ingest flow: new budget-disclosure PDFs from a folder or a listing page into the warehouse.

    python -m flows.ingest --source samples --data-dir data
    python -m flows.ingest --source https://example.gov.cn/yusuan/ --data-dir data

Runs in-process (Prefect's temporary local API unless PREFECT_API_URL points at a server).
A listing's PDFs are downloaded into `<data-dir>/downloads/<host>/` first (tasks.fetch).
Extraction runs in this process, or on a Dask cluster given its address (tasks.runners).
Every extraction passes the Great Expectations gate (tasks.validate) before it loads; a file
that fails a critical expectation is quarantined. `--retry-quarantined` re-processes them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from prefect import flow
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

from expectations.gate import DEFAULT_MAX_PAGES, Gate, GateSettings
from sources import Source, label_of, parse_source
from sources.downloads import HttpSettings
from tasks.artifacts import publish_ingest
from tasks.discover import discover
from tasks.fetch import fetch
from tasks.limits import ensure_limits
from tasks.load import load_document, record_duplicates
from tasks.progress import in_batches, track
from tasks.runners import DASK_ADDRESS_ENV, ExtractSettings, extractor
from tasks.summary import IngestSummary, summarise
from tasks.validate import (
    publish_data_docs,
    quarantined_documents,
    screen_documents,
    validate_documents,
)
from warehouse.settings import DATA_DIR_ENV, WarehouseSettings

# Documents extracted before one validation, then loaded: memory for 8 disclosures at most.
VALIDATION_BATCH = 8


@dataclass(frozen=True)
class IngestSettings:
    source: Source
    warehouse: WarehouseSettings
    extract: ExtractSettings = dataclasses.field(default_factory=ExtractSettings)
    http: HttpSettings = dataclasses.field(default_factory=HttpSettings)
    gate: GateSettings = dataclasses.field(default_factory=GateSettings)
    retry_quarantined: bool = False  # re-process every quarantined document from raw/

    @classmethod
    def resolve(
        cls,
        source: str | Path,
        data_dir: Path | None,
        workers: int = 1,
        dask_address: str | None = None,
        max_pages: int = DEFAULT_MAX_PAGES,
        retry_quarantined: bool = False,
    ) -> IngestSettings:
        warehouse = WarehouseSettings.resolve(data_dir)
        return cls(
            parse_source(source),
            warehouse,
            ExtractSettings.resolve(workers, dask_address),
            HttpSettings.resolve(),
            GateSettings(max_pages=max_pages, docs_dir=warehouse.docs_dir),
            retry_quarantined,
        )


def _flow_run_name() -> str:
    return f"ingest-{label_of(flow_run.parameters['source'])}"


@flow(name="ingest", flow_run_name=_flow_run_name)
def ingest(
    source: Path | str,
    data_dir: Path | None = None,
    workers: int = 1,
    dask_address: str | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    retry_quarantined: bool = False,
) -> IngestSummary:
    """Fetch → discover → screen → extract → validate → load → summarise. Loads hold a
    `warehouse-writes` slot."""
    settings = IngestSettings.resolve(
        source, data_dir, workers, dask_address, max_pages, retry_quarantined
    )
    ensure_limits()
    fetched = fetch(settings.source, settings.warehouse.data_dir, settings.http)
    batch = discover(fetched.folder, settings.warehouse, fetched.origins)
    retries = quarantined_documents(settings.warehouse) if settings.retry_quarantined else []
    gate = Gate(settings.gate)  # one Great Expectations context for the whole run
    screened = screen_documents([*batch.new, *retries], gate)
    outcomes = []
    with extractor(screened.passed, settings.extract) as extract:
        # Validated a batch at a time: Great Expectations costs per expectation, not per row.
        # quote(): Prefect would otherwise walk every cell of a disclosure looking for futures.
        for documents in in_batches(track(screened.passed, "ingest"), VALIDATION_BATCH):
            validated = validate_documents(quote([extract(d) for d in documents]), gate)
            outcomes += [load_document(quote(e), settings.warehouse) for e in validated]
    outcomes += [load_document(quote(refused), settings.warehouse) for refused in screened.refused]
    outcomes += record_duplicates(batch.repeats, settings.warehouse)
    publish_data_docs(gate)
    summary = summarise(batch.unchanged, outcomes)
    publish_ingest(summary, settings.warehouse, settings.source.uri, fetched)
    return summary


app = typer.Typer(add_completion=False)


@app.command()
def main(
    source: Annotated[
        str,
        typer.Option(
            help="A folder of PDFs (searched recursively), one PDF, or the http(s) URL of a "
            "page that links PDFs."
        ),
    ],
    data_dir: Annotated[
        Path,
        typer.Option(envvar=DATA_DIR_ENV, help="Where raw/, parquet/ and warehouse.duckdb live."),
    ] = Path("data"),
    workers: Annotated[int, typer.Option(help="Processes per PDF for extraction.")] = 1,
    dask_address: Annotated[
        str | None,
        typer.Option(
            envvar=DASK_ADDRESS_ENV,
            help="Extract on this Dask scheduler (tcp://HOST:8786) instead of in this process.",
        ),
    ] = None,
    max_pages: Annotated[
        int,
        typer.Option(help="Quarantine, unread, any PDF with more pages than this."),
    ] = DEFAULT_MAX_PAGES,
    retry_quarantined: Annotated[
        bool,
        typer.Option(
            "--retry-quarantined",
            help="Also re-process every quarantined document (from raw/), e.g. after a "
            "template or limit was fixed; those that now pass are loaded.",
        ),
    ] = False,
) -> None:
    """Ingest new budget-disclosure PDFs: keep, extract, load; print what happened."""
    try:
        parse_source(source)
    except (FileNotFoundError, ValueError) as error:
        raise typer.BadParameter(str(error), param_hint="--source") from error
    summary = ingest(
        source=source,
        data_dir=data_dir,
        workers=workers,
        dask_address=dask_address,
        max_pages=max_pages,
        retry_quarantined=retry_quarantined,
    )
    typer.echo(summary.to_text())
    warehouse = WarehouseSettings.resolve(data_dir).database
    typer.echo(f"query it: .venv/bin/duckdb -readonly {warehouse}")
    # Quarantined files are an expected outcome; a file the run itself failed on is not.
    raise typer.Exit(code=1 if any(o.status == "failed" for o in summary.outcomes) else 0)


if __name__ == "__main__":
    app()
