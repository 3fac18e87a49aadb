"""The suites as data: every expectation says how critical it is, why, and in plain words; every
column and parameter it names exists, so a suite and its frame cannot drift apart silently."""

from __future__ import annotations

import re

import pytest

from disclosure.model import Disclosure
from disclosure.template import load_template
from expectations.frames import frames_of, screen_frame
from expectations.gate import SUITES, Gate, gate_suites, screen_suite_data, suite_data
from tests.conftest import HUNAN_2024

CRITICAL = {
    "documents": {
        "no_pages",
        "too_many_pages",
        "unknown_template",
        "implausible_year",
        "bad_unit_code",
    },
    "tables": set(),
    "cells": {"non_numeric_amount", "bad_subject_code", "bad_entity_code"},
}
WARNING = {
    "documents": {"missing_tables", "active_content", "unknown_region"},
    "tables": {"unrecognised_table", "header_variant", "no_body_rows", "no_total_row"},
    "cells": set(),
}


@pytest.mark.parametrize("name", SUITES)
def test_each_expectation_is_marked_and_explained(name: str) -> None:
    data = suite_data(name)
    assert data["name"] == name
    by_severity: dict[str, set[str]] = {"critical": set(), "warning": set()}
    for expectation in data["expectations"]:
        meta = expectation["meta"]
        by_severity[expectation["severity"]].add(meta["reason"])
        assert re.fullmatch(r"[a-z_]+", meta["reason"])
        assert len(meta["explanation"]) > 30
    assert by_severity == {"critical": CRITICAL[name], "warning": WARNING[name]}


@pytest.mark.parametrize("name", SUITES)
def test_suites_name_only_columns_their_frame_has(
    name: str, sample_disclosures: dict[str, Disclosure]
) -> None:
    frame = frames_of(sample_disclosures[HUNAN_2024], load_template("hunan"))[name]
    screen = screen_frame({"seed": 20})  # what the screen's (before extraction) expectations read
    data = suite_data(name)
    for expectation in data["expectations"]:
        kwargs = expectation["kwargs"]
        named = {kwargs[k] for k in ("column", "column_A", "column_B") if k in kwargs}
        before = expectation["meta"].get("before_extraction")
        assert named <= set((screen if before else frame).columns), expectation["type"]
    assert set(data["meta"]["identify_by"]) <= set(frame.columns)


def test_every_parameter_is_supplied(gate: Gate) -> None:
    used = set()
    for name in SUITES:
        text = str(suite_data(name)["expectations"])
        used |= set(re.findall(r"'\$PARAMETER': '(\w+)'", text))
    supplied = set(gate.parameters(load_template("hunan")))
    expected = {
        "max_pages",
        "max_year",
        "templates",
        "tables_without_total_row",
        "unit_code_regex",  # the template's code rule (codes:), or a derived code
        "entity_code_regex",
    }
    assert used == supplied == expected


def test_the_screen_is_what_a_peek_tells_and_runs_once() -> None:
    screen = {
        (e["kwargs"]["column"], e["severity"], e["meta"]["reason"])
        for e in screen_suite_data()["expectations"]
    }
    assert screen == {
        ("page_count", "critical", "no_pages"),
        ("page_count", "critical", "too_many_pages"),
        ("active_content", "warning", "active_content"),
    }
    by_suite = {suite["name"]: len(suite["expectations"]) for suite in gate_suites()}
    assert by_suite == {"screen": 3, "documents": 5, "tables": 4, "cells": 3}
