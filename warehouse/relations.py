"""The rows a loaded disclosure adds to `budget_tables` and `budget_cells`, as Arrow tables.

Amounts stay exact: `decimal128(18, 2)` in Arrow and Parquet, `DECIMAL(18,2)` in DuckDB (万元).
Rows are sorted by their printed position so that the same disclosure always gives the same
bytes. Nothing here depends on when or by whom a document was loaded.
"""

from __future__ import annotations

import pyarrow as pa

from disclosure.model import Disclosure

AMOUNT = pa.decimal128(18, 2)

# `year` and `unit_code` are not in the files: they are the hive partition keys of the path.
CELLS_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("table_no", pa.int32()),
        ("table_code", pa.string()),
        ("row_no", pa.int32()),
        ("column_no", pa.int32()),
        ("column_path", pa.string()),
        ("column_kind", pa.string()),
        ("row_label", pa.string()),
        ("row_kind", pa.string()),
        ("subject_code", pa.string()),
        ("entity_code", pa.string()),
        ("text", pa.string()),
        ("amount", AMOUNT),
        ("page_no", pa.int32()),
        ("bbox_x0", pa.float64()),
        ("bbox_top", pa.float64()),
        ("bbox_x1", pa.float64()),
        ("bbox_bottom", pa.float64()),
    ]
)

TABLES_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("year", pa.int32()),
        ("unit_code", pa.string()),
        ("table_no", pa.int32()),
        ("table_code", pa.string()),
        ("title", pa.string()),
        ("unit_label", pa.string()),
        ("page_from", pa.int32()),
        ("page_to", pa.int32()),
        ("header_rows", pa.int32()),
        ("column_count", pa.int32()),
        ("row_count", pa.int32()),
        ("cell_count", pa.int32()),
        ("is_empty", pa.bool_()),
        ("notes", pa.list_(pa.string())),
    ]
)


def disclosure_to_cells(disclosure: Disclosure, doc_id: str) -> pa.Table:
    """One row per printed body cell, in printed order (table, row, column)."""
    columns: dict[str, list[object]] = {name: [] for name in CELLS_SCHEMA.names}
    for table_no, table in enumerate(disclosure.tables, start=1):
        kinds = {c.column_no: c.kind.value for c in table.columns}
        for cell in sorted(table.cells, key=lambda c: (c.row_no, c.column_no)):
            row = {
                "doc_id": doc_id,
                "table_no": table_no,
                "table_code": table.table_code,
                "row_no": cell.row_no,
                "column_no": cell.column_no,
                "column_path": cell.column_path,
                "column_kind": kinds.get(cell.column_no),
                "row_label": cell.row_label,
                "row_kind": cell.row_kind.value,
                "subject_code": cell.subject_code,
                "entity_code": cell.entity_code,
                "text": cell.text,
                "amount": cell.amount,
                "page_no": cell.page_no,
                "bbox_x0": cell.bbox.x0,
                "bbox_top": cell.bbox.top,
                "bbox_x1": cell.bbox.x1,
                "bbox_bottom": cell.bbox.bottom,
            }
            for name, value in row.items():
                columns[name].append(value)
    # An amount with more than two decimals raises here rather than being rounded.
    return pa.table(columns, schema=CELLS_SCHEMA)


def disclosure_to_tables(disclosure: Disclosure, doc_id: str) -> pa.Table:
    """One row per extracted table, in document order; `table_no` keys unmatched tables too."""
    rows = [
        {
            "doc_id": doc_id,
            "year": disclosure.year,
            "unit_code": disclosure.unit_code,
            "table_no": table_no,
            "table_code": table.table_code,
            "title": table.title,
            "unit_label": table.unit_label,
            "page_from": table.page_from,
            "page_to": table.page_to,
            "header_rows": table.header_rows,
            "column_count": len(table.columns),
            "row_count": table.row_count,
            "cell_count": len(table.cells),
            "is_empty": table.is_empty,
            "notes": list(table.notes),
        }
        for table_no, table in enumerate(disclosure.tables, start=1)
    ]
    return pa.Table.from_pylist(rows, schema=TABLES_SCHEMA)
