"""Loading documents into the warehouse, one writer at a time, so that a crash loses nothing.

Every function here takes the writer lock, re-reads the ledger (another run may have recorded the
same bytes meanwhile) and then writes in an order that a kill at any point leaves repairable:

1. the document's cells are written to their own file in the (year, unit) partition, beside the
   file of the version they may supersede (`partitions.write_cells`: fsynced aside, one rename),
   and so are its performance forms' rows (`partitions.write_document_rows`);
2. one DuckDB transaction records the document as `loaded`, marks the previous version of the
   same unit and year `superseded`, replaces its `budget_tables` rows and re-registers the views;
3. after the commit, the superseded version's file is removed (`partitions.sweep_cells`).

The ledger commit is the point of no return, and the switch of visibility: the `budget_cells`
view shows only cells of `loaded` documents, so before it readers see the old version whole and
after it the new one. A run killed before it left the document unrecorded, so the next run
extracts and loads it again, writing the same bytes; files a kill left behind (an uncommitted new
file, an old file not yet removed) are swept by the next run (`sightings`, under the lock).
A quarantine writes `quarantine/<doc_id>.json` first and commits its ledger row second, likewise.

Who waits for the warehouse (the writer lock, an analyst's open connection) says so through
`notify` (a run's logger; see `warehouse.lock.wait_for`), and gives up with `WarehouseBusy`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import duckdb
import pyarrow as pa

from disclosure.model import Disclosure
from expectations.results import GateResult
from warehouse import ledger
from warehouse.catalog import (
    open_reader,
    open_writer,
    refresh_views,
    register_views,
    views_current,
)
from warehouse.documents import Document, Outcome, Status, SupersessionKey
from warehouse.lock import Notify, writer_lock
from warehouse.partitions import (
    BadPartitionKey,
    partition_dir,
    sweep_cells,
    write_cells,
    write_document_rows,
)
from warehouse.rows import disclosure_to_cells, disclosure_to_forms, disclosure_to_tables
from warehouse.settings import WarehouseSettings
from warehouse.staging import sweep_staging, write_text_atomically
from warehouse.validation_results import insert_results, result_to_rows

DUPLICATE_REASON = "same_bytes"  # a duplicate's reason: its message names the first file


@contextmanager
def _writing(
    settings: WarehouseSettings, sweep: bool = True, notify: Notify | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The one writer: hold the lock, clear what dead writers staged, open the catalog."""
    with writer_lock(settings, notify):
        if sweep:
            sweep_staging(settings.staging_dir)
        con = open_writer(settings, notify)
        try:
            yield con
        finally:
            con.close()


def sightings(settings: WarehouseSettings, notify: Notify | None = None) -> dict[str, set[str]]:
    """Every doc_id the ledger has seen, with where; empty before the first load.

    Also sweeps what killed writers left (staged files, cell files of documents that are not
    `loaded`), and re-points the views when the data directory was moved since they were
    registered.
    """
    with writer_lock(settings, notify):
        sweep_staging(settings.staging_dir)
        con = open_reader(settings, notify)
        if con is None:
            return {}
        try:
            seen = ledger.sightings(con)
            sweep_cells(settings, ledger.loaded(con))
            stale = not views_current(con, settings)
        finally:
            con.close()
        if stale:
            con = open_writer(settings, notify)
            try:
                register_views(con, settings)
            finally:
                con.close()
        return seen


def load_disclosure(
    settings: WarehouseSettings,
    document: Document,
    disclosure: Disclosure,
    *,
    flow_run_id: str | None = None,
    validation: GateResult | None = None,
    notify: Notify | None = None,
) -> Outcome:
    """Make `disclosure` the current version of its unit and year (recording its checks)."""
    with _writing(settings, notify=notify) as con:
        seen = _already_seen(con, document, flow_run_id)
        if seen is not None:
            return seen
        if disclosure.year is None or not disclosure.unit_code:
            return _quarantine(
                con,
                settings,
                document,
                "no_unit_or_year",
                f"{document.path}: no unit code or budget year was found on the cover",
                flow_run_id=flow_run_id,
                validation=validation,
            )
        try:
            cells = disclosure_to_cells(disclosure, document.doc_id)
            write_cells(settings, disclosure.year, disclosure.unit_code, document.doc_id, cells)
            _write_forms(settings, disclosure, document.doc_id)
        except (pa.ArrowInvalid, BadPartitionKey) as error:
            return _quarantine(
                con,
                settings,
                document,
                "unloadable",
                f"{document.path}: {error}",
                flow_run_id=flow_run_id,
                validation=validation,
            )
        outcome = _commit_load(con, settings, document, disclosure, cells, flow_run_id, validation)
        # Committed: the superseded version's file is no longer visible anywhere; remove it.
        folder = partition_dir(settings, disclosure.year, disclosure.unit_code)
        sweep_cells(settings, ledger.loaded(con), [folder])
        if document.retrying:
            # Loaded at last: its quarantine report no longer describes it.
            settings.quarantine_path(document.doc_id).unlink(missing_ok=True)
        return outcome


def quarantine_document(
    settings: WarehouseSettings,
    document: Document,
    reason: str,
    message: str,
    *,
    flow_run_id: str | None = None,
    validation: GateResult | None = None,
    notify: Notify | None = None,
) -> Outcome:
    """Record a document that could not be extracted, or failed a critical check (then
    `validation` holds the checks); its raw file stays in `raw/`."""
    with _writing(settings, notify=notify) as con:
        seen = _already_seen(con, document, flow_run_id)
        if seen is not None:
            return seen
        return _quarantine(
            con, settings, document, reason, message, flow_run_id=flow_run_id, validation=validation
        )


def quarantined(settings: WarehouseSettings, notify: Notify | None = None) -> list[Document]:
    """Every quarantined document, to re-process from its raw copy (`--retry-quarantined`)."""
    con = open_reader(settings, notify)
    if con is None:
        return []
    try:
        rows = ledger.quarantined(con)
    finally:
        con.close()
    return [
        Document(
            Path(url2pathname(urlparse(uri).path)),
            doc_id,
            byte_size,
            kept_at=settings.raw_path(doc_id),
            retrying=True,
        )
        for doc_id, uri, _, byte_size in rows
        if settings.raw_path(doc_id).is_file()
    ]


def record_duplicates(
    settings: WarehouseSettings,
    documents: Sequence[Document],
    *,
    flow_run_id: str | None = None,
    notify: Notify | None = None,
) -> list[Outcome]:
    """Record copies of documents already seen elsewhere; nothing else is written."""
    if not documents:
        return []
    with _writing(settings, sweep=False, notify=notify) as con:
        con.begin()
        outcomes = []
        for document in documents:
            seen = _already_seen(con, document, flow_run_id)
            outcomes.append(
                seen
                or Outcome(
                    document,
                    Status.FAILED,
                    reason="original_not_recorded",
                    message=f"{document.path}: a copy of a file this run failed to record",
                )
            )
        con.commit()
        return outcomes


def _already_seen(
    con: duckdb.DuckDBPyConnection, document: Document, flow_run_id: str | None
) -> Outcome | None:
    if document.retrying:
        first = ledger.entry(con, document.doc_id)
        if first is None or first.status == Status.QUARANTINED:
            return None  # re-process it: its new record replaces the quarantine
        return Outcome(
            document, Status.UNCHANGED, message=f"no longer quarantined ({first.status})"
        )
    if ledger.seen_at(con, document):
        return Outcome(document, Status.UNCHANGED, message="already ingested from this file")
    first = ledger.entry(con, document.doc_id)
    if first is None:
        return None
    message = f"{document.path}: same bytes as {first.file_name} ({first.status})"
    ledger.record(
        con,
        document,
        Status.DUPLICATE,
        reason=DUPLICATE_REASON,
        message=message,
        template=first.template,
        year=first.year,
        unit_code=first.unit_code,
        unit_name=first.unit_name,
        scope=first.scope,
        kind=first.kind,
        region=first.region,
        page_count=first.page_count,
        flow_run_id=flow_run_id,
    )
    return Outcome(
        document,
        Status.DUPLICATE,
        reason=DUPLICATE_REASON,
        message=message,
        year=first.year,
        unit_code=first.unit_code,
        unit_name=first.unit_name,
    )


def _write_forms(settings: WarehouseSettings, disclosure: Disclosure, doc_id: str) -> None:
    """Its performance forms' rows, one file per relation beside its cells: visible with them
    at the ledger commit, swept with them when superseded."""
    year, unit_code = disclosure.year, disclosure.unit_code
    assert year is not None and unit_code is not None
    for relation, rows in disclosure_to_forms(disclosure, doc_id).items():
        if rows.num_rows:
            write_document_rows(settings, relation, year, unit_code, doc_id, rows)


def _commit_load(
    con: duckdb.DuckDBPyConnection,
    settings: WarehouseSettings,
    document: Document,
    disclosure: Disclosure,
    cells: pa.Table,
    flow_run_id: str | None,
    validation: GateResult | None = None,
) -> Outcome:
    year, unit_code = disclosure.year, disclosure.unit_code
    assert year is not None and unit_code is not None
    tables = disclosure_to_tables(disclosure, document.doc_id)
    con.begin()
    key = SupersessionKey.of(disclosure)
    previous = ledger.current(con, key)
    if previous is not None:
        ledger.supersede(con, previous.doc_id, document, key)
    if document.retrying:
        ledger.release(con, document.doc_id)
    if validation is not None:
        insert_results(con, result_to_rows(document, validation, flow_run_id=flow_run_id))
    ledger.record(
        con,
        document,
        Status.LOADED,
        template=disclosure.template,
        year=year,
        unit_code=unit_code,
        unit_name=disclosure.unit_name,
        scope=disclosure.scope,
        kind=disclosure.kind,
        region=disclosure.region,
        page_count=disclosure.page_count,
        table_count=len(disclosure.tables),
        cell_count=cells.num_rows,
        flow_run_id=flow_run_id,
        parser=disclosure.parser,
    )
    replaced = [document.doc_id, *([previous.doc_id] if previous else [])]
    con.execute("DELETE FROM budget_tables WHERE list_contains(?, doc_id)", [replaced])
    con.register("incoming_tables", tables)
    con.execute("INSERT INTO budget_tables BY NAME SELECT * FROM incoming_tables")
    con.unregister("incoming_tables")
    # The first cells file turns budget_cells from an empty placeholder into a Parquet view.
    refresh_views(con, settings)
    con.commit()
    return Outcome(
        document,
        Status.LOADED,
        year=year,
        unit_code=unit_code,
        unit_name=disclosure.unit_name,
        superseded=previous.doc_id if previous else None,
        superseded_file=previous.file_name if previous else None,
    )


def _quarantine(
    con: duckdb.DuckDBPyConnection,
    settings: WarehouseSettings,
    document: Document,
    reason: str,
    message: str,
    *,
    flow_run_id: str | None,
    validation: GateResult | None = None,
) -> Outcome:
    report: dict[str, object] = {
        "doc_id": document.doc_id,
        "file_name": document.file_name,
        "source_uri": document.source_uri,
        "raw_path": f"raw/{document.doc_id}.pdf",
        "reason": reason,
        "message": message,
    }
    if validation is not None:
        report["validation"] = validation.to_json()  # the failing expectations
    text = json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_text_atomically(
        settings.quarantine_path(document.doc_id), text, staging_dir=settings.staging_dir
    )
    con.begin()
    if document.retrying:
        ledger.release(con, document.doc_id)
    if validation is not None:
        insert_results(con, result_to_rows(document, validation, flow_run_id=flow_run_id))
    ledger.record(
        con, document, Status.QUARANTINED, reason=reason, message=message, flow_run_id=flow_run_id
    )
    con.commit()
    return Outcome(document, Status.QUARANTINED, reason=reason, message=message)
