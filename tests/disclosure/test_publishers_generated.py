"""Who published a generated disclosure: PDFs rendered by the project's generator in Hunan's
format for units of other places, with the code printed in other forms, or not at all."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure, RowKind
from disclosure.regions import Region
from expectations.gate import Gate, GateSettings
from samplegen.hunan_xinfang_2024 import spec as seed_spec
from samplegen.render import render_disclosure
from samplegen.spec import Layout


def render(
    tmp: Path, unit_code: str, unit_name: str, entity_code: str = "", **layout: object
) -> Disclosure:
    """The seed disclosure (湖南省信访局, 010) cut to two tables (收支总表 and the by-entity
    收入总表) and printed for another unit: its cover code `unit_code`, its name `unit_name`, the
    department's rows of 收入总表 coded `entity_code` and its body's `entity_code`-001."""
    seed = seed_spec()

    def moved(value: object) -> object:
        if value == seed.unit_code:
            return entity_code
        if isinstance(value, str) and value.startswith(seed.unit_code) and value.isdigit():
            return entity_code + "." + value[len(seed.unit_code) :] if entity_code else ""
        return value.replace(seed.unit_name, unit_name) if isinstance(value, str) else value

    tables = tuple(
        dataclasses.replace(
            t,
            rows=tuple(dataclasses.replace(r, values=tuple(map(moved, r.values))) for r in t.rows),
        )
        for t in seed.tables
        if t.code in ("01", "02")
    )
    spec = dataclasses.replace(
        seed,
        unit_code=unit_code,
        unit_name=unit_name,
        tables=tables,
        layout=dataclasses.replace(Layout(), **layout),
    )
    path = tmp / f"{spec.year}_{unit_name}.pdf"
    render_disclosure(spec, path)
    return extract_disclosure(path)


@pytest.fixture(scope="module")
def gate() -> Gate:
    return Gate(GateSettings())


def failed(gate: Gate, disclosure: Disclosure) -> set[str]:
    result = gate.validate(disclosure, Path(disclosure.path).stem)
    return {c.reason for c in result.checks if not c.success}


def test_a_code_printed_in_another_form_is_kept_and_judged_by_the_formats_rule(
    tmp_path: Path, gate: Gate
) -> None:
    disclosure = render(tmp_path, "350.104.001", "福州市仓山生态环境局", "350.104.001")
    assert disclosure.unit_code == "350104001"  # its digits
    assert disclosure.region == Region("福建省", "福州市", "仓山区", "350104", "区县")
    # Two standard tables, none only Hunan's format names: the national template reads it, and
    # the national rule takes three to nine digits.
    assert disclosure.template == "national"
    assert "bad_unit_code" not in failed(gate, disclosure)
    # Hunan's format prints three digits: a nine-digit code is not its.
    assert "bad_unit_code" in failed(gate, dataclasses.replace(disclosure, template="hunan"))


def test_without_a_printed_code_the_code_is_derived_from_the_name_and_its_place(
    tmp_path: Path, gate: Gate
) -> None:
    disclosure = render(
        tmp_path, "", "杭州市气象局", "113", running_header="杭州市气象局2024年部门预算"
    )
    assert disclosure.region == Region("浙江省", "杭州市", None, "330100", "市")
    assert disclosure.unit_code and disclosure.unit_code.startswith("330100-")
    assert not failed(gate, disclosure) & {"bad_unit_code", "bad_entity_code", "unknown_region"}
    # Its 收入总表 prints the department's own code (113) and its body's (113.001).
    income = disclosure.table("02")
    assert income is not None
    kinds = {(c.row_label, c.row_kind, c.entity_code) for c in income.cells if c.column_no == 1}
    assert ("杭州市气象局", RowKind.UNIT, "113") in kinds
    assert ("杭州市气象局本级", RowKind.ENTITY, "113001") in kinds
