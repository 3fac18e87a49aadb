"""Real Jiangsu (2017–2018) and Shanghai (2024–2025) disclosures, made by nobody on this team:
the honest test of the templates. Read from `../shared/real/` when it is beside the checkout,
else from the four bundled in `tests/data/real/` (see `tests/real_files.py`)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from disclosure.coverage import amount_coverage
from disclosure.errors import NotABudgetDisclosure
from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from disclosure.regions import Region
from disclosure.template import YUAN_PER
from expectations.gate import Gate, GateSettings
from tests.conftest import HUNAN_2024
from tests.real_files import NARRATIVE, SHARED, extracted, real_pdfs, table_pdfs
from warehouse.rows import disclosure_to_cells

JIANGSU = table_pdfs("jiangsu")
SHANGHAI = table_pdfs("shanghai")
TABLE_PDFS = [*JIANGSU, *SHANGHAI]
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared/real is not beside this checkout (a fresh clone)"
)


@pytest.mark.parametrize("pdf", TABLE_PDFS, ids=lambda p: p.stem)
def test_each_table_disclosure_is_read_with_its_province_template_and_passes_the_gate(
    pdf: Path,
) -> None:
    disclosure = extracted(pdf)
    province = pdf.parent.name
    assert disclosure.template == province
    assert all(t.table_code for t in disclosure.tables), [t.title for t in disclosure.tables]
    # No code is printed: derived from the name, under the region the name names.
    region: Region = disclosure.region
    assert region.province == {"jiangsu": "江苏省"}.get(province, "上海市")
    assert disclosure.unit_code and disclosure.unit_code.startswith(f"{region.region_code}-")
    result = Gate(GateSettings()).validate(disclosure, pdf.name)
    assert result.passed, [c.reason for c in result.critical]


@pytest.mark.parametrize("pdf", TABLE_PDFS, ids=lambda p: p.stem)
def test_at_least_999_in_1000_amounts_printed_in_ruled_tables_are_cells(pdf: Path) -> None:
    coverage = amount_coverage(pdf, extracted(pdf))
    assert coverage.in_grids > 200
    assert coverage.grid_ratio >= 0.999, coverage.missing


@needs_shared
@pytest.mark.parametrize(
    "pdf", [p for p in real_pdfs("jiangsu") if p.name in NARRATIVE], ids=lambda p: p.stem
)
def test_narrative_only_documents_are_refused_with_a_reason(pdf: Path) -> None:
    with pytest.raises(NotABudgetDisclosure, match=r"no ruled table.*narrative-only"):
        extract_disclosure(pdf)


@pytest.mark.parametrize("pdf", SHANGHAI, ids=lambda p: p.stem)
def test_each_shanghai_disclosure_maps_to_at_least_eight_standard_tables(pdf: Path) -> None:
    standard = {t.standard_table for t in extracted(pdf).tables if t.standard_table}
    assert len(standard) >= 8, standard


def test_hunan_and_shanghai_summary_tables_are_one_standard_table(
    sample_disclosures: dict[str, Disclosure],
) -> None:
    hunan = {t.table_code: t for t in sample_disclosures[HUNAN_2024].tables}["01"]
    shanghai = {t.table_code: t for t in extracted(SHANGHAI[-1]).tables}["01"]
    assert (hunan.title, shanghai.title.endswith("财务收支预算总表")) == ("收支总表", True)
    assert hunan.standard_table == shanghai.standard_table == "收支总表"


@pytest.mark.parametrize("pdf", TABLE_PDFS, ids=lambda p: p.stem)
def test_amount_yuan_is_the_amount_times_its_tables_printed_unit(pdf: Path) -> None:
    disclosure = extracted(pdf)
    cells = disclosure_to_cells(disclosure, "doc").to_pylist()
    labels = {t_no: t.unit_label for t_no, t in enumerate(disclosure.tables, start=1)}
    assert all(
        c["amount_yuan"] == c["amount"] * YUAN_PER[labels[c["table_no"]]]
        for c in cells
        if c["amount"] is not None
    )
    expected = {"jiangsu": {"万元"}, "shanghai": {"元", "万元"}}[pdf.parent.name]
    assert set(labels.values()) == expected
    if pdf.parent.name == "shanghai":  # amounts in 元, but the 三公 table in 万元
        assert {t.unit_label for t in disclosure.tables if t.standard_table == "三公经费"} == {
            "万元"
        }


def test_the_procuratorates_published_income_total_is_in_the_right_cell() -> None:
    # 江苏省人民检察院 prints 收入合计 17,996.68 万元 (2017) and 21,955.35 万元 (2018).
    published = {2017: Decimal("17996.68"), 2018: Decimal("21955.35")}
    found = {}
    for pdf in JIANGSU:
        if "人民检察院" not in pdf.name:
            continue
        disclosure = extracted(pdf)
        summary = next(t for t in disclosure.tables if t.standard_table == "收支总表")
        rows = {c.row_no: c.text for c in summary.cells if c.column_no == 1}
        (amount,) = [
            c.amount
            for c in summary.cells
            if c.template_path == "收入/金额" and rows.get(c.row_no) == "收入合计"
        ]
        found[disclosure.year] = amount
    assert found and all(found[year] == published[year] for year in found)
    if SHARED.is_dir():
        assert found == published


def test_a_jiangsu_department_keeps_its_code_when_it_spells_its_name_another_way() -> None:
    office = [p for p in JIANGSU if p.name.startswith("江苏省委办公厅__")]
    by_year = {extracted(p).year: extracted(p) for p in office}
    assert by_year[2017].unit_name == "中国共产党江苏省委员会办公厅"
    assert by_year[2018].unit_name == "中共江苏省委办公厅"
    assert by_year[2017].unit_code == by_year[2018].unit_code


def test_shanghai_says_whether_a_document_is_a_departments_or_a_bodys_budget() -> None:
    scopes = {p.name: extracted(p).scope for p in SHANGHAI}
    assert scopes["上海市财政局__2025年单位预算.pdf"] == "单位"
    if SHARED.is_dir():
        assert scopes["上海市普陀区万里街道办事处__2024年部门预算.pdf"] == "部门"
