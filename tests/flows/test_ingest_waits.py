"""A run waiting for the warehouse says so in its task's log and on its progress artifact, and
goes on once the analyst's session closes (in-process, against the Prefect test server)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterType,
    LogFilter,
    LogFilterFlowRunId,
)

from flows.ingest import ingest
from tests.conftest import HUNAN_2023, HUNAN_2024
from tests.flows.test_cli_process import analyst
from tests.warehouse.warehouse_state import driver

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]


def test_the_wait_shows_in_the_log_and_on_the_progress_artifact(
    make_inbox: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    assert driver(make_inbox(HUNAN_2024, folder="first"), data_dir).returncode == 0
    monkeypatch.setenv("BUDGET_LOCK_TIMEOUT_S", "300")
    noted: list[str] = []

    with analyst(data_dir / "warehouse.duckdb") as (pid, close):

        def release_once_noted() -> None:
            # The analyst closes the session once the UI says the run waits for it.
            deadline = time.monotonic() + 240
            with get_client(sync_client=True) as client:
                while not noted and time.monotonic() < deadline:
                    for artifact in client.read_artifacts(
                        artifact_filter=ArtifactFilter(type=ArtifactFilterType(any_=["progress"]))
                    ):
                        if "waiting for warehouse.duckdb" in (artifact.description or ""):
                            noted.append(artifact.description or "")
                    time.sleep(0.5)
            close()

        releaser = threading.Thread(target=release_once_noted)
        releaser.start()
        state = ingest(
            source=make_inbox(HUNAN_2023, folder="second"), data_dir=data_dir, return_state=True
        )
        releaser.join()

    assert state.result().counts["loaded"] == 1
    (note,) = noted[:1]
    assert f"held by PID {pid} (" in note and "close it or wait" in note
    with get_client(sync_client=True) as client:
        logs = client.read_logs(
            log_filter=LogFilter(
                flow_run_id=LogFilterFlowRunId(any_=[state.state_details.flow_run_id])
            )
        )
    waits = [log.message for log in logs if "waiting for warehouse.duckdb" in log.message]
    assert waits and f"held by PID {pid} (" in waits[0]
