"""`python -m flows.ingest` as a person runs it: its own process and temporary Prefect server.
kill -9 of the whole run while it loads, then a rerun: the warehouse a clean run gives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import HUNAN_2023, HUNAN_2024, REISSUE_2024
from tests.warehouse.warehouse_state import REPO, assert_readable, driver, fingerprint

pytestmark = pytest.mark.slow


def cli(source: Path, data_dir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "flows.ingest",
        "--source",
        str(source),
        "--data-dir",
        str(data_dir),
    ]


def test_kill_9_of_a_running_ingest_then_rerun_equals_a_clean_run(
    make_inbox: Callable[..., Path], sample_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    inbox = make_inbox(
        HUNAN_2024,
        HUNAN_2023,
        ("copy.pdf", sample_pdfs[HUNAN_2024].read_bytes()),
        ("bad.pdf", b"this is not a PDF\n"),
        REISSUE_2024,
    )
    clean = tmp_path / "clean"
    assert driver(inbox, clean).returncode == 0

    data_dir = tmp_path / "data"
    first_partition = data_dir / "parquet/budget_cells/year=2024/unit_code=010"
    # Its own session, so that the kill takes its temporary Prefect server down with it.
    run = subprocess.Popen(
        cli(inbox, data_dir),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 180
        while not first_partition.exists() and run.poll() is None:
            assert time.monotonic() < deadline, "the ingest never loaded its first document"
            time.sleep(0.02)
    finally:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate(timeout=60)
    assert run.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    assert_readable(data_dir)

    rerun = subprocess.run(cli(inbox, data_dir), cwd=REPO, capture_output=True, text=True)

    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.startswith("ingest: ")
    assert fingerprint(data_dir) == fingerprint(clean)
