"""The ingest flow: new budget-disclosure PDFs from a folder or a listing page into the warehouse.

    budget ingest --source samples --data-dir data     (or: python -m flows.ingest …)
    budget ingest --source https://example.gov.cn/yusuan/ --data-dir data

Runs in-process (Prefect's temporary local API unless PREFECT_API_URL points at a server).
A listing's PDFs are downloaded into `<data-dir>/downloads/<host>/` first (tasks.fetch).
Every PDF is parsed in a bounded child process (memory and time limits), as many at once as
there are workers, or on a Dask cluster given its address (tasks.runners); results are
validated and loaded as they finish, by this process, one writer.
Every extraction passes the Great Expectations gate (tasks.validate) before it loads; a file
that fails a critical expectation is quarantined. `--retry-quarantined` re-processes them.
A warehouse written by older code (an older schema version) is upgraded first (flows.upgrade).
"""

from __future__ import annotations

if __name__ == "__main__":
    # `python -m flows.ingest` is `budget ingest`: the process becomes that command before
    # this module's own imports (Prefect, Great Expectations: seconds), so that the command
    # starts Prefect's temporary API first and imports this flow meanwhile.
    from runtime.command import run_as_command

    run_as_command("ingest", module="flows.ingest")

from pathlib import Path

from prefect import flow
from prefect.runtime import flow_run

from expectations.gate import Gate
from flows.documents import ingest_documents
from flows.upgrade import upgrade
from runtime.settings import Settings
from sources import parse_source, source_label
from tasks.artifacts import publish_ingest
from tasks.discover import discover
from tasks.failures import plain_failures
from tasks.fetch import fetch
from tasks.limits import ensure_limits
from tasks.load import record_duplicates
from tasks.runners import extraction_pool
from tasks.summary import IngestSummary, summarise
from tasks.validate import publish_data_docs, quarantined_documents
from warehouse.upgrade import needs_upgrade


def _flow_run_name() -> str:
    return f"ingest-{source_label(flow_run.parameters['source'])}"


@flow(name="ingest", flow_run_name=_flow_run_name)
def ingest(
    source: str | Path,
    data_dir: str | Path | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
    max_pages: int | None = None,
    retry_quarantined: bool = False,
    settings: Settings | None = None,
) -> IngestSummary:
    """Fetch → discover → peek → screen → extract → validate → load → summarise.

    Each batch of loads holds a `warehouse-writes` slot.

    Args:
        source: A folder of PDFs (searched recursively), one PDF, or the http(s) URL of a page
            that links PDFs.
        data_dir: Where raw/, parquet/ and warehouse.duckdb live (default: BUDGET_DATA_DIR,
            else ./data).
        workers: Documents parsed at once, each in a bounded child process (default:
            BUDGET_WORKERS, else the number of cores).
        dask_address: Extract on this Dask scheduler, e.g. tcp://10.0.0.5:8786 (default:
            BUDGET_DASK_ADDRESS; none: extract in child processes of this machine).
        max_pages: A PDF with more pages is quarantined unread (default: BUDGET_MAX_PAGES).
        retry_quarantined: Also re-process every quarantined document from raw/, e.g. after a
            template or a limit was fixed.
        settings: Every setting, as the caller resolved them (the command line, the nightly
            flow); the values above, when given, win. Default: BUDGET_* variables, then the
            defaults (docs/configuration.md).
    """
    plain_failures()  # a busy warehouse fails the run with one line, not a traceback
    settings = Settings.load(
        settings, data_dir=data_dir, workers=workers, dask_address=dask_address, max_pages=max_pages
    )
    warehouse, parsing = settings.warehouse(), settings.extract()
    ensure_limits()
    if needs_upgrade(warehouse):  # written by older code: re-derived from raw/ first
        upgrade(settings=settings)
    # Untrusted PDFs are parsed only in the pool's bounded child processes (tasks.runners).
    with extraction_pool(parsing) as pool:
        fetched = fetch(parse_source(source), warehouse.data_dir, settings.http())
        batch = discover(fetched.folder, warehouse, fetched.origins)
        retries = quarantined_documents(warehouse) if retry_quarantined else []
        gate = Gate(settings.gate())  # one Great Expectations context for the whole run
        outcomes = ingest_documents([*batch.new, *retries], warehouse, pool, gate, parsing)
    outcomes += record_duplicates(batch.repeats, warehouse)
    publish_data_docs(gate)  # also when nothing was validated: rebuilt if missing or incomplete
    summary = summarise(
        [*batch.unchanged, *batch.unreadable], [*outcomes, *fetched.outcomes()], parsing.parser
    )
    publish_ingest(summary, warehouse, fetched.source_uri, fetched)
    return summary
