"""The `disclosures` ledger: which documents were seen, where, and what became of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from disclosure.regions import UNKNOWN, Region
from warehouse.documents import Document, SupersessionKey


@dataclass(frozen=True)
class Entry:
    """A document's first recorded row (its status is never `duplicate`)."""

    doc_id: str
    file_name: str
    status: str
    template: str | None
    year: int | None
    unit_code: str | None
    unit_name: str | None
    page_count: int | None
    scope: str | None = None
    kind: str | None = None  # 预算 | 决算
    region: Region = UNKNOWN


_ENTRY = """
    SELECT doc_id, file_name, status, template, year, unit_code, unit_name, page_count, scope,
        kind, province, city, county, region_code, level
    FROM disclosures
"""


def _entry(row: tuple | None) -> Entry | None:
    if row is None:
        return None
    doc_id, file_name, status, template, year, unit_code, unit_name, pages, scope, kind = row[:10]
    return Entry(
        doc_id,
        file_name,
        status,
        template,
        year,
        unit_code,
        unit_name,
        pages,
        scope,
        kind,
        region=Region(*row[10:]),
    )


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def sightings(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Every doc_id seen, with the source URIs it was seen at."""
    seen: dict[str, set[str]] = {}
    for doc_id, uri in con.execute("SELECT doc_id, source_uri FROM disclosures").fetchall():
        seen.setdefault(doc_id, set()).add(uri)
    return seen


def entry(con: duckdb.DuckDBPyConnection, doc_id: str) -> Entry | None:
    rows = con.execute(f"{_ENTRY} WHERE doc_id = ? AND status <> 'duplicate'", [doc_id]).fetchall()
    return _entry(rows[0] if rows else None)


def seen_at(con: duckdb.DuckDBPyConnection, document: Document) -> bool:
    row = con.execute(
        "SELECT 1 FROM disclosures WHERE doc_id = ? AND source_uri = ?",
        [document.doc_id, document.source_uri],
    ).fetchone()
    return row is not None


def quarantined(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str, int]]:
    """(doc_id, source_uri, file_name, byte_size) of every quarantined document, oldest first."""
    return con.execute(
        """
        SELECT doc_id, source_uri, file_name, byte_size FROM disclosures
        WHERE status = 'quarantined' ORDER BY ingested_at, doc_id
        """
    ).fetchall()


def loaded(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The doc_ids of every current (`loaded`) document: whose cell files are visible."""
    rows = con.execute("SELECT doc_id FROM disclosures WHERE status = 'loaded'").fetchall()
    return {doc_id for (doc_id,) in rows}


def release(con: duckdb.DuckDBPyConnection, doc_id: str) -> None:
    """Drop a document's quarantine record, in the transaction that records it again (a retry).

    Its earlier checks stay in `validation_results`; its raw file never left `raw/`.
    """
    con.execute("DELETE FROM disclosures WHERE doc_id = ? AND status = 'quarantined'", [doc_id])


def current(con: duckdb.DuckDBPyConnection, key: SupersessionKey) -> Entry | None:
    """The loaded document under `key` — the one a new document with that key supersedes: the
    same unit (code, and region where both are known: a printed code is only unique within its
    region), year, scope and kind. A department's 部门预算 and the same body's own 单位预算 are
    different documents, each current in its own right, and so are a year's budget (预算) and
    its final accounts (决算); a corrected 决算 supersedes the earlier 决算. Rows recorded before
    kind was read have none: they were budgets."""
    rows = con.execute(
        f"""
        {_ENTRY}
        WHERE year = ? AND unit_code = ? AND scope IS NOT DISTINCT FROM ?
            AND coalesce(kind, '预算') = ?
            AND (region_code IS NULL OR ?::VARCHAR IS NULL OR region_code = ?)
            AND status = 'loaded'
        """,
        [key.year, key.unit_code, key.scope, key.kind, key.region_code, key.region_code],
    ).fetchall()
    return _entry(rows[0] if rows else None)


def record(
    con: duckdb.DuckDBPyConnection,
    document: Document,
    status: str,
    *,
    reason: str | None = None,
    message: str | None = None,
    template: str | None = None,
    year: int | None = None,
    unit_code: str | None = None,
    unit_name: str | None = None,
    scope: str | None = None,
    kind: str | None = None,
    region: Region = UNKNOWN,
    page_count: int | None = None,
    table_count: int | None = None,
    cell_count: int | None = None,
    flow_run_id: str | None = None,
    parser: str | None = None,
) -> None:
    at = now()
    con.execute(
        """
        INSERT INTO disclosures (
            doc_id, source_uri, file_name, byte_size, raw_path, template, year, unit_code,
            unit_name, scope, kind, province, city, county, region_code, level, page_count,
            table_count, cell_count, status, reason, message, superseded_by, flow_run_id,
            ingested_at, status_changed_at, parser
        ) VALUES (
            ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?
        )
        """,
        [
            document.doc_id,
            document.source_uri,
            document.file_name,
            document.byte_size,
            f"raw/{document.doc_id}.pdf",
            template,
            year,
            unit_code,
            unit_name,
            scope,
            kind,
            region.province,
            region.city,
            region.county,
            region.region_code,
            region.level,
            page_count,
            table_count,
            cell_count,
            str(status),
            reason,
            message,
            flow_run_id,
            at,
            at,
            parser,
        ],
    )


SUPERSEDED_REASON = "later_version"  # a superseded document's reason; its message says which


def supersede(
    con: duckdb.DuckDBPyConnection, doc_id: str, by: Document, key: SupersessionKey
) -> None:
    con.execute(
        """
        UPDATE disclosures
        SET status = 'superseded', superseded_by = ?, reason = ?, message = ?,
            status_changed_at = ?
        WHERE doc_id = ? AND status = 'loaded'
        """,
        [
            by.doc_id,
            SUPERSEDED_REASON,
            f"superseded by {by.file_name} ({by.doc_id[:12]}), "
            f"a later version for unit {key.unit_code}, {key.year} {key.kind} "
            f"({key.scope})",
            now(),
            doc_id,
        ],
    )
