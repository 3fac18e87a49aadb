"""Upgrading a warehouse that the code of 2026-11-26 wrote: afterwards every relation holds what a
fresh build of the same inputs holds, whether `budget upgrade` did it or the next ingest.

The old warehouse is built by that code itself — the commit, unpacked from this repository's
history, run with this environment — on real files: the rendered seed disclosure, its 2023
version, a copy, a file that is no PDF, a real Shanghai disclosure (which that code could not
read), and in a second run the seed's re-issue.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from prefect.settings import PREFECT_API_URL
from typer.testing import CliRunner

from budget.cli import app
from flows.ingest import ingest
from flows.reconcile import reconcile
from runtime.settings import Settings
from tests.conftest import HUNAN_2023, HUNAN_2024, REISSUE_2024
from tests.real_files import BUNDLED
from tests.warehouse.warehouse_state import REPO
from warehouse.version import SCHEMA_VERSION

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]

# The last commit of 2026-11-26 (`git log --before=2026-11-27 -1`): its warehouses record no
# schema version, and their Parquet lacks amount_yuan and template_path.
OLD_CODE = "dc7df29b65385b70c722a86c042cb182c5383afe"
SHANGHAI = BUNDLED / "shanghai" / "上海市财政局__2025年单位预算.pdf"

# Columns that say when or by which run, not what: they differ between any two builds.
VOLATILE = {
    "ingested_at",
    "status_changed_at",
    "flow_run_id",
    "validated_at",
    "checked_at",
    "run_id",
    "recorded_at",
}
# Not derived from the inputs: the schema's own history, and the reconciliation runs (history,
# compared by their latest run once both warehouses are reconciled).
NOT_DERIVED = {
    "schema_version",
    "reconciliation_runs",
    "reconciliation_findings",
    "reconciliation_documents",
    "reconciliation_findings_latest",
    "reconciliation_status",
}


@pytest.fixture(scope="module")
def old_code(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The code of 2026-11-26, unpacked from this repository's history."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the code of 2026-11-26 comes from the history")
    known = subprocess.run(
        ["git", "-C", str(REPO), "cat-file", "-e", f"{OLD_CODE}^{{commit}}"],
        capture_output=True,
    )
    if known.returncode != 0:
        pytest.skip(f"commit {OLD_CODE[:10]} (2026-11-26) is not in this clone (shallow?)")
    folder = tmp_path_factory.mktemp("code-2026-11-26")
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", OLD_CODE], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


@pytest.fixture(scope="module")
def inboxes(
    tmp_path_factory: pytest.TempPathFactory, sample_pdfs: dict[str, Path]
) -> tuple[Path, Path]:
    """The first run's inbox, and the second's (the re-issue), files oldest first."""
    root = tmp_path_factory.mktemp("inboxes")
    first, second = root / "first", root / "second"
    files = [
        (first / HUNAN_2024, sample_pdfs[HUNAN_2024].read_bytes()),
        (first / HUNAN_2023, sample_pdfs[HUNAN_2023].read_bytes()),
        (first / "copy.pdf", sample_pdfs[HUNAN_2024].read_bytes()),
        (first / "bad.pdf", b"this is not a PDF\n"),
        (first / SHANGHAI.name, SHANGHAI.read_bytes()),
        (second / REISSUE_2024, sample_pdfs[REISSUE_2024].read_bytes()),
    ]
    for stamp, (path, data) in enumerate(files, start=1):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        os.utime(path, (1_700_000_000 + 60 * stamp,) * 2)
    return first, second


def _old(code: Path, module: str, *arguments: str) -> None:
    """A command of the old code, against this session's Prefect API."""
    done = subprocess.run(
        [sys.executable, "-m", module, *arguments],
        cwd=code,
        env={**os.environ, "PYTHONPATH": str(code), "PREFECT_API_URL": PREFECT_API_URL.value()},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture(scope="module")
def old_warehouse(
    old_code: Path, inboxes: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """What the code of 2026-11-26 built: two ingests, a reconciliation between them."""
    data = tmp_path_factory.mktemp("old") / "data"
    first, second = inboxes
    _old(old_code, "flows.ingest", "--source", str(first), "--data-dir", str(data))
    _old(old_code, "flows.reconcile", "--data-dir", str(data))
    _old(old_code, "flows.ingest", "--source", str(second), "--data-dir", str(data))
    return data


@pytest.fixture(scope="module")
def fresh(inboxes: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Today's code on the same inputs, in the same runs."""
    data = tmp_path_factory.mktemp("fresh") / "data"
    for inbox in inboxes:
        ingest(source=inbox, data_dir=data)
    return data


def _copy(old: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(old, target)
    return target


def _relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.sql(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()
    return sorted(name for (name,) in rows)


def _content(con: duckdb.DuckDBPyConnection, relation: str) -> list[tuple]:
    columns = [c for (c, *_) in con.sql(f"DESCRIBE {relation}").fetchall() if c not in VOLATILE]
    return con.sql(f"SELECT {', '.join(columns)} FROM {relation} ORDER BY ALL").fetchall()


def assert_same_as_fresh(upgraded: Path, fresh: Path) -> None:
    """Every relation derived from the inputs holds the same rows; the quarantine reports and
    Data Docs are there too."""
    a = duckdb.connect(str(upgraded / "warehouse.duckdb"), read_only=True)
    b = duckdb.connect(str(fresh / "warehouse.duckdb"), read_only=True)
    try:
        assert _relations(a) == _relations(b)
        compared = [r for r in _relations(b) if r not in NOT_DERIVED]
        assert {"disclosures", "budget_cells", "budget_tables", "validation_results"} <= set(
            compared
        )
        for relation in compared:
            assert _content(a, relation) == _content(b, relation), relation
        ((version,),) = a.sql("SELECT max(version) FROM schema_version").fetchall()
        assert version == SCHEMA_VERSION
    finally:
        a.close()
        b.close()
    reports = {p.name: json.loads(p.read_text()) for p in (fresh / "quarantine").glob("*.json")}
    assert {
        p.name: json.loads(p.read_text()) for p in (upgraded / "quarantine").glob("*.json")
    } == reports
    assert (upgraded / "docs" / "index.html").is_file()
    assert not (upgraded / ".upgrade").exists()


def _lineage(data: Path) -> list[tuple]:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return con.sql(
            "SELECT doc_id, source_uri, ingested_at, flow_run_id FROM disclosures ORDER BY ALL"
        ).fetchall()
    finally:
        con.close()


def _latest_findings(data: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return {
            relation: _content(con, relation)
            for relation in ("reconciliation_findings_latest", "reconciliation_status")
        }
    finally:
        con.close()


def test_budget_upgrade_makes_the_old_warehouse_what_a_fresh_build_is(
    old_warehouse: Path, fresh: Path, tmp_path: Path
) -> None:
    data = _copy(old_warehouse, tmp_path)
    refused = CliRunner().invoke(app, ["reconcile", "--data-dir", str(data)])
    assert refused.exit_code == 1
    (line,) = [text for text in refused.output.splitlines() if text.startswith("reconcile: ")]
    assert "holds schema version 0" in line and "run `budget upgrade --data-dir" in line

    result = CliRunner().invoke(app, ["upgrade", "--data-dir", str(data)])

    assert result.exit_code == 0, result.output
    assert (
        f"upgrade: {data / 'warehouse.duckdb'} from schema version 0 to {SCHEMA_VERSION}, "
        "every input re-read from raw/" in result.output
    )
    # The Shanghai disclosure, which the old code quarantined, loads now.
    assert f"loaded       {SHANGHAI.name}" in result.output
    assert_same_as_fresh(data, fresh)
    # Kept from the old warehouse: when and by which run each input was first seen, and the
    # reconciliation run it made (history).
    assert _lineage(data) == _lineage(old_warehouse)
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    kept = con.sql("SELECT count(DISTINCT run_id) FROM reconciliation_runs").fetchall()
    con.close()
    assert kept == [(1,)]

    # Reconciled by today's code, both find the same.
    for warehouse in (data, fresh):
        reconcile(settings=Settings.load(data_dir=warehouse))
    assert _latest_findings(data) == _latest_findings(fresh)


def test_an_ingest_upgrades_an_old_warehouse_before_it_reads_its_source(
    old_warehouse: Path, fresh: Path, inboxes: tuple[Path, Path], tmp_path: Path
) -> None:
    data = _copy(old_warehouse, tmp_path)

    summary = ingest(source=inboxes[1], data_dir=data)

    assert summary.headline.startswith("0 loaded, 1 unchanged")
    assert_same_as_fresh(data, fresh)
