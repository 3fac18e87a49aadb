"""The rule catalog: each identity written once, chosen for a format by the tables it prints; every
rule file says what it checks, in a form the engine can read."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from disclosure.template import load_template, template_names
from reconcile.catalog import (
    FAMILIES,
    SEVERITIES,
    CatalogError,
    RowSum,
    header_sums,
    load_catalog,
    parse_rule,
)

TEMPLATE = load_template("hunan")
RULES = Path(str(resources.files("reconcile").joinpath("rules")))


@pytest.mark.parametrize("name", template_names())
def test_every_family_has_rules_and_every_rule_is_complete(name: str) -> None:
    catalog = load_catalog(name)
    assert {r.family for r in catalog.rules} == set(FAMILIES)
    assert len({r.id for r in catalog.rules}) == len(catalog.rules)
    for rule in catalog.rules:
        assert rule.severity in SEVERITIES, rule.id
        assert rule.tables, rule.id
        assert rule.description_zh and rule.description_en, rule.id
        assert rule.sql.lstrip().upper().startswith(("SELECT", "WITH")), rule.id


@pytest.mark.parametrize("name", template_names())
def test_a_template_claims_exactly_the_families_it_evaluates(name: str) -> None:
    template = load_template(name)
    assert set(template.rule_families) == load_catalog(name).families


def _query_shape(text: str) -> str:
    """A rule's query with what may differ between copies of one identity taken out: its
    header and comments, string literals, numbers, whitespace."""
    body = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    body = re.sub(r"'(?:[^']|'')*'", "'…'", body)
    body = re.sub(r"\b\d+(?:\.\d+)?\b", "0", body)
    return " ".join(body.split())


def test_no_rule_file_repeats_another_query() -> None:
    shapes: dict[str, Path] = {}
    for path in sorted(RULES.rglob("*.sql")):
        shape = _query_shape(path.read_text("utf-8"))
        assert shape not in shapes, f"{path.relative_to(RULES)} repeats {shapes[shape]}"
        shapes[shape] = path.relative_to(RULES)


def test_standard_rules_name_no_table_code() -> None:
    for path in RULES.glob("*/*.sql"):
        header = [line for line in path.read_text("utf-8").splitlines() if line.startswith("--")]
        tables = next(line for line in header if line.startswith("-- tables:"))
        assert not re.search(r"\b\d{2}\b", tables), path
        assert "table_code = '" not in path.read_text("utf-8"), path


def test_one_identity_is_checked_for_every_pair_a_format_lists() -> None:
    rules = {r.id: r for r in load_catalog("hunan").rules}
    listed = TEMPLATE.identities["same_rows"]
    assert {e["id"] for e in listed} <= set(rules)
    rule = rules["basic_07_vs_12"]
    assert rule.tables == ("code:07", "code:12") and rule.own
    assert "compare_pairs('07', '12', [[['基本支出/公用经费'], ['总计']]]" in rule.sql
    assert "{{" not in rule.sql


def test_standard_rules_are_chosen_by_the_tables_a_format_prints() -> None:
    hunan = {r.id for r in load_catalog("hunan").rules}
    national = {r.id for r in load_catalog("national").rules}
    # Hunan prints 一般公共预算基本支出表 in six parts: an identity reading it once cannot hold.
    assert "totals_agree" in national and "totals_agree" not in hunan
    assert "header_sums" in hunan and "header_sums" not in national  # own header trees only
    assert {"balance", "class_equals_sections", "summary_vs_expenditure"} <= hunan & national


def test_the_header_tree_says_which_leaves_a_subtotal_sums() -> None:
    def sums(code: str) -> dict[str, tuple[str, ...]]:
        return {s.total: s.parts for s in header_sums(code, TEMPLATE)}

    income = sums("02")
    assert income["合计"] == ("本年收入/小计", "上年结转结余/小计")
    assert len(income["本年收入/小计"]) == 12  # 上级财政补助收入 counts by its three leaves
    assert len(income["上年结转结余/小计"]) == 5
    assert sums("07") == {
        "合计": ("基本支出/小计", "项目支出"),
        "基本支出/小计": (
            "基本支出/人员经费/工资福利支出",
            "基本支出/人员经费/对个人和家庭的补助",
            "基本支出/公用经费",
        ),
    }
    assert sums("09")["总计"] == (
        "工资津补贴/合计",
        "社会保障缴费/合计",
        "住房公积金",
        "其他工资福利支出/合计",
    )
    assert sums("14") == {
        "“三公”经费合计": ("因公出国（境）费", "公务用车购置及运行费/小计", "公务接待费"),
        "公务用车购置及运行费/小计": (
            "公务用车购置及运行费/公务用车购置费",
            "公务用车购置及运行费/公务用车运行费",
        ),
    }
    assert sums("13")["总计"][0] == "办公费" and len(sums("13")["总计"]) == 20
    # Side-by-side lists and a table whose total is not named 合计 state nothing by their tree.
    assert sums("01") == sums("06") == sums("21") == sums("23") == {}


def test_sums_a_table_declares_expand_globs() -> None:
    rule = load_catalog("hunan").rule("header_sums")
    budget = "年度预算申请/"
    assert {s for s in rule.sums if s.table_code == "23"} == {
        RowSum(
            "23",
            f"{budget}资金总额",
            tuple(
                f"{budget}按收入性质分/{p}"
                for p in ("一般公共预算", "政府性基金拨款", "财政专户管理资金", "其他资金")
            ),
        ),
        RowSum(
            "23",
            f"{budget}资金总额",
            (f"{budget}按支出性质分/基本支出", f"{budget}按支出性质分/项目支出"),
        ),
    }


RULE = """\
-- id: example
-- severity: warning
-- tables: 01-03, 07
-- scope: each
-- description_zh: 例子，
--   续行。
-- description_en: An example.
SELECT 1
"""


def test_a_rule_file_is_its_header_and_its_query() -> None:
    rule = parse_rule(RULE, "balance", "example.sql", TEMPLATE, own=True)
    assert (rule.id, rule.severity, rule.scope, rule.compares) == (
        "example",
        "warning",
        "each",
        "same_year",
    )
    assert rule.tables == ("code:01", "code:02", "code:03", "code:07")
    assert rule.table_names == ("01", "02", "03", "07")
    assert rule.description_zh == "例子， 续行。"
    assert rule.sql == "SELECT 1"


def test_a_standard_rule_names_standard_tables() -> None:
    text = RULE.replace("tables: 01-03, 07", "tables: 收支总表, 一般公共预算支出表（经济分类）")
    rule = parse_rule(text, "balance", "example.sql", TEMPLATE)
    assert rule.tables == ("std:收支总表", "std:一般公共预算支出表（经济分类）")
    with pytest.raises(CatalogError, match="'收支表' is not a standard table"):
        parse_rule(text.replace("收支总表", "收支表"), "balance", "example.sql", TEMPLATE)


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (("-- severity: warning\n", ""), "no `-- severity:` line"),
        (("severity: warning", "severity: fatal"), "severity 'fatal'"),
        (("tables: 01-03, 07", "tables: 01, 24"), "'24' is not a table"),
        (("scope: each", "scope: sometimes"), "scope 'sometimes'"),
        (("SELECT 1\n", ""), "no query"),
        (("-- id: example", "-- id: other"), "is not the file's name"),
        (("-- scope: each\n", "-- scope: each\n-- sums: 合计 = 没有这列\n"), "names no column"),
        (("-- scope: each\n", "-- scope: each\n-- kind: 明年\n"), "kind '明年'"),
        (("-- scope: each\n", "-- scope: each\n-- measures: total\n"), "not `TOTAL = PART"),
    ],
)
def test_a_malformed_rule_file_is_refused(change: tuple[str, str], complaint: str) -> None:
    text = RULE.replace(*change)
    with pytest.raises(CatalogError, match=complaint):
        parse_rule(text, "balance", "example.sql", TEMPLATE, own=True)
