"""Declarative disclosure specs: what a sample PDF prints, and what extraction must return.

A spec reads like the disclosure it describes: a cover (year, unit code/name, phone), then
tables, each with its template header tree, body rows and notes. `Decimal` values are money and
print as `4,099.76`; strings print as they are (wrapped to the column width).
`expected_cells` is the ground truth the round-trip tests compare extraction against.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from disclosure.headers import HeaderNode, tree_to_paths
from disclosure.template import load_template
from disclosure.text import squeeze

Value = str | Decimal | None

EMPTY_MARKER = "本部门无相关情况，故为空表"


def format_amount(amount: Decimal) -> str:
    """How a 万元 amount is printed: thousands separators, two decimals."""
    return f"{amount:,.2f}"


def printed_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_amount(value)
    return value


@dataclass(frozen=True)
class RowSpec:
    """One printed body row: a value per leaf column, and what the row means."""

    values: tuple[Value, ...]
    kind: str = "subject"  # total | unit | entity | subject | item | empty_marker
    subject_code: str | None = None  # the full code extraction must return (3/5/7 digits)
    entity_code: str | None = None
    merged: bool = False  # printed as one cell across the whole row (the empty-table marker)


@dataclass(frozen=True)
class TableSpec:
    code: str  # '01'..'23'
    title: str
    header: tuple[HeaderNode, ...]
    rows: tuple[RowSpec, ...]
    notes: tuple[str, ...] = ()
    unit_line: str = "单位：万元"  # some tables print 金额单位：万元
    is_empty: bool = False
    # layout of this table
    font_size: float = 7.0
    column_widths: tuple[float, ...] | None = None  # points; None = sized from the content
    repeat_title: bool = True  # on continuation pages
    repeat_header: bool = True  # on continuation pages
    code_label: bool = True  # print `预算NN表` above the title
    max_rows_per_page: int | None = None  # force earlier page breaks (long-table tests)
    # The template column each printed column means (None: none); None when the header is the
    # template's own, so that every printed path is its template path.
    template_paths: tuple[str | None, ...] | None = None

    @property
    def column_paths(self) -> list[str]:
        return tree_to_paths(self.header)

    @property
    def meanings(self) -> list[str | None]:
        """The template path of each printed column."""
        if self.template_paths is None:
            return list(self.column_paths)
        return list(self.template_paths)

    def __post_init__(self) -> None:
        width = len(self.column_paths)
        for i, row in enumerate(self.rows):
            if row.merged:
                if len(row.values) != 1:
                    raise ValueError(f"table {self.code} row {i + 1}: a merged row has one value")
            elif len(row.values) != width:
                raise ValueError(
                    f"table {self.code} row {i + 1}: {len(row.values)} values for {width} columns"
                )
        if self.column_widths is not None and len(self.column_widths) != width:
            raise ValueError(f"table {self.code}: {len(self.column_widths)} widths for {width}")
        if self.template_paths is not None and len(self.template_paths) != width:
            raise ValueError(f"table {self.code}: {len(self.template_paths)} meanings for {width}")


@dataclass(frozen=True)
class Layout:
    """Page geometry and flow. Defaults: A4 landscape, each table starting on a new page."""

    page_width: float = 842.0
    page_height: float = 595.0
    margin_left: float = 36.0
    margin_right: float = 36.0
    margin_top: float = 40.0
    margin_bottom: float = 36.0
    title_font_size: float = 14.0
    tables_share_pages: bool = False  # start a table below the previous one when it fits
    table_of_contents: bool = True
    # How the printing software draws (samplegen.variants draws other choices):
    font: str | None = None  # a font file name, e.g. 'uming.ttc'; None: the default CJK font
    ruling: str = "lines"  # lines | rects: rules drawn as thin filled rectangles
    leading: float = 1.25  # line pitch inside cells, as a multiple of the font size
    amount_align: str = "right"  # right | centre
    # Page furniture, on every page but the cover; `{n}` is the page, `{total}` the page count.
    page_number: str | None = None  # e.g. '第 {n} 页', '- {n} -', '{n}/{total}'
    page_number_at: str = "bottom"  # bottom | top
    running_header: str | None = None  # a line atop every page, e.g. '湖南省信访局2024年部门预算'
    running_footer: str | None = None

    def __post_init__(self) -> None:
        if self.ruling not in ("lines", "rects"):
            raise ValueError(f"ruling is lines or rects, not {self.ruling!r}")
        if self.amount_align not in ("right", "centre"):
            raise ValueError(f"amount_align is right or centre, not {self.amount_align!r}")
        if self.page_number_at not in ("bottom", "top"):
            raise ValueError(f"page_number_at is bottom or top, not {self.page_number_at!r}")


@dataclass(frozen=True)
class DisclosureSpec:
    year: int
    unit_code: str
    unit_name: str
    phone: str
    tables: tuple[TableSpec, ...]
    layout: Layout = field(default_factory=Layout)
    template: str = "hunan"

    @property
    def file_name(self) -> str:
        return f"{self.year}_{self.unit_code}_{self.unit_name}.pdf"


@dataclass(frozen=True)
class ExpectedCell:
    table_code: str
    row_no: int
    column_no: int
    column_path: str
    template_path: str | None
    text: str
    amount: Decimal | None
    subject_code: str | None
    row_kind: str


def empty_table_rows(width: int, with_total_row: bool = True) -> tuple[RowSpec, ...]:
    """The rows an empty table prints: optionally a bare 合计 row, then the marker."""
    rows: list[RowSpec] = []
    if with_total_row:
        rows.append(RowSpec(("", "合计", *([None] * (width - 2))), kind="total"))
    rows.append(RowSpec((EMPTY_MARKER,), kind="empty_marker", merged=True))
    return tuple(rows)


def template_table(code: str, rows: Sequence[RowSpec], **kwargs: Any) -> TableSpec:
    """A TableSpec with the template's title and header for `code`."""
    table = load_template("hunan").table(code)
    return TableSpec(code=code, title=table.title, header=table.header, rows=tuple(rows), **kwargs)


def expected_cells(spec: DisclosureSpec) -> Iterator[ExpectedCell]:
    """Every printed body cell, as extraction must return it."""
    for table in spec.tables:
        paths = table.column_paths
        meanings = table.meanings
        for row_no, row in enumerate(table.rows, start=1):
            for column_no, value in enumerate(row.values, start=1):
                text = squeeze(printed_text(value))
                yield ExpectedCell(
                    table_code=table.code,
                    row_no=row_no,
                    column_no=column_no,
                    column_path=paths[column_no - 1],
                    template_path=meanings[column_no - 1],
                    text=text,
                    amount=value if isinstance(value, Decimal) else None,
                    subject_code=row.subject_code,
                    row_kind=row.kind,
                )
