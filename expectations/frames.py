"""A disclosure as the pandas DataFrames the suites check: documents, tables and cells.

One frame per concern, one row per thing the concern is about:

- `document_frame`: one row — the cover's identity, the page count, which template tables are
  missing (neither printed nor declared empty);
- `tables_frame`: one row per extracted table — its code, its printed header next to the
  template's expected header, body rows, whether it prints a total row;
- `cells_frame`: one row per body cell that prints something — `amount` as `Decimal` objects,
  never float.

What the template says (expected headers, its table codes) comes from the template YAML through
`disclosure.template.load_template`, never copied by hand. No Great Expectations here: the frames
are plain pandas, so the rules live in the suites (`expectations/suites/*.json`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from disclosure.amounts import is_nil
from disclosure.identity import DERIVED_CODE
from disclosure.model import ColumnKind, Disclosure, ExtractedTable, RowKind
from disclosure.template import Template, template_names

# Joins a table's leaf column paths into one comparable header (paths contain '/', never '|').
HEADER_SEPARATOR = " | "
_TOTAL_SUFFIXES = ("合计", "总计")  # 合计, 本年收入合计, 收入总计, 合计:


def screen_frame(
    page_counts: Mapping[str, int], active_content: Mapping[str, Sequence[str]] | None = None
) -> pd.DataFrame:
    """What is known of files before extraction: one row per file (by label), its page count
    and the active content it declares (None when it declares none)."""
    active = active_content or {}
    return pd.DataFrame(
        {
            "label": list(page_counts),
            "page_count": list(page_counts.values()),
            "active_content": [", ".join(active.get(label, ())) or None for label in page_counts],
        }
    )


def missing_tables(disclosure: Disclosure, template: Template) -> list[str]:
    """Tables the document neither prints nor declares empty: its format's own table codes,
    or, read by the national template, the standard tables every disclosure prints (when it
    prints any of them: a file of performance forms published apart misses none)."""
    if template.tables:
        present = {t.table_code for t in disclosure.tables}
        return [t.code for t in template.tables if t.code not in present]
    printed = {t.standard_table for t in disclosure.tables}
    if not printed & set(template.expected_tables):
        return []
    return [name for name in template.expected_tables if name not in printed]


def document_frame(disclosure: Disclosure, template: Template) -> pd.DataFrame:
    """The document's identity; what was not printed is '' (year 0), not null.

    GX value checks skip nulls, so a missing year or unit code must be a value for the same
    expectation that judges a printed one to see it.
    """
    missing = missing_tables(disclosure, template)
    return pd.DataFrame(
        {
            "template": [disclosure.template or ""],
            "year": [disclosure.year or 0],
            "unit_code": [disclosure.unit_code or ""],
            "unit_name": [disclosure.unit_name],
            "level": [disclosure.region.level or ""],  # 中央 | 省 | 市 | 区县, '' when not read
            "page_count": [disclosure.page_count],
            "table_count": [len(disclosure.tables)],
            "missing_tables": [",".join(missing) if missing else None],
        }
    )


def header_of(paths: list[str]) -> str:
    return HEADER_SEPARATOR.join(paths)


def _has_total_row(table: ExtractedTable) -> bool:
    return any(
        c.row_kind is RowKind.TOTAL or (c.row_label or "").rstrip(":：").endswith(_TOTAL_SUFFIXES)
        for c in table.cells
    )


def tables_frame(disclosure: Disclosure, template: Template) -> pd.DataFrame:
    expected = {t.code: header_of(t.column_paths) for t in template.tables}
    own_codes = set(expected)
    rows = []
    for table_no, table in enumerate(disclosure.tables, start=1):
        code = table.table_code or ""  # '' when no template title matched
        body_rows = {c.row_no for c in table.cells if c.row_kind is not RowKind.EMPTY_MARKER}
        own = bool(code) and code in own_codes
        rows.append(
            {
                "table_no": table_no,
                "table_code": code,
                # a table neither the format's own nor a standard one: kept, read by no rule
                "unrecognised": None if own or table.standard_table else table.title,
                "title": table.title,
                "page_from": table.page_from,
                "page_to": table.page_to,
                "is_empty": table.is_empty,
                # Null where the question does not arise (a declared-empty table): GX value
                # checks skip nulls, which spares the suites a (costly) row condition.
                "body_rows": None if table.is_empty else len(body_rows),
                # whether a table read by its title's words prints a total row is not known
                "no_total_row": None
                if table.is_empty or not own or _has_total_row(table)
                else code,
                "header": header_of([c.path for c in table.columns]),
                "template_header": expected.get(code),
                "header_variant": table.header_variant,
            }
        )
    return pd.DataFrame(rows, columns=list(_TABLE_COLUMNS))


_TABLE_COLUMNS = (
    "table_no",
    "table_code",
    "unrecognised",
    "title",
    "page_from",
    "page_to",
    "is_empty",
    "body_rows",
    "no_total_row",
    "header",
    "template_header",
    "header_variant",
)

_CELL_COLUMNS = (
    "table_no",
    "table_code",
    "row_no",
    "column_no",
    "column_path",
    "column_kind",
    "row_kind",
    "subject_code",
    "entity_code",
    "text",
    "amount",
    "printed_amount",
    "page_no",
)


def cells_frame(disclosure: Disclosure) -> pd.DataFrame:
    """Every body cell that prints something; amounts stay `Decimal` objects, never float.

    Empty cells are left out: they hold nothing to check (a row's codes are on its printed
    cells too), and they are 40% of a disclosure's cells.
    `printed_amount` is what a cell of an amount column holds: its `Decimal` when the text
    parsed as money, else the text itself — so one type check finds every amount that would
    be lost. Null in other columns.
    """
    columns: dict[str, list[object]] = {name: [] for name in _CELL_COLUMNS}
    for table_no, table in enumerate(disclosure.tables, start=1):
        kinds = {c.column_no: c.kind.value for c in table.columns}
        for cell in table.cells:
            if not cell.text:
                continue
            printed = (
                kinds.get(cell.column_no) == ColumnKind.AMOUNT
                and cell.row_kind is not RowKind.EMPTY_MARKER
                and not is_nil(cell.text)
            )
            columns["table_no"].append(table_no)
            columns["table_code"].append(table.table_code)
            columns["row_no"].append(cell.row_no)
            columns["column_no"].append(cell.column_no)
            columns["column_path"].append(cell.column_path)
            columns["column_kind"].append(kinds.get(cell.column_no))
            columns["row_kind"].append(cell.row_kind.value)
            columns["subject_code"].append(cell.subject_code)
            columns["entity_code"].append(cell.entity_code)
            columns["text"].append(cell.text)
            columns["amount"].append(cell.amount)
            columns["printed_amount"].append(
                (cell.text if cell.amount is None else cell.amount) if printed else None
            )
            columns["page_no"].append(cell.page_no)
    money = ("amount", "printed_amount")
    frame = pd.DataFrame({k: v for k, v in columns.items() if k not in money})
    # Built apart so that pandas never infers a numeric (float) dtype from the Decimals.
    for name in money:
        frame[name] = pd.Series(columns[name], dtype=object, index=frame.index)
    return frame


def frames_of(disclosure: Disclosure, template: Template) -> dict[str, pd.DataFrame]:
    """The frame each suite checks, by suite name."""
    return {
        "documents": document_frame(disclosure, template),
        "tables": tables_frame(disclosure, template),
        "cells": cells_frame(disclosure),
    }


def template_parameters(template: Template) -> dict[str, object]:
    """Suite parameters (`{"$PARAMETER": name}` in the JSON) that come from the template.

    The code rules are the template's own (`codes:`): a unit code is printed in the template's
    unit form or derived from the unit's name (`disclosure.identity.DERIVED_CODE`); a code a
    table prints for a unit or entity is in the template's entity or unit form, or the
    document's own (derived) unit code (a department's row in a table of units by name).
    """
    unit, entity = template.codes["unit"], template.codes["entity"]
    return {
        "tables_without_total_row": [t.code for t in template.tables if not t.total_row],
        "templates": template_names(),
        "unit_code_regex": f"^(?:{unit}|{DERIVED_CODE})$",
        "entity_code_regex": f"^(?:{entity}|{unit}|{DERIVED_CODE})$",
    }
