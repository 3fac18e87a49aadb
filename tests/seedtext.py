"""The real seed disclosure as text: its cover and tables, read the way the text prints them.

`tests/data/seed_hunan_xinfang_2024.txt` (the team's `shared/seed/000_1261372287653b47.txt`, kept
in the tree so that a fresh clone tests it too) is a lossy text rendering of 湖南省信访局's 2024
PDF:
each table prints a title line, `填报部门：…`, a unit line, tab-separated header and body rows,
then note lines. A table printed over several pages repeats its title and header. Cells are
kept exactly as the text renders them: where the rendering flattened merged header cells, some
body cells sit one column off, so compare row contents and amounts, not column positions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from disclosure.template import load_template

SEED_PATH = Path(__file__).resolve().parent / "data" / "seed_hunan_xinfang_2024.txt"

AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d{2}(?![\d.,])")
_UNIT_LINE = re.compile(r"^(?:金额)?单位：")
_NOTE_LINE = re.compile(r"^(?:备注|注\d*)\s*[:：]")
_COVER = {
    "unit_code": re.compile(r"^单位代码：\s*(\S+)$"),
    "unit_name": re.compile(r"^单位名称：\s*(\S+)$"),
    "phone": re.compile(r"^联系电话：\s*(\S+)$"),
}
_YEAR = re.compile(r"^(\d{4})\s*年")


def amounts_in(texts: list[str] | tuple[str, ...]) -> Counter[Decimal]:
    """Every printed money token (`4,099.76`, two decimals) in these texts, with multiplicity."""
    found: Counter[Decimal] = Counter()
    for text in texts:
        for token in AMOUNT.findall(text):
            found[Decimal(token.replace(",", ""))] += 1
    return found


@dataclass(frozen=True)
class SeedTable:
    code: str
    titles: tuple[str, ...]  # the title line of each page, as printed
    unit_line: str  # `单位：万元` or `金额单位：万元`
    header_rows: tuple[tuple[str, ...], ...]  # first page's header rows
    body_rows: tuple[tuple[str, ...], ...]  # all pages, in print order, cells as rendered
    page_row_counts: tuple[int, ...]  # body rows on each page
    notes: tuple[str, ...]

    @property
    def amounts(self) -> Counter[Decimal]:
        return amounts_in([cell for row in self.body_rows for cell in row])


@dataclass(frozen=True)
class SeedDisclosure:
    year: int
    unit_code: str
    unit_name: str
    phone: str
    tables: tuple[SeedTable, ...]

    def table(self, code: str) -> SeedTable:
        for table in self.tables:
            if table.code == code:
                return table
        raise KeyError(code)


@dataclass
class _Section:
    """A table while it is being read: its pages' rows, split into header and body rows."""

    code: str
    header_depth: int
    titles: list[str] = field(default_factory=list)
    unit_line: str = ""
    header_rows: list[tuple[str, ...]] = field(default_factory=list)
    body_rows: list[tuple[str, ...]] = field(default_factory=list)
    page_row_counts: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    rows_on_page: int = 0  # tab rows seen on the current page, header rows included

    def new_page(self, title: str) -> None:
        self.titles.append(title)
        self.page_row_counts.append(0)
        self.rows_on_page = 0

    def add_row(self, cells: tuple[str, ...]) -> None:
        self.rows_on_page += 1
        if self.rows_on_page <= self.header_depth:
            if len(self.titles) == 1:
                self.header_rows.append(cells)
            return
        self.body_rows.append(cells)
        self.page_row_counts[-1] += 1

    def finish(self) -> SeedTable:
        return SeedTable(
            code=self.code,
            titles=tuple(self.titles),
            unit_line=self.unit_line,
            header_rows=tuple(self.header_rows),
            body_rows=tuple(self.body_rows),
            page_row_counts=tuple(self.page_row_counts),
            notes=tuple(self.notes),
        )


def read_seed(path: Path = SEED_PATH) -> SeedDisclosure:
    """The seed's cover and its tables, in print order; continuation pages join their table.

    A table's header rows are the first `depth` tab rows of each page, where depth is the
    template's header depth (the rendering keeps one text row per printed header row).
    """
    template = load_template("hunan")
    cover: dict[str, str] = {}
    year: int | None = None
    sections: list[_Section] = []
    current: _Section | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        matched = template.match_title(line)
        if matched is not None:
            if current is not None and current.code == matched.code:
                current.new_page(line)
            else:
                current = _Section(matched.code, max(n.depth for n in matched.header))
                current.new_page(line)
                sections.append(current)
            continue
        if current is None:
            if year is None and (m := _YEAR.match(line)):
                year = int(m.group(1))
            for key, pattern in _COVER.items():
                if m := pattern.match(line):
                    cover.setdefault(key, m.group(1))
            continue
        if "\t" in raw:
            current.add_row(tuple(cell.strip() for cell in raw.split("\t")))
        elif _UNIT_LINE.match(line):
            current.unit_line = line
        elif _NOTE_LINE.match(line):
            current.notes.append(line)
    if year is None or set(cover) != set(_COVER):
        raise ValueError(f"{path}: no complete cover (year {year}, found {sorted(cover)})")
    return SeedDisclosure(
        year=year,
        unit_code=cover["unit_code"],
        unit_name=cover["unit_name"],
        phone=cover["phone"],
        tables=tuple(section.finish() for section in sections),
    )
