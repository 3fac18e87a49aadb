"""The rule catalog: every rule file says what it checks, in a form the engine can read."""

from __future__ import annotations

import pytest

from disclosure.template import load_template
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


def test_every_family_has_rules_and_every_rule_is_complete() -> None:
    catalog = load_catalog("hunan")
    assert {r.family for r in catalog.rules} == set(FAMILIES)
    assert len({r.id for r in catalog.rules}) == len(catalog.rules)
    for rule in catalog.rules:
        assert rule.severity in SEVERITIES, rule.id
        assert rule.tables, rule.id
        assert rule.description_zh and rule.description_en, rule.id
        assert rule.sql.lstrip().upper().startswith(("SELECT", "WITH")), rule.id


def test_within_row_rules_cover_every_table_with_totals() -> None:
    catalog = load_catalog("hunan")
    within = {
        r.tables[0]: r for r in catalog.rules if r.family == "within_row" and r.scope == "each"
    }
    side_by_side = {"01", "06"}  # 收支总表 and 财政拨款收支总表 sum down columns: balance rules
    assert set(within) == {t.code for t in TEMPLATE.tables} - side_by_side
    assert all(r.sums for r in within.values())


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


def test_written_out_sums_expand_globs() -> None:
    rule = load_catalog("hunan").rule("row_sum_23")
    budget = "年度预算申请/"
    assert rule.sums == (
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
    )


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
    rule = parse_rule(RULE, "balance", "example.sql", TEMPLATE)
    assert (rule.id, rule.severity, rule.scope, rule.compares) == (
        "example",
        "warning",
        "each",
        "same_year",
    )
    assert rule.tables == ("01", "02", "03", "07")
    assert rule.description_zh == "例子， 续行。"
    assert rule.sql == "SELECT 1"


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
    ],
)
def test_a_malformed_rule_file_is_refused(change: tuple[str, str], complaint: str) -> None:
    text = RULE.replace(*change)
    with pytest.raises(CatalogError, match=complaint):
        parse_rule(text, "balance", "example.sql", TEMPLATE)
