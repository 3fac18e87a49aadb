"""The real 2024 湖南省信访局 disclosure, rendered from its transcription, read back exactly."""

from __future__ import annotations

from decimal import Decimal

from disclosure.model import RowKind
from samplegen.hunan_xinfang_2024 import spec as seed_spec
from tests.disclosure.conftest import cells_by_key, expected_by_key
from tests.seedtext import amounts_in, read_seed


def test_every_cell_round_trips_exactly(seed_disclosure):
    got = cells_by_key(seed_disclosure)
    expected = expected_by_key(seed_spec())
    assert len(expected) > 1400
    mismatches = {
        k: (got.get(k), expected.get(k))
        for k in expected.keys() | got.keys()
        if got.get(k) != expected.get(k)
    }
    assert mismatches == {}


def test_identity_from_the_cover(seed_disclosure):
    d = seed_disclosure
    assert (d.year, d.unit_code, d.unit_name, d.template) == (2024, "010", "湖南省信访局", "hunan")
    assert d.page_count >= 18


def test_tables_are_found_by_title_in_print_order(seed_disclosure):
    codes = [t.table_code for t in seed_disclosure.tables]
    assert codes == [t.code for t in seed_spec().tables]
    t07 = seed_disclosure.table("07")
    assert t07.page_to == t07.page_from + 1, "07 continues on a second page"
    assert t07.row_count == 24 and t07.header_rows == 3
    assert seed_disclosure.table("20").unit_label == "万元"


def test_every_seed_table_comes_back_with_the_seeds_numbers(seed_disclosure):
    seed = read_seed()
    for seed_table in seed.tables:
        extracted = seed_disclosure.table(seed_table.code)
        assert extracted is not None, seed_table.code
        amounts = amounts_in([c.text for c in extracted.cells])
        assert amounts == seed_table.amounts, seed_table.code
        parsed = [c.amount for c in extracted.cells if c.amount is not None]
        assert sorted(parsed) == sorted(seed_table.amounts.elements()), seed_table.code


def test_the_seeds_arithmetic_errors_are_recorded_as_printed(seed_disclosure):
    t07 = seed_disclosure.table("07")
    row = next(c.row_no for c in t07.cells if c.subject_code == "20103")
    printed = {c.column_path: c.amount for c in t07.cells if c.row_no == row}
    assert printed["合计"] == Decimal("3486.75")  # its 项 rows add up to 3,485.75
    assert printed["项目支出"] == Decimal("1698.66")
    t23 = seed_disclosure.table("23")
    total = [c for c in t23.cells if c.row_kind is RowKind.TOTAL]
    assert Decimal("1548.67") in {c.amount for c in total}


def test_subject_codes_are_stored_in_full(seed_disclosure):
    t07 = seed_disclosure.table("07")
    printed = {c.text: c.subject_code for c in t07.cells if c.column_no == 1 and c.subject_code}
    assert printed["03"] == "20103" and printed["40"] == "20140" and printed["11"] == "21011"
    t08 = seed_disclosure.table("08")
    codes = {c.subject_code for c in t08.cells if c.row_kind is RowKind.SUBJECT}
    assert codes == {"2010301", "2080505", "2101101", "2101103", "2101199", "2210201"}
    entities = {c.entity_code for c in t08.cells if c.row_kind is RowKind.SUBJECT}
    assert entities == {"010001"}


def test_empty_tables_and_notes(seed_disclosure):
    assert [t.table_code for t in seed_disclosure.tables if t.is_empty] == ["19", "20", "21"]
    assert seed_disclosure.table("21").notes == [
        "注1:部门预算中不包含对市县专项转移支付。",
        "注2:不含上年结转结余。",
    ]
    assert seed_disclosure.table("01").notes[0].startswith("备注：财政专户管理资金收入")


def test_cells_carry_page_and_bbox_provenance(seed_disclosure):
    t07 = seed_disclosure.table("07")
    pages = {c.page_no for c in t07.cells}
    assert pages == {t07.page_from, t07.page_to}
    for c in t07.cells:
        assert c.bbox.x0 < c.bbox.x1 and c.bbox.top < c.bbox.bottom


def test_row_labels_follow_the_nearest_label_column(seed_disclosure):
    t01 = seed_disclosure.table("01")
    first_row = {c.column_path: c.row_label for c in t01.cells if c.row_no == 1}
    assert first_row["收入/预算数"] == "一、一般公共预算拨款收入"
    assert first_row["支出/项目（按功能分类）"] == "一、一般公共服务支出"
    t08 = seed_disclosure.table("08")
    assert {c.row_label for c in t08.cells if c.subject_code == "2080505"} == {
        "机关事业单位基本养老保险缴费支出"
    }
