"""kill -9 of a load at each point of its write order, then a rerun: the same warehouse as a
clean run, file for file; and at the moment of the kill, nothing half-written is visible."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import HUNAN_2023, HUNAN_2024, REISSUE_2024
from tests.warehouse.ingest_driver import KILL_POINTS
from tests.warehouse.warehouse_state import assert_readable, driver, fingerprint

pytestmark = pytest.mark.slow


@pytest.fixture
def inbox(make_inbox: Callable[..., Path], sample_pdfs: dict[str, Path]) -> Path:
    # In run order: a load, a second unit-year, a copy, a bad file, then a re-issue of the first.
    return make_inbox(
        HUNAN_2024,
        HUNAN_2023,
        ("copy.pdf", sample_pdfs[HUNAN_2024].read_bytes()),
        ("bad.pdf", b"this is not a PDF\n"),
        REISSUE_2024,
    )


@pytest.fixture
def clean_run(inbox: Path, tmp_path: Path) -> tuple:
    data_dir = tmp_path / "clean"
    result = driver(inbox, data_dir)
    assert result.returncode == 0, result.stderr
    return fingerprint(data_dir)


def test_clean_run_outcomes(inbox: Path, tmp_path: Path) -> None:
    result = driver(inbox, tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        f"{HUNAN_2024} loaded",
        f"{HUNAN_2023} loaded",
        "bad.pdf quarantined",
        f"{REISSUE_2024} loaded",
        "copy.pdf duplicate",
    ]


# Each point at the first document; the load steps also at the second (the 2023 file, which no
# later file overwrites, so a step done in the wrong order cannot be hidden by a later load).
KILLS = [*sorted(KILL_POINTS), "partition-staged:2", "partition-replaced:2", "before-commit:2"]


@pytest.mark.parametrize("point", KILLS)
def test_kill_then_rerun_equals_clean_run(
    point: str, inbox: Path, tmp_path: Path, clean_run: tuple
) -> None:
    data_dir = tmp_path / "data"
    killed = driver(inbox, data_dir, "--kill-at", point)
    assert killed.returncode == -signal.SIGKILL, (point, killed.stdout, killed.stderr)

    assert_readable(data_dir)

    rerun = driver(inbox, data_dir)
    assert rerun.returncode == 0, rerun.stderr
    assert fingerprint(data_dir) == clean_run
    assert not any((data_dir / ".staging").iterdir()), "a killed writer's staged file survived"
