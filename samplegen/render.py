"""Render a `DisclosureSpec` to a PDF that looks like a real 部门预算公开表 disclosure.

The PDFs are the project's fixtures: the extraction library must read them back exactly, so
the geometry is deliberately clean. Every table cell, merged or not, is a closed rectangle of
ruled lines with no line inside it; every character sits strictly inside its cell (2 pt of
padding); nothing outside a table is ruled (the cover, the contents page, titles and notes are
plain text), because the extractor treats ruled grids as tables.

Rendering is deterministic (reportlab `invariant=1`, an embedded TrueType subset of one CJK
font, coordinates rounded to 0.01 pt) and the output file is replaced atomically.

Font-size fallback: a table keeps its `font_size` unless its columns cannot fit the usable
page width, or its tallest row cannot fit a page together with the title and the header; then
its font shrinks in 0.5 pt steps down to `MIN_FONT_SIZE`. Below that, `ValueError` names the
table.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from disclosure.headers import tree_to_grid
from runtime.settings import Settings, env_name
from samplegen.spec import DisclosureSpec, Layout, RowSpec, TableSpec, Value, printed_text
from warehouse.staging import write_bytes_atomically

FONT_ENV = env_name("cjk_font")
KNOWN_FONT_PATHS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
)

CELL_PADDING = 2.0  # pt between a cell's border and its text, on every side
RULE_WIDTH = 0.5
FURNITURE_SIZE = 9.0  # page numbers, running headers and footers
MIN_FONT_SIZE = 4.0
FONT_STEP = 0.5

# Small text outside the tables: the 预算NN表 label, 填报部门/单位 line and notes.
SMALL_SIZE = 9.0
COVER_TITLE_SIZE = 26.0
COVER_LINE_SIZE = 14.0
CONTENTS_TITLE_SIZE = 18.0
CONTENTS_SIZE = 11.0
TABLE_GAP = 24.0  # vertical space between two tables sharing a page
NOTES_GAP = 6.0
SNAP_TOLERANCE = 3.0  # pdfplumber's default snap_tolerance for table edges
EDGE_PITCH = 4.0  # column edges of tables sharing a page fall on this grid (> SNAP_TOLERANCE)

# Column sizing, in em (CJK characters are one em wide).
HEADER_MIN_LINES = 4  # a leaf header may wrap to this many lines when space is short
HEADER_EASY_LINES = 2  # … and to this many when there is room
TEXT_MIN_EM = 4.0  # a wrapping text column is never narrower than this
TEXT_CAP_EM = 18.0  # … and asks for no more than this, unless its text is very long
TEXT_ROW_BUDGET = 0.5  # a long text may take this share of the usable page height

_CODE_LIKE = re.compile(r"[0-9A-Za-z.\-]{1,16}")


@dataclass(frozen=True)
class RenderReport:
    """What was rendered: the page count and, per table code, its first and last page (1-based)."""

    page_count: int
    table_pages: dict[str, tuple[int, int]]


def cjk_font_path() -> Path:
    """The CJK TrueType font to embed: `$BUDGET_CJK_FONT`, else a known Debian location."""
    configured = Settings.load().cjk_font
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise RuntimeError(
                f"{FONT_ENV}={configured} is not a font file: point it at a TrueType "
                ".ttf/.ttc, or unset it and install Debian's fonts-wqy-zenhei "
                "(apt-get install fonts-wqy-zenhei)"
            )
        return path
    for path in KNOWN_FONT_PATHS:
        if path.is_file():
            return path
    raise RuntimeError(
        "no CJK TrueType font found: install Debian's fonts-wqy-zenhei "
        f"(apt-get install fonts-wqy-zenhei) or set {FONT_ENV} to a .ttf/.ttc file"
    )


@dataclass(frozen=True)
class _Font:
    name: str
    descent: float  # below the baseline, as a fraction of the size (positive)


@cache
def _registered_font(path: Path) -> _Font:
    # Registered once per file as an embedded TrueType font: a non-embedded CID font would
    # leave the fixture depending on the reader's fonts.
    name = f"BudgetCJK-{path.stem}"
    font = TTFont(name, str(path), subfontIndex=0)
    pdfmetrics.registerFont(font)
    return _Font(name=name, descent=-font.face.descent / 1000.0)


def _font(name: str | None = None) -> _Font:
    """The embedded CJK font: a font file `name` from the known font folders when present,
    else the configured default (a variant drawn for a font this machine lacks falls back)."""
    if name:
        for folder in {p.parent for p in KNOWN_FONT_PATHS}:
            if (folder / name).is_file():
                return _registered_font(folder / name)
    return _registered_font(cjk_font_path())


def registered_font_name() -> str:
    """The reportlab name of the embedded CJK font, registered on first use."""
    return _font().name


@cache
def _em_width(font_name: str, char: str) -> float:
    return pdfmetrics.stringWidth(char, font_name, 1000.0) / 1000.0


def text_width(text: str, size: float, font_name: str) -> float:
    return sum(_em_width(font_name, ch) for ch in text) * size


def wrap_text(text: str, width: float, size: float, font_name: str) -> list[str]:
    """Break `text` character by character (CJK has no spaces) into lines at most `width` wide.

    Explicit newlines are kept; whitespace at a wrap point is dropped (it is not part of the
    cell's value, which is compared whitespace-free). An empty text has no lines.
    """
    if not text:
        return []
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for ch in paragraph:
            advance = _em_width(font_name, ch) * size
            if line and used + advance > width + 1e-6:
                lines.append("".join(line).rstrip())
                line, used = [], 0.0
                if ch.isspace():
                    continue
            if not line and advance > width + 1e-6:
                raise ValueError(f"{width:.2f} pt is narrower than the character {ch!r}")
            line.append(ch)
            used += advance
        lines.append("".join(line))
    return lines


# ---------------------------------------------------------------------------------------------
# Table layout: font size, column edges, wrapped header and body cells, row heights.


@dataclass(frozen=True)
class _CellBox:
    """A cell on the table's column grid (leaf columns `col`..`col + colspan - 1`)."""

    col: int
    colspan: int
    lines: tuple[str, ...]
    align: str  # left | right | centre


@dataclass(frozen=True)
class _HeaderBox:
    cell: _CellBox
    row: int
    rowspan: int


@dataclass(frozen=True)
class _BodyRow:
    height: float
    cells: tuple[_CellBox, ...]
    merged: bool = False


@dataclass(frozen=True)
class TableLayout:
    table: TableSpec
    font_size: float
    edges: tuple[float, ...]  # x of every column boundary, left to right, absolute
    header_heights: tuple[float, ...]
    header: tuple[_HeaderBox, ...]
    rows: tuple[_BodyRow, ...]

    title_row: float = 0.0  # a title drawn in the grid, atop the header

    @property
    def header_height(self) -> float:
        return sum(self.header_heights) + self.title_row


def _is_no_wrap(value: Value) -> bool:
    # Amounts and codes never wrap: a split `4,0 99.76` or `2010 301` would be misread.
    return isinstance(value, Decimal) or (
        isinstance(value, str) and _CODE_LIKE.fullmatch(value) is not None
    )


def _header_leaves(table: TableSpec) -> list[str]:
    grid = tree_to_grid(table.header)
    leaves = [""] * grid.cols
    for cell in grid.cells:
        if cell.last_row == grid.rows - 1 and cell.colspan == 1:
            leaves[cell.col] = cell.text
    return leaves


def _column_width_bounds(
    table: TableSpec, size: float, font_name: str, usable_height: float, leading_factor: float
) -> tuple[list[float], list[float]]:
    """Per leaf column: the narrowest acceptable width and the width it would like, in pt."""
    em = size
    pad = 2 * CELL_PADDING + 0.05  # the slack survives rounding the edges to 0.01 pt
    leading = size * leading_factor
    budget_lines = max(
        1, math.floor((usable_height * TEXT_ROW_BUDGET - 2 * CELL_PADDING) / leading)
    )
    columns = list(zip(*(r.values for r in table.rows if not r.merged), strict=True)) or [
        () for _ in table.column_paths
    ]
    minimum, desired = [], []
    for leaf, values in zip(_header_leaves(table), columns, strict=True):
        natural = text_width(leaf, size, font_name)
        widest_char = max((_em_width(font_name, ch) * size for ch in leaf), default=em)
        low = min(natural, natural / HEADER_MIN_LINES + widest_char)
        want = min(natural, natural / HEADER_EASY_LINES + widest_char)
        for value in values:
            text = table.text_of(value)
            if not text:
                continue
            if _is_no_wrap(value):
                width = text_width(text, size, font_name)
                low, want = max(low, width), max(want, width)
                continue
            paragraphs = text.split("\n")
            longest = max(text_width(p, size, font_name) for p in paragraphs)
            total = sum(text_width(p, size, font_name) for p in paragraphs)
            # Wide enough that the wrapped text keeps within its share of the page height.
            lines_left = max(1, budget_lines - len(paragraphs) + 1)
            tall = total / lines_left + em
            text_low = min(longest, max(TEXT_MIN_EM * em, tall))
            low = max(low, text_low)
            want = max(want, text_low, min(longest, TEXT_CAP_EM * em))
        minimum.append(low + pad)
        desired.append(max(want, low) + pad)
    return minimum, desired


def _fit_widths(
    minimum: Sequence[float], desired: Sequence[float], usable: float
) -> list[float] | None:
    """Widths adding up to `usable`: each column its desired width scaled, or squeezed toward
    its minimum when the desired widths are too wide; None when even the minimums are."""
    low, want = sum(minimum), sum(desired)
    if low > usable:
        return None
    if want <= usable:
        return [w * usable / want for w in desired]
    share = (usable - low) / (want - low)
    return [m + (d - m) * share for m, d in zip(minimum, desired, strict=True)]


def _edges(widths: Sequence[float], left: float) -> tuple[float, ...]:
    edges, x = [round(left, 2)], left
    for width in widths:
        x += width
        edges.append(round(x, 2))
    return tuple(edges)


def _pitched_edges(
    widths: Sequence[float], minimum: Sequence[float], left: float, usable: float
) -> tuple[float, ...] | None:
    """Column edges on a grid of EDGE_PITCH from the left margin, for tables sharing a page.

    pdfplumber snaps vertical edges less than SNAP_TOLERANCE apart to their mean, whatever their
    height, so two tables on one page with nearly aligned columns would bend each other's
    cells. On a common grid, two edges either coincide or are further apart than that. None
    when the grid leaves some column narrower than its minimum.
    """
    last_interior = usable - SNAP_TOLERANCE - 0.01  # stay clear of the shared right edge
    edges, ideal = [0.0], 0.0
    for width, low in zip(widths[:-1], minimum[:-1], strict=True):
        ideal += width
        steps = max(round(ideal / EDGE_PITCH), math.ceil((edges[-1] + low) / EDGE_PITCH))
        edges.append(steps * EDGE_PITCH)
    if (edges[-1] > last_interior and len(edges) > 1) or usable - edges[-1] < minimum[-1]:
        return None
    edges.append(usable)
    return tuple(round(left + x, 2) for x in edges)


def _cell_height(lines: int, leading: float) -> float:
    return max(lines, 1) * leading + 2 * CELL_PADDING


def _layout_header(
    table: TableSpec, edges: Sequence[float], size: float, font_name: str, leading_factor: float
) -> tuple[tuple[float, ...], tuple[_HeaderBox, ...]]:
    grid = tree_to_grid(table.header)
    leading = size * leading_factor
    boxes = []
    for cell in grid.cells:
        inner = edges[cell.col + cell.colspan] - edges[cell.col] - 2 * CELL_PADDING
        lines = tuple(wrap_text(cell.text.strip(), inner, size, font_name))
        boxes.append(
            _HeaderBox(_CellBox(cell.col, cell.colspan, lines, "centre"), cell.row, cell.rowspan)
        )
    heights = [_cell_height(1, leading)] * grid.rows
    # Single-row cells size their row; a cell spanning rows then stretches the last one.
    for box in sorted(boxes, key=lambda b: (b.rowspan, b.row, b.cell.col)):
        rows = range(box.row, box.row + box.rowspan)
        missing = _cell_height(len(box.cell.lines), leading) - sum(heights[r] for r in rows)
        if missing > 0:
            heights[rows[-1]] += missing
    return tuple(round(h, 2) for h in heights), tuple(boxes)


def _layout_row(
    row: RowSpec,
    edges: Sequence[float],
    size: float,
    font_name: str,
    leading_factor: float,
    amount_align: str,
    printed: Callable[[Value], str] = printed_text,
) -> _BodyRow:
    leading = size * leading_factor
    if row.merged:
        inner = edges[-1] - edges[0] - 2 * CELL_PADDING
        text = printed(row.values[0])
        cells: tuple[_CellBox, ...] = (
            _CellBox(0, len(edges) - 1, tuple(wrap_text(text, inner, size, font_name)), "centre"),
        )
    else:
        boxes = []
        for col, value in enumerate(row.values):
            inner = edges[col + 1] - edges[col] - 2 * CELL_PADDING
            lines = tuple(wrap_text(printed(value), inner, size, font_name))
            align = amount_align if isinstance(value, Decimal) else "left"
            boxes.append(_CellBox(col, 1, lines, align))
        cells = tuple(boxes)
    height = _cell_height(max((len(c.lines) for c in cells), default=1), leading)
    return _BodyRow(round(height, 2), cells, row.merged)


def layout_table(table: TableSpec, page: Layout, font_name: str) -> TableLayout:
    """Choose the font size and column widths of `table`, and wrap its cells.

    Raises ValueError (naming the table) when no font size down to MIN_FONT_SIZE fits the page.
    """
    usable_width = page.page_width - page.margin_left - page.margin_right
    usable_height = page.page_height - page.margin_top - page.margin_bottom
    fixed = table.column_widths
    if fixed is not None and sum(fixed) > usable_width + 0.01:
        raise ValueError(
            f"table {table.code} ({table.title}): column_widths add up to {sum(fixed):.2f} pt, "
            f"more than the usable page width {usable_width:.2f} pt"
        )
    room = usable_height - _title_block_height(table, page)
    problem = ""
    for size in _font_sizes(table.font_size):
        if fixed is not None:
            edges = _edges(fixed, page.margin_left + (usable_width - sum(fixed)) / 2)
        else:
            minimum, desired = _column_width_bounds(
                table, size, font_name, usable_height, page.leading
            )
            widths = _fit_widths(minimum, desired, usable_width)
            found = None
            if widths is not None:
                found = (
                    _pitched_edges(widths, minimum, page.margin_left, usable_width)
                    if page.tables_share_pages
                    else _edges(widths, page.margin_left)
                )
            if found is None:
                problem = f"its columns need {sum(minimum):.0f} pt of {usable_width:.0f} pt width"
                continue
            edges = found
        try:
            header_heights, header = _layout_header(table, edges, size, font_name, page.leading)
            rows = tuple(
                _layout_row(
                    r, edges, size, font_name, page.leading, page.amount_align, table.text_of
                )
                for r in table.rows
            )
        except ValueError as narrow:  # only with explicit column_widths
            problem = str(narrow)
            continue
        tallest = max((r.height for r in rows), default=0.0)
        title_row = _title_row_height(table, page)
        if sum(header_heights) + title_row + tallest <= room:
            return TableLayout(table, size, edges, header_heights, header, rows, title_row)
        problem = (
            f"title, header ({sum(header_heights):.0f} pt) and tallest row ({tallest:.0f} pt) "
            f"need more than the {usable_height:.0f} pt of a page"
        )
    raise ValueError(
        f"table {table.code} ({table.title}) does not fit the page even at {size} pt: "
        f"{problem}; shorten its texts or give column_widths"
    )


def _font_sizes(start: float) -> list[float]:
    """The table's own size, then smaller ones in FONT_STEP steps down to MIN_FONT_SIZE."""
    sizes = [start]
    while sizes[-1] - FONT_STEP >= MIN_FONT_SIZE - 1e-9:
        sizes.append(sizes[-1] - FONT_STEP)
    return sizes


# ---------------------------------------------------------------------------------------------
# Pages: a cursor moving down the page, text placement, and ruled lines.


class _Ruling:
    """The ruled lines of one page, as merged horizontal and vertical segments."""

    def __init__(self) -> None:
        self.horizontal: dict[float, list[tuple[float, float]]] = {}
        self.vertical: dict[float, list[tuple[float, float]]] = {}

    def add_box(self, x0: float, y0: float, x1: float, y1: float) -> None:
        for y in (y0, y1):
            self.horizontal.setdefault(y, []).append((x0, x1))
        for x in (x0, x1):
            self.vertical.setdefault(x, []).append((y0, y1))

    def draw(self, canvas: Canvas, style: str = "lines") -> None:
        """Stroke the rules (`lines`), or fill them as thin rectangles (`rects`), as some
        software does: no line object at all, only filled boxes of the rule's width."""
        canvas.setLineWidth(RULE_WIDTH)
        half = RULE_WIDTH / 2
        for y in sorted(self.horizontal):
            for x0, x1 in _merge(self.horizontal[y]):
                if style == "rects":
                    canvas.rect(x0 - half, y - half, x1 - x0 + RULE_WIDTH, RULE_WIDTH, 0, 1)
                else:
                    canvas.line(x0, y, x1, y)
        for x in sorted(self.vertical):
            for y0, y1 in _merge(self.vertical[x]):
                if style == "rects":
                    canvas.rect(x - half, y0 - half, RULE_WIDTH, y1 - y0 + RULE_WIDTH, 0, 1)
                else:
                    canvas.line(x, y0, x, y1)
        self.horizontal.clear()
        self.vertical.clear()


def _merge(segments: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    # One line per run of touching cell edges: no duplicate strokes, no gaps at cell corners.
    merged: list[list[float]] = []
    for low, high in sorted((min(a, b), max(a, b)) for a, b in segments):
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return [(a, b) for a, b in merged]


class _Pages:
    """The canvas, the current page number and how far down the page we are."""

    def __init__(
        self, canvas: Canvas, layout: Layout, font: _Font, total: int | None = None
    ) -> None:
        self.canvas = canvas
        self.layout = layout
        self.font = font
        self.total = total  # the page count, once known (`{total}` in page numbers)
        self.number = 0
        self.y = 0.0
        self.holds_table = False
        self.ruling = _Ruling()

    def edges_compatible(self, edges: Iterable[float]) -> bool:
        """True when no column edge of a new table would be snapped onto one already here."""
        here = self.ruling.vertical.keys()
        return all(x == y or abs(x - y) > SNAP_TOLERANCE + 0.5 for x in edges for y in here)

    @property
    def top(self) -> float:
        return self.layout.page_height - self.layout.margin_top

    @property
    def room(self) -> float:
        return self.y - self.layout.margin_bottom

    def new_page(self) -> None:
        if self.number:
            self._close_page()
        self.number += 1
        self.y = self.top
        self.holds_table = False

    def finish(self) -> None:
        self._close_page()
        self.canvas.save()

    def _close_page(self) -> None:
        self.ruling.draw(self.canvas, self.layout.ruling)
        if self.number > 1:  # the cover prints no furniture
            self._furniture()
        self.canvas.showPage()

    def _furniture(self) -> None:
        """Page number, running header and footer, in the top and bottom margins."""
        layout = self.layout
        low = layout.margin_bottom / 2 - FURNITURE_SIZE / 3
        high = layout.page_height - layout.margin_top / 2 - FURNITURE_SIZE / 3
        centre = layout.page_width / 2
        self.canvas.setFont(self.font.name, FURNITURE_SIZE)
        if layout.page_number:
            text = layout.page_number.format(n=self.number, total=self.total or self.number)
            y = low if layout.page_number_at == "bottom" else high
            self.canvas.drawCentredString(centre, y, text)
        if layout.running_header:
            x = layout.page_width - layout.margin_right
            self.canvas.drawRightString(x, high, layout.running_header)
        if layout.running_footer:
            self.canvas.drawString(layout.margin_left, low, layout.running_footer)

    def baseline(self, slot_top: float, slot_height: float, size: float) -> float:
        # pdfminer boxes a glyph from `descent` below the baseline to one em above that; centre
        # that box in the slot.
        return slot_top - slot_height / 2 - (0.5 - self.font.descent) * size

    def text_line(
        self, text: str, size: float, slot: float, align: str = "left", x: float | None = None
    ) -> None:
        """Write one line in a slot `slot` pt high at the cursor, and move the cursor below it."""
        layout = self.layout
        baseline = self.baseline(self.y, slot, size)
        self._draw(
            text,
            size,
            align,
            x,
            layout.margin_left,
            layout.page_width - layout.margin_right,
            baseline,
        )
        self.y -= slot

    def _draw(
        self,
        text: str,
        size: float,
        align: str,
        x: float | None,
        left: float,
        right: float,
        baseline: float,
    ) -> None:
        canvas = self.canvas
        canvas.setFont(self.font.name, size)
        if align == "right":
            canvas.drawRightString(right if x is None else x, baseline, text)
        elif align == "centre":
            canvas.drawCentredString((left + right) / 2 if x is None else x, baseline, text)
        else:
            canvas.drawString(left if x is None else x, baseline, text)

    def cell(
        self, box: _CellBox, edges: Sequence[float], top: float, bottom: float, size: float
    ) -> None:
        left, right = edges[box.col], edges[box.col + box.colspan]
        self.ruling.add_box(left, bottom, right, top)
        leading = size * self.layout.leading
        block_top = top - ((top - bottom) - len(box.lines) * leading) / 2
        for i, line in enumerate(box.lines):
            baseline = self.baseline(block_top - i * leading, leading, size)
            self._draw(
                line, size, box.align, None, left + CELL_PADDING, right - CELL_PADDING, baseline
            )


# ---------------------------------------------------------------------------------------------
# The parts of a disclosure.


def _draw_cover(pages: _Pages, spec: DisclosureSpec) -> None:
    if spec.front is not None:
        _draw_own_cover(pages, spec.front.cover, spec.layout)
        return
    pages.new_page()
    layout = spec.layout
    pages.y = layout.page_height * 0.68
    pages.text_line(
        f"{spec.year} 年省级单位预算公开表", COVER_TITLE_SIZE, COVER_TITLE_SIZE * 3, "centre"
    )
    x = layout.page_width * 0.32
    for line in (
        f"单位代码： {spec.unit_code}",
        f"单位名称： {spec.unit_name}",
        f"联系电话： {spec.phone}",
    ):
        pages.text_line(line, COVER_LINE_SIZE, COVER_LINE_SIZE * 2.4, x=x)


def _draw_own_cover(pages: _Pages, lines: Sequence[str], layout: Layout) -> None:
    """A cover of plain centred lines, the first one large (no cover page when there are none)."""
    if not lines:
        return
    pages.new_page()
    pages.y = layout.page_height * 0.68
    usable = layout.page_width - layout.margin_left - layout.margin_right
    for i, line in enumerate(lines):
        size = COVER_TITLE_SIZE if i == 0 else COVER_LINE_SIZE
        size = min(size, usable / max(text_width(line, 1.0, pages.font.name), 1e-9))
        pages.text_line(line, size, size * (2.4 if i else 3.0), "centre")


def _contents_lines(spec: DisclosureSpec) -> list[str]:
    if spec.front is not None:
        if spec.front.contents is not None:
            return list(spec.front.contents)
        return [
            " ".join(filter(None, (t.printed_label, "".join(t.title_lines)))) for t in spec.tables
        ]
    return [f"{n}. 预算{t.code}表 {t.title}" for n, t in enumerate(spec.tables, start=1)]


def _draw_contents(pages: _Pages, spec: DisclosureSpec) -> None:
    """The 目录 page(s): plain text in one or two columns, never ruled."""
    layout = spec.layout
    font_name = pages.font.name
    entries = _contents_lines(spec)
    usable = layout.page_width - layout.margin_left - layout.margin_right
    gutter = 24.0
    slot = CONTENTS_SIZE * 1.6
    while True:
        pages.new_page()
        pages.text_line(
            spec.front.contents_title if spec.front else f"{spec.year}年单位预算公开表目录",
            CONTENTS_TITLE_SIZE,
            CONTENTS_TITLE_SIZE * 2.4,
            "centre",
        )
        if spec.front is None:
            pages.text_line("一、部门预算报表", CONTENTS_SIZE + 1, slot * 1.4)
        per_column = max(1, math.floor(pages.room / slot))
        columns = 1 if len(entries) <= per_column else 2
        column_width = (usable - gutter * (columns - 1)) / columns
        on_page, entries = entries[: per_column * columns], entries[per_column * columns :]
        widest = max((text_width(e, 1.0, font_name) for e in on_page), default=1.0)
        size = min(CONTENTS_SIZE, column_width / widest)
        top = pages.y
        for i, entry in enumerate(on_page):
            column, line = divmod(i, per_column)
            pages.y = top - line * slot
            pages.text_line(
                entry, size, slot, x=layout.margin_left + column * (column_width + gutter)
            )
        if not entries:
            return


def _title_size(table: TableSpec, layout: Layout, font_name: str) -> float:
    # A title line never wraps (the extractor finds tables by their title lines): shrink instead.
    usable = layout.page_width - layout.margin_left - layout.margin_right
    widest = max(text_width(line, 1.0, font_name) for line in table.title_lines)
    return min(layout.title_font_size, usable / max(widest, 1e-9))


def _label_slot(table: TableSpec, layout: Layout) -> float:
    """Height of the label's own line (0 when there is none)."""
    if table.printed_label is None:
        return 0.0
    if table.label_at == "above_centre":
        return layout.title_font_size * 1.6
    return SMALL_SIZE * 1.5


def _title_block_height(table: TableSpec, layout: Layout) -> float:
    # A title drawn in the grid is a row of the table (_title_row_height), not of this block.
    titles = 0 if table.title_in_grid else len(table.title_lines)
    return _label_slot(table, layout) + layout.title_font_size * 1.8 * titles + SMALL_SIZE * 1.8


def _title_row_height(table: TableSpec, layout: Layout) -> float:
    return layout.title_font_size * 1.8 * len(table.title_lines) if table.title_in_grid else 0.0


def _draw_title_block(pages: _Pages, table: TableSpec, unit_name: str) -> None:
    layout = pages.layout
    label = table.printed_label
    if label is not None and table.label_at == "above":
        pages.text_line(label, SMALL_SIZE, SMALL_SIZE * 1.5)
    elif label is not None and table.label_at == "above_centre":
        size = min(layout.title_font_size, _title_size(table, layout, pages.font.name))
        pages.text_line(label, size, _label_slot(table, layout), "centre")
    if not table.title_in_grid:
        slot = layout.title_font_size * 1.8
        size = _title_size(table, layout, pages.font.name)
        for line in table.title_lines:
            pages.text_line(line, size, slot, "centre")
    info_top = pages.y
    info = f"填报部门：{unit_name}" if table.info_line is None else table.info_line
    if info:
        pages.text_line(info, SMALL_SIZE, SMALL_SIZE * 1.8)
    pages.y = info_top
    right = table.unit_line
    if label is not None and table.label_at == "below":
        right = f"{label}    {right}" if right else label
    pages.text_line(right, SMALL_SIZE, SMALL_SIZE * 1.8, "right")


def _draw_title_row(pages: _Pages, table: TableLayout) -> None:
    """The title as the grid's first row: one cell across every column."""
    spec, layout = table.table, pages.layout
    height = _title_row_height(spec, layout)
    if not height:
        return
    top = round(pages.y, 2)
    bottom = round(top - height, 2)
    left, right = table.edges[0], table.edges[-1]
    pages.ruling.add_box(left, bottom, right, top)
    usable = right - left - 2 * CELL_PADDING
    widest = max(text_width(line, 1.0, pages.font.name) for line in spec.title_lines)
    size = min(layout.title_font_size, usable / max(widest, 1e-9))
    slot = height / len(spec.title_lines)
    for i, line in enumerate(spec.title_lines):
        baseline = pages.baseline(top - i * slot, slot, size)
        pages._draw(line, size, "centre", None, left, right, baseline)
    pages.y = bottom


def _draw_header(pages: _Pages, table: TableLayout) -> None:
    _draw_title_row(pages, table)
    tops = [round(pages.y, 2)]
    for height in table.header_heights:
        tops.append(round(tops[-1] - height, 2))
    for box in table.header:
        top, bottom = tops[box.row], tops[box.row + box.rowspan]
        pages.cell(box.cell, table.edges, top, bottom, table.font_size)
    pages.y = tops[-1]


def _draw_row(pages: _Pages, table: TableLayout, row: _BodyRow) -> None:
    top = round(pages.y, 2)
    bottom = round(top - row.height, 2)
    for box in row.cells:
        pages.cell(box, table.edges, top, bottom, table.font_size)
    pages.y = bottom


def _notes_lines(table: TableSpec, layout: Layout, font_name: str) -> list[str]:
    usable = layout.page_width - layout.margin_left - layout.margin_right
    return [line for note in table.notes for line in wrap_text(note, usable, SMALL_SIZE, font_name)]


def rows_to_pages(
    heights: Sequence[float],
    merged: Sequence[bool],
    first_room: float,
    next_room: float,
    *,
    tail: float = 0.0,
    max_rows: int | None = None,
    header_repeats: bool = True,
    fresh_page: bool = True,
) -> list[range] | None:
    """Split body rows into page chunks: as many rows as fit, the last one together with `tail`.

    `first_room` is what is left under the header on the first page, `next_room` on a
    continuation page. Every chunk holds at least one row. Without a repeated header, a
    continuation holding just a merged last row would be a single-cell grid, which pdfplumber
    drops: such a row takes the row before it along. None when the first page cannot take a
    proper first chunk and is not `fresh_page` (the table should start on a new page instead).
    """
    count = len(heights)
    chunks: list[range] = []
    if count == 0:
        return chunks if fresh_page or tail <= first_room else None
    start, room = 0, first_room
    while start < count:
        end, used = start, 0.0
        while end < count:
            needed = heights[end] + (tail if end == count - 1 else 0.0)
            full = max_rows is not None and end - start >= max_rows
            if (end > start or not fresh_page) and (full or used + needed > room):
                break
            used += heights[end]
            end += 1
        if end == start:  # only when the first row does not fit on a shared page
            return None
        if end == count - 1 and merged[end] and not header_repeats:
            if end - start >= 2 and heights[end - 1] + heights[end] + tail <= next_room:
                end -= 1
            elif start == 0 and not fresh_page:
                return None
        chunks.append(range(start, end))
        start, room, fresh_page = end, next_room, True
    return chunks


def _draw_table(pages: _Pages, table: TableLayout, unit_name: str) -> tuple[int, int]:
    spec, layout = table.table, pages.layout
    title_height = _title_block_height(spec, layout)
    notes = _notes_lines(spec, layout, pages.font.name)
    notes_slot = SMALL_SIZE * 1.6
    notes_height = NOTES_GAP + len(notes) * notes_slot if notes else 0.0
    rows = table.rows
    usable_height = layout.page_height - layout.margin_top - layout.margin_bottom
    next_room = usable_height
    next_room -= title_height if spec.repeat_title else 0.0
    next_room -= table.header_height if spec.repeat_header else 0.0

    def paginate(first_room: float, fresh_page: bool) -> list[range] | None:
        return rows_to_pages(
            [r.height for r in rows],
            [r.merged for r in rows],
            first_room,
            next_room,
            tail=notes_height,
            max_rows=spec.max_rows_per_page,
            header_repeats=spec.repeat_header,
            fresh_page=fresh_page,
        )

    # A title and header never stand alone at a page bottom: below another table they start
    # only when their first body row fits too (and the notes, when that row is the last one).
    opening = TABLE_GAP + title_height + table.header_height
    chunks = None
    if (
        layout.tables_share_pages
        and pages.holds_table
        and pages.room > opening
        and pages.edges_compatible(table.edges)
    ):
        chunks = paginate(pages.room - opening, fresh_page=False)
    if chunks is None:
        pages.new_page()
        chunks = paginate(pages.room - title_height - table.header_height, fresh_page=True)
        assert chunks is not None
    else:
        pages.y -= TABLE_GAP
    first_page = pages.number
    pages.holds_table = True
    _draw_title_block(pages, spec, unit_name)
    _draw_header(pages, table)
    for n, chunk in enumerate(chunks):
        if n:
            pages.new_page()
            pages.holds_table = True
            if spec.repeat_title:
                _draw_title_block(pages, spec, unit_name)
            if spec.repeat_header:
                _draw_header(pages, table)
        for i in chunk:
            _draw_row(pages, table, rows[i])
    last_page = pages.number

    if notes:
        pages.y -= NOTES_GAP
        for line in notes:
            if pages.room < notes_slot:
                pages.new_page()
            pages.text_line(line, SMALL_SIZE, notes_slot)
    return first_page, last_page


def render_disclosure(spec: DisclosureSpec, path: Path) -> RenderReport:
    """Render `spec` to a PDF at `path` (replaced atomically); return where each table went."""
    codes = [t.code for t in spec.tables]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise ValueError(f"a disclosure prints each table once; repeated codes: {duplicates}")
    font = _font(spec.layout.font)
    # Lay every table out before drawing anything, so a table that cannot fit fails fast.
    tables = [layout_table(t, spec.layout, font.name) for t in spec.tables]
    data, report = _draw(spec, tables, font, total=None)
    if spec.layout.page_number and "{total}" in spec.layout.page_number:
        # `共 M 页` needs the page count: draw again, now that it is known.
        data, report = _draw(spec, tables, font, total=report.page_count)
    write_bytes_atomically(path, data)
    return report


def _draw(
    spec: DisclosureSpec, tables: Sequence[TableLayout], font: _Font, total: int | None
) -> tuple[bytes, RenderReport]:
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(spec.layout.page_width, spec.layout.page_height),
        invariant=1,
        pageCompression=1,
    )
    document = "部门决算" if spec.kind == "决算" else f"{spec.scope}预算公开表"
    canvas.setTitle(f"{spec.year}年{spec.unit_name}{document}")
    canvas.setAuthor(spec.unit_name)
    canvas.setCreator("samplegen")
    pages = _Pages(canvas, spec.layout, font, total)
    _draw_cover(pages, spec)
    if spec.layout.table_of_contents:
        _draw_contents(pages, spec)
    table_pages = {t.table.code: _draw_table(pages, t, spec.unit_name) for t in tables}
    for appendix in spec.appendices:
        appendix.draw(pages)
    page_count = pages.number
    pages.finish()
    return buffer.getvalue(), RenderReport(page_count=page_count, table_pages=table_pages)
