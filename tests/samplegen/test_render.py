"""Rendered fixture PDFs, read back with pdfplumber itself (not the project's extractor)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from disclosure.headers import tree_to_grid
from disclosure.text import squeeze
from samplegen import render
from samplegen.render import (
    CELL_PADDING,
    MIN_FONT_SIZE,
    RenderReport,
    cjk_font_path,
    render_disclosure,
    rows_to_pages,
)
from samplegen.spec import (
    EMPTY_MARKER,
    AmountFormat,
    ColumnMeaning,
    DisclosureSpec,
    FrontMatter,
    Layout,
    RowSpec,
    TableSpec,
    empty_table_rows,
    printed_text,
    template_table,
)

LONG_NAME = "机关事业单位基本养老保险缴费支出" * 3  # wider than any text column is allowed
SUBJECT_NAMES = ("行政运行", "一般行政管理事务", "信访业务", "培训支出", "住房公积金")


def unit(*tables: TableSpec, layout: Layout | None = None) -> DisclosureSpec:
    return DisclosureSpec(
        year=2024,
        unit_code="010",
        unit_name="湖南省信访局",
        phone="0731-81125819",
        tables=tables,
        layout=layout or Layout(),
    )


def amounts(*printed: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(p) for p in printed)


def table_07() -> TableSpec:
    """一般公共预算支出表: three header rows with merged cells, a wrapped subject name."""
    rows = [
        RowSpec(
            ("", "合计", *amounts("4717.89", "2566.19", "2034.48", "162.72", "368.99", "2151.70")),
            kind="total",
        ),
        RowSpec(
            (
                "2010301",
                "行政运行",
                *amounts("1788.08", "1787.19", "1399.48", "18.72", "368.99", "0.89"),
            ),
            subject_code="2010301",
        ),
        RowSpec(
            ("2080505", LONG_NAME, *amounts("196.00", "196.00", "196.00"), None, None, None),
            subject_code="2080505",
        ),
    ]
    return template_table("07", rows, notes=("注：支出包括当年预算和上年结转安排的所有支出。",))


def long_table_03(count: int = 120, **flags: object) -> TableSpec:
    """支出总表 with `count` subject rows and explicit column widths (700 of 770 pt)."""
    rows = [
        RowSpec(
            (
                f"2{i:06d}",
                SUBJECT_NAMES[i % len(SUBJECT_NAMES)],
                Decimal(i) * Decimal("1234.56"),
                Decimal(i) + Decimal("0.25"),
                None,
                None,
                None,
                None,
            ),
            subject_code=f"2{i:06d}",
        )
        for i in range(1, count + 1)
    ]
    widths = (60.0, 160.0, 80.0, 80.0, 80.0, 80.0, 80.0, 80.0)
    return template_table("03", rows, column_widths=widths, **flags)


def table_19_empty() -> TableSpec:
    width = len(template_table("19", []).column_paths)
    return template_table("19", empty_table_rows(width), is_empty=True)


@dataclasses.dataclass
class Rendered:
    spec: DisclosureSpec
    path: Path
    report: RenderReport
    pdf: pdfplumber.PDF

    def page(self, number: int) -> pdfplumber.page.Page:
        return self.pdf.pages[number - 1]

    def pages_of(self, code: str) -> list[pdfplumber.page.Page]:
        first, last = self.report.table_pages[code]
        return [self.page(n) for n in range(first, last + 1)]


def rendered(spec: DisclosureSpec, path: Path) -> Iterator[Rendered]:
    report = render_disclosure(spec, path)
    with pdfplumber.open(path) as pdf:
        yield Rendered(spec, path, report, pdf)


@pytest.fixture(scope="module")
def disclosure(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rendered]:
    """Cover, contents, 07 (merged header), 03 (120 rows, repeats on), 19 (empty)."""
    spec = unit(table_07(), long_table_03(), table_19_empty())
    yield from rendered(spec, tmp_path_factory.mktemp("render") / spec.file_name)


@pytest.fixture(scope="module")
def bare_continuations(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rendered]:
    """The long table again, continuation pages without title and without header."""
    table = long_table_03(repeat_title=False, repeat_header=False)
    spec = unit(table, layout=Layout(table_of_contents=False))
    yield from rendered(spec, tmp_path_factory.mktemp("bare") / spec.file_name)


def lines(page: pdfplumber.page.Page) -> list[str]:
    return page.extract_text().splitlines()


def only_table(page: pdfplumber.page.Page) -> pdfplumber.table.Table:
    tables = page.find_tables()
    assert len(tables) == 1
    return tables[0]


def texts(rows: list[list[str | None]]) -> list[list[str | None]]:
    """Cell texts as a reader joins them: wrap newlines removed (CJK joins with '')."""
    return [[None if c is None else squeeze(c) for c in row] for row in rows]


def expected_rows(table: TableSpec) -> list[list[str | None]]:
    width = len(table.column_paths)
    return [
        [squeeze(table.text_of(row.values[0]))] + [None] * (width - 1)
        if row.merged
        else [squeeze(table.text_of(v)) for v in row.values]
        for row in table.rows
    ]


def expected_header(table: TableSpec) -> list[list[str | None]]:
    grid = tree_to_grid(table.header)
    rows: list[list[str | None]] = [[None] * grid.cols for _ in range(grid.rows)]
    for cell in grid.cells:
        rows[cell.row][cell.col] = squeeze(cell.text)
    return rows


def cell_of(table: pdfplumber.table.Table, char: dict) -> tuple[float, float, float, float]:
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    cells = [c for c in table.cells if c[0] < x < c[2] and c[1] < y < c[3]]
    assert len(cells) == 1, char["text"]
    return cells[0]


def chars_in(page: pdfplumber.page.Page, bbox: tuple[float, float, float, float]) -> list[dict]:
    return page.within_bbox(bbox).chars


def word_and_cell(
    page: pdfplumber.page.Page, table: pdfplumber.table.Table, text: str
) -> tuple[dict, tuple[float, float, float, float]]:
    """The first printed `text` on the page, and the table cell it sits in."""
    word = page.search(text)[0]
    first_char = chars_in(page, (word["x0"], word["top"], word["x1"], word["bottom"]))[0]
    return word, cell_of(table, first_char)


# --- fonts and plain-text pages -------------------------------------------------------------


def test_font_is_an_embedded_truetype_subset(disclosure: Rendered) -> None:
    fonts = {c["fontname"] for page in disclosure.pdf.pages for c in page.chars}
    assert fonts and all(re.fullmatch(r"[A-Z]{6}\+\S+", f) for f in fonts)
    assert b"/FontFile2" in disclosure.path.read_bytes()
    assert "(cid:" not in disclosure.page(3).extract_text()


def test_cover_prints_year_and_unit(disclosure: Rendered) -> None:
    assert lines(disclosure.page(1)) == [
        "2024 年省级单位预算公开表",
        "单位代码： 010",
        "单位名称： 湖南省信访局",
        "联系电话： 0731-81125819",
    ]


def test_contents_page_is_plain_unruled_text(disclosure: Rendered) -> None:
    page = disclosure.page(2)
    assert lines(page) == [
        "2024年单位预算公开表目录",
        "一、部门预算报表",
        "1. 预算07表 一般公共预算支出表",
        "2. 预算03表 支出总表",
        "3. 预算19表 财政专户管理资金预算支出表",
    ]
    assert page.lines == [] and page.rects == [] and page.find_tables() == []


def test_table_page_opens_with_label_title_and_unit_line(disclosure: Rendered) -> None:
    (page,) = disclosure.pages_of("07")
    assert lines(page)[:3] == [
        "预算07表",
        "一般公共预算支出表",
        "填报部门：湖南省信访局 单位：万元",
    ]
    assert lines(page)[-1] == "注：支出包括当年预算和上年结转安排的所有支出。"


# --- the ruled grid ---------------------------------------------------------------------------


def test_merged_header_cells_come_back_as_single_cells(disclosure: Rendered) -> None:
    spec = disclosure.spec.tables[0]
    (page,) = disclosure.pages_of("07")
    table = only_table(page)
    grid = tree_to_grid(spec.header)
    assert len(table.cells) == len(grid.cells) + len(spec.rows) * len(spec.column_paths)
    assert texts(table.extract()[: grid.rows]) == expected_header(spec)

    def cell_holding(text: str) -> tuple[float, float, float, float]:
        return word_and_cell(page, table, text)[1]

    basic, subtotal, public = (
        cell_holding("基本支出"),
        cell_holding("小计"),
        cell_holding("公用经费"),
    )
    assert (basic[0], basic[2]) == (subtotal[0], public[2])  # one cell over four leaf columns
    code, welfare = cell_holding("科目编码"), cell_holding("工资福利支出")
    assert (code[1], code[3]) == (basic[1], welfare[3])  # one cell down three header rows


def test_body_rows_read_back_as_printed(disclosure: Rendered) -> None:
    spec = disclosure.spec.tables[0]
    (page,) = disclosure.pages_of("07")
    grid = tree_to_grid(spec.header)
    assert texts(only_table(page).extract()[grid.rows :]) == expected_rows(spec)


def test_amounts_are_right_aligned_and_text_left_aligned(disclosure: Rendered) -> None:
    (page,) = disclosure.pages_of("07")
    table = only_table(page)
    amount, amount_cell = word_and_cell(page, table, "1,788.08")
    label, label_cell = word_and_cell(page, table, "行政运行")
    assert amount_cell[2] - amount["x1"] == pytest.approx(CELL_PADDING, abs=0.05)
    assert amount["x0"] - amount_cell[0] > 5 * CELL_PADDING
    assert label["x0"] - label_cell[0] == pytest.approx(CELL_PADDING, abs=0.05)


def test_wrapped_text_stays_in_one_cell(disclosure: Rendered) -> None:
    (page,) = disclosure.pages_of("07")
    table = only_table(page)
    extracted = table.extract()
    index = next(i for i, row in enumerate(extracted) if row[0] == "2080505")
    assert "\n" in extracted[index][1] and extracted[index][1].replace("\n", "") == LONG_NAME
    name_cell = table.rows[index].cells[1]
    assert name_cell is not None
    chars = chars_in(page, name_cell)
    assert "".join(c["text"] for c in chars) == LONG_NAME
    assert len({round(c["top"], 1) for c in chars}) >= 2  # several lines, one cell


def test_every_char_sits_inside_its_cell_with_padding(disclosure: Rendered) -> None:
    for code in ("07", "03", "19"):
        for page in disclosure.pages_of(code)[:2]:
            table = only_table(page)
            for char in page.within_bbox(table.bbox).chars:
                x0, top, x1, bottom = cell_of(table, char)
                assert char["x0"] >= x0 + 1.5 and char["x1"] <= x1 - 1.5, char["text"]
                assert char["top"] >= top + 1.5 and char["bottom"] <= bottom - 1.5, char["text"]


def test_explicit_column_widths_are_used_and_centred(disclosure: Rendered) -> None:
    table = only_table(disclosure.pages_of("03")[0])
    xs = sorted({round(x, 2) for c in table.cells for x in (c[0], c[2])})
    assert xs == [71.0, 131.0, 291.0, 371.0, 451.0, 531.0, 611.0, 691.0, 771.0]


def test_empty_table_marker_is_one_cell_across_the_table(disclosure: Rendered) -> None:
    spec = disclosure.spec.tables[2]
    (page,) = disclosure.pages_of("19")
    table = only_table(page)
    rows = texts(table.extract())
    assert rows[-2:] == expected_rows(spec)
    _, marker_cell = word_and_cell(page, table, EMPTY_MARKER)
    assert (marker_cell[0], marker_cell[2]) == (table.bbox[0], table.bbox[2])


# --- page breaks ------------------------------------------------------------------------------


def body_rows(pages: list[pdfplumber.page.Page], header_rows: list[int]) -> list[list[str | None]]:
    rows = []
    for page, skip in zip(pages, header_rows, strict=True):
        rows.extend(texts(only_table(page).extract())[skip:])
    return rows


def test_long_table_repeats_title_and_header(disclosure: Rendered) -> None:
    spec = disclosure.spec.tables[1]
    pages = disclosure.pages_of("03")
    assert len(pages) >= 3
    header = expected_header(spec)
    for page in pages:
        assert lines(page)[:2] == ["预算03表", "支出总表"]
        assert texts(only_table(page).extract()[:1]) == header
    assert body_rows(pages, [1] * len(pages)) == expected_rows(spec)


def test_long_table_without_repeats_continues_bare(bare_continuations: Rendered) -> None:
    spec = bare_continuations.spec.tables[0]
    pages = bare_continuations.pages_of("03")
    assert len(pages) >= 3
    assert lines(pages[0])[:2] == ["预算03表", "支出总表"]
    for page in pages[1:]:
        text = page.extract_text()
        assert "支出总表" not in text and "预算03表" not in text and "科目编码" not in text
    assert body_rows(pages, [1] + [0] * (len(pages) - 1)) == expected_rows(spec)


def test_max_rows_per_page_forces_breaks(tmp_path: Path) -> None:
    spec = unit(long_table_03(10, max_rows_per_page=4), layout=Layout(table_of_contents=False))
    report = render_disclosure(spec, tmp_path / "max.pdf")
    assert report.page_count == 4 and report.table_pages == {"03": (2, 4)}
    with pdfplumber.open(tmp_path / "max.pdf") as pdf:
        counts = [len(only_table(p).rows) - 1 for p in pdf.pages[1:]]
    assert counts == [4, 4, 2]


def test_tables_share_a_page_when_they_fit(tmp_path: Path) -> None:
    spec = unit(
        table_07(),
        table_19_empty(),
        template_table("14", empty_table_rows(8)),
        layout=Layout(tables_share_pages=True, table_of_contents=False),
    )
    report = render_disclosure(spec, tmp_path / "shared.pdf")
    assert report.table_pages == {"07": (2, 2), "19": (2, 2), "14": (2, 2)}
    with pdfplumber.open(tmp_path / "shared.pdf") as pdf:
        found = sorted(pdf.pages[1].find_tables(), key=lambda t: t.bbox[1])
        assert len(found) == 3
        for table, spec_table in zip(found, spec.tables, strict=True):
            depth = tree_to_grid(spec_table.header).rows
            assert texts(table.extract()[depth:]) == expected_rows(spec_table)


def test_rows_to_pages_keeps_the_first_row_with_the_header() -> None:
    # Below another table: no room for the first row → start on a new page instead.
    assert rows_to_pages([20, 20], [False, False], 10, 100, fresh_page=False) is None
    assert rows_to_pages([20, 20], [False, False], 10, 100) == [range(0, 1), range(1, 2)]


def test_rows_to_pages_keeps_notes_with_the_last_row() -> None:
    assert rows_to_pages([10, 10, 10], [False] * 3, 30, 100, tail=5) == [range(0, 2), range(2, 3)]


def test_rows_to_pages_never_strands_a_lone_merged_row() -> None:
    chunks = rows_to_pages([10, 10, 10], [False, False, True], 25, 100, header_repeats=False)
    assert chunks == [range(0, 1), range(1, 3)]


# --- layout fallbacks, determinism, writing ---------------------------------------------------


def test_font_shrinks_when_columns_do_not_fit(tmp_path: Path) -> None:
    big = Decimal("123456789012.34")
    width = len(template_table("04", []).column_paths)
    rows = [RowSpec(("010", "湖南省信访局", *([big] * (width - 2))))]
    table = template_table("04", rows)
    spec = unit(table, layout=Layout(table_of_contents=False))
    render_disclosure(spec, tmp_path / "shrunk.pdf")
    with pdfplumber.open(tmp_path / "shrunk.pdf") as pdf:
        page = pdf.pages[1]
        grid = only_table(page)
        depth = tree_to_grid(table.header).rows
        assert texts(grid.extract()[depth:]) == expected_rows(table)
        (size,) = {c["size"] for c in page.within_bbox(grid.bbox).chars}
        assert MIN_FONT_SIZE <= size < table.font_size


def test_a_row_taller_than_a_page_names_the_table(tmp_path: Path) -> None:
    widths = (40.0, 40.0, 40.0, 40.0, 40.0, 40.0, 40.0, 40.0)
    rows = [RowSpec(("201", "信访" * 5000, None, None, None, None, None, None))]
    spec = unit(template_table("03", rows, column_widths=widths))
    with pytest.raises(ValueError, match=r"table 03 \(支出总表\)"):
        render_disclosure(spec, tmp_path / "tall.pdf")


def test_same_spec_renders_same_bytes(tmp_path: Path) -> None:
    spec = unit(table_07(), table_19_empty())
    render_disclosure(spec, tmp_path / "a.pdf")
    render_disclosure(spec, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_write_replaces_whole_files_and_leaves_no_temporaries(tmp_path: Path) -> None:
    target = tmp_path / "unit.pdf"
    target.write_bytes(b"old")
    render_disclosure(unit(table_19_empty()), target)
    assert target.read_bytes().startswith(b"%PDF-")
    before = target.read_bytes()

    columns = len(template_table("19", []).column_paths)
    too_wide = template_table("19", [], column_widths=(200.0,) * columns)
    with pytest.raises(ValueError, match="column_widths"):
        render_disclosure(unit(too_wide), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["unit.pdf"]


def test_missing_font_says_how_to_install_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(render.FONT_ENV, raising=False)
    monkeypatch.setattr(render, "KNOWN_FONT_PATHS", ())
    with pytest.raises(RuntimeError, match="apt-get install fonts-wqy-zenhei"):
        cjk_font_path()
    monkeypatch.setenv(render.FONT_ENV, "/nonexistent/font.ttc")
    with pytest.raises(RuntimeError, match="BUDGET_CJK_FONT"):
        cjk_font_path()


# --- other formats: labels, titles, the grid's title row, amounts, the front pages -------------


def other_format(**flags: object) -> TableSpec:
    """支出总表 as other software prints it: its own label, unit and info lines, amounts."""
    money = amounts("1234567.00", "1000000.00", "234567.00")
    rows = [
        RowSpec(("", "合计", *money, None, None, None), kind="total"),
        RowSpec(("201", "一般公共服务支出", *money, None, None, None)),
    ]
    return dataclasses.replace(template_table("03", rows), **flags)  # type: ignore[arg-type]


def first_page_lines(table: TableSpec, tmp_path: Path) -> tuple[list[str], Rows, int]:
    """The lines and the grid of the one page `table` prints on, without a cover."""
    spec = dataclasses.replace(
        unit(table, layout=Layout(table_of_contents=False)), front=FrontMatter(cover=())
    )
    report = render_disclosure(spec, tmp_path / "one.pdf")
    with pdfplumber.open(tmp_path / "one.pdf") as pdf:
        page = pdf.pages[0]
        return lines(page), texts(only_table(page).extract()), report.page_count


Rows = list[list[str | None]]


def test_a_label_below_the_title_and_other_caption_lines(tmp_path: Path) -> None:
    table = other_format(
        label="公开03表",
        label_at="below",
        title="2026年部门支出总表",
        info_line="编制单位：杭州市气象局",
        unit_line="单位:元",
        amount_format=AmountFormat(0),
    )
    printed, grid, pages = first_page_lines(table, tmp_path)
    assert pages == 1  # no cover
    assert printed[:2] == ["2026年部门支出总表", "编制单位：杭州市气象局 公开03表 单位:元"]
    assert grid[1:] == expected_rows(table)
    assert grid[1][2:5] == ["1,234,567", "1,000,000", "234,567"]


def test_a_label_line_of_its_own_and_a_wrapped_title(tmp_path: Path) -> None:
    table = other_format(
        label="表三", label_at="above_centre", title="2026年预算单位\n支出总体情况表"
    )
    printed, _, _ = first_page_lines(table, tmp_path)
    assert printed[:3] == ["表三", "2026年预算单位", "支出总体情况表"]


def test_a_title_drawn_as_the_grids_first_row(tmp_path: Path) -> None:
    table = other_format(title="支出总表", title_in_grid=True, info_line="", code_label=False)
    printed, grid, _ = first_page_lines(table, tmp_path)
    width = len(table.column_paths)
    assert grid[0] == ["支出总表", *([None] * (width - 1))]
    assert grid[1] == expected_header(table)[0]
    assert grid[2:] == expected_rows(table)
    assert printed[0] == "单位：万元"  # nothing above the grid but the unit line


def test_amounts_print_in_the_tables_own_format() -> None:
    six = AmountFormat(6, separators=False)
    assert printed_text(Decimal("590.715374"), six) == "590.715374"
    assert printed_text(Decimal("189767551"), AmountFormat(0)) == "189,767,551"
    assert printed_text(Decimal("-12.30")) == "-12.30"
    with pytest.raises(ValueError, match="0 to 6 decimals"):
        AmountFormat(7)


def test_a_cover_and_contents_of_the_documents_own(tmp_path: Path) -> None:
    table = other_format(label="表1", title="收支总表")
    spec = dataclasses.replace(
        unit(table),
        front=FrontMatter(cover=("杭州市气象局", "2026年度部门预算"), contents_title="目录"),
    )
    render_disclosure(spec, tmp_path / "front.pdf")
    with pdfplumber.open(tmp_path / "front.pdf") as pdf:
        assert lines(pdf.pages[0]) == ["杭州市气象局", "2026年度部门预算"]
        assert lines(pdf.pages[1]) == ["目录", "表1 收支总表"]


def test_column_meanings_are_checked() -> None:
    with pytest.raises(ValueError, match="column kind"):
        ColumnMeaning("money")
    with pytest.raises(ValueError, match="measures nothing"):
        ColumnMeaning("code", measure="total")
    with pytest.raises(ValueError, match="stage"):
        ColumnMeaning("amount", "total", stage="planned")
    with pytest.raises(ValueError, match="column meanings"):
        other_format(columns=(ColumnMeaning("code"),))
