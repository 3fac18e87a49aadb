"""Extract: one PDF into a `Disclosure`, or the reason it cannot be one.

In a run every extraction is bounded: it runs in a child process of a `bounded.Pool` worker,
with a memory limit and a wall-clock limit (`extract_document`). A child that reaches a limit
is an outcome like any bad file — `resource_limit` or `extraction_timeout`, with the figure it
reached — and the run goes on. `extract` parses in this process, unbounded: for tools and tests
on files of our own.
"""

from __future__ import annotations

from dataclasses import dataclass

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from bounded.limits import Bounded, Limits
from bounded.pool import Pool
from disclosure.errors import ExtractionError
from disclosure.model import Disclosure
from expectations.results import GateResult
from warehouse.documents import Document


@dataclass(frozen=True)
class Extraction:
    document: Document
    disclosure: Disclosure | None = None
    reason: str | None = None  # ExtractionError.reason, or the gate's, when it cannot load
    message: str | None = None
    validation: GateResult | None = None  # the gate's checks (tasks.validate), once validated
    peak_rss_mb: float | None = None  # of the child that parsed it (bounded runs only)

    @property
    def file_name(self) -> str:
        return self.document.file_name


def extract(document: Document, parser: str = "playa") -> Extraction:
    """Extract the kept raw copy in this process (its bytes are the doc_id); errors name the
    source file."""
    from disclosure.extract import extract_disclosure  # PDF libraries: not in a run's process

    try:
        return Extraction(
            document,
            extract_disclosure(document.readable_path, parser=parser, file_name=document.file_name),
        )
    except ExtractionError as error:
        return Extraction(document, reason=error.reason, message=f"{document.path}: {error.detail}")


def extraction_of(document: Document, done: Bounded) -> Extraction:
    """A bounded child's outcome as the flow's Extraction; a message names the source file."""
    if done.ok:
        return Extraction(document, done.value, peak_rss_mb=done.peak_rss_mb)
    return Extraction(
        document,
        reason=done.reason,
        message=f"{document.path}: {done.detail}",
        peak_rss_mb=done.peak_rss_mb,
    )


@task(name="extract", task_run_name="extract-{document.label}", cache_policy=NO_CACHE)
def extract_document(
    document: Document,
    pool: Pool | None = None,
    limits: Limits | None = None,
    parser: str = "playa",
) -> Extraction:
    """Parse the kept copy in a bounded child: one of `pool`'s workers, or — on a Dask worker,
    which has no pool of its own — a pool of one started for it, with `limits`. `parser` says
    what reads its pages (`disclosure.extract.read_pages`)."""
    if pool is not None:
        done = pool.run(
            "extract", document.readable_path, parser=parser, file_name=document.file_name
        )
    else:
        with Pool(1, limits or Limits()) as own:
            done = own.run(
                "extract", document.readable_path, parser=parser, file_name=document.file_name
            )
    extraction = extraction_of(document, done)
    logger = get_run_logger()
    if extraction.disclosure is None:
        logger.warning("cannot extract %s: [%s] %s", document.file_name, done.reason, done.detail)
    else:
        d = extraction.disclosure
        logger.info(
            "%s: %s %s %s, %d tables, %d cells (%d pages by %s in %.1f s, peak %.0f MB)",
            document.file_name,
            d.unit_code,
            d.unit_name,
            d.year,
            len(d.tables),
            d.cell_count,
            d.page_count,
            d.parser,
            done.seconds,
            done.peak_rss_mb,
        )
    return extraction
