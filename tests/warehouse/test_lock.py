"""One writer at a time: a second ingest waits (or gives up clearly), and so does a writer
facing an analyst's open DuckDB connection; two ingests at once give what one run gives."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from tests.conftest import HUNAN_2023, HUNAN_2024
from tests.warehouse.warehouse_state import driver, fingerprint, start_driver
from warehouse.lock import WarehouseBusy, writer_lock
from warehouse.settings import WarehouseSettings

pytestmark = pytest.mark.slow


def still_running_after(process: subprocess.Popen[str], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        time.sleep(0.1)
    return True


def test_a_second_writer_waits_for_the_lock(
    make_inbox: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = make_inbox(HUNAN_2024)
    settings = WarehouseSettings(tmp_path / "data")
    with writer_lock(settings):
        process = start_driver(inbox, settings.data_dir)
        assert still_running_after(process, 3.0)
        assert not settings.database.exists()
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert f"{HUNAN_2024} loaded" in out


def test_a_writer_that_cannot_wait_says_who_holds_the_lock(
    make_inbox: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = make_inbox(HUNAN_2024)
    settings = WarehouseSettings(tmp_path / "data")
    with writer_lock(settings):
        result = driver(inbox, settings.data_dir, "--lock-timeout", "0.5")
        # The same in-process: flock conflicts between two opens of the lock file.
        impatient = WarehouseSettings(settings.data_dir, lock_timeout_s=0.2)
        with (
            pytest.raises(
                WarehouseBusy, match=r"warehouse\.lock .* held by another writer, PID \d+"
            ),
            writer_lock(impatient),
        ):
            pass
    assert result.returncode == 1
    assert "WarehouseBusy" in result.stderr
    assert "gave up waiting for warehouse.lock after" in result.stderr


def test_an_open_analyst_connection_delays_the_writer(
    make_inbox: Callable[..., Path], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    assert driver(make_inbox(HUNAN_2024, folder="first"), data_dir).returncode == 0
    analyst = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        process = start_driver(make_inbox(HUNAN_2023, folder="second"), data_dir)
        assert still_running_after(process, 3.0)
        assert analyst.execute("SELECT count(*) FROM disclosures").fetchone() == (1,)
    finally:
        analyst.close()
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert f"{HUNAN_2023} loaded" in out


def test_two_ingests_of_the_same_inbox_at_once_equal_one_run(
    make_inbox: Callable[..., Path], sample_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    inbox = make_inbox(
        HUNAN_2024,
        HUNAN_2023,
        ("copy.pdf", sample_pdfs[HUNAN_2024].read_bytes()),
        ("bad.pdf", b"%PDF-1.7 truncated"),
    )
    assert driver(inbox, tmp_path / "alone").returncode == 0

    together = tmp_path / "together"
    first, second = start_driver(inbox, together), start_driver(inbox, together)
    results = [p.communicate(timeout=300) for p in (first, second)]

    assert [p.returncode for p in (first, second)] == [0, 0], [err for _, err in results]
    statuses = sorted(line.split()[-1] for out, _ in results for line in out.splitlines()[1:])
    # Each file is recorded by exactly one of the two runs; the other finds it done.
    assert statuses == sorted(["loaded", "loaded", "duplicate", "quarantined"] + ["unchanged"] * 4)
    assert fingerprint(together) == fingerprint(tmp_path / "alone")
