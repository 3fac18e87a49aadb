"""`budget serve` and `budget cells` as a person runs them: a bind beyond loopback only when asked
for, and then with a warning; an empty data directory said so; a file that is no PDF told in one
line."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import httpx

from tests.budget.test_cli import run
from tests.e2e.processes import start, stop

REPO = Path(__file__).resolve().parents[2]
BUDGET = str(Path(sys.executable).with_name("budget"))


def wait_for_url(log: Path, timeout_s: float = 60) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = re.search(r"serving .* at (http://\S+)", log.read_text("utf-8", "replace"))
        if found:
            return found.group(1)
        time.sleep(0.1)
    raise TimeoutError(log.read_text("utf-8", "replace"))


def test_a_non_loopback_bind_needs_allow_remote(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    refused = run("serve", "--data-dir", str(tmp_path / "data"), "--host", "0.0.0.0", "--port", "0")
    assert refused.returncode == 2
    assert "--allow-remote" in refused.stderr and "Traceback" not in refused.stderr


def test_with_allow_remote_it_warns_and_answers_only_its_own_names(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    log = tmp_path / "serve.log"
    command = [BUDGET, "serve", "--data-dir", str(tmp_path / "data"), "--port", "0"]
    server = start(
        [*command, "--host", "0.0.0.0", "--allow-remote"],
        {"PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path)},
        log,
        REPO,
    )
    try:
        url = wait_for_url(log)
        text = log.read_text("utf-8")
        assert "warning: serving on http://0.0.0.0:" in text and "anyone who reaches it" in text
        # The empty data directory is said so, on the command line and on the page.
        assert "holds no warehouse yet (run budget ingest first)" in text
        local = url.replace("0.0.0.0", "127.0.0.1")
        page = httpx.get(local, timeout=30)
        assert page.status_code == 200 and "这里还没有数据" in page.text
        assert httpx.get(local, headers={"Host": "evil.example"}, timeout=30).status_code == 400
    finally:
        assert stop(server.pid, sid=server.pid)
        server.wait(timeout=10)


def test_cells_of_a_file_that_is_no_pdf_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "report.pdf"
    bad.write_text("<html>not found</html>")
    done = run("cells", str(bad), "-t", "07")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"cells: {bad}: no %PDF- header in the first 1024 bytes: an HTML page [not_a_pdf]"
    ]
