"""The one configuration: explicit values, then BUDGET_* variables, then defaults; documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from runtime.settings import Settings, documented_settings

REPO = Path(__file__).resolve().parents[2]


def test_explicit_values_win_over_the_environment_which_wins_over_defaults(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BUDGET_DATA_DIR", str(tmp_path / "env"))
    monkeypatch.setenv("BUDGET_EXTRACT_TIMEOUT_S", "30")
    monkeypatch.setenv("BUDGET_DASK_ADDRESS", "")  # empty: unset
    settings = Settings.load(workers=3, data_dir=None)
    assert settings.data_dir == tmp_path / "env"
    assert settings.workers == 3
    assert settings.extract_timeout_s == 30.0
    assert settings.dask_address is None
    assert Settings.load(data_dir=tmp_path / "given").warehouse().data_dir == tmp_path / "given"
    assert settings.extract().timeout_s == 30.0 and settings.extract().workers == 3
    assert Settings.load(max_download_mb=1.5).http().max_bytes == 1_572_864


def test_the_parser_is_playa_unless_budget_parser_says_pdfminer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert Settings.load().extract().parser == "playa"
    monkeypatch.setenv("BUDGET_PARSER", "pdfminer")
    assert Settings.load().extract().parser == "pdfminer"
    monkeypatch.setenv("BUDGET_PARSER", "pypdfium2")
    with pytest.raises(ValidationError, match="parser"):
        Settings.load()


def test_a_value_that_does_not_parse_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUDGET_WORKERS", "two")
    with pytest.raises(ValidationError, match="workers"):
        Settings.load()
    monkeypatch.delenv("BUDGET_WORKERS")
    with pytest.raises(ValidationError, match="lock_timeout_s"):
        Settings.load(lock_timeout_s=-1)


def test_every_setting_is_documented_with_its_default() -> None:
    page = (REPO / "docs" / "configuration.md").read_text("utf-8")
    rows = dict(
        (name, default)
        for name, default in re.findall(r"^\| `(BUDGET_[A-Z_]+)` \| `?([^|`]+)`? \|", page, re.M)
    )
    expected = {env: default for env, default, _ in documented_settings()}
    assert {k: v.strip() for k, v in rows.items()} == expected
