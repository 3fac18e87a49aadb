"""The national 部门决算 tables as a Hunan provincial department prints them (issue 21).

Nine tables, `公开01表` … `公开09表`, in 万元 with two decimals, each a view of one
`FinalAccounts` (samplegen.final_accounts):

  01 收入支出决算总表                      income lines | spending by 类, with 行次
  02 收入决算表                            by 功能分类 subject: income by source
  03 支出决算表                            by subject: 基本 / 项目 / 上缴上级 / 经营 / 对附属单位
  04 财政拨款收入支出决算总表              fiscal income | spending by 类 and budget, with 行次
  05 一般公共预算财政拨款支出决算表        by subject: 年初预算数, 调整预算数, 全年预算数, 决算数
  06 一般公共预算财政拨款基本支出决算表    人员经费 | 公用经费 by economic item, three lists
  07 一般公共预算财政拨款“三公”经费支出决算表  全年预算数 and 决算数 of each part
  08 政府性基金预算财政拨款收入支出决算表  by subject: 年初结转和结余, 收入, 支出, 年末结转和结余
  09 国有资本经营预算财政拨款支出决算表    by subject: 合计 / 基本 / 项目

Tables print a `栏次` row (`栏次 1 2 3 …`, column numbers) under the header, and the two 总表
a `行次` column (line numbers): numbering, never amounts (`RowSpec.numbering`,
`ColumnMeaning("numbering")`). Every amount column says its measure and stage
(`年初预算数` → initial_budget, `调整预算数` → adjustment, `全年预算数` → full_year_budget,
`决算数` → final). A table with no money prints its 合计 row blank and says so: the Hunan marker
`本部门无相关情况，故为空表` or a `说明：…故本表无数据。` line, as the `FinalStyle` says.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from samplegen.budget import (
    ABROAD,
    GENERAL_BUDGET,
    GOV_FUND_BUDGET,
    HOSPITALITY,
    STATE_CAPITAL_BUDGET,
    VEHICLE_PURCHASE,
    VEHICLE_RUNNING,
    Fund,
    load_catalog,
)
from samplegen.economic import (
    CLASSES,
    ITEMS,
    PERSONNEL_CLASSES,
    PUBLIC_CLASSES,
    economic_item,
)
from samplegen.final_accounts import (
    FISCAL_BUDGETS,
    GENERAL,
    GOV_FUND,
    SOURCES,
    STATE_CAPITAL,
    Execution,
    FinalAccounts,
    in_funds,
)
from samplegen.headers import CODE, LABEL, NUMBERING, Header, Leaf, Node, amount, group
from samplegen.spec import EMPTY_MARKER, RowSpec, TableSpec, Value
from samplegen.tables import amount as money
from samplegen.tables import chinese_number

FINAL_TABLE_CODES = tuple(f"{n:02d}" for n in range(1, 10))
TITLES = {
    "01": "收入支出决算总表",
    "02": "收入决算表",
    "03": "支出决算表",
    "04": "财政拨款收入支出决算总表",
    "05": "一般公共预算财政拨款支出决算表",
    "06": "一般公共预算财政拨款基本支出决算表",
    "07": "一般公共预算财政拨款“三公”经费支出决算表",
    "08": "政府性基金预算财政拨款收入支出决算表",
    "09": "国有资本经营预算财政拨款支出决算表",
}
NOTES = {
    "01": "注：本表反映部门本年度的总收支和年末结转结余情况。",
    "02": "注：本表反映部门本年度取得的各项收入情况。",
    "03": "注：本表反映部门本年度各项支出情况。",
    "04": "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算"
    "财政拨款的总收支和年末结转结余情况。",
    "05": "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
    "06": "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
    "07": "注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，"
    "反映按规定程序调整后的预算数；决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的"
    "实际支出。",
    "08": "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",
    "09": "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。",
}
EMPTY_NOTES = {
    "08": "说明：{unit}没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。",
    "09": "说明：{unit}没有国有资本经营预算，也没有使用国有资本经营预算安排的支出，故本表无数据。",
}
# The 类 a 决算's 收入支出决算总表 lists, in order (the national list of 2024).
FUNCTION_LINES = (
    "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214",
    "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234",
)  # fmt: skip
_EXTRA_NAMES = {"202": "外交支出", "203": "国防支出"}
FINAL = "final"


@dataclass(frozen=True)
class FinalStyle:
    """How this department's software prints its 决算 (drawn per document by `draw_style`)."""

    amount_header: str = "金额"  # the 总表's amount column: 金额 | 决算数
    budget_header: str = "全年预算数"  # 三公's budget group: 全年预算数 | 预算数
    label_at: str = "below"  # where 公开NN表 sits: below the title (right) | above it
    info_prefix: str = "部门："  # 部门： | 填报单位： | 编制单位： | 单位名称：
    unit_line: str = "金额单位：万元"
    empty_marker: bool = False  # an empty table: the Hunan marker row, else a 说明 note
    year_in_titles: bool = False  # `2024年度收入支出决算总表`


def draw_style(rng: random.Random) -> FinalStyle:
    return FinalStyle(
        amount_header=rng.choice(("金额", "决算数")),
        budget_header=rng.choice(("全年预算数", "预算数")),
        label_at=rng.choice(("below", "above")),
        info_prefix=rng.choice(("部门：", "填报单位：", "编制单位：", "单位名称：")),
        unit_line=rng.choice(("金额单位：万元", "单位：万元")),
        empty_marker=rng.random() < 0.5,
        year_in_titles=rng.random() < 0.3,
    )


def final_tables(
    accounts: FinalAccounts, style: FinalStyle = FinalStyle()
) -> tuple[TableSpec, ...]:
    """The nine 决算 tables of `accounts`."""
    return tuple(final_table(accounts, code, style) for code in FINAL_TABLE_CODES)


def final_table(accounts: FinalAccounts, code: str, style: FinalStyle = FinalStyle()) -> TableSpec:
    header, rows, standard = _BUILDERS[code](accounts, style)
    budget = accounts.budget
    empty = code in ("08", "09") and not any(
        isinstance(v, Decimal) for r in rows if not r.numbering for v in r.values
    )
    notes = [NOTES[code]]
    if empty:
        if style.empty_marker:
            rows = [*rows, RowSpec((EMPTY_MARKER,), kind="empty_marker", merged=True)]
        else:
            notes.append(EMPTY_NOTES[code].format(unit=budget.unit_name))
    title = TITLES[code]
    if style.year_in_titles:
        title = f"{budget.year}年度{title}"
    return TableSpec(
        code=code,
        title=title,
        header=header.tree,
        rows=tuple(rows),
        notes=tuple(notes),
        unit_line=style.unit_line,
        is_empty=empty,
        font_size=7.0,
        label=f"公开{code}表",
        label_at=style.label_at,
        info_line=f"{style.info_prefix}{budget.unit_name}",
        standard_table=standard,
        columns=header.meanings,
    )


# ---------------------------------------------------------------------------------------------
# Helpers

Vector = Counter[str]


def _class_name(code: str) -> str:
    return _EXTRA_NAMES.get(code) or load_catalog().name(code)


def _by_subject(
    accounts: FinalAccounts,
    where: Callable[[Execution], bool],
    columns: Callable[[Execution], Iterable[tuple[str, int]]],
) -> dict[str, Vector]:
    out: dict[str, Vector] = defaultdict(Counter)
    for e in accounts.executions:
        if where(e):
            for key, cents in columns(e):
                out[e.allocation.subject][key] += cents
    return {s: v for s, v in out.items() if any(v.values())}


def _subject_rows(
    header: Header, by_subject: Mapping[str, Vector], code_key: str, name_key: str
) -> list[RowSpec]:
    """合计, then 类 / 款 / 项 rows in code order, each the sum of the 项 beneath it."""
    catalog = load_catalog()
    total: Vector = Counter()
    for each in by_subject.values():
        total.update(each)
    rows = [header.row({name_key: "合计", **_amounts(total)}, kind="total")]
    subjects = sorted(by_subject)
    for cls in sorted({s[:3] for s in subjects}):
        levels = [cls]
        for section in sorted({s[:5] for s in subjects if s.startswith(cls)}):
            levels += [section, *(s for s in subjects if s.startswith(section))]
        for level in levels:
            vector: Vector = Counter()
            for subject, v in by_subject.items():
                if subject.startswith(level):
                    vector.update(v)
            values = {code_key: level, name_key: catalog.name(level), **_amounts(vector)}
            rows.append(header.row(values, kind="subject", subject_code=level))
    return rows


def _amounts(vector: Mapping[str, int]) -> dict[str, Value]:
    return {key: money(cents) for key, cents in vector.items()}


def _subject_columns(*leaves: Node) -> Header:
    return Header.of(
        group("项目", Leaf("code", "科目编码", CODE), Leaf("name", "科目名称", LABEL)), *leaves
    )


def _empty_if_none(rows: list[RowSpec], header: Header) -> list[RowSpec]:
    """A table with no money still prints its 合计 row (blank)."""
    return rows or [header.row({"name": "合计"}, kind="total")]


# ---------------------------------------------------------------------------------------------
# 01 收入支出决算总表


def _side_by_side(
    left: Sequence[tuple[str, int | None]],
    right: Sequence[tuple[str, int | None]],
    left_summary: Sequence[tuple[str, int | None]],
    right_summary: Sequence[tuple[str, int | None]],
) -> list[tuple[tuple[str, str, int | None], tuple[str, str, int | None]]]:
    """Two lists of lines printed side by side, each with its 行次 (the left side numbered
    first, then the right), the summary lines at the foot of both."""
    height = max(len(left), len(right))
    lefts = [*left, *[("", None)] * (height - len(left)), *left_summary]
    rights = [*right, *[("", None)] * (height - len(right)), *right_summary]
    out = []
    for i, ((la, ca), (lb, cb)) in enumerate(zip(lefts, rights, strict=True)):
        out.append(((la, str(i + 1), ca), (lb, str(len(lefts) + i + 1), cb)))
    return out


def _table_01(accounts: FinalAccounts, style: FinalStyle) -> tuple[Header, list[RowSpec], str]:
    side = style.amount_header
    header = Header.of(
        group(
            "收入",
            Leaf("in_label", "项目", LABEL),
            Leaf("in_no", "行次", NUMBERING),
            Leaf("in", side, amount("income", FINAL)),
        ),
        group(
            "支出",
            Leaf("out_label", "项目", LABEL),
            Leaf("out_no", "行次", NUMBERING),
            Leaf("out", side, amount("expenditure", FINAL)),
        ),
    )
    income = [
        (f"{chinese_number(n)}、{label}", accounts.total(lambda e: e.income, in_funds(funds)))
        for n, (label, funds) in enumerate(SOURCES.items(), start=1)
    ]
    spending = [
        (
            f"{chinese_number(n)}、{_class_name(cls)}",
            accounts.total(lambda e: e.spent, _in_class(cls)),
        )
        for n, cls in enumerate(FUNCTION_LINES, start=1)
    ]
    income_total = accounts.total(lambda e: e.income)
    opening = accounts.total(lambda e: e.opening)
    spent = accounts.total(lambda e: e.spent)
    grand = income_total + accounts.surplus_used + opening
    lines = _side_by_side(
        income,
        spending,
        [
            ("本年收入合计", income_total),
            ("使用非财政拨款结余", accounts.surplus_used),
            ("年初结转和结余", opening),
            ("总计", grand),
        ],
        [
            ("本年支出合计", spent),
            ("结余分配", accounts.distributed),
            ("年末结转和结余", accounts.closing_total),
            ("总计", spent + accounts.distributed + accounts.closing_total),
        ],
    )
    rows = [
        RowSpec(("栏次", None, "1", "栏次", None, "2"), kind="item", numbering=True),
        *(
            header.row(
                {
                    "in_label": a[0],
                    "in_no": a[1],
                    "in": money(a[2] or 0),
                    "out_label": b[0],
                    "out_no": b[1],
                    "out": money(b[2] or 0),
                },
                kind="total" if a[0] == "总计" else "item",
            )
            for a, b in lines
        ),
    ]
    return header, rows, "收入支出决算总表"


def _in_class(cls: str) -> Callable[[Execution], bool]:
    return lambda e: e.allocation.subject.startswith(cls)


def _fiscal_in(funds: frozenset[Fund], cls: str | None) -> Callable[[Execution], bool]:
    return lambda e: (
        e.allocation.fund in funds and (cls is None or e.allocation.subject.startswith(cls))
    )


# ---------------------------------------------------------------------------------------------
# 02 收入决算表, 03 支出决算表


def _table_02(accounts: FinalAccounts, style: FinalStyle) -> tuple[Header, list[RowSpec], str]:
    sources = {
        "fiscal": ("财政拨款收入", "income_fiscal"),
        "higher": ("上级补助收入", "income_higher_level_grants"),
        "business": ("事业收入", "income_business"),
        "operating": ("经营收入", "income_operating"),
        "affiliates": ("附属单位上缴收入", "income_affiliates"),
        "other": ("其他收入", "income_other"),
    }
    header = _subject_columns(
        Leaf("total", "本年收入合计", amount("income", FINAL)),
        *(Leaf(key, text, amount(measure, FINAL)) for key, (text, measure) in sources.items()),
    )
    fiscal = set().union(*(SOURCES[s] for s in list(SOURCES)[:3]))
    column_of = {
        **dict.fromkeys(fiscal, "fiscal"),
        **dict.fromkeys(SOURCES["上级补助收入"], "higher"),
        **dict.fromkeys(SOURCES["事业收入"], "business"),
        **dict.fromkeys(SOURCES["经营收入"], "operating"),
        **dict.fromkeys(SOURCES["附属单位上缴收入"], "affiliates"),
        **dict.fromkeys(SOURCES["其他收入"], "other"),
    }
    by_subject = _by_subject(
        accounts,
        lambda e: e.income > 0,
        lambda e: [("total", e.income), (column_of[e.allocation.fund], e.income)],
    )
    rows = [header.numbering_row("code"), *_subject_rows(header, by_subject, "code", "name")]
    return header, rows, "收入决算表"


def _table_03(accounts: FinalAccounts, style: FinalStyle) -> tuple[Header, list[RowSpec], str]:
    header = _subject_columns(
        Leaf("total", "本年支出合计", amount("total", FINAL)),
        Leaf("basic", "基本支出", amount("basic", FINAL)),
        Leaf("project", "项目支出", amount("project", FINAL)),
        Leaf("higher", "上缴上级支出", amount("paid_to_higher_level", FINAL)),
        Leaf("operating", "经营支出", amount("institution_business", FINAL)),
        Leaf("affiliates", "对附属单位补助支出", amount("grants_to_affiliates", FINAL)),
    )
    by_subject = _by_subject(accounts, lambda e: e.spent > 0, _spent_split)
    rows = [header.numbering_row("code"), *_subject_rows(header, by_subject, "code", "name")]
    return header, rows, "支出决算表"


def _spent_split(e: Execution) -> list[tuple[str, int]]:
    return [("total", e.spent), ("basic" if e.is_basic else "project", e.spent)]


# ---------------------------------------------------------------------------------------------
# 04 财政拨款收入支出决算总表


def _table_04(accounts: FinalAccounts, style: FinalStyle) -> tuple[Header, list[RowSpec], str]:
    budgets = {"general": GENERAL, "gov_fund": GOV_FUND, "state": STATE_CAPITAL}
    measures = {
        "general": "general_budget",
        "gov_fund": "government_funds",
        "state": "state_capital",
    }
    header = Header.of(
        group(
            "收入",
            Leaf("in_label", "项目", LABEL),
            Leaf("in_no", "行次", NUMBERING),
            Leaf("in", style.amount_header, amount("income", FINAL)),
        ),
        group(
            "支出",
            Leaf("out_label", "项目", LABEL),
            Leaf("out_no", "行次", NUMBERING),
            Leaf("total", "合计", amount("expenditure", FINAL)),
            *(Leaf(k, name, amount(measures[k], FINAL)) for k, name in budgets.items()),
        ),
    )
    fiscal_income = {
        k: accounts.total(lambda e: e.income, in_funds(FISCAL_BUDGETS[name]))
        for k, name in budgets.items()
    }
    opening = {
        k: accounts.total(lambda e: e.opening, in_funds(FISCAL_BUDGETS[name]))
        for k, name in budgets.items()
    }
    closing = {
        k: accounts.total(lambda e: e.closing, in_funds(FISCAL_BUDGETS[name]))
        for k, name in budgets.items()
    }

    def spent(cls: str | None) -> dict[str, int]:
        by_budget = {
            k: accounts.total(lambda e: e.spent, _fiscal_in(FISCAL_BUDGETS[name], cls))
            for k, name in budgets.items()
        }
        return {"total": sum(by_budget.values()), **by_budget}

    income_lines: list[tuple[str, Mapping[str, int]]] = [
        (f"{chinese_number(n)}、{budgets[k]}", {"in": fiscal_income[k]})
        for n, k in enumerate(budgets, start=1)
    ]
    spending_lines: list[tuple[str, Mapping[str, int]]] = [
        (f"{chinese_number(n)}、{_class_name(cls)}", spent(cls))
        for n, cls in enumerate(FUNCTION_LINES, start=1)
    ]
    total_in = sum(fiscal_income.values())
    total_open = sum(opening.values())
    income_summary: list[tuple[str, Mapping[str, int]]] = [
        ("本年收入合计", {"in": total_in}),
        ("年初财政拨款结转和结余", {"in": total_open}),
        *((budgets[k], {"in": opening[k]}) for k in budgets),
        ("总计", {"in": total_in + total_open}),
    ]
    all_spent = spent(None)
    closing_line = {"total": sum(closing.values()), **closing}
    spending_summary: list[tuple[str, Mapping[str, int]]] = [
        ("本年支出合计", all_spent),
        ("年末财政拨款结转和结余", closing_line),
        ("", {}),
        ("", {}),
        ("", {}),
        ("总计", {k: all_spent[k] + closing_line[k] for k in all_spent}),
    ]
    height = max(len(income_lines), len(spending_lines))
    lefts = [*income_lines, *[("", {})] * (height - len(income_lines)), *income_summary]
    rights = [*spending_lines, *[("", {})] * (height - len(spending_lines)), *spending_summary]
    numbering = {"in_label": "栏次", "in": "1", "out_label": "栏次", "total": "2"}
    numbering.update({k: str(i) for i, k in enumerate(budgets, start=3)})
    rows = [RowSpec(header.values(numbering), kind="item", numbering=True)]
    for i, ((la, va), (lb, vb)) in enumerate(zip(lefts, rights, strict=True)):
        values: dict[str, Value] = {
            "in_label": la,
            "in_no": str(i + 1),
            "out_label": lb,
            "out_no": str(len(lefts) + i + 1),
            **_amounts(va),
            **_amounts(vb),
        }
        rows.append(header.row(values, kind="total" if la == "总计" else "item"))
    return header, rows, "财政拨款收入支出决算总表"


# ---------------------------------------------------------------------------------------------
# 05 一般公共预算财政拨款支出决算表, 06 its 基本支出 by economic item, 07 三公


def _general(e: Execution) -> bool:
    return e.allocation.fund in GENERAL_BUDGET


def _table_05(accounts: FinalAccounts, style: FinalStyle) -> tuple[Header, list[RowSpec], str]:
    header = _subject_columns(
        Leaf("initial", "年初预算数", amount("total", "initial_budget")),
        Leaf("adjustment", "调整预算数", amount("total", "adjustment")),
        Leaf("full_year", "全年预算数", amount("total", "full_year_budget")),
        group(
            "决算数",
            Leaf("total", "合计", amount("total", FINAL)),
            Leaf("basic", "基本支出", amount("basic", FINAL)),
            Leaf("project", "项目支出", amount("project", FINAL)),
        ),
    )

    def columns(e: Execution) -> list[tuple[str, int]]:
        return [
            ("initial", e.initial),
            ("adjustment", e.adjustment),
            ("full_year", e.full_year),
            *_spent_split(e),
        ]

    by_subject = _by_subject(accounts, _general, columns)
    rows = [header.numbering_row("code"), *_subject_rows(header, by_subject, "code", "name")]
    return header, rows, "一般公共预算财政拨款支出决算表"


def _table_06(accounts: FinalAccounts, style: FinalStyle) -> tuple[Header, list[RowSpec], str]:
    def triple(key: str) -> tuple[Leaf, Leaf, Leaf]:
        return (
            Leaf(f"{key}_code", "科目编码", CODE),
            Leaf(f"{key}_name", "科目名称", LABEL),
            Leaf(key, "决算数", amount("total", FINAL)),
        )

    header = Header.of(
        group("人员经费", *triple("a")), group("公用经费", *triple("b"), *triple("c"))
    )
    spent: Vector = Counter()
    for e in accounts.executions:
        if e.is_basic and _general(e) and e.spent:
            item = economic_item(e.allocation.group, e.allocation.item)
            spent[item] += e.spent
            spent[item[:3]] += e.spent

    def listing(classes: Sequence[str]) -> list[tuple[str, str]]:
        return [pair for cls in classes for pair in ((cls, CLASSES[cls]), *ITEMS[cls])]

    columns = [listing(PERSONNEL_CLASSES), listing(PUBLIC_CLASSES[:1]), listing(PUBLIC_CLASSES[1:])]
    height = max(len(c) for c in columns)
    rows = [header.numbering_row("a_name")]
    for i in range(height):
        values: dict[str, Value] = {}
        for key, listed in zip("abc", columns, strict=True):
            if i < len(listed):
                code, name = listed[i]
                values |= {f"{key}_code": code, f"{key}_name": name, key: money(spent[code])}
        rows.append(header.row(values))
    personnel = sum(spent[c] for c in PERSONNEL_CLASSES)
    public = sum(spent[c] for c in PUBLIC_CLASSES)
    rows.append(
        header.row(
            {
                "a_name": "人员经费合计",
                "a": money(personnel),
                "c_name": "公用经费合计",
                "c": money(public),
            }
        )
    )
    return header, rows, "一般公共预算财政拨款基本支出决算表"


def _sangong_part(e: Execution) -> str | None:
    a = e.allocation
    if a.sangong == ABROAD:
        return "abroad"
    if a.sangong == VEHICLE_PURCHASE:
        return "purchase"
    if a.is_basic and a.item == VEHICLE_RUNNING:
        return "running"
    if a.is_basic and a.item == HOSPITALITY:
        return "reception"
    return None


def _table_07(accounts: FinalAccounts, style: FinalStyle) -> tuple[Header, list[RowSpec], str]:
    def parts(stage: str, prefix: str) -> tuple[Node, ...]:
        return (
            Leaf(f"{prefix}total", "合计", amount("total", stage)),
            Leaf(f"{prefix}abroad", "因公出国（境）费", amount("overseas_travel", stage)),
            group(
                "公务用车购置及运行维护费",
                Leaf(f"{prefix}vehicles", "小计", amount("vehicles", stage)),
                Leaf(f"{prefix}purchase", "公务用车购置费", amount("vehicle_purchase", stage)),
                Leaf(f"{prefix}running", "公务用车运行维护费", amount("vehicle_operation", stage)),
            ),
            Leaf(f"{prefix}reception", "公务接待费", amount("official_reception", stage)),
        )

    header = Header.of(
        group(style.budget_header, *parts("full_year_budget", "b_")),
        group("决算数", *parts(FINAL, "f_")),
    )
    sums: Vector = Counter()
    for e in accounts.executions:
        part = _sangong_part(e) if _general(e) else None
        if part:
            sums[f"b_{part}"] += e.full_year
            sums[f"f_{part}"] += e.spent
    for p in ("b_", "f_"):
        sums[f"{p}vehicles"] = sums[f"{p}purchase"] + sums[f"{p}running"]
        sums[f"{p}total"] = sums[f"{p}abroad"] + sums[f"{p}vehicles"] + sums[f"{p}reception"]
    numbers = {key: str(i) for i, key in enumerate(header.keys, start=1)}
    rows = [
        RowSpec(header.values(numbers), kind="item", numbering=True),
        header.row(_amounts(sums)),
    ]
    return header, rows, "一般公共预算财政拨款“三公”经费支出决算表"


# ---------------------------------------------------------------------------------------------
# 08 政府性基金, 09 国有资本经营


def _table_08(accounts: FinalAccounts, style: FinalStyle) -> tuple[Header, list[RowSpec], str]:
    header = _subject_columns(
        Leaf("opening", "年初结转和结余", amount("opening_balance", FINAL)),
        Leaf("income", "本年收入", amount("income", FINAL)),
        group(
            "本年支出",
            Leaf("total", "小计", amount("total", FINAL)),
            Leaf("basic", "基本支出", amount("basic", FINAL)),
            Leaf("project", "项目支出", amount("project", FINAL)),
        ),
        Leaf("closing", "年末结转和结余", amount("closing_balance", FINAL)),
    )

    def columns(e: Execution) -> list[tuple[str, int]]:
        return [
            ("opening", e.opening),
            ("income", e.income),
            *_spent_split(e),
            ("closing", e.closing),
        ]

    by_subject = _by_subject(accounts, in_funds(GOV_FUND_BUDGET), columns)
    rows = _subject_rows(header, by_subject, "code", "name") if by_subject else []
    return (
        header,
        [header.numbering_row("code"), *_empty_if_none(rows, header)],
        ("政府性基金预算财政拨款收入支出决算表"),
    )


def _table_09(accounts: FinalAccounts, style: FinalStyle) -> tuple[Header, list[RowSpec], str]:
    header = _subject_columns(
        group(
            "本年支出",
            Leaf("total", "合计", amount("total", FINAL)),
            Leaf("basic", "基本支出", amount("basic", FINAL)),
            Leaf("project", "项目支出", amount("project", FINAL)),
        )
    )
    by_subject = _by_subject(accounts, in_funds(STATE_CAPITAL_BUDGET), _spent_split)
    rows = _subject_rows(header, by_subject, "code", "name") if by_subject else []
    return (
        header,
        [header.numbering_row("code"), *_empty_if_none(rows, header)],
        ("国有资本经营预算财政拨款支出决算表"),
    )


Builder = Callable[[FinalAccounts, FinalStyle], tuple[Header, list[RowSpec], str]]
_BUILDERS: dict[str, Builder] = {
    "01": _table_01,
    "02": _table_02,
    "03": _table_03,
    "04": _table_04,
    "05": _table_05,
    "06": _table_06,
    "07": _table_07,
    "08": _table_08,
    "09": _table_09,
}
