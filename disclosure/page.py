"""One PDF page as content: its ruled grids and the text lines printed outside them.

`page_to_content` is the only place that touches pdfplumber objects; what it returns is plain,
picklable data, so pages can be read in worker processes and stitched together in the parent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MethodType

from pdfminer.layout import LTChar, LTItem
from pdfplumber.page import FilteredPage, Page
from pdfplumber.table import (
    Table,
    TableFinder,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
)
from pdfplumber.utils import obj_to_bbox

from disclosure.grid import LEFT_TO_RIGHT, READING_ORDER, Grid, cells_to_grid, fill_grid
from disclosure.model import BBox

# pdfplumber's defaults, spelled out: ruled tables only (the 'text' strategies would invent
# tables out of any aligned prose).
TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "edge_min_length": 3,
    "intersection_tolerance": 3,
}


@dataclass(frozen=True, slots=True)
class Word:
    """A run of touching glyphs on one line."""

    text: str
    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class TextLine:
    """A line of text outside any ruled grid; `text` keeps visible gaps as single spaces."""

    text: str
    bbox: BBox
    words: tuple[Word, ...] = ()


@dataclass(frozen=True, slots=True)
class PageContent:
    page_no: int  # 1-based
    width: float
    height: float
    lines: tuple[TextLine, ...]
    grids: tuple[Grid, ...]
    char_count: int
    image_count: int
    parser: str = "pdfminer"  # what read it: 'playa' or 'pdfminer' (disclosure.extract)

    def elements(self) -> list[TextLine | Grid]:
        """Lines and grids in reading order (top to bottom)."""
        return sorted([*self.lines, *self.grids], key=lambda e: (e.bbox.top, e.bbox.x0))


def chars_to_lines(chars: list[dict]) -> list[TextLine]:
    """Group loose chars into lines by their vertical position, each read left to right."""
    lines: list[TextLine] = []
    chars = sorted(chars, key=READING_ORDER)
    groups: list[list[dict]] = []
    for ch in chars:
        if groups and abs(ch["top"] - groups[-1][0]["top"]) <= 0.5 * max(ch["size"], 1.0):
            groups[-1].append(ch)
        else:
            groups.append([ch])
    for group in groups:
        group.sort(key=LEFT_TO_RIGHT)
        words: list[list[dict]] = []
        for ch in group:
            if ch["text"].isspace():
                words.append([])
            elif words and words[-1] and ch["x0"] - words[-1][-1]["x1"] <= 0.5 * ch["size"]:
                words[-1].append(ch)
            else:
                words.append([ch])
        printed = [
            Word("".join(c["text"] for c in w), w[0]["x0"], max(c["x1"] for c in w))
            for w in words
            if w
        ]
        if printed:
            bbox = BBox(
                min(c["x0"] for c in group),
                min(c["top"] for c in group),
                max(c["x1"] for c in group),
                max(c["bottom"] for c in group),
            )
            lines.append(TextLine(" ".join(w.text for w in printed), bbox, tuple(printed)))
    return lines


def _lean_process_object(page: Page, obj: LTItem) -> dict:
    """pdfplumber's object builder, with chars reduced to the fields extraction reads.

    pdfplumber copies and resolves every attribute of every glyph (colours, matrix, font
    metadata); on table pages that is a quarter of the parse time. Lines, rects and curves
    (few, and what the table finder reads) keep pdfplumber's own full processing.
    """
    if type(obj) is LTChar and page.pdf.unicode_norm is None:
        mb_x0, mb_top = page.mediabox[:2]
        return {
            "object_type": "char",
            "text": obj.get_text(),
            "x0": obj.x0 + mb_x0,
            "x1": obj.x1 + mb_x0,
            "top": page.height - obj.y1 + mb_top,
            "bottom": page.height - obj.y0 + mb_top,
            "size": obj.size,
            "upright": obj.upright,
        }
    return Page.process_object(page, obj)


_WHITE = {(1.0,), (1.0, 1.0, 1.0), (0.0, 0.0, 0.0, 0.0)}


def visible_on(bbox: tuple[float, float, float, float]) -> Callable[[dict], bool]:
    """A filter of what a reader of a page with this bounding box sees: not a rectangle filled
    white and not stroked (word processors paint cell backgrounds and padding that way, and its
    edges are no rules), nor anything drawn wholly off the page (some exports keep a second copy
    of a table there)."""
    left, top, right, bottom = bbox

    def visible(obj: dict) -> bool:
        if obj["x1"] < left or obj["x0"] > right or obj["bottom"] < top or obj["top"] > bottom:
            return False
        if obj.get("object_type") != "rect" or obj.get("stroke") or not obj.get("fill"):
            return True
        color = obj.get("non_stroking_color")
        if isinstance(color, int | float):
            color = (float(color),)
        return not (isinstance(color, tuple | list) and tuple(map(float, color)) in _WHITE)

    return visible


Point = tuple[float, float]
Box = tuple[float, float, float, float]


def intersections_to_cells(intersections: dict[Point, dict[str, list[dict]]]) -> list[Box]:
    """pdfplumber's `intersections_to_cells`, the same cells in the same order, found faster.

    For each intersection point it looks for the smallest cell whose top-left corner it is:
    among the points below it and to its right. pdfplumber finds those by scanning every later
    point, and builds each edge set again per comparison: O(n²) on a page of ~800 points, 80%
    of its table finding. Here each column's and row's points are listed once, in the order of
    pdfplumber's scan, and each point's edges are a set once.
    """
    points = sorted(intersections)
    vertical = {p: {obj_to_bbox(e) for e in found["v"]} for p, found in intersections.items()}
    horizontal = {p: {obj_to_bbox(e) for e in found["h"]} for p, found in intersections.items()}
    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[Point]] = {}
    for point in points:  # sorted by (x, y): a column top to bottom, a row left to right
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    in_column = {p: i for column in columns.values() for i, p in enumerate(column)}
    in_row = {p: i for row in rows.values() for i, p in enumerate(row)}

    def connects(p1: Point, p2: Point) -> bool:
        if p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2]):
            return True
        return p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])

    cells: list[Box] = []
    for point in points:
        below = columns[point[0]][in_column[point] + 1 :]
        right = rows[point[1]][in_row[point] + 1 :]
        found = _smallest_cell(point, below, right, connects, intersections)
        if found is not None:
            cells.append(found)
    return cells


def _smallest_cell(
    point: Point,
    below: list[Point],
    right: list[Point],
    connects: Callable[[Point, Point], bool],
    intersections: dict[Point, dict[str, list[dict]]],
) -> Box | None:
    for below_pt in below:
        if not connects(point, below_pt):
            continue
        for right_pt in right:
            if not connects(point, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if (
                corner in intersections
                and connects(corner, right_pt)
                and connects(corner, below_pt)
            ):
                return (point[0], point[1], corner[0], corner[1])
    return None


class _Rulings(FilteredPage):
    """What the table finder reads of a page: what a reader sees of it, less its chars (a
    finder by lines reads none), each object tested once."""

    @property
    def objects(self) -> dict[str, list[dict]]:
        if not hasattr(self, "_objects"):
            found = self.parent_page.objects.items()
            test = self.filter_fn
            self._objects = {k: [o for o in v if test(o)] for k, v in found if k != "char"}
        return self._objects


class _TableFinder(TableFinder):
    """pdfplumber's TableFinder (0.11), its cells found by `intersections_to_cells` above."""

    def __init__(self, page: Page, settings: dict) -> None:
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges,
            self.settings.intersection_x_tolerance,
            self.settings.intersection_y_tolerance,
        )
        self.cells = intersections_to_cells(self.intersections)
        self.tables = [Table(self.page, group) for group in cells_to_tables(self.cells)]


def page_to_content(page: Page, page_no: int, parser: str = "pdfminer") -> PageContent:
    """Read one page: find ruled grids, give their cells text, gather the remaining lines."""
    # pdfplumber builds its objects through this method: a lean one for chars (see above).
    page.process_object = MethodType(_lean_process_object, page)  # type: ignore[method-assign]
    visible = visible_on(page.bbox)
    chars = [ch for ch in page.chars if ch.get("upright", True) and visible(ch)]
    grids: list[Grid] = []
    loose = chars
    # page.find_tables, faster; what a reader does not see is no rule
    for table in _TableFinder(_Rulings(page, visible), TABLE_SETTINGS).tables:
        grid = cells_to_grid(table.cells)
        if not grid.cells:
            continue
        grid, loose = fill_grid(grid, loose)
        grids.append(grid)
    # pdfplumber gives a rotated page's objects in the orientation it is shown in, but its
    # width and height as stored: a landscape page printed as a turned portrait one.
    turned = page.rotation % 180 == 90
    return PageContent(
        page_no=page_no,
        width=float(page.height if turned else page.width),
        height=float(page.width if turned else page.height),
        lines=tuple(chars_to_lines(loose)),
        grids=tuple(grids),
        char_count=len(chars),
        image_count=len(page.images),
        parser=parser,
    )
