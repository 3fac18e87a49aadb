"""The rows a loaded disclosure adds to `budget_tables` and `budget_cells` (and, from its
performance forms, to `performance_forms`, `performance_facts` and `performance_indicators`), as
Arrow tables of the layouts in `warehouse.relations`.

Amounts stay exact: `decimal128(18, 2)` in Arrow and Parquet, `DECIMAL(18,2)` in DuckDB. Rows are
sorted by their printed position so that the same disclosure always gives the same
bytes. Nothing here depends on when or by whom a document was loaded.
"""

from __future__ import annotations

import pyarrow as pa

from disclosure.columns import money_unit_in_header
from disclosure.forms import form_funds
from disclosure.model import BBox, Cell, Disclosure, PerformanceFact
from disclosure.template import YUAN_PER
from warehouse.relations import (
    BUDGET_CELLS,
    BUDGET_TABLES,
    PERFORMANCE_FACTS,
    PERFORMANCE_FORMS,
    PERFORMANCE_INDICATORS,
    Relation,
)


def disclosure_to_cells(disclosure: Disclosure, doc_id: str) -> pa.Table:
    """One row per printed body cell, in printed order (table, row, column)."""
    rows: list[tuple[object, ...]] = []
    for table_no, table in enumerate(disclosure.tables, start=1):
        kinds = {c.column_no: c.kind.value for c in table.columns}
        measures = {c.column_no: c.measure for c in table.columns}
        table_yuan = YUAN_PER.get(table.unit_label or "")
        # a header that states its own money unit (预算数（万元）) is read in it
        yuans = {
            c.column_no: YUAN_PER.get(unit)
            if (unit := money_unit_in_header(c.path))
            else table_yuan
            for c in table.columns
        }
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
                None
                if cell.amount is None or (yuan := yuans.get(cell.column_no, table_yuan)) is None
                else cell.amount * yuan,
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


def disclosure_to_forms(disclosure: Disclosure, doc_id: str) -> dict[Relation, pa.Table]:
    """The rows its performance forms add to performance_forms, performance_facts and
    performance_indicators, in printed order; a fact of no one form (a grid's 合计) has no
    form_no."""
    forms = disclosure.forms.forms
    form_rows = []
    for form in forms:
        funds = form_funds(form)
        form_rows.append(
            {
                "doc_id": doc_id,
                "form_no": form.form_no,
                "form_kind": form.form_kind.value,
                "title": form.title or None,
                "project_name": form.project_name,
                "department": form.department,
                "implementing_unit": form.implementing_unit,
                "page_first": form.page_first,
                "page_last": form.page_last,
                "goal_text": form.goal_text,
                "funds_label": funds.label_path if funds else None,
                "funds": funds.amount if funds else None,
                "funds_unit": funds.unit if funds else None,
                "funds_yuan": funds.amount_yuan if funds else None,
                "fact_count": len(form.facts),
                "indicator_count": len(form.indicators),
            }
        )
    placed: list[tuple[int | None, PerformanceFact]] = [
        (form.form_no, fact) for form in forms for fact in form.facts
    ]
    placed += [(None, fact) for fact in disclosure.forms.shared_facts]
    placed.sort(key=lambda item: (item[1].page_no, item[1].bbox.top, item[1].bbox.x0))
    fact_rows = [
        {
            "doc_id": doc_id,
            "form_no": form_no,
            "fact_no": fact_no,
            "label_path": fact.label_path,
            "text": fact.text,
            "amount": fact.amount,
            "unit": fact.unit,
            "amount_yuan": fact.amount_yuan,
            "is_quoted": fact.quoted,
            "is_repeated": fact.repeated,
            **_bbox(fact.page_no, fact.bbox),
        }
        for fact_no, (form_no, fact) in enumerate(placed, start=1)
    ]
    indicator_rows = [
        {
            "doc_id": doc_id,
            "form_no": form.form_no,
            "indicator_no": indicator_no,
            "level1": indicator.level1,
            "level2": indicator.level2,
            "level3": indicator.level3,
            "target_text": indicator.target_text,
            "comparator": indicator.comparator,
            "target_value": indicator.target_value,
            "target_unit": indicator.target_unit,
            "actual_text": indicator.actual_text,
            "actual_value": indicator.actual_value,
            "actual_unit": indicator.actual_unit,
            "weight": indicator.weight,
            "score": indicator.score,
            **_bbox(indicator.page_no, indicator.bbox),
        }
        for form in forms
        for indicator_no, indicator in enumerate(form.indicators, start=1)
    ]
    return {
        PERFORMANCE_FORMS: pa.Table.from_pylist(form_rows, schema=PERFORMANCE_FORMS.schema),
        PERFORMANCE_FACTS: pa.Table.from_pylist(fact_rows, schema=PERFORMANCE_FACTS.schema),
        PERFORMANCE_INDICATORS: pa.Table.from_pylist(
            indicator_rows, schema=PERFORMANCE_INDICATORS.schema
        ),
    }


def _bbox(page_no: int, bbox: BBox | None) -> dict[str, object]:
    return {
        "page_no": page_no,
        "bbox_x0": bbox.x0 if bbox else None,
        "bbox_top": bbox.top if bbox else None,
        "bbox_x1": bbox.x1 if bbox else None,
        "bbox_bottom": bbox.bottom if bbox else None,
    }
