"""Export: the analyst's relations as files — CSV (UTF-8 with BOM, which Excel opens as UTF-8),
one XLSX workbook with a sheet per relation, or a Frictionless data package (the CSVs and a
`datapackage.json` describing them: types, units, field descriptions).

    export(settings, Path("out"), "datapackage", year=2024, unit_code="010")

`EXPORTED` is the one list of what is exported; each relation is exported with whatever columns
its view has now, so columns added to a view flow through. A relation the warehouse does not
have (yet) is left out and said so. Rows come from DuckDB as Arrow record batches (CSV, written
by pyarrow's CSV writer) or as Python values (XLSX, by openpyxl): amounts are DECIMAL(18,2)
throughout — exact in CSV, `Decimal` handed to openpyxl — never pandas floats. List columns are
written as JSON arrays (`["a","b"]`), a Table Schema `array`.

Field descriptions come from the stored relations' layouts (`warehouse.relations`, each field's
`description`), from the view's SQL (a `-- comment` after a column), or from the glossary of
common columns (`relations.COLUMN_GLOSSARY`); the resource's description is the view's opening
comment.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv

from warehouse.catalog import open_reader, relation_sql
from warehouse.relations import (
    BUDGET_TABLES,
    COLUMN_GLOSSARY,
    RECONCILIATION_DOCUMENTS,
    RECONCILIATION_FINDINGS,
    RECONCILIATION_RUNS,
    VALIDATION_RESULTS,
    description,
)
from warehouse.settings import WarehouseSettings

# What `budget export` writes, in this order: the ledger, the tables, the analyst's views, the
# lossless cells, and the latest reconciliation. Add a relation here and it is exported.
EXPORTED = (
    "disclosures",
    "budget_tables",
    "expenditure_by_function",
    "income",
    "basic_expenditure_by_economic_class",
    "sangong_costs",
    "government_funds",
    "performance_targets",
    "budget_facts",
    "budget_cells",
    "reconciliation_status",
    "reconciliation_findings_latest",
    "units",
    "subjects",
)
FORMATS = ("csv", "xlsx", "datapackage")
WORKBOOK = "budget.xlsx"
DATAPACKAGE = "datapackage.json"
XLSX_MAX_ROWS = 1_048_576 - 1  # a sheet's rows, less the header
XLSX_SHEET_NAME = 31  # characters Excel allows in a sheet name
CSV_TIMESTAMP = "%Y-%m-%d %H:%M:%S.%f"  # how pyarrow writes timestamp[us]

# Descriptions of the stored relations' fields, by relation and then by column name alone.
_LAYOUTS = {
    r.name: r
    for r in (
        BUDGET_TABLES,
        VALIDATION_RESULTS,
        RECONCILIATION_FINDINGS,
        RECONCILIATION_RUNS,
        RECONCILIATION_DOCUMENTS,
    )
}
_ALIASES = {
    "reconciliation_findings_latest": "reconciliation_findings",
    "reconciliation_status": "reconciliation_documents",
}


class ExportError(ValueError):
    """An export that cannot be written as asked (nothing to export, a sheet too long)."""


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str  # as DuckDB describes it
    description: str = ""

    @property
    def is_list(self) -> bool:
        return self.sql_type.endswith("]") or self.sql_type.startswith(("STRUCT", "MAP"))

    @property
    def is_amount(self) -> bool:
        return self.sql_type.startswith("DECIMAL")

    def select_sql(self) -> str:
        quoted = f'"{self.name}"'
        if self.is_list:
            return f"CAST(to_json({quoted}) AS VARCHAR) AS {quoted}"
        return quoted


@dataclass(frozen=True)
class Exported:
    """One relation as written: where, how many rows, and what its columns mean."""

    name: str
    rows: int
    columns: tuple[Column, ...]
    description: str
    path: Path | None = None  # the CSV, when one was written


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    format: str
    relations: tuple[Exported, ...]
    files: tuple[Path, ...]
    skipped: tuple[str, ...] = field(default=())  # relations this warehouse does not have


def export(
    settings: WarehouseSettings,
    out_dir: Path,
    fmt: str,
    *,
    year: int | None = None,
    unit_code: str | None = None,
    relations: Sequence[str] = EXPORTED,
) -> ExportResult:
    """Write the relations (rows of `year` and `unit_code` when given) into `out_dir`."""
    if fmt not in FORMATS:
        raise ExportError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    con = open_reader(settings)
    if con is None:
        raise ExportError(f"{settings.database}: no warehouse here (run an ingest first)")
    try:
        con.execute("SET enable_progress_bar = false")
        present = {
            name
            for (name,) in con.execute(
                "SELECT table_name FROM duckdb_tables() UNION "
                "SELECT view_name FROM duckdb_views() WHERE NOT internal"
            ).fetchall()
        }
        names = [n for n in relations if n in present]
        skipped = tuple(n for n in relations if n not in present)
        out_dir.mkdir(parents=True, exist_ok=True)
        unit = _amount_unit(con, year, unit_code)
        queries = [_query(con, name, year, unit_code, unit) for name in names]
        if fmt == "xlsx":
            path = out_dir / WORKBOOK
            exported = _write_workbook(con, queries, path)
            files: tuple[Path, ...] = (path,)
        else:
            exported = [_write_csv(con, q, out_dir / f"{q.name}.csv") for q in queries]
            files = tuple(e.path for e in exported if e.path is not None)
            if fmt == "datapackage":
                package = out_dir / DATAPACKAGE
                write_datapackage(exported, package, year=year, unit_code=unit_code, unit=unit)
                files += (package,)
    finally:
        con.close()
    return ExportResult(out_dir, fmt, tuple(exported), files, skipped)


@dataclass(frozen=True)
class _Query:
    name: str
    sql: str
    params: list[Any]
    columns: tuple[Column, ...]
    description: str


def _query(
    con: duckdb.DuckDBPyConnection,
    name: str,
    year: int | None,
    unit_code: str | None,
    unit: str,
) -> _Query:
    described = con.execute(f'DESCRIBE SELECT * FROM "{name}"').fetchall()
    comments = view_comments(name)
    columns = tuple(
        Column(column, sql_type, _describe(name, column, sql_type, comments, unit))
        for column, sql_type, *_ in described
    )
    names = {c.name for c in columns}
    where: list[str] = []
    params: list[Any] = []
    if year is not None and "year" in names:
        where.append('"year" = ?')
        params.append(year)
    if unit_code is not None and "unit_code" in names:
        where.append('"unit_code" = ?')
        params.append(unit_code)
    order: list[str] = [c for c in ("year", "unit_code") if c in names]
    order += [c.name for c in columns if not c.is_list and c.name not in order]
    sql = f'SELECT {", ".join(c.select_sql() for c in columns)} FROM "{name}"'
    if where:
        sql += " WHERE " + " AND ".join(where)
    if order:
        sql += " ORDER BY " + ", ".join(f'"{c}"' for c in order)
    return _Query(name, sql, params, columns, relation_description(name))


def _write_csv(con: duckdb.DuckDBPyConnection, query: _Query, path: Path) -> Exported:
    """UTF-8 with a byte-order mark (so that Excel reads it as UTF-8), a header row, NULL as
    an empty field and an empty text as "" — streamed from DuckDB through pyarrow."""
    reader = con.sql(query.sql, params=query.params).to_arrow_reader()
    assert reader is not None  # a SELECT always has a result
    rows = 0
    staged = path.with_name(f".{path.name}.part")
    with staged.open("wb") as out:
        out.write(codecs.BOM_UTF8)
        options = pa_csv.WriteOptions(quoting_style="needed")
        with pa_csv.CSVWriter(out, reader.schema, write_options=options) as writer:
            for batch in reader:
                writer.write_batch(batch)
                rows += batch.num_rows
    staged.replace(path)
    return Exported(query.name, rows, query.columns, query.description, path)


def _write_workbook(
    con: duckdb.DuckDBPyConnection, queries: Sequence[_Query], path: Path
) -> list[Exported]:
    """One sheet per relation (its name cut to Excel's 31 characters), amounts as numbers
    with two decimals, a bold header row."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    exported = []
    titles: set[str] = set()
    for query in queries:
        ((count,),) = con.execute(f"SELECT count(*) FROM ({query.sql})", query.params).fetchall()
        if count > XLSX_MAX_ROWS:
            raise ExportError(
                f"{query.name} has {count:,} rows, more than an Excel sheet holds: "
                "export a year (--year) or a unit (--unit), or use --format csv"
            )
        sheet = book.create_sheet(_sheet_title(query.name, titles))
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        header = []
        for column in query.columns:
            cell = WriteOnlyCell(sheet, value=column.name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        amounts = [i for i, c in enumerate(query.columns) if c.is_amount]
        for row in _rows(con, query):
            cells: list[Any] = list(row)
            for i in amounts:
                if cells[i] is not None:
                    cell = WriteOnlyCell(sheet, value=cells[i])
                    cell.number_format = "#,##0.00"
                    cells[i] = cell
            sheet.append(cells)
        exported.append(Exported(query.name, count, query.columns, query.description))
    staged = path.with_name(f".{path.name}.part")
    book.save(staged)
    staged.replace(path)
    return exported


def _rows(con: duckdb.DuckDBPyConnection, query: _Query) -> Iterator[tuple[Any, ...]]:
    cursor = con.cursor()
    try:
        cursor.execute(query.sql, query.params)
        while batch := cursor.fetchmany(10_000):
            yield from batch
    finally:
        cursor.close()


def _sheet_title(name: str, taken: set[str]) -> str:
    title = name[:XLSX_SHEET_NAME]
    n = 2
    while title in taken:
        suffix = f"~{n}"
        title = name[: XLSX_SHEET_NAME - len(suffix)] + suffix
        n += 1
    taken.add(title)
    return title


def write_datapackage(
    exported: Sequence[Exported],
    path: Path,
    *,
    year: int | None = None,
    unit_code: str | None = None,
    unit: str = "万元",
) -> Path:
    """`datapackage.json` for the CSVs beside it, built and written by frictionless."""
    from frictionless import Package

    scope = ", ".join(
        part
        for part in (
            f"year {year}" if year is not None else "",
            f"unit {unit_code}" if unit_code is not None else "",
        )
        if part
    )
    descriptor = {
        "name": "budget-disclosures",
        "title": "部门预算公开表 Budget disclosures" + (f" ({scope})" if scope else ""),
        "description": (
            "Chinese government budget disclosures (部门预算公开表), extracted from the printed "
            f"PDFs. Amounts are exact decimals in {unit} as printed (columns ending _yuan: 元); "
            "an empty amount is no amount, not zero. CSV files are UTF-8 with a byte-order mark."
        ),
        "resources": [_resource(e, path.parent) for e in exported if e.path is not None],
    }
    package = Package.from_descriptor(descriptor, basepath=str(path.parent))
    package.to_json(str(path))
    return path


def _resource(exported: Exported, base: Path) -> dict[str, Any]:
    assert exported.path is not None
    return {
        "name": exported.name,
        "path": exported.path.relative_to(base).as_posix(),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": exported.description,
        "schema": {"fields": [_field(c) for c in exported.columns]},
    }


def _field(column: Column) -> dict[str, Any]:
    kind, extra = _field_type(column)
    spec: dict[str, Any] = {"name": column.name, "type": kind, **extra}
    if column.description:
        spec["description"] = column.description
    unit = _unit_of(column)
    if unit:
        spec["unit"] = unit
    return spec


def _field_type(column: Column) -> tuple[str, dict[str, Any]]:
    t = column.sql_type
    if column.is_list:
        return "array", {}
    if t.startswith("DECIMAL") or t in ("DOUBLE", "FLOAT", "REAL"):
        return "number", {}
    if t in ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UBIGINT", "UINTEGER"):
        return "integer", {}
    if t == "BOOLEAN":
        return "boolean", {}
    if t == "DATE":
        return "date", {}
    if t.startswith("TIMESTAMP"):
        return "datetime", {"format": CSV_TIMESTAMP}
    return "string", {}


_UNIT_NOTE = re.compile(r"\[(万元|元)\]$")


def _unit_of(column: Column) -> str | None:
    """An amount column's unit (the `[万元]` its description ends with); None when the tables
    exported print their amounts in different units (each table's unit_label says)."""
    if not column.is_amount:
        return None
    if column.name.endswith("_yuan"):
        return "元"
    found = _UNIT_NOTE.search(column.description)
    return found.group(1) if found else None


def _amount_unit(con: duckdb.DuckDBPyConnection, year: int | None, unit_code: str | None) -> str:
    """The unit amounts are printed in across what is exported: the one unit_label of the
    tables (万元 in Hunan's disclosures), or a note to read each table's unit_label."""
    sql = "SELECT DISTINCT unit_label FROM budget_tables WHERE unit_label IS NOT NULL"
    params: list[Any] = []
    if year is not None:
        sql += " AND year = ?"
        params.append(year)
    if unit_code is not None:
        sql += " AND unit_code = ?"
        params.append(unit_code)
    labels = sorted(label for (label,) in con.execute(sql, params).fetchall())
    if len(labels) == 1:
        return str(labels[0])
    return "万元" if not labels else "the unit each table prints (budget_tables.unit_label)"


def _describe(
    relation: str, column: str, sql_type: str, comments: dict[str, str], unit: str
) -> str:
    """The relation's own layout, else the view's comment, else the glossary; amounts say
    their unit."""
    text = ""
    layout = _LAYOUTS.get(_ALIASES.get(relation, relation))
    if layout is not None:
        fields = {f.name: f for f in [*layout.keys, *layout.schema]}
        if column in fields:
            text = description(fields[column])
    text = text or comments.get(column, "") or COLUMN_GLOSSARY.get(column, "")
    if sql_type.startswith("DECIMAL"):
        amount_unit = "元" if column.endswith("_yuan") else unit
        text = f"{text} [{amount_unit}]".strip() if text else f"amount [{amount_unit}]"
    return text


_HEADER = re.compile(r"^--\s?(.*)$")
_AS_COMMENT = re.compile(r"\bAS\s+(\w+)\s*,?\s*--\s*(.+?)\s*$", re.IGNORECASE)
_DDL_COMMENT = re.compile(
    r"^\s*([a-z_][a-z0-9_]*)\s+(?:VARCHAR|INTEGER|BIGINT|BOOLEAN|TIMESTAMP|DOUBLE|DECIMAL)\b"
    r".*?--\s*(.+?)\s*$"
)
_BARE_COMMENT = re.compile(r"^\s*(?:[a-z_]\w*\.)?([a-z_][a-z0-9_]*)\s*,?\s*--\s*(.+?)\s*$")


def relation_description(name: str) -> str:
    """The opening comment of `warehouse/sql/<name>.sql`, as one paragraph."""
    lines = []
    for line in _sql_text(name).splitlines():
        found = _HEADER.match(line)
        if not found:
            break
        lines.append(found.group(1).strip())
    return " ".join(part for part in lines if part)


def view_comments(name: str) -> dict[str, str]:
    """Column → the `-- comment` its line carries in the relation's SQL (continued on the
    indented comment-only lines below it)."""
    comments: dict[str, str] = {}
    last: str | None = None
    for line in _sql_text(name).splitlines():
        if line.lstrip().startswith("--"):
            if last is not None and line.startswith(" "):
                comments[last] += " " + line.strip().removeprefix("--").strip()
            else:
                last = None
            continue
        last = None
        for pattern in (_AS_COMMENT, _DDL_COMMENT, _BARE_COMMENT):
            found = pattern.search(line)
            if found:
                if found.group(1) not in comments:
                    comments[found.group(1)] = found.group(2)
                    last = found.group(1)
                break
    return comments


def _sql_text(name: str) -> str:
    try:
        return relation_sql(name)
    except FileNotFoundError:
        return ""


def read_csv(path: Path, columns: Sequence[Column]) -> pa.Table:
    """A CSV written by `export`, read back with the view's types (for checks): lists parsed
    from their JSON, amounts as decimals."""
    types = {c.name: pa.string() if c.is_list else _arrow_type(c.sql_type) for c in columns}
    table = pa_csv.read_csv(
        path,
        read_options=pa_csv.ReadOptions(encoding="utf-8"),
        convert_options=pa_csv.ConvertOptions(
            column_types=types,
            null_values=[""],
            strings_can_be_null=True,  # an empty field is NULL; a quoted "" is an empty text
            quoted_strings_can_be_null=False,
        ),
    )
    for c in columns:
        if c.is_list:
            i = table.schema.get_field_index(c.name)
            values = [None if v is None else json.loads(v) for v in table[c.name].to_pylist()]
            table = table.set_column(i, c.name, pa.array(values))
    return table


def _arrow_type(sql_type: str) -> pa.DataType:
    simple: dict[str, pa.DataType] = {
        "VARCHAR": pa.string(),
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
        "TIMESTAMP": pa.timestamp("us"),
        "DATE": pa.date32(),
    }
    if sql_type in simple:
        return simple[sql_type]
    found = re.match(r"DECIMAL\((\d+),\s*(\d+)\)", sql_type)
    if found:
        return pa.decimal128(int(found.group(1)), int(found.group(2)))
    return pa.string()
