"""The seed disclosure (湖南省信访局 2024, rendered to a real PDF, extracted and loaded by the
warehouse's own loader) reconciled: every arithmetic error it prints is found, on its page."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pdfplumber
import pytest

from disclosure.model import Disclosure
from reconcile.runs import Run, reconcile_warehouse
from tests.conftest import HUNAN_2023, HUNAN_2024
from warehouse import store
from warehouse.documents import Document
from warehouse.raw import sha256_of
from warehouse.settings import WarehouseSettings

D = Decimal

# (rule, table, row label, subject code, column, expected, printed): the seed's arithmetic
# errors, as transcribed in samplegen/hunan_xinfang_2024.py.
ERRORS = {
    # 07: the 20103 row prints 合计 3,486.75 and 项目支出 1,698.66; its 项 rows add up to
    # 3,485.75 and 1,698.56 (and 03 prints those) …
    ("section_equals_items", "07", "政府办公厅（室）及相关机构事务", "20103", "合计",
     D("3485.75"), D("3486.75")),
    ("section_equals_items", "07", "政府办公厅（室）及相关机构事务", "20103", "项目支出",
     D("1698.56"), D("1698.66")),
    # … and its own row does not add up: 1,787.19 + 1,698.66 = 3,485.85
    ("header_sums", "07", "政府办公厅（室）及相关机构事务", "20103", "合计",
     D("3485.85"), D("3486.75")),
    # 07 201: the 类 row is not the sum of its 款 rows (the 20103 error carried up).
    ("class_equals_sections", "07", "一般公共服务支出", "201", "合计",
     D("3879.89"), D("3878.89")),
    ("class_equals_sections", "07", "一般公共服务支出", "201", "项目支出",
     D("2091.80"), D("2091.70")),
    # 09 行政运行: 工资津补贴/合计 1,353.00 ≠ 基本工资 518.00 + 津贴补贴 385.00
    ("header_sums", "09", "行政运行", "2010301", "工资津补贴/合计", D("903.00"), D("1353.00")),
    # 09 entity row: 津贴补贴 450.00 and 奖金 385.00, its subject rows 385.00 and nothing
    ("unit_row_equals_subjects", "09", "湖南省信访局本级", None, "工资津补贴/津贴补贴",
     D("385.00"), D("450.00")),
    ("unit_row_equals_subjects", "09", "湖南省信访局本级", None, "工资津补贴/奖金",
     D("0.00"), D("385.00")),
    # 23 合计: 项目支出 1,548.67 while the entity row prints 1,548.57; 资金总额 4,114.76 is not
    # 基本 2,566.19 + 项目 1,548.67
    ("unit_row_equals_entity_rows", "23", "合计:", None, "年度预算申请/按支出性质分/项目支出",
     D("1548.57"), D("1548.67")),
    ("header_sums", "23", "合计:", None, "年度预算申请/资金总额", D("4114.86"), D("4114.76")),
}  # fmt: skip

# The same 23 合计 cell also disagrees with 03 − carry-over and with 22 + 21 (conventions).
WARNINGS = {
    ("performance_23_vs_03", "23", "合计:", None, "年度预算申请/按支出性质分/项目支出",
     D("1548.57"), D("1548.67")),
    ("performance_23_vs_21_22", "23", "合计:", None, "年度预算申请/按支出性质分/项目支出",
     D("1548.57"), D("1548.67")),
}  # fmt: skip
# Tables the seed neither prints nor declares empty: a completeness warning names each.
MISSING = ("04", "05", "11", "15", "16", "17", "18")

KEY = ("rule_id", "table_code", "row_label", "subject_code", "column_path", "expected", "actual")


def load(settings: WarehouseSettings, path: Path, disclosure: Disclosure) -> None:
    document = Document(path, sha256_of(path), path.stat().st_size)
    assert store.load_disclosure(settings, document, disclosure).status == "loaded"


@pytest.fixture(scope="module")
def seed_run(
    tmp_path_factory: pytest.TempPathFactory,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> tuple[WarehouseSettings, Run]:
    settings = WarehouseSettings(tmp_path_factory.mktemp("seed") / "data")
    for name in (HUNAN_2023, HUNAN_2024):  # the same unit a year earlier, for across-year rules
        load(settings, sample_pdfs[name], sample_disclosures[name])
    return settings, reconcile_warehouse(settings)


def keyed(run: Run, year: int, *severities: str) -> set[tuple[object, ...]]:
    return {
        tuple(f[k] for k in KEY)
        for f in run.findings.to_pylist()
        if f["year"] == year and f["severity"] in severities
    }


@pytest.mark.parametrize("year", [2023, 2024])
def test_every_arithmetic_error_of_the_seed_is_found(
    seed_run: tuple[WarehouseSettings, Run], year: int
) -> None:
    _, run = seed_run
    assert keyed(run, year, "error") == ERRORS
    warnings = keyed(run, year, "warning")
    missing = {w for w in warnings if w[0] == "tables_present"}
    assert warnings - missing == WARNINGS
    messages = {
        f["message"]
        for f in run.findings.to_pylist()
        if f["year"] == year and f["rule_id"] == "tables_present"
    }
    assert {m[:5] for m in messages} == {f"预算{code}表" for code in MISSING}


def test_each_error_points_at_the_printed_cell(
    seed_run: tuple[WarehouseSettings, Run], sample_pdfs: dict[str, Path]
) -> None:
    _, run = seed_run
    errors = [f for f in run.findings.to_pylist() if f["severity"] == "error"]
    assert errors
    with pdfplumber.open(sample_pdfs[HUNAN_2024]) as pdf:
        for f in (f for f in errors if f["year"] == 2024):
            page = pdf.pages[f["page_no"] - 1]
            box = (f["bbox_x0"], f["bbox_top"], f["bbox_x1"], f["bbox_bottom"])
            printed = "".join(page.crop(box).extract_text().split())
            assert printed == f"{f['actual']:,.2f}", f
            assert f["difference"] == f["actual"] - f["expected"]


def test_the_seed_prints_three_public_costs_beyond_its_basic_office_costs(
    seed_run: tuple[WarehouseSettings, Run],
) -> None:
    # 14 prints reception 14.00 and vehicle running 51.00; 13 (basic spending) 10.00 and 39.00:
    # the rest is project money — an observation, not an error.
    _, run = seed_run
    info = {
        (f["rule_id"], f["row_label"], f["column_path"], f["difference"])
        for f in run.findings.to_pylist()
        if f["severity"] == "info" and f["year"] == 2024
    }
    assert info == {
        ("sangong_14_vs_13", label, column, difference)
        for label in ("湖南省信访局", "湖南省信访局本级")
        for column, difference in (
            ("公务接待费", D("4.00")),
            ("公务用车购置及运行费/公务用车运行费", D("12.00")),
        )
    }


def test_rules_reading_an_absent_table_are_not_evaluated(
    seed_run: tuple[WarehouseSettings, Run],
) -> None:
    _, run = seed_run
    rules = {r["rule_id"]: r for r in run.rules.to_pylist()}
    for rule_id in ("government_01_vs_04", "department_01_vs_05", "fund_02_vs_15"):
        assert rules[rule_id]["status"] == "not_evaluated"
        assert (rules[rule_id]["evaluated"], rules[rule_id]["findings"]) == (0, 0)
        assert rules[rule_id]["not_evaluated_for"] == ["2023/010", "2024/010"]
    # Per-table rules: evaluated on the tables the seed prints, not on the ones it lacks.
    sums = rules["total_row_equals_unit_row"]
    assert sums["status"] == "evaluated" and sums["evaluated"] == 2 * 16
    assert "2024/010/04" in sums["not_evaluated_for"]
    # 2023 has no year before it; 2024 is compared with 2023 (same amounts: nothing to report).
    change = rules["year_over_year_change"]
    assert (change["evaluated"], change["not_evaluated_for"], change["findings"]) == (
        1,
        ["2023/010"],
        0,
    )


def test_the_warehouse_keeps_the_run(seed_run: tuple[WarehouseSettings, Run]) -> None:
    settings, run = seed_run
    with duckdb.connect(str(settings.database), read_only=True) as con:
        (findings,) = con.execute(
            "SELECT count(*) FROM reconciliation_findings WHERE run_id = ?", [run.run_id]
        ).fetchone()
        statuses = con.execute(
            """
            SELECT status, count(*) FROM reconciliation_runs WHERE run_id = ?
            GROUP BY status ORDER BY status
            """,
            [run.run_id],
        ).fetchall()
        (amount_type,) = con.execute(
            "SELECT typeof(expected) FROM reconciliation_findings LIMIT 1"
        ).fetchone()
    assert findings == run.findings.num_rows
    assert dict(statuses) == {
        "evaluated": run.rules.num_rows - len(NEVER_EVALUATED),
        "not_evaluated": len(NEVER_EVALUATED),
    }
    assert amount_type == "DECIMAL(38,6)"  # as printed: up to six decimals


# Rules that read only tables the seed lacks, or a table together with one it lacks.
NEVER_EVALUATED = {
    "government_01_vs_04", "department_01_vs_05", "entity_total_02_vs_04",
    "entity_total_02_vs_05", "basic_project_03_vs_05", "fund_02_vs_15", "fund_02_vs_18",
    "fiscal_expenditure_06_vs_07_15_18", "basic_07_vs_11", "totals_10_vs_11",
    "classes_10_vs_11", "funds_15_vs_16", "funds_15_vs_17",
    "final_fund_tables_vs_fiscal_summary",  # an identity of final accounts (决算)
}  # fmt: skip
