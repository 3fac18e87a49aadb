"""budget_execution on a real 决算 and the 预算 of our making beside it (issue 21's real pair).

The 决算 is 国家信访局's real 2024 部门决算 (tests/data/real/final/, 50 pages, 万元). It prints
what each 功能分类 项 spent in its 一般公共预算财政拨款支出决算表 (公开05表, PDF page 11, printed
page 9), and each 项's 年初预算 only in its explanation (五、（三）财政拨款支出决算具体情况,
PDF pages 21–23, printed 19–21). samplegen.real_pair reads both and prints the body's 2024 预算
that budgets exactly those 年初预算; both PDFs are extracted and loaded like any other, and the
view must answer what the 决算 itself says of each 项: 年初预算, 支出决算 and 完成年初预算的 X%.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from samplegen.real_pair import budget_of_final, explanation_text
from samplegen.render import render_disclosure
from tests.real_files import BUNDLED, extracted
from warehouse import store
from warehouse.catalog import open_writer, register_views
from warehouse.documents import Document, Status
from warehouse.raw import keep_raw, sha256_of
from warehouse.settings import WarehouseSettings

FINAL_PDF = BUNDLED / "final" / "central_国家信访局_2024_部门决算.pdf"
GENERAL = "fund_scope = '一般公共预算' AND measure = 'total'"


@pytest.fixture(scope="module")
def final() -> Disclosure:
    return extracted(FINAL_PDF)


@pytest.fixture(scope="module")
def text() -> str:
    """The 决算's text, where its explanation prints each 项's 年初预算."""
    return explanation_text(FINAL_PDF)


@pytest.fixture(scope="module")
def budget_pdf(final: Disclosure, text: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = budget_of_final(final, text)
    path = tmp_path_factory.mktemp("real-pair") / spec.file_name
    render_disclosure(spec, path)
    return path


@pytest.fixture(scope="module")
def loaded(
    final: Disclosure, budget_pdf: Path, tmp_path_factory: pytest.TempPathFactory
) -> WarehouseSettings:
    settings = WarehouseSettings(tmp_path_factory.mktemp("real-execution") / "data")
    for path, disclosure in ((budget_pdf, extract_disclosure(budget_pdf)), (FINAL_PDF, final)):
        doc = Document(path.resolve(), sha256_of(path), path.stat().st_size)
        doc = dataclasses.replace(doc, kept_at=keep_raw(doc.path, doc.sha256, settings))
        outcome = store.load_disclosure(settings, doc, disclosure)
        assert outcome.status is Status.LOADED, outcome.message
    con = open_writer(settings)
    register_views(con, settings)
    con.close()
    return settings


def query(settings: WarehouseSettings, sql: str) -> list[dict]:
    con = duckdb.connect(str(settings.database), read_only=True)
    try:
        relation = con.sql(sql)
        return [dict(zip(relation.columns, r, strict=True)) for r in relation.fetchall()]
    finally:
        con.close()


def execution(settings: WarehouseSettings, where: str) -> dict[str, dict]:
    rows = query(settings, f"SELECT * FROM budget_execution WHERE {where}")
    return {r["subject_code"]: r for r in rows}


def test_the_budget_and_the_final_accounts_are_one_unit(
    loaded: WarehouseSettings, final: Disclosure, budget_pdf: Path
) -> None:
    """Neither document prints a 单位代码; both print 国家信访局, a central body: one unit."""
    budget = extract_disclosure(budget_pdf)
    assert (budget.unit_code, budget.unit_name, budget.region.level) == (
        final.unit_code,
        "国家信访局",
        "中央",
    )
    assert (budget.kind, final.kind, budget.year, final.year) == ("预算", "决算", 2024, 2024)
    units = query(loaded, "SELECT unit_code, unit_name, level FROM units")
    assert units == [{"unit_code": final.unit_code, "unit_name": "国家信访局", "level": "中央"}]
    assert re.fullmatch(r"000000-[0-9a-f]{10}", final.unit_code or "")
    documents = query(loaded, "SELECT kind, unit_code FROM disclosures ORDER BY kind")
    assert documents == [
        {"kind": "决算", "unit_code": final.unit_code},
        {"kind": "预算", "unit_code": final.unit_code},
    ]
    listed = query(loaded, "SELECT DISTINCT unit_code, unit_name, year FROM budget_execution")
    assert listed == [{"unit_code": final.unit_code, "unit_name": "国家信访局", "year": 2024}]


# What the 决算 prints, in 万元: 年初预算 (explanation, PDF pages 21–23), 支出决算 (公开05表, PDF
# page 11) and 完成年初预算的 … (explanation). In 元: × 10000.
PRINTED = {
    # 1.一般公共服务（类）信访事务（款）行政运行（项）。年初预算为 5717.32 万元，支出决算为
    # 5757.63 万元，完成年初预算的 100.71%。 (PDF page 21)
    "2014001": ("57173200.00", "57576300.00", "403100.00", "100.71"),
    # 2.…一般行政管理事务（项）。年初预算为 590.53 万元，支出决算为 4.7 万元，完成年初预算的
    # 0.8%。 (PDF page 21)
    "2014002": ("5905300.00", "47000.00", "-5858300.00", "0.80"),
    # 14.住房保障（类）住房改革支出（款）购房补贴（项）。年初预算为336万元，支出决算为331万元，
    # 完成年初预算的98.51%。 (PDF page 23)
    "2210203": ("3360000.00", "3310000.00", "-50000.00", "98.51"),
}


def test_three_subjects_as_the_final_accounts_print_them(loaded: WarehouseSettings) -> None:
    by_subject = execution(loaded, GENERAL)
    for subject, (budgeted, spent, difference, rate) in PRINTED.items():
        row = by_subject[subject]
        assert row["budget_yuan"] == Decimal(budgeted), subject
        assert row["final_yuan"] == Decimal(spent), subject
        assert row["difference_yuan"] == Decimal(difference), subject
        assert row["execution_rate_pct"] == Decimal(rate), subject
        assert row["budgeted_by"] == "预算"
    # 11.卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。年初预算为 0 万元，支出决算为
    # 497.53 万元。 (PDF page 23): spent, never budgeted.
    unbudgeted = by_subject["2101101"]
    assert unbudgeted["budget_yuan"] is None and unbudgeted["execution_rate_pct"] is None
    assert unbudgeted["final_yuan"] == Decimal("4975300.00")


def test_every_rate_the_final_accounts_print(loaded: WarehouseSettings, text: str) -> None:
    """The 13 budgeted 项: the view's rate is the 完成年初预算的 X% the 决算 prints (0.8% is
    0.80), and its 项 add up to the totals printed: 年初预算 15068.55 万元 (PDF page 21); 支出决算
    13733.79 万元, where the 决算 prints 13,733.80 (公开05表 合计, PDF page 11: its 项 are rounded
    to 0.01 万元 one by one, "本套报表金额单位转换时可能存在尾数误差", PDF page 7)."""
    printed = re.findall(r"支出决算为[\d.]+万元，完成年初预算的([\d.]+)%", text)
    rates = [r for s, r in rates_in_code_order(loaded) if s != "2101101"]
    assert len(printed) == 14  # the total's, then the 13 budgeted 项' in code order
    assert [Decimal(p) for p in printed[1:]] == rates
    items = [
        r
        for r in query(loaded, f"SELECT * FROM budget_execution WHERE {GENERAL}")
        if r["subject_level"] == "项"
    ]
    assert sum(r["budget_yuan"] or 0 for r in items) == Decimal("150685500.00")
    assert sum(r["final_yuan"] for r in items) == Decimal("137337900.00")
    assert {r["measure"] for r in query(loaded, "SELECT measure FROM budget_execution")} == {
        "total",
        "basic",
        "project",
    }


def rates_in_code_order(settings: WarehouseSettings) -> list[tuple[str, Decimal]]:
    rows = query(
        settings,
        f"SELECT subject_code, execution_rate_pct FROM budget_execution WHERE {GENERAL}"
        " AND subject_level = '项' ORDER BY subject_code",
    )
    return [(r["subject_code"], r["execution_rate_pct"]) for r in rows]
