"""docs/reconciliation.md shows real findings on the bundled samples: this test ingests samples/,
reconciles, re-runs every documented query with the duckdb CLI and compares the output.
`python -m tests.reconcile.test_docs --write` rewrites the outputs."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

from reconcile.catalog import FAMILIES, load_catalog
from reconcile.runs import reconcile_warehouse
from tests.doc_queries import doc_text, documented_queries, rewrite_outputs
from tests.warehouse.test_query_docs import build_warehouse, run_query
from warehouse.settings import WarehouseSettings

PAGE = "reconciliation"

pytestmark = pytest.mark.slow


def reconciled_warehouse(work: Path) -> Path:
    database = build_warehouse(work)
    reconcile_warehouse(WarehouseSettings(database.parent))
    return database


def test_every_documented_query_prints_what_the_doc_shows(tmp_path: Path) -> None:
    database = reconciled_warehouse(tmp_path)
    blocks = documented_queries(PAGE)
    assert len(blocks) == 5
    for block in blocks:
        assert run_query(database, block["sql"]) == block["output"], block["sql"]


def test_the_documented_rule_counts_are_the_catalogs() -> None:
    text = doc_text(PAGE)
    counts = ", ".join(
        f"{label} {len(load_catalog(name).rules)} rules" if i == 0 else
        f"{label} {len(load_catalog(name).rules)}"
        for i, (label, name) in enumerate(
            (("national", "national"), ("Hunan", "hunan"), ("Jiangsu", "jiangsu"),
             ("Shanghai", "shanghai"))
        )
    )  # fmt: skip
    assert f"every catalog holds all six families: {counts}." in " ".join(text.split())
    assert len(FAMILIES) == 6
    for family in FAMILIES:
        assert f"| `{family}` |" in text, family


def write() -> None:
    with tempfile.TemporaryDirectory() as work:
        database = reconciled_warehouse(Path(work))
        rewrite_outputs(PAGE, lambda sql: run_query(database, sql))


if __name__ == "__main__" and "--write" in sys.argv:
    write()
