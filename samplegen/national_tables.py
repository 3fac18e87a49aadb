"""The national standard budget tables of a `NationalBudget`, each printed one of several ways.

One builder per standard table (samplegen.standard.BUDGET_TABLES). A builder draws its
table's variant from its own random stream (header synonyms, groups, optional columns, how
codes print, which rows it lists) and returns the header (leaves with meanings), the rows and
notes; `build_tables` adds what the document's style prints around it: the title with its
numbering, year, qualifier and suffix, the unit and money lines.

Amounts are fen (0.01 元) until printed, in the table's money unit.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from samplegen.budget import (
    ABROAD,
    ADMIN,
    CARRY_OVER,
    FISCAL_BUDGET,
    GENERAL_BUDGET,
    GOODS,
    GOV_FUND_BUDGET,
    HOSPITALITY,
    NONTAX,
    SPECIAL_ACCOUNT_BUDGET,
    STATE_CAPITAL_BUDGET,
    VEHICLE_PURCHASE,
    VEHICLE_RUNNING,
    Allocation,
    Fund,
    load_catalog,
)
from samplegen.economic import CLASSES, NAMES, PERSONNEL_CLASSES, economic_item
from samplegen.headers import CODE, LABEL, TEXT, Header, Leaf, Node, amount, group
from samplegen.national import Money, NationalBudget, NationalStyle, title_number
from samplegen.spec import EMPTY_MARKER, RowSpec, TableSpec, Value
from samplegen.tables import chinese_number

BUDGET = "budget"

# What a body's income is, by source (the 收入总表's columns), from the budget's funds.
INCOME_SOURCES: tuple[tuple[str, tuple[str, ...], str, frozenset[Fund]], ...] = (
    (
        "general",
        ("一般公共预算", "一般公共预算拨款收入", "一般公共预算拨款"),
        "income_general_budget",
        frozenset({Fund.GENERAL, *NONTAX, Fund.SUBSIDY_GENERAL}),
    ),
    (
        "gov_fund",
        ("政府性基金预算", "政府性基金预算拨款收入", "政府性基金预算拨款"),
        "income_government_funds",
        frozenset({Fund.GOV_FUND, Fund.SUBSIDY_GOV_FUND}),
    ),
    (
        "state",
        ("国有资本经营预算", "国有资本经营预算拨款收入", "国有资本经营预算拨款"),
        "income_state_capital",
        frozenset({Fund.STATE_CAPITAL, Fund.SUBSIDY_STATE_CAPITAL}),
    ),
    (
        "special",
        ("财政专户管理资金", "财政专户管理资金收入"),
        "income_special_account",
        frozenset({Fund.SPECIAL_ACCOUNT}),
    ),
    ("business", ("事业收入",), "income_business", frozenset({Fund.BUSINESS})),
    ("operating", ("事业单位经营收入",), "income_operating", frozenset({Fund.OPERATING})),
    ("higher", ("上级补助收入",), "income_higher_level_grants", frozenset({Fund.SUPERIOR})),
    ("affiliates", ("附属单位上缴收入",), "income_affiliates", frozenset({Fund.AFFILIATE})),
    ("other", ("其他收入",), "income_other", frozenset({Fund.OTHER})),
)
UNIT_FUNDS = frozenset(
    {Fund.BUSINESS, Fund.OPERATING, Fund.SUPERIOR, Fund.AFFILIATE, Fund.OTHER, Fund.CARRY_UNIT}
)
FISCAL_THIS_YEAR = frozenset().union(*(s[3] for s in INCOME_SOURCES[:3]))

TITLE_FORMS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "收支总表": (
        ("收支", ("总表", "预算总表", "总体情况表", "预算总体情况表")),
        ("财务收支", ("预算总表",)),
    ),
    "收入总表": (("收入", ("总表", "预算总表", "总体情况表", "预算表")),),
    "支出总表": (("支出", ("总表", "预算总表", "总体情况表", "预算表")),),
    "财政拨款收支总表": (("财政拨款收支", ("总表", "预算总表", "总体情况表")),),
    "一般公共预算支出表": (
        ("一般公共预算支出", ("表", "预算表", "情况表")),
        ("一般公共预算拨款支出", ("预算表",)),
        ("一般公共预算支出功能分类", ("预算表",)),
    ),
    "一般公共预算基本支出表": (
        ("一般公共预算基本支出", ("表", "预算表", "情况表")),
        ("一般公共预算基本支出经济分类", ("情况表", "预算表")),
    ),
    "三公经费": (
        ("一般公共预算“三公”经费支出", ("表", "预算表", "情况表")),
        ("财政拨款“三公”经费支出", ("表", "预算表")),
    ),
    "政府性基金预算支出表": (
        ("政府性基金预算支出", ("表", "预算表", "情况表")),
        ("政府性基金预算拨款支出", ("预算表",)),
    ),
    "国有资本经营预算支出表": (
        ("国有资本经营预算支出", ("表", "预算表", "情况表")),
        ("国有资本经营预算拨款支出", ("预算表",)),
    ),
    "项目支出表": (("项目支出", ("表", "预算表", "情况表", "预算明细表")),),
    "政府采购预算表": (("政府采购", ("预算表", "预算明细表", "支出表", "情况表")),),
    "机关运行经费": (
        ("机关运行经费", ("预算表", "支出表", "情况表")),
        ("一般公共预算机关运行经费支出", ("预算表", "表")),
    ),
}
# The tables a document prints, in order; the last three at times not.
CORE_TABLES = (
    "收支总表",
    "收入总表",
    "支出总表",
    "财政拨款收支总表",
    "一般公共预算支出表",
    "一般公共预算基本支出表",
    "三公经费",
    "政府性基金预算支出表",
    "国有资本经营预算支出表",
)
OPTIONAL_TABLES = ("项目支出表", "政府采购预算表", "机关运行经费")


@dataclass
class Built:
    """What a builder returns: the header, rows, notes, and whether the table has no money."""

    header: Header
    rows: list[RowSpec]
    notes: list[str] = field(default_factory=list)
    is_empty: bool = False
    money: Money | None = None  # when not the document's


@dataclass(frozen=True)
class Context:
    nb: NationalBudget
    style: NationalStyle
    rng: random.Random

    @property
    def allocations(self) -> tuple[Allocation, ...]:
        return self.nb.budget.allocations

    def money_of(self, money: Money | None = None) -> Callable[[int], Decimal | None]:
        return (money or self.style.money).value


def build_tables(
    nb: NationalBudget, style: NationalStyle, seed: int | str, only: Collection[str] | None
) -> tuple[TableSpec, ...]:
    doc_rng = random.Random(f"national-tables:{seed}")
    names = [*CORE_TABLES, *(t for t in OPTIONAL_TABLES if doc_rng.random() < 0.75)]
    if only is not None:
        unknown = set(only) - set(TITLE_FORMS)
        if unknown:
            raise ValueError(f"no national standard table(s) {sorted(unknown)}")
        names = [t for t in TITLE_FORMS if t in only]
    specs = []
    for n, standard in enumerate(names, start=1):
        rng = random.Random(f"national:{seed}:{standard}")
        built = BUILDERS[standard](Context(nb, style, rng))
        specs.append(_table_spec(n, standard, built, nb, style, rng))
    return tuple(specs)


def _table_spec(
    n: int,
    standard: str,
    built: Built,
    nb: NationalBudget,
    style: NationalStyle,
    rng: random.Random,
) -> TableSpec:
    stem, suffixes = rng.choice(TITLE_FORMS[standard])
    name = f"{style.qualifier}{stem}{rng.choice(suffixes)}"
    title = f"{style.year_lead}{name}"
    label: str | None = ""
    label_at = "above_centre"
    number = title_number(style.numbering, n)
    if style.numbering == "prefix_biao":
        title = f"{number}：{title}"
    elif style.numbering == "prefix_yusuan_nn":
        title = f"{number} {title}"
    elif style.numbering == "suffix_yusuanbiao":
        title = f"{title}({number})"
    elif style.numbering == "cn_dun":
        label = f"{number}{stem}{suffixes[0]}"
        title = f"{nb.budget.year}年度{stem}{suffixes[0]}" if rng.random() < 0.7 else title
    elif style.numbering == "above_gongkai_nn":
        label, label_at = number, "above"
    elif style.numbering != "none":
        label = number
    if style.wrap_titles and len(title) > 14:
        cut = len(style.year_lead) + len(style.qualifier) if style.year_lead else len(title) // 2
        cut = cut if 3 <= cut <= len(title) - 3 else len(title) // 2
        title = f"{title[:cut]}\n{title[cut:]}"
    money = built.money or style.money
    info = f"{style.info_prefix}{nb.publisher.name}"
    if style.code_at == "info" and nb.publisher.printed_code:
        info = f"{info}    单位代码：{nb.publisher.printed_code}"
    return TableSpec(
        code=f"{n:02d}",
        title=title,
        header=built.header.tree,
        rows=tuple(built.rows),
        notes=tuple(built.notes),
        unit_line=f"{style.unit_prefix}{money.unit}",
        is_empty=built.is_empty,
        font_size=rng.choice((6.5, 7.0, 7.5, 8.0)),
        code_label=False,
        label=label,
        label_at=label_at,
        info_line=info,
        title_in_grid=rng.random() < style.title_in_grid,
        amount_format=money.format,
        standard_table=standard,
        columns=built.header.meanings,
    )


# ---------------------------------------------------------------------------------------------
# Shared pieces: sums, subject trees, economic rows


Vector = Counter[str]


def _sums(
    allocations: Iterable[Allocation],
    key: Callable[[Allocation], str | None],
    columns: Callable[[Allocation], Iterable[tuple[str, int]]],
) -> dict[str, Vector]:
    out: dict[str, Vector] = defaultdict(Counter)
    for a in allocations:
        k = key(a)
        if k is not None:
            for column, fen in columns(a):
                out[k][column] += fen
    return {k: v for k, v in out.items() if any(v.values())}


def _total(vectors: Iterable[Mapping[str, int]]) -> Vector:
    total: Vector = Counter()
    for v in vectors:
        total.update(v)
    return total


def _values(vector: Mapping[str, int], value: Callable[[int], Decimal | None]) -> dict[str, Value]:
    return {k: value(fen) for k, fen in vector.items()}


@dataclass(frozen=True)
class SubjectColumns:
    """How a table prints 功能分类 codes: `full` (2010301), `abbreviated` (a 款 as its last two
    digits under its 类), or `split` (类 | 款 | 项)."""

    style: str
    leaves: tuple[Node, ...]

    @classmethod
    def draw(cls, rng: random.Random) -> SubjectColumns:
        style = rng.choice(("full", "full", "abbreviated", "split"))
        code_text = rng.choice(("科目编码", "功能分类科目编码", "支出功能分类科目编码", "科目代码"))
        name_text = rng.choice(("科目名称", "功能分类科目名称", "支出功能分类科目名称"))
        name = Leaf("name", name_text, LABEL)
        if style == "split":
            codes: Node = group(
                code_text,
                Leaf("cls", "类", CODE),
                Leaf("kuan", "款", CODE),
                Leaf("xiang", "项", CODE),
            )
            leaves: tuple[Node, ...] = (codes, name)
        else:
            leaves = (Leaf("code", code_text, CODE), name)
        above = rng.choice(("", "", "项目", "功能分类科目"))
        if above:
            leaves = (group(above, *leaves),)
        return cls(style, leaves)

    def codes(self, code: str) -> dict[str, Value]:
        if self.style == "split":
            return {"cls": code[:3], "kuan": code[3:5] or None, "xiang": code[5:7] or None}
        if self.style == "abbreviated" and len(code) == 5:
            return {"code": code[3:]}
        return {"code": code}

    @property
    def label_key(self) -> str:
        return "name"


def _subject_rows(
    header: Header,
    columns: SubjectColumns,
    by_subject: Mapping[str, Mapping[str, int]],
    value: Callable[[int], Decimal | None],
    *,
    total_first: bool = True,
    total_label: str = "合计",
) -> list[RowSpec]:
    """合计, then 类 / 款 / 项 rows in code order, each the sum of its 项."""
    catalog = load_catalog()
    rows = []
    subjects = sorted(by_subject)
    for cls in sorted({s[:3] for s in subjects}):
        levels = [cls]
        for section in sorted({s[:5] for s in subjects if s.startswith(cls)}):
            levels += [section, *(s for s in subjects if s.startswith(section))]
        for level in levels:
            vector = _total(v for s, v in by_subject.items() if s.startswith(level))
            values = {**columns.codes(level), "name": catalog.name(level), **_values(vector, value)}
            rows.append(header.row(values, kind="subject", subject_code=level))
    total = header.row(
        {"name": total_label, **_values(_total(by_subject.values()), value)}, kind="total"
    )
    return [total, *rows] if total_first else [*rows, total]


def _empty_notes(ctx: Context, what: str) -> tuple[list[RowSpec], list[str]]:
    """An empty table's extra rows and notes: the Hunan marker row, or a note, or nothing."""
    kind = ctx.rng.choice(("marker", "note", "note", "blank"))
    if kind == "marker":
        return [RowSpec((EMPTY_MARKER,), kind="empty_marker", merged=True)], []
    if kind == "note":
        who = "本部门" if ctx.style.scope == "部门" else "本单位"
        return [], [f"备注：{who}没有{what}安排的支出，故本表无数据。"]
    return [], []


def _amount_text(rng: random.Random, year: int) -> str:
    return rng.choice(("预算数", "金额", "本年预算", "预算金额", f"{year}年预算数"))


def _total_text(rng: random.Random) -> str:
    return rng.choice(("合计", "合计", "总计", "小计", "支出总计", "合计数"))


def _basic_split(rng: random.Random, measure_stage: str = BUDGET) -> tuple[Node, ...]:
    """基本支出 printed whole, or as 小计 | 人员经费 | 公用经费."""
    if rng.random() < 0.5:
        return (Leaf("basic", "基本支出", amount("basic", measure_stage)),)
    return (
        group(
            "基本支出",
            Leaf("basic", rng.choice(("小计", "合计")), amount("basic", measure_stage)),
            Leaf(
                "personnel",
                rng.choice(("人员经费", "人员支出", "人员类")),
                amount("personnel", measure_stage),
            ),
            Leaf(
                "public",
                rng.choice(("公用经费", "日常公用支出", "日常公用经费")),
                amount("public", measure_stage),
            ),
        ),
    )


def _spending_columns(a: Allocation) -> list[tuple[str, int]]:
    """合计 / 基本 (人员, 公用) / 项目 of an allocation."""
    out = [("total", a.cents)]
    if a.is_basic:
        out += [("basic", a.cents), ("public" if a.group == GOODS else "personnel", a.cents)]
    else:
        out.append(("project", a.cents))
    return out


def _only(vector_keys: Collection[str]) -> Callable[[Allocation], list[tuple[str, int]]]:
    keys = frozenset(vector_keys)
    return lambda a: [(k, c) for k, c in _spending_columns(a) if k in keys]


def _in_class(cls: str) -> Callable[[Allocation], bool]:
    return lambda a: a.subject.startswith(cls)


def _class_lines(
    ctx: Context, allocations: Sequence[Allocation], numbered: bool, style: str = "、"
) -> list[tuple[str, int]]:
    catalog = load_catalog()
    used = sorted({a.subject[:3] for a in allocations})
    classes = sorted(set(catalog.function_lines) | set(used)) if numbered else used
    lines = []
    for n, cls in enumerate(classes, start=1):
        fen = sum(a.cents for a in allocations if a.subject.startswith(cls))
        name = catalog.name(cls)
        if numbered:
            name = (
                f"{chinese_number(n)}、{name}" if style == "、" else f"({chinese_number(n)}){name}"
            )
        lines.append((name, fen))
    return lines


def _pairs(
    left: Sequence[tuple[str, Mapping[str, int]]],
    right: Sequence[tuple[str, Mapping[str, int]]],
    left_foot: Sequence[tuple[str, Mapping[str, int]]],
    right_foot: Sequence[tuple[str, Mapping[str, int]]],
) -> list[tuple[tuple[str, Mapping[str, int]], tuple[str, Mapping[str, int]]]]:
    height = max(len(left), len(right))
    lefts = [*left, *[("", {})] * (height - len(left)), *left_foot]
    rights = [*right, *[("", {})] * (height - len(right)), *right_foot]
    return list(zip(lefts, rights, strict=True))


# ---------------------------------------------------------------------------------------------
# 收支总表


def _summary(ctx: Context) -> Built:
    rng, year = ctx.rng, ctx.nb.budget.year
    amount_text = _amount_text(rng, year)
    header = Header.of(
        group(
            "收入",
            Leaf("in_label", "项目", LABEL),
            Leaf("in", amount_text, amount("income", BUDGET)),
        ),
        group(
            "支出",
            Leaf("out_label", "项目", LABEL),
            Leaf("out", amount_text, amount("expenditure", BUDGET)),
        ),
    )
    allocations = ctx.allocations

    def funds(wanted: Collection[Fund]) -> int:
        return sum(a.cents for a in allocations if a.fund in wanted)

    if rng.random() < 0.5:
        income = [
            (f"{chinese_number(n)}、{texts[min(1, len(texts) - 1)]}", funds(f))
            for n, (_, texts, _, f) in enumerate(INCOME_SOURCES, start=1)
        ]
    else:
        fiscal = INCOME_SOURCES[:3]
        unit = INCOME_SOURCES[4:]
        income = [
            ("一、财政拨款收入", funds(FISCAL_THIS_YEAR)),
            *((texts[0], funds(f)) for _, texts, _, f in fiscal),
            ("二、财政专户管理资金", funds(INCOME_SOURCES[3][3])),
            ("三、单位资金", sum(funds(f) for _, _, _, f in unit)),
            *((texts[0], funds(f)) for _, texts, _, f in unit),
        ]
    carried = funds(CARRY_OVER)
    spent = funds(set(Fund))
    spending = _class_lines(ctx, allocations, numbered=rng.random() < 0.5)
    lines = _pairs(
        [(label, {"in": fen}) for label, fen in income],
        [(label, {"out": fen}) for label, fen in spending],
        [
            ("本年收入合计", {"in": spent - carried}),
            ("上年结转结余", {"in": carried}),
            ("收入总计", {"in": spent}),
        ],
        [("本年支出合计", {"out": spent}), ("年终结转结余", {}), ("支出总计", {"out": spent})],
    )
    value = ctx.money_of()
    rows = [
        header.row({"in_label": a, "out_label": b, **_values({**va, **vb}, value)})
        for (a, va), (b, vb) in lines
    ]
    return Built(header, rows)


# ---------------------------------------------------------------------------------------------
# 收入总表


def _income(ctx: Context) -> Built:
    rng = ctx.rng
    by_unit = rng.random() < 0.4
    grouped = rng.random() < 0.5
    total = Leaf("total", rng.choice(("合计", "总计", "收入总计")), amount("total", BUDGET))
    sources = [
        Leaf(key, rng.choice(texts), amount(measure, BUDGET))
        for key, texts, measure, _ in INCOME_SOURCES
    ]
    carried = Leaf(
        "carried", rng.choice(("上年结转结余", "上年结转")), amount("carried_over", BUDGET)
    )
    body: tuple[Node, ...]
    if grouped:
        body = (
            total,
            group("本年收入", Leaf("this_year", "小计", amount("income", BUDGET)), *sources),
            carried,
        )
    else:
        body = (total, *sources, carried)
    nb = ctx.nb
    codes_printed = any(nb.entity_codes.values())
    subjects = SubjectColumns.draw(rng)
    if by_unit:
        lead: tuple[Node, ...] = (
            Leaf("name", rng.choice(("单位名称", "部门（单位）名称", "预算单位")), LABEL),
        )
        if codes_printed and rng.random() < 0.6:
            lead = (Leaf("code", rng.choice(("单位代码", "单位编码")), CODE), *lead)
        header = Header.of(*lead, *body)
    else:
        header = Header.of(*subjects.leaves, *body)
    key_of = {f: key for key, _, _, funds in INCOME_SOURCES for f in funds}

    def columns(a: Allocation) -> list[tuple[str, int]]:
        if a.fund in CARRY_OVER:
            return [("total", a.cents), ("carried", a.cents)]
        out = [("total", a.cents), (key_of[a.fund], a.cents)]
        return [*out, ("this_year", a.cents)] if grouped else out

    value = ctx.money_of()
    if not by_unit:
        by_subject = _sums(ctx.allocations, lambda a: a.subject, columns)
        return Built(header, _subject_rows(header, subjects, by_subject, value))
    by_entity = _sums(ctx.allocations, lambda a: a.entity_code, columns)
    rows = [
        header.row({"name": "合计", **_values(_total(by_entity.values()), value)}, kind="total")
    ]
    if rng.random() < 0.4:
        rows.append(
            header.row(
                {
                    "name": nb.publisher.name,
                    **({"code": nb.publisher.printed_code} if "code" in header.keys else {}),
                    **_values(_total(by_entity.values()), value),
                },
                kind="unit",
                entity_code=nb.publisher.printed_code,
            )
        )
    for entity in nb.entities:
        code = nb.entity_codes[entity.code]
        values = {"name": entity.name, **_values(by_entity.get(entity.code, Counter()), value)}
        if "code" in header.keys:
            values["code"] = code
        rows.append(header.row(values, kind="entity", entity_code=code))
    return Built(header, rows)


# ---------------------------------------------------------------------------------------------
# 支出总表, 一般公共预算支出表, 政府性基金 / 国有资本经营预算支出表


def _by_function(
    ctx: Context,
    scope: Callable[[Allocation], bool],
    *,
    extras: bool = False,
    above: Sequence[str] = ("",),
    basic_split: bool = True,
) -> tuple[Header, SubjectColumns, dict[str, Vector]]:
    rng = ctx.rng
    subjects = SubjectColumns.draw(rng)
    amounts: list[Node] = [
        Leaf("total", _total_text(rng), amount("total", BUDGET)),
        *(
            _basic_split(rng)
            if basic_split
            else (Leaf("basic", "基本支出", amount("basic", BUDGET)),)
        ),
        Leaf("project", "项目支出", amount("project", BUDGET)),
    ]
    if extras and rng.random() < 0.6:
        amounts += [
            Leaf("operating", "事业单位经营支出", amount("institution_business", BUDGET)),
            Leaf("higher", "上缴上级支出", amount("paid_to_higher_level", BUDGET)),
            Leaf("affiliates", "对附属单位补助支出", amount("grants_to_affiliates", BUDGET)),
        ]
    over = rng.choice(tuple(above))
    body: tuple[Node, ...] = (group(over, *amounts),) if over else tuple(amounts)
    header = Header.of(*subjects.leaves, *body)
    keys = set(header.keys)
    by_subject = _sums((a for a in ctx.allocations if scope(a)), lambda a: a.subject, _only(keys))
    return header, subjects, by_subject


def _expenditure(ctx: Context) -> Built:
    header, subjects, by_subject = _by_function(
        ctx, lambda a: True, extras=True, above=("", "", "本年支出", "支出预算")
    )
    return Built(header, _subject_rows(header, subjects, by_subject, ctx.money_of()))


def _general_budget(ctx: Context) -> Built:
    header, subjects, by_subject = _by_function(
        ctx,
        lambda a: a.fund in GENERAL_BUDGET,
        above=("", "", "本年一般公共预算支出", "一般公共预算支出", "预算数"),
    )
    return Built(header, _subject_rows(header, subjects, by_subject, ctx.money_of()))


def _fund_table(ctx: Context, funds: frozenset[Fund], name: str) -> Built:
    header, subjects, by_subject = _by_function(
        ctx,
        lambda a: a.fund in funds,
        above=("", "", f"本年{name}支出", name + "支出"),
        basic_split=False,
    )
    value = ctx.money_of()
    if by_subject:
        return Built(header, _subject_rows(header, subjects, by_subject, value))
    rows = [header.row({"name": "合计"}, kind="total")]
    extra, notes = _empty_notes(ctx, f"{name}拨款")
    return Built(header, rows + extra, notes, is_empty=True)


def _government_funds(ctx: Context) -> Built:
    return _fund_table(ctx, GOV_FUND_BUDGET, "政府性基金预算")


def _state_capital(ctx: Context) -> Built:
    return _fund_table(ctx, STATE_CAPITAL_BUDGET, "国有资本经营预算")


# ---------------------------------------------------------------------------------------------
# 财政拨款收支总表


def _fiscal_summary(ctx: Context) -> Built:
    rng, year = ctx.rng, ctx.nb.budget.year
    wide = rng.random() < 0.6
    amount_text = _amount_text(rng, year)
    budgets = (
        ("general", "一般公共预算", "general_budget", GENERAL_BUDGET),
        ("gov_fund", "政府性基金预算", "government_funds", GOV_FUND_BUDGET),
        ("state", "国有资本经营预算", "state_capital", STATE_CAPITAL_BUDGET),
    )
    spending_leaves: list[Node] = [Leaf("out_label", "项目", LABEL)]
    if wide:
        spending_leaves += [
            Leaf("out", rng.choice(("合计", "小计", "总计")), amount("expenditure", BUDGET)),
            *(Leaf(k, text, amount(m, BUDGET)) for k, text, m, _ in budgets),
        ]
    else:
        spending_leaves.append(Leaf("out", amount_text, amount("expenditure", BUDGET)))
    header = Header.of(
        group(
            "收入",
            Leaf("in_label", "项目", LABEL),
            Leaf("in", amount_text, amount("income", BUDGET)),
        ),
        group("支出", *spending_leaves),
    )
    fiscal = [a for a in ctx.allocations if a.fund in FISCAL_BUDGET]

    def funds(wanted: Collection[Fund]) -> int:
        return sum(a.cents for a in fiscal if a.fund in wanted)

    this_year = [(INCOME_SOURCES[i][1][2], funds(INCOME_SOURCES[i][3])) for i in range(3)]
    carried = [(text, funds(set(b) & CARRY_OVER)) for _, text, _, b in budgets]
    income = [
        ("一、本年收入", {"in": sum(f for _, f in this_year)}),
        *((f"({chinese_number(i)}){t}", {"in": f}) for i, (t, f) in enumerate(this_year, start=1)),
        ("二、上年结转", {"in": sum(f for _, f in carried)}),
        *(
            (f"({chinese_number(i)}){t}拨款", {"in": f})
            for i, (t, f) in enumerate(carried, start=1)
        ),
    ]

    def by_budget(where: Callable[[Allocation], bool]) -> dict[str, int]:
        parts = {
            k: sum(a.cents for a in fiscal if a.fund in b and where(a)) for k, _, _, b in budgets
        }
        return {"out": sum(parts.values()), **(parts if wide else {})}

    classes = sorted({a.subject[:3] for a in fiscal})
    catalog = load_catalog()
    spending = [("一、本年支出", by_budget(lambda a: True))]
    spending += [
        (f"({chinese_number(n)}){catalog.name(c)}", by_budget(_in_class(c)))
        for n, c in enumerate(classes, start=1)
    ]
    spending.append(("二、年终结转结余", {}))
    total = sum(a.cents for a in fiscal)
    lines = _pairs(
        income,
        spending,
        [("收入总计", {"in": total})],
        [("支出总计", by_budget(lambda a: True))],
    )
    value = ctx.money_of()
    rows = [
        header.row({"in_label": a, "out_label": b, **_values({**va, **vb}, value)})
        for (a, va), (b, vb) in lines
    ]
    return Built(header, rows)


# ---------------------------------------------------------------------------------------------
# 一般公共预算基本支出表 (经济分类)


def _basic_economic(ctx: Context) -> Built:
    rng = ctx.rng
    split_codes = rng.random() < 0.3
    two_columns = rng.random() < 0.7
    code_text = rng.choice(("科目编码", "经济分类科目编码", "部门经济分类科目编码", "经济科目编码"))
    name_text = rng.choice(("科目名称", "经济分类科目名称", "经济科目名称"))
    lead: tuple[Node, ...]
    if split_codes:
        lead = (
            group(code_text, Leaf("cls", "类", CODE), Leaf("kuan", "款", CODE)),
            Leaf("name", name_text, LABEL),
        )
    else:
        lead = (Leaf("code", code_text, CODE), Leaf("name", name_text, LABEL))
    amounts: tuple[Node, ...]
    if two_columns:
        amounts = (
            Leaf("total", _total_text(rng), amount("total", BUDGET)),
            Leaf(
                "personnel",
                rng.choice(("人员经费", "人员支出", "人员类")),
                amount("personnel", BUDGET),
            ),
            Leaf(
                "public",
                rng.choice(("公用经费", "日常公用支出", "日常公用经费")),
                amount("public", BUDGET),
            ),
        )
        over = rng.choice(("", "", "基本支出预算", "本年一般公共预算基本支出"))
        if over:
            amounts = (group(over, *amounts),)
    else:
        amounts = (Leaf("total", _amount_text(rng, ctx.nb.budget.year), amount("total", BUDGET)),)
    header = Header.of(*lead, *amounts)
    spent: Vector = Counter()
    for a in ctx.allocations:
        if a.is_basic and a.fund in GENERAL_BUDGET:
            spent[economic_item(a.group, a.item)] += a.cents
    value = ctx.money_of()

    def vector(fen: int, cls: str) -> dict[str, Value]:
        part = "personnel" if cls in PERSONNEL_CLASSES else "public"
        keys = {"total": fen, **({part: fen} if two_columns else {})}
        return _values(keys, value)

    def codes(code: str) -> dict[str, Value]:
        if split_codes:
            return {"cls": code[:3], "kuan": code[3:] or None}
        return {"code": code}

    rows = []
    for cls in sorted({item[:3] for item in spent}):
        fen = sum(v for item, v in spent.items() if item.startswith(cls))
        rows.append(
            header.row({**codes(cls), "name": CLASSES[cls], **vector(fen, cls)}, economic_code=cls)
        )
        for item in sorted(i for i in spent if i.startswith(cls)):
            values = {**codes(item), "name": NAMES[item], **vector(spent[item], cls)}
            rows.append(header.row(values, economic_code=item))
    totals: dict[str, int] = {"total": sum(spent.values())}
    if two_columns:
        totals["personnel"] = sum(v for i, v in spent.items() if i[:3] in PERSONNEL_CLASSES)
        totals["public"] = totals["total"] - totals["personnel"]
    total = header.row(
        {"name": rng.choice(("合计", "合计", "总计")), **_values(totals, value)}, kind="total"
    )
    rows = [total, *rows] if rng.random() < 0.75 else [*rows, total]
    return Built(header, rows)


# ---------------------------------------------------------------------------------------------
# 三公经费


SANGONG_PARTS = ("abroad", "purchase", "running", "reception")


def _sangong_part(a: Allocation) -> str | None:
    if a.fund not in GENERAL_BUDGET:
        return None
    if a.sangong == ABROAD:
        return "abroad"
    if a.sangong == VEHICLE_PURCHASE:
        return "purchase"
    if a.is_basic and a.item == VEHICLE_RUNNING:
        return "running"
    if a.is_basic and a.item == HOSPITALITY:
        return "reception"
    return None


def _finish_sangong(v: Mapping[str, int]) -> dict[str, int]:
    out = {p: v.get(p, 0) for p in SANGONG_PARTS}
    out["vehicles"] = out["purchase"] + out["running"]
    out["total"] = out["abroad"] + out["vehicles"] + out["reception"]
    return out


def _sangong(ctx: Context) -> Built:
    rng = ctx.rng
    money = ctx.style.sangong_money
    value = money.value
    vehicles = rng.choice(("公务用车购置及运行费", "公务用车购置及运行维护费"))
    abroad = rng.choice(("因公出国（境）费", "因公出国(境)费用"))
    running = rng.choice(("公务用车运行费", "公务用车运行维护费"))
    reception = rng.choice(("公务接待费", "公务接待费用"))
    by_entity = _sums(
        ctx.allocations,
        lambda a: a.entity_code if _sangong_part(a) else None,
        lambda a: [(_sangong_part(a) or "", a.cents)],
    )
    total = _finish_sangong(_total(by_entity.values()))
    layout = rng.choice(("row", "row", "units", "list"))
    if layout == "list":
        header = Header.of(
            Leaf("label", "项目", LABEL),
            Leaf("amount", _amount_text(rng, ctx.nb.budget.year), amount(None, BUDGET)),
        )
        lines = (
            ("合计", "total"),
            (f"1.{abroad}", "abroad"),
            (f"2.{vehicles}", "vehicles"),
            (f"其中：{rng.choice(('公务用车购置费', '公务用车购置'))}", "purchase"),
            (running, "running"),
            (f"3.{reception}", "reception"),
        )
        rows = [
            header.row(
                {"label": label, "amount": value(total[key])},
                kind="total" if key == "total" else "item",
            )
            for label, key in lines
        ]
        return Built(header, rows, money=money)
    parts: tuple[Node, ...] = (
        Leaf(
            "total",
            rng.choice(("合计", "“三公”经费合计", "“三公”经费总额")),
            amount("total", BUDGET),
        ),
        Leaf("abroad", abroad, amount("overseas_travel", BUDGET)),
        group(
            vehicles,
            Leaf("vehicles", "小计", amount("vehicles", BUDGET)),
            Leaf("purchase", "公务用车购置费", amount("vehicle_purchase", BUDGET)),
            Leaf("running", running, amount("vehicle_operation", BUDGET)),
        ),
        Leaf("reception", reception, amount("official_reception", BUDGET)),
    )
    if layout == "row":
        header = Header.of(*parts)
        return Built(header, [header.row(_values(total, value))], money=money)
    header = Header.of(Leaf("name", rng.choice(("单位名称", "部门名称")), LABEL), *parts)
    rows = [header.row({"name": "合计", **_values(total, value)}, kind="total")]
    for entity in ctx.nb.entities:
        if entity.code in by_entity:
            v = _finish_sangong(by_entity[entity.code])
            rows.append(
                header.row(
                    {"name": entity.name, **_values(v, value)},
                    kind="entity",
                    entity_code=ctx.nb.entity_codes[entity.code],
                )
            )
    return Built(header, rows, money=money)


# ---------------------------------------------------------------------------------------------
# 项目支出表, 政府采购预算表, 机关运行经费


PROJECT_FUNDS = (
    ("general", "一般公共预算", "general_budget", GENERAL_BUDGET),
    ("gov_fund", "政府性基金预算", "government_funds", GOV_FUND_BUDGET),
    ("state", "国有资本经营预算", "state_capital", STATE_CAPITAL_BUDGET),
    ("special", "财政专户管理资金", "special_account", SPECIAL_ACCOUNT_BUDGET),
    ("unit_funds", "单位资金", "unit_funds", UNIT_FUNDS),
)


def _projects(ctx: Context) -> Built:
    rng, nb = ctx.rng, ctx.nb
    layout = rng.choice(("unit_column", "blocks", "projects_only"))
    fiscal = tuple(Leaf(k, t, amount(m, BUDGET)) for k, t, m, _ in PROJECT_FUNDS[:3])
    fiscal_nodes: tuple[Node, ...] = (
        (group(rng.choice(("财政拨款", "财政拨款收入")), *fiscal),)
        if rng.random() < 0.6
        else fiscal
    )
    amounts = (
        Leaf("total", rng.choice(("合计", "总计", "项目总额")), amount("total", BUDGET)),
        *fiscal_nodes,
        *(Leaf(k, t, amount(m, BUDGET)) for k, t, m, _ in PROJECT_FUNDS[3:]),
    )
    name = Leaf("name", rng.choice(("项目名称", "项目")), LABEL)
    lead: tuple[Node, ...] = (
        (Leaf("unit", "单位名称", LABEL), name) if layout == "unit_column" else (name,)
    )
    if layout == "blocks":
        lead = (
            Leaf(
                "name", rng.choice(("单位（项目）名称", "单位名称（项目名称）", "项目名称")), LABEL
            ),
        )
    header = Header.of(*lead, *amounts)
    fund_key = {f: k for k, _, _, funds in PROJECT_FUNDS for f in funds}
    by_project = _sums(
        (a for a in ctx.allocations if not a.is_basic),
        lambda a: a.project,
        lambda a: [("total", a.cents), (fund_key[a.fund], a.cents)],
    )
    value = ctx.money_of()
    rows = [
        header.row({"name": "合计", **_values(_total(by_project.values()), value)}, kind="total")
    ]
    for entity in nb.entities:
        mine = [
            p for p in nb.budget.projects if p.entity_code == entity.code and p.key in by_project
        ]
        if not mine:
            continue
        code = nb.entity_codes[entity.code]
        if layout == "blocks":
            v = _total(by_project[p.key] for p in mine)
            rows.append(
                header.row(
                    {"name": entity.name, **_values(v, value)}, kind="entity", entity_code=code
                )
            )
        for p in mine:
            values = {"name": p.name, **_values(by_project[p.key], value)}
            if layout == "unit_column":
                values["unit"] = entity.name
            rows.append(header.row(values, entity_code=code))
    return Built(header, rows)


def _procurement(ctx: Context) -> Built:
    rng, nb = ctx.rng, ctx.nb
    value = ctx.money_of()
    items = nb.procurement
    if rng.random() < 0.3:
        header = Header.of(
            Leaf("category", rng.choice(("采购类别", "采购品目")), TEXT),
            Leaf("total", rng.choice(("金额", "预算金额", "合计")), amount("procurement", BUDGET)),
        )
        by_category: Vector = Counter()
        for p in items:
            by_category[p.category] += p.fiscal + p.other
        rows = [
            header.row(
                {"category": "合计", "total": value(sum(by_category.values()))}, kind="total"
            )
        ]
        rows += [
            header.row({"category": c, "total": value(by_category[c])}) for c in sorted(by_category)
        ]
        return Built(header, rows, is_empty=not items)
    with_unit = rng.random() < 0.5
    lead: tuple[Node, ...] = (
        *((Leaf("unit", "单位名称", LABEL),) if with_unit else ()),
        Leaf("name", rng.choice(("项目名称", "采购项目")), LABEL),
        Leaf("category", rng.choice(("采购品目", "采购类别", "采购目录")), TEXT),
    )
    header = Header.of(
        *lead,
        Leaf("total", rng.choice(("合计", "总计", "预算金额")), amount("procurement", BUDGET)),
        Leaf("fiscal", rng.choice(("财政拨款", "财政性资金")), amount("fiscal_funds", BUDGET)),
        Leaf("other", rng.choice(("其他资金", "非财政性资金")), amount("other_funds", BUDGET)),
    )
    totals = {
        "total": sum(p.fiscal + p.other for p in items),
        "fiscal": sum(p.fiscal for p in items),
    }
    totals["other"] = totals["total"] - totals["fiscal"]
    rows = [header.row({"name": "合计", **_values(totals, value)}, kind="total")]
    for p in items:
        project = nb.budget.project(p.project)
        entity = nb.budget.entity(project.entity_code)
        values: dict[str, Value] = {
            "name": project.name,
            "category": f"{p.category}/{p.item}" if rng.random() < 0.5 else p.category,
            **_values({"total": p.fiscal + p.other, "fiscal": p.fiscal, "other": p.other}, value),
        }
        if with_unit:
            values["unit"] = entity.name
        rows.append(header.row(values, entity_code=nb.entity_codes[entity.code]))
    notes: list[str] = []
    if not items:
        extra, notes = _empty_notes(ctx, "政府采购预算")
        rows += extra
    return Built(header, rows, notes, is_empty=not items)


def _office_running(ctx: Context) -> Built:
    rng, nb = ctx.rng, ctx.nb
    admin = {e.code for e in nb.entities if e.kind == ADMIN}
    running = [
        a
        for a in ctx.allocations
        if a.is_basic and a.group == GOODS and a.fund in GENERAL_BUDGET and a.entity_code in admin
    ]
    value = ctx.money_of()
    layout = rng.choice(("subjects", "single", "units"))
    measure = amount("office_running", BUDGET)
    if layout == "single":
        header = Header.of(
            Leaf("label", "项目", LABEL), Leaf("amount", _amount_text(rng, nb.budget.year), measure)
        )
        return Built(
            header,
            [header.row({"label": "机关运行经费", "amount": value(sum(a.cents for a in running))})],
        )
    if layout == "units":
        header = Header.of(
            Leaf("name", "单位名称", LABEL),
            Leaf("amount", rng.choice(("机关运行经费", "机关运行经费预算数")), measure),
        )
        rows = [
            header.row(
                {"name": "合计", "amount": value(sum(a.cents for a in running))}, kind="total"
            )
        ]
        for e in nb.entities:
            if e.code in admin:
                fen = sum(a.cents for a in running if a.entity_code == e.code)
                rows.append(
                    header.row(
                        {"name": e.name, "amount": value(fen)},
                        kind="entity",
                        entity_code=nb.entity_codes[e.code],
                    )
                )
        return Built(header, rows)
    subjects = SubjectColumns.draw(rng)
    header = Header.of(
        *subjects.leaves, Leaf("total", rng.choice(("机关运行经费支出", "金额", "预算数")), measure)
    )
    by_subject = _sums(running, lambda a: a.subject, lambda a: [("total", a.cents)])
    return Built(header, _subject_rows(header, subjects, by_subject, value))


BUILDERS: dict[str, Callable[[Context], Built]] = {
    "收支总表": _summary,
    "收入总表": _income,
    "支出总表": _expenditure,
    "财政拨款收支总表": _fiscal_summary,
    "一般公共预算支出表": _general_budget,
    "一般公共预算基本支出表": _basic_economic,
    "三公经费": _sangong,
    "政府性基金预算支出表": _government_funds,
    "国有资本经营预算支出表": _state_capital,
    "项目支出表": _projects,
    "政府采购预算表": _procurement,
    "机关运行经费": _office_running,
}
