"""`budget export` over a real warehouse (two disclosures loaded and reconciled): every CSV reads
back equal to its view, amounts exact; the workbook opens with openpyxl, a sheet per view named
as the command prints it, Chinese labels over the column names; the data package passes
Frictionless validation. A disclosure printing formulas exports them as inert text."""

from __future__ import annotations

import codecs
import csv
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from budget.cli import app
from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from reconcile.runs import reconcile_warehouse
from samplegen.render import render_disclosure
from tests.conftest import HUNAN_2023, HUNAN_2024
from tests.crafted import FORMULAS, with_texts
from warehouse import store
from warehouse.documents import Document
from warehouse.export import EXPORTED, WORKBOOK, Column, export, read_csv, reading_order
from warehouse.labels import column_label, relation_label
from warehouse.raw import sha256_of
from warehouse.settings import WarehouseSettings


@pytest.fixture(scope="module")
def settings(
    tmp_path_factory: pytest.TempPathFactory,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> WarehouseSettings:
    settings = WarehouseSettings(tmp_path_factory.mktemp("export") / "data")
    for name in (HUNAN_2023, HUNAN_2024):
        path = sample_pdfs[name]
        document = Document(path, sha256_of(path), path.stat().st_size)
        store.load_disclosure(settings, document, sample_disclosures[name])
    reconcile_warehouse(settings)
    return settings


def view_rows(settings: WarehouseSettings, name: str, where: str = "") -> list[dict[str, Any]]:
    with duckdb.connect(str(settings.database), read_only=True) as con:
        return con.sql(f"SELECT * FROM {name} {where}").to_arrow_table().to_pylist()


def bag(
    rows: Iterable[dict[str, Any]], columns: Iterable[str] | None = None
) -> Counter[tuple[Any, ...]]:
    """Rows as a multiset of their `columns` (all, in order, by default; lists as tuples),
    whatever their order."""
    names = list(columns) if columns is not None else None
    return Counter(
        tuple(
            tuple(v) if isinstance(v, list) else v
            for v in (row.values() if names is None else (row[n] for n in names))
        )
        for row in rows
    )


def view_columns(settings: WarehouseSettings, name: str) -> list[str]:
    with duckdb.connect(str(settings.database), read_only=True) as con:
        return [row[0] for row in con.execute(f"DESCRIBE {name}").fetchall()]


def units_names(settings: WarehouseSettings) -> dict[str, str]:
    with duckdb.connect(str(settings.database), read_only=True) as con:
        return dict(con.execute("SELECT unit_code, unit_name FROM units").fetchall())


def test_every_csv_reads_back_equal_to_its_view(
    settings: WarehouseSettings, tmp_path: Path
) -> None:
    result = export(settings, tmp_path, "csv")

    assert [e.name for e in result.relations] == list(EXPORTED)  # every one exists here
    names = units_names(settings)
    for exported in result.relations:
        assert exported.path is not None
        assert exported.path.read_bytes().startswith(codecs.BOM_UTF8), exported.name
        back = read_csv(exported.path, exported.columns).to_pylist()
        view = view_rows(settings, exported.name)
        assert len(back) == exported.rows == len(view), exported.name
        assert bag(back, view_columns(settings, exported.name)) == bag(view), exported.name
        columns = [c.name for c in exported.columns]
        if "unit_code" in columns:  # a name before its code, for a person
            assert columns.index("unit_name") < columns.index("unit_code"), exported.name
            if "unit_name" not in view_columns(settings, exported.name):  # the units' name
                assert all(r["unit_name"] == names.get(r["unit_code"]) for r in back)
        if "doc_id" in columns:
            assert columns[-1] == "doc_id", exported.name
    # Amounts are exact decimals, never floats.
    (sangong,) = [e for e in result.relations if e.name == "sangong_costs"]
    assert sangong.path is not None
    totals = {
        r["amount"]
        for r in read_csv(sangong.path, sangong.columns).to_pylist()
        if r["measure"] == "total"
    }
    assert Decimal("71.00") in totals and all(isinstance(t, Decimal) for t in totals)
    # An empty text and no value stay apart: "" is quoted, NULL is an empty field.
    text = (tmp_path / "budget_cells.csv").read_text("utf-8-sig")
    assert ',"",' in text or text.count(",,") > 0


def test_a_year_and_a_unit_export_only_their_rows(
    settings: WarehouseSettings, tmp_path: Path
) -> None:
    result = CliRunner().invoke(
        app,
        [
            "export",
            "--data-dir",
            str(settings.data_dir),
            "--out",
            str(tmp_path),
            "--format",
            "csv",
            "--year",
            "2023",
            "--unit",
            "010",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "支出功能分类 (expenditure_by_function)  → expenditure_by_function.csv" in result.output
    columns = [Column("year", "INTEGER"), Column("unit_code", "VARCHAR")]
    for name in ("budget_cells", "reconciliation_status", "disclosures"):
        rows = read_csv(tmp_path / f"{name}.csv", columns).select(["year", "unit_code"]).to_pylist()
        assert rows and {(r["year"], r["unit_code"]) for r in rows} == {(2023, "010")}, name


def test_the_workbook_has_a_sheet_per_view_with_exact_amounts(
    settings: WarehouseSettings, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    result = CliRunner().invoke(
        app,
        [
            "export",
            "--data-dir",
            str(settings.data_dir),
            "--out",
            str(tmp_path),
            "--format",
            "xlsx",
        ],
    )
    assert result.exit_code == 0, result.output

    book = load_workbook(tmp_path / WORKBOOK, read_only=True)
    # Sheets named by what they hold, in Chinese, as the command prints them.
    assert book.sheetnames == [relation_label(name) for name in EXPORTED]
    for title in book.sheetnames:
        assert f"→ sheet {title}\n" in result.output
    sheet = book[relation_label("sangong_costs")]
    labels, header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    view = view_rows(settings, "sangong_costs")
    assert header == reading_order(view_columns(settings, "sangong_costs"))
    assert labels == [column_label(name) for name in header]
    assert labels[header.index("unit_name")] == "单位名称"
    as_read = [
        dict(
            zip(header, (Decimal(repr(v)) if isinstance(v, float) else v for v in row), strict=True)
        )
        for row in rows
    ]
    expected = [
        {k: (v.normalize() if isinstance(v, Decimal) else v) for k, v in r.items()} for r in view
    ]
    assert bag(
        (
            {k: (v.normalize() if isinstance(v, Decimal) else v) for k, v in r.items()}
            for r in as_read
        ),
        view_columns(settings, "sangong_costs"),
    ) == bag(expected)
    cells = sum(1 for _ in book[relation_label("budget_cells")].iter_rows(values_only=True))
    assert cells == len(view_rows(settings, "budget_cells")) + 2  # and the two header rows
    book.close()

    # Column widths, frozen headers and an autofilter over every row.
    book = load_workbook(tmp_path / WORKBOOK)
    sheet = book[relation_label("sangong_costs")]
    assert sheet.freeze_panes == "A3"
    assert (
        sheet.auto_filter.ref
        == f"A2:{sheet.cell(2, sheet.max_column).column_letter}{len(view) + 2}"
    )
    name_column = sheet.cell(2, header.index("unit_name") + 1).column_letter
    assert sheet.column_dimensions[name_column].width >= 2 * len("湖南省信访局")


def test_the_data_package_passes_frictionless_validation(
    settings: WarehouseSettings, tmp_path: Path
) -> None:
    from frictionless import Package, validate

    result = export(settings, tmp_path, "datapackage")

    package = tmp_path / "datapackage.json"
    assert package in result.files
    report = validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    cli = subprocess.run(
        [str(Path(sys.executable).with_name("frictionless")), "validate", str(package)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert cli.returncode == 0, cli.stdout + cli.stderr

    described = Package(str(package))
    fields = {f.name: f for f in described.get_resource("expenditure_by_function").schema.fields}
    assert fields["unit_name"].title == "单位名称"
    assert fields["amount"].type == "number"
    assert fields["amount"].to_descriptor()["unit"] == "万元"
    assert fields["amount_yuan"].to_descriptor()["unit"] == "元"
    assert "printed" in (fields["amount"].description or "")
    assert fields["year"].type == "integer" and fields["year"].description
    status = {f.name: f for f in described.get_resource("reconciliation_status").schema.fields}
    assert status["not_evaluated"].type == "array"
    assert status["checked_at"].type == "datetime"
    assert "per unit and year" in (
        described.get_resource("reconciliation_status").description or ""
    )


def test_an_amount_s_unit_is_stated_only_when_it_is_one() -> None:
    from warehouse.export import _field

    assert _field(Column("total", "DECIMAL(18,2)", "合计 [万元]"))["unit"] == "万元"
    assert _field(Column("amount_yuan", "DECIMAL(20,2)", "the amount in 元 [元]"))["unit"] == "元"
    mixed = Column("amount", "DECIMAL(18,2)", "amount [the unit each table prints (unit_label)]")
    assert "unit" not in _field(mixed)  # 万元 and 元 tables exported together
    assert "unit" not in _field(Column("row_no", "INTEGER", "body row"))


@pytest.fixture(scope="module")
def formulas_settings(tmp_path_factory: pytest.TempPathFactory) -> WarehouseSettings:
    """A warehouse holding a disclosure whose printed cells read like spreadsheet formulas."""
    folder = tmp_path_factory.mktemp("formulas")
    pdf = folder / "2024_010_湖南省信访局.pdf"
    render_disclosure(with_texts(FORMULAS), pdf)
    settings = WarehouseSettings(folder / "data")
    document = Document(pdf, sha256_of(pdf), pdf.stat().st_size)
    store.load_disclosure(settings, document, extract_disclosure(pdf))
    return settings


def test_printed_formulas_are_exported_as_text_no_spreadsheet_evaluates(
    formulas_settings: WarehouseSettings, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    printed = view_rows(formulas_settings, "budget_cells", "WHERE table_code = '22'")
    assert set(FORMULAS) <= {c["text"] for c in printed}  # as the PDF prints them

    export(formulas_settings, tmp_path, "xlsx")
    with zipfile.ZipFile(tmp_path / WORKBOOK) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
        xml = "".join(book.read(n).decode("utf-8") for n in sheets)
    assert re.findall(r"<f[ >]", xml) == []  # not one formula
    workbook = load_workbook(tmp_path / WORKBOOK)
    sheet = workbook[relation_label("budget_cells")]
    texts = {c.value: c for row in sheet.iter_rows(min_row=3) for c in row if c.value in FORMULAS}
    assert set(texts) == set(FORMULAS)  # each shown exactly as printed
    assert all(c.data_type == "s" and c.quotePrefix for c in texts.values())
    amounts = [r for r in sheet.iter_rows(min_row=3, values_only=True) if r[0] is not None]
    assert any(isinstance(v, int | float) for row in amounts for v in row)  # numbers stay numbers

    (cells,) = [
        e for e in export(formulas_settings, tmp_path, "csv").relations if e.name == "budget_cells"
    ]
    assert cells.path is not None
    with cells.path.open(encoding="utf-8-sig", newline="") as f:
        fields = {value for row in csv.reader(f) for value in row}
    assert not set(FORMULAS) & fields  # no field a spreadsheet would evaluate
    assert {"'" + formula for formula in FORMULAS} <= fields  # each marked as text
    back = {r["text"] for r in read_csv(cells.path, cells.columns).to_pylist()}
    assert set(FORMULAS) <= back  # and read back exactly


def test_only_formula_like_texts_change_in_csv() -> None:
    from warehouse.formulas import is_formula_like, text_for_csv, text_from_csv

    for text in (*FORMULAS, "+1+1", "-2+3", "\t=1", "\r=1", "'=1"):
        assert text_for_csv(text).startswith("'") and text_from_csv(text_for_csv(text)) == text
    for text in ("-", "--", "-12.50", "+3", "1,234.00", "合计", "", "a=b"):
        assert text_for_csv(text) == text and not is_formula_like(text), text
