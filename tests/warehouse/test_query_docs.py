"""docs/querying.md and the README show real queries with their real output: this test re-runs
every query with the duckdb CLI on a warehouse ingested from the documented samples, and compares.
`python -m tests.warehouse.test_query_docs --write` rewrites the outputs. The warehouse is
ingested from the bundled samples/, as `scripts/demo` does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.doc_queries import documented_queries, rewrite_outputs
from tests.warehouse.test_catalog import duckdb_cli
from tests.warehouse.warehouse_state import REPO, driver

SAMPLES = REPO / "samples"
PAGES = ("querying", "README")

pytestmark = pytest.mark.slow


def render_samples(inbox: Path) -> Path:
    """The bundled samples/, exactly as `scripts/demo` ingests them."""
    inbox.mkdir(parents=True, exist_ok=True)
    for path in sorted(SAMPLES.glob("*.pdf")):
        shutil.copy2(path, inbox / path.name)
    return inbox


def run_query(database: Path, sql: str) -> str:
    result = subprocess.run(
        [duckdb_cli(), "-readonly", str(database)],
        input=sql,
        capture_output=True,
        text=True,
        cwd="/",
        env=os.environ | {"COLUMNS": "200"},
    )
    assert result.returncode == 0, f"{sql}\n{result.stderr}"
    return result.stdout


def build_warehouse(work: Path) -> Path:
    inbox = render_samples(work / "samples")
    result = driver(inbox, work / "data")
    assert result.returncode == 0, result.stderr
    return work / "data" / "warehouse.duckdb"


def test_every_documented_query_prints_what_the_doc_shows(tmp_path: Path) -> None:
    database = build_warehouse(tmp_path)
    assert len(documented_queries("querying")) >= 6
    assert len(documented_queries("README")) >= 2  # spending by department; year over year
    for page in PAGES:
        for block in documented_queries(page):
            assert run_query(database, block["sql"]) == block["output"], (page, block["sql"])


def write() -> None:
    with tempfile.TemporaryDirectory() as work:
        database = build_warehouse(Path(work))
        for page in PAGES:
            rewrite_outputs(page, lambda sql: run_query(database, sql))


if __name__ == "__main__" and "--write" in sys.argv:
    write()
