"""The reconcile flow, in-process against a Prefect test server, over a warehouse holding the
seed disclosure (rendered, extracted and loaded by the warehouse's loader)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterFlowRunId,
    FlowRunFilter,
    FlowRunFilterId,
)
from typer.testing import CliRunner

from budget.cli import app
from disclosure.model import Disclosure
from flows.reconcile import reconcile
from tests.conftest import HUNAN_2024
from warehouse import store
from warehouse.documents import Document
from warehouse.raw import sha256_of
from warehouse.settings import WarehouseSettings

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture
def data_dir(
    tmp_path: Path, sample_pdfs: dict[str, Path], sample_disclosures: dict[str, Disclosure]
) -> Path:
    settings = WarehouseSettings(tmp_path / "data")
    path = sample_pdfs[HUNAN_2024]
    document = Document(path, sha256_of(path), path.stat().st_size)
    store.load_disclosure(settings, document, sample_disclosures[HUNAN_2024])
    return settings.data_dir


def test_the_flow_records_reports_and_leaves_artifacts(data_dir: Path) -> None:
    state = reconcile(data_dir=data_dir, return_state=True)
    run = state.result()

    assert run.counts() == {"error": 10, "warning": 9, "info": 4}
    report = data_dir / "reports" / f"reconcile-{run.run_id}.html"
    assert report.is_file() and "<svg" in report.read_text("utf-8")
    with duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True) as con:
        (kept,) = con.execute(
            "SELECT count(*) FROM reconciliation_findings WHERE run_id = ?", [run.run_id]
        ).fetchone()
    assert kept == 23

    flow_run_id = state.state_details.flow_run_id
    with get_client(sync_client=True) as client:
        flow_run = client.read_flow_run(flow_run_id)
        task_runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
        )
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id]))
        )
    assert flow_run.name == "reconcile-data"
    assert "reconcile-hunan-2024" in {t.name for t in task_runs}
    by_key = {a.key: a for a in artifacts}
    table = by_key["reconciliation-findings"]
    assert table.type == "table"
    rows = json.loads(table.data)  # the API keeps a table artifact as JSON text
    assert len(rows) == 23 and rows[0]["severity"] == "error"
    assert {row["rule"] for row in rows} >= {"header_sums", "unit_row_equals_subjects"}
    assert {"page": 7, "actual": "3,486.75", "expected": "3,485.85"}.items() <= next(
        row for row in rows if row["rule"] == "header_sums" and row["page"] == 7
    ).items()
    markdown = by_key["reconciliation-report"]
    assert markdown.type == "markdown"
    assert report.name in markdown.data and "| 10 | 9 | 4 |" in markdown.data


def test_the_cli_prints_the_run_and_can_fail_on_errors(data_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["reconcile", "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert "1 documents (2024): 10 errors, 9 warnings, 4 info" in result.output
    assert "report: " in result.output

    failing = CliRunner().invoke(
        app, ["reconcile", "--data-dir", str(data_dir), "--fail-on", "error"]
    )
    assert failing.exit_code == 1, failing.output

    nowhere = CliRunner().invoke(app, ["reconcile", "--data-dir", str(tmp_path / "empty")])
    assert nowhere.exit_code == 2
    assert "run an ingest first" in nowhere.output


def test_budget_report_rewrites_the_latest_run_s_report(data_dir: Path) -> None:
    none_yet = CliRunner().invoke(app, ["report", "--data-dir", str(data_dir)])
    assert none_yet.exit_code == 2 and "no reconciliation run yet" in none_yet.output
    run = reconcile(data_dir=data_dir)
    report = data_dir / "reports" / f"reconcile-{run.run_id}.html"
    report.unlink()

    result = CliRunner().invoke(app, ["report", "--data-dir", str(data_dir)])

    assert result.exit_code == 0, result.output
    assert f"reconcile {run.run_id}: {run.headline}" in result.output
    assert report.is_file()
    html = report.read_text("utf-8")
    assert "header_sums" in html and "湖南省信访局" in html
