"""One PDF page as content: its ruled grids and the text lines printed outside them.

`page_to_content` is the only place that touches pdfplumber objects; what it returns is plain,
picklable data, so pages can be read in worker processes and stitched together in the parent.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MethodType

from pdfminer.layout import LTChar, LTItem
from pdfplumber.page import Page

from disclosure.grid import Grid, cells_to_grid, fill_grid
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

    def elements(self) -> list[TextLine | Grid]:
        """Lines and grids in reading order (top to bottom)."""
        return sorted([*self.lines, *self.grids], key=lambda e: (e.bbox.top, e.bbox.x0))


def chars_to_lines(chars: list[dict]) -> list[TextLine]:
    """Group loose chars into lines by their vertical position, each read left to right."""
    lines: list[TextLine] = []
    chars = sorted(chars, key=lambda ch: (ch["top"], ch["x0"]))
    groups: list[list[dict]] = []
    for ch in chars:
        if groups and abs(ch["top"] - groups[-1][0]["top"]) <= 0.5 * max(ch["size"], 1.0):
            groups[-1].append(ch)
        else:
            groups.append([ch])
    for group in groups:
        group.sort(key=lambda ch: ch["x0"])
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


def page_to_content(page: Page, page_no: int) -> PageContent:
    """Read one page: find ruled grids, give their cells text, gather the remaining lines."""
    # pdfplumber builds its objects through this method: a lean one for chars (see above).
    page.process_object = MethodType(_lean_process_object, page)  # type: ignore[method-assign]
    chars = [ch for ch in page.chars if ch.get("upright", True)]
    grids: list[Grid] = []
    loose = chars
    for table in page.find_tables(TABLE_SETTINGS):
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
    )
