"""Where extraction runs, and in what order its results reach validation and loading.

Every document is parsed in a bounded child process (`bounded.Pool`, a memory limit and a
wall-clock limit): by default `workers` of them at once on this machine — as many as it has
cores (`--workers`, the `workers` parameter, `BUDGET_WORKERS`). Each document is one task run
(`extract-010-2024`), submitted longest first to a thread pool twice that size (Prefect's
ThreadPoolTaskRunner): its thread waits for a worker process, which does the work; the workers
import no Prefect and start no Prefect API of their own.

With a Dask scheduler address (`--dask-address`, `BUDGET_DASK_ADDRESS`) the task runs go to that
cluster instead (prefect-dask's `DaskTaskRunner`), each parsing in a bounded child of its own.
Use it against a Prefect server; give the Dask workers one thread each (pdfminer is not
thread-safe).

Results stream: `Extractions.batches` gives what has finished — at most `size` at a time, at
least one — so one slow document never holds back the others. Loading stays in the flow's
process, one writer, in an order that keeps supersession right: a document waits only for
earlier documents that may be the same unit and year (a re-issue is loaded after the version it
corrects, as discovery ordered them).
"""

from __future__ import annotations

import queue
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from bounded.limits import TIMEOUT
from bounded.pool import Pool
from runtime.settings import ExtractSettings
from tasks.extract import Extraction, extract_document
from tasks.states import outcome_of
from warehouse.documents import Document


@contextmanager
def extraction_pool(settings: ExtractSettings) -> Iterator[Pool]:
    """The run's worker processes: those `budget ingest` started before importing the flow
    (`bounded.pool.start_early`), else started now, to import while the run discovers."""
    with Pool(settings.workers, settings.limits()) as pool:
        yield pool


# A key a document may be loaded under: (unit code, year); None when not known yet.
Key = tuple[str, int] | None
_NEVER = ("", 0)  # the key of a document that will not load: it supersedes nothing


def _peeked_key(document: Document) -> Key:
    code, _, year = (document.printed_as or "").rpartition("-")
    return (code, int(year)) if code and year.isdigit() else None


def _extracted_key(extraction: Extraction) -> Key:
    d = extraction.disclosure
    if d is None or not d.unit_code or d.year is None:
        return _NEVER
    return (d.unit_code, d.year)


def _may_share(a: Key, b: Key) -> bool:
    if a == _NEVER or b == _NEVER:
        return False
    return a is None or b is None or a == b


def releasable(waiting: Sequence[Document], done: Mapping[str, Extraction]) -> list[Extraction]:
    """Of the `waiting` documents (in discovery order), the extractions `done` (by sha256) that
    may load now: none waits for a later document, and none goes before an earlier one still
    out that may be the same unit and year (known from its cover peek; unknown: any)."""
    ready: list[Extraction] = []
    before: list[Key] = []
    for document in waiting:
        extraction = done.get(document.sha256)
        key = _extracted_key(extraction) if extraction else _peeked_key(document)
        if extraction is not None and not any(_may_share(k, key) for k in before):
            ready.append(extraction)
        else:
            before.append(key)
    return ready


class Extractions:
    """Each document's extraction, as the task runs finish (see the module docstring)."""

    def __init__(self, documents: Sequence[Document], workers: int) -> None:
        self._waiting = list(documents)  # not yet given out, in discovery order
        self._done: dict[str, Extraction] = {}
        self._finished: queue.Queue[tuple[Document, PrefectFuture[Extraction]]] = queue.Queue()
        self._workers = workers

    def follow(self, document: Document, future: PrefectFuture[Extraction]) -> None:
        future.add_done_callback(lambda f: self._finished.put((document, f)))

    def _take(self, block: bool) -> bool:
        try:
            document, future = self._finished.get(block=block)
        except queue.Empty:
            return False
        future.wait()  # done already: this keeps its final state (and result) in memory
        self._done[document.sha256] = outcome_of(future.state, lambda e: failed(document, e))
        return True

    def _ready(self) -> list[Extraction]:
        return releasable(self._waiting, self._done)

    def batches(self, size: int) -> Iterator[list[Extraction]]:
        """What has finished, in a safe load order, `size` at a time — or, once every document
        still out is being parsed (the last few), as soon as any is ready. Fewer, larger
        batches: a validation costs the same for one document as for eight."""
        while self._waiting:
            while self._take(block=False):
                pass
            ready = self._ready()
            unfinished = len(self._waiting) - len(self._done)
            if not ready or (len(ready) < size and unfinished > self._workers):
                self._take(block=True)
                continue
            batch = ready[:size]
            for extraction in batch:  # given out: not kept here (memory)
                del self._done[extraction.document.sha256]
            given = {e.document.sha256 for e in batch}
            self._waiting = [d for d in self._waiting if d.sha256 not in given]
            yield batch


def longest_first(documents: Sequence[Document]) -> list[Document]:
    """The order to parse in: most pages first (unknown counts last, then discovery order), so
    that the run does not end with one worker parsing a long document while the others idle."""
    return sorted(documents, key=lambda d: -(d.page_count or 0))


@contextmanager
def extractions(
    documents: Sequence[Document], pool: Pool, settings: ExtractSettings
) -> Iterator[Extractions]:
    """Submit every document's extraction at once, longest first; follow them as they finish
    (they load in discovery order where that matters: `releasable`)."""
    stream = Extractions(documents, pool.workers)
    runner: TaskRunner
    parameters: dict[str, object]
    if settings.dask_address is None:
        # Twice as many threads as worker processes: while one thread unpickles its result and
        # reports its task run, another has the next document waiting for the freed worker.
        runner = ThreadPoolTaskRunner(max_workers=2 * pool.workers)
        parameters = {"pool": pool, "parser": settings.parser}
    else:
        # prefect-dask is an optional dependency (extra `dask`): only this path imports it.
        from prefect_dask import DaskTaskRunner

        runner = DaskTaskRunner(address=settings.dask_address)
        parameters = {"pool": None, "limits": settings.limits(), "parser": settings.parser}
    with runner:
        for document in longest_first(documents):
            future = runner.submit(extract_document, {"document": document, **parameters})
            stream.follow(document, future)
        yield stream


def failed(document: Document, error: object) -> Extraction:
    """An extraction task run that failed (its worker lost, or the task itself) as a quarantine
    reason, so the document is recorded and the run goes on."""
    if isinstance(error, TimeoutError):
        return Extraction(document, reason=TIMEOUT, message=f"{document.path}: {error}")
    return Extraction(
        document,
        reason="extraction_failed",
        message=f"{document.path}: extraction failed: {error}",
    )
