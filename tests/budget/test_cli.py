"""`budget`, the console script, as a person meets it: help that answers at once, every command
documented, and bad options refused in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from budget.cli import app

REPO = Path(__file__).resolve().parents[2]
BUDGET = Path(sys.executable).with_name("budget")
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands if c.callback)


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BUDGET), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=os.environ | {"COLUMNS": "100", **env},
        timeout=60,
    )


def test_the_console_script_and_every_command_answer_help() -> None:
    assert (
        sorted(
            [
                "cells",
                "deploy",
                "export",
                "ingest",
                "nightly",
                "reconcile",
                "report",
                "samples",
                "serve",
                "summary",
                "upgrade",
            ]
        )
        == COMMANDS
    )
    top = run("--help")
    assert top.returncode == 0, top.stderr
    for command in COMMANDS:
        assert command in top.stdout
        help_ = run(command, "--help")
        assert help_.returncode == 0, help_.stderr
        assert f"Usage: budget {command}" in help_.stdout
        assert "<bool>" not in help_.stdout, command


def test_help_imports_neither_prefect_nor_great_expectations() -> None:
    probe = (
        "import sys\n"
        "from budget.cli import app\n"
        f"for command in {COMMANDS!r}:\n"
        "    try:\n"
        "        app([command, '--help'], prog_name='budget')\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = sorted(m for m in ('prefect', 'great_expectations', 'pdfplumber', 'duckdb')\n"
        "               if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr


def test_every_command_is_documented() -> None:
    page = (REPO / "docs" / "configuration.md").read_text("utf-8")
    for command in COMMANDS:
        assert f"`budget {command}" in page, command


def test_a_data_dir_that_is_a_file_is_a_one_line_usage_error(tmp_path: Path) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("not a folder")
    result = CliRunner().invoke(app, ["reconcile", "--data-dir", str(afile)])
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.output
    # The same from the environment, for every command that writes.
    for command in (["ingest", "--source", str(tmp_path)], ["nightly", "--source", str(tmp_path)]):
        result = CliRunner().invoke(app, command, env={"BUDGET_DATA_DIR": str(afile)})
        assert result.exit_code == 2, result.output
        assert f"data_dir: {afile} is a file, not a folder" in result.output
        assert "Traceback" not in result.output
    assert "Traceback" not in result.output


def test_a_setting_that_does_not_parse_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["reconcile", "--data-dir", str(tmp_path)], env={"BUDGET_LOCK_TIMEOUT_S": "soon"}
    )
    assert result.exit_code == 2
    assert "lock_timeout_s" in result.output


@pytest.mark.parametrize("module", ["flows.ingest", "flows.reconcile", "flows.nightly"])
def test_the_flows_still_run_as_modules(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", module, "--help"], capture_output=True, text=True, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    assert f"Usage: python -m {module}" in done.stdout


def test_upgrade_without_a_warehouse_says_there_is_nothing_to_upgrade(tmp_path: Path) -> None:
    done = run("upgrade", "--data-dir", str(tmp_path))
    assert done.returncode == 2
    assert done.stderr == f"{tmp_path}: no warehouse.duckdb here, nothing to upgrade\n"
