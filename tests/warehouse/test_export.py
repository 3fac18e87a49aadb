"""`budget export` over a real warehouse (two disclosures loaded and reconciled): every CSV reads
back equal to its view, amounts exact; the workbook opens with openpyxl; the data package passes
Frictionless validation."""

from __future__ import annotations

import codecs
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from budget.cli import app
from disclosure.model import Disclosure
from reconcile.runs import reconcile_warehouse
from tests.conftest import HUNAN_2023, HUNAN_2024
from warehouse import store
from warehouse.documents import Document
from warehouse.export import EXPORTED, WORKBOOK, Column, export, read_csv
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


def bag(rows: Iterable[dict[str, Any]]) -> Counter[tuple[Any, ...]]:
    """Rows as a multiset (lists as tuples), whatever their order."""
    return Counter(
        tuple(tuple(v) if isinstance(v, list) else v for v in row.values()) for row in rows
    )


def test_every_csv_reads_back_equal_to_its_view(
    settings: WarehouseSettings, tmp_path: Path
) -> None:
    result = export(settings, tmp_path, "csv")

    assert [e.name for e in result.relations] == list(EXPORTED)  # every one exists here
    for exported in result.relations:
        assert exported.path is not None
        assert exported.path.read_bytes().startswith(codecs.BOM_UTF8), exported.name
        back = read_csv(exported.path, exported.columns).to_pylist()
        view = view_rows(settings, exported.name)
        assert len(back) == exported.rows == len(view), exported.name
        assert bag(back) == bag(view), exported.name
    # Amounts are exact decimals, never floats.
    (sangong,) = [e for e in result.relations if e.name == "sangong_costs"]
    assert sangong.path is not None
    totals = {r["sangong_total"] for r in read_csv(sangong.path, sangong.columns).to_pylist()}
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
    assert "expenditure_by_function  → expenditure_by_function.csv" in result.output
    columns = [Column("year", "INTEGER"), Column("unit_code", "VARCHAR")]
    for name in ("budget_cells", "reconciliation_status", "disclosures"):
        rows = read_csv(tmp_path / f"{name}.csv", columns).select(["year", "unit_code"]).to_pylist()
        assert rows and {(r["year"], r["unit_code"]) for r in rows} == {(2023, "010")}, name


def test_the_workbook_has_a_sheet_per_view_with_exact_amounts(
    settings: WarehouseSettings, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    export(settings, tmp_path, "xlsx")

    book = load_workbook(tmp_path / WORKBOOK, read_only=True)
    assert book.sheetnames == [name[:31] for name in EXPORTED]
    sheet = book["sangong_costs"]
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    view = view_rows(settings, "sangong_costs")
    assert header == list(view[0])
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
        {k: (v.normalize() if isinstance(v, Decimal) else v) for k, v in r.items()} for r in as_read
    ) == bag(expected)
    cells = sum(1 for _ in book["budget_cells"].iter_rows(values_only=True))
    assert cells == len(view_rows(settings, "budget_cells")) + 1  # and the header
    book.close()


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
    assert fields["total"].type == "number"
    assert fields["total"].to_descriptor()["unit"] == "万元"
    assert "合计" in (fields["total"].description or "")
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
