"""A table as printed, from its leaf columns' paths and its cells: merged header cells, amounts
shown as printed."""

from __future__ import annotations

from decimal import Decimal

from browse.printed import HeaderCell, format_amount, header_rows, printed_table


def test_a_header_text_spans_its_leaves_and_a_short_path_spans_the_rows_below() -> None:
    paths = ["科目编码", "科目名称", "合计", "基本支出/人员经费", "基本支出/公用经费", "项目支出"]
    assert header_rows(paths) == (
        (
            HeaderCell("科目编码", 1, 2),
            HeaderCell("科目名称", 1, 2),
            HeaderCell("合计", 1, 2),
            HeaderCell("基本支出", 2, 1),
            HeaderCell("项目支出", 1, 2),
        ),
        (HeaderCell("人员经费"), HeaderCell("公用经费")),
    )
    # Two sides of a 收支总表, each with its own 项目 | 预算数.
    two_sides = header_rows(["收入/项目", "收入/预算数", "支出/项目", "支出/预算数"])
    assert two_sides[0] == (HeaderCell("收入", 2, 1), HeaderCell("支出", 2, 1))
    assert len(two_sides[1]) == 4


def test_amounts_show_with_separators_and_the_decimals_printed() -> None:
    assert format_amount(Decimal("4099.76"), "4,099.76") == "4,099.76"
    assert format_amount(Decimal("189767551.00"), "189,767,551") == "189,767,551"  # 元, whole
    assert format_amount(Decimal("12.30"), "12.3") == "12.30"
    assert format_amount(Decimal("1.23"), "1.234567") == "1.234567"  # Beijing prints six


def test_cells_land_in_their_rows_and_columns() -> None:
    table = {
        "table_no": 3,
        "table_code": "03",
        "title": "支出总表",
        "standard_table": "支出总表",
        "unit_label": "万元",
        "page_from": 5,
        "page_to": 5,
        "column_count": 3,
        "is_empty": False,
        "notes": ["注：…"],
    }
    cells = [
        {"row_no": 1, "column_no": 1, "column_path": "科目", "text": "合计", "amount": None,
         "page_no": 5},
        {"row_no": 1, "column_no": 3, "column_path": "金额/本年", "text": "1,000.00",
         "amount": Decimal("1000.00"), "page_no": 5},
        {"row_no": 2, "column_no": 2, "column_path": "金额/上年", "text": "", "amount": None,
         "page_no": 5},
    ]  # fmt: skip
    printed = printed_table(table, cells)
    assert printed.columns == ("科目", "金额/上年", "金额/本年")
    assert [[c.shown if c else None for c in row] for row in printed.rows] == [
        ["合计", None, "1,000.00"],
        [None, "", None],
    ]
    assert printed.amount_columns == (False, False, True)
    assert printed.header[0][1] == HeaderCell("金额", 2, 1)
