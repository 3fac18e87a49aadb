"""Discover: the PDFs under a source folder, by sha256, sorted out against the ledger — and every
input that could not be read, with its reason (sources.folder), so that no input goes untold
and one unreadable file never stops the run."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError

from sources.folder import NOT_A_FILE, UNREADABLE_FILE, Unreadable, read_folder
from sources.names import printable
from tasks.progress import waiting_notice
from warehouse import store
from warehouse.documents import Document, Outcome, Status
from warehouse.raw import RawFileChanged, keep_raw, sha256_of
from warehouse.settings import WarehouseSettings


@dataclass(frozen=True)
class Batch:
    """A source's documents, in the order a run takes them."""

    new: list[Document]  # bytes never seen: extract and load (already kept in raw/)
    repeats: list[Document]  # bytes seen before, from another file: record as duplicates
    unchanged: list[Outcome]  # already recorded from this very file: nothing to do
    # Inputs that could not be read (a folder or file it may not read, a folder named .pdf):
    # nothing is written; the next run tries again.
    unreadable: list[Outcome] = field(default_factory=list)


def find_pdfs(source: Path) -> list[Path]:
    """PDFs under `source` (or `source` itself), oldest first, so a re-issue loads last.

    Hidden files and folders are skipped: they are what editors and copy tools leave behind.
    """
    return read_folder(source).pdfs


def sort_out(documents: Iterable[Document], seen: Mapping[str, set[str]]) -> Batch:
    """Split documents into new, repeated and unchanged, against what the ledger has `seen`."""
    batch = Batch(new=[], repeats=[], unchanged=[])
    first_in_batch: set[str] = set()
    for document in documents:
        if document.source_uri in seen.get(document.sha256, ()):
            batch.unchanged.append(
                Outcome(document, Status.UNCHANGED, message="already ingested from this file")
            )
        elif document.sha256 in seen or document.sha256 in first_in_batch:
            batch.repeats.append(document)
        else:
            first_in_batch.add(document.sha256)
            batch.new.append(document)
    return batch


def unreadable_outcome(problem: Unreadable) -> Outcome:
    """What a run tells of an input it could not read: `rejected` when it is no file (it never
    will be read as one), else `unavailable` (the next run tries again)."""
    status = Status.REJECTED if problem.reason == NOT_A_FILE else Status.UNAVAILABLE
    return Outcome(
        None,
        status,
        reason=problem.reason,
        message=problem.message,
        name=problem.path.name,
        url=problem.path.as_uri(),
    )


@task(name="discover", task_run_name="discover-{source.name}", cache_policy=NO_CACHE)
def discover(
    source: Path, settings: WarehouseSettings, origins: Mapping[Path, str] | None = None
) -> Batch:
    """Hash every PDF under `source`, keep new bytes in raw/, and sort them out; tell each input
    that could not be read.

    `origins`: the URL of each file downloaded from a listing, recorded as its source_uri.
    """
    origins = origins or {}
    found = read_folder(source)
    problems = list(found.unreadable)
    documents = []
    for path in found.pdfs:
        try:
            documents.append(
                Document(path, sha256_of(path), path.stat().st_size, origin=origins.get(path))
            )
        except OSError as error:  # unreadable since it was listed: permissions, or gone
            problems.append(Unreadable(path, UNREADABLE_FILE, _cannot_read(error)))
    batch = sort_out(documents, store.sightings(settings, waiting_notice()))
    # Kept before extraction starts: whatever happens next, the input is not lost.
    kept = []
    for document in batch.new:
        try:
            kept.append(
                dataclasses.replace(
                    document, kept_at=keep_raw(document.path, document.sha256, settings)
                )
            )
        except OSError as error:  # changed or gone while it was copied: the next run
            problems.append(Unreadable(document.path, UNREADABLE_FILE, _cannot_read(error)))
    unreadable = [unreadable_outcome(p) for p in problems]
    for outcome in unreadable:
        _logger().warning(
            printable(f"{outcome.status} {outcome.file_name}: [{outcome.reason}] {outcome.message}")
        )
    return dataclasses.replace(batch, new=kept, unreadable=unreadable)


def _logger() -> logging.Logger | logging.LoggerAdapter:
    try:
        return get_run_logger()
    except MissingContextError:  # called outside a run (`discover.fn`)
        return logging.getLogger(__name__)


def _cannot_read(error: OSError) -> str:
    if isinstance(error, RawFileChanged):
        return "its content changed while it was read (still being written?): the next run reads it"
    if isinstance(error, FileNotFoundError):
        return "it disappeared while being read"
    return f"it cannot be read ({error.strerror or error})"
