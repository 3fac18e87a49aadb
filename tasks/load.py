"""Load: make an extracted disclosure current in the warehouse, or quarantine what failed.

A quarantined document is the run going as planned, not a failure, yet it must not look like a
load: its task run ends in a `Completed` state named `Quarantined` (grey-green in the Prefect UI,
with the reason as the state's message); the flow gets the outcome all the same.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import cast

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State
from prefect.runtime import flow_run
from prefect.states import Completed
from prefect.utilities.annotations import quote

from tasks.extract import Extraction
from tasks.limits import warehouse_writes
from tasks.progress import Progress, waiting_notice
from tasks.run_names import parameter
from warehouse import store
from warehouse.documents import Document, Outcome, Status
from warehouse.settings import WarehouseSettings


def _load_run_name() -> str:
    extraction: Extraction = parameter("extraction")
    found = extraction.disclosure
    if found is not None and found.unit_code and found.year:
        return f"load-{found.unit_code}-{found.year}"
    return f"quarantine-{extraction.document.stem}"


@task(name="load", task_run_name=_load_run_name, cache_policy=NO_CACHE)
def load_document(
    extraction: Extraction, settings: WarehouseSettings, progress: Progress | None = None
) -> Outcome | State[Outcome]:
    """Waits for the writer lock, saying so in the log and on the run's `progress` (advanced
    once loaded); see warehouse.store for the write order. Run through `load_all`, which holds
    the `warehouse-writes` slot. A quarantined document's run ends `Completed`, named
    `Quarantined`."""
    notify = waiting_notice(progress)
    if extraction.disclosure is None:
        outcome = store.quarantine_document(
            settings,
            extraction.document,
            extraction.reason or "extraction_failed",
            extraction.message or str(extraction.document.path),
            flow_run_id=flow_run.id,
            validation=extraction.validation,
            notify=notify,
        )
    else:
        outcome = store.load_disclosure(
            settings,
            extraction.document,
            extraction.disclosure,
            flow_run_id=flow_run.id,
            validation=extraction.validation,
            notify=notify,
        )
    if outcome.status is Status.LOADED and extraction.disclosure is not None:
        d = extraction.disclosure
        outcome = dataclasses.replace(outcome, tables=len(d.tables), cells=d.cell_count)
        if extraction.validation and extraction.validation.warnings:
            # Loaded, with the gate's warnings (all of them are in validation_results).
            reasons = sorted({c.reason for c in extraction.validation.warnings})
            outcome = dataclasses.replace(outcome, reason="warnings: " + ", ".join(reasons))
    get_run_logger().info(
        "%s: %s%s%s",
        extraction.document.file_name,
        outcome.status,
        f" ({outcome.reason})" if outcome.reason else "",
        f", superseding {outcome.superseded_file}" if outcome.superseded_file else "",
    )
    if progress is not None:
        progress.advance(extraction.document.file_name)
    if outcome.status is Status.QUARANTINED:
        return quarantined_state(outcome)
    return outcome


QUARANTINED = "Quarantined"


def quarantined_state(outcome: Outcome) -> State[Outcome]:
    """A `Completed` state named `Quarantined`, carrying the outcome as its result."""
    message = f"{outcome.file_name}: {outcome.reason}"
    return cast(State[Outcome], Completed(name=QUARANTINED, message=message, data=outcome))


def load_all(
    extractions: Sequence[Extraction],
    settings: WarehouseSettings,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Load (or quarantine) each extraction, one `load_document` task run each, holding one
    `warehouse-writes` slot for the whole batch.

    One slot per batch, not per document: on a Prefect server that keeps its state in SQLite
    (`prefect server start` as installed), taking the slot again right after releasing it met
    "database is locked" on the server and waited for the client's retry, about 2 s each time;
    24 documents loaded in 55 s more than with the temporary API. Each extraction is passed
    quoted: Prefect would otherwise walk every cell of a disclosure looking for futures.
    """
    if not extractions:
        return []
    with warehouse_writes():
        outcomes = [
            load_document(quote(extraction), settings, progress)  # type: ignore[call-overload]
            for extraction in extractions
        ]
    # A quarantined load returns its `Quarantined` state; a task given it (summarise) gets the
    # outcome it carries.
    return cast(list[Outcome], outcomes)


@task(name="record-duplicates", task_run_name="record-duplicates", cache_policy=NO_CACHE)
def record_duplicates(documents: Sequence[Document], settings: WarehouseSettings) -> list[Outcome]:
    with warehouse_writes():
        return store.record_duplicates(
            settings, documents, flow_run_id=flow_run.id, notify=waiting_notice()
        )
