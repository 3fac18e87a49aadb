"""Property: disclosures printed by other software (samplegen.variants), extracted from their
PDFs, reconcile as cleanly as the template's own printing — the rules read every printed column
through the template column it means — and any single amount changed in them is found."""

from __future__ import annotations

import dataclasses
import random

from reconcile.evaluation import evaluate
from reconcile.inputs import Inputs, disclosures_to_inputs
from tests.conftest import Variant
from tests.reconcile.test_generated import plant_errors


def extracted_inputs(variants: list[Variant]) -> Inputs:
    return disclosures_to_inputs([(f"variant-{v.seed}", v.disclosure) for v in variants])


def test_consistent_variant_disclosures_have_no_reconciliation_error(
    variant_disclosures: list[Variant],
) -> None:
    evaluation = evaluate(extracted_inputs(variant_disclosures))
    assert evaluation.documents == len(variant_disclosures)
    errors = [f for f in evaluation.findings.to_pylist() if f["severity"] == "error"]
    assert errors == []
    # The identities were checked: on the complete disclosures every same-year rule ran.
    assert {s.rule.id for s in evaluation.statuses if s.evaluated} >= {
        "row_sum_07",
        "balance_01",
        "basic_07_vs_08",
        "split_columns_add_up",
    }


def test_every_planted_error_in_a_variant_disclosure_is_found(
    variant_disclosures: list[Variant],
) -> None:
    inputs = extracted_inputs(variant_disclosures)
    docs = inputs.documents.column("doc_id").to_pylist()
    cells, planted = plant_errors(inputs.cells, docs, random.Random(20261203))
    evaluation = evaluate(dataclasses.replace(inputs, cells=cells))
    found: dict[str, list[dict[str, object]]] = {}
    for f in evaluation.findings.to_pylist():
        if f["severity"] in ("error", "warning"):
            found.setdefault(str(f["doc_id"]), []).append(f)
    missed = []
    for doc_id, cell in planted.items():
        on_it = [
            f
            for f in found.get(doc_id, [])
            if f["table_code"] == cell["table_code"]
            and (f["row_no"] == cell["row_no"] or f["column_no"] == cell["column_no"])
        ]
        if not on_it:
            missed.append(
                f"{doc_id} 表{cell['table_code']} row {cell['row_no']} ({cell['row_label']}) "
                f"{cell['column_path']} → {cell['amount']}"
            )
    assert missed == [], "\n".join(missed[:10])
    assert len(planted) == len(variant_disclosures)
