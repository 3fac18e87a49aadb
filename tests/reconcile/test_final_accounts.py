"""Final accounts (部门决算) reconcile by the standard identities written once: the
收入支出决算总表 balances, 类 = Σ 款 = Σ 项 in every column, 基本 + 项目 = 合计 within each stage
(决算数, 年初预算数), the 三公 决算数 against its parts, the fund tables against the
财政拨款收入支出决算总表, and the balances roll forward (年初结转和结余 + 本年收入 = 本年支出 +
年末结转和结余).

Consistent 决算 raise nothing above info; an amount changed in a table these identities cover is
found in its table, at its row or its column. Not covered, so not planted: the
财政拨款收入支出决算总表's fund columns line by line (合计 = 一般公共预算 + 政府性基金 +
国有资本经营 on each function line; its totals are checked against the fund tables and its
numbered lines) and the 基本支出决算表's side-by-side 人员经费 | 公用经费 lists, whose lines
no printed total sums."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure.extract import extract_disclosure
from reconcile.catalog import load_catalog
from reconcile.evaluation import Evaluation, evaluate
from reconcile.inputs import disclosures_to_inputs
from samplegen.disclosures import spec_doc_id, spec_to_disclosure
from samplegen.final_disclosure import final_disclosure
from samplegen.planted import PlantedError, plant_errors
from samplegen.render import render_disclosure

CONSISTENT = range(60)
PLANTED = range(500, 540)
COVERED = ("01", "02", "03", "05", "07", "08", "09")  # 04 and 06: see the module's note
SERIOUS = ("error", "warning")
FINAL_RULES = {
    "balance",
    "balances_roll_forward",
    "measure_sums",
    "class_equals_sections",
    "section_equals_items",
    "final_fund_tables_vs_fiscal_summary",
    "summary_vs_expenditure",
    "year_lines_add_up",
}


@pytest.fixture(scope="module")
def clean() -> Evaluation:
    pairs = [
        (spec_doc_id(spec, str(seed)), spec_to_disclosure(spec))
        for seed in CONSISTENT
        for spec in [final_disclosure(seed)]
    ]
    return evaluate(disclosures_to_inputs(pairs), load_catalog("national"))


def test_consistent_final_accounts_raise_nothing_above_info(clean: Evaluation) -> None:
    assert clean.documents == len(CONSISTENT)
    assert [f for f in clean.findings.to_pylist() if f["severity"] in SERIOUS] == []
    ran = {s.rule.id: s.evaluated for s in clean.statuses}
    assert all(ran[rule] > 0 for rule in FINAL_RULES), ran
    # the budget's own cross-table identities do not apply to a 决算 (its income need not equal
    # its spending): not evaluated, never passed
    not_run = {s.rule.id: s.reasons for s in clean.statuses if not s.evaluated}
    assert "fund_tables_vs_fiscal_summary" in not_run


def test_every_planted_error_in_final_accounts_is_found_at_its_table_row_or_column() -> None:
    pairs, planted = [], {}
    for seed in PLANTED:
        spec, errors = plant_errors(final_disclosure(seed), seed, 2, tables=COVERED)
        doc_id = spec_doc_id(spec, str(seed))
        pairs.append((doc_id, spec_to_disclosure(spec)))
        planted[doc_id] = errors
    findings = evaluate(disclosures_to_inputs(pairs), load_catalog("national")).findings
    rows = findings.to_pylist()

    def found(doc_id: str, error: PlantedError) -> bool:
        return any(
            f["doc_id"] == doc_id
            and f["table_code"] == error.table_code
            and (f["row_no"] == error.row_no or f["column_no"] == error.column_no)
            and (f["severity"] in SERIOUS or "四舍五入" in str(f["message"]))
            for f in rows
        )

    missed = [
        f"{doc_id[:8]} 表{e.table_code} row {e.row_no} ({e.row_label}) {e.column_path}: "
        f"{e.expected} → {e.printed}"
        for doc_id, errors in planted.items()
        for e in errors
        if not found(doc_id, e)
    ]
    assert missed == [], "\n".join(missed)
    assert {e.table_code for errors in planted.values() for e in errors} >= {"01", "03", "05"}


def test_rendered_final_accounts_read_as_final_with_numbering_never_amounts(
    tmp_path: Path,
) -> None:
    spec = final_disclosure(3)
    path = tmp_path / spec.file_name
    render_disclosure(spec, path)
    disclosure = extract_disclosure(path)
    assert (disclosure.kind, disclosure.year) == ("决算", spec.year)
    named = {t.standard_table for t in disclosure.tables if t.standard_table}
    assert len(named) >= 6
    assert all(t.kind == "决算" for t in disclosure.tables if t.standard_table)
    numbering = [
        c
        for t in disclosure.tables
        for c in t.cells
        if c.column_path.rsplit("/", 1)[-1] in ("行次", "栏次")
    ]
    assert numbering and all(c.amount is None for c in numbering)
    evaluation = evaluate(
        disclosures_to_inputs([(spec_doc_id(spec), disclosure)]), load_catalog("national")
    )
    assert [f for f in evaluation.findings.to_pylist() if f["severity"] in SERIOUS] == []
