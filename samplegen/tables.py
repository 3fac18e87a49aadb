"""The 23 Hunan tables of a `Budget`, each one a sum over the budget's allocations.

Every table is built the same way: a *measure* says which allocations a table counts (its
scope) and in which leaf column each one lands; subtotal columns are then sums of leaf columns,
and total rows are sums of the rows beneath them. Because all tables are views of one list of
integer-cent allocations, every accounting identity between cells, rows and tables holds
exactly; tests/samplegen/test_random_disclosure.py checks them from the printed values alone.

Zero prints as an empty cell (None), as in the real disclosures.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TypeVar

from disclosure.template import load_template
from samplegen.budget import (
    ABROAD,
    CARRY_OVER,
    FAMILY,
    FISCAL_BUDGET,
    GENERAL_BUDGET,
    GOODS,
    GOV_FUND_BUDGET,
    HOSPITALITY,
    NONTAX,
    NONTAX_LINES,
    PROJECT_GROUPS,
    SALARY,
    SOCIAL_ITEMS,
    SPECIAL_ACCOUNT_BUDGET,
    STATE_CAPITAL_BUDGET,
    VEHICLE_PURCHASE,
    VEHICLE_RUNNING,
    WAGE_ITEMS,
    Allocation,
    Budget,
    Entity,
    Fund,
    Project,
    load_catalog,
)
from samplegen.spec import RowSpec, TableSpec, Value, empty_table_rows, template_table

TABLE_CODES = tuple(f"{n:02d}" for n in range(1, 24))

NOTES: dict[str, tuple[str, ...]] = {
    "01": ("备注：财政专户管理资金收入是指教育收费收入；事业收入不含教育收费收入，下同。",),
    "06": ("注：本表中本年收入包括本级安排和上级补助，含当年支出和上年结转结余资金。",),
    "07": ("注：支出包括当年预算和上年结转安排的所有支出。",),
    "19": ("注：本表指纳入专户管理的教育收入等收入。",),
    "20": ("备注：本表中省级专项资金反映全貌，包括细化列入部门预算金额和列入代编预算金额。",),
    "21": ("注1: 部门预算中不包含对市县专项转移支付。", "注2: 不含上年结转结余。"),
    "22": ("注：不含上年结转结余。",),
    "23": ("注:不含上年结转结余。",),
}

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class RowStyle:
    """How a table prints its rows (layout of the page is TableSpec's business)."""

    abbreviate_sections: bool = False  # a 款 printed as its last two digits under its 类
    total_row: bool = True  # print the 合计 row (the seed's 预算13表 has none)
    empty_total_row: bool = True  # an empty table prints a bare 合计 row above the marker
    total_label: str = "合计"  # 预算23表 prints it as `合计:` in the seed
    # One block per entity (as other printing software prints a department of several
    # entities): in the subject tables (03, 07, 15, 18, 19) each entity row is followed by its
    # own 类 / 款 / 项 rows, and in 08–13 by its own subject rows, instead of every entity row
    # first and then the department's subject rows.
    entity_blocks: bool = False
    # With entity_blocks, in the subject tables: the department row is followed by the
    # department's own (summed) subject rows before the entities' blocks.
    department_block: bool = False
    # (With entity_blocks, the project rows of 20–22 also say whose they are: entity_code.)


def amount(cents: int) -> Decimal | None:
    """万元 with two decimals from integer cents; zero is an empty cell."""
    return Decimal(cents).scaleb(-2) if cents else None


def budget_table(
    budget: Budget, code: str, style: RowStyle = RowStyle(), **layout: object
) -> TableSpec:
    """Table `code` of `budget`; `layout` goes to TableSpec (font_size, repeat_title, …)."""
    paths = load_template("hunan").table(code).column_paths
    rows = _BUILDERS[code](budget, style, paths)
    notes = NOTES.get(code, ())
    if not rows:
        # The bare 合计 row sits in the name column (the second), codes blank.
        empty = list(empty_table_rows(len(paths), with_total_row=False))
        if style.empty_total_row and code not in _NO_EMPTY_TOTAL_ROW:
            empty.insert(0, RowSpec(_values(paths, {}, {paths[1]: "合计"}), kind="total"))
        return template_table(code, empty, notes=notes, is_empty=True, **layout)
    return template_table(code, rows, notes=notes, **layout)


def budget_tables(
    budget: Budget,
    codes: Iterable[str] = TABLE_CODES,
    styles: Mapping[str, RowStyle] | None = None,
) -> tuple[TableSpec, ...]:
    styles = styles or {}
    return tuple(budget_table(budget, code, styles.get(code, RowStyle())) for code in codes)


# ---------------------------------------------------------------------------------------------
# Measures: scope, leaf placement, subtotals.

Placement = Iterable[tuple[str, int]]


@dataclass(frozen=True)
class _Measure:
    scope: Callable[[Allocation], bool]
    place: Callable[[Allocation, Entity], Placement]
    sums: tuple[tuple[str, tuple[str, ...]], ...]  # (subtotal, parts), computed in order

    def leaves(self, budget: Budget, key: Callable[[Allocation], K]) -> dict[K, Counter[str]]:
        entities = {e.code: e for e in budget.entities}
        out: dict[K, Counter[str]] = defaultdict(Counter)
        for allocation in budget.allocations:
            if self.scope(allocation):
                counter = out[key(allocation)]
                for path, cents in self.place(allocation, entities[allocation.entity_code]):
                    counter[path] += cents
        return out

    def finish(self, leaves: Counter[str]) -> dict[str, int]:
        vector = dict(leaves)
        for total, parts in self.sums:
            vector[total] = sum(vector.get(p, 0) for p in parts)
        return vector


def _under(paths: Sequence[str], prefix: str, subtotal: str) -> tuple[str, ...]:
    """The leaf columns under `prefix`, without its subtotal column."""
    return tuple(p for p in paths if p.startswith(prefix + "/") and p != subtotal)


def _sum_all(vectors: Iterable[Counter[str]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for vector in vectors:
        total.update(vector)
    return total


_CODE_OR_LABEL = re.compile(r"(编码|代码)$|名称|^(类|款|项)$|^项目(（.*）)?$")
_TEXT_ROOTS = frozenset(
    {
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
)


@cache
def is_amount_column(path: str) -> bool:
    """Money columns; the others hold codes, names and texts (printed blank when unset)."""
    leaf = path.rsplit("/", 1)[-1]
    return not (_CODE_OR_LABEL.search(leaf) or path.split("/")[0] in _TEXT_ROOTS)


def _values(
    paths: Sequence[str], vector: Mapping[str, int], fixed: Mapping[str, str]
) -> tuple[Value, ...]:
    return tuple(
        fixed[p] if p in fixed else amount(vector.get(p, 0)) if is_amount_column(p) else ""
        for p in paths
    )


def _in(funds: frozenset[Fund]) -> Callable[[Allocation], bool]:
    return lambda a: a.fund in funds


# 政府预算经济分类 of an allocation (预算01表's third classification, 预算04/16表).
def government_class(allocation: Allocation, entity: Entity) -> str:
    admin = entity.is_admin
    group = allocation.group
    if group in (SALARY,):
        return "机关工资福利支出" if admin else "对事业单位经常性补助"
    if group in (GOODS, "按项目管理的商品和服务支出"):
        return "机关商品和服务支出" if admin else "对事业单位经常性补助"
    if group in (FAMILY, "按项目管理的对个人和家庭的补助"):
        return "对个人和家庭的补助"
    if group == "资本性支出（基本建设）":
        return "机关资本性支出（基本建设）" if admin else "对事业单位资本性补助"
    if group == "资本性支出":
        return "机关资本性支出" if admin else "对事业单位资本性补助"
    if group == "对企业补助（基本建设）":
        return "对企业资本性支出"
    return group  # 对企业补助, 对社会保障基金补助, 债务利息及费用支出, 其他支出


GOVERNMENT_CLASSES = (
    "机关工资福利支出",
    "机关商品和服务支出",
    "机关资本性支出",
    "机关资本性支出（基本建设）",
    "对事业单位经常性补助",
    "对事业单位资本性补助",
    "对企业补助",
    "对企业资本性支出",
    "对个人和家庭的补助",
    "对社会保障基金补助",
    "债务利息及费用支出",
    "其他支出",
)

# 预算08表: 工资福利支出 items of a 行政单位 by 政府预算经济分类.
_SALARY_GOVERNMENT = {
    **dict.fromkeys(WAGE_ITEMS, "工资奖金津补贴"),
    **dict.fromkeys(SOCIAL_ITEMS, "社会保障缴费"),
    "住房公积金": "住房公积金",
    "伙食补助费": "其他工资福利支出",
    "医疗费": "其他工资福利支出",
}
# 预算09表: 工资福利支出 items under their 部门预算经济分类 groups.
_SALARY_DEPARTMENT = {
    **{i: f"工资津补贴/{i}" for i in WAGE_ITEMS},
    **{i: f"社会保障缴费/{i}" for i in SOCIAL_ITEMS},
    "住房公积金": "住房公积金",
    "伙食补助费": "其他工资福利支出/伙食补助费",
    "医疗费": "其他工资福利支出/医疗费",
}
# 预算10表: 对个人和家庭的补助 items by 政府预算经济分类.
_FAMILY_GOVERNMENT = {
    "离休费": "离退休费",
    "退休费": "离退休费",
    "抚恤金": "社会福利和救助",
    "生活补助": "社会福利和救助",
    "救济费": "社会福利和救助",
    "助学金": "助学金",
    "个人农业生产补贴": "个人农业生产补贴",
}
# 预算12表: 商品和服务支出 items of a 行政单位 by 政府预算经济分类.
_GOODS_GOVERNMENT = {
    **dict.fromkeys(
        (
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
        ),
        "办公经费",
    ),
    "会议费": "会议费",
    "培训费": "培训费",
    "劳务费": "委托业务费",
    "公务接待费": "公务接待费",
    "公务用车运行维护费": "公务用车运行维护费",
    "维修(护)费": "维修(护)费",
    "税金及附加费用": "其他商品和服务支出",
    "其他商品和服务支出": "其他商品和服务支出",
}

_INCOME_COLUMNS: dict[Fund, str] = {
    Fund.GENERAL: "本年收入/一般公共预算",
    **dict.fromkeys(NONTAX, "本年收入/一般公共预算"),
    Fund.GOV_FUND: "本年收入/政府性基金预算",
    Fund.STATE_CAPITAL: "本年收入/国有资本经营预算",
    Fund.SPECIAL_ACCOUNT: "本年收入/财政专户管理资金",
    Fund.SUBSIDY_GENERAL: "本年收入/上级财政补助收入/一般公共预算补助",
    Fund.SUBSIDY_GOV_FUND: "本年收入/上级财政补助收入/政府性基金补助",
    Fund.SUBSIDY_STATE_CAPITAL: "本年收入/上级财政补助收入/国有资本经营预算补助",
    Fund.BUSINESS: "本年收入/事业收入",
    Fund.OPERATING: "本年收入/事业单位经营收入",
    Fund.SUPERIOR: "本年收入/上级补助收入",
    Fund.AFFILIATE: "本年收入/附属单位上缴收入",
    Fund.OTHER: "本年收入/其他收入",
    Fund.CARRY_GENERAL: "上年结转结余/一般公共预算",
    Fund.CARRY_GOV_FUND: "上年结转结余/政府性基金预算",
    Fund.CARRY_STATE_CAPITAL: "上年结转结余/国有资本经营预算",
    Fund.CARRY_SPECIAL_ACCOUNT: "上年结转结余/财政专户管理资金",
    Fund.CARRY_UNIT: "上年结转结余/单位资金",
}

# 预算23表's 按收入性质分: this year's money only.
_NATURE_COLUMNS: dict[Fund, str] = {
    Fund.GENERAL: "一般公共预算",
    **dict.fromkeys(NONTAX, "一般公共预算"),
    Fund.SUBSIDY_GENERAL: "一般公共预算",
    Fund.GOV_FUND: "政府性基金拨款",
    Fund.SUBSIDY_GOV_FUND: "政府性基金拨款",
    Fund.SPECIAL_ACCOUNT: "财政专户管理资金",
}


def _government_classes(
    paths: Sequence[str],
    selects: Callable[[Allocation], bool],
    admin_group: str,
    admin_classes: Mapping[str, str],
    institution_leaf: str,
) -> _Measure:
    """08 / 12 (按政府预算经济分类): an administration's items go to their 机关… class; an
    institution's whole amount to 对事业单位经常性补助."""
    subsidy = "对事业单位经常性补助"

    def place(a: Allocation, e: Entity) -> Placement:
        if e.is_admin:
            return [(f"{admin_group}/{admin_classes[a.item]}", a.cents)]
        return [(f"{subsidy}/{institution_leaf}", a.cents)]

    return _Measure(
        selects,
        place,
        (
            (f"{admin_group}/合计", _under(paths, admin_group, f"{admin_group}/合计")),
            (f"{subsidy}/合计", _under(paths, subsidy, f"{subsidy}/合计")),
            ("总计", (f"{admin_group}/合计", f"{subsidy}/合计")),
        ),
    )


def _measure(code: str, paths: Sequence[str]) -> _Measure:
    """The measure of the tables built from one: 02–05, 07–19, 23."""
    everything = lambda a: True  # noqa: E731
    if code == "02":
        return _Measure(
            everything,
            lambda a, e: [(_INCOME_COLUMNS[a.fund], a.cents)],
            (
                ("本年收入/小计", _under(paths, "本年收入", "本年收入/小计")),
                ("上年结转结余/小计", _under(paths, "上年结转结余", "上年结转结余/小计")),
                ("合计", ("本年收入/小计", "上年结转结余/小计")),
            ),
        )
    if code in ("03", "15", "18"):
        scope = {"03": everything, "15": _in(GOV_FUND_BUDGET), "18": _in(STATE_CAPITAL_BUDGET)}
        parts = tuple(p for p in paths[2:] if p != "合计")
        return _Measure(
            scope[code],
            lambda a, e: [("基本支出" if a.is_basic else "项目支出", a.cents)],
            (("合计", parts),),
        )
    if code in ("04", "16"):
        return _Measure(
            everything if code == "04" else _in(GOV_FUND_BUDGET),
            lambda a, e: [(government_class(a, e), a.cents)],
            (("合计", GOVERNMENT_CLASSES),),
        )
    if code in ("05", "17"):
        return _Measure(
            everything if code == "05" else _in(GOV_FUND_BUDGET),
            lambda a, e: [(("基本支出/" if a.is_basic else "项目支出/") + a.group, a.cents)],
            (
                ("基本支出/小计", _under(paths, "基本支出", "基本支出/小计")),
                ("项目支出/小计", _under(paths, "项目支出", "项目支出/小计")),
                ("合计", ("基本支出/小计", "项目支出/小计")),
            ),
        )
    if code in ("07", "19"):
        prefix = "" if code == "07" else "本年财政专户管理资金支出/"
        basic = {
            SALARY: f"{prefix}基本支出/人员经费/工资福利支出",
            FAMILY: f"{prefix}基本支出/人员经费/对个人和家庭的补助",
            GOODS: f"{prefix}基本支出/公用经费",
        }
        return _Measure(
            _in(GENERAL_BUDGET if code == "07" else SPECIAL_ACCOUNT_BUDGET),
            lambda a, e: [(basic[a.group] if a.is_basic else f"{prefix}项目支出", a.cents)],
            (
                (f"{prefix}基本支出/小计", tuple(basic.values())),
                (f"{prefix}合计", (f"{prefix}基本支出/小计", f"{prefix}项目支出")),
            ),
        )

    def basic_general(group: str) -> Callable[[Allocation], bool]:
        return lambda a: a.is_basic and a.group == group and a.fund in GENERAL_BUDGET

    if code == "08":
        return _government_classes(
            paths, basic_general(SALARY), "机关工资福利支出", _SALARY_GOVERNMENT, "工资福利支出"
        )
    if code == "09":
        groups = ("工资津补贴", "社会保障缴费", "其他工资福利支出")
        return _Measure(
            basic_general(SALARY),
            lambda a, e: [(_SALARY_DEPARTMENT[a.item], a.cents)],
            (
                *((f"{g}/合计", _under(paths, g, f"{g}/合计")) for g in groups),
                ("总计", (*(f"{g}/合计" for g in groups), "住房公积金")),
            ),
        )
    if code in ("10", "11"):
        mapping = _FAMILY_GOVERNMENT if code == "10" else {}
        return _Measure(
            basic_general(FAMILY),
            lambda a, e: [
                (mapping.get(a.item, "其他对个人和家庭的补助") if mapping else a.item, a.cents)
            ],
            (("总计", tuple(paths[6:])),),
        )
    if code == "12":
        return _government_classes(
            paths, basic_general(GOODS), "机关商品和服务支出", _GOODS_GOVERNMENT, "商品和服务支出"
        )
    if code == "13":
        return _Measure(
            basic_general(GOODS), lambda a, e: [(a.item, a.cents)], (("总计", tuple(paths[6:])),)
        )
    if code == "14":

        def place_14(a: Allocation, e: Entity) -> Placement:
            if a.sangong == ABROAD:
                return [("因公出国（境）费", a.cents)]
            if a.sangong == VEHICLE_PURCHASE:
                return [("公务用车购置及运行费/公务用车购置费", a.cents)]
            if a.is_basic and a.item == VEHICLE_RUNNING:
                return [("公务用车购置及运行费/公务用车运行费", a.cents)]
            if a.is_basic and a.item == HOSPITALITY:
                return [("公务接待费", a.cents)]
            return []

        return _Measure(
            _in(GENERAL_BUDGET),
            place_14,
            (
                (
                    "公务用车购置及运行费/小计",
                    (
                        "公务用车购置及运行费/公务用车购置费",
                        "公务用车购置及运行费/公务用车运行费",
                    ),
                ),
                ("“三公”经费合计", ("因公出国（境）费", "公务用车购置及运行费/小计", "公务接待费")),
            ),
        )
    if code == "23":
        budget_prefix = "年度预算申请/"

        def place_23(a: Allocation, e: Entity) -> Placement:
            nature = _NATURE_COLUMNS.get(a.fund, "其他资金")
            spending = "基本支出" if a.is_basic else "项目支出"
            return [
                (f"{budget_prefix}按收入性质分/{nature}", a.cents),
                (f"{budget_prefix}按支出性质分/{spending}", a.cents),
            ]

        return _Measure(
            lambda a: a.fund not in CARRY_OVER,
            place_23,
            (
                (
                    f"{budget_prefix}资金总额",
                    _under(paths, f"{budget_prefix}按收入性质分", ""),
                ),
            ),
        )
    raise KeyError(code)


# ---------------------------------------------------------------------------------------------
# Row layouts


def _leading_rows(
    budget: Budget,
    style: RowStyle,
    measure: _Measure,
    paths: Sequence[str],
    *,
    code_path: str,
    name_path: str,
    all_entities: bool,
    with_entities: bool = True,
) -> tuple[list[RowSpec], dict[str, Counter[str]]]:
    """The 合计, department and (unless not `with_entities`) entity rows; also the per-entity
    leaf sums."""
    by_entity = measure.leaves(budget, lambda a: a.entity_code)
    if not by_entity:
        return [], by_entity
    total = measure.finish(_sum_all(by_entity.values()))
    rows = []
    if style.total_row:
        rows.append(RowSpec(_values(paths, total, {name_path: "合计"}), kind="total"))
    fixed = {code_path: budget.unit_code, name_path: budget.unit_name}
    rows.append(RowSpec(_values(paths, total, fixed), kind="unit", entity_code=budget.unit_code))
    if with_entities:
        for entity in _listed_entities(budget, by_entity, all_entities):
            rows.append(_entity_row(entity, measure, by_entity, paths, code_path, name_path))
    return rows, by_entity


def _listed_entities(
    budget: Budget, by_entity: Mapping[str, Counter[str]], all_entities: bool
) -> list[Entity]:
    return [e for e in budget.entities if all_entities or e.code in by_entity]


def _entity_row(
    entity: Entity,
    measure: _Measure,
    by_entity: Mapping[str, Counter[str]],
    paths: Sequence[str],
    code_path: str,
    name_path: str,
) -> RowSpec:
    vector = measure.finish(by_entity.get(entity.code, Counter()))
    fixed = {code_path: entity.code, name_path: entity.name}
    return RowSpec(_values(paths, vector, fixed), kind="entity", entity_code=entity.code)


def _entity_table(
    budget: Budget, style: RowStyle, paths: Sequence[str], code: str
) -> list[RowSpec]:
    """合计, department, entities: 预算02, 04, 05, 14, 16, 17表."""
    everyone = code in ("02", "04", "05", "14")
    rows, by_entity = _leading_rows(
        budget,
        style,
        _measure(code, paths),
        paths,
        code_path=paths[0],
        name_path=paths[1],
        all_entities=everyone,
    )
    if code == "14" and not any(v.total() for v in by_entity.values()):
        return []
    return rows


def _subject_table(
    budget: Budget, style: RowStyle, paths: Sequence[str], code: str
) -> list[RowSpec]:
    """合计, department, entities, then 类 / 款 / 项 rows: 预算03, 07, 15, 18, 19表."""
    measure = _measure(code, paths)
    all_entities = code in ("03", "07")
    rows, by_entity = _leading_rows(
        budget,
        style,
        measure,
        paths,
        code_path=paths[0],
        name_path=paths[1],
        all_entities=all_entities,
        with_entities=not style.entity_blocks,
    )
    if not rows:
        return []
    if not style.entity_blocks:
        rows += _subject_tree(measure, measure.leaves(budget, lambda a: a.subject), paths, style)
        return rows
    if style.department_block:
        by_item = measure.leaves(budget, lambda a: a.subject)
        rows += _subject_tree(measure, by_item, paths, style, budget.unit_code)
    by_pair = measure.leaves(budget, lambda a: (a.entity_code, a.subject))
    for entity in _listed_entities(budget, by_entity, all_entities):
        rows.append(_entity_row(entity, measure, by_entity, paths, paths[0], paths[1]))
        own = {s: v for (e, s), v in by_pair.items() if e == entity.code}
        rows += _subject_tree(measure, own, paths, style, entity.code)
    return rows


def _subject_tree(
    measure: _Measure,
    by_item: Mapping[str, Counter[str]],
    paths: Sequence[str],
    style: RowStyle,
    entity_code: str | None = None,
) -> list[RowSpec]:
    """类 / 款 / 项 rows of the 项 sums `by_item`, in code order (of one entity, when given)."""
    catalog = load_catalog()
    rows = []
    for cls in sorted({s[:3] for s in by_item}):
        for level_code in _tree(cls, sorted(by_item)):
            vector = measure.finish(
                _sum_all(v for s, v in by_item.items() if s.startswith(level_code))
            )
            printed = level_code
            if len(level_code) == 5 and style.abbreviate_sections:
                printed = level_code[3:]
            fixed = {paths[0]: printed, paths[1]: catalog.name(level_code)}
            rows.append(
                RowSpec(
                    _values(paths, vector, fixed),
                    kind="subject",
                    subject_code=level_code,
                    entity_code=entity_code,
                )
            )
    return rows


def _tree(cls: str, items: Sequence[str]) -> list[str]:
    """A 类, then each of its 款 followed by its 项, in code order."""
    mine = [s for s in items if s.startswith(cls)]
    out = [cls]
    for section in sorted({s[:5] for s in mine}):
        out.append(section)
        out.extend(s for s in mine if s.startswith(section))
    return out


def _entity_subject_table(
    budget: Budget, style: RowStyle, paths: Sequence[str], code: str
) -> list[RowSpec]:
    """合计, department, entities, then each entity's 项 rows with 类|款|项: 预算08–13表."""
    measure = _measure(code, paths)
    rows, by_entity = _leading_rows(
        budget,
        style,
        measure,
        paths,
        code_path="单位代码",
        name_path="单位名称(功能科目)",
        all_entities=False,
        with_entities=not style.entity_blocks,
    )
    if not rows:
        return []
    by_pair = measure.leaves(budget, lambda a: (a.entity_code, a.subject))
    catalog = load_catalog()
    for entity in budget.entities:
        if style.entity_blocks and entity.code in by_entity:
            rows.append(
                _entity_row(entity, measure, by_entity, paths, "单位代码", "单位名称(功能科目)")
            )
        for subject in sorted(s for e, s in by_pair if e == entity.code):
            fixed = {
                "功能科目/类": subject[:3],
                "功能科目/款": subject[3:5],
                "功能科目/项": subject[5:],
                "单位代码": entity.code,
                "单位名称(功能科目)": catalog.name(subject),
            }
            vector = measure.finish(by_pair[(entity.code, subject)])
            rows.append(
                RowSpec(
                    _values(paths, vector, fixed),
                    kind="subject",
                    subject_code=subject,
                    entity_code=entity.code,
                )
            )
    return rows


_NUMERALS = "一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (line numbers of 预算01/06表)."""
    if not 1 <= n <= 99:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _NUMERALS[tens - 1] + "十"
    return head + (_NUMERALS[ones - 1] if ones else "")


def function_lines(budget: Budget) -> list[str]:
    """The 类 printed as function lines: the seed's 25, plus any other 类 the budget spends on."""
    catalog = load_catalog()
    used = {a.subject[:3] for a in budget.allocations}
    return sorted(set(catalog.function_lines) | used)


def _side_by_side(columns: Sequence[Sequence[tuple[str, int | None]]]) -> list[tuple[Value, ...]]:
    height = max(len(c) for c in columns)
    rows = []
    for i in range(height):
        values: list[Value] = []
        for column in columns:
            label, cents = column[i] if i < len(column) else ("", None)
            values += [label, amount(cents) if cents is not None else None]
        rows.append(tuple(values))
    return rows


def _in_class(cls: str) -> Callable[[Allocation], bool]:
    return lambda a: a.subject.startswith(cls)


def _basic_in(group: str) -> Callable[[Allocation], bool]:
    return lambda a: a.is_basic and a.group == group


def _project_in(group: str) -> Callable[[Allocation], bool]:
    return lambda a: not a.is_basic and a.group == group


def _government_class_is(cls: str, entities: Mapping[str, Entity]) -> Callable[[Allocation], bool]:
    return lambda a: government_class(a, entities[a.entity_code]) == cls


def _cents(allocations: Iterable[Allocation], test: Callable[[Allocation], bool]) -> int:
    return sum(a.cents for a in allocations if test(a))


def _table_01(budget: Budget, style: RowStyle, paths: Sequence[str]) -> list[RowSpec]:
    catalog = load_catalog()
    allocations = budget.allocations
    entities = {e.code: e for e in budget.entities}

    def funds(*wanted: Fund) -> int:
        return _cents(allocations, lambda a: a.fund in wanted)

    income = [
        ("一、一般公共预算拨款收入", funds(Fund.GENERAL, *NONTAX)),
        ("经费拨款", funds(Fund.GENERAL)),
        ("纳入一般公共预算管理的非税收入拨款", funds(*NONTAX)),
        *((label, funds(fund)) for fund, label in NONTAX_LINES.items()),
        ("二、政府性基金预算拨款收入", funds(Fund.GOV_FUND)),
        ("三、国有资本经营预算拨款收入", funds(Fund.STATE_CAPITAL)),
        ("四、财政专户管理资金收入", funds(Fund.SPECIAL_ACCOUNT)),
        (
            "五、上级财政补助收入",
            funds(Fund.SUBSIDY_GENERAL, Fund.SUBSIDY_GOV_FUND, Fund.SUBSIDY_STATE_CAPITAL),
        ),
        ("一般公共预算补助", funds(Fund.SUBSIDY_GENERAL)),
        ("政府性基金补助", funds(Fund.SUBSIDY_GOV_FUND)),
        ("国有资本经营预算补助", funds(Fund.SUBSIDY_STATE_CAPITAL)),
        ("六、事业收入", funds(Fund.BUSINESS)),
        ("七、事业单位经营收入", funds(Fund.OPERATING)),
        ("八、上级补助收入", funds(Fund.SUPERIOR)),
        ("九、附属单位上缴收入", funds(Fund.AFFILIATE)),
        ("十、其他收入", funds(Fund.OTHER)),
    ]
    function = [
        (
            f"{chinese_number(n)}、{catalog.name(cls)}",
            _cents(allocations, _in_class(cls)),
        )
        for n, cls in enumerate(function_lines(budget), start=1)
    ]
    department = [
        ("一、基本支出", _cents(allocations, lambda a: a.is_basic)),
        *((group, _cents(allocations, _basic_in(group))) for group in (SALARY, GOODS, FAMILY)),
        ("二、项目支出", _cents(allocations, lambda a: not a.is_basic)),
        *((group, _cents(allocations, _project_in(group))) for group in PROJECT_GROUPS),
    ]
    government = [
        (
            f"{chinese_number(n)}、{cls}",
            _cents(allocations, _government_class_is(cls, entities)),
        )
        for n, cls in enumerate(GOVERNMENT_CLASSES, start=1)
    ]
    carried = funds(*CARRY_OVER)
    spent = _cents(allocations, lambda a: True)
    this_year = spent - carried
    rows = [
        RowSpec(v, kind="item") for v in _side_by_side([income, function, department, government])
    ]
    summary = [
        ("本年收入合计", this_year, "本年支出合计", spent),
        ("上年结转结余", carried, "上年结转结余", 0),
        ("收入总计", spent, "支出总计", spent),
    ]
    for in_label, in_cents, out_label, out_cents in summary:
        values = (in_label, amount(in_cents), *((out_label, amount(out_cents)) * 3))
        rows.append(RowSpec(values, kind="item"))
    return rows


def _table_06(budget: Budget, style: RowStyle, paths: Sequence[str]) -> list[RowSpec]:
    catalog = load_catalog()
    fiscal = [a for a in budget.allocations if a.fund in FISCAL_BUDGET]

    def funds(*wanted: Fund) -> int:
        return _cents(fiscal, lambda a: a.fund in wanted)

    general = (Fund.GENERAL, *NONTAX, Fund.SUBSIDY_GENERAL)
    gov_fund = (Fund.GOV_FUND, Fund.SUBSIDY_GOV_FUND)
    state = (Fund.STATE_CAPITAL, Fund.SUBSIDY_STATE_CAPITAL)
    carry = (Fund.CARRY_GENERAL, Fund.CARRY_GOV_FUND, Fund.CARRY_STATE_CAPITAL)
    income = [
        ("一、本年收入", funds(*general, *gov_fund, *state)),
        ("(一) 一般公共预算拨款", funds(*general)),
        ("(二) 政府性基金预算拨款", funds(*gov_fund)),
        ("(三) 国有资本经营预算拨款", funds(*state)),
        ("二、上年结转", funds(*carry)),
        ("(一) 一般公共预算拨款", funds(Fund.CARRY_GENERAL)),
        ("(二) 政府性基金预算拨款", funds(Fund.CARRY_GOV_FUND)),
        ("(三) 国有资本经营预算拨款", funds(Fund.CARRY_STATE_CAPITAL)),
    ]
    total = _cents(fiscal, lambda a: True)
    spending = [
        ("一、本年支出", total),
        *(
            (
                f"({chinese_number(n)}) {catalog.name(cls)}",
                _cents(fiscal, _in_class(cls)),
            )
            for n, cls in enumerate(function_lines(budget), start=1)
        ),
        ("二、年终结转结余", 0),
    ]
    rows = [RowSpec(v, kind="item") for v in _side_by_side([income, spending])]
    rows.append(RowSpec(("收入总计", amount(total), "支出总计", amount(total)), kind="item"))
    return rows


def _current_cents(budget: Budget, project: Project) -> int:
    """A project's money of this year (预算20–22表 leave out 上年结转结余)."""
    return sum(
        a.cents for a in budget.allocations if a.project == project.key and a.fund not in CARRY_OVER
    )


def _special_columns(budget: Budget, project: Project) -> Counter[str]:
    special = project.special
    assert special is not None
    provincial = _current_cents(budget, project)
    if special.fund == Fund.GOV_FUND:
        column = "预算额度/政府性基金"
    elif special.fund in NONTAX:
        column = "预算额度/一般公共预算/纳入一般公共预算管理的非税收入"
    else:
        column = "预算额度/一般公共预算/经费拨款"
    return Counter(
        {
            column: provincial + special.transfer,
            "预算编制方式/编入部门预算金额": provincial,
            "预算编制方式/财政代编金额": special.transfer,
        }
    )


_SUMS_20 = (
    (
        "预算额度/一般公共预算/一般公共预算小计",
        (
            "预算额度/一般公共预算/经费拨款",
            "预算额度/一般公共预算/纳入一般公共预算管理的非税收入",
        ),
    ),
    (
        "预算额度/总计",
        (
            "预算额度/一般公共预算/一般公共预算小计",
            "预算额度/政府性基金",
            "预算额度/国有资本经营预算",
        ),
    ),
)


def _finish_20(leaves: Counter[str]) -> dict[str, int]:
    vector = dict(leaves)
    for total, parts in _SUMS_20:
        vector[total] = sum(vector.get(p, 0) for p in parts)
    return vector


def _table_20(budget: Budget, style: RowStyle, paths: Sequence[str]) -> list[RowSpec]:
    specials = [p for p in budget.projects if p.special is not None]
    if not specials:
        return []
    by_entity: dict[str, list[tuple[Project, Counter[str]]]] = defaultdict(list)
    for project in specials:
        by_entity[project.entity_code].append((project, _special_columns(budget, project)))
    total = _finish_20(_sum_all(c for pairs in by_entity.values() for _, c in pairs))
    code_path, name_path = paths[0], paths[1]
    rows = []
    if style.total_row:
        rows.append(RowSpec(_values(paths, total, {name_path: "合计"}), kind="total"))
    fixed = {code_path: budget.unit_code, name_path: budget.unit_name}
    rows.append(RowSpec(_values(paths, total, fixed), kind="unit", entity_code=budget.unit_code))
    for entity in budget.entities:
        pairs = by_entity.get(entity.code)
        if not pairs:
            continue
        vector = _finish_20(_sum_all(c for _, c in pairs))
        fixed = {code_path: entity.code, name_path: entity.name}
        rows.append(RowSpec(_values(paths, vector, fixed), kind="entity", entity_code=entity.code))
        for project, leaves in pairs:
            special = project.special
            assert special is not None
            fixed = {
                name_path: project.name,
                "资金管理办法": special.rules,
                "分配办法": special.method,
            }
            owner = entity.code if style.entity_blocks else None
            rows.append(
                RowSpec(_values(paths, _finish_20(leaves), fixed), kind="item", entity_code=owner)
            )
    return rows


def _target_texts(paths: Sequence[str], project_texts: Sequence[str]) -> dict[str, str]:
    """The 实施期/年度 goals and the 11 indicator columns, keyed by column path."""
    text_paths = [p for p in paths if p.split("/")[0] in _TEXT_ROOTS - {"支出方向"}]
    return dict(zip(text_paths, project_texts, strict=True))


def _project_table(
    budget: Budget, style: RowStyle, paths: Sequence[str], code: str
) -> list[RowSpec]:
    """Entity rows, each followed by its projects: 预算21表 (专项) and 预算22表 (other money)."""
    code_path, name_path = paths[0], paths[1]
    rows = []
    for entity in budget.entities:
        members = []
        for project in budget.projects:
            if project.entity_code != entity.code or (project.special is None) == (code == "21"):
                continue
            provincial = _current_cents(budget, project)
            if provincial == 0:
                continue
            transfer = project.special.transfer if project.special else 0
            leaves = {
                "资金总额": provincial + transfer,
                "资金投向/省级支出": provincial,
                "资金投向/对市县专项转移支付": transfer,
            }
            members.append((project, leaves))
        if not members:
            continue
        vector = _sum_all(Counter(leaves) for _, leaves in members)
        fixed = {code_path: entity.code, name_path: entity.name}
        rows.append(RowSpec(_values(paths, vector, fixed), kind="entity", entity_code=entity.code))
        for project, leaves in members:
            targets = project.targets
            fixed = {
                name_path: project.name,
                **_target_texts(paths, (targets.period, targets.annual, *targets.indicators)),
            }
            if project.special is not None:
                fixed["支出方向"] = project.special.direction
            owner = entity.code if style.entity_blocks else None
            rows.append(RowSpec(_values(paths, leaves, fixed), kind="item", entity_code=owner))
    return rows


def _table_23(budget: Budget, style: RowStyle, paths: Sequence[str]) -> list[RowSpec]:
    measure = _measure("23", paths)
    by_entity = measure.leaves(budget, lambda a: a.entity_code)
    name_path = paths[0]
    rows = []
    if style.total_row:
        total = measure.finish(_sum_all(by_entity.values()))
        label = {name_path: style.total_label}
        rows.append(RowSpec(_values(paths, total, label), kind="total"))
    for entity in budget.entities:
        vector = measure.finish(by_entity.get(entity.code, Counter()))
        targets = budget.overviews[entity.code]
        fixed = {
            name_path: entity.name,
            **_target_texts(paths, (targets.period, targets.annual, *targets.indicators)),
        }
        # The entity code is not printed in this table: an entity row without entity_code.
        rows.append(RowSpec(_values(paths, vector, fixed), kind="entity"))
    return rows


Builder = Callable[[Budget, RowStyle, Sequence[str]], list[RowSpec]]


def _with_code(build: Callable[..., list[RowSpec]], code: str) -> Builder:
    return lambda budget, style, paths: build(budget, style, paths, code)


_BUILDERS: dict[str, Builder] = {
    "01": _table_01,
    "06": _table_06,
    "20": _table_20,
    "23": _table_23,
    **{c: _with_code(_entity_table, c) for c in ("02", "04", "05", "14", "16", "17")},
    **{c: _with_code(_subject_table, c) for c in ("03", "07", "15", "18", "19")},
    **{c: _with_code(_entity_subject_table, c) for c in ("08", "09", "10", "11", "12", "13")},
    **{c: _with_code(_project_table, c) for c in ("21", "22")},
}

# Tables whose empty form is the marker alone: 20–23 as in the seed, and 08–13, whose name
# column is the fifth (a lone 合计 there would read as one more header row).
_NO_EMPTY_TOTAL_ROW = frozenset({"08", "09", "10", "11", "12", "13", "20", "21", "22", "23"})
