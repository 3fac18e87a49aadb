"""The 湖南省信访局 2024 spec prints what the real seed prints: tables, rows, amounts, notes."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

import pytest

from disclosure.template import load_template
from disclosure.text import squeeze
from samplegen.hunan_xinfang_2024 import spec
from samplegen.spec import EMPTY_MARKER, DisclosureSpec, RowSpec, TableSpec, printed_text
from tests.seedtext import SeedDisclosure, read_seed

SEED_CODES = ("01", "02", "03", "06", "07", "08", "09", "10", "12", "13", "14")
SEED_CODES += ("19", "20", "21", "22", "23")
_TAGS = re.compile(r"</?p>")


@pytest.fixture(scope="module")
def seed() -> SeedDisclosure:
    return read_seed()


@pytest.fixture(scope="module")
def disclosure() -> DisclosureSpec:
    return spec()


def _table(disclosure: DisclosureSpec, code: str) -> TableSpec:
    return next(t for t in disclosure.tables if t.code == code)


def _amounts(table: TableSpec) -> Counter[Decimal]:
    return Counter(v for row in table.rows for v in row.values if isinstance(v, Decimal))


def _row_texts(cells: Iterable[str]) -> list[str]:
    """A row's non-empty texts in print order, repeats in a row collapsed.

    Collapsing absorbs the seed's repeated indicator sentence (16 cells in the text, 11 template
    columns in the spec) and nothing else: the amount multisets are compared separately.
    """
    texts = [squeeze(_TAGS.sub("", cell)) for cell in cells]
    texts = [t for t in texts if t]
    return [t for i, t in enumerate(texts) if i == 0 or t != texts[i - 1]]


def _value(table: TableSpec, row: RowSpec, path: str) -> object:
    return row.values[table.column_paths.index(path)]


def test_cover_matches_the_seed(seed: SeedDisclosure, disclosure: DisclosureSpec) -> None:
    assert (disclosure.year, disclosure.unit_code, disclosure.unit_name, disclosure.phone) == (
        seed.year,
        seed.unit_code,
        seed.unit_name,
        seed.phone,
    )
    assert disclosure.file_name == "2024_010_湖南省信访局.pdf"


def test_tables_are_the_seed_tables_in_seed_order(
    seed: SeedDisclosure, disclosure: DisclosureSpec
) -> None:
    assert tuple(t.code for t in seed.tables) == SEED_CODES
    assert tuple(t.code for t in disclosure.tables) == SEED_CODES


@pytest.mark.parametrize("code", SEED_CODES)
def test_amounts_are_the_printed_amounts(
    code: str, seed: SeedDisclosure, disclosure: DisclosureSpec
) -> None:
    assert _amounts(_table(disclosure, code)) == seed.table(code).amounts


@pytest.mark.parametrize("code", SEED_CODES)
def test_rows_print_the_seed_rows_in_order(
    code: str, seed: SeedDisclosure, disclosure: DisclosureSpec
) -> None:
    table = _table(disclosure, code)
    seed_rows = seed.table(code).body_rows
    assert len(table.rows) == len(seed_rows)
    for row, seed_row in zip(table.rows, seed_rows, strict=True):
        printed = _row_texts(printed_text(v) for v in row.values)
        expected = _row_texts(seed_row)
        if code == "23":
            # The seed prints 23's duties + overall goal, and each indicator group, as one
            # multi-paragraph cell; the spec gives each paragraph its template column.
            assert "".join(printed) == "".join(expected)
        else:
            assert printed == expected


@pytest.mark.parametrize("code", SEED_CODES)
def test_unit_line_and_notes_are_printed_ones(
    code: str, seed: SeedDisclosure, disclosure: DisclosureSpec
) -> None:
    table, printed = _table(disclosure, code), seed.table(code)
    assert table.unit_line == printed.unit_line
    assert table.notes == printed.notes


@pytest.mark.parametrize("code", SEED_CODES)
def test_table_fits_its_template(code: str, disclosure: DisclosureSpec) -> None:
    table, template = _table(disclosure, code), load_template("hunan").table(code)
    assert (table.title, table.header) == (template.title, template.header)
    dataclasses.replace(table)  # validates row widths again
    for row in table.rows:
        assert len(row.values) == (1 if row.merged else len(template.column_paths))
        for value in row.values:
            assert not isinstance(value, float)
            if isinstance(value, str):
                assert value == value.strip()


@pytest.mark.parametrize("code", SEED_CODES)
def test_row_kinds_and_codes(code: str, disclosure: DisclosureSpec) -> None:
    for row in _table(disclosure, code).rows:
        if row.kind == "subject":
            assert row.subject_code and len(row.subject_code) in (3, 5, 7)
        else:
            assert row.subject_code is None
        if row.kind == "unit":
            assert row.entity_code == "010"
        if row.kind in ("total", "item", "empty_marker"):
            assert row.entity_code is None


def test_07_expands_abbreviated_codes_like_03_prints_them(disclosure: DisclosureSpec) -> None:
    def subjects(code: str) -> list[str | None]:
        return [r.subject_code for r in _table(disclosure, code).rows if r.kind == "subject"]

    assert subjects("07") == subjects("03")


@pytest.mark.parametrize("code", ["08", "09", "10", "12", "13"])
def test_split_codes_join_to_the_subject_code(code: str, disclosure: DisclosureSpec) -> None:
    for row in _table(disclosure, code).rows:
        if row.kind == "subject":
            assert "".join(str(v) for v in row.values[:3]) == row.subject_code
            assert row.entity_code == row.values[3] == "010001"


def test_07_breaks_its_page_where_the_seed_does(
    seed: SeedDisclosure, disclosure: DisclosureSpec
) -> None:
    table = _table(disclosure, "07")
    pages = seed.table("07").page_row_counts
    assert len(pages) == 2
    assert table.max_rows_per_page == pages[0]
    assert table.rows[pages[0] - 1].subject_code == "210"


def test_empty_tables_print_the_marker(seed: SeedDisclosure, disclosure: DisclosureSpec) -> None:
    for table in disclosure.tables:
        marker_in_seed = any(EMPTY_MARKER in row for row in seed.table(table.code).body_rows)
        assert table.is_empty == marker_in_seed
        if table.is_empty:
            assert table.rows[-1].kind == "empty_marker"
            assert table.rows[-1].values == (EMPTY_MARKER,)
    assert [r.kind for r in _table(disclosure, "19").rows] == ["total", "empty_marker"]
    assert len(_table(disclosure, "20").rows) == len(_table(disclosure, "21").rows) == 1


def test_the_seeds_arithmetic_errors_are_kept(disclosure: DisclosureSpec) -> None:
    t07 = _table(disclosure, "07")
    office = next(r for r in t07.rows if r.subject_code == "20103")
    items = [r for r in t07.rows if r.subject_code in ("2010301", "2010302")]
    assert _value(t07, office, "合计") == Decimal("3486.75")
    assert sum(_value(t07, r, "合计") for r in items) == Decimal("3485.75")  # type: ignore[misc]
    assert _value(t07, office, "项目支出") == Decimal("1698.66")

    t23 = _table(disclosure, "23")
    total, entity = t23.rows
    project = "年度预算申请/按支出性质分/项目支出"
    assert (total.kind, entity.kind) == ("total", "entity")
    assert _value(t23, total, project) == Decimal("1548.67")
    assert _value(t23, entity, project) == Decimal("1548.57")

    t09 = _table(disclosure, "09")
    admin = next(r for r in t09.rows if r.subject_code == "2010301")
    assert _value(t09, admin, "工资津补贴/合计") == Decimal("1353.00")
    assert _value(t09, admin, "工资津补贴/基本工资") == Decimal("518.00")
    assert _value(t09, admin, "工资津补贴/津贴补贴") == Decimal("385.00")
    assert _value(t09, admin, "工资津补贴/奖金") is None


def test_09_values_sit_under_their_meaning(disclosure: DisclosureSpec) -> None:
    t09 = _table(disclosure, "09")
    total = t09.rows[0]
    assert _value(t09, total, "工资津补贴/绩效工资") is None
    assert _value(t09, total, "社会保障缴费/合计") == Decimal("445.00")
    assert _value(t09, total, "社会保障缴费/机关事业单位基本养老保险缴费") == Decimal("196.00")
    assert _value(t09, total, "住房公积金") == Decimal("190.00")
    assert _value(t09, total, "其他工资福利支出/合计") == Decimal("46.48")
    assert _value(t09, total, "其他工资福利支出/伙食补助费") == Decimal("46.48")


def test_02_carry_over_sits_under_its_meaning(disclosure: DisclosureSpec) -> None:
    t02 = _table(disclosure, "02")
    for row in t02.rows:
        assert _value(t02, row, "本年收入/其他收入") is None
        assert _value(t02, row, "上年结转结余/小计") == Decimal("603.13")
        assert _value(t02, row, "上年结转结余/一般公共预算") == Decimal("603.13")
