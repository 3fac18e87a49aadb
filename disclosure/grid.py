"""Ruled grids: a page's tables as cells placed on row/column indices, with their text.

pdfplumber finds the cells from the ruling lines (`page.find_tables`); we do not call its
`Table.extract()`, which tests every char against every cell. Instead each char is placed once:
its centre is bisected into the grid's column and row boundaries, and the grid position says
which (possibly merged) cell owns it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from disclosure.model import BBox

# Boundaries closer than this (points) are the same ruling line drawn twice.
EDGE_TOLERANCE = 1.5
# Glyphs closer than this fraction of the font size belong to one printed word.
_TOUCHING = 0.2
# Sort keys of pdfplumber's chars: top, then left (reading order); left alone.
READING_ORDER = itemgetter("top", "x0")
LEFT_TO_RIGHT = itemgetter("x0")


@dataclass(frozen=True, slots=True)
class GridCell:
    """A ruled cell: grid rows [row, row + rowspan), columns [col, col + colspan)."""

    row: int
    col: int
    rowspan: int
    colspan: int
    bbox: BBox
    text: str  # printed text, wrapped lines joined without separator, spaces kept


@dataclass(frozen=True, slots=True)
class Grid:
    """One ruled table on one page."""

    bbox: BBox
    row_edges: tuple[float, ...]  # y positions of the row boundaries, top to bottom
    col_edges: tuple[float, ...]  # x positions of the column boundaries, left to right
    cells: tuple[GridCell, ...]  # ordered by (row, col)

    @property
    def row_count(self) -> int:
        return len(self.row_edges) - 1

    @property
    def col_count(self) -> int:
        return len(self.col_edges) - 1

    def row_cells(self, row: int) -> list[GridCell]:
        """Cells that start on `row`, left to right."""
        return [c for c in self.cells if c.row == row]


def cluster_edges(values: Iterable[float], tolerance: float = EDGE_TOLERANCE) -> list[float]:
    """Sorted distinct boundaries; values within `tolerance` of a cluster's start merge into it."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > tolerance:
            edges.append(value)
    return edges


def _index(edges: Sequence[float], value: float) -> int:
    """Index of the boundary nearest to `value`."""
    i = bisect_right(edges, value)
    if i == 0:
        return 0
    if i == len(edges):
        return len(edges) - 1
    return i if edges[i] - value < value - edges[i - 1] else i - 1


def _chars_to_text(chars: list[dict]) -> str:
    """Text of one cell: lines top to bottom, each left to right; wrapped lines joined with ''."""
    if not chars:
        return ""
    chars.sort(key=READING_ORDER)
    lines: list[list[dict]] = [[chars[0]]]
    for ch in chars[1:]:
        line = lines[-1]
        if ch["top"] - line[0]["top"] > 0.5 * max(line[0]["size"], 1.0):
            lines.append([ch])
        else:
            line.append(ch)
    return "".join("".join(ch["text"] for ch in sorted(line, key=LEFT_TO_RIGHT)) for line in lines)


def cells_to_grid(cell_boxes: Sequence[tuple[float, float, float, float]]) -> Grid:
    """Place pdfplumber's cell boxes (x0, top, x1, bottom) on row/column indices (no text yet)."""
    xs = cluster_edges([b[0] for b in cell_boxes] + [b[2] for b in cell_boxes])
    ys = cluster_edges([b[1] for b in cell_boxes] + [b[3] for b in cell_boxes])
    cells = []
    for x0, top, x1, bottom in cell_boxes:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue  # a sliver thinner than the tolerance: not a printable cell
        cells.append(GridCell(r0, c0, r1 - r0, c1 - c0, BBox(x0, top, x1, bottom), ""))
    cells = _drop_frames(cells, len(ys) - 1, len(xs) - 1)
    cells.sort(key=lambda c: (c.row, c.col))
    bbox = BBox(xs[0], ys[0], xs[-1], ys[-1])
    return Grid(bbox=bbox, row_edges=tuple(ys), col_edges=tuple(xs), cells=tuple(cells))


def _drop_frames(cells: list[GridCell], rows: int, cols: int) -> list[GridCell]:
    """Remove cells that enclose other cells: a frame drawn around a table is not a cell."""
    owner: list[list[int]] = [[-1] * cols for _ in range(rows)]
    frames: set[int] = set()
    area = [c.rowspan * c.colspan for c in cells]
    for i, cell in enumerate(cells):
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                j = owner[r][c]
                if j >= 0 and j != i:
                    frames.add(i if area[i] > area[j] else j)
                owner[r][c] = i
    return [c for i, c in enumerate(cells) if i not in frames] if frames else cells


def _overflow_fixed(placed: list[tuple[dict, int]]) -> list[tuple[dict, int]]:
    """Keep each printed word in one cell.

    A number printed a little too wide for its cell has its last glyphs' centres beyond the
    ruling line. Chars that touch on one line form a word; a word split between cells goes
    whole to the cell holding most of its chars.
    """
    placed.sort(key=lambda item: (item[0]["top"], item[0]["x0"]))
    fixed: list[tuple[dict, int]] = []
    start = 0
    for end in range(1, len(placed) + 1):
        if end < len(placed):
            prev, ch = placed[end - 1][0], placed[end][0]
            touching = (
                abs(ch["top"] - prev["top"]) < 0.5
                and -0.5 * ch["size"] < ch["x0"] - prev["x1"] < _TOUCHING * ch["size"]
                and not ch["text"].isspace()
            )
            if touching:
                continue
        word = placed[start:end]
        owners = {i for _, i in word}
        if len(owners) > 1:
            counts = Counter(i for _, i in word)
            winner = max(owners, key=lambda i: (counts[i], -i))
            word = [(ch, winner) for ch, _ in word]
        fixed.extend(word)
        start = end
    return fixed


def fill_grid(grid: Grid, chars: Iterable[dict]) -> tuple[Grid, list[dict]]:
    """Give each cell its chars (placed by centre, one bisect each); return the grid and the
    chars that fell outside it."""
    owner: list[list[int]] = [[-1] * grid.col_count for _ in range(grid.row_count)]
    for i, cell in enumerate(grid.cells):
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                owner[r][c] = i
    xs, ys = grid.col_edges, grid.row_edges
    last_col, last_row = grid.col_count - 1, grid.row_count - 1
    left, right, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
    placed: list[tuple[dict, int]] = []
    outside = []
    unruled: dict[tuple[int, int], int] = {}  # a frame position with text but no ruled cell
    spots = list(grid.cells)
    for ch in chars:
        cx = (ch["x0"] + ch["x1"]) / 2
        cy = (ch["top"] + ch["bottom"]) / 2
        if not (left <= cx <= right and top <= cy <= bottom):
            outside.append(ch)
            continue
        c = min(bisect_right(xs, cx) - 1, last_col)
        r = min(bisect_right(ys, cy) - 1, last_row)
        i = owner[r][c]
        if i < 0:
            # Inside the frame where no cell is ruled (a header printed without its inner rules
            # on a continuation page): still that row's and column's text.
            if (r, c) not in unruled:
                unruled[(r, c)] = len(spots)
                spots.append(GridCell(r, c, 1, 1, BBox(xs[c], ys[r], xs[c + 1], ys[r + 1]), ""))
            i = unruled[(r, c)]
        placed.append((ch, i))
    per_cell: list[list[dict]] = [[] for _ in spots]
    for ch, i in _overflow_fixed(placed):
        per_cell[i].append(ch)
    filled_cells = [
        GridCell(c.row, c.col, c.rowspan, c.colspan, c.bbox, _chars_to_text(per_cell[i]))
        for i, c in enumerate(spots)
    ]
    if unruled:  # the grid's own cells are in (row, col) order already; these join them
        filled_cells.sort(key=lambda c: (c.row, c.col))
    cells = tuple(filled_cells)
    filled = Grid(grid.bbox, grid.row_edges, grid.col_edges, cells)
    return filled, outside
