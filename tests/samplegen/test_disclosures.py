"""Specs as extraction returns them, without a PDF (samplegen.disclosures): what the new
generators' specs say reaches the cells the reconciliation tests evaluate in memory."""

from __future__ import annotations

from decimal import Decimal

from disclosure.model import ColumnKind, RowKind
from samplegen.disclosures import spec_to_disclosure
from samplegen.final_disclosure import final_disclosure
from samplegen.multi_entity import multi_entity_disclosure
from samplegen.national_disclosure import national_disclosure
from samplegen.spec import expected_cells


def test_a_final_accounts_numbering_is_never_an_amount() -> None:
    spec = final_disclosure(0)
    disclosure = spec_to_disclosure(spec)
    numbering = [e for e in expected_cells(spec) if e.numbering]
    assert numbering and all(
        e.amount is None and (e.text.isdigit() or e.text == "栏次") for e in numbering
    )
    # each 决算 table is the standard table extraction names it (one key shared with budgets)
    assert [t.standard_table for t in disclosure.tables] == [
        "收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算支出表",
        "一般公共预算基本支出表", "三公经费", "政府性基金预算支出表", "国有资本经营预算支出表",
    ]  # fmt: skip
    for table in disclosure.tables:
        assert table.unit_label == "万元"
        first = [c for c in table.cells if c.row_no == 1]
        assert all(c.amount is None for c in first)  # the 栏次 row
    t01 = disclosure.table("01")
    assert t01 is not None
    line_numbers = [c for c in t01.cells if c.column_path == "收入/行次"]
    assert line_numbers and {c.amount for c in line_numbers} == {None}
    assert {t01.columns[1].kind, t01.columns[4].kind} == {ColumnKind.CODE}


def test_a_national_tables_unit_and_scope_come_through() -> None:
    for seed in range(6):
        spec = national_disclosure(seed)
        disclosure = spec_to_disclosure(spec)
        assert disclosure.scope == spec.scope and disclosure.template == "national"
        for table, printed in zip(disclosure.tables, spec.tables, strict=True):
            assert table.unit_label == ("万元" if printed.unit_line.endswith("万元") else "元")
            amounts = [c.amount for c in table.cells if c.amount is not None]
            assert all(isinstance(a, Decimal) for a in amounts)


def test_the_rows_of_a_block_carry_their_entity() -> None:
    spec = multi_entity_disclosure(2)
    disclosure = spec_to_disclosure(spec)
    t03 = disclosure.table("03")
    assert t03 is not None
    subjects = [c for c in t03.cells if c.row_kind is RowKind.SUBJECT]
    # the block a row is printed in names its entity (owner_code), printed on the row or not
    assert subjects and all(
        c.owner_code and c.owner_code.startswith(spec.unit_code) for c in subjects
    )
