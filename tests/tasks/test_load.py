"""tasks.load: every document its own load task run, one `warehouse-writes` slot per batch."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from prefect import flow
from prefect.events.clients import AssertingEventsClient
from prefect.events.worker import EventsWorker
from prefect.states import State
from prefect.testing.fixtures import asserting_events_worker  # noqa: F401 (a fixture)

from tasks.extract import Extraction
from tasks.limits import WAREHOUSE_WRITES, ensure_limits
from tasks.load import load_all
from warehouse.documents import Document, Status
from warehouse.raw import keep_raw, sha256_of
from warehouse.settings import WarehouseSettings


def _not_pdfs(folder: Path, settings: WarehouseSettings, count: int) -> list[Extraction]:
    extractions = []
    for number in range(count):
        path = folder / f"page-{number}.pdf"
        path.write_bytes(f"<html>not found {number}</html>".encode())
        doc = Document(path, sha256_of(path), path.stat().st_size)
        doc = dataclasses.replace(doc, kept_at=keep_raw(doc.path, doc.sha256, settings))
        extractions.append(Extraction(doc, reason="not_a_pdf", message=f"{path}: not a PDF"))
    return extractions


@pytest.mark.usefixtures("prefect_harness")
def test_a_batch_takes_the_slot_once_and_each_document_gets_its_outcome(
    tmp_path: Path,
    asserting_events_worker: EventsWorker,  # noqa: F811 (the fixture)
) -> None:
    # Taking the slot again right after a release made a SQLite-backed server answer "database
    # is locked" and the client retry ~2 s later, for every document (docs/performance.md).
    ensure_limits()
    settings = WarehouseSettings(tmp_path / "data")
    extractions = _not_pdfs(tmp_path, settings, 3)

    @flow
    def load_three() -> list:
        return load_all(extractions, settings)

    # A quarantined load ends in a `Completed` state named `Quarantined` carrying its outcome;
    # a task given these states (summarise) receives the outcomes.
    outcomes = [o.result() if isinstance(o, State) else o for o in load_three()]

    assert [(o.file_name, o.status, o.reason) for o in outcomes] == [
        (f"page-{n}.pdf", Status.QUARANTINED, "not_a_pdf") for n in range(3)
    ]
    asserting_events_worker.drain()
    client = asserting_events_worker._client
    assert isinstance(client, AssertingEventsClient)
    taken = [
        e
        for e in client.events
        if e.event == "prefect.concurrency-limit.acquired"
        and e.resource.get("prefect.resource.name") == WAREHOUSE_WRITES
    ]
    assert len(taken) == 1
    ended = {
        e.resource.get("prefect.resource.name")
        for e in client.events
        if e.event == "prefect.task-run.Quarantined"  # each document its own task run
    }
    assert ended == {f"quarantine-page-{n}" for n in range(3)}
