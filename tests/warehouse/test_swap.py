"""Moving an upgrade's rebuilt warehouse into place: killed at every step, the old warehouse or
the new one is there, and the next upgrade finishes the move."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from disclosure.model import Disclosure
from tests.conftest import HUNAN_2023, HUNAN_2024
from tests.warehouse.warehouse_state import REPO, assert_readable
from warehouse import store
from warehouse.catalog import open_reader, register_views
from warehouse.documents import Document
from warehouse.lock import writer_lock
from warehouse.settings import WarehouseSettings
from warehouse.swap import READY, build_dir, build_settings, mark_ready
from warehouse.upgrade import plan_upgrade
from warehouse.version import WarehouseOutdated


def _load(settings: WarehouseSettings, path: Path, disclosure: Disclosure, sha: str) -> None:
    document = Document(path, sha * 64, path.stat().st_size)
    store.load_disclosure(settings, document, disclosure)
    settings.raw_path(document.doc_id).parent.mkdir(parents=True, exist_ok=True)
    settings.raw_path(document.doc_id).write_bytes(path.read_bytes())  # kept, as discover does


@pytest.fixture(scope="module")
def pristine(
    tmp_path_factory: pytest.TempPathFactory,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> tuple[Path, Path]:
    """A warehouse of schema version 0 holding the 2024 seed, and beside it a complete rebuild
    holding the 2023 one, ready to move in: built once at `data/`, kept as a copy."""
    root = tmp_path_factory.mktemp("swap")
    settings = WarehouseSettings(root / "data")
    _load(settings, sample_pdfs[HUNAN_2024], sample_disclosures[HUNAN_2024], "a")
    (settings.docs_dir / "index.html").parent.mkdir(parents=True)
    (settings.docs_dir / "index.html").write_text("old docs")
    build = build_settings(settings)
    _load(build, sample_pdfs[HUNAN_2023], sample_disclosures[HUNAN_2023], "b")
    con = duckdb.connect(str(build.database))
    register_views(con, settings, files_in=build.parquet_dir)
    con.close()
    con = duckdb.connect(str(settings.database))
    con.execute("DROP TABLE schema_version")  # written before versions
    con.close()
    mark_ready(settings)
    shutil.copytree(settings.data_dir, root / "pristine")
    return settings.data_dir, root / "pristine"


@pytest.fixture
def rebuilt(pristine: tuple[Path, Path]) -> WarehouseSettings:
    """The pristine warehouse and rebuild, at the path their views name."""
    data_dir, copy = pristine
    shutil.rmtree(data_dir, ignore_errors=True)
    shutil.copytree(copy, data_dir)
    return WarehouseSettings(data_dir)


def _years(settings: WarehouseSettings) -> list[tuple[int, int]]:
    con = open_reader(settings)
    assert con is not None
    try:
        return con.execute(
            "SELECT year, count(*) FROM budget_cells GROUP BY year ORDER BY year"
        ).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("kill_at", range(1, 9))
def test_a_move_killed_at_any_rename_is_finished_by_the_next_upgrade(
    rebuilt: WarehouseSettings, kill_at: int
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.warehouse.swap_driver", str(rebuilt.data_dir), str(kill_at)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode == 0:  # fewer renames than that: the move completed
        assert done.stdout.strip() == "renames: 7", done.stdout + done.stderr
    else:
        assert done.returncode == -9, done.stderr
        # Killed: the catalog is the old one (refused, naming the upgrade) or the new one.
        try:
            assert _years(rebuilt) and _years(rebuilt)[0][0] == 2023
        except WarehouseOutdated as outdated:
            assert "budget upgrade" in str(outdated)

    with writer_lock(rebuilt):  # what `budget upgrade`, or the next ingest, does first
        assert plan_upgrade(rebuilt) is None  # current once moved in: nothing to re-read

    assert not build_dir(rebuilt).exists()
    assert [year for year, _ in _years(rebuilt)] == [2023]
    assert not (rebuilt.docs_dir / "index.html").exists()  # the rebuild's docs: none
    assert_readable(rebuilt.data_dir)


def test_a_rebuild_that_never_got_ready_is_discarded_and_the_warehouse_kept(
    rebuilt: WarehouseSettings,
) -> None:
    (build_dir(rebuilt) / READY).unlink()  # killed before the build was complete
    with writer_lock(rebuilt):
        plan = plan_upgrade(rebuilt)
    assert plan is not None and plan.from_version == 0  # to do again, from the start
    assert not build_dir(rebuilt).exists()
    assert (rebuilt.docs_dir / "index.html").read_text() == "old docs"
    con = duckdb.connect(str(rebuilt.database), read_only=True)
    ((year,),) = con.execute("SELECT DISTINCT year FROM budget_cells").fetchall()
    con.close()
    assert year == 2024
