"""A page as files: one section as CSV, every section of a page as an XLSX workbook (a sheet
each) — written as `budget export` writes them (`warehouse.export`): CSV in UTF-8 with a
byte-order mark, XLSX with Chinese labels over the column names, widths and an autofilter;
amounts exact; printed text a spreadsheet would evaluate kept as text."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pyarrow as pa

from browse.printed import amount_decimals
from browse.sections import Column, Section
from warehouse.export import Column as ExportColumn
from warehouse.export import csv_table, sheet_title, write_csv_batches, write_sheet

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


def section_csv(section: Section) -> bytes:
    """The section as CSV: its column names as the header, a row per row."""
    table = _arrow(section)
    out = io.BytesIO()
    write_csv_batches(table.schema, table.to_batches(), out)
    return out.getvalue()


def sections_xlsx(sections: Sequence[Section]) -> bytes:
    """The sections as one workbook, a sheet each, named by its title."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    taken: set[str] = set()
    for s in sections:
        columns = [_export_column(c) for c in s.columns]
        values = s.values()
        widths = [max((_width(row[i]) for row in values), default=0) for i in range(len(s.columns))]
        write_sheet(book, sheet_title(s.title, taken), columns, values, widths=widths)
    if not sections:
        book.create_sheet("无 none")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_name(*parts: object, suffix: str) -> str:
    """A download's file name from what the page shows: `湖南省信访局-2024-收支总表.csv` (a
    PDF's file name without its `.pdf`)."""
    parts = tuple(p.removesuffix(".pdf") if isinstance(p, str) else p for p in parts)
    stem = "-".join(
        _UNSAFE_NAME.sub("_", str(p)).strip(" ._") for p in parts if p not in ("", None)
    )
    return f"{stem[:120] or 'download'}.{suffix}"


def _export_column(column: Column) -> ExportColumn:
    sql_type = {"amount": "DECIMAL(38,6)", "integer": "BIGINT"}.get(column.kind, "VARCHAR")
    return ExportColumn(column.name, sql_type, heading=column.heading)


def _arrow(section: Section) -> pa.Table:
    values = section.values()
    arrays: list[pa.Array] = []
    for i, column in enumerate(section.columns):
        cells: list[Any] = [row[i] for row in values]
        kind: pa.DataType = pa.string()
        if column.kind == "integer":
            kind = pa.int64()
        elif column.kind == "amount":  # as many decimals as its amounts have (2 to 6)
            scale = max((amount_decimals(v) for v in cells if v is not None), default=2)
            kind = pa.decimal128(18, scale)
        if kind == pa.string():
            cells = [None if v is None else str(v) for v in cells]
        arrays.append(pa.array(cells, type=kind))
    table = pa.table(arrays, names=[c.name for c in section.columns])
    return csv_table(table)


def _width(value: object) -> float:
    if value is None:
        return 0
    text = f"{value:,.2f}" if isinstance(value, Decimal) else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
