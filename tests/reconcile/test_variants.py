"""Property: disclosures printed by other software (samplegen.variants), extracted from their
PDFs, reconcile as cleanly as the template's own printing — the rules read every printed column
through the template column it means — and any single amount changed in them is found.

A variant printing only some of Hunan's tables is read with the Hunan template when it prints
tables only Hunan names (its 人员经费 / 公用经费 parts, its 专项资金 summary), else with the
national template, which names the standard tables it prints: each is checked by its own
template's catalog."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator

from reconcile.catalog import load_catalog
from reconcile.evaluation import Evaluation, evaluate
from reconcile.inputs import Inputs, disclosures_to_inputs
from tests.conftest import Variant
from tests.reconcile.test_generated import plant_errors


def by_template(variants: list[Variant]) -> Iterator[tuple[str, Inputs]]:
    templates = sorted({str(v.disclosure.template) for v in variants})
    for template in templates:
        chosen = [v for v in variants if v.disclosure.template == template]
        yield template, disclosures_to_inputs([(f"variant-{v.seed}", v.disclosure) for v in chosen])


def test_variants_are_read_with_hunan_or_national_and_most_with_hunan(
    variant_disclosures: list[Variant],
) -> None:
    read_as = [v.disclosure.template for v in variant_disclosures]
    assert set(read_as) <= {"hunan", "national"}
    assert read_as.count("hunan") > len(read_as) / 2
    # Every complete one (all 23 tables) is Hunan's.
    assert all(v.disclosure.template == "hunan" for v in variant_disclosures if v.seed % 5 == 0)


def test_consistent_variant_disclosures_have_no_reconciliation_error(
    variant_disclosures: list[Variant],
) -> None:
    evaluations: dict[str, Evaluation] = {}
    for template, inputs in by_template(variant_disclosures):
        evaluations[template] = evaluate(inputs, load_catalog(template))
    assert sum(e.documents for e in evaluations.values()) == len(variant_disclosures)
    errors = [
        f for e in evaluations.values() for f in e.findings.to_pylist() if f["severity"] == "error"
    ]
    assert errors == []
    # The identities were checked: on the complete disclosures every same-year rule ran.
    assert {s.rule.id for s in evaluations["hunan"].statuses if s.evaluated} >= {
        "header_sums",
        "balance",
        "basic_07_vs_08",
        "split_columns_add_up",
    }


def test_every_planted_error_in_a_variant_disclosure_is_found(
    variant_disclosures: list[Variant],
) -> None:
    rng = random.Random(20261203)
    missed, planted_count = [], 0
    for template, inputs in by_template(variant_disclosures):
        docs = inputs.documents.column("doc_id").to_pylist()
        cells, planted = plant_errors(inputs.cells, docs, rng)
        planted_count += len(planted)
        evaluation = evaluate(dataclasses.replace(inputs, cells=cells), load_catalog(template))
        found: dict[str, list[dict[str, object]]] = {}
        for f in evaluation.findings.to_pylist():
            # a change of 0.01 is one unit of the last printed decimal: found, read as rounding
            if f["severity"] in ("error", "warning") or "四舍五入" in str(f["message"]):
                found.setdefault(str(f["doc_id"]), []).append(f)
        for doc_id, cell in planted.items():
            on_it = [
                f
                for f in found.get(doc_id, [])
                if f["table_code"] == cell["table_code"]
                and (f["row_no"] == cell["row_no"] or f["column_no"] == cell["column_no"])
            ]
            if not on_it:
                missed.append(
                    f"{doc_id} ({template}) 表{cell['table_code']} row {cell['row_no']} "
                    f"({cell['row_label']}) {cell['column_path']} → {cell['amount']}"
                )
    assert missed == [], "\n".join(missed[:10])
    assert planted_count == len(variant_disclosures)
