"""Every input of an ingest is told — a file or a folder it may not read, a folder named like a
PDF, a PDF whose text cannot be read, a name with a line break — and the run goes on with the
others. The run is a process that may not read what permissions refuse (as root it drops the
capabilities that read everything, as `setpriv` does)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from prefect.settings import PREFECT_API_URL

from tests.conftest import HUNAN_2023, HUNAN_2024, REISSUE_2024
from tests.hostile import without_unicode_map
from tests.warehouse.warehouse_state import REPO

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]


def _without_override() -> list[str]:
    """How to start a process that permissions bind: as it is, unless this is root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root reads every file, and setpriv (util-linux) is missing to drop that")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[list[Path]]:
    """Paths made unreadable (mode 000) by a test, readable again afterwards (for cleanup)."""
    paths: list[Path] = []
    yield paths
    for path in paths:
        path.chmod(0o700)


def test_each_input_gets_a_status_with_its_reason_and_the_run_goes_on(
    make_inbox: Callable[..., Path],
    sample_pdfs: dict[str, Path],
    tmp_path: Path,
    locked: list[Path],
) -> None:
    prefix = _without_override()
    inbox = make_inbox(
        HUNAN_2024,
        ("line\nbreak.pdf", sample_pdfs[HUNAN_2023].read_bytes()),
        ("locked.pdf", sample_pdfs[REISSUE_2024].read_bytes()),
    )
    without_unicode_map(sample_pdfs[HUNAN_2023], inbox / "glyphs.pdf")
    (inbox / "x.pdf").mkdir()
    shutil.copy(sample_pdfs[HUNAN_2024], inbox / "x.pdf" / "inside.pdf")  # read: a copy
    (inbox / "private").mkdir()
    shutil.copy(sample_pdfs[REISSUE_2024], inbox / "private" / "more.pdf")
    for path in (inbox / "locked.pdf", inbox / "private"):
        path.chmod(0)
        locked.append(path)

    command = ["-m", "flows.ingest", "--source", str(inbox), "--data-dir", str(tmp_path / "data")]
    done = subprocess.run(
        [*prefix, sys.executable, *command],
        cwd=REPO,
        env={**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()},
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert done.returncode == 3, done.stdout + done.stderr[-5000:]  # 3: some inputs unavailable
    summary = done.stdout[done.stdout.index("ingest: ") :].splitlines()
    assert summary[0] == (
        "ingest: 2 loaded, 0 unchanged, 1 duplicate, 0 superseded, 1 quarantined, 1 rejected, "
        "2 unavailable"
    )
    assert summary[1].split()[0] == "parser"  # what read the pages, then one line per input
    told = {line.split()[1]: line for line in summary[2:9]}
    assert told.keys() == {
        HUNAN_2024,
        "line\\nbreak.pdf",  # one line, its line break written out
        "inside.pdf",
        "glyphs.pdf",
        "x.pdf",
        "locked.pdf",
        "private",
    }
    assert told["line\\nbreak.pdf"].startswith("  loaded       line\\nbreak.pdf  (湖南省信访局 010")
    assert told["inside.pdf"].startswith("  duplicate    inside.pdf")
    assert "[unreadable_text]" in told["glyphs.pdf"] and "(cid:NN)" in told["glyphs.pdf"]
    assert told["x.pdf"] == (
        f"  rejected     x.pdf  [not_a_file] {inbox / 'x.pdf'}: a folder named like a PDF, not "
        "a file: the PDFs inside it are read"
    )
    assert told["locked.pdf"] == (
        f"  unavailable  locked.pdf  [unreadable_file] {inbox / 'locked.pdf'}: it cannot be read "
        "(Permission denied)"
    )
    assert told["private"].startswith(
        f"  unavailable  private  [unreadable_folder] {inbox / 'private'}: the folder cannot be "
        "read (Permission denied)"
    )
    assert "Traceback" not in done.stdout + done.stderr
