"""Page furniture: what a page prints around its tables that belongs to no table — page numbers
and running headers and footers. Furniture is never a cell, never a note, never a title.

- Page numbers, in their common forms: `第6页`, `第 6 页 共 23 页`, `共23页 第6页`, `- 6 -`,
  `— 6 —`, `6/23`, `Page 6 of 23`, and a bare number printed centred in the top or bottom margin.
- Running headers and footers: the same line (digits aside) printed in the top or bottom band of
  at least half of the pages, and of three at least.

Lines that mean something to a table — its title, its `预算NN表` label, `单位：万元`,
`填报部门：…` — are read before this test, by whoever reads lines (`disclosure.tables`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from disclosure.page import PageContent, TextLine
from disclosure.text import squeeze

_PAGE_NUMBER = re.compile(
    r"^(?:"
    r"第\d+页(?:[/,，]?共\d+页)?"  # 第6页, 第6页共23页
    r"|共\d+页[/,，]?第\d+页"  # 共23页第6页
    r"|第\d+/\d+页"  # 第6/23页
    r"|[-—–－]\d+[-—–－]"  # - 6 -
    r"|\d+/\d+"  # 6/23
    r"|\(\d+\)|（\d+）"  # (6)
    r"|page\d+(?:of\d+)?"  # Page 6 of 23
    r")$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_DIGITS = re.compile(r"\d+")
# The top and bottom bands of a page where headers, footers and page numbers are printed.
_BAND = 0.12
# A bare number is centred when its middle is this close to the page's (share of the width).
_CENTRED = 0.08
_RUNNING_MIN_PAGES = 3


def is_page_number(line: TextLine, page: PageContent) -> bool:
    text = squeeze(line.text)
    if _PAGE_NUMBER.match(text):
        return True
    if _BARE_NUMBER.match(text):
        middle = (line.bbox.x0 + line.bbox.x1) / 2
        centred = abs(middle - page.width / 2) <= _CENTRED * page.width
        return centred and _in_band(line, page)
    return False


def _in_band(line: TextLine, page: PageContent) -> bool:
    return line.bbox.bottom <= _BAND * page.height or line.bbox.top >= (1 - _BAND) * page.height


def _outside_grids(line: TextLine, page: PageContent) -> bool:
    """Above every ruled grid of the page, or below every one."""
    if not page.grids:
        return True
    top = min(g.bbox.top for g in page.grids)
    bottom = max(g.bbox.bottom for g in page.grids)
    return line.bbox.bottom <= top or line.bbox.top >= bottom


def _running_key(line: TextLine) -> str:
    return _DIGITS.sub("#", squeeze(line.text))


def running_lines(pages: Sequence[PageContent]) -> set[str]:
    """The keys (digits folded) of lines printed in a top or bottom band, outside the tables,
    on at least half of the pages (and three at least): running headers and footers."""
    counts: Counter[str] = Counter()
    for page in pages:
        keys = {
            _running_key(line)
            for line in page.lines
            if _in_band(line, page) and _outside_grids(line, page)
        }
        counts.update(k for k in keys if k)
    needed = max(_RUNNING_MIN_PAGES, (len(pages) + 1) // 2)
    return {key for key, n in counts.items() if n >= needed}


class Furniture:
    """The furniture of one document: `is_furniture(line, page)`."""

    def __init__(self, pages: Iterable[PageContent]) -> None:
        self._running = running_lines(list(pages))

    def is_furniture(self, line: TextLine, page: PageContent) -> bool:
        if is_page_number(line, page):
            return True
        return (
            _running_key(line) in self._running
            and _in_band(line, page)
            and _outside_grids(line, page)
        )
