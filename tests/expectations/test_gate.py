"""The gate on real extracted disclosures: what passes, what is critical, in plain words."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pypdfium2

from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from disclosure.pdf import peek
from disclosure.regions import UNKNOWN
from expectations.gate import Gate, GateSettings
from expectations.results import GateResult
from tests.conftest import HUNAN_2024
from tests.expectations.conftest import PADDING, TEST_MAX_PAGES
from tests.hostile import with_open_action

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SCREEN_CHECKS = 3  # the screen's expectations: no pages, too many pages, active content


def failures(result: GateResult) -> dict[str, str]:
    return {c.reason: c.severity for c in (*result.critical, *result.warnings)}


def test_the_seed_passes_with_its_missing_tables_as_a_warning(
    gate: Gate, sample_disclosures: dict[str, Disclosure]
) -> None:
    result = gate.validate(sample_disclosures[HUNAN_2024], "seed")

    assert result.passed
    assert failures(result) == {"missing_tables": "warning"}
    (warning,) = result.warnings
    # The real 2024 disclosure of 湖南省信访局 prints 16 of the 23 tables.
    assert warning.examples == ("missing tables 04,05,11,15,16,17,18",)
    # Each expectation once: the page count in the screen (here after extraction), then the rest.
    assert [c.suite for c in result.checks].count("screen") == SCREEN_CHECKS
    assert {c.suite for c in result.checks} == {"screen", "documents", "tables", "cells"}
    assert (result.year, result.unit_code) == (2024, "010")


def test_a_generated_disclosure_with_all_23_tables_passes_clean(gate: Gate) -> None:
    disclosure = extract_disclosure(SAMPLES / "2024_117_湖南省水利厅.pdf")
    result = gate.validate(disclosure, "water")
    assert result.passed and not result.warnings
    assert all(c.success for c in result.checks)


def test_a_cut_down_disclosure_passes_with_its_missing_tables_warned(
    gate: Gate, extracted: dict[str, Disclosure]
) -> None:
    result = gate.validate(extracted["small.pdf"], "small")
    assert result.passed
    assert failures(result) == {"missing_tables": "warning"}  # it prints 3 tables of 23


def test_a_renamed_column_loads_with_a_header_variant_warning(
    gate: Gate, extracted: dict[str, Disclosure]
) -> None:
    result = gate.validate(extracted["header-renamed.pdf"], "renamed")

    assert result.passed
    variant = next(c for c in result.warnings if c.reason == "header_variant")
    assert variant.suite == "tables" and variant.column == "header_variant"
    assert variant.examples == (
        "table 07: column 8 «项目支出（调整）» is taken for the template's «项目支出» by its "
        "position",
    )


def test_an_added_column_loads_with_a_header_variant_warning(
    gate: Gate, extracted: dict[str, Disclosure]
) -> None:
    result = gate.validate(extracted["header-added.pdf"], "added")

    assert result.passed
    variant = next(c for c in result.warnings if c.reason == "header_variant")
    assert variant.examples == ("table 07: column 9 «备用金» is not in the template",)


def test_a_non_numeric_token_in_an_amount_column_is_critical(
    gate: Gate, extracted: dict[str, Disclosure]
) -> None:
    disclosure = extracted["amount-token.pdf"]
    (slipped,) = [c for c in disclosure.table("07").cells if c.text == "l,204.00"]
    assert slipped.amount is None  # what extraction does with it: text kept, no amount

    result = gate.validate(disclosure, "token")

    assert result.reason == "non_numeric_amount"
    (check,) = result.critical
    assert check.unexpected_count == 1
    assert check.examples == (
        f"table 07 row {slipped.row_no} column {slipped.column_no} "
        f"({slipped.column_path}): «l,204.00»",
    )


def test_identity_and_code_checks(gate: Gate, extracted: dict[str, Disclosure]) -> None:
    good = extracted["small.pdf"]

    def reasons(**changes: object) -> set[str]:
        result = gate.validate(dataclasses.replace(good, **changes), "changed")
        return {c.reason for c in result.critical}

    assert reasons(year=1999) == {"implausible_year"}
    assert reasons(year=None) == {"implausible_year"}
    assert reasons(unit_code="01") == {"bad_unit_code"}
    assert reasons(unit_code=None) == {"bad_unit_code"}
    assert reasons(template=None) == {"unknown_template"}


def test_codes_are_checked_by_the_formats_own_rule(
    gate: Gate, extracted: dict[str, Disclosure]
) -> None:
    # Judged as Hunan's format (a 3-digit department, 6-digit entities): printed in it, but with
    # no table only Hunan's format names, it is read with the national template.
    good = dataclasses.replace(extracted["small.pdf"], template="hunan")

    def reasons(**changes: object) -> set[str]:
        result = gate.validate(dataclasses.replace(good, **changes), "changed")
        return {c.reason for c in result.checks if not c.success}

    # A six-digit code is no Hunan 单位代码, but is a national one (no template claims it).
    assert "bad_unit_code" in reasons(unit_code="101001")
    assert "bad_unit_code" not in reasons(unit_code="101001", template=None)
    # A code derived from the name and region is every format's.
    assert "bad_unit_code" not in reasons(unit_code="430000-0123456789")
    assert "bad_unit_code" in reasons(unit_code="JS-0123456789")
    # An entity code of another form is refused by Hunan's rule, a 9-digit one kept elsewhere.
    t07 = good.table("07")
    assert t07 is not None
    row = next(c for c in t07.cells if c.text)
    nine = [dataclasses.replace(c, entity_code="011001001") if c is row else c for c in t07.cells]
    tables = [dataclasses.replace(t07, cells=nine) if t is t07 else t for t in good.tables]
    assert "bad_entity_code" in reasons(tables=tables)
    assert "bad_entity_code" not in reasons(tables=tables, template=None)
    # Where the region cannot be read, a warning says so.
    assert "unknown_region" not in reasons()
    assert "unknown_region" in reasons(region=UNKNOWN)


def test_a_subject_code_of_no_level_is_refused(
    gate: Gate, extracted: dict[str, Disclosure]
) -> None:
    good = extracted["small.pdf"]
    t07 = good.table("07")
    subject = next(c for c in t07.cells if c.subject_code and len(c.subject_code) == 7)
    cells = [dataclasses.replace(c, subject_code="2010") if c is subject else c for c in t07.cells]
    untitled = dataclasses.replace(t07, table_code=None, standard_table=None, cells=cells)
    tables = [untitled if t is t07 else t for t in good.tables]
    result = gate.validate(dataclasses.replace(good, tables=tables), "untitled")
    assert {c.reason for c in result.critical} == {"bad_subject_code"}
    assert "unrecognised_table" in {c.reason for c in result.warnings}
    assert any("«一般公共预算支出表»" in e for c in result.warnings for e in c.examples)


def screen(gate: Gate, files: dict[str, Path]) -> dict[str, GateResult]:
    """The gate's screen of `files` (by label), from what each file's peek tells."""
    peeks = {label: peek(path) for label, path in files.items()}
    return gate.screen(
        {label: p.page_count for label, p in peeks.items()},
        {label: p.active_content for label, p in peeks.items()},
    )


def test_the_screen_refuses_an_absurd_page_count_before_extraction(
    gate: Gate, bad_pdfs: dict[str, Path], small_pdf: Path
) -> None:
    screened = screen(
        gate,
        {
            "padded": bad_pdfs["padded.pdf"],
            "no-pages": bad_pdfs["no-pages.pdf"],
            "small-screened": small_pdf,
            # What cannot be opened is left to extraction, which says why.
            "html": bad_pdfs["html-saved-as.pdf"],
            "empty": bad_pdfs["empty.pdf"],
        },
    )
    assert set(screened) == {"padded", "no-pages", "small-screened"}
    refused = screened["padded"]
    assert not refused.passed and refused.reason == "too_many_pages"
    small_pages = len(pypdfium2.PdfDocument(small_pdf))
    assert refused.critical[0].examples == (f"{small_pages + PADDING} pages",)
    empty = screened["no-pages"]
    assert not empty.passed and empty.reason == "no_pages"
    assert empty.critical[0].examples == ("0 pages",)
    assert "no pages" in empty.message
    assert screened["small-screened"].passed
    assert gate.settings.max_pages == TEST_MAX_PAGES


def test_active_content_is_a_warning_not_a_refusal(
    gate: Gate, small_pdf: Path, tmp_path: Path
) -> None:
    scripted = with_open_action(small_pdf, tmp_path / "scripted.pdf")
    (result,) = screen(gate, {"scripted": scripted}).values()
    assert result.passed
    (warning,) = result.warnings
    assert warning.reason == "active_content"
    assert warning.examples == ("OpenAction (JavaScript), JavaScript",)


def test_a_screened_document_s_result_includes_its_screen_once(
    gate: Gate, small_pdf: Path, extracted: dict[str, Disclosure]
) -> None:
    (screened,) = screen(gate, {"small-both": small_pdf}).values()
    result = gate.validate(extracted["small.pdf"], "small-both")
    assert result.checks[:SCREEN_CHECKS] == screened.checks
    assert [c.suite for c in result.checks].count("screen") == SCREEN_CHECKS


def test_the_quarantine_report_names_the_failing_expectations(
    gate: Gate, extracted: dict[str, Disclosure]
) -> None:
    report = gate.validate(extracted["amount-token.pdf"], "report").to_json()

    json.dumps(report, ensure_ascii=False)  # it goes into quarantine/<sha256>.json as is
    assert report["passed"] is False
    (critical,) = report["critical"]
    assert critical["expectation"] == "expect_column_values_to_be_of_type"
    assert critical["severity"] == "critical" and critical["reason"] == "non_numeric_amount"
    assert "l,204.00" in critical["explanation"]
    assert [w["reason"] for w in report["warnings"]] == ["missing_tables"]


def test_data_docs_are_built_for_the_run(
    gate: Gate, extracted: dict[str, Disclosure], tmp_path: Path
) -> None:
    gate.validate(extracted["small.pdf"], "docs")
    index = gate.build_docs()
    assert index is not None and index.name == "index.html" and index.is_file()
    assert index.parent == gate.settings.docs_dir
    assert list((index.parent / "validations").rglob("*.html"))
    # A run that validated nothing builds nothing, and says so.
    assert Gate(GateSettings(docs_dir=tmp_path / "docs")).build_docs() is None


def _outcome(result: GateResult) -> tuple:
    return (
        result.passed,
        result.reason,
        tuple(
            (c.suite, c.expectation, c.column, c.success, c.unexpected_count, c.examples)
            for c in result.checks
        ),
    )


def test_a_batch_gets_each_document_s_own_result(
    gate: Gate, extracted: dict[str, Disclosure]
) -> None:
    """validate_many (one GX run per suite for the batch) judges each document exactly as
    validate does alone: passes, warnings, critical failures and their examples."""
    items = [(d, f"{name}-batch") for name, d in sorted(extracted.items())]
    assert len(items) >= 3
    alone = [_outcome(gate.validate(d, f"{label}-alone")) for d, label in items]
    together = [_outcome(r) for r in gate.validate_many(items)]
    assert together == alone
    assert {passed for passed, _, _ in together} == {True, False}
