"""kill -9 of a load at each point of its write order, then a rerun: the same warehouse as a
clean run, file for file; and at the moment of the kill, nothing half-written is visible."""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path

import duckdb
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
# later file overwrites, so a step done in the wrong order cannot be hidden by a later load), and
# at the third load, the re-issue that supersedes the first: the supersede path.
LOAD_STEPS = ("partition-staged", "partition-replaced", "before-commit", "committed")
KILLS = [
    *sorted(KILL_POINTS),
    *(f"{step}:2" for step in LOAD_STEPS),
    *(f"{step}:3" for step in LOAD_STEPS),
]


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


def _cells_of(data_dir: Path, year: int, unit_code: str) -> list[tuple]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(
            """
            SELECT d.file_name, d.cell_count, count(c.doc_id)
            FROM disclosures d LEFT JOIN budget_cells c ON c.doc_id = d.doc_id
            WHERE d.year = ? AND d.unit_code = ? AND d.status = 'loaded'
            GROUP BY ALL
            """,
            [year, unit_code],
        ).fetchall()
    finally:
        con.close()


def test_a_kill_at_the_supersede_swap_loses_no_cells_and_either_source_converges(
    make_inbox: Callable[..., Path], sample_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    """The issue's case: the re-issue's cells are in place, its ledger commit not yet made."""
    original = make_inbox(HUNAN_2024, folder="original")
    both = make_inbox(REISSUE_2024, folder="reissue")
    data_dir = tmp_path / "data"
    assert driver(original, data_dir).returncode == 0
    (loaded,) = _cells_of(data_dir, 2024, "010")
    assert loaded[0] == HUNAN_2024 and loaded[1] == loaded[2] > 0

    killed = driver(both, data_dir, "--kill-at", "partition-replaced")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    # Queries still see the original, every one of its cells.
    assert _cells_of(data_dir, 2024, "010") == [loaded]
    assert_readable(data_dir)

    # Rerunning the old source changes nothing it should not, and leaves no stray file.
    again = driver(original, data_dir)
    assert again.stdout.splitlines()[1:] == [f"{HUNAN_2024} unchanged"]
    assert _cells_of(data_dir, 2024, "010") == [loaded]
    partition = data_dir / "parquet/budget_cells/year=2024/unit_code=010"
    assert len(list(partition.iterdir())) == 1

    # Rerunning the new source loads the re-issue, which supersedes the original.
    rerun = driver(both, data_dir)
    assert rerun.stdout.splitlines()[1:] == [f"{REISSUE_2024} loaded"]
    (current,) = _cells_of(data_dir, 2024, "010")
    assert current[0] == REISSUE_2024 and current[1] == current[2] > 0
    assert len(list(partition.iterdir())) == 1
    assert_readable(data_dir)
