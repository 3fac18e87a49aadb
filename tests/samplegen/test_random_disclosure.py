"""Random disclosures: every accounting identity holds, for hundreds of seeds.

The checks are small plain functions over the printed values (RowSpec.values, addressed by the
template's column paths). They know nothing of samplegen.budget: they are an independent oracle
for the generator, and the list the reconciliation engine reimplements in SQL.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache

import pytest

from disclosure.template import load_template
from samplegen.departments import agriculture_2024, water_resources_2024
from samplegen.random_disclosure import LONG_ROWS, LONG_TABLES, random_disclosure
from samplegen.spec import EMPTY_MARKER, DisclosureSpec, RowSpec, TableSpec, Value

ZERO = Decimal("0.00")
SEEDS = range(200)
AMOUNT_TEXT = re.compile(r"^-?[\d,]+\.\d{2}$")


def n(value: Value) -> Decimal:
    return value if isinstance(value, Decimal) else ZERO


def total(values: Iterable[Value]) -> Decimal:
    return sum((n(v) for v in values), ZERO)


# ---------------------------------------------------------------------------------------------
# Reading a table


def body(table: TableSpec) -> list[RowSpec]:
    return [r for r in table.rows if not r.merged]


@cache
def template_paths(code: str) -> tuple[str, ...]:
    return tuple(load_template("hunan").table(code).column_paths)


def paths_of(table: TableSpec) -> tuple[str, ...]:
    # Keyed by code (hashing header trees is slow); test_tables_follow_the_template checks
    # that every table prints its template's header.
    return template_paths(table.code)


def cells(table: TableSpec, row: RowSpec) -> dict[str, Value]:
    return dict(zip(paths_of(table), row.values, strict=True))


def rows_of(table: TableSpec | None, kind: str) -> list[dict[str, Value]]:
    if table is None:
        return []
    return [cells(table, r) for r in body(table) if r.kind == kind]


def unit_row(table: TableSpec | None) -> dict[str, Value]:
    rows = rows_of(table, "unit")
    return rows[0] if rows else {}


def entity_rows(table: TableSpec | None) -> dict[str, dict[str, Value]]:
    if table is None:
        return {}
    return {r.entity_code: cells(table, r) for r in body(table) if r.kind == "entity"}


def subject_rows(table: TableSpec | None) -> dict[str, dict[str, Value]]:
    if table is None:
        return {}
    return {r.subject_code: cells(table, r) for r in body(table) if r.kind == "subject"}


def lines(table: TableSpec, column: int) -> dict[str, Decimal]:
    """预算01/06表: label → amount of one (项目, 预算数) column pair."""
    out = {}
    for row in body(table):
        label = row.values[2 * column]
        if label:
            assert isinstance(label, str)
            out[label] = n(row.values[2 * column + 1])
    return out


def leaves(paths: Sequence[str], prefix: str, *, but: str = "") -> list[str]:
    return [p for p in paths if p.startswith(prefix + "/") and p != but]


# ---------------------------------------------------------------------------------------------
# Column kinds (this test's own reading of the template, not the generator's)

CODE_LEAVES = {"科目编码", "部门(单位)代码", "单位代码", "单位编码", "部门代码", "类", "款", "项"}
LABEL_LEAVES = {
    "科目名称",
    "部门(单位)名称",
    "单位名称(功能科目)",
    "单位名称",
    "单位名称（专项名称）",
    "单位(专项)名称",
    "部门名称",
    "项目",
    "项目（按功能分类）",
    "项目（按部门预算经济分类）",
    "项目（按政府预算经济分类）",
}
TEXT_ROOTS = {
    "支出方向",
    "实施期绩效目标",
    "年度绩效目标",
    "绩效指标",
    "资金管理办法",
    "分配办法",
    "部门职能职责描述",
    "整体绩效目标",
    "部门整体支出年度绩效目标",
}


def column_kind(path: str) -> str:
    leaf = path.rsplit("/", 1)[-1]
    if leaf in CODE_LEAVES:
        return "code"
    if leaf in LABEL_LEAVES:
        return "label"
    if path.split("/")[0] in TEXT_ROOTS:
        return "text"
    return "amount"


# ---------------------------------------------------------------------------------------------
# Within a row: totals are the sums of their parts, following the header tree.


def row_rules(code: str, paths: Sequence[str]) -> list[tuple[str, list[str]]]:
    if code == "02":
        return [
            ("本年收入/小计", leaves(paths, "本年收入", but="本年收入/小计")),
            ("上年结转结余/小计", leaves(paths, "上年结转结余", but="上年结转结余/小计")),
            ("合计", ["本年收入/小计", "上年结转结余/小计"]),
        ]
    if code in ("03", "15", "18"):
        return [("合计", [p for p in paths[3:]])]
    if code in ("04", "16"):
        return [("合计", list(paths[3:]))]
    if code in ("05", "17"):
        return [
            ("基本支出/小计", leaves(paths, "基本支出", but="基本支出/小计")),
            ("项目支出/小计", leaves(paths, "项目支出", but="项目支出/小计")),
            ("合计", ["基本支出/小计", "项目支出/小计"]),
        ]
    if code in ("07", "19"):
        p = "" if code == "07" else "本年财政专户管理资金支出/"
        return [
            (
                f"{p}基本支出/小计",
                [
                    f"{p}基本支出/人员经费/工资福利支出",
                    f"{p}基本支出/人员经费/对个人和家庭的补助",
                    f"{p}基本支出/公用经费",
                ],
            ),
            (f"{p}合计", [f"{p}基本支出/小计", f"{p}项目支出"]),
        ]
    if code in ("08", "12"):
        first = "机关工资福利支出" if code == "08" else "机关商品和服务支出"
        second = "对事业单位经常性补助"
        return [
            (f"{first}/合计", leaves(paths, first, but=f"{first}/合计")),
            (f"{second}/合计", leaves(paths, second, but=f"{second}/合计")),
            ("总计", [f"{first}/合计", f"{second}/合计"]),
        ]
    if code == "09":
        groups = ["工资津补贴", "社会保障缴费", "其他工资福利支出"]
        return [
            *((f"{g}/合计", leaves(paths, g, but=f"{g}/合计")) for g in groups),
            ("总计", [*(f"{g}/合计" for g in groups), "住房公积金"]),
        ]
    if code in ("10", "11", "13"):
        return [("总计", list(paths[paths.index("总计") + 1 :]))]
    if code == "14":
        car = "公务用车购置及运行费"
        return [
            (f"{car}/小计", [f"{car}/公务用车购置费", f"{car}/公务用车运行费"]),
            ("“三公”经费合计", ["因公出国（境）费", f"{car}/小计", "公务接待费"]),
        ]
    if code == "20":
        general = "预算额度/一般公共预算"
        return [
            (
                f"{general}/一般公共预算小计",
                [f"{general}/经费拨款", f"{general}/纳入一般公共预算管理的非税收入"],
            ),
            (
                "预算额度/总计",
                [f"{general}/一般公共预算小计", "预算额度/政府性基金", "预算额度/国有资本经营预算"],
            ),
            ("预算额度/总计", ["预算编制方式/编入部门预算金额", "预算编制方式/财政代编金额"]),
        ]
    if code in ("21", "22"):
        return [("资金总额", ["资金投向/省级支出", "资金投向/对市县专项转移支付"])]
    if code == "23":
        budget = "年度预算申请"
        return [
            (f"{budget}/资金总额", leaves(paths, f"{budget}/按收入性质分")),
            (f"{budget}/资金总额", leaves(paths, f"{budget}/按支出性质分")),
        ]
    return []


def check_row_sums(table: TableSpec) -> list[str]:
    problems = []
    rules = row_rules(table.code, paths_of(table))
    for i, row in enumerate(body(table), start=1):
        values = cells(table, row)
        for whole, parts in rules:
            assert parts, (table.code, whole)
            if n(values[whole]) != total(values[p] for p in parts):
                problems.append(f"{table.code} row {i}: {whole} ≠ Σ {parts}")
    return problems


# ---------------------------------------------------------------------------------------------
# Between rows: 合计 = department = Σ entities; 类 = Σ 款 = Σ 项; entity = Σ its rows.


def amount_paths(table: TableSpec) -> list[str]:
    return [p for p in paths_of(table) if column_kind(p) == "amount"]


def same(a: dict[str, Value], b: dict[str, Value], paths: Iterable[str]) -> bool:
    return all(n(a.get(p)) == n(b.get(p)) for p in paths)


def summed(rows: Iterable[dict[str, Value]], paths: Sequence[str]) -> dict[str, Value]:
    sums = dict.fromkeys(paths, ZERO)
    for row in rows:
        for p in paths:
            sums[p] += n(row.get(p))
    return sums


def check_between_rows(table: TableSpec) -> list[str]:
    code, paths = table.code, amount_paths(table)
    problems = []
    totals, unit, entities = rows_of(table, "total"), unit_row(table), entity_rows(table)
    if table.is_empty:
        if any(n(v) for r in body(table) for v in r.values):
            problems.append(f"{code}: an empty table prints amounts")
        return problems
    if totals and unit and not same(totals[0], unit, paths):
        problems.append(f"{code}: 合计 row ≠ department row")
    if unit and not same(unit, summed(entities.values(), paths), paths):
        problems.append(f"{code}: department row ≠ Σ entity rows")
    if code in ("03", "07", "15", "18", "19"):
        subjects = subject_rows(table)
        for full, row in subjects.items():
            children = [
                r for c, r in subjects.items() if c[: len(full)] == full and len(c) == len(full) + 2
            ]
            if len(full) < 7 and not same(row, summed(children, paths), paths):
                problems.append(f"{code}: {full} ≠ Σ its children")
        classes = [r for c, r in subjects.items() if len(c) == 3]
        if not same(unit, summed(classes, paths), paths):
            problems.append(f"{code}: department row ≠ Σ 类 rows")
    if code in ("08", "09", "10", "11", "12", "13"):
        by_entity: dict[str | None, list[dict[str, Value]]] = defaultdict(list)
        for row in body(table):
            if row.kind == "subject":
                by_entity[row.entity_code].append(cells(table, row))
        if set(by_entity) != set(entities):
            problems.append(f"{code}: entity rows and subject rows name different entities")
        for entity, rows in by_entity.items():
            if not same(entities.get(entity, {}), summed(rows, paths), paths):
                problems.append(f"{code}: entity {entity} ≠ Σ its subject rows")
    if (
        code == "23"
        and totals
        and not same(totals[0], summed(rows_of(table, "entity"), paths), paths)
    ):
        problems.append("23: 合计 ≠ Σ entity rows")
    if code in ("20", "21", "22"):
        groups: list[tuple[dict[str, Value], list[dict[str, Value]]]] = []
        for row in body(table):
            if row.kind == "entity":
                groups.append((cells(table, row), []))
            elif row.kind == "item":
                groups[-1][1].append(cells(table, row))
        for head, members in groups:
            if not members or not same(head, summed(members, paths), paths):
                problems.append(f"{code}: entity row ≠ Σ its rows")
    return problems


# ---------------------------------------------------------------------------------------------
# 预算01表 and 预算06表: lines, subtotals, balance.

INCOME_01 = {
    "一、一般公共预算拨款收入": ["经费拨款", "纳入一般公共预算管理的非税收入拨款"],
    "纳入一般公共预算管理的非税收入拨款": [
        "行政事业性收费收入",
        "专项收入",
        "国有资本经营收入",
        "国有资源（资产）有偿使用收入",
        "捐赠收入",
        "政府住房基金收入",
        "罚没收入",
        "其他收入",
    ],
    "五、上级财政补助收入": ["一般公共预算补助", "政府性基金补助", "国有资本经营预算补助"],
    "本年收入合计": [
        "一、一般公共预算拨款收入",
        "二、政府性基金预算拨款收入",
        "三、国有资本经营预算拨款收入",
        "四、财政专户管理资金收入",
        "五、上级财政补助收入",
        "六、事业收入",
        "七、事业单位经营收入",
        "八、上级补助收入",
        "九、附属单位上缴收入",
        "十、其他收入",
    ],
    "收入总计": ["本年收入合计", "上年结转结余"],
}
# 预算13表 items that 预算12表 adds up as 办公经费.
OFFICE_ITEMS = [
    "办公费",
    "印刷费",
    "水费",
    "电费",
    "邮电费",
    "取暖费",
    "物业管理费",
    "差旅费",
    "租赁费",
    "工会经费",
    "福利费",
    "其他交通费",
]
NUMBERED = re.compile(r"^[一二三四五六七八九十]+、")
SUMMARY_01 = {"本年支出合计", "上年结转结余", "支出总计"}


def check_01(table: TableSpec) -> list[str]:
    problems = []
    income = lines(table, 0)
    for whole, parts in INCOME_01.items():
        if income[whole] != sum((income[p] for p in parts), ZERO):
            problems.append(f"01: {whole} ≠ Σ {parts}")
    for column in (1, 2, 3):
        spending = lines(table, column)
        numbered = [v for k, v in spending.items() if NUMBERED.match(k)]
        if spending["本年支出合计"] != sum(numbered, ZERO):
            problems.append(f"01 column {column}: 本年支出合计 ≠ Σ numbered lines")
        if spending["支出总计"] != spending["本年支出合计"] + spending["上年结转结余"]:
            problems.append(f"01 column {column}: 支出总计 ≠ 本年支出合计 + 上年结转结余")
        if spending["支出总计"] != income["收入总计"]:
            problems.append(f"01 column {column}: 支出总计 ≠ 收入总计")
    department = lines(table, 2)
    labels = list(department)
    basic, project = labels.index("一、基本支出"), labels.index("二、项目支出")
    end = labels.index("本年支出合计")
    if department["一、基本支出"] != sum(
        (department[k] for k in labels[basic + 1 : project]), ZERO
    ):
        problems.append("01: 一、基本支出 ≠ Σ its items")
    if department["二、项目支出"] != sum((department[k] for k in labels[project + 1 : end]), ZERO):
        problems.append("01: 二、项目支出 ≠ Σ its items")
    return problems


CHINESE_BRACKET = re.compile(r"^\([一二三四五六七八九十]+\) ")


def check_06(table: TableSpec) -> list[str]:
    problems = []
    income_rows = [(str(r.values[0]), n(r.values[1])) for r in body(table) if r.values[0]]
    head = {label: i for i, (label, _) in enumerate(income_rows) if NUMBERED.match(label)}
    this_year, carried = head["一、本年收入"], head["二、上年结转"]
    if income_rows[this_year][1] != sum((v for _, v in income_rows[this_year + 1 : carried]), ZERO):
        problems.append("06: 一、本年收入 ≠ Σ (一)–(三)")
    end = next(i for i, (label, _) in enumerate(income_rows) if label == "收入总计")
    if income_rows[carried][1] != sum((v for _, v in income_rows[carried + 1 : end]), ZERO):
        problems.append("06: 二、上年结转 ≠ Σ (一)–(三)")
    if income_rows[end][1] != income_rows[this_year][1] + income_rows[carried][1]:
        problems.append("06: 收入总计 ≠ 本年收入 + 上年结转")
    spending = lines(table, 1)
    classes = [v for k, v in spending.items() if CHINESE_BRACKET.match(k)]
    if spending["一、本年支出"] != sum(classes, ZERO):
        problems.append("06: 一、本年支出 ≠ Σ function lines")
    if spending["支出总计"] != spending["一、本年支出"] + spending["二、年终结转结余"]:
        problems.append("06: 支出总计 ≠ 本年支出 + 年终结转结余")
    if spending["支出总计"] != income_rows[end][1]:
        problems.append("06: 支出总计 ≠ 收入总计")
    return problems


# ---------------------------------------------------------------------------------------------
# Across tables


def function_line(label: str) -> str:
    return re.sub(r"^([一二三四五六七八九十]+、|\([一二三四五六七八九十]+\) )", "", label)


def class_amounts(table: TableSpec | None, path: str) -> dict[str, Decimal]:
    """类 name → amount of `path` in a subject table (03/07/15/18)."""
    if table is None:
        return {}
    return {
        str(r.values[1]): n(cells(table, r)[path])
        for r in body(table)
        if r.kind == "subject" and r.subject_code and len(r.subject_code) == 3
    }


def check_across(doc: DisclosureSpec) -> list[str]:
    t = {table.code: table for table in doc.tables}
    problems: list[str] = []

    def expect(what: str, left: Decimal, right: Decimal) -> None:
        if left != right:
            problems.append(f"{what}: {left} ≠ {right}")

    def has(*codes: str) -> bool:
        return all(c in t for c in codes)

    u = {code: unit_row(table) for code, table in t.items()}
    e = {code: entity_rows(table) for code, table in t.items()}

    if has("01", "02"):
        income, u02 = lines(t["01"], 0), u["02"]
        pairs = {
            "一、一般公共预算拨款收入": ["本年收入/一般公共预算"],
            "二、政府性基金预算拨款收入": ["本年收入/政府性基金预算"],
            "三、国有资本经营预算拨款收入": ["本年收入/国有资本经营预算"],
            "四、财政专户管理资金收入": ["本年收入/财政专户管理资金"],
            "五、上级财政补助收入": leaves(paths_of(t["02"]), "本年收入/上级财政补助收入"),
            "一般公共预算补助": ["本年收入/上级财政补助收入/一般公共预算补助"],
            "政府性基金补助": ["本年收入/上级财政补助收入/政府性基金补助"],
            "国有资本经营预算补助": ["本年收入/上级财政补助收入/国有资本经营预算补助"],
            "六、事业收入": ["本年收入/事业收入"],
            "七、事业单位经营收入": ["本年收入/事业单位经营收入"],
            "八、上级补助收入": ["本年收入/上级补助收入"],
            "九、附属单位上缴收入": ["本年收入/附属单位上缴收入"],
            "十、其他收入": ["本年收入/其他收入"],
            "本年收入合计": ["本年收入/小计"],
            "上年结转结余": ["上年结转结余/小计"],
            "收入总计": ["合计"],
        }
        for label, columns in pairs.items():
            expect(f"01 {label} vs 02", income[label], total(u02[c] for c in columns))
    if has("01", "03"):
        spending, u03 = lines(t["01"], 1), u["03"]
        expect("01 本年支出合计 vs 03 合计", spending["本年支出合计"], n(u03["合计"]))
        by_class = class_amounts(t["03"], "合计")
        for label, value in spending.items():
            if NUMBERED.match(label):
                expect(f"01 {label} vs 03", value, by_class.get(function_line(label), ZERO))
        department = lines(t["01"], 2)
        expect("01 基本支出 vs 03", department["一、基本支出"], n(u03["基本支出"]))
        expect("01 项目支出 vs 03", department["二、项目支出"], n(u03["项目支出"]))
    if has("01", "04"):
        government = lines(t["01"], 3)
        for label, value in government.items():
            if NUMBERED.match(label):
                expect(f"01 {label} vs 04", value, n(u["04"][function_line(label)]))
    if has("01", "05"):
        department, u05 = lines(t["01"], 2), u["05"]
        expect("01 基本支出 vs 05", department["一、基本支出"], n(u05["基本支出/小计"]))
        expect("01 项目支出 vs 05", department["二、项目支出"], n(u05["项目支出/小计"]))
        labels = list(department)
        split = labels.index("二、项目支出")
        for i, label in enumerate(labels):
            if label in SUMMARY_01 or NUMBERED.match(label):
                continue
            group = "基本支出" if i < split else "项目支出"
            expect(f"01 {label} vs 05", department[label], n(u05[f"{group}/{label}"]))
    # One entity's income is its spending; 02/03/04/05 agree entity by entity.
    for code in ("03", "04", "05"):
        if has("02", code):
            for entity, row in e["02"].items():
                expect(f"02 vs {code} {entity} 合计", n(row["合计"]), n(e[code][entity]["合计"]))
    if has("03", "05"):
        for entity, row in e["03"].items():
            expect(f"03/05 {entity} 基本", n(row["基本支出"]), n(e["05"][entity]["基本支出/小计"]))
            expect(f"03/05 {entity} 项目", n(row["项目支出"]), n(e["05"][entity]["项目支出/小计"]))
    # A budget's tables are its income columns of 02, this year's and carried over.
    scoped = {
        "07": ("一般公共预算", "一般公共预算补助", "一般公共预算"),
        "15": ("政府性基金预算", "政府性基金补助", "政府性基金预算"),
        "18": ("国有资本经营预算", "国有资本经营预算补助", "国有资本经营预算"),
    }
    for code, (own, subsidy, carried) in scoped.items():
        if has("02", code):
            for entity, row in e["02"].items():
                expected = n(row[f"本年收入/{own}"]) + n(
                    row[f"本年收入/上级财政补助收入/{subsidy}"]
                )
                expected += n(row[f"上年结转结余/{carried}"])
                got = n(e[code].get(entity, {}).get("合计"))
                expect(f"02 vs {code} {entity}", expected, got)
    if has("02", "19"):
        for entity, row in e["02"].items():
            expected = n(row["本年收入/财政专户管理资金"]) + n(row["上年结转结余/财政专户管理资金"])
            got = n(e["19"].get(entity, {}).get("本年财政专户管理资金支出/合计"))
            expect(f"02 vs 19 {entity}", expected, got)
    if has("02", "06"):
        u02 = u["02"]
        income_rows = [(str(r.values[0]), n(r.values[1])) for r in body(t["06"]) if r.values[0]]
        this_year = [v for label, v in income_rows[1:4]]
        carried = [v for label, v in income_rows[5:8]]
        for i, (own, subsidy) in enumerate(
            [
                ("一般公共预算", "一般公共预算补助"),
                ("政府性基金预算", "政府性基金补助"),
                ("国有资本经营预算", "国有资本经营预算补助"),
            ]
        ):
            expected = n(u02[f"本年收入/{own}"]) + n(u02[f"本年收入/上级财政补助收入/{subsidy}"])
            expect(f"06 本年收入 line {i + 1} vs 02", this_year[i], expected)
            expect(f"06 上年结转 line {i + 1} vs 02", carried[i], n(u02[f"上年结转结余/{own}"]))
    if has("06", "07", "15", "18"):
        spending = lines(t["06"], 1)
        expect(
            "06 本年支出 vs 07+15+18",
            spending["一、本年支出"],
            n(u["07"].get("合计")) + n(u["15"].get("合计")) + n(u["18"].get("合计")),
        )
        parts = [class_amounts(t[c], "合计") for c in ("07", "15", "18")]
        for label, value in spending.items():
            if CHINESE_BRACKET.match(label):
                name = function_line(label)
                expect(
                    f"06 {label} vs 07+15+18", value, sum((p.get(name, ZERO) for p in parts), ZERO)
                )
    # 07's personnel and public-expense columns are the 总计 of 08–13.
    columns_07 = {
        "基本支出/人员经费/工资福利支出": ("08", "09"),
        "基本支出/人员经费/对个人和家庭的补助": ("10", "11"),
        "基本支出/公用经费": ("12", "13"),
    }
    for path, codes in columns_07.items():
        for code in codes:
            if not has("07", code):
                continue
            expect(f"07 {path} vs {code} 总计", n(u["07"][path]), n(u[code].get("总计")))
            for entity, row in e["07"].items():
                got = n(e[code].get(entity, {}).get("总计"))
                expect(f"07 {entity} {path} vs {code}", n(row[path]), got)
            by_subject: dict[str, Decimal] = defaultdict(lambda: ZERO)
            for r in body(t[code]):
                if r.kind == "subject" and r.subject_code:
                    by_subject[r.subject_code] += n(cells(t[code], r)["总计"])
            for subject, row in subject_rows(t["07"]).items():
                if len(subject) == 7:
                    expect(f"07 {subject} {path} vs {code}", n(row[path]), by_subject[subject])
    # 08/09, 10/11, 12/13 print the same rows with the same 总计.
    for first, second in (("08", "09"), ("10", "11"), ("12", "13")):
        if not has(first, second):
            continue

        def keyed(table: TableSpec) -> list[tuple[str, str | None, str | None, Decimal]]:
            return [
                (r.kind, r.entity_code, r.subject_code, n(cells(table, r)["总计"]))
                for r in body(table)
                if r.kind != "total"
            ]

        if keyed(t[first]) != keyed(t[second]):
            problems.append(f"{first} vs {second}: rows or 总计 differ")
    if has("10", "11"):
        mapping = {
            "离退休费": ["离休费", "退休费"],
            "社会福利和救助": ["抚恤金", "生活补助", "救济费"],
            "助学金": ["助学金"],
            "个人农业生产补贴": ["个人农业生产补贴"],
            "其他对个人和家庭的补助": [
                "退职（役）费",
                "医疗费补助",
                "奖励金",
                "其他对个人和家庭的补助",
            ],
        }
        details = [[r for r in body(t[c]) if r.kind != "total"] for c in ("10", "11")]
        for a, b in zip(*details, strict=True):
            ca, cb = cells(t["10"], a), cells(t["11"], b)
            for column, parts in mapping.items():
                expect(f"10 {column} vs 11", n(ca[column]), total(cb[p] for p in parts))
    # Administrative entities: the government classification of 08/12 maps item by item.
    admin_maps = {
        ("08", "09"): {
            "机关工资福利支出/工资奖金津补贴": ["工资津补贴/合计"],
            "机关工资福利支出/社会保障缴费": ["社会保障缴费/合计"],
            "机关工资福利支出/住房公积金": ["住房公积金"],
            "机关工资福利支出/其他工资福利支出": ["其他工资福利支出/合计"],
        },
        ("12", "13"): {
            "机关商品和服务支出/办公经费": OFFICE_ITEMS,
            "机关商品和服务支出/会议费": ["会议费"],
            "机关商品和服务支出/培训费": ["培训费"],
            "机关商品和服务支出/委托业务费": ["劳务费"],
            "机关商品和服务支出/公务接待费": ["公务接待费"],
            "机关商品和服务支出/公务用车运行维护费": ["公务用车运行维护费"],
            "机关商品和服务支出/维修(护)费": ["维修(护)费"],
            "机关商品和服务支出/其他商品和服务支出": ["税金及附加费用", "其他商品和服务支出"],
        },
    }
    for (first, second), mapping in admin_maps.items():
        if not has(first, second):
            continue
        rows_a = [r for r in body(t[first]) if r.kind in ("entity", "subject")]
        rows_b = [r for r in body(t[second]) if r.kind in ("entity", "subject")]
        for a, b in zip(rows_a, rows_b, strict=True):
            ca, cb = cells(t[first], a), cells(t[second], b)
            institution = n(ca["对事业单位经常性补助/合计"])
            if institution:  # a 事业单位 row: all of it is 对事业单位经常性补助
                expect(f"{first} 事业单位 row vs {second}", institution, n(cb["总计"]))
                continue
            for column, parts in mapping.items():
                expect(f"{first} {column} vs {second}", n(ca[column]), total(cb[p] for p in parts))
    if has("13", "14"):
        for entity, row in {**e["14"], "unit": u["14"]}.items():
            source = u["13"] if entity == "unit" else e["13"].get(entity, {})
            expect(
                f"14 {entity} 公务接待费 vs 13",
                n(row.get("公务接待费")),
                n(source.get("公务接待费")),
            )
            expect(
                f"14 {entity} 公务用车运行费 vs 13",
                n(row.get("公务用车购置及运行费/公务用车运行费")),
                n(source.get("公务用车运行维护费")),
            )
    if has("12", "14"):
        for entity, row in e["14"].items():
            source = e["12"].get(entity, {})
            if n(source.get("对事业单位经常性补助/合计")):
                continue  # a 事业单位's 公用经费 is one 对事业单位 column in 12
            expect(
                f"14 {entity} 公务接待费 vs 12",
                n(row["公务接待费"]),
                n(source.get("机关商品和服务支出/公务接待费")),
            )
            expect(
                f"14 {entity} 公务用车运行费 vs 12",
                n(row["公务用车购置及运行费/公务用车运行费"]),
                n(source.get("机关商品和服务支出/公务用车运行维护费")),
            )
    for code in ("16", "17"):
        if has("15", code):
            for entity, row in e["15"].items():
                expect(
                    f"15 vs {code} {entity}", n(row["合计"]), n(e[code].get(entity, {}).get("合计"))
                )
    if has("15", "17"):
        for entity, row in e["15"].items():
            other = e["17"].get(entity, {})
            expect(f"15/17 {entity} 基本", n(row["基本支出"]), n(other.get("基本支出/小计")))
            expect(f"15/17 {entity} 项目", n(row["项目支出"]), n(other.get("项目支出/小计")))
    if has("20", "21"):
        specials_20 = {
            str(r.values[1]): cells(t["20"], r) for r in body(t["20"]) if r.kind == "item"
        }
        specials_21 = {
            str(r.values[1]): cells(t["21"], r) for r in body(t["21"]) if r.kind == "item"
        }
        if set(specials_20) != set(specials_21):
            problems.append("20 vs 21: different 专项")
        for name, row in specials_20.items():
            other = specials_21.get(name, {})
            expect(f"20/21 {name} 总额", n(row["预算额度/总计"]), n(other.get("资金总额")))
            expect(
                f"20/21 {name} 省级",
                n(row["预算编制方式/编入部门预算金额"]),
                n(other.get("资金投向/省级支出")),
            )
            expect(
                f"20/21 {name} 市县",
                n(row["预算编制方式/财政代编金额"]),
                n(other.get("资金投向/对市县专项转移支付")),
            )
    if has("01", "23"):
        totals_23 = rows_of(t["23"], "total")
        if totals_23:
            expect(
                "23 资金总额 vs 01 本年收入合计",
                n(totals_23[0]["年度预算申请/资金总额"]),
                lines(t["01"], 0)["本年收入合计"],
            )
    if has("02", "03", "23"):
        names = {r.values[1]: r.entity_code for r in body(t["02"]) if r.kind == "entity"}
        for row in rows_of(t["23"], "entity"):
            entity = names[row["部门名称"]]
            income, spending = e["02"][entity], e["03"][entity]
            b = "年度预算申请/"
            expect(f"23/02 {entity} 资金总额", n(row[f"{b}资金总额"]), n(income["本年收入/小计"]))
            general = n(income["本年收入/一般公共预算"])
            general += n(income["本年收入/上级财政补助收入/一般公共预算补助"])
            expect(f"23/02 {entity} 一般公共预算", n(row[f"{b}按收入性质分/一般公共预算"]), general)
            fund = n(income["本年收入/政府性基金预算"])
            fund += n(income["本年收入/上级财政补助收入/政府性基金补助"])
            expect(f"23/02 {entity} 政府性基金", n(row[f"{b}按收入性质分/政府性基金拨款"]), fund)
            expect(
                f"23/02 {entity} 财政专户",
                n(row[f"{b}按收入性质分/财政专户管理资金"]),
                n(income["本年收入/财政专户管理资金"]),
            )
            expect(
                f"23/03 {entity} 基本支出",
                n(row[f"{b}按支出性质分/基本支出"]),
                n(spending["基本支出"]),
            )
            expect(
                f"23/03 {entity} 项目支出",
                n(row[f"{b}按支出性质分/项目支出"]),
                n(spending["项目支出"]) - n(income["上年结转结余/小计"]),
            )
    if has("02", "21", "22", "23"):
        names = {r.values[1]: r.entity_code for r in body(t["02"]) if r.kind == "entity"}
        for row in rows_of(t["23"], "entity"):
            entity = names[row["部门名称"]]
            projects = n(e["22"].get(entity, {}).get("资金总额"))
            projects += n(e["21"].get(entity, {}).get("资金投向/省级支出"))
            expect(
                f"23 {entity} 项目支出 vs 21+22",
                n(row["年度预算申请/按支出性质分/项目支出"]),
                projects,
            )
    return problems


def check_values(table: TableSpec) -> list[str]:
    """Decimals only in amount columns, with 2 places; strings elsewhere, never amount-like."""
    problems = []
    kinds = [column_kind(p) for p in paths_of(table)]
    for i, row in enumerate(body(table), start=1):
        for kind, value, path in zip(kinds, row.values, paths_of(table), strict=True):
            where = f"{table.code} row {i} {path}"
            if kind == "amount":
                if value is not None and not isinstance(value, Decimal):
                    problems.append(f"{where}: {value!r} in an amount column")
                elif isinstance(value, Decimal) and (value.as_tuple().exponent != -2 or value <= 0):
                    problems.append(f"{where}: {value!r} is not a positive 2-place amount")
            elif not isinstance(value, str):
                problems.append(f"{where}: {value!r} in a {kind} column")
            elif AMOUNT_TEXT.match(value):
                problems.append(f"{where}: {value!r} looks like an amount")
    return problems


def check_disclosure(doc: DisclosureSpec) -> list[str]:
    problems = []
    for table in doc.tables:
        problems += check_values(table)
        problems += check_row_sums(table)
        problems += check_between_rows(table)
        if table.code == "01":
            problems += check_01(table)
        if table.code == "06":
            problems += check_06(table)
    return problems + check_across(doc)


# ---------------------------------------------------------------------------------------------
# The tests


@cache
def generated(seed: int) -> DisclosureSpec:
    """One disclosure per seed for all the tests below (specs are immutable)."""
    return random_disclosure(seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_identity_holds(seed: int) -> None:
    doc = generated(seed)
    assert [t.code for t in doc.tables] == [f"{i:02d}" for i in range(1, 24)]
    assert check_disclosure(doc) == []


@pytest.mark.parametrize("seed", range(0, 200, 15))
def test_long_tables_span_60_to_150_rows_and_stay_consistent(seed: int) -> None:
    doc = random_disclosure(seed, long_tables=True)
    tables = {t.code: t for t in doc.tables}
    for code in LONG_TABLES:
        assert len(tables[code].rows) in LONG_ROWS, code
    assert check_disclosure(doc) == []


@pytest.mark.parametrize("seed", range(0, 200, 7))
def test_a_subset_prints_its_tables_exactly_as_the_full_document(seed: int) -> None:
    import random

    codes = sorted(random.Random(seed).sample([f"{i:02d}" for i in range(1, 24)], 3 + seed % 4))
    small = random_disclosure(seed, tables=codes)
    full = {t.code: t for t in generated(seed).tables}
    assert [t.code for t in small.tables] == codes
    assert small.tables == tuple(full[c] for c in codes)
    assert check_disclosure(small) == []


def test_a_seed_always_gives_the_same_disclosure() -> None:
    for seed in (0, 1, 99):
        assert random_disclosure(seed) == random_disclosure(seed)
    assert random_disclosure(3, long_tables=True) == random_disclosure(3, long_tables=True)
    assert random_disclosure(1) != random_disclosure(2)


def test_tables_follow_the_template() -> None:
    template = load_template("hunan")
    for seed in range(30):
        for table in generated(seed).tables:
            expected = template.table(table.code)
            assert (table.title, table.header) == (expected.title, expected.header)
            if table.is_empty:
                assert table.rows[-1].values == (EMPTY_MARKER,) and table.rows[-1].merged


def test_layouts_vary_across_seeds() -> None:
    docs = [generated(seed) for seed in range(60)]
    tables = [t for d in docs for t in d.tables]
    assert {t.font_size for t in tables} <= {6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0}
    assert len({t.font_size for t in tables}) >= 5
    assert {t.unit_line for t in tables} == {"单位：万元", "金额单位：万元"}
    assert {(t.repeat_title, t.repeat_header) for t in tables} == {
        (True, True),
        (True, False),
        (False, True),
        (False, False),
    }
    assert sum(t.repeat_title or t.repeat_header for t in tables) > 0.85 * len(tables)
    assert {t.code_label for t in tables} == {True, False}
    assert any(t.max_rows_per_page for t in tables) and any(not t.max_rows_per_page for t in tables)
    assert {d.layout.tables_share_pages for d in docs} == {True, False}
    explicit = [(d, t) for d in docs for t in d.tables if t.column_widths is not None]
    assert explicit and len(explicit) < len(tables)
    for doc, table in explicit:
        usable = doc.layout.page_width - doc.layout.margin_left - doc.layout.margin_right
        assert sum(table.column_widths or ()) <= usable
    sizes = {len(d.tables[1].rows) - 2 for d in docs}  # 02 lists every entity
    assert sizes == {1, 2, 3, 4, 5}
    assert any(t.is_empty for t in tables) and any(
        t.code == "18" and not t.is_empty for t in tables
    )
    seven = [t for t in tables if t.code == "07"]
    abbreviated = [
        any(
            r.subject_code and len(r.subject_code) == 5 and r.values[0] == r.subject_code[3:]
            for r in t.rows
        )
        for t in seven
    ]
    assert set(abbreviated) == {True, False}


def test_empty_tables_match_the_money_they_lack() -> None:
    for seed in range(40):
        tables = {t.code: t for t in generated(seed).tables}
        income = unit_row(tables["02"])
        fund = n(income["本年收入/政府性基金预算"]) + n(income["上年结转结余/政府性基金预算"])
        fund += n(income["本年收入/上级财政补助收入/政府性基金补助"])
        assert tables["15"].is_empty == tables["16"].is_empty == tables["17"].is_empty == (not fund)
        account = n(income["本年收入/财政专户管理资金"]) + n(
            income["上年结转结余/财政专户管理资金"]
        )
        assert tables["19"].is_empty == (not account)
        assert tables["20"].is_empty == tables["21"].is_empty


def test_text_tables_hold_performance_sentences() -> None:
    doc = generated(5)
    for table in doc.tables:
        if table.code in ("21", "22", "23") and not table.is_empty:
            texts = [
                v
                for r in body(table)
                if r.kind == ("entity" if table.code == "23" else "item")
                for p, v in zip(paths_of(table), r.values, strict=True)
                if column_kind(p) == "text"
            ]
            assert texts and all(isinstance(v, str) and len(v) >= 1 for v in texts)
            assert any("满意度" in str(v) for v in texts)


def test_sample_departments_are_fixed_and_consistent() -> None:
    agriculture, water = agriculture_2024(), water_resources_2024()
    assert agriculture == agriculture_2024()
    for doc, name, entities, empty in (
        (agriculture, "湖南省农业农村厅", 3, {"15", "16", "17", "18"}),
        (water, "湖南省水利厅", 2, {"18", "19", "20", "21"}),
    ):
        tables = {t.code: t for t in doc.tables}
        assert doc.unit_name == name and len(tables) == 23
        assert len(entity_rows(tables["02"])) == entities
        assert {c for c, t in tables.items() if t.is_empty} == empty
        assert check_disclosure(doc) == []
    assert all(len(t.rows) in LONG_ROWS for t in agriculture.tables if t.code in LONG_TABLES)
    assert water.layout.tables_share_pages and not agriculture.layout.tables_share_pages
