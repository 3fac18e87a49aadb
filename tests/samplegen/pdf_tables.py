"""Read a rendered spec's tables back with pdfplumber itself, cell by cell, as printed.

For generated documents whose tables no template reads yet (决算, national formats): each
table's ruled grids on its pages (samplegen.render's RenderReport says which), header rows
(and a title drawn in the grid) dropped, wrap newlines removed.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from disclosure.headers import tree_to_grid
from disclosure.text import squeeze
from samplegen.render import RenderReport
from samplegen.spec import DisclosureSpec, TableSpec

Rows = list[list[str | None]]


def printed_rows(table: TableSpec) -> Rows:
    """What a table's body should read back as: each cell's text, a merged row's one cell."""
    width = len(table.column_paths)
    return [
        [squeeze(table.text_of(row.values[0]))] + [None] * (width - 1)
        if row.merged
        else [squeeze(table.text_of(v)) for v in row.values]
        for row in table.rows
    ]


def header_rows(table: TableSpec) -> int:
    return tree_to_grid(table.header).rows + (1 if table.title_in_grid else 0)


def _grids(pdf: pdfplumber.PDF, spec: DisclosureSpec, report: RenderReport) -> dict[str, list]:
    """Each table's grids (pdfplumber tables), page by page: tables are drawn in order, top to
    bottom, so each takes the first grid not yet taken on each of its pages."""
    taken: dict[int, int] = {}
    found: dict[int, list] = {}
    out: dict[str, list] = {}
    for table in spec.tables:
        first, last = report.table_pages[table.code]
        grids = []
        for number in range(first, last + 1):
            if number not in found:
                page = pdf.pages[number - 1]
                found[number] = sorted(page.find_tables(), key=lambda t: t.bbox[1])
            index = taken.get(number, 0)
            grids.append((number, found[number][index]))
            taken[number] = index + 1
        out[table.code] = grids
    return out


def read_back(
    spec: DisclosureSpec, path: Path, report: RenderReport
) -> dict[str, tuple[Rows, Rows]]:
    """Each table's header rows (first page) and body rows, as pdfplumber reads them."""
    out: dict[str, tuple[Rows, Rows]] = {}
    with pdfplumber.open(path) as pdf:
        grids = _grids(pdf, spec, report)
        for table in spec.tables:
            header: Rows = []
            rows: Rows = []
            for i, (_, grid) in enumerate(grids[table.code]):
                extracted = [[None if c is None else squeeze(c) for c in r] for r in grid.extract()]
                skip = header_rows(table) if i == 0 or table.repeat_header else 0
                header = header or extracted[:skip]
                rows += extracted[skip:]
            out[table.code] = (header, rows)
    return out


def expected_header(table: TableSpec) -> Rows:
    grid = tree_to_grid(table.header)
    rows: Rows = [[None] * grid.cols for _ in range(grid.rows)]
    for cell in grid.cells:
        rows[cell.row][cell.col] = squeeze(cell.text)
    if table.title_in_grid:
        rows.insert(0, [squeeze("".join(table.title_lines))] + [None] * (grid.cols - 1))
    return rows
