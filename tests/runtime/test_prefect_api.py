"""The temporary Prefect API of a one-off command: started first thing (`start_early`), adopted
by the command's `prefect_api`, and never outliving the command — also when the command ends
with a usage error before it ever used the server."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.e2e.processes import session_pids

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def _without_api() -> dict[str, str]:
    """This environment, with no Prefect API configured: the command starts its own."""
    return {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}


def _in_own_session(command: list[str], prefect_home: Path) -> subprocess.CompletedProcess[str]:
    """Run `command` in a session of its own; fail if anything of that session outlives it."""
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=_without_api() | {"PREFECT_HOME": str(prefect_home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    stdout, stderr = process.communicate(timeout=300)
    assert session_pids(process.pid) == [], f"left behind:\n{stdout}\n{stderr}"
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def test_an_early_server_is_the_one_the_command_reports_to(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import httpx
        from prefect.settings import PREFECT_API_URL
        from runtime.prefect_api import _early, is_temporary, prefect_api, start_early

        start_early()
        early = _early[0]
        with prefect_api(300) as api:
            assert api is early and not _early, "adopted, once"
            api.wait()
            url = PREFECT_API_URL.value()
            assert url == f"http://127.0.0.1:{early.port}/api" and is_temporary(url)
            assert httpx.get(f"{url}/health").status_code == 200
            print("answered", early.process.pid)
        """
    )
    done = _in_own_session([sys.executable, "-c", script], tmp_path / "prefect-home")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("answered ")


def test_a_usage_error_after_the_early_start_leaves_no_server_behind(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    budget = Path(sys.executable).with_name("budget")
    done = _in_own_session(
        [str(budget), "ingest", "--source", str(missing), "--data-dir", str(tmp_path / "data")],
        tmp_path / "prefect-home",
    )
    assert done.returncode == 2
    assert str(missing) in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "data").exists()
