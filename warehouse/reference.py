"""Reference tables the views join: what the templates say, subject names, units of money.

They are data, not disclosures: rebuilt from the template YAMLs (`disclosure/templates/`) and the
subject list (`warehouse/reference/subjects.yaml`) every time the views are registered, so a
template that learns a column or a measure is reflected at the next load.

- `template_tables`: per template and table, its title, national standard table, the economic
  classification its amounts follow (if any), printed unit of money, and whether it prints a
  total row.
- `template_columns`: per template table, each template column with what it holds (kind), what
  it means across provinces (measure: total, basic, project, …), and whether it prints the sum of
  other columns (sums_columns: 合计, 小计, 总计).
- `subject_reference`: 功能分类 / 经济分类 codes with their reference names and levels.
- `money_units`: what one unit of money (元, 万元, …) is in 元.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources

import duckdb
import pyarrow as pa

from disclosure.identity import SCOPES
from disclosure.template import YUAN_PER, load_template, template_names
from disclosure.yamltext import read_yaml

_LEVELS = {3: "类", 5: "款", 7: "项"}
# A column printing the sum of others of its row: 合计, 小计, 总计, “三公”经费合计.
_SUBTOTAL = re.compile(r"(?:合计|小计|总计)$")


def template_tables() -> pa.Table:
    rows = [
        {
            "template": template.name,
            "province": template.province,
            "scope": template.scope if template.scope in SCOPES else None,
            "table_code": table.code,
            "title": table.title,
            "standard_table": table.standard_table,
            "classification": table.classification,
            "unit_label": table.unit_label,
            "total_row": table.total_row,
        }
        for template in map(load_template, template_names())
        for table in template.tables
    ]
    return pa.Table.from_pylist(rows, schema=_TEMPLATE_TABLES)


def template_columns() -> pa.Table:
    rows = [
        {
            "template": template.name,
            "table_code": table.code,
            "template_path": path,
            "column_kind": table.kind(path).value,
            "measure": table.measures.get(path),
            "sums_columns": bool(_SUBTOTAL.search(path.rsplit("/", 1)[-1])),
        }
        for template in map(load_template, template_names())
        for table in template.tables
        for path in table.column_paths
    ]
    return pa.Table.from_pylist(rows, schema=_TEMPLATE_COLUMNS)


def subject_reference() -> pa.Table:
    text = resources.files("warehouse").joinpath("reference", "subjects.yaml").read_text("utf-8")
    rows = [
        {
            "classification": classification,
            "code": str(code),
            "name": name,
            "level": _LEVELS[len(str(code))],
            "parent_code": str(code)[: len(str(code)) - 2] if len(str(code)) > 3 else None,
        }
        for classification, subjects in read_yaml(text).items()
        for code, name in subjects.items()
    ]
    return pa.Table.from_pylist(rows, schema=_SUBJECT_REFERENCE)


def money_units() -> pa.Table:
    return pa.table(
        {
            "unit_label": list(YUAN_PER),
            "yuan": pa.array(list(YUAN_PER.values()), pa.decimal128(18, 2)),
        }
    )


@cache
def reference_fingerprint() -> str:
    """A digest of the data the reference tables are built from: when it changes, the catalog
    rebuilds them (`warehouse.catalog.views_current`)."""
    texts = [
        resources.files("disclosure.templates").joinpath(f"{name}.yaml").read_text("utf-8")
        for name in template_names()
    ]
    subjects = resources.files("warehouse").joinpath("reference", "subjects.yaml")
    texts.append(subjects.read_text("utf-8"))
    texts.append(repr(sorted(YUAN_PER.items())))
    return hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()


def write_reference_tables(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create every reference table in the open catalog."""
    for name, table in (
        ("template_tables", template_tables()),
        ("template_columns", template_columns()),
        ("subject_reference", subject_reference()),
        ("money_units", money_units()),
    ):
        con.register("reference_rows", table)
        try:
            con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM reference_rows")
        finally:
            con.unregister("reference_rows")


def _schema(*strings: str, booleans: tuple[str, ...] = ()) -> pa.Schema:
    fields = [pa.field(name, pa.string()) for name in strings]
    return pa.schema(fields + [pa.field(name, pa.bool_()) for name in booleans])


_TEMPLATE_TABLES = _schema(
    "template",
    "province",
    "scope",
    "table_code",
    "title",
    "standard_table",
    "classification",
    "unit_label",
    booleans=("total_row",),
)
_TEMPLATE_COLUMNS = _schema(
    "template",
    "table_code",
    "template_path",
    "column_kind",
    "measure",
    booleans=("sums_columns",),
)
_SUBJECT_REFERENCE = _schema("classification", "code", "name", "level", "parent_code")
