"""Extract: one PDF into a `Disclosure`, or the reason it cannot be one."""

from __future__ import annotations

from dataclasses import dataclass

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from disclosure.errors import ExtractionError
from disclosure.extract import extract_disclosure
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


def extract(document: Document, workers: int = 1) -> Extraction:
    """Extract the kept raw copy (its bytes are the doc_id); errors name the source file."""
    try:
        return Extraction(document, extract_disclosure(document.readable_path, workers=workers))
    except ExtractionError as error:
        return Extraction(document, reason=error.reason, message=f"{document.path}: {error.detail}")


@task(name="extract", task_run_name="extract-{document.label}", cache_policy=NO_CACHE)
def extract_document(document: Document, workers: int = 1) -> Extraction:
    logger = get_run_logger()
    try:
        extraction = extract(document, workers)
    except Exception as error:
        # A file that crashes the extractor is a bad file too: quarantine it, go on with the rest.
        logger.exception("extraction crashed on %s", document.path)
        return Extraction(
            document,
            reason="extraction_crashed",
            message=f"{document.path}: {type(error).__name__}: {error}",
        )
    if extraction.disclosure is None:
        logger.warning("cannot extract %s: %s", document.file_name, extraction.message)
    else:
        d = extraction.disclosure
        logger.info(
            "%s: %s %s %s, %d tables, %d cells",
            document.file_name,
            d.unit_code,
            d.unit_name,
            d.year,
            len(d.tables),
            d.cell_count,
        )
    return extraction
