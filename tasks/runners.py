"""Where extraction runs: in the flow's process, or on a Dask cluster that already exists.

By default a run extracts its documents one at a time in its own process, each as it is about
to be loaded (one disclosure in memory at a time). With a Dask scheduler address
(`--dask-address`, the `dask_address` parameter, or `BUDGET_DASK_ADDRESS`) every new document is
submitted to the cluster at once through prefect-dask's `DaskTaskRunner`, and loads take the
results in order as they arrive; loading stays in the flow's process, one writer at a time.

Use the Dask path against a Prefect server (`PREFECT_API_URL` set): each Dask worker reports its
task runs to the API it was given, and with Prefect's temporary local API instead every worker
process would start its own temporary server first (10–17 s each). Give the workers one thread
each (`dask worker --nthreads 1`, `LocalCluster(threads_per_worker=1)`): pdfminer is not
thread-safe.

Each extraction has a time limit (`timeout_s`, `BUDGET_EXTRACT_TIMEOUT_S`): a document that takes
longer is quarantined as `extraction_timeout`, and the run goes on with the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from tasks.extract import Extraction, extract_document
from tasks.states import outcome_of
from warehouse.documents import Document

Extractor = Callable[[Document], Extraction]


@dataclass(frozen=True)
class ExtractSettings:
    workers: int = 1  # processes per PDF, in-process path only (pdfminer is not thread-safe)
    timeout_s: float = 900.0  # per document; a 250-page disclosure takes ~40 s
    dask_address: str | None = None  # e.g. tcp://10.0.0.5:8786; None extracts in-process

    def __post_init__(self) -> None:
        if self.timeout_s <= 0:
            raise ValueError(f"timeout_s must be > 0, not {self.timeout_s}")
        object.__setattr__(self, "workers", max(1, self.workers))


@contextmanager
def extractor(documents: Sequence[Document], settings: ExtractSettings) -> Iterator[Extractor]:
    """A function from each of `documents` to its extraction, valid inside the `with`."""
    task = extract_document.with_options(timeout_seconds=settings.timeout_s)
    if settings.dask_address is None or not documents:

        def extract_here(document: Document) -> Extraction:
            state = task(document, settings.workers, return_state=True)
            return outcome_of(state, lambda error: failed(document, error, settings))

        yield extract_here
        return

    # prefect-dask is an optional dependency (extra `dask`): only this path imports it.
    from prefect_dask import DaskTaskRunner

    with DaskTaskRunner(address=settings.dask_address) as runner:
        # One process per document on the cluster: no process pool inside a Dask worker.
        futures = {
            d.sha256: runner.submit(task, parameters={"document": d, "workers": 1})
            for d in documents
        }

        def collect(document: Document) -> Extraction:
            future = futures.pop(document.sha256)
            future.wait()
            return outcome_of(future.state, lambda error: failed(document, error, settings))

        yield collect


def failed(document: Document, error: object, settings: ExtractSettings) -> Extraction:
    """An extraction task run that failed (timed out, or died) as a quarantine reason, so the
    document is recorded and the run goes on."""
    if isinstance(error, TimeoutError):
        return Extraction(
            document,
            reason="extraction_timeout",
            message=f"{document.path}: extraction took longer than {settings.timeout_s:g} s",
        )
    return Extraction(
        document,
        reason="extraction_failed",
        message=f"{document.path}: extraction failed: {error}",
    )
