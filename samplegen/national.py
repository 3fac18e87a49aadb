"""Department budgets of other provinces, cities and counties: the national standard tables
under varied titles, numbering and layout (issue 20).

`national_disclosure(seed)` is a consistent random 部门预算 (or 单位预算) of a body somewhere in
China (samplegen.regions), printing the national standard tables (samplegen.national_tables)
the way one of many printing programs does. Drawn per document:

- who: a province's, city's or county's department (`浙江省农业农村厅`, `杭州市农业农村局`,
  `福州市仓山区农业农村局`) with its sub-units, its 单位代码 printed (6, 7 or 9 digits, with or
  without dots) on the cover or above the tables, or not at all (`Publisher`);
- the cover and contents, or none;
- numbering: `表1：` before the title, `表1` / `表一` / `公开表1` / `部门公开表1` on a line of its
  own above it, `公开01表`, `预算01表 收支总表`, `收入总表(预算表2)`, `一、收支预算总表`, or none;
  a year (`2026年`, `2026年度`) and a qualifier (部门, 单位, 市级部门, 预算单位) inside the title;
  its suffix (总表, 总体情况表, 情况表, 预算表); titles wrapped over two lines; titles drawn in
  the grid's first row;
- the unit line (`部门名称：`, `编制单位：`, `填报单位：`, `单位名称：`, `部门（单位）：`, `部门：`)
  and the money unit (`单位：万元`, `单位:万元`, `金额单位：元`): 万元 with 2 or 6 decimals, 元 with
  0 or 2, and at times 三公 in 万元 beside 元 tables;
- per table: header synonyms (预算数, 金额, 合计, 本年预算, 小计, 总计, 支出总计 …), optional
  groups and columns, codes in one column, abbreviated, or in 类 | 款 | 项.

Money is a random budget (samplegen.budget) in fen (0.01 元), at the precision the printed
units allow, so every identity holds exactly in every table. Every table says which standard
table it is and what each column measures (`TableSpec.standard_table`, `TableSpec.columns`).
"""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass
from decimal import Decimal

from samplegen.budget import (
    ADMIN,
    FISCAL_BUDGET,
    Budget,
    Entity,
    Project,
    load_catalog,
    random_budget,
)
from samplegen.regions import REGIONS, Region
from samplegen.spec import AmountFormat, Publisher
from samplegen.tables import chinese_number

FEN_PER = {"元": 100, "万元": 1_000_000}
# 财政拨款: the three budgets' money, this year's and carried over.
FISCAL_MONEY = FISCAL_BUDGET


@dataclass(frozen=True)
class Money:
    """A money unit as printed: 元 or 万元, decimals, thousands separators."""

    unit: str = "万元"
    decimals: int = 2
    separators: bool = True

    @property
    def granularity(self) -> int:
        """The smallest amount this unit prints exactly, in fen."""
        return FEN_PER[self.unit] // 10**self.decimals

    @property
    def format(self) -> AmountFormat:
        return AmountFormat(self.decimals, self.separators)

    def value(self, fen: int) -> Decimal | None:
        """The printed amount of `fen` (None for zero: an empty cell)."""
        if not fen:
            return None
        if fen % self.granularity:
            raise ValueError(f"{fen} fen is not a whole number of {self.unit} at {self.decimals}")
        return (Decimal(fen) / FEN_PER[self.unit]).quantize(Decimal(1).scaleb(-self.decimals))


MONEY_CHOICES = (
    (Money("万元", 2), 0.5),
    (Money("元", 2), 0.12),
    (Money("元", 0), 0.13),
    (Money("万元", 6, separators=False), 0.08),
    (Money("万元", 6), 0.05),
    (Money("万元", 2, separators=False), 0.05),
    (Money("元", 2, separators=False), 0.07),
)

# A sector's department name at each level.
BUREAUS = {
    "agriculture": ("农业农村厅", "农业农村局"),
    "water": ("水利厅", "水利局"),
    "forestry": ("林业局", "林业局"),
    "statistics": ("统计局", "统计局"),
    "culture": ("文化和旅游厅", "文化广电旅游局"),
    "health": ("卫生健康委员会", "卫生健康委员会"),
    "ecology": ("生态环境厅", "生态环境局"),
    "transport": ("交通运输厅", "交通运输局"),
    "natural_resources": ("自然资源厅", "自然资源和规划局"),
    "education": ("教育厅", "教育局"),
    "emergency": ("应急管理厅", "应急管理局"),
}
QUALIFIERS = ("", "部门", "单位", "市级部门", "预算单位", "部门")
NUMBERINGS = (
    "prefix_biao",  # 表1：2026年市级部门收支预算总表
    "above_biao",  # 表1 / 收支总表
    "above_biao_cn",  # 表一 / 收支总表
    "above_gongkai_biao",  # 公开表1 / 收支总体情况表
    "above_bumen_gongkai",  # 部门公开表1 / …
    "above_gongkai_nn",  # 公开01表 (left, above) / 收支总表
    "prefix_yusuan_nn",  # 预算01表 收支总表
    "suffix_yusuanbiao",  # 收入总表(预算表2)
    "cn_dun",  # 一、收支预算总表 / 2026年度收支预算总表
    "none",
)
INFO_PREFIXES = ("部门名称：", "编制单位：", "填报单位：", "单位名称：", "部门（单位）：", "部门：")
UNIT_PREFIXES = ("单位：", "单位:", "金额单位：", "金额单位:")


@dataclass(frozen=True)
class NationalStyle:
    """How one document is printed, the same in all its tables."""

    numbering: str
    qualifier: str
    year_lead: str  # '', '2026年', '2026年度': printed in the titles
    money: Money
    sangong_money: Money  # 三公 may print in 万元 beside 元 tables
    unit_prefix: str
    info_prefix: str
    code_at: str | None  # where the 单位代码 prints: cover | info | None
    title_in_grid: float  # chance, per table, of the title in the grid
    wrap_titles: bool
    scope: str  # 部门 | 单位


@dataclass(frozen=True)
class Procurement:
    """One 政府采购 item of a project: a part of its money, bought by category."""

    project: str  # Project.key
    category: str  # A-货物 | B-工程 | C-服务
    item: str
    fiscal: int  # fen paid from 财政拨款
    other: int  # fen paid from the unit's other money


@dataclass(frozen=True)
class NationalBudget:
    """A body's budget as a national disclosure prints it: amounts in fen."""

    budget: Budget
    publisher: Publisher
    entity_codes: dict[str, str | None]  # entity code → the code printed for it, or None
    procurement: tuple[Procurement, ...]

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self.budget.entities


def national_budget(rng: random.Random, *, year: int = 2026) -> tuple[NationalBudget, Money, Money]:
    """A random body somewhere, its budget in fen, and the money units its tables print (the
    tables', and the 三公 table's)."""
    catalog = load_catalog()
    region = rng.choice(REGIONS)
    sector = rng.choice(catalog.sectors)
    hunan = random_budget(rng, year=year, department=sector.departments[0][1])
    money = _draw(rng, MONEY_CHOICES)
    sangong = money
    if money.unit == "元" and rng.random() < 0.3:
        sangong = Money("万元", 2)
    granularity = max(money.granularity, sangong.granularity)
    bureau = BUREAUS[sector.key][0 if region.level == "省" else 1]
    name = f"{region.prefix}{bureau}"
    printed_code = _printed_code(rng)
    publisher = Publisher(
        name=name,
        printed_code=printed_code,
        province=region.province,
        city=region.city,
        county=region.county,
        level=region.level,
        region_code=region.code,
    )
    renamed = _renamed(hunan, name, region, rng)
    allocations = tuple(
        dataclasses.replace(a, cents=_fen(a.cents, granularity, rng)) for a in renamed.allocations
    )
    budget = dataclasses.replace(renamed, allocations=allocations)
    codes = {
        e.code: _entity_code(printed_code, n) if printed_code else None
        for n, e in enumerate(budget.entities, start=1)
    }
    nb = NationalBudget(budget, publisher, codes, _procurement(budget, granularity, rng))
    return nb, money, sangong


def draw_style(
    rng: random.Random, nb: NationalBudget, money: Money, sangong: Money
) -> NationalStyle:
    year = nb.budget.year
    scope = "单位" if rng.random() < 0.25 else "部门"
    qualifier = rng.choice(QUALIFIERS)
    if scope == "单位" and qualifier in ("部门", "市级部门"):
        qualifier = "单位"
    if nb.publisher.level != "市" and qualifier == "市级部门":
        qualifier = "部门"
    return NationalStyle(
        numbering=rng.choice(NUMBERINGS),
        qualifier=qualifier,
        year_lead=rng.choice(("", f"{year}年", f"{year}年", f"{year}年度")),
        money=money,
        sangong_money=sangong,
        unit_prefix=rng.choice(UNIT_PREFIXES),
        info_prefix=rng.choice(INFO_PREFIXES),
        code_at=rng.choice(("cover", "info", None)) if nb.publisher.printed_code else None,
        title_in_grid=rng.choice((0.0, 0.0, 0.0, 0.5, 1.0)),
        wrap_titles=rng.random() < 0.15,
        scope=scope,
    )


def _draw(rng: random.Random, choices: tuple[tuple[Money, float], ...]) -> Money:
    pick = rng.random() * sum(w for _, w in choices)
    for money, weight in choices:
        pick -= weight
        if pick <= 0:
            return money
    return choices[-1][0]


def _fen(cents: int, granularity: int, rng: random.Random) -> int:
    """A 万元-cent amount (100 元 steps) made finer: fen, a multiple of `granularity`."""
    fen = cents * 10_000
    if granularity >= 10_000:
        return fen
    trim = rng.randrange(0, 10_000 // granularity) * granularity
    return fen - trim if fen - trim > 0 else fen


def _printed_code(rng: random.Random) -> str | None:
    form = rng.choice(("6", "7", "9", "6dots", "9dots", None, None))
    if form is None:
        return None
    digits = {"6": 6, "7": 7, "9": 9, "6dots": 6, "9dots": 9}[form]
    code = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(digits - 1))
    if form == "6dots":
        return f"{code[:3]}.{code[3:]}"
    if form == "9dots":
        return f"{code[:3]}.{code[3:6]}.{code[6:]}"
    return code


def _entity_code(code: str, number: int) -> str:
    return f"{code}.{number:03d}" if "." in code else f"{code}{number:03d}"


def _renamed(budget: Budget, name: str, region: Region, rng: random.Random) -> Budget:
    """The Hunan budget as this body's: its name, its sub-units named for its place."""
    own = rng.choice(("{name}本级", "{name}(本级)", "{name}（本级）", "{name}机关"))
    entities = []
    for entity in budget.entities:
        if entity.kind == ADMIN:
            new = own.format(name=name)
        else:
            rest = entity.name
            for lead in ("湖南省", "湖南", "长沙"):
                if rest.startswith(lead):
                    rest = rest[len(lead) :]
                    break
            new = f"{region.prefix}{rest}"
        entities.append(dataclasses.replace(entity, name=new))
    return dataclasses.replace(budget, unit_name=name, entities=tuple(entities))


CATEGORIES = {
    "A-货物": ("办公设备", "计算机设备", "打印复印设备", "专用仪器设备", "办公家具"),
    "B-工程": ("维修改造工程", "装修工程", "信息化基础设施工程"),
    "C-服务": ("信息系统运维服务", "物业管理服务", "印刷服务", "安保服务", "会议服务", "审计服务"),
}


def _procurement(budget: Budget, granularity: int, rng: random.Random) -> tuple[Procurement, ...]:
    """Some projects buy part of what they spend through 政府采购."""
    out = []
    for project in budget.projects:
        spending = [a for a in budget.allocations if a.project == project.key]
        fiscal = sum(a.cents for a in spending if a.fund in FISCAL_MONEY)
        other = sum(a.cents for a in spending) - fiscal
        if not spending or rng.random() < 0.5:
            continue
        category = rng.choice(tuple(CATEGORIES))
        share = rng.randint(10, 80)
        out.append(
            Procurement(
                project=project.key,
                category=category,
                item=rng.choice(CATEGORIES[category]),
                fiscal=_part(fiscal, share, granularity),
                other=_part(other, share, granularity),
            )
        )
    return tuple(p for p in out if p.fiscal + p.other > 0)


def _part(fen: int, percent: int, granularity: int) -> int:
    return fen * percent // 100 // granularity * granularity


def project_of(nb: NationalBudget, key: str) -> Project:
    return nb.budget.project(key)


def title_number(numbering: str, n: int) -> str:
    """The printed number of the n-th table in a numbering scheme (for contents and labels)."""
    return {
        "prefix_biao": f"表{n}",
        "above_biao": f"表{n}",
        "above_biao_cn": f"表{chinese_number(n)}",
        "above_gongkai_biao": f"公开表{n}",
        "above_bumen_gongkai": f"部门公开表{n}",
        "above_gongkai_nn": f"公开{n:02d}表",
        "prefix_yusuan_nn": f"预算{n:02d}表",
        "suffix_yusuanbiao": f"预算表{n}",
        "cn_dun": f"{chinese_number(n)}、",
        "none": "",
    }[numbering]
