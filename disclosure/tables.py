"""Pages to tables: find each table by its title, join continuation pages, and read the cells.

A table is one table whatever its pages: a grid continues the previous table when its page
repeats that table's title, or when it opens a page with no title of its own and the same
columns. Repeated header rows on a continuation page are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from disclosure.amounts import looks_like_amount, parse_amount
from disclosure.columns import (
    column_kind,
    names_units,
    split_code_columns,
    subject_code_column,
    unit_code_column,
)
from disclosure.cover import filer_name, unit_label
from disclosure.furniture import Furniture
from disclosure.grid import Grid, GridCell
from disclosure.headers import (
    caption_rows,
    grid_header,
    grid_to_paths,
    header_row_count,
    row_texts,
)
from disclosure.model import BBox, Cell, Column, ColumnKind, ExtractedTable, RowKind
from disclosure.page import PageContent, TextLine, Word
from disclosure.subjects import RowMeaning, SubjectReader
from disclosure.template import TableTemplate, Template
from disclosure.template_paths import match_header
from disclosure.text import squeeze

_CODE_LABEL = re.compile(r"^预算(\d{2})表$")
_NOTE = re.compile(r"^(注|备注|说明)\d*[:：]")
# Column widths of a continuation page may differ by rounding only.
_WIDTH_TOLERANCE = 2.0
# A caption line further above a grid than this (points) is not that grid's title.
_TITLE_REACH = 90.0
# A word of an unruled row may overhang its column's rules by this much (points).
_ALIGN_SLACK = 2.0


@dataclass
class _Part:
    page_no: int
    grid: Grid
    first_body_row: int


@dataclass
class _TableDraft:
    template: TableTemplate | None
    title: str
    unit_label: str | None
    first: Grid
    signature: list[tuple[str, ...]]  # caption + header rows, to recognise them when repeated
    columns: list[Column]
    header_variant: str | None = None
    parts: list[_Part] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    empty_marker_line: bool = False

    @property
    def code(self) -> str | None:
        return self.template.code if self.template else None


def _same_columns(a: Grid, b: Grid) -> bool:
    if a.col_count != b.col_count:
        return False
    widths_a = [right - left for left, right in pairwise(a.col_edges)]
    widths_b = [right - left for left, right in pairwise(b.col_edges)]
    return all(abs(x - y) <= _WIDTH_TOLERANCE for x, y in zip(widths_a, widths_b, strict=True))


def _own_caption(draft: _TableDraft, grid: Grid) -> bool:
    """The grid opens with a caption (a title inside its frame) that is not the draft's."""
    return caption_rows(grid) > 0 and (
        not draft.signature or row_texts(grid, 0) != draft.signature[0]
    )


def _repeated_rows(draft: _TableDraft, grid: Grid) -> int:
    """How many leading rows of a continuation grid repeat the first page's caption/header."""
    row = 0
    for expected in draft.signature:
        if row < grid.row_count and row_texts(grid, row) == expected:
            row += 1
        else:
            break
    return row


def _columns(
    paths: Sequence[str], table: TableTemplate | None, template: Template
) -> tuple[list[Column], str | None]:
    """The printed columns, each with the template column it means (and so its kind), and how
    the printed header differs from the template's."""
    if table is None:
        return [Column(i + 1, p, column_kind(p)) for i, p in enumerate(paths)], None
    match = match_header(paths, table, template)
    columns = [
        Column(i + 1, path, column_kind(means or path), means)
        for i, (path, means) in enumerate(zip(paths, match.paths, strict=True))
    ]
    return columns, match.variant


def _start_draft(
    grid: Grid,
    page_no: int,
    table: TableTemplate | None,
    title: str,
    label: str | None,
    template: Template,
) -> _TableDraft:
    captions = caption_rows(grid)
    header = header_row_count(grid, captions, template.empty_marker)
    paths = grid_to_paths(grid_header(grid, captions, header))
    if not title and captions:
        title = "".join(squeeze(c.text) for c in grid.cells if c.row < captions)
    columns, variant = _columns(paths, table, template)
    signature = [row_texts(grid, r) for r in range(captions + header)]
    draft = _TableDraft(table, title, label, grid, signature, columns, header_variant=variant)
    draft.parts.append(_Part(page_no, grid, captions + header))
    return draft


class _Assembler:
    def __init__(self, template: Template, furniture: Furniture) -> None:
        self.template = template
        self.furniture = furniture
        self.drafts: list[_TableDraft] = []
        self._pending: TableTemplate | None = None
        self._pending_title = ""
        self._pending_label: str | None = None
        self._pending_code: str | None = None
        self._last_free: TextLine | None = None
        self._last_note_page: int | None = None
        # the table that unruled rows printed right after it (or atop the next page) belong to
        self._context: _TableDraft | None = None

    def line(self, line: TextLine, page: PageContent) -> bool:
        """Take a text line; True when it announces a table (a title or a `预算NN表` label)."""
        text = squeeze(line.text)
        if m := _CODE_LABEL.match(text):
            self._pending_code = m.group(1)
            self._context = None
            return True
        matched = self.template.match_title(text)
        if matched:
            self._pending, self._pending_title = matched, text
            self._pending_label = None
            self._context = None
            return True
        self._other_line(line, text, page)
        return False

    def _other_line(self, line: TextLine, text: str, page: PageContent) -> None:
        page_no = page.page_no
        if label := unit_label(text):
            self._pending_label = label
            return
        if filer_name(text):
            return  # 填报部门：… names the unit (read from the cover); it is no row, note or title
        if self.template.empty_marker in text and self.drafts:
            self.drafts[-1].empty_marker_line = True
            return
        if self.furniture.is_furniture(line, page):
            return
        if _NOTE.match(text) and self.drafts:
            self._context = None
            self.drafts[-1].notes.append(text)
            self._last_note_page = page_no
            return
        if self._last_note_page == page_no and self.drafts and self._pending is None:
            # a wrapped note continues on the next line
            self.drafts[-1].notes[-1] += text
            return
        if self._context is not None and self._pending is None:
            row = line_to_row(line, self._context.parts[-1].grid.col_edges, self._context.columns)
            if row is not None:
                self._context.parts.append(_Part(page_no, row, 0))
                return
        self._context = None
        self._last_free = line

    def grid(self, grid: Grid, page_no: int, first_on_page: bool) -> None:
        self._last_note_page = None
        pending = self._pending
        if pending is None and self._pending_code:
            try:
                pending = self.template.table(self._pending_code)
            except KeyError:
                pending = None
        previous = self.drafts[-1] if self.drafts else None
        if pending is not None:
            if previous and previous.template is pending and _same_columns(previous.first, grid):
                self._continue(previous, grid, page_no)
            else:
                title = self._pending_title or pending.title
                self.drafts.append(
                    _start_draft(
                        grid,
                        page_no,
                        pending,
                        title,
                        self._pending_label,
                        self.template,
                    )
                )
        elif (
            previous
            and first_on_page
            and _same_columns(previous.first, grid)
            and not _own_caption(previous, grid)
        ):
            self._continue(previous, grid, page_no)
        else:
            title = ""
            free = self._last_free
            if free and 0 <= grid.bbox.top - free.bbox.bottom <= _TITLE_REACH:
                title = squeeze(free.text)
            self.drafts.append(
                _start_draft(grid, page_no, None, title, self._pending_label, self.template)
            )
        self._pending, self._pending_title, self._pending_code = None, "", None
        self._pending_label = None
        self._last_free = None
        self._context = self.drafts[-1]

    def _continue(self, draft: _TableDraft, grid: Grid, page_no: int) -> None:
        draft.parts.append(_Part(page_no, grid, _repeated_rows(draft, grid)))


def line_to_row(
    line: TextLine, col_edges: Sequence[float], columns: Sequence[Column] = ()
) -> Grid | None:
    """A text line printed as a table row without ruling lines, placed on the table's columns.

    Real disclosures lose rules at page tops or in whole blocks; such a line still reads as a
    row when it reads as a body row of the table: it lies within the table's width, each word
    within one column, it spreads over two or more columns, and it prints money — in an amount
    column, and nothing but money there. Only printed words become cells.
    """
    left, right = col_edges[0], col_edges[-1]
    if len(line.words) < 2 or line.bbox.x0 < left - 2 or line.bbox.x1 > right + 2:
        return None
    by_col: dict[int, list[Word]] = {}
    last = len(col_edges) - 2
    for word in line.words:
        col = min(max(bisect_right(col_edges, (word.x0 + word.x1) / 2) - 1, 0), last)
        if word.x0 < col_edges[col] - _ALIGN_SLACK or word.x1 > col_edges[col + 1] + _ALIGN_SLACK:
            return None  # straddles a column boundary: not printed on these columns
        by_col.setdefault(col, []).append(word)
    if len(by_col) < 2:
        return None
    kinds = {c.column_no - 1: c.kind for c in columns}
    money = {
        col: "".join(w.text for w in words)
        for col, words in by_col.items()
        if kinds.get(col, ColumnKind.AMOUNT) is ColumnKind.AMOUNT
    }
    if not any(looks_like_amount(text) for text in money.values()):
        return None
    if columns and not all(looks_like_amount(text) for text in money.values()):
        return None
    top, bottom = line.bbox.top, line.bbox.bottom
    cells = tuple(
        GridCell(
            0,
            col,
            1,
            1,
            BBox(col_edges[col], top, col_edges[col + 1], bottom),
            "".join(w.text for w in words),
        )
        for col, words in sorted(by_col.items())
    )
    return Grid(BBox(left, top, right, bottom), (top, bottom), tuple(col_edges), cells)


@dataclass(frozen=True)
class _Roles:
    """Which columns of a table hold codes and labels: read once per table, used per row."""

    labels: tuple[int, ...]  # 0-based label columns, left to right
    split: tuple[int, int, int] | None  # 类 | 款 | 项
    code: int | None  # 科目编码
    unit_code: int | None  # 单位代码
    names_entities: bool

    @classmethod
    def of(cls, columns: Sequence[Column]) -> _Roles:
        paths = [c.path for c in columns]
        return cls(
            labels=tuple(c.column_no - 1 for c in columns if c.kind is ColumnKind.LABEL),
            split=split_code_columns(paths),
            code=subject_code_column(paths),
            unit_code=unit_code_column(paths),
            names_entities=names_units(paths),
        )


def _row_meaning(reader: SubjectReader, roles: _Roles, texts: dict[int, str]) -> RowMeaning:
    text_at = lambda i: texts.get(i, "") if i is not None else ""  # noqa: E731
    label = next((text_at(i) for i in roles.labels if text_at(i)), "")
    if not label:
        label = next((texts[i] for i in sorted(texts) if texts[i]), "")
    return reader.read(
        label=label,
        code=text_at(roles.code),
        split_code=(
            (text_at(roles.split[0]), text_at(roles.split[1]), text_at(roles.split[2]))
            if roles.split
            else None
        ),
        unit_code_text=text_at(roles.unit_code),
        names_entities=roles.names_entities,
    )


def _row_label(roles: _Roles, texts: dict[int, str], col: int) -> str | None:
    """The row's label for a cell: the nearest label column at or left of it, else the first."""
    left = [i for i in roles.labels if i <= col]
    for i in [*reversed(left), *roles.labels]:
        if texts.get(i):
            return texts[i]
    return None


def _draft_to_table(
    draft: _TableDraft, unit_code: str | None, unit_name: str | None, empty_marker: str
) -> ExtractedTable:
    reader = SubjectReader(unit_code, unit_name)
    columns = draft.columns
    roles = _Roles.of(columns)
    cells: list[Cell] = []
    row_no = 0
    is_empty = draft.empty_marker_line
    for part in draft.parts:
        by_row: dict[int, list[GridCell]] = {}
        for cell in part.grid.cells:  # ordered by (row, col)
            if cell.row >= part.first_body_row:
                by_row.setdefault(cell.row, []).append(cell)
        for starting in by_row.values():
            row_no += 1
            texts = {c.col: squeeze(c.text) for c in starting}
            if any(empty_marker in text for text in texts.values()):
                is_empty = True
                meaning_kind, subject, entity = RowKind.EMPTY_MARKER, None, None
            else:
                meaning = _row_meaning(reader, roles, texts)
                meaning_kind, subject, entity = (
                    meaning.kind,
                    meaning.subject_code,
                    meaning.entity_code,
                )
            for c in starting:
                column = columns[c.col] if c.col < len(columns) else None
                text = texts[c.col]
                amount = None
                if column is not None and column.kind is ColumnKind.AMOUNT:
                    amount = parse_amount(text)
                cells.append(
                    Cell(
                        row_no=row_no,
                        column_no=c.col + 1,
                        column_path=column.path if column else "",
                        template_path=column.template_path if column else None,
                        row_label=_row_label(roles, texts, c.col),
                        row_kind=meaning_kind,
                        subject_code=subject,
                        entity_code=entity,
                        text=text,
                        amount=amount,
                        page_no=part.page_no,
                        bbox=c.bbox,
                    )
                )
    return ExtractedTable(
        table_code=draft.code,
        title=draft.title,
        unit_label=draft.unit_label,
        page_from=draft.parts[0].page_no,
        page_to=draft.parts[-1].page_no,
        header_rows=draft.parts[0].first_body_row,
        columns=columns,
        cells=cells,
        is_empty=is_empty,
        notes=draft.notes,
        header_variant=draft.header_variant,
    )


def pages_to_tables(
    pages: Sequence[PageContent],
    template: Template,
    unit_code: str | None,
    unit_name: str | None = None,
) -> list[ExtractedTable]:
    """Every ruled table of the document, template tables carrying their `table_code`."""
    assembler = _Assembler(template, Furniture(pages))
    for page in pages:
        first_on_page = True
        for element in page.elements():
            if isinstance(element, Grid):
                assembler.grid(element, page.page_no, first_on_page)
                first_on_page = False
            elif assembler.line(element, page):
                first_on_page = False
    return [
        _draft_to_table(d, unit_code, unit_name, template.empty_marker) for d in assembler.drafts
    ]
