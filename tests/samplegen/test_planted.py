"""Planted errors: exactly the recorded cells change, each record says where it is, and each
planted error breaks an identity the oracle checks (so a reconciliation can find it)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from samplegen.multi_entity import multi_entity_disclosure
from samplegen.planted import PlantedError, plant_errors
from samplegen.random_disclosure import random_disclosure
from samplegen.spec import DisclosureSpec, TableSpec
from tests.samplegen.test_multi_entity import check_multi_entity
from tests.samplegen.test_random_disclosure import check_disclosure


def changed_cells(before: DisclosureSpec, after: DisclosureSpec) -> list[tuple[str, int, int]]:
    out = []
    for a, b in zip(before.tables, after.tables, strict=True):
        for row_no, (ra, rb) in enumerate(zip(a.rows, b.rows, strict=True), start=1):
            for column_no, (va, vb) in enumerate(zip(ra.values, rb.values, strict=True), start=1):
                if va != vb:
                    out.append((a.code, row_no, column_no))
    return out


def entities(doc: DisclosureSpec) -> list[str | None]:
    return [r.entity_code for r in table(doc, "02").rows if r.kind == "entity"]


def table(doc: DisclosureSpec, code: str) -> TableSpec:
    return next(t for t in doc.tables if t.code == code)


def test_the_record_says_exactly_which_cells_changed_and_how() -> None:
    doc = multi_entity_disclosure(4)
    planted_doc, errors = plant_errors(doc, 4, count=3)
    assert len(errors) == len({e.table_code for e in errors}) == 3
    assert sorted(changed_cells(doc, planted_doc)) == sorted(
        (e.table_code, e.row_no, e.column_no) for e in errors
    )
    for e in errors:
        original, now = table(doc, e.table_code), table(planted_doc, e.table_code)
        row = original.rows[e.row_no - 1]
        assert row.values[e.column_no - 1] == e.expected
        assert now.rows[e.row_no - 1].values[e.column_no - 1] == e.printed
        assert e.printed != e.expected and e.printed > 0
        assert e.printed.as_tuple().exponent == e.expected.as_tuple().exponent == -2
        assert e.column_path == original.column_paths[e.column_no - 1]
        assert (e.row_kind, e.entity_code, e.subject_code) == (
            row.kind,
            row.entity_code,
            row.subject_code,
        )
        assert e.row_label is None or e.row_label in [str(v) for v in row.values]


def test_planting_is_deterministic_and_keeps_to_the_tables_asked() -> None:
    doc = random_disclosure(8)
    assert plant_errors(doc, 1, 2) == plant_errors(doc, 1, 2)
    assert plant_errors(doc, 1, 2) != plant_errors(doc, 2, 2)
    _, errors = plant_errors(doc, 3, 2, tables=["03", "07"])
    assert {e.table_code for e in errors} == {"03", "07"}
    with pytest.raises(ValueError, match="need 3 tables"):
        plant_errors(doc, 3, 3, tables=["03", "07"])


def test_errors_in_a_block_name_their_entity() -> None:
    found: list[PlantedError] = []
    for seed in range(15):
        doc = multi_entity_disclosure(seed)
        _, errors = plant_errors(doc, seed, count=4, tables=["03", "07", "08", "09", "13"])
        mine = [e for e in errors if e.row_kind == "subject"]
        # a subject row is an entity's (010002), or the department's own summed row (010)
        assert all(e.entity_code in (doc.unit_code, *entities(doc)) for e in mine)
        found += mine
    assert len({e.entity_code for e in found}) >= 6


@pytest.mark.parametrize("seed", range(0, 60, 6))
def test_every_planted_error_breaks_an_identity(seed: int) -> None:
    for doc, check in (
        (random_disclosure(seed), check_disclosure),
        (multi_entity_disclosure(seed), check_multi_entity),
    ):
        assert check(doc) == []
        planted, (error,) = plant_errors(doc, seed)
        assert check(planted), error


def test_amounts_of_other_formats_keep_their_decimals() -> None:
    from samplegen.national_disclosure import national_disclosure

    for seed in range(10):
        doc = national_disclosure(seed)
        _, errors = plant_errors(doc, seed, count=2)
        for e in errors:
            decimals = table(doc, e.table_code).amount_format.decimals
            assert -e.printed.as_tuple().exponent == decimals  # type: ignore[operator]
            assert e.printed != e.expected and isinstance(e.printed, Decimal)
