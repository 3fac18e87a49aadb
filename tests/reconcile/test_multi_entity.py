"""Departments of several entities, printed one block per entity: rules compare like with like —
a department's totals with the department's rows, an entity's with the entity's.

Other printing software prints a department with sub-units by giving each entity its own block
in every by-entity table (the entity's row, then its 类 / 款 / 项 or project rows), sometimes after
a block of the department's own summed rows. Consistent documents printed that way raise nothing
above info; an amount changed anywhere is found in its table, at its row or column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure.extract import extract_disclosure
from reconcile.catalog import load_catalog
from reconcile.evaluation import Evaluation, evaluate
from reconcile.inputs import disclosures_to_inputs
from samplegen.disclosures import spec_doc_id, spec_to_disclosure
from samplegen.multi_entity import multi_entity_disclosure
from samplegen.planted import PlantedError, plant_errors
from samplegen.render import render_disclosure

CONSISTENT = range(100)
PLANTED = range(1000, 1040)
SERIOUS = ("error", "warning")


@pytest.fixture(scope="module")
def clean() -> Evaluation:
    pairs = [
        (spec_doc_id(spec, str(seed)), spec_to_disclosure(spec))
        for seed in CONSISTENT
        for spec in [multi_entity_disclosure(seed)]
    ]
    return evaluate(disclosures_to_inputs(pairs), load_catalog("hunan"))


def test_consistent_multi_entity_disclosures_raise_nothing_above_info(clean: Evaluation) -> None:
    assert clean.documents == len(CONSISTENT)
    assert [f for f in clean.findings.to_pylist() if f["severity"] in SERIOUS] == []


def test_every_planted_error_is_found_at_its_entity_table_row_and_column() -> None:
    pairs, planted = [], {}
    for seed in PLANTED:
        spec, errors = plant_errors(multi_entity_disclosure(seed), seed, 3)
        doc_id = spec_doc_id(spec, str(seed))
        pairs.append((doc_id, spec_to_disclosure(spec)))
        planted[doc_id] = errors
    evaluation = evaluate(disclosures_to_inputs(pairs), load_catalog("hunan"))
    findings = evaluation.findings.to_pylist()

    def on(doc_id: str, error: PlantedError) -> list[dict[str, object]]:
        # The finding points at the changed cell, or at the cell of its row or column that
        # the broken identity names (the row's total, the column's total).
        return [
            f
            for f in findings
            if f["doc_id"] == doc_id
            and f["table_code"] == error.table_code
            and (f["row_no"] == error.row_no or f["column_no"] == error.column_no)
            # a change of one unit of the last decimal reads as rounding: kept, as info
            and (f["severity"] in SERIOUS or "四舍五入" in str(f["message"]))
        ]

    missed = [e for doc_id, errors in planted.items() for e in errors if not on(doc_id, e)]
    assert missed == []
    assert sum(len(e) for e in planted.values()) == 3 * len(PLANTED)
    entities = {e.entity_code for errors in planted.values() for e in errors}
    assert len(entities) > 30  # errors planted in many entities' blocks, and found in each


def test_rendered_multi_entity_pdfs_read_and_reconcile_clean(tmp_path: Path) -> None:
    """The whole way for two of them: rendered, extracted (each block's rows owned by its
    entity), reconciled."""
    pairs = []
    for seed in (3, 4):  # one with a block of the department's own rows first (4)
        spec = multi_entity_disclosure(seed)
        path = tmp_path / spec.file_name
        render_disclosure(spec, path)
        disclosure = extract_disclosure(path)
        blocks = {
            c.owner_code
            for t in disclosure.tables
            if t.table_code == "07"
            for c in t.cells
            if c.row_kind.value == "subject"
        }
        assert len(blocks - {None}) >= 3  # the 本级 and two or more sub-units
        pairs.append((spec_doc_id(spec), disclosure))
    evaluation = evaluate(disclosures_to_inputs(pairs), load_catalog("hunan"))
    assert [f for f in evaluation.findings.to_pylist() if f["severity"] in SERIOUS] == []
