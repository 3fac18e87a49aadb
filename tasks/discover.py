"""Discover: the PDFs under a source folder, by sha256, sorted out against the ledger."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from tasks.progress import waiting_notice
from warehouse import store
from warehouse.documents import Document, Outcome, Status
from warehouse.raw import keep_raw, sha256_of
from warehouse.settings import WarehouseSettings


@dataclass(frozen=True)
class Batch:
    """A source's documents, in the order a run takes them."""

    new: list[Document]  # bytes never seen: extract and load (already kept in raw/)
    repeats: list[Document]  # bytes seen before, from another file: record as duplicates
    unchanged: list[Outcome]  # already recorded from this very file: nothing to do


def find_pdfs(source: Path) -> list[Path]:
    """PDFs under `source` (or `source` itself), oldest first, so a re-issue loads last.

    Hidden files and folders are skipped: they are what editors and copy tools leave behind.
    """
    if source.is_file():
        return [source.resolve()]
    found = [
        p.resolve()
        for p in source.rglob("*")
        if p.suffix.lower() == ".pdf"
        and p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(source).parts)
    ]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, str(p)))


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


@task(name="discover", task_run_name="discover-{source.name}", cache_policy=NO_CACHE)
def discover(
    source: Path, settings: WarehouseSettings, origins: Mapping[Path, str] | None = None
) -> Batch:
    """Hash every PDF under `source`, keep new bytes in raw/, and sort them out.

    `origins`: the URL of each file downloaded from a listing, recorded as its source_uri.
    """
    origins = origins or {}
    documents = [
        Document(p, sha256_of(p), p.stat().st_size, origin=origins.get(p.resolve()))
        for p in find_pdfs(source)
    ]
    batch = sort_out(documents, store.sightings(settings, waiting_notice()))
    # Kept before extraction starts: whatever happens next, the input is not lost.
    kept = [dataclasses.replace(d, kept_at=keep_raw(d.path, d.sha256, settings)) for d in batch.new]
    return dataclasses.replace(batch, new=kept)
