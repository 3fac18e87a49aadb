"""Export: the analyst's relations as files — CSV (UTF-8 with BOM, which Excel opens as UTF-8),
one XLSX workbook with a sheet per relation, or a Frictionless data package (the CSVs and a
`datapackage.json` describing them: types, units, field descriptions).

    export(settings, Path("out"), "datapackage", year=2024, unit_code="010")

`EXPORTED` is the one list of what is exported; each relation is exported with whatever columns
its view has now, so columns added to a view flow through — names before codes (`unit_name`
before `unit_code`, the document's `doc_id` last). A relation the warehouse does not have (yet)
is left out and said so. Rows come from DuckDB as Arrow record batches (CSV, written by pyarrow's
CSV writer) or as Python values (XLSX, by openpyxl): amounts are DECIMAL(18,2) throughout — exact
in CSV, `Decimal` handed to openpyxl — never pandas floats. List columns are written as JSON
arrays (`["a","b"]`), a Table Schema `array`.

A workbook sheet is named by the relation's Chinese name (`warehouse.labels`: 支出功能分类, …), as
the command prints it; its first row labels each column in Chinese over the snake_case names of
the second, both frozen, with an autofilter and columns as wide as what they hold. Printed text
that a spreadsheet would evaluate (`=1+1`, `@SUM(…)`) stays text (`warehouse.formulas`).

Field descriptions come from the stored relations' layouts (`warehouse.relations`, each field's
`description`), from the view's SQL (a `-- comment` after a column), or from the glossary of
common columns (`relations.COLUMN_GLOSSARY`); the resource's description is the view's opening
comment.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv

from warehouse.catalog import open_reader, relation_sql
from warehouse.formulas import csv_text_sql, is_formula_like, text_from_csv
from warehouse.labels import column_label, relation_label
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
XLSX_HEADER_ROWS = 2  # the Chinese labels, then the column names
XLSX_MAX_ROWS = 1_048_576 - XLSX_HEADER_ROWS  # a sheet's rows, less the header
XLSX_SHEET_NAME = 31  # characters Excel allows in a sheet name
XLSX_MAX_WIDTH = 60  # characters: a column of long texts wraps no wider
XLSX_INVALID_TITLE = re.compile(r"[\\/*?:\[\]]")  # characters Excel refuses in a sheet name
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
    heading: str = ""  # what a person reads over it, when not the Chinese label of `name`

    @property
    def is_list(self) -> bool:
        return self.sql_type.endswith("]") or self.sql_type.startswith(("STRUCT", "MAP"))

    @property
    def is_amount(self) -> bool:
        return self.sql_type.startswith("DECIMAL")

    @property
    def is_text(self) -> bool:
        return self.sql_type == "VARCHAR"

    @property
    def label(self) -> str:
        """What a person reads over the column: its Chinese label."""
        return self.heading or column_label(self.name)

    def select_sql(self, *, for_csv: bool = False) -> str:
        """The column in a SELECT; `for_csv`: texts a spreadsheet would evaluate made inert."""
        quoted = f'"{self.name}"'
        if self.is_list:
            return f"CAST(to_json({quoted}) AS VARCHAR) AS {quoted}"
        if for_csv and self.is_text:
            return f"{csv_text_sql(quoted)} AS {quoted}"
        return quoted


@dataclass(frozen=True)
class Exported:
    """One relation as written: where, how many rows, and what its columns mean."""

    name: str
    rows: int
    columns: tuple[Column, ...]
    description: str
    path: Path | None = None  # the CSV, when one was written
    sheet: str | None = None  # the workbook's sheet, when one was written

    @property
    def label(self) -> str:
        """The relation's Chinese name."""
        return relation_label(self.name)


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
        queries = [
            _query(con, name, year, unit_code, unit, has_units="units" in present) for name in names
        ]
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
    source: str  # what it selects from: the relation, with its units' names where it has none
    columns: tuple[Column, ...]
    where: str
    order: str
    params: list[Any]
    description: str

    def sql(self, *, for_csv: bool = False) -> str:
        selected = ", ".join(c.select_sql(for_csv=for_csv) for c in self.columns)
        return f"SELECT {selected} FROM {self.source}{self.where}{self.order}"


# Columns a person reads first, and lineage read last: a name goes before its code.
_NAMES_BEFORE = {
    "unit_code": "unit_name",
    "subject_code": "subject_name",
    "entity_code": "entity_name",
}
_LAST = ("doc_id",)


def reading_order(names: Sequence[str]) -> list[str]:
    """Column names with each name before its code (`unit_name` before `unit_code`) and the
    document's sha256 last; otherwise as the view has them."""
    ordered = [n for n in names if n not in _LAST and n not in _NAMES_BEFORE.values()]
    for code, name in _NAMES_BEFORE.items():
        if name in names:
            at = ordered.index(code) if code in ordered else len(ordered)
            ordered.insert(at, name)
    return ordered + [n for n in _LAST if n in names]


def _query(
    con: duckdb.DuckDBPyConnection,
    name: str,
    year: int | None,
    unit_code: str | None,
    unit: str,
    *,
    has_units: bool = True,
) -> _Query:
    source = f'"{name}"'
    plain = [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
    if name != "units" and "unit_code" in plain and "unit_name" not in plain and has_units:
        # Cells, tables, the ledger's kin: the unit's name beside its code, for a person.
        source = (
            f'(SELECT v.*, u.unit_name FROM "{name}" AS v LEFT JOIN '
            "(SELECT unit_code, any_value(unit_name) AS unit_name FROM units GROUP BY ALL) AS u "
            "ON u.unit_code = v.unit_code)"
        )
    described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
    comments = view_comments(name)
    by_name = {
        column: Column(column, sql_type, _describe(name, column, sql_type, comments, unit))
        for column, sql_type, *_ in described
    }
    columns = tuple(by_name[n] for n in reading_order(list(by_name)))
    where: list[str] = []
    params: list[Any] = []
    if year is not None and "year" in by_name:
        where.append('"year" = ?')
        params.append(year)
    if unit_code is not None and "unit_code" in by_name:
        where.append('"unit_code" = ?')
        params.append(unit_code)
    order: list[str] = [c for c in ("year", "unit_code") if c in by_name]
    order += [c.name for c in columns if not c.is_list and c.name not in order]
    return _Query(
        name,
        source,
        columns,
        " WHERE " + " AND ".join(where) if where else "",
        " ORDER BY " + ", ".join(f'"{c}"' for c in order) if order else "",
        params,
        relation_description(name),
    )


def _write_csv(con: duckdb.DuckDBPyConnection, query: _Query, path: Path) -> Exported:
    """UTF-8 with a byte-order mark (so that Excel reads it as UTF-8), a header row, NULL as
    an empty field and an empty text as "", texts a spreadsheet would evaluate made inert —
    streamed from DuckDB through pyarrow."""
    reader = con.sql(query.sql(for_csv=True), params=query.params).to_arrow_reader()
    assert reader is not None  # a SELECT always has a result
    staged = path.with_name(f".{path.name}.part")
    with staged.open("wb") as out:
        rows = write_csv_batches(reader.schema, reader, out)
    staged.replace(path)
    return Exported(query.name, rows, query.columns, query.description, path)


def write_csv_batches(schema: pa.Schema, batches: Iterable[pa.RecordBatch], out: BinaryIO) -> int:
    """Batches as CSV into `out` (UTF-8 with a byte-order mark, a header row); the rows written.
    Texts must already be made inert (`Column.select_sql(for_csv=True)`, `csv_table`)."""
    rows = 0
    out.write(codecs.BOM_UTF8)
    options = pa_csv.WriteOptions(quoting_style="needed")
    with pa_csv.CSVWriter(out, schema, write_options=options) as writer:
        for batch in batches:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def csv_table(table: pa.Table) -> pa.Table:
    """An Arrow table with every text a spreadsheet would evaluate made inert, for CSV."""
    from warehouse.formulas import text_for_csv

    for i, field_ in enumerate(table.schema):
        if pa.types.is_string(field_.type) or pa.types.is_large_string(field_.type):
            values = [None if v is None else text_for_csv(v) for v in table.column(i).to_pylist()]
            table = table.set_column(i, field_, pa.array(values, field_.type))
    return table


def _write_workbook(
    con: duckdb.DuckDBPyConnection, queries: Sequence[_Query], path: Path
) -> list[Exported]:
    """One sheet per relation, named as the command prints it."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    exported = []
    titles: set[str] = set()
    for query in queries:
        ((count,),) = con.execute(f"SELECT count(*) FROM ({query.sql()})", query.params).fetchall()
        if count > XLSX_MAX_ROWS:
            raise ExportError(
                f"{relation_label(query.name)} ({query.name}) has {count:,} rows, more than an "
                "Excel sheet holds: export a year (--year) or a unit (--unit), or use --format csv"
            )
        title = sheet_title(relation_label(query.name), titles)
        widths = _column_widths(con, query)
        write_sheet(book, title, query.columns, _rows(con, query), widths=widths)
        exported.append(Exported(query.name, count, query.columns, query.description, sheet=title))
    staged = path.with_name(f".{path.name}.part")
    book.save(staged)
    staged.replace(path)
    return exported


def write_sheet(
    book: Any,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    widths: Sequence[float] | None = None,
) -> int:
    """Append a sheet to a write-only openpyxl workbook: the Chinese labels over the column
    names (bold, frozen), amounts as numbers with two decimals, texts as text (never a formula),
    an autofilter over every row, columns as wide as `widths` (else their headings). Returns
    the rows written."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    for i, column in enumerate(columns, start=1):
        heading = max(_display_width(column.label), _display_width(column.name))
        width = max(heading, widths[i - 1] if widths else 0) + 2
        sheet.column_dimensions[get_column_letter(i)].width = min(width, XLSX_MAX_WIDTH)
    sheet.freeze_panes = f"A{XLSX_HEADER_ROWS + 1}"
    bold, quiet = Font(bold=True), Font(italic=True, color="666666")
    for font, headings in ((bold, [c.label for c in columns]), (quiet, [c.name for c in columns])):
        header = []
        for text in headings:
            cell = WriteOnlyCell(sheet, value=text)
            cell.font = font
            header.append(cell)
        sheet.append(header)
    amounts = [i for i, c in enumerate(columns) if c.is_amount]
    # Two decimals shown, up to six where a column's type has them (Beijing prints 万元 to six).
    shown = ["#,##0.00####" if _scale(c.sql_type) > 2 else "#,##0.00" for c in columns]
    others = [i for i, c in enumerate(columns) if not c.is_amount]
    written = 0
    for row in rows:
        cells: list[Any] = list(row)
        for i in amounts:
            if cells[i] is not None:
                cell = WriteOnlyCell(sheet, value=cells[i])
                cell.number_format = shown[i]
                cells[i] = cell
        for i in others:
            value = cells[i]
            if isinstance(value, str):
                if ILLEGAL_CHARACTERS_RE.search(value):  # control characters XML cannot hold
                    value = cells[i] = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
                if is_formula_like(value):
                    cells[i] = _text_cell(sheet, value)
        sheet.append(cells)
        written += 1
    if columns:
        last = get_column_letter(len(columns))
        sheet.auto_filter.ref = f"A{XLSX_HEADER_ROWS}:{last}{XLSX_HEADER_ROWS + written}"
    return written


def _scale(sql_type: str) -> int:
    found = re.match(r"DECIMAL\(\d+,\s*(\d+)\)", sql_type)
    return int(found.group(1)) if found else 0


def _text_cell(sheet: Any, text: str) -> Any:
    """A cell holding `text` as a string that no spreadsheet evaluates: typed as a string
    (openpyxl would make `=…` a formula) and marked with Excel's quote prefix."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def _display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a CJK character two, others one."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _column_widths(con: duckdb.DuckDBPyConnection, query: _Query) -> list[float]:
    """How wide each column's values print (the widest, a CJK character counting two)."""
    if not query.columns:
        return []

    def width(column: Column) -> str:
        text = f'CAST("{column.name}" AS VARCHAR)'
        wide = f"length(regexp_replace({text}, '[\\x00-\\x{{2e7f}}]', '', 'g'))"
        return f"coalesce(max(length({text}) + {wide}), 0)"

    ((*found,),) = con.execute(
        f"SELECT {', '.join(width(c) for c in query.columns)} FROM ({query.sql()})",
        query.params,
    ).fetchall()
    # An amount prints with thousands separators: a third more.
    found = [w * 4 / 3 if c.is_amount else w for w, c in zip(found, query.columns, strict=True)]
    return [float(w) for w in found]


def _rows(con: duckdb.DuckDBPyConnection, query: _Query) -> Iterator[tuple[Any, ...]]:
    cursor = con.cursor()
    try:
        cursor.execute(query.sql(), query.params)
        while batch := cursor.fetchmany(10_000):
            yield from batch
    finally:
        cursor.close()


def sheet_title(name: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of \\ / * ? : [ ]), unique in `taken`
    (which it joins)."""
    name = XLSX_INVALID_TITLE.sub("_", name).strip("'") or "sheet"
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
    if column.label != column.name:
        spec["title"] = column.label
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
    from their JSON, amounts as decimals, texts as printed (made inert for spreadsheets when
    written: `warehouse.formulas`)."""
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
        i = table.schema.get_field_index(c.name)
        if c.is_list:
            values = [None if v is None else json.loads(v) for v in table[c.name].to_pylist()]
            table = table.set_column(i, c.name, pa.array(values))
        elif c.is_text:
            texts = [None if v is None else text_from_csv(v) for v in table[c.name].to_pylist()]
            table = table.set_column(i, c.name, pa.array(texts, pa.string()))
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
