"""docs/query-the-warehouse.md shows real queries with their real output: this test re-runs
every query with the duckdb CLI on a warehouse ingested from the documented samples, and
compares. `python -m tests.warehouse.test_query_docs --write` rewrites the outputs."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from samplegen.bad_inputs import html_saved_as_pdf
from samplegen.budget import ADMIN, INSTITUTION, Features, random_budget
from samplegen.departments import WATER_RESOURCES_SEED, agriculture_2024, water_resources_2024
from samplegen.hunan_xinfang_2024 import spec as xinfang_2024
from samplegen.random_disclosure import disclosure_from_budget
from samplegen.render import render_disclosure
from samplegen.spec import DisclosureSpec
from tests.conftest import REISSUE_2024, corrected
from tests.warehouse.test_catalog import duckdb_cli
from tests.warehouse.warehouse_state import REPO, driver

DOC = REPO / "docs" / "query-the-warehouse.md"
# A ```sql block, then the ```text block holding what the duckdb CLI printed for it.
QUERY = re.compile(r"```sql\n(?P<sql>.*?)```\n\n```text\n(?P<output>.*?)```", re.DOTALL)

pytestmark = pytest.mark.slow


def water_resources_2023() -> DisclosureSpec:
    """湖南省水利厅 a year earlier: the same department and entities, a budget of its own."""
    budget = random_budget(
        random.Random(WATER_RESOURCES_SEED - 1),
        year=2023,
        department="湖南省水利厅",
        entity_kinds=(ADMIN, INSTITUTION),
        features=Features(government_funds=True, transfers=True, carry_over=True, unit_income=True),
    )
    return disclosure_from_budget(budget, WATER_RESOURCES_SEED - 1)


def render_samples(inbox: Path) -> Path:
    """The documented samples, in the order an inbox receives them (oldest first)."""
    inbox.mkdir(parents=True, exist_ok=True)
    specs = [xinfang_2024(), agriculture_2024(), water_resources_2023(), water_resources_2024()]
    paths = []
    for spec in specs:
        render_disclosure(spec, inbox / spec.file_name)
        paths.append(inbox / spec.file_name)
    render_disclosure(corrected(xinfang_2024()), inbox / REISSUE_2024)
    paths.append(inbox / REISSUE_2024)
    paths.append(html_saved_as_pdf(inbox / "通知.pdf"))
    for minute, path in enumerate(paths, start=1):
        stamp = 1_704_067_200 + 60 * minute
        os.utime(path, (stamp, stamp))
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
    blocks = list(QUERY.finditer(DOC.read_text("utf-8")))
    assert len(blocks) >= 6
    for block in blocks:
        assert run_query(database, block["sql"]) == block["output"], block["sql"]


def write() -> None:
    text = DOC.read_text("utf-8")
    with tempfile.TemporaryDirectory() as work:
        database = build_warehouse(Path(work))
        text = QUERY.sub(
            lambda m: f"```sql\n{m['sql']}```\n\n```text\n{run_query(database, m['sql'])}```",
            text,
        )
    DOC.write_text(text, "utf-8")


if __name__ == "__main__" and "--write" in sys.argv:
    write()
