"""Column paths: from a template's header tree, or from a printed header grid.

A leaf column is named by its *column path*: the header texts from the top header row down to
the leaf, whitespace removed, joined by '/'. A text that spans several header rows appears once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from disclosure.amounts import looks_like_amount
from disclosure.cover import filer_name, unit_label
from disclosure.grid import Grid
from disclosure.subjects import is_total_label
from disclosure.text import squeeze


@dataclass(frozen=True)
class HeaderNode:
    """One printed header cell: a text and the header cells beneath it."""

    text: str
    children: tuple[HeaderNode, ...] = ()

    @property
    def leaf_count(self) -> int:
        return 1 if not self.children else sum(c.leaf_count for c in self.children)

    @property
    def depth(self) -> int:
        return 1 if not self.children else 1 + max(c.depth for c in self.children)


@dataclass(frozen=True)
class HeaderCell:
    """A header cell placed on the header grid (0-based row/column, with spans)."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1


@dataclass(frozen=True)
class HeaderGrid:
    """The header of a table as placed cells: `rows` header rows, `cols` leaf columns."""

    rows: int
    cols: int
    cells: tuple[HeaderCell, ...] = field(default=())


def nodes_from_yaml(items: Iterable[object]) -> tuple[HeaderNode, ...]:
    """Turn the YAML form (a leaf string, or a one-key mapping text → children) into nodes."""
    nodes = []
    for item in items:
        if isinstance(item, str):
            nodes.append(HeaderNode(item))
        elif isinstance(item, dict) and len(item) == 1:
            ((text, children),) = item.items()
            nodes.append(HeaderNode(str(text), nodes_from_yaml(children)))
        else:
            raise ValueError(f"a header node is a string or a one-key mapping, not {item!r}")
    return tuple(nodes)


def tree_to_paths(nodes: Sequence[HeaderNode]) -> list[str]:
    """Leaf column paths of a header tree, left to right."""
    paths: list[str] = []

    def walk(node: HeaderNode, prefix: tuple[str, ...]) -> None:
        here = (*prefix, squeeze(node.text)) if squeeze(node.text) else prefix
        if not node.children:
            paths.append("/".join(here))
        for child in node.children:
            walk(child, here)

    for node in nodes:
        walk(node, ())
    return paths


def tree_to_grid(nodes: Sequence[HeaderNode]) -> HeaderGrid:
    """Place a header tree on a grid the way it is printed: a leaf spans down to the last row."""
    depth = max(n.depth for n in nodes)
    cells: list[HeaderCell] = []

    def place(node: HeaderNode, row: int, col: int) -> None:
        rowspan = depth - row if not node.children else 1
        cells.append(HeaderCell(node.text, row, col, rowspan, node.leaf_count))
        c = col
        for child in node.children:
            place(child, row + 1, c)
            c += child.leaf_count

    col = 0
    for node in nodes:
        place(node, 0, col)
        col += node.leaf_count
    return HeaderGrid(rows=depth, cols=col, cells=tuple(cells))


def grid_to_paths(grid: HeaderGrid) -> list[str]:
    """Leaf column paths of a printed header grid (merged cells placed with their spans).

    Each leaf column takes, top to bottom, the text of every header cell covering it; a cell
    spanning several rows is met once. Empty header cells add nothing to a path.
    """
    covering: list[list[HeaderCell]] = [[] for _ in range(grid.cols)]
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        for col in range(cell.col, min(cell.last_col, grid.cols - 1) + 1):
            covering[col].append(cell)
    paths = []
    for cells in covering:
        texts = [squeeze(c.text) for c in cells]
        paths.append("/".join(t for t in texts if t))
    return paths


# --- Reading the header of a printed grid --------------------------------------------------


def _row_span_end(grid: Grid, row: int) -> int:
    """The row below the lowest printed header text starting on `row`.

    Empty cells do not count: a blank frame column spanning the whole table is not header.
    """
    ends = [c.row + c.rowspan for c in grid.row_cells(row) if squeeze(c.text)]
    return max(ends, default=row + 1)


def _is_body_row(
    grid: Grid, row: int, is_marker: Callable[[str], bool], labels: bool = True
) -> bool:
    """A row that can only be body: it prints money or a code, the empty-table marker, or
    (with `labels`) a 合计 label in a leading column."""
    cells = grid.row_cells(row)
    if numbering_row(grid, row):
        return False
    texts = [squeeze(c.text) for c in cells]
    if any(looks_like_amount(text) or is_marker(text) for text in texts):
        return True
    for cell, text in zip(cells, texts, strict=True):
        if labels and is_total_label(text) and _leads_its_row(grid, row, cell.col):
            # A row of header words only (合计 | 因公出国（境）费 | 公务接待费 …) is a header row
            # whose first heading is 合计; a total row leaves room for amounts.
            return not all(squeeze(c.text) for c in cells) or len(cells) == 1
    return False


_NUMBERING_WORDS = frozenset({"栏次", "行次", "*", "**", "***", "—", "-"})


def numbering_row(grid: Grid, row: int) -> bool:
    """A row numbering the columns (`栏次 | 1 | 2 | 3`, `** | ** | 1 | 2 | 3`): part of the
    header, no body row, and no header text either."""
    texts = [squeeze(c.text) for c in grid.row_cells(row)]
    numbers = [int(t) for t in texts if t.isdigit() and len(t) <= 3]
    words = [t for t in texts if t and not t.isdigit()]
    if any(w not in _NUMBERING_WORDS for w in words):
        return False
    if len(numbers) < 2 and not (numbers and words):  # `** | 1`: one column numbered
        return False
    return all(b > a for a, b in pairwise(numbers))


def _leads_its_row(grid: Grid, row: int, col: int) -> bool:
    """A label in one of the first two columns, or after empty cells of this row only (codes
    printed blank in a 合计 row): a heading 合计 instead sits beside cells spanning from above."""
    if col <= 1:
        return True
    left = [c for c in grid.row_cells(row) if c.col < col]
    return sum(c.colspan for c in left) == col and not any(squeeze(c.text) for c in left)


def caption_rows(grid: Grid) -> int:
    """Leading rows whose only text is one wide cell — a title drawn inside the table frame —
    or the `编制单位：…` / `单位：元` lines some software draws inside it."""
    row = 0
    while row < grid.row_count and grid.col_count > 1:
        cells = grid.row_cells(row)
        printed = [c for c in cells if squeeze(c.text)]
        if cells and not printed and row == 0:
            row += 1  # an empty band above the caption
            continue
        if printed and all(unit_label(c.text) or filer_name(c.text) for c in printed):
            row += max(c.rowspan for c in printed)
            continue
        if len(printed) != 1 or printed[0].colspan * 2 < grid.col_count:
            break
        if looks_like_amount(squeeze(printed[0].text)):
            break
        row += printed[0].rowspan
    return row


def _never(text: str) -> bool:
    return False


def header_row_count(
    grid: Grid, first_row: int = 0, is_marker: Callable[[str], bool] = _never
) -> int:
    """How many grid rows from `first_row` form the header.

    The header is closed under vertical merges (a cell spanning rows keeps them all in the
    header) and ends at the first row that can only be body. With no such row the header is the
    first row and whatever it spans.
    """
    if first_row >= grid.row_count:
        return 0
    first_end = _row_span_end(grid, first_row)
    # A table opens with its header: a 合计 there is a column heading, not a total row.
    if _is_body_row(grid, first_row, is_marker, labels=False):
        return 0
    end = first_end
    while end < grid.row_count and not _is_body_row(grid, end, is_marker):
        end = max(end + 1, _row_span_end(grid, end))
    if end >= grid.row_count:
        end = first_end
    while end < grid.row_count and numbering_row(grid, end):
        end += 1  # the columns' numbers below their headings
    return min(end, grid.row_count) - first_row


def grid_header(grid: Grid, first_row: int, rows: int) -> HeaderGrid:
    """The header rows of a printed grid as a HeaderGrid (rows re-based to 0); a row numbering
    the columns adds no text to their paths."""
    numbering = {r for r in range(first_row, first_row + rows) if numbering_row(grid, r)}
    cells = tuple(
        HeaderCell(
            text=c.text,
            row=c.row - first_row,
            col=c.col,
            rowspan=min(c.rowspan, first_row + rows - c.row),
            colspan=c.colspan,
        )
        for c in grid.cells
        if first_row <= c.row < first_row + rows and c.row not in numbering
    )
    return HeaderGrid(rows=rows, cols=grid.col_count, cells=cells)


def row_texts(grid: Grid, row: int) -> tuple[str, ...]:
    """The squeezed texts of the cells starting on a row: a row's signature for comparisons."""
    return tuple(squeeze(c.text) for c in grid.row_cells(row))
