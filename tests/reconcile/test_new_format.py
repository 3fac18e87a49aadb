"""A format added as docs/adding-a-format.md says, and nowhere else: a template file and one rule
written to the test's own folder. A national-format disclosure that also prints the province's
own 部门预算专项资金汇总表 is read with the template (its own table named by its code, the standard
tables by their words) and reconciled with the format's catalog: nothing is found when it is
consistent; an amount changed in the special table's 合计 row is found by its header's sum and
by the format's own rule."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from disclosure.extract import extract_disclosure
from disclosure.headers import HeaderNode
from disclosure.model import Disclosure
from disclosure.template import Template, template_from_file
from reconcile.catalog import Catalog, catalog_for
from reconcile.evaluation import evaluate
from reconcile.inputs import disclosures_to_inputs
from samplegen.national_disclosure import national_disclosure
from samplegen.render import render_disclosure
from samplegen.spec import DisclosureSpec, RowSpec, TableSpec

SEED = 2

TEMPLATE = """\
# 某省部门预算 — a province's department budgets: the standard tables, and its own 专项资金汇总表.
name: example
province: 某省
unit_label: 万元
unit_code: printed
scope: titles
rule_families: [within_row, between_rows, balance, across_tables, completeness, across_years]
synonyms:
  - [专项名称, 项目名称]
tables:
  - code: "13"
    title: 部门预算专项资金汇总表
    header:
      - 专项名称
      - 资金总额: [合计, 一般公共预算, 政府性基金预算]
"""

RULE = """\
-- id: specials_vs_projects
-- severity: error
-- tables: 13, 一般公共预算支出表
-- description_zh: 专项资金汇总表的一般公共预算合计 = 一般公共预算支出表的项目支出合计。
-- description_en: The special funds' general public budget total equals the general public
--     budget table's project spending.
SELECT
    s.doc_id, s.table_no, s.row_no, s.column_no,
    p.value AS expected, s.value AS actual,
    '专项资金汇总表 一般公共预算合计 = 一般公共预算支出表 项目支出合计' AS detail
FROM amount_cells AS s
JOIN amount_cells AS p
    ON p.doc_id = s.doc_id AND p.table_key = 'std:一般公共预算支出表'
    AND p.row_kind = 'total' AND p.measure = 'project'
WHERE s.table_code = '13' AND s.row_kind = 'total'
  AND s.column_path = '资金总额/一般公共预算' AND s.value <> p.value
"""

SERIOUS = ("error", "warning")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example-format")
    (root / "example.yaml").write_text(TEMPLATE, "utf-8")
    rule = root / "rules" / "across_tables" / "specials_vs_projects.sql"
    rule.parent.mkdir(parents=True)
    rule.write_text(RULE, "utf-8")
    return root


@pytest.fixture(scope="module")
def template(folder: Path) -> Template:
    return template_from_file(folder / "example.yaml")


@pytest.fixture(scope="module")
def catalog(template: Template, folder: Path) -> Catalog:
    return catalog_for(template, folder / "rules")


def with_specials(spec: DisclosureSpec, change: Decimal = Decimal(0)) -> DisclosureSpec:
    """The national disclosure with the province's special-funds table printed last: the
    general public budget's projects split into three special funds, plus some fund money;
    `change` added to the general-budget amount its 合计 row prints."""
    general = next(t for t in spec.tables if t.standard_table == "一般公共预算支出表")
    project = next(i for i, c in enumerate(general.columns or ()) if c.measure == "project")
    total = next(r for r in general.rows if r.kind == "total").values[project]
    assert isinstance(total, Decimal) and total > 0
    first, second = (total * Decimal("0.5")).quantize(Decimal("0.01")), Decimal("12.34")
    general_parts = [first, second, total - first - second]
    fund_parts = [Decimal("30.00"), Decimal(0), Decimal("8.50")]
    names = ["信息化建设专项", "业务能力提升专项", "基础设施维护专项"]
    rows = [
        RowSpec((name, g + f, g, f), kind="item")
        for name, g, f in zip(names, general_parts, fund_parts, strict=True)
    ]
    funds = sum(fund_parts, Decimal(0))
    rows.append(RowSpec(("合计", total + funds, total + change, funds), kind="total"))
    specials = TableSpec(
        code="13",
        title=f"{spec.year}年部门预算专项资金汇总表",
        header=(
            HeaderNode("专项名称"),
            HeaderNode(
                "资金总额",
                (HeaderNode("合计"), HeaderNode("一般公共预算"), HeaderNode("政府性基金预算")),
            ),
        ),
        rows=tuple(rows),
        label="",
        unit_line=general.unit_line,
        amount_format=general.amount_format,
    )
    return dataclasses.replace(spec, tables=(*spec.tables, specials), template="example")


def read(spec: DisclosureSpec, path: Path, template: Template) -> Disclosure:
    render_disclosure(spec, path)
    return extract_disclosure(path, template=template)


def test_the_format_names_its_own_table_by_code_and_the_standard_ones_by_their_words(
    template: Template, tmp_path: Path
) -> None:
    spec = with_specials(national_disclosure(SEED))
    disclosure = read(spec, tmp_path / "example.pdf", template)
    assert disclosure.template == "example"
    special = next(t for t in disclosure.tables if "专项资金" in t.title)
    assert (special.table_code, special.named_by) == ("13", "example")
    assert {c.template_path for c in special.cells if c.amount is not None} == {
        "资金总额/合计",
        "资金总额/一般公共预算",
        "资金总额/政府性基金预算",
    }
    standard = [t for t in disclosure.tables if t is not special]
    printed = [t for t in spec.tables if t.code != "13"]
    assert [t.standard_table for t in standard] == [t.standard_table for t in printed]
    assert {t.named_by for t in standard} == {"national"}


def test_a_consistent_document_raises_nothing_and_a_changed_amount_is_found_twice(
    template: Template, catalog: Catalog, tmp_path: Path
) -> None:
    assert "specials_vs_projects" in {r.id for r in catalog.rules if r.own}
    assert {"header_sums", "measure_sums", "totals_agree"} <= {r.id for r in catalog.rules}
    spec = national_disclosure(SEED)
    clean = read(with_specials(spec), tmp_path / "clean.pdf", template)
    changed = read(with_specials(spec, Decimal("10.00")), tmp_path / "changed.pdf", template)
    evaluation = evaluate(disclosures_to_inputs([("clean", clean), ("changed", changed)]), catalog)
    ran = {s.rule.id for s in evaluation.statuses if s.evaluated}
    assert "specials_vs_projects" in ran

    serious = [f for f in evaluation.findings.to_pylist() if f["severity"] in SERIOUS]
    assert [f for f in serious if f["doc_id"] == "clean"] == []
    found = {(f["rule_id"], f["table_code"], f["row_no"]) for f in serious}
    # The 合计 row (row 4): its 合计 no longer 一般公共预算 + 政府性基金预算, and its 一般公共预算
    # no longer the general budget table's project spending.
    assert ("header_sums", "13", 4) in found
    assert ("specials_vs_projects", "13", 4) in found
