"""Pages to tables: find each table by its title, join continuation pages, and read the cells.

A table is one table whatever its pages: a grid continues the previous table when its page
repeats that table's title, or when it opens a page with no title of its own and the same
columns. Repeated header rows on a continuation page are dropped.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from disclosure.amounts import is_nil, looks_like_amount, looks_like_money, parse_amount
from disclosure.columns import (
    column_kind,
    holds_money,
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
from disclosure.measures import measure_of
from disclosure.model import BBox, Cell, Column, ColumnKind, ExtractedTable, RowKind
from disclosure.page import PageContent, TextLine, Word
from disclosure.subjects import RowMeaning, SubjectReader
from disclosure.template import TableTemplate, Template
from disclosure.template_paths import match_header
from disclosure.text import squeeze
from disclosure.titles import is_final_accounts, label_only, split_title

_NOTE = re.compile(r"^(注|备注|说明)\d*[:：]")
# Column widths of a continuation page may differ by rounding only: 2 pt, or 2% of a wide column
# (word processors round each page's widths again).
_WIDTH_TOLERANCE = 2.0
_WIDTH_SHARE = 0.02
# A caption line further above a grid than this (points) is not that grid's title.
_TITLE_REACH = 90.0
# An empty-table marker printed without 注： is a short line of its own, not a sentence.
_SHORT_LINE = 30
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
    first: Grid | None  # None: a title printed with a note saying the table is empty, no grid
    signature: list[tuple[str, ...]]  # caption + header rows, to recognise them when repeated
    columns: list[Column]
    header_variant: str | None = None
    parts: list[_Part] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    empty_marker_line: bool = False
    announced_on: int = 0  # the page its title is printed on
    number: str | None = None  # the number printed with its title (`表3` → `03`)

    @property
    def code(self) -> str | None:
        """The template's code for the table; for a table the national template names by its
        words, the number printed with its title."""
        if self.template is None:
            return None
        return self.number if self.template.numbered_as_printed else self.template.code

    @property
    def last_page(self) -> int:
        return self.parts[-1].page_no if self.parts else self.announced_on


def _same_columns(a: Grid | None, b: Grid) -> bool:
    if a is None or a.col_count != b.col_count:
        return False
    widths_a = [right - left for left, right in pairwise(a.col_edges)]
    widths_b = [right - left for left, right in pairwise(b.col_edges)]
    return all(
        abs(x - y) <= max(_WIDTH_TOLERANCE, _WIDTH_SHARE * x)
        for x, y in zip(widths_a, widths_b, strict=True)
    )


def _merged_columns(a: Grid | None, b: Grid) -> bool:
    """`b` spans `a`'s width on fewer columns, each of its rules one of `a`'s: the same table
    continued on a page whose rows merge some columns (a 合计 row across the code columns)."""
    if a is None or b.col_count >= a.col_count:
        return False
    shift = b.col_edges[0] - a.col_edges[0]
    return abs(b.col_edges[-1] - a.col_edges[-1] - shift) <= _WIDTH_TOLERANCE and all(
        min(abs(x - shift - y) for y in a.col_edges) <= _WIDTH_TOLERANCE for x in b.col_edges
    )


def _onto(grid: Grid, edges: Sequence[float]) -> Grid:
    """`grid`'s cells placed on the columns of a table whose rules are `edges`."""
    shift = grid.col_edges[0] - edges[0]

    def index(x: float) -> int:
        return min(range(len(edges)), key=lambda i: abs(x - shift - edges[i]))

    cells = tuple(
        GridCell(
            c.row,
            index(grid.col_edges[c.col]),
            c.rowspan,
            index(grid.col_edges[c.col + c.colspan]) - index(grid.col_edges[c.col]),
            c.bbox,
            c.text,
        )
        for c in grid.cells
    )
    col_edges = tuple(e + shift for e in edges)
    return Grid(grid.bbox, grid.row_edges, col_edges, cells)


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
    if table is None or not table.header:
        # No header tree to match (a table the national template names by its title's words):
        # the printed header decides alone. A performance form read as a grid holds words and
        # figures in any column: none is a money column (its money is read as printed).
        def kind(path: str) -> ColumnKind:
            found = column_kind(path)
            return ColumnKind.TEXT if table and table.form and found is ColumnKind.AMOUNT else found

        return [Column(i + 1, p, kind(p)) for i, p in enumerate(paths)], None
    match = match_header(paths, table, template)
    columns = [
        Column(i + 1, path, table.kind(means) if means else column_kind(path), means)
        for i, (path, means) in enumerate(zip(paths, match.paths, strict=True))
    ]
    return columns, match.variant


def caption_text(grid: Grid) -> str:
    """The text of the caption rows drawn inside a grid's frame ('' when it has none)."""
    captions = caption_rows(grid)
    return "".join(squeeze(c.text) for c in grid.cells if c.row < captions)


def _start_draft(
    grid: Grid,
    page_no: int,
    table: TableTemplate | None,
    title: str,
    label: str | None,
    template: Template,
    above: Grid | None = None,
) -> _TableDraft:
    """A table opening with `grid`; `above`, the upper rows of its header printed at the foot of
    the page before (their texts head the paths of the columns they span)."""
    captions = caption_rows(grid)
    header = header_row_count(grid, captions, template.is_empty_marker)
    paths = grid_to_paths(grid_header(grid, captions, header))
    if above is not None:
        paths = [_headed(path, above, grid, i) for i, path in enumerate(paths)]
    if not title and captions:
        title = caption_text(grid)
    columns, variant = _columns(paths, table, template)
    signature = [row_texts(grid, r) for r in range(captions + header)]
    draft = _TableDraft(table, title, label, grid, signature, columns, header_variant=variant)
    draft.parts.append(_Part(page_no, grid, captions + header))
    return draft


def _headed(path: str, above: Grid, grid: Grid, col: int) -> str:
    """`path` under the header texts of `above` whose columns span column `col` of `grid`."""
    middle = (grid.col_edges[col] + grid.col_edges[col + 1]) / 2 - grid.col_edges[0]
    middle += above.col_edges[0]
    heads = [
        squeeze(c.text)
        for c in above.cells
        if squeeze(c.text)
        and above.col_edges[c.col] <= middle <= above.col_edges[c.col + c.colspan]
    ]
    return "/".join([*heads, path] if path else heads)


def _header_only(draft: _TableDraft) -> bool:
    """All the draft has is a header (its first rows, at the foot of a page)."""
    return bool(draft.parts) and all(p.first_body_row >= p.grid.row_count for p in draft.parts)


def _same_span(a: Grid | None, b: Grid) -> bool:
    return (
        a is not None
        and abs(a.col_edges[0] - b.col_edges[0]) <= _WIDTH_TOLERANCE
        and abs(a.col_edges[-1] - b.col_edges[-1]) <= _WIDTH_TOLERANCE
    )


def _prints_money(grid: Grid) -> bool:
    return any(looks_like_amount(squeeze(c.text)) for c in grid.cells)


class _Assembler:
    def __init__(self, template: Template, furniture: Furniture) -> None:
        self.template = template
        self.furniture = furniture
        self.drafts: list[_TableDraft] = []
        self._pending: TableTemplate | None = None
        self._pending_title = ""
        self._pending_label: str | None = None
        self._pending_code: str | None = None
        self._pending_number: str | None = None  # printed with the title, or on a line of its own
        self._pending_page = 0
        # Text followed the pending title on its page: a title (or a table of contents line)
        # that no grid follows on its page names no grid of a later page.
        self._pending_followed = False
        self._last_free: TextLine | None = None
        self._last_note_page: int | None = None
        # the table that unruled rows printed right after it (or atop the next page) belong to
        self._context: _TableDraft | None = None

    def _forget_pending(self) -> None:
        self._pending, self._pending_title, self._pending_code = None, "", None
        self._pending_label = None
        self._pending_number = None
        self._pending_followed = False

    def line(self, line: TextLine, page: PageContent) -> bool:
        """Take a text line; True when it announces a table (a title or a `预算NN表` label)."""
        text = squeeze(line.text)
        if self._pending_page and page.page_no > self._pending_page + (
            0 if self._pending_followed else 1
        ):
            self._forget_pending()
        if code := self.template.label_code(text):
            self._pending_code = code
            self._context = None
            return True
        if (number := label_only(text)) is not None:
            # `表1` / `公开01表` on a line of its own, above or below the title.
            self._pending_number = number
            self._pending_page = page.page_no
            self._context = None
            return True
        matched = self.template.match_title(text)
        free = self._last_free
        if free is not None and _continues(free, line) and not (matched and matched.code):
            # A title wrapped over two lines: `公开09表：一般公共预算“三公”经费` / `支出预算表`
            # (the second line alone may read as another table's title).
            wrapped = self.template.match_title(squeeze(free.text) + text)
            if wrapped is not None and (matched is None or wrapped.code):
                matched, text = wrapped, squeeze(free.text) + text
        if matched:
            number = split_title(text).number
            if number is None and self._pending_page == page.page_no:
                number = self._pending_number
            self._pending, self._pending_title = matched, text
            self._pending_number = number
            self._pending_page = page.page_no
            self._pending_label = None
            self._pending_followed = False
            self._context = None
            self._last_free = None
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
        if self.template.is_empty_marker(text) and _reads_as_note(text):
            if self._pending is not None and self._pending_page == page_no:
                # A title with no table, only the note that it is empty.
                self.drafts.append(self._empty_draft(text))
                self._forget_pending()
            elif self.drafts and self.drafts[-1].last_page == page_no:
                self.drafts[-1].empty_marker_line = True
                if _NOTE.match(text):
                    self.drafts[-1].notes.append(text)
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
        if self._pending is not None:
            self._pending_followed = True

    def _empty_draft(self, note: str) -> _TableDraft:
        table = self._pending
        assert table is not None
        paths = table.column_paths
        columns = [Column(i + 1, p, table.kind(p), p) for i, p in enumerate(paths)]
        title = self._pending_title or table.title
        draft = _TableDraft(table, title, self._pending_label, None, [], columns)
        draft.number = self._pending_number
        draft.empty_marker_line = True
        draft.notes.append(note)
        draft.announced_on = self._pending_page
        return draft

    def grid(self, grid: Grid, page_no: int, first_on_page: bool) -> None:
        self._last_note_page = None
        caption = caption_text(grid) if self._pending is None else ""
        # A title drawn inside the table's frame (Excel exports): `收支预算总表部门：…`.
        if caption and (matched := self.template.match_title(caption)):
            self._pending, self._pending_title = matched, caption
            self._pending_number = split_title(caption).number or self._pending_number
        pending = self._pending
        if pending is None and self._pending_code:
            try:
                pending = self.template.table(self._pending_code)
            except KeyError:
                pending = None
        previous = self.drafts[-1] if self.drafts else None
        if pending is not None:
            if (
                previous
                and previous.template is pending
                and previous.number == self._pending_number
                and _same_columns(previous.first, grid)
            ):
                self._continue(previous, grid, page_no)
            else:
                title = self._pending_title or pending.title
                draft = _start_draft(
                    grid, page_no, pending, title, self._pending_label, self.template
                )
                draft.number = self._pending_number
                self.drafts.append(draft)
        elif (
            previous
            and first_on_page
            and _same_columns(previous.first, grid)
            and not _own_caption(previous, grid)
        ):
            self._continue(previous, grid, page_no)
        elif (
            previous
            and previous.first is not None
            and first_on_page
            and _merged_columns(previous.first, grid)
            and not _own_caption(previous, grid)
        ):
            self._continue(previous, _onto(grid, previous.first.col_edges), page_no)
        elif (
            previous
            and first_on_page
            and _header_only(previous)
            and _same_span(previous.first, grid)
        ):
            # The header began at the foot of the page before: the table starts over here, its
            # columns headed by what was printed there.
            resumed = _start_draft(
                grid,
                page_no,
                previous.template,
                previous.title,
                previous.unit_label,
                self.template,
                above=previous.first,
            )
            resumed.notes, resumed.announced_on = previous.notes, previous.announced_on
            resumed.number = previous.number
            self.drafts[-1] = resumed
        elif not _prints_money(grid) and not caption_text(grid):
            # A frame around words (a boxed cover title), no table.
            self._forget_pending()
            return
        else:
            title = ""
            free = self._last_free
            if free and 0 <= grid.bbox.top - free.bbox.bottom <= _TITLE_REACH:
                title = squeeze(free.text)
            self.drafts.append(
                _start_draft(grid, page_no, None, title, self._pending_label, self.template)
            )
        self._forget_pending()
        self._last_free = None
        self._context = self.drafts[-1]

    def _continue(self, draft: _TableDraft, grid: Grid, page_no: int) -> None:
        draft.parts.append(_Part(page_no, grid, _repeated_rows(draft, grid)))


def _reads_as_note(text: str) -> bool:
    """A note (`注：…`) or a short line: a sentence of the narrative that happens to say
    `本部门无…` declares no table empty."""
    return bool(_NOTE.match(text)) or len(text) <= _SHORT_LINE


def _continues(above: TextLine, line: TextLine) -> bool:
    """`line` is the next line of the text `above` ends (a title wrapped onto a second line)."""
    height = above.bbox.bottom - above.bbox.top
    return 0 <= line.bbox.top - above.bbox.bottom <= height


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
    split: tuple[int, int, int | None] | None  # 类 | 款 | 项 (no 项 for 经济分类)
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


def _columns_read(draft: _TableDraft) -> list[Column]:
    """The draft's columns, those the template does not name judged by what they hold too: a
    column printed without a header text is money when every printed cell is money, else
    labels (`收入总计` / `小计` under one 项目名称); a column whose header reads like money but
    which prints mostly words is labels. A column the template names keeps its kind (one
    garbled amount in it must still be caught)."""
    texts: dict[int, list[str]] = {}
    for part in draft.parts:
        for cell in part.grid.cells:
            if cell.row >= part.first_body_row and (text := squeeze(cell.text)):
                texts.setdefault(cell.col, []).append(text)
    form = draft.template is not None and draft.template.form
    columns = []
    for column in draft.columns:
        if column.template_path is None:
            printed = texts.get(column.column_no - 1, [])
            money = sum(1 for t in printed if looks_like_amount(t) or is_nil(t))
            if not column.path:
                money_column = printed and money == len(printed) and not form
                kind = ColumnKind.AMOUNT if money_column else ColumnKind.LABEL
                column = dataclasses.replace(column, kind=kind)
            elif column.kind is ColumnKind.AMOUNT and money * 2 < len(printed):
                column = dataclasses.replace(column, kind=ColumnKind.LABEL)
        columns.append(column)
    return columns


def with_measures(columns: list[Column], table: TableTemplate | None, kind: str) -> list[Column]:
    """Each money column with what it means across formats: the template's own word for it
    where the template gives one, else what its header's words say (disclosure.measures)."""
    if table is None or table.standard_table is None:
        return columns
    named = []
    for column in columns:
        measure = None
        if column.kind is ColumnKind.AMOUNT:
            own = table.measures.get(column.template_path or "")
            path = column.template_path or column.path
            measure = own or measure_of(path, table.standard_table, kind == "决算")
        named.append(dataclasses.replace(column, measure=measure))
    return named


@dataclass(frozen=True)
class _Row:
    """A printed body row: its cells, their texts, and what the row is."""

    row_no: int
    page_no: int
    starting: list[GridCell]
    texts: dict[int, str]
    meaning: RowMeaning

    def owner_key(self, roles: _Roles) -> str | None:
        """What names the unit or entity this row is: its code, else its label."""
        if self.meaning.kind not in (RowKind.UNIT, RowKind.ENTITY):
            return None
        if self.meaning.entity_code:
            return self.meaning.entity_code
        return next((self.texts[i] for i in roles.labels if self.texts.get(i)), None)


def _named_units(rows: list[_Row]) -> list[_Row]:
    """Units named without codes: a row bearing the department's name is the department when
    it prints what the 合计 row prints (and only the first such row); otherwise it is the
    department's own body (本级), one of its entities."""
    total = next((r for r in rows if r.meaning.kind is RowKind.TOTAL), None)
    if total is None:
        return rows
    money = {col: text for col, text in total.texts.items() if looks_like_amount(text)}
    named: list[_Row] = []
    seen_unit = False
    for row in rows:
        if row.meaning.kind is RowKind.UNIT and not row.meaning.entity_code:
            same = bool(money) and all(row.texts.get(col) == text for col, text in money.items())
            if seen_unit or not same:
                row = dataclasses.replace(row, meaning=RowMeaning(RowKind.ENTITY))
            else:
                seen_unit = True
        named.append(row)
    return named


def rows_to_owners(rows: Sequence[tuple[RowKind, str | None]]) -> list[str | None]:
    """The entity whose block each row is printed in; None for the department's own level.

    A department with several entities prints its by-entity tables one of two ways: the
    department row and its entities' rows one after another (a summary list), then the
    department's subject rows; or one block per entity — the entity's row, then its own
    subject and project rows — possibly after a block of the department's own. An entity row
    opens a block when a non-entity row follows it and it is the only entity in its run of
    unit/entity rows; the rows up to the next unit or entity row are its block.
    """
    owners: list[str | None] = []
    owner: str | None = None
    n = len(rows)
    i = 0
    while i < n:
        kind, key = rows[i]
        if kind is RowKind.TOTAL:  # a 合计 row sums the department, wherever it is printed
            owner = None
        if kind not in (RowKind.UNIT, RowKind.ENTITY):
            owners.append(owner)
            i += 1
            continue
        run_end = i
        while run_end < n and rows[run_end][0] in (RowKind.UNIT, RowKind.ENTITY):
            run_end += 1
        run = rows[i:run_end]
        entities = [k for kind, k in run if kind is RowKind.ENTITY]
        last_kind, last_key = run[-1]
        opens = run_end < n and last_kind is RowKind.ENTITY and len(entities) == 1
        for kind, key in run:
            owners.append(key if kind is RowKind.ENTITY else None)
        owner = last_key if opens else None
        i = run_end
    return owners


def _draft_to_table(
    draft: _TableDraft, unit_code: str | None, unit_name: str | None, template: Template
) -> ExtractedTable:
    reader = SubjectReader(unit_code, unit_name)
    kind = "决算" if is_final_accounts(draft.title) else "预算"
    columns = with_measures(_columns_read(draft), draft.template, kind)
    roles = _Roles.of(columns)
    rows: list[_Row] = []
    is_empty = draft.empty_marker_line
    for part in draft.parts:
        by_row: dict[int, list[GridCell]] = {}
        for cell in part.grid.cells:  # ordered by (row, col)
            if cell.row >= part.first_body_row:
                by_row.setdefault(cell.row, []).append(cell)
        for starting in by_row.values():
            texts = {c.col: squeeze(c.text) for c in starting}
            if any(template.is_empty_marker(text) for text in texts.values()):
                is_empty = True
                meaning = RowMeaning(RowKind.EMPTY_MARKER)
            else:
                meaning = _row_meaning(reader, roles, texts)
            rows.append(_Row(len(rows) + 1, part.page_no, starting, texts, meaning))
    if roles.names_entities:
        rows = _named_units(rows)
    owners = rows_to_owners([(r.meaning.kind, r.owner_key(roles)) for r in rows])
    cells: list[Cell] = []
    for row, owner in zip(rows, owners, strict=True):
        for c in row.starting:
            column = columns[c.col] if c.col < len(columns) else None
            text = row.texts[c.col]
            amount = None
            if column is not None and column.kind is ColumnKind.AMOUNT:
                amount = parse_amount(text)
            elif (
                column is not None
                and column.kind is not ColumnKind.CODE
                and holds_money(column.path)
            ):
                # Money printed where words are (a key-value form, a column of mixed
                # values): kept as printed, never lost.
                amount = parse_amount(text) if looks_like_money(text) else None
            cells.append(
                Cell(
                    row_no=row.row_no,
                    column_no=c.col + 1,
                    column_path=column.path if column else "",
                    template_path=column.template_path if column else None,
                    row_label=_row_label(roles, row.texts, c.col),
                    row_kind=row.meaning.kind,
                    subject_code=row.meaning.subject_code,
                    entity_code=row.meaning.entity_code,
                    text=text,
                    amount=amount,
                    page_no=row.page_no,
                    bbox=c.bbox,
                    owner_code=owner,
                )
            )
    table = draft.template
    return ExtractedTable(
        table_code=draft.code,
        title=draft.title,
        unit_label=draft.unit_label or (table.unit_label if table else None),
        standard_table=table.standard_table if table else None,
        page_from=draft.parts[0].page_no if draft.parts else draft.announced_on,
        page_to=draft.parts[-1].page_no if draft.parts else draft.announced_on,
        header_rows=draft.parts[0].first_body_row if draft.parts else 0,
        columns=columns,
        cells=cells,
        is_empty=is_empty,
        notes=draft.notes,
        header_variant=draft.header_variant,
        classification=table.classification if table else None,
        kind=kind,
        named_by=template.named_by(table) if table else None,
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
    return [_draft_to_table(d, unit_code, unit_name, template) for d in assembler.drafts]
