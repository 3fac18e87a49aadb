"""A full disk: the run ends with one line naming what it could not write, nothing is lost, and
the next run — with room again, and nothing new to load — completes what is missing: here the
Data Docs, which need more room than the data (their scripts and fonts: ~6.5 MB).

The data directory is a small tmpfs, filled but for ~9 MB: room for the two documents' raw
copies, cells and catalog, not for the site as well. Mounting needs root; elsewhere the test is
skipped, saying why."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from budget.cli import app
from expectations.datadocs.site import results_fingerprint, site_current
from tests.warehouse.warehouse_state import assert_readable

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TWO = ("2024_010_湖南省信访局.pdf", "2023_117_湖南省水利厅.pdf")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MB tmpfs of which 9 MB are free."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs (a disk that fills up) needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(disk)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        subprocess.run(["fallocate", "-l", "7M", str(disk / "ballast")], check=True)
        yield disk
    finally:
        subprocess.run(["umount", "--lazy", str(disk)], check=False)


def test_a_full_disk_ends_the_run_in_one_line_and_the_next_run_completes_it(
    small_disk: Path, make_inbox: Callable[..., Path]
) -> None:
    inbox = make_inbox(*((name, (SAMPLES / name).read_bytes()) for name in TWO))
    data = small_disk / "data"

    full = CliRunner().invoke(app, ["ingest", "--source", str(inbox), "--data-dir", str(data)])

    assert full.exit_code == 1, full.output
    last = full.output.rstrip("\n").splitlines()[-1]
    assert last.startswith(f"ingest: no space left on the device to write {data}"), last
    assert "nothing is lost" in last and "Traceback" not in full.output
    # The data loaded whole before the disk filled: what failed was the Data Docs site, and
    # the previous site (none) is not half there.
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    loaded = con.sql("SELECT count(*) FROM disclosures WHERE status = 'loaded'").fetchall()
    con.close()
    assert loaded == [(2,)], last
    assert f"{data / 'docs'}:" in last and not (data / "docs" / "index.html").exists()
    assert_readable(data)

    (small_disk / "ballast").unlink()  # room again
    again = CliRunner().invoke(app, ["ingest", "--source", str(inbox), "--data-dir", str(data)])

    assert again.exit_code == 0, again.output
    assert "ingest: 0 loaded, 2 unchanged" in again.output  # nothing new: the site is rebuilt
    assert site_current(data / "docs", results_fingerprint(data / "gx"))
    assert_readable(data)
