"""Regression tests, each named after the bug it pins (found on real disclosures)."""

from __future__ import annotations

from collections.abc import Sequence

from disclosure.grid import Grid, GridCell
from disclosure.headers import header_row_count
from disclosure.model import BBox
from disclosure.page import PageContent
from disclosure.tables import pages_to_tables
from disclosure.template import load_template

WIDTH = 60.0
HEIGHT = 15.0


def grid(rows: Sequence[Sequence[str | tuple[str, int]]], top: float = 100.0) -> Grid:
    """A ruled grid from rows of cell texts; `(text, colspan)` for a merged cell."""
    cols = sum(c[1] if isinstance(c, tuple) else 1 for c in rows[0])
    cells = []
    for r, row in enumerate(rows):
        col = 0
        for cell in row:
            text, span = cell if isinstance(cell, tuple) else (cell, 1)
            box = BBox(col * WIDTH, top + r * HEIGHT, (col + span) * WIDTH, top + (r + 1) * HEIGHT)
            cells.append(GridCell(r, col, 1, span, box, text))
            col += span
    col_edges = tuple(i * WIDTH for i in range(cols + 1))
    row_edges = tuple(top + i * HEIGHT for i in range(len(rows) + 1))
    return Grid(BBox(0, top, cols * WIDTH, row_edges[-1]), row_edges, col_edges, tuple(cells))


def page(page_no: int, *grids: Grid) -> PageContent:
    return PageContent(page_no, 842.0, 595.0, (), tuple(grids), char_count=100, image_count=0)


def test_excel_exported_pages_each_with_a_caption_inside_the_frame_are_separate_tables() -> None:
    # Jiangsu's Excel exports print each table's title as a first row inside its frame: two
    # consecutive one-table pages with equal column widths used to be joined into one table.
    header = ["项目", "预算数", "备注"]
    income = grid([[("收入预算总表", 3)], header, ["一般公共预算", "10.00", ""]])
    spending = grid([[("支出预算总表", 3)], header, ["基本支出", "7.00", ""]])

    tables = pages_to_tables([page(1, income), page(2, spending)], load_template("hunan"), None)

    assert [t.title for t in tables] == ["收入预算总表", "支出预算总表"]
    assert [len(t.cells) for t in tables] == [3, 3]


def test_a_header_row_opening_with_heji_is_a_heading_not_a_total_row() -> None:
    # A header whose first cell reads 合计 (a column heading) was taken for a 合计 total row,
    # leaving the table without a header.
    table = grid([["合计", "基本支出", "项目支出"], ["12.00", "7.00", "5.00"]])
    assert header_row_count(table) == 1
