"""The rows a loaded disclosure adds to `budget_tables` and `budget_cells`, as Arrow tables of
the layouts in `warehouse.relations`.

Amounts stay exact: `decimal128(18, 2)` in Arrow and Parquet, `DECIMAL(18,2)` in DuckDB. Rows are
sorted by their printed position so that the same disclosure always gives the same
bytes. Nothing here depends on when or by whom a document was loaded.
"""

from __future__ import annotations

import pyarrow as pa

from disclosure.model import Cell, Disclosure
from disclosure.template import YUAN_PER
from warehouse.relations import BUDGET_CELLS, BUDGET_TABLES


def disclosure_to_cells(disclosure: Disclosure, doc_id: str) -> pa.Table:
    """One row per printed body cell, in printed order (table, row, column)."""
    rows: list[tuple[object, ...]] = []
    for table_no, table in enumerate(disclosure.tables, start=1):
        kinds = {c.column_no: c.kind.value for c in table.columns}
        measures = {c.column_no: c.measure for c in table.columns}
        yuan = YUAN_PER.get(table.unit_label or "")
        code = table.table_code
        rows += [
            (  # BUDGET_CELLS' columns after doc_id, in order
                table_no,
                code,
                cell.row_no,
                cell.column_no,
                cell.column_path,
                cell.template_path,
                measures.get(cell.column_no),
                kinds.get(cell.column_no),
                cell.row_label,
                cell.row_kind.value,
                cell.subject_code,
                cell.entity_code,
                cell.owner_code,
                cell.text,
                cell.amount,
                None if cell.amount is None or yuan is None else cell.amount * yuan,
                cell.page_no,
                cell.bbox.x0,
                cell.bbox.top,
                cell.bbox.x1,
                cell.bbox.bottom,
            )
            for cell in sorted(table.cells, key=_printed_position)
        ]
    # One tuple per cell, then one list per column: a dict per cell cost twice as much.
    values = list(zip(*rows, strict=True)) or [() for _ in BUDGET_CELLS.schema.names[1:]]
    schema = BUDGET_CELLS.schema
    columns = [pa.array([doc_id] * len(rows), schema.field(0).type)]
    # An amount with more than two decimals raises here rather than being rounded.
    columns += [pa.array(v, schema.field(i).type) for i, v in enumerate(values, start=1)]
    return pa.Table.from_arrays(columns, schema=schema)


def _printed_position(cell: Cell) -> tuple[int, int]:
    return cell.row_no, cell.column_no


def disclosure_to_tables(disclosure: Disclosure, doc_id: str) -> pa.Table:
    """One row per extracted table, in document order; `table_no` keys unmatched tables too."""
    rows = [
        {
            "doc_id": doc_id,
            "year": disclosure.year,
            "unit_code": disclosure.unit_code,
            "table_no": table_no,
            "table_code": table.table_code,
            "template": table.named_by or disclosure.template,
            "standard_table": table.standard_table,
            "classification": table.classification,
            "kind": table.kind,
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
