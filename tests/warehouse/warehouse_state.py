"""What a warehouse holds, in a form two warehouses can be compared by (for crash tests)."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[2]

# Columns that say when, not what: they differ between any two runs.
LEDGER_COLUMNS = (
    "doc_id, source_uri, file_name, byte_size, raw_path, template, year, unit_code, unit_name, "
    "page_count, table_count, cell_count, status, reason, superseded_by"
)


def file_checksums(data_dir: Path) -> dict[str, str]:
    """sha256 of every file under raw/, parquet/ and quarantine/, by relative path."""
    return {
        str(path.relative_to(data_dir)): hashlib.sha256(path.read_bytes()).hexdigest()
        for area in ("raw", "parquet", "quarantine")
        for path in sorted((data_dir / area).rglob("*"))
        if path.is_file()
    }


def catalog_content(data_dir: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return {
            "disclosures": con.sql(
                f"SELECT {LEDGER_COLUMNS} FROM disclosures ORDER BY ALL"
            ).fetchall(),
            "budget_tables": con.sql("SELECT * FROM budget_tables ORDER BY ALL").fetchall(),
            "budget_cells": con.sql(
                "SELECT doc_id, year, unit_code, count(*), sum(amount) FROM budget_cells "
                "GROUP BY ALL ORDER BY ALL"
            ).fetchall(),
        }
    finally:
        con.close()


def fingerprint(data_dir: Path) -> tuple[dict[str, str], dict[str, list[tuple]]]:
    return file_checksums(data_dir), catalog_content(data_dir)


DOC_FILE = re.compile(r"^[0-9a-f]{64}\.parquet$")


def assert_readable(data_dir: Path) -> None:
    """What a reader may see at any moment: whole files, a catalog that opens and agrees, and
    for every unit and year ever loaded one current version with all its cells (the old one or
    the new one, never neither)."""
    for path in (data_dir / "parquet").rglob("*"):
        if path.is_file():
            assert DOC_FILE.match(path.name), f"stray file in parquet/: {path}"
            assert path.parent.name.startswith("unit_code="), path
            assert path.parent.parent.name.startswith("year="), path
            pq.read_table(path)  # a half-written file would fail here
    database = data_dir / "warehouse.duckdb"
    if database.exists():
        con = duckdb.connect(str(database), read_only=True)
        try:
            shown = con.sql("SELECT DISTINCT doc_id FROM budget_cells").fetchall()
            loaded = con.sql("SELECT doc_id FROM disclosures WHERE status = 'loaded'").fetchall()
            assert set(shown) <= set(loaded)
            # Every document the ledger calls loaded has all its cells and tables visible.
            missing = con.sql(
                """
                SELECT d.file_name, d.cell_count, d.table_count,
                       (SELECT count(*) FROM budget_cells c WHERE c.doc_id = d.doc_id),
                       (SELECT count(*) FROM budget_tables t WHERE t.doc_id = d.doc_id)
                FROM disclosures d
                WHERE d.status = 'loaded'
                """
            ).fetchall()
            for name, cells, tables, shown_cells, shown_tables in missing:
                assert (cells, tables) == (shown_cells, shown_tables), name
            orphaned = con.sql(
                """
                SELECT DISTINCT year, unit_code FROM disclosures WHERE status = 'superseded'
                EXCEPT SELECT year, unit_code FROM disclosures WHERE status = 'loaded'
                """
            ).fetchall()
            assert not orphaned, f"superseded with no current version: {orphaned}"
        finally:
            con.close()


def driver(
    source: Path, data_dir: Path, *extra: str, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """Run tests.warehouse.ingest_driver to completion (or its self-inflicted kill)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.warehouse.ingest_driver",
            "--source",
            str(source),
            "--data-dir",
            str(data_dir),
            *extra,
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_driver(source: Path, data_dir: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.warehouse.ingest_driver",
            "--source",
            str(source),
            "--data-dir",
            str(data_dir),
            *extra,
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
