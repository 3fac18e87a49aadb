"""How much of a PDF's printed money extraction returned: a check for new layouts/provinces.

Independently of our own reading, pdfplumber's word extraction lists every number printed on
each page that has a ruled table; each must appear among the extracted cells of that page.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from disclosure.model import Disclosure
from disclosure.page import visible_on

# An amount: two decimals (万元), or a whole number of 元 (Shanghai prints 171915169) — codes
# printed as numbers (2010601) count too: they are extracted as cells like any amount.
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_TOKEN = re.compile(r"-?[\d,]*\d(?:\.\d+)?")


@dataclass
class Coverage:
    in_grids: int = 0  # amounts printed inside ruled grids
    in_grids_found: int = 0
    on_pages: int = 0  # amounts printed anywhere on pages with a ruled grid
    on_pages_found: int = 0
    missing: list[tuple[int, str]] = field(default_factory=list)  # (page, text), first few

    @property
    def grid_ratio(self) -> float:
        return self.in_grids_found / self.in_grids if self.in_grids else 1.0

    @property
    def page_ratio(self) -> float:
        return self.on_pages_found / self.on_pages if self.on_pages else 1.0


def _inside(word: dict, bbox: tuple[float, float, float, float], slack: float = 1.0) -> bool:
    x0, top, x1, bottom = bbox
    return (
        x0 - slack <= word["x0"]
        and word["x1"] <= x1 + slack
        and top - slack <= word["top"]
        and word["bottom"] <= bottom + slack
    )


def amount_coverage(path: str | os.PathLike[str], disclosure: Disclosure) -> Coverage:
    """Compare the numbers pdfplumber sees on ruled-table pages with the extracted cells."""
    extracted: Counter[tuple[int, str]] = Counter()
    for table in disclosure.tables:
        for cell in table.cells:
            for token in _TOKEN.findall(cell.text):
                extracted[(cell.page_no, token)] += 1
    in_grids: Counter[tuple[int, str]] = Counter()
    on_pages: Counter[tuple[int, str]] = Counter()
    with pdfplumber.open(Path(path)) as pdf:
        for page_no, page in enumerate(pdf.pages, start=1):
            # What a reader sees: no white background boxes, nothing drawn off the page.
            seen = page.filter(visible_on(page.bbox))
            boxes = [t.bbox for t in seen.find_tables()]
            if boxes:
                for word in seen.extract_words():
                    if _NUMBER.match(word["text"]):
                        on_pages[(page_no, word["text"])] += 1
                        if any(_inside(word, box) for box in boxes):
                            in_grids[(page_no, word["text"])] += 1
            page.close()
    coverage = Coverage(in_grids=sum(in_grids.values()), on_pages=sum(on_pages.values()))
    coverage.in_grids_found = sum(min(n, extracted[k]) for k, n in in_grids.items())
    coverage.on_pages_found = sum(min(n, extracted[k]) for k, n in on_pages.items())
    coverage.missing = [k for k, n in on_pages.items() if extracted[k] < n][:20]
    return coverage
