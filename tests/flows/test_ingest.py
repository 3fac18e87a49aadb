"""The ingest flow, in-process against a Prefect test server, on real rendered PDFs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
from flows.ingest import ingest
from tests.conftest import HUNAN_2023, HUNAN_2024, REISSUE_2024
from tests.warehouse.warehouse_state import file_checksums
from warehouse.documents import Status

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture
def inbox(make_inbox: Callable[..., Path], sample_pdfs: dict[str, Path]) -> Path:
    return make_inbox(
        HUNAN_2024,
        HUNAN_2023,
        ("copy.pdf", sample_pdfs[HUNAN_2024].read_bytes()),
        ("bad.pdf", b"this is not a PDF\n"),
        REISSUE_2024,
    )


def parquet_state(data_dir: Path) -> dict[str, tuple[str, int]]:
    checksums = file_checksums(data_dir)
    return {
        name: (digest, (data_dir / name).stat().st_mtime_ns)
        for name, digest in checksums.items()
        if name.startswith("parquet/")
    }


def test_ingest_loads_then_a_rerun_changes_nothing(inbox: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"

    state = ingest(source=inbox, data_dir=data_dir, return_state=True)
    summary = state.result()

    assert summary.counts == {
        "loaded": 2,
        "unchanged": 0,
        "duplicate": 1,
        "superseded": 1,  # the 2024 file: loaded, then superseded by its re-issue
        "quarantined": 1,
        "rejected": 0,
        "unavailable": 0,
        "failed": 0,
    }
    (failure,) = summary.failures
    assert (failure.file_name, failure.reason) == ("bad.pdf", "not_a_pdf")
    (superseded,) = summary.having(Status.SUPERSEDED)
    assert superseded.file_name == HUNAN_2024
    (supersession,) = summary.supersessions
    assert (supersession.superseded_file, supersession.file_name) == (HUNAN_2024, REISSUE_2024)
    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(
                id=FlowRunFilterId(any_=[state.state_details.flow_run_id])
            )
        )
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])
            )
        )
    assert {r.name for r in runs} >= {
        f"discover-{inbox.name}",
        "extract-010-2024",
        "load-010-2024",
        "load-010-2023",
        "extract-bad",
        "quarantine-bad",
    }
    assert {a.type for a in artifacts} >= {"markdown", "progress"}
    assert any(a.key == "ingest-summary" for a in artifacts)

    before = parquet_state(data_dir)
    again = ingest(source=inbox, data_dir=data_dir)
    assert again.counts["unchanged"] == 5
    assert sum(again.counts.values()) == 5
    assert parquet_state(data_dir) == before


def test_the_cli_takes_source_and_data_dir_and_prints_the_summary(
    inbox: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        app, ["ingest", "--source", str(inbox), "--data-dir", str(tmp_path / "data")]
    )
    assert result.exit_code == 0, result.output
    assert (
        "ingest: 2 loaded, 0 unchanged, 1 duplicate, 1 superseded, 1 quarantined, 0 rejected, "
        "0 unavailable\n" in result.output
    )
    assert f"superseding {HUNAN_2024}" in result.output
    assert f"superseded   {HUNAN_2024}  (湖南省信访局 010, 2024) loaded, then superseded by" in (
        result.output
    )
    assert "quarantined  bad.pdf  [not_a_pdf]" in result.output


def test_the_data_dir_comes_from_the_environment_when_not_given(
    make_inbox: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = make_inbox(HUNAN_2023)
    data_dir = tmp_path / "from-env"
    result = CliRunner().invoke(
        app, ["ingest", "--source", str(inbox)], env={"BUDGET_DATA_DIR": str(data_dir)}
    )
    assert result.exit_code == 0, result.output
    assert (
        len(list((data_dir / "parquet/budget_cells/year=2023/unit_code=010").glob("*.parquet")))
        == 1
    )
