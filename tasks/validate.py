"""Validate: the Great Expectations gate between extraction and loading (expectations.gate).

- `screen_documents`: before any extraction, refuse the files whose page count is absurd;
- `validate_documents`: run the suites on a batch of extractions; a critical failure turns one
  into a quarantine (with the failing expectations), warnings ride along to be recorded with the
  load;
- `publish_data_docs`: build the run's Data Docs under `<data-dir>/docs/`;
- `quarantined_documents`: the documents quarantined earlier, to re-process (`--retry-quarantined`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from expectations.gate import Gate
from expectations.results import GateResult
from tasks.extract import Extraction
from tasks.progress import waiting_notice
from tasks.run_names import parameter
from warehouse import store
from warehouse.documents import Document
from warehouse.settings import WarehouseSettings


@dataclass(frozen=True)
class Screening:
    passed: list[Document]  # to extract
    refused: list[Extraction]  # to quarantine, unextracted, with the failed checks


@task(name="screen", task_run_name="screen", cache_policy=NO_CACHE)
def screen_documents(documents: Sequence[Document], gate: Gate) -> Screening:
    """Refuse, before the expensive extraction, files with an absurd page count (none, or
    more than the maximum) and files whose peek reached a parsing limit; note the active
    content a file declares (a warning). From what each document's peek told (tasks.peek)."""
    screening = Screening(passed=[], refused=[])
    for document in documents:
        if document.refused:  # its peek reached a parsing limit: no extraction either
            reason, words = document.refused
            screening.refused.append(
                Extraction(document, reason=reason, message=f"{document.path}: {words}")
            )
    peeked = [d for d in documents if not d.refused]
    screened = gate.screen(
        {d.docs_label: d.page_count for d in peeked},
        {d.docs_label: d.active_content for d in peeked},
    )
    for document in peeked:
        result = screened.get(document.docs_label)
        if result is None or result.passed:
            screening.passed.append(document)
            continue
        get_run_logger().warning("refused %s: %s", document.file_name, result.message)
        screening.refused.append(
            Extraction(
                document,
                reason=result.reason,
                message=f"{document.path}: {result.message}",
                validation=result,
            )
        )
    return screening


def _judged(extraction: Extraction, result: GateResult) -> Extraction:
    """The extraction with its checks: unchanged when it passes; without its disclosure, and
    with the reason, when a critical expectation fails (so it is quarantined)."""
    logger = get_run_logger()
    for check in result.warnings:
        logger.warning("%s: [%s] %s", extraction.document.file_name, check.reason, check.describe())
    if result.passed:
        logger.info(
            "%s: %d checks passed%s (%.0f ms)",
            extraction.document.file_name,
            len(result.checks) - len(result.warnings),
            f", {len(result.warnings)} warnings" if result.warnings else "",
            result.seconds * 1000,
        )
        return dataclasses.replace(extraction, validation=result)
    logger.warning("%s: [%s] %s", extraction.document.file_name, result.reason, result.message)
    return dataclasses.replace(
        extraction,
        disclosure=None,
        reason=result.reason,
        message=f"{extraction.document.path}: {result.message}",
        validation=result,
    )


def _batch_run_name() -> str:
    return f"validate-{len(parameter('extractions'))}-documents"


@task(name="validate-batch", task_run_name=_batch_run_name, cache_policy=NO_CACHE)
def validate_documents(extractions: Sequence[Extraction], gate: Gate) -> list[Extraction]:
    """A batch of extractions through the gate in one GX validation per suite: the same
    outcome as validating each alone (`Gate.validate`), at about the cost of one. An extraction
    that already failed passes through: it is quarantined for its own reason."""
    extracted = [(e, e.disclosure) for e in extractions if e.disclosure is not None]
    results = gate.validate_many([(d, e.document.docs_label) for e, d in extracted])
    judged = {id(e): _judged(e, r) for (e, _), r in zip(extracted, results, strict=True)}
    return [judged.get(id(e), e) for e in extractions]


def validate(extractions: Sequence[Extraction], gate: Gate) -> list[Extraction]:
    """`validate_documents`, its extractions passed quoted: Prefect would otherwise walk every
    cell of every disclosure looking for futures."""
    return validate_documents(quote(list(extractions)), gate)


@task(name="publish-data-docs", task_run_name="publish-data-docs", cache_policy=NO_CACHE)
def publish_data_docs(gate: Gate) -> Path | None:
    """Build Data Docs for this run's validations; the index.html, or None without any."""
    index = gate.build_docs()
    if index is not None:
        get_run_logger().info("Data Docs: %s", index.as_uri())
    return index


@task(name="find-quarantined", task_run_name="find-quarantined", cache_policy=NO_CACHE)
def quarantined_documents(settings: WarehouseSettings) -> list[Document]:
    """Every quarantined document, read again from its raw copy, marked for re-processing."""
    documents = store.quarantined(settings, waiting_notice())
    get_run_logger().info("%d quarantined documents to re-process", len(documents))
    return documents
