"""The nightly flow on real PDFs: ingest, reconcile, and an alert when errors are new."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterParentFlowRunId
from typer.testing import CliRunner

from budget.cli import app
from flows.nightly import nightly
from tasks.alerts import install_alerts, remove_alerts
from tests.conftest import HUNAN_2024
from tests.webhook_receiver import receive

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_nightly_ingests_reconciles_and_alerts_on_new_errors_once(
    make_inbox: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = make_inbox(HUNAN_2024)  # the real 2024 disclosure, with its own arithmetic errors
    data_dir = tmp_path / "data"
    with receive() as receiver:
        install_alerts(receiver.url)
        try:
            state = nightly(source=inbox, data_dir=data_dir, return_state=True)
            first = state.result()
            assert first.ingest.counts["loaded"] == 1
            assert first.findings is not None and first.findings["error"] > 0
            assert first.new_errors == first.findings["error"]  # nothing known before
            message = receiver.wait_for(lambda m: "new reconciliation errors" in m["subject"])
            assert message["subject"] == f"budget: {first.new_errors} new reconciliation errors"
            assert first.reconcile_run_id in message["body"]
            assert f"reports/reconcile-{first.reconcile_run_id}.html" in message["body"]

            second = nightly(source=inbox, data_dir=data_dir)
            assert second.ingest.counts["unchanged"] == 1
            # Nothing new, nothing changed: the last findings stand, not reconciled again.
            assert not second.reconciled and second.reconcile_run_id == first.reconcile_run_id
            assert second.findings == first.findings and second.new_errors == 0
            assert "reconcile: skipped, nothing changed since run" in second.to_text()
        finally:
            remove_alerts()

    with get_client(sync_client=True) as client:
        children = client.read_flow_runs(
            flow_run_filter=FlowRunFilter(
                parent_flow_run_id=FlowRunFilterParentFlowRunId(
                    any_=[state.state_details.flow_run_id]
                )
            )
        )
    assert sorted(r.name.split("-")[0] for r in children) == ["ingest", "reconcile"]


def test_a_first_night_with_nothing_to_load_does_not_reconcile(tmp_path: Path) -> None:
    empty = tmp_path / "inbox"
    empty.mkdir()
    result = CliRunner().invoke(
        app, ["nightly", "--source", str(empty), "--data-dir", str(tmp_path / "d")]
    )
    assert result.exit_code == 0, result.output
    assert "reconcile: skipped, nothing loaded yet" in result.output
