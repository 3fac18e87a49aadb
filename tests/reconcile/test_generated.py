"""Generated disclosures, consistent by construction: reconciliation finds nothing in them, and
finds any single amount changed, wherever it is printed.

For speed most checks run the rules in memory over the cells a load would write
(`samplegen` spec → `Disclosure` → `warehouse.rows` rows, see samplegen.disclosures);
a smaller set goes the whole way: rendered PDFs, extracted, loaded, reconciled from the warehouse.
"""

from __future__ import annotations

import dataclasses
import random
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pytest

from disclosure.extract import extract_disclosure
from reconcile.catalog import load_catalog, standard_key
from reconcile.evaluation import Evaluation, evaluate
from reconcile.inputs import Inputs, disclosures_to_inputs
from reconcile.runs import reconcile_warehouse
from samplegen.disclosures import spec_doc_id, spec_to_disclosure
from samplegen.random_disclosure import random_disclosure
from samplegen.render import render_disclosure
from samplegen.spec import expected_cells
from warehouse import store
from warehouse.documents import Document
from warehouse.raw import sha256_of
from warehouse.relations import AMOUNT
from warehouse.settings import WarehouseSettings

REPO = Path(__file__).resolve().parents[2]
CONSISTENT = range(300)
PLANTED = 200
SAMPLES = ("2024_116_湖南省农业农村厅.pdf", "2024_117_湖南省水利厅.pdf")  # generated, consistent
SERIOUS = ("error", "warning")


@pytest.fixture(scope="module")
def generated() -> Inputs:
    """300 random disclosures (every table, all layouts' row styles), as loaded cells."""
    return disclosures_to_inputs(
        [
            (spec_doc_id(spec, str(seed)), spec_to_disclosure(spec))
            for seed in CONSISTENT
            for spec in [random_disclosure(seed)]
        ]
    )


@pytest.fixture(scope="module")
def clean(generated: Inputs) -> Evaluation:
    return evaluate(generated)


def serious(evaluation: Evaluation) -> list[dict[str, object]]:
    return [f for f in evaluation.findings.to_pylist() if f["severity"] in SERIOUS]


def test_sample_cells_are_the_round_trip_ground_truth() -> None:
    # What extraction of the rendered PDF returns, by the round-trip tests' own yardstick.
    for seed in (0, 42):
        spec = random_disclosure(seed)
        got = [
            (t.table_code, c.row_no, c.column_no, c.column_path, c.text, c.row_kind.value,
             c.subject_code)
            for t in spec_to_disclosure(spec).tables
            for c in t.cells
        ]  # fmt: skip
        want = [
            (c.table_code, c.row_no, c.column_no, c.column_path, c.text, c.row_kind,
             c.subject_code)
            for c in expected_cells(spec)
        ]  # fmt: skip
        assert got == want


def test_consistent_disclosures_raise_nothing_above_info(clean: Evaluation) -> None:
    assert clean.documents == len(CONSISTENT)
    assert serious(clean) == []


def test_every_rule_is_evaluated_on_a_complete_disclosure(clean: Evaluation) -> None:
    # All 23 tables printed: every rule runs on every document, except the comparison with a
    # previous year, which none of these has, and the identities of final accounts (决算).
    partial = {s.rule.id: s.not_evaluated for s in clean.statuses if s.not_evaluated}
    assert partial == {
        "year_over_year_change": len(CONSISTENT),
        "final_fund_tables_vs_fiscal_summary": len(CONSISTENT),
    }
    catalog = load_catalog("hunan")
    each = {s.rule.id: s.evaluated for s in clean.statuses}
    # A per-table rule checks each table it reads: a standard table as often as it is printed
    # (Hunan prints 一般公共预算基本支出表 in six parts), an own table once.
    printed: dict[str, int] = {}
    for table in spec_to_disclosure(random_disclosure(0)).tables:
        printed[f"code:{table.table_code}"] = 1
        if table.standard_table:
            key = standard_key(table.standard_table, table.classification)
            printed[key] = printed.get(key, 0) + 1
    for rule in catalog.rules:
        if rule.kind == "决算":  # an identity of final accounts: none among these budgets
            assert each[rule.id] == 0, rule.id
        elif rule.scope == "each":
            tables = sum(printed.get(key, 0) for key in rule.tables)
            assert each[rule.id] == len(CONSISTENT) * tables, rule.id
        elif rule.compares == "same_year":
            assert each[rule.id] == len(CONSISTENT), rule.id


def plant_errors(
    cells: pa.Table, doc_ids: list[str], rng: random.Random
) -> tuple[pa.Table, dict[str, dict[str, object]]]:
    """One amount cell per document changed by a random non-zero delta (0.01 up to 10,000.00,
    either sign); an empty amount cell may become printed, a printed one empty."""
    kinds = cells.column("column_kind").to_pylist()
    owners = cells.column("doc_id").to_pylist()
    candidates: dict[str, list[int]] = {}
    for i, (kind, doc_id) in enumerate(zip(kinds, owners, strict=True)):
        if kind == "amount":
            candidates.setdefault(doc_id, []).append(i)
    amounts = cells.column("amount").to_pylist()
    texts = cells.column("text").to_pylist()
    planted = {}
    for doc_id in doc_ids:
        i = rng.choice(candidates[doc_id])
        cents = max(1, int(10 ** rng.uniform(0, 6))) * rng.choice((1, -1))
        new = (amounts[i] or Decimal("0.00")) + Decimal(cents).scaleb(-2)
        amounts[i], texts[i] = (new, f"{new:,.2f}") if new else (None, "")
        planted[doc_id] = cells.slice(i, 1).to_pylist()[0] | {"amount": amounts[i]}
    changed = cells.set_column(
        cells.schema.get_field_index("amount"), "amount", pa.array(amounts, AMOUNT)
    )
    changed = changed.set_column(
        changed.schema.get_field_index("text"), "text", pa.array(texts, pa.string())
    )
    return changed, planted


def test_one_planted_error_is_found_200_times_in_a_row(generated: Inputs) -> None:
    # The rules never look across documents within a year, so one evaluation over 200
    # documents, each with its own planted error, is 200 independent trials.
    rng = random.Random(20240601)
    docs = generated.documents.column("doc_id").to_pylist()[:PLANTED]
    cells, planted = plant_errors(generated.cells, docs, rng)
    evaluation = evaluate(dataclasses.replace(generated, cells=cells))
    found: dict[str, list[dict[str, object]]] = {}
    for f in evaluation.findings.to_pylist():
        # a change of 0.01 is one unit of the last printed decimal: found, and read as rounding
        if f["severity"] in SERIOUS or "四舍五入" in str(f["message"]):
            found.setdefault(str(f["doc_id"]), []).append(f)
    for doc_id, cell in planted.items():
        on_it = [
            f
            for f in found.get(doc_id, [])
            if f["table_code"] == cell["table_code"]
            and (f["row_no"] == cell["row_no"] or f["column_no"] == cell["column_no"])
        ]
        assert on_it, (
            f"a change of 预算{cell['table_code']}表 row {cell['row_no']} "
            f"({cell['row_label']}) {cell['column_path']} to {cell['amount']} went unnoticed"
        )
    assert len(planted) == PLANTED
    assert set(found) == set(planted)  # and nothing in the documents left alone


def test_a_missing_table_or_column_is_recorded_not_evaluated() -> None:
    spec = random_disclosure(7)
    whole = spec_to_disclosure(spec)
    without_08 = dataclasses.replace(
        whole, tables=[t for t in whole.tables if t.table_code != "08"]
    )
    # 12 printed without its 会议费 column (as a garbled header would leave it).
    lacking = "机关商品和服务支出/会议费"
    short_12 = dataclasses.replace(
        whole,
        unit_code="999",
        tables=[
            dataclasses.replace(t, cells=[c for c in t.cells if c.column_path != lacking])
            if t.table_code == "12"
            else t
            for t in whole.tables
        ],
    )
    evaluation = evaluate(disclosures_to_inputs([("no-08", without_08), ("short-12", short_12)]))
    statuses = {s.rule.id: s for s in evaluation.statuses}
    catalog = load_catalog("hunan")
    for rule in catalog.rules:
        status = statuses[rule.id]
        missing = set(status.not_evaluated_for)
        reads_08, reads_12 = "08" in rule.table_names, "12" in rule.table_names
        if rule.compares == "previous_year":
            continue
        if rule.scope == "each":
            assert ("2024/" + whole.unit_code + "/08" in missing) == reads_08, rule.id
            assert ("2024/999/12" in missing) == reads_12, rule.id
        elif rule.scope == "together":
            assert (f"2024/{whole.unit_code}" in missing) == reads_08, rule.id
            assert ("2024/999" in missing) == reads_12, rule.id
    findings = {(f["doc_id"], f["rule_id"], f["table_code"]) for f in serious(evaluation)}
    assert findings == {
        ("no-08", "tables_present", "08"),
        ("short-12", "table_columns_match_template", "12"),
    }


@pytest.mark.slow
def test_rendered_generated_pdfs_reconcile_clean(tmp_path: Path) -> None:
    """The whole way: PDFs (four random, and the two generated samples of samples/) extracted,
    loaded by the warehouse, reconciled from it."""
    paths = [REPO / "samples" / name for name in SAMPLES]
    for seed in (0, 1, 3, 5):  # four more departments (units 108, 118, 043, 060)
        spec = random_disclosure(seed)
        paths.append(tmp_path / spec.file_name)
        render_disclosure(spec, paths[-1])
    settings = WarehouseSettings(tmp_path / "data")
    for path in paths:
        document = Document(path, sha256_of(path), path.stat().st_size)
        outcome = store.load_disclosure(settings, document, extract_disclosure(path))
        assert outcome.status == "loaded"
    run = reconcile_warehouse(settings)
    assert run.documents == len(paths)
    assert [f for f in run.findings.to_pylist() if f["severity"] in SERIOUS] == []
    assert set(run.not_evaluated_rules) == {
        "final_fund_tables_vs_fiscal_summary",
        "year_over_year_change",
    }
