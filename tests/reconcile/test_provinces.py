"""Reconciliation per template, on real Jiangsu and Shanghai disclosures: every rule is evaluated
somewhere, every finding is a printed error checked against the PDF, a planted error is found,
and a warehouse of three provinces is checked document by document with its own template's
rules."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from reconcile.catalog import FAMILIES, catalog_templates, load_catalog, load_catalogs
from reconcile.evaluation import Evaluation, RuleStatus, evaluate
from reconcile.inputs import disclosures_to_inputs
from reconcile.runs import reconcile_warehouse
from tests.real_files import REPO, table_pdfs
from warehouse import store
from warehouse.documents import Document
from warehouse.raw import keep_raw, sha256_of
from warehouse.settings import WarehouseSettings

# Every error finding on the real files, each checked against the PDF (a printed error):
# 上海市财政局 2025, 一般公共预算基本支出部门预算经济分类预算表 (page 17): 302 商品和服务支出 prints
# 24,840,779 元 in 合计 and in 公用经费, while its 款 (办公费 1,000,000 … 其他商品和服务支出
# 1,193,200) add up to 24,840,778.
PRINTED_ERRORS = {
    ("上海市财政局", 2025, "class_equals_sections", "08", "一般公共预算基本支出/合计"),
    ("上海市财政局", 2025, "class_equals_sections", "08", "一般公共预算基本支出/公用经费"),
}


@cache
def extracted(pdf: Path) -> Disclosure:
    return extract_disclosure(pdf)


def same_year(evaluation: Evaluation) -> list[RuleStatus]:
    """The rules that compare within one year and hold for a budget (these are all 预算)."""
    return [
        s
        for s in evaluation.statuses
        if s.rule.compares == "same_year" and s.rule.kind in (None, "预算")
    ]


def evaluated(province: str, disclosures: list[tuple[str, Disclosure]]) -> Evaluation:
    return evaluate(disclosures_to_inputs(disclosures), load_catalog(province))


def test_every_template_has_a_catalog_of_the_main_families() -> None:
    assert catalog_templates() == ["hunan", "jiangsu", "national", "shanghai"]
    catalogs = load_catalogs()  # raises when two templates share one of their own rule ids
    for catalog in catalogs:
        families = {r.family for r in catalog.rules}
        assert {"within_row", "between_rows", "balance", "across_tables"} <= families
        assert families <= set(FAMILIES)


@pytest.mark.parametrize("province", ["jiangsu", "shanghai"])
def test_on_real_disclosures_every_rule_is_evaluated_and_every_error_is_a_printed_one(
    province: str,
) -> None:
    pdfs = table_pdfs(province)
    evaluation = evaluated(province, [(p.name, extracted(p)) for p in pdfs])
    assert evaluation.documents == len(pdfs)
    # (the comparison with the year before has no year before among these)
    assert all(s.evaluated > 0 for s in same_year(evaluation)), [
        s.rule.id for s in same_year(evaluation) if not s.evaluated
    ]
    found = {
        (f["unit_name"], f["year"], f["rule_id"], f["table_code"], f["column_path"])
        for f in evaluation.findings.to_pylist()
        if f["severity"] == "error"
    }
    units = {extracted(p).unit_name for p in pdfs}
    assert found == {e for e in PRINTED_ERRORS if e[0] in units}


def test_a_planted_error_in_a_jiangsu_table_is_found_where_it_is() -> None:
    # 江苏省人民检察院 2017, 公开07表: one 项 printed 1.00 too high; its 款 no longer adds up.
    pdf = next(p for p in table_pdfs("jiangsu") if "人民检察院" in p.name and "2017" in p.name)
    disclosure = extracted(pdf)
    t_no, table = next((i, t) for i, t in enumerate(disclosure.tables) if t.table_code == "07")
    at, item = next(
        (i, c)
        for i, c in enumerate(table.cells)
        if c.subject_code and len(c.subject_code) == 7 and c.amount
    )
    cells = list(table.cells)
    cells[at] = dataclasses.replace(item, amount=item.amount + Decimal("1.00"))
    tables = list(disclosure.tables)
    tables[t_no] = dataclasses.replace(table, cells=cells)
    planted = dataclasses.replace(disclosure, tables=tables)

    findings = evaluated("jiangsu", [("planted", planted)]).findings.to_pylist()

    assert [(f["rule_id"], f["subject_code"], f["difference"]) for f in findings] == [
        ("section_equals_items", item.subject_code[:5], Decimal("-1.00"))
    ]


def test_a_warehouse_of_three_provinces_checks_each_document_with_its_own_templates_rules(
    tmp_path: Path,
) -> None:
    settings = WarehouseSettings(tmp_path / "data")
    pdfs = [
        REPO / "samples" / "2024_010_湖南省信访局.pdf",
        *table_pdfs("jiangsu")[:1],
        *[p for p in table_pdfs("shanghai") if "财政局" in p.name],
    ]
    for path in pdfs:
        doc = Document(path, sha256_of(path), path.stat().st_size)
        doc = dataclasses.replace(doc, kept_at=keep_raw(doc.path, doc.sha256, settings))
        store.load_disclosure(settings, doc, extracted(path))

    run = reconcile_warehouse(settings)

    catalogs = {c.template.name: c for c in load_catalogs(["hunan", "jiangsu", "shanghai"])}
    # a standard rule is one rule of every catalog it belongs to
    assert run.rules.num_rows == len({r.id for c in catalogs.values() for r in c.rules})
    per_document = {
        row["template"]: (row["rules"], row["rules_evaluated"])
        for row in run.documents_status.to_pylist()
    }
    assert {t: rules for t, (rules, _) in per_document.items()} == {
        name: len(c.rules) for name, c in catalogs.items()
    }
    assert all(evaluated > 0 for _, evaluated in per_document.values())
    for finding in run.findings.to_pylist():
        unit = finding["unit_name"]
        template = {"湖南省信访局": "hunan", "上海市财政局": "shanghai"}.get(unit, "jiangsu")
        assert finding["rule_id"] in {r.id for r in catalogs[template].rules}
