"""Declarative disclosure specs: what a sample PDF prints, and what extraction must return.

A spec reads like the disclosure it describes: a cover (year, unit code/name, phone), then
tables, each with its template header tree, body rows and notes. `Decimal` values are money and
print as `4,099.76` (a table's `AmountFormat` may print them with other decimals, or without
separators); strings print as they are (wrapped to the column width).
`expected_cells` is the ground truth the round-trip tests compare extraction against.

What each printed thing means, beyond its text, is said where it is printed: a table's
`standard_table` (the national standard table it is) and `columns` (what each leaf column
holds and measures), a row's `kind` and codes, a disclosure's `kind` (预算 | 决算), `scope` and
`publisher`. Specs without them (the Hunan ones) print and read as before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from disclosure.headers import HeaderNode, tree_to_paths
from disclosure.template import load_template
from disclosure.text import squeeze
from samplegen import standard

Value = str | Decimal | None

EMPTY_MARKER = "本部门无相关情况，故为空表"


def format_amount(amount: Decimal) -> str:
    """How a 万元 amount is printed: thousands separators, two decimals."""
    return f"{amount:,.2f}"


@dataclass(frozen=True)
class AmountFormat:
    """How a table prints its amounts: `decimals` places, with or without thousands
    separators (`4,099.76`, `4099.76`, `189,767,551`, `590.715374`)."""

    decimals: int = 2
    separators: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.decimals <= 6:
            raise ValueError(f"an amount prints 0 to 6 decimals, not {self.decimals}")

    def text(self, amount: Decimal) -> str:
        if self.separators:
            return f"{amount:,.{self.decimals}f}"
        return f"{amount:.{self.decimals}f}"


DEFAULT_AMOUNTS = AmountFormat()


def printed_text(value: Value, amounts: AmountFormat = DEFAULT_AMOUNTS) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return amounts.text(value)
    return value


# What a leaf column holds (ColumnMeaning.kind). `numbering` is a 行次 column or the numbers of
# a 栏次 row: row and column numbers, never amounts.
COLUMN_KINDS = frozenset({"code", "label", "amount", "text", "numbering"})
# Which figure of the year an amount column is (ColumnMeaning.stage): a budget's 预算数; a 决算's
# 年初预算数, 调整预算数, 全年预算数 (年初 + 调整) and 决算数 (samplegen.standard.STAGES).
STAGES = frozenset(standard.STAGES)


@dataclass(frozen=True)
class ColumnMeaning:
    """What a printed leaf column means, whatever its header says.

    `measure` uses the templates' vocabulary (`total`, `basic`, `project`, `income`, …; see
    samplegen/standard.py for the list); `stage` says which figure of the year it is.
    """

    kind: str
    measure: str | None = None
    stage: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in COLUMN_KINDS:
            raise ValueError(f"column kind {self.kind!r} is not one of {sorted(COLUMN_KINDS)}")
        if self.stage is not None and self.stage not in STAGES:
            raise ValueError(f"stage {self.stage!r} is not one of {sorted(STAGES)}")
        if self.kind != "amount" and (self.measure or self.stage):
            raise ValueError(f"a {self.kind} column measures nothing")


@dataclass(frozen=True)
class RowSpec:
    """One printed body row: a value per leaf column, and what the row means."""

    values: tuple[Value, ...]
    kind: str = "subject"  # total | unit | entity | subject | item | empty_marker
    subject_code: str | None = None  # the full code extraction must return (3/5/7 digits)
    # The unit or entity the row belongs to: its own code on unit and entity rows; on the rows
    # of an entity's block (its subjects, its projects) the entity's code, printed or not.
    entity_code: str | None = None
    merged: bool = False  # printed as one cell across the whole row (the empty-table marker)
    # An economic-classification code (部门预算支出经济分类, `301`, `30101`) on an item row:
    # not a 功能分类 subject, though it has as many digits.
    economic_code: str | None = None
    numbering: bool = False  # a 栏次 row: column numbers, never amounts


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
    # How the table is printed beyond its grid (defaults: as Hunan prints it).
    label: str | None = None  # the table's number as printed (`公开01表`, `表一`); None: 预算NN表
    label_at: str = "above"  # above (left) | above_centre (a line of its own) | below (right)
    info_line: str | None = None  # left of the unit line; None: 填报部门：<unit name>; '': none
    title_in_grid: bool = False  # the title printed in a merged first row of the grid
    amount_format: AmountFormat = DEFAULT_AMOUNTS
    # What the table and its columns mean (None: not stated, as for the Hunan template tables).
    standard_table: str | None = None
    columns: tuple[ColumnMeaning, ...] | None = None

    @property
    def column_paths(self) -> list[str]:
        return tree_to_paths(self.header)

    def text_of(self, value: Value) -> str:
        """A cell's printed text, amounts in this table's format."""
        return printed_text(value, self.amount_format)

    @property
    def title_lines(self) -> list[str]:
        return self.title.split("\n")

    @property
    def printed_label(self) -> str | None:
        """The label line printed with the title, if any."""
        if self.label is not None:
            return self.label or None
        return f"预算{self.code}表" if self.code_label else None

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
        if self.columns is not None and len(self.columns) != width:
            raise ValueError(f"table {self.code}: {len(self.columns)} column meanings for {width}")
        if self.label_at not in ("above", "above_centre", "below"):
            raise ValueError(f"label_at is above, above_centre or below, not {self.label_at!r}")


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


class Appendix(Protocol):
    """Pages a disclosure prints after its tables (`samplegen.forms.FormsSpec`), drawn on the
    renderer's pages."""

    def draw(self, pages: Any) -> None: ...


@dataclass(frozen=True)
class FrontMatter:
    """The pages before the tables, when not Hunan's (cover with 单位代码/名称/电话, 目录).

    `cover`: the cover's lines, the first printed large; () prints no cover page.
    `contents`: the 目录 entries; None lists the tables (`label title`).
    """

    cover: tuple[str, ...]
    contents_title: str = "目录"
    contents: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Publisher:
    """Who publishes a disclosure, as its text says (the facts `units` records)."""

    name: str
    printed_code: str | None  # the 单位代码 as printed (`330106001`, `118.001`), or None
    province: str
    city: str | None  # None for a provincial body (and the four municipalities' own bodies)
    county: str | None
    level: str  # 中央 | 省 | 市 | 区县
    region_code: str  # GB/T 2260 code of the lowest level named


@dataclass(frozen=True)
class DisclosureSpec:
    year: int
    unit_code: str
    unit_name: str
    phone: str
    tables: tuple[TableSpec, ...]
    layout: Layout = field(default_factory=Layout)
    template: str = "hunan"
    kind: str = "预算"  # 预算 | 决算
    scope: str = "部门"  # 部门 | 单位
    front: FrontMatter | None = None  # None: Hunan's cover and contents
    publisher: Publisher | None = None
    appendices: tuple[Appendix, ...] = ()  # e.g. performance forms (samplegen.forms)

    @property
    def file_name(self) -> str:
        code = f"_{self.unit_code}" if self.unit_code else ""
        suffix = "_决算" if self.kind == "决算" else ""
        return f"{self.year}{code}_{self.unit_name}{suffix}.pdf"


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
    entity_code: str | None = None
    economic_code: str | None = None
    numbering: bool = False  # a 行次 or 栏次 number, never an amount
    standard_table: str | None = None
    measure: str | None = None
    stage: str | None = None


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
        columns = table.columns
        for row_no, row in enumerate(table.rows, start=1):
            for column_no, value in enumerate(row.values, start=1):
                text = squeeze(table.text_of(value))
                meaning = columns[column_no - 1] if columns and not row.merged else None
                numbering = row.numbering or (meaning is not None and meaning.kind == "numbering")
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
                    entity_code=row.entity_code,
                    economic_code=row.economic_code,
                    numbering=numbering and bool(text),
                    standard_table=table.standard_table,
                    measure=meaning.measure if meaning and not numbering else None,
                    stage=meaning.stage if meaning and not numbering else None,
                )
