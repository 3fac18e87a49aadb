"""The rows a loaded disclosure adds to `budget_tables` and `budget_cells`, as Arrow tables of
the layouts in `warehouse.relations`.

Amounts stay exact: `decimal128(18, 2)` in Arrow and Parquet, `DECIMAL(18,2)` in DuckDB. Rows are
sorted by their printed position so that the same disclosure always gives the same
bytes. Nothing here depends on when or by whom a document was loaded.
"""

from __future__ import annotations

import pyarrow as pa

from disclosure.model import Disclosure
from warehouse.relations import BUDGET_CELLS, BUDGET_TABLES


def disclosure_to_cells(disclosure: Disclosure, doc_id: str) -> pa.Table:
    """One row per printed body cell, in printed order (table, row, column)."""
    columns: dict[str, list[object]] = {name: [] for name in BUDGET_CELLS.schema.names}
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
                "template_path": cell.template_path,
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
    return pa.table(columns, schema=BUDGET_CELLS.schema)


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
    return pa.Table.from_pylist(rows, schema=BUDGET_TABLES.schema)
