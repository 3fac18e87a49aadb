"""A department's budget as one list of allocations; every disclosure table is a view of it.

An `Allocation` is money (integer cents of 万元) that one entity spends on one 功能分类 项, for
one economic item, paid from one income source (`Fund`), either as 基本支出 (no project) or
inside a project. Income is not stored: each source's income is the spending it pays for, so a
budget balances by construction (收入总计 = 支出总计, 年终结转结余 = 0), and carry-over
(上年结转结余) only ever pays for projects.

`random_budget` draws a plausible budget from a `random.Random`; `samplegen.tables` turns it
into the 23 Hunan tables.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources

import yaml


class Fund(StrEnum):
    """Where the money comes from: the income lines of 预算01表 / columns of 预算02表."""

    GENERAL = "general"  # 一般公共预算 经费拨款
    NONTAX_FEES = "nontax_fees"  # 纳入一般公共预算管理的非税收入: 行政事业性收费收入
    NONTAX_SPECIAL = "nontax_special"  # … 专项收入
    NONTAX_STATE_CAPITAL = "nontax_state_capital"  # … 国有资本经营收入
    NONTAX_ASSETS = "nontax_assets"  # … 国有资源（资产）有偿使用收入
    NONTAX_DONATIONS = "nontax_donations"  # … 捐赠收入
    NONTAX_HOUSING = "nontax_housing"  # … 政府住房基金收入
    NONTAX_FINES = "nontax_fines"  # … 罚没收入
    NONTAX_OTHER = "nontax_other"  # … 其他收入
    GOV_FUND = "gov_fund"  # 政府性基金预算拨款
    STATE_CAPITAL = "state_capital"  # 国有资本经营预算拨款
    SPECIAL_ACCOUNT = "special_account"  # 财政专户管理资金 (教育收费)
    SUBSIDY_GENERAL = "subsidy_general"  # 上级财政补助收入: 一般公共预算补助
    SUBSIDY_GOV_FUND = "subsidy_gov_fund"  # … 政府性基金补助
    SUBSIDY_STATE_CAPITAL = "subsidy_state_capital"  # … 国有资本经营预算补助
    BUSINESS = "business"  # 事业收入
    OPERATING = "operating"  # 事业单位经营收入 (never drawn: it would need 经营支出)
    SUPERIOR = "superior"  # 上级补助收入
    AFFILIATE = "affiliate"  # 附属单位上缴收入
    OTHER = "other"  # 其他收入
    CARRY_GENERAL = "carry_general"  # 上年结转结余: 一般公共预算
    CARRY_GOV_FUND = "carry_gov_fund"  # … 政府性基金预算
    CARRY_STATE_CAPITAL = "carry_state_capital"  # … 国有资本经营预算
    CARRY_SPECIAL_ACCOUNT = "carry_special_account"  # … 财政专户管理资金
    CARRY_UNIT = "carry_unit"  # … 单位资金


# The sub-lines of 纳入一般公共预算管理的非税收入拨款 in 预算01表, in printed order.
NONTAX_LINES: dict[Fund, str] = {
    Fund.NONTAX_FEES: "行政事业性收费收入",
    Fund.NONTAX_SPECIAL: "专项收入",
    Fund.NONTAX_STATE_CAPITAL: "国有资本经营收入",
    Fund.NONTAX_ASSETS: "国有资源（资产）有偿使用收入",
    Fund.NONTAX_DONATIONS: "捐赠收入",
    Fund.NONTAX_HOUSING: "政府住房基金收入",
    Fund.NONTAX_FINES: "罚没收入",
    Fund.NONTAX_OTHER: "其他收入",
}
NONTAX = frozenset(NONTAX_LINES)

# The budgets a table is restricted to. 一般公共预算 tables (07–14) include the 上级财政补助
# and the carry-over of that budget; 预算06表 (财政拨款) is the first three together.
GENERAL_BUDGET = frozenset({Fund.GENERAL, *NONTAX, Fund.SUBSIDY_GENERAL, Fund.CARRY_GENERAL})
GOV_FUND_BUDGET = frozenset({Fund.GOV_FUND, Fund.SUBSIDY_GOV_FUND, Fund.CARRY_GOV_FUND})
STATE_CAPITAL_BUDGET = frozenset(
    {Fund.STATE_CAPITAL, Fund.SUBSIDY_STATE_CAPITAL, Fund.CARRY_STATE_CAPITAL}
)
SPECIAL_ACCOUNT_BUDGET = frozenset({Fund.SPECIAL_ACCOUNT, Fund.CARRY_SPECIAL_ACCOUNT})
FISCAL_BUDGET = GENERAL_BUDGET | GOV_FUND_BUDGET | STATE_CAPITAL_BUDGET
CARRY_OVER = frozenset(
    {
        Fund.CARRY_GENERAL,
        Fund.CARRY_GOV_FUND,
        Fund.CARRY_STATE_CAPITAL,
        Fund.CARRY_SPECIAL_ACCOUNT,
        Fund.CARRY_UNIT,
    }
)

# 部门预算经济分类 of 基本支出: the three groups and their items (the leaf columns of 预算09,
# 11 and 13表, in printed order).
SALARY = "工资福利支出"
FAMILY = "对个人和家庭的补助"
GOODS = "商品和服务支出"
WAGE_ITEMS = ("基本工资", "津贴补贴", "奖金", "绩效工资")
SOCIAL_ITEMS = (
    "机关事业单位基本养老保险缴费",
    "职业年金缴费",
    "职工基本医疗保险缴费",
    "公务员医疗补助缴费",
    "其他社会保障缴费",
)
SALARY_ITEMS = (*WAGE_ITEMS, *SOCIAL_ITEMS, "住房公积金", "伙食补助费", "医疗费")
FAMILY_ITEMS = (
    "离休费",
    "退休费",
    "退职（役）费",
    "抚恤金",
    "生活补助",
    "救济费",
    "医疗费补助",
    "助学金",
    "奖励金",
    "个人农业生产补贴",
    "其他对个人和家庭的补助",
)
GOODS_ITEMS = (
    "办公费",
    "印刷费",
    "水费",
    "电费",
    "邮电费",
    "取暖费",
    "物业管理费",
    "差旅费",
    "维修(护)费",
    "租赁费",
    "会议费",
    "培训费",
    "公务接待费",
    "劳务费",
    "工会经费",
    "福利费",
    "公务用车运行维护费",
    "其他交通费",
    "税金及附加费用",
    "其他商品和服务支出",
)
HOSPITALITY = "公务接待费"
VEHICLE_RUNNING = "公务用车运行维护费"
# 项目支出 groups (the leaf columns of 预算05表's 项目支出, in printed order).
PROJECT_GOODS = "按项目管理的商品和服务支出"
PROJECT_FAMILY = "按项目管理的对个人和家庭的补助"
PROJECT_GROUPS = (
    PROJECT_GOODS,
    PROJECT_FAMILY,
    "债务利息及费用支出",
    "资本性支出（基本建设）",
    "资本性支出",
    "对企业补助（基本建设）",
    "对企业补助",
    "对社会保障基金补助",
    "其他支出",
)

# 三公 spending that is not a 公用经费 item: tagged on project allocations.
ABROAD = "abroad"  # 因公出国（境）费
VEHICLE_PURCHASE = "vehicle_purchase"  # 公务用车购置费

# The 11 performance-indicator columns of 预算21–23表, in printed order.
INDICATORS = (
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
    "数量指标",
    "质量指标",
    "时效指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "满意度指标",
)

ADMIN = "admin"  # 行政单位 (the 本级)
INSTITUTION = "institution"  # 事业单位
SCHOOL = "school"  # 事业单位 that is a school (教育收费 in the 财政专户)
ENTITY_KINDS = (ADMIN, INSTITUTION, SCHOOL)


# ---------------------------------------------------------------------------------------------
# The catalog (subjects.yaml)


@dataclass(frozen=True)
class Institution:
    name: str
    subject: str  # the 项 its 基本支出 runs on


@dataclass(frozen=True)
class Sector:
    """A kind of department: its departments, subjects, subordinate units and phrases."""

    key: str
    departments: tuple[tuple[str, str], ...]  # (unit code, name)
    running: str  # 行政运行 of the 本级
    programs: tuple[str, ...]  # the first is its 一般行政管理事务
    government_funds: tuple[str, ...]
    institutions: tuple[Institution, ...]
    schools: tuple[Institution, ...]
    projects: tuple[str, ...]
    special_funds: tuple[tuple[str, str], ...]  # (name, 支出方向)
    goals: tuple[str, ...]
    duties: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    names: Mapping[str, str]  # 功能分类 code (3/5/7 digits) → name
    function_lines: tuple[str, ...]  # 类 printed as 预算01/06表 function lines
    roles: Mapping[str, str]
    state_capital: tuple[str, ...]
    sectors: tuple[Sector, ...]

    def name(self, code: str) -> str:
        return self.names[code]

    def sector(self, key: str) -> Sector:
        for sector in self.sectors:
            if sector.key == key:
                return sector
        raise KeyError(f"no sector {key!r}")

    def department(self, name: str) -> tuple[Sector, str, str]:
        for sector in self.sectors:
            for code, department in sector.departments:
                if department == name:
                    return sector, code, department
        raise KeyError(f"no department {name!r} in the catalog")

    @property
    def departments(self) -> list[str]:
        return [name for s in self.sectors for _, name in s.departments]


@cache
def load_catalog() -> Catalog:
    text = resources.files("samplegen").joinpath("subjects.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    names = {str(code): str(name) for code, name in data["subjects"].items()}
    sectors = tuple(
        Sector(
            key=s["key"],
            departments=tuple((str(d["code"]), d["name"]) for d in s["departments"]),
            running=str(s["running"]),
            programs=tuple(str(c) for c in s["programs"]),
            government_funds=tuple(str(c) for c in s["government_funds"]),
            institutions=tuple(
                Institution(i["name"], str(i["subject"])) for i in s["institutions"]
            ),
            schools=tuple(Institution(i["name"], str(i["subject"])) for i in s["schools"]),
            projects=tuple(s["projects"]),
            special_funds=tuple((f["name"], f["direction"]) for f in s["special_funds"]),
            goals=tuple(s["goals"]),
            duties=tuple(s["duties"]),
        )
        for s in data["sectors"]
    )
    catalog = Catalog(
        names=names,
        function_lines=tuple(str(c) for c in data["function_lines"]),
        roles={k: str(v) for k, v in data["roles"].items()},
        state_capital=tuple(str(c) for c in data["state_capital"]),
        sectors=sectors,
    )
    _check_catalog(catalog)
    return catalog


def _check_catalog(catalog: Catalog) -> None:
    # Every 项 the generator can pick must have its 款 and 类 named, or tables lose rows.
    used = [*catalog.roles.values(), *catalog.state_capital]
    for sector in catalog.sectors:
        used += [sector.running, *sector.programs, *sector.government_funds]
        used += [i.subject for i in (*sector.institutions, *sector.schools)]
    for code in used:
        if len(code) != 7:
            raise ValueError(f"subjects.yaml: {code} is not a 7-digit 项")
        for prefix in (code[:3], code[:5], code):
            if prefix not in catalog.names:
                raise ValueError(f"subjects.yaml: {prefix} (of {code}) has no name")


# ---------------------------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class Entity:
    code: str  # unit code + 3 digits
    name: str
    kind: str  # admin | institution | school
    subject: str  # the 项 its 基本支出 mainly runs on

    @property
    def is_admin(self) -> bool:
        return self.kind == ADMIN


@dataclass(frozen=True)
class Targets:
    """Performance targets of a project (预算21/22表) or of an entity (预算23表)."""

    period: str  # 实施期绩效目标 / 部门职能职责描述
    annual: str  # 年度绩效目标 / 整体绩效目标
    indicators: tuple[str, ...]  # one text per INDICATORS column


@dataclass(frozen=True)
class SpecialFund:
    """The 省级专项资金 a project is the provincial part of (预算20/21表)."""

    direction: str  # 支出方向
    transfer: int  # cents of 万元 passed to cities and counties (对市县专项转移支付, 财政代编)
    fund: Fund  # GENERAL, a NONTAX fund, or GOV_FUND
    rules: str  # 资金管理办法
    method: str  # 分配办法


@dataclass(frozen=True)
class Project:
    key: str  # unique within the budget
    entity_code: str
    name: str
    targets: Targets
    special: SpecialFund | None = None


@dataclass(frozen=True)
class Allocation:
    entity_code: str
    subject: str  # 7-digit 功能分类 项
    fund: Fund
    group: str  # SALARY / FAMILY / GOODS for 基本支出, a PROJECT_GROUPS entry for projects
    item: str  # the 部门预算经济分类 item (for projects: the group)
    cents: int  # > 0; 万元 × 100
    project: str | None = None  # Project.key; None = 基本支出
    sangong: str | None = None  # ABROAD / VEHICLE_PURCHASE

    @property
    def is_basic(self) -> bool:
        return self.project is None


@dataclass(frozen=True)
class Budget:
    year: int
    unit_code: str
    unit_name: str
    phone: str
    sector: str
    entities: tuple[Entity, ...]
    allocations: tuple[Allocation, ...]
    projects: tuple[Project, ...]
    overviews: Mapping[str, Targets] = field(default_factory=dict)  # entity code → 预算23表 texts

    def entity(self, code: str) -> Entity:
        for entity in self.entities:
            if entity.code == code:
                return entity
        raise KeyError(code)

    def project(self, key: str) -> Project:
        for project in self.projects:
            if project.key == key:
                return project
        raise KeyError(key)


@dataclass(frozen=True)
class Features:
    """Which kinds of money a budget has; absent kinds leave their tables empty."""

    government_funds: bool = False  # 政府性基金 projects → 预算15–17表
    state_capital: bool = False  # a 国有资本经营预算 project → 预算18表
    special_account: bool = False  # schools' 教育收费 → 预算19表
    special_funds: bool = False  # 省级专项资金 → 预算20–21表
    transfers: bool = False  # 上级财政补助收入
    carry_over: bool = False  # 上年结转结余
    nontax: bool = False  # 纳入一般公共预算管理的非税收入
    unit_income: bool = False  # 事业收入, 上级补助收入, 附属单位上缴收入, 其他收入
    abroad: bool = False  # 因公出国（境）费
    vehicle_purchase: bool = False  # 公务用车购置费


def draw_features(rng: random.Random, sector: Sector, kinds: Sequence[str]) -> Features:
    return Features(
        government_funds=bool(sector.government_funds) and rng.random() < 0.4,
        state_capital=rng.random() < 0.15,
        special_account=SCHOOL in kinds and rng.random() < 0.8,
        special_funds=rng.random() < 0.5,
        transfers=rng.random() < 0.35,
        carry_over=rng.random() < 0.7,
        nontax=rng.random() < 0.35,
        unit_income=any(k != ADMIN for k in kinds) and rng.random() < 0.7,
        abroad=rng.random() < 0.35,
        vehicle_purchase=rng.random() < 0.2,
    )


# ---------------------------------------------------------------------------------------------
# Drawing a budget


def random_budget(
    rng: random.Random,
    *,
    year: int = 2024,
    department: str | None = None,
    entity_kinds: Sequence[str] | None = None,
    features: Features | None = None,
    long_tables: bool = False,
) -> Budget:
    """A random, balanced budget.

    `department`: a department name from subjects.yaml (random when None); `entity_kinds`: the
    kind of each entity, the first being the 本级 (ADMIN); `long_tables`: many 项 per entity, so
    the subject tables run to 60–150 rows (the caller checks and redraws when they do not).
    """
    catalog = load_catalog()
    if department is None:
        department = rng.choice(catalog.departments)
    sector, unit_code, unit_name = catalog.department(department)
    if entity_kinds is None:
        entity_kinds = _draw_entity_kinds(rng, sector, long_tables)
    if not entity_kinds or entity_kinds[0] != ADMIN:
        raise ValueError("the first entity is the 本级, an ADMIN entity")
    entities = _draw_entities(rng, sector, unit_code, unit_name, entity_kinds)
    if features is None:
        features = draw_features(rng, sector, entity_kinds)
    draw = _Drawing(rng, catalog, sector, features, long_tables, year)
    for entity in entities:
        draw.basic(entity)
    for entity in entities:
        draw.projects(entity)
    draw.extras(entities)
    overviews = {e.code: draw.overview(e) for e in entities}
    return Budget(
        year=year,
        unit_code=unit_code,
        unit_name=unit_name,
        phone=f"0731-8{rng.randint(0, 9_999_999):07d}",
        sector=sector.key,
        entities=tuple(entities),
        allocations=tuple(draw.allocations),
        projects=tuple(draw.project_list),
        overviews=overviews,
    )


def _draw_entity_kinds(rng: random.Random, sector: Sector, long_tables: bool) -> list[str]:
    count = rng.randint(3, 5) if long_tables else rng.choice((1, 1, 2, 2, 3, 3, 4, 5))
    kinds = [ADMIN]
    schools, institutions = len(sector.schools), len(sector.institutions)
    while len(kinds) < count and (schools or institutions):
        if schools and (not institutions or rng.random() < 0.35):
            kinds.append(SCHOOL)
            schools -= 1
        else:
            kinds.append(INSTITUTION)
            institutions -= 1
    return kinds


def _draw_entities(
    rng: random.Random, sector: Sector, unit_code: str, unit_name: str, kinds: Sequence[str]
) -> list[Entity]:
    schools = rng.sample(sector.schools, kinds.count(SCHOOL))
    institutions = rng.sample(sector.institutions, kinds.count(INSTITUTION))
    entities = []
    for number, kind in enumerate(kinds, start=1):
        code = f"{unit_code}{number:03d}"
        if kind == ADMIN:
            if number != 1:
                raise ValueError("only the first entity is the 本级")
            entities.append(Entity(code, f"{unit_name}本级", ADMIN, sector.running))
        else:
            unit = schools.pop() if kind == SCHOOL else institutions.pop()
            entities.append(Entity(code, unit.name, kind, unit.subject))
    return entities


def _round_some(rng: random.Random, cents: int) -> int:
    # Real budgets are often set in whole 万元 (130.00); keep a share of round numbers.
    if cents >= 200 and rng.random() < 0.35:
        return cents // 100 * 100
    return cents


def _split(rng: random.Random, cents: int) -> tuple[int, int]:
    first = cents * rng.randint(30, 85) // 100
    return first, cents - first


class _Drawing:
    """Draws one budget's allocations and projects, in a fixed order (determinism)."""

    def __init__(
        self,
        rng: random.Random,
        catalog: Catalog,
        sector: Sector,
        features: Features,
        long_tables: bool,
        year: int,
    ) -> None:
        self.rng = rng
        self.catalog = catalog
        self.sector = sector
        self.features = features
        self.long_tables = long_tables
        self.year = year
        self.allocations: list[Allocation] = []
        self.project_list: list[Project] = []
        self.nontax_fund = rng.choice(sorted(NONTAX))
        self.pool = self._subject_pool()

    def _subject_pool(self) -> list[str]:
        # Long tables need many 项: a big department spends across other sectors' subjects too.
        own = list(self.sector.programs)
        if not self.long_tables:
            return own
        others = sorted(
            {p for s in self.catalog.sectors if s is not self.sector for p in s.programs} - set(own)
        )
        return own + self.rng.sample(others, self.rng.randint(10, min(40, len(others))))

    # -- 基本支出 ------------------------------------------------------------------------------

    def _add(self, entity: Entity, subject: str, group: str, item: str, cents: int, **kw) -> None:
        if cents > 0:
            self.allocations.append(
                Allocation(
                    entity.code, subject, kw.pop("fund", Fund.GENERAL), group, item, cents, **kw
                )
            )

    def _add_basic(self, entity: Entity, subject: str, group: str, item: str, cents: int) -> None:
        """A 基本支出 item, paid by the general budget and, at times, by the unit's own income."""
        rng, f = self.rng, self.features
        other: Fund | None = None
        if entity.kind == SCHOOL and f.special_account and rng.random() < 0.45:
            other = Fund.SPECIAL_ACCOUNT
        elif entity.kind != ADMIN and f.unit_income and rng.random() < 0.3:
            other = rng.choice((Fund.BUSINESS, Fund.BUSINESS, Fund.SUPERIOR, Fund.OTHER))
        elif group == GOODS and f.nontax and rng.random() < 0.2:
            other = self.nontax_fund
        if other is None or cents < 10:
            self._add(entity, subject, group, item, cents)
            return
        general, rest = _split(rng, cents)
        self._add(entity, subject, group, item, general)
        self._add(entity, subject, group, item, rest, fund=other)

    def _running_subjects(self, entity: Entity) -> list[str]:
        if not self.long_tables:
            if entity.kind == INSTITUTION and self.rng.random() < 0.3:
                extra = [p for p in self.sector.programs[1:] if p != entity.subject]
                return [entity.subject, self.rng.choice(extra)]
            return [entity.subject]
        count = self.rng.randint(12, 22)
        extra = [p for p in self.pool if p != entity.subject]
        return [entity.subject, *self.rng.sample(extra, min(count - 1, len(extra)))]

    def basic(self, entity: Entity) -> None:
        rng, roles = self.rng, self.catalog.roles
        staff = {ADMIN: (40, 220), INSTITUTION: (15, 120), SCHOOL: (120, 500)}[entity.kind]
        subjects = self._running_subjects(entity)
        heads = [rng.randint(*staff)] + [rng.randint(3, 25) for _ in subjects[1:]]
        wage_base = 0
        for subject, n in zip(subjects, heads, strict=True):
            wages = {
                "基本工资": n * rng.randint(180, 260),
                "津贴补贴": n
                * (rng.randint(250, 400) if entity.is_admin else rng.randint(60, 150)),
                "奖金": n * rng.randint(20, 60) if rng.random() < 0.7 else 0,
                "绩效工资": n
                * (rng.randint(80, 160) if entity.is_admin else rng.randint(200, 400)),
            }
            for item, cents in wages.items():
                self._add_basic(entity, subject, SALARY, item, cents)
                wage_base += cents
            if rng.random() < 0.4:
                self._add_basic(entity, subject, SALARY, "伙食补助费", n * rng.randint(5, 20))
            if rng.random() < 0.2:
                self._add_basic(entity, subject, SALARY, "医疗费", n * rng.randint(2, 10))
            family = {
                "其他对个人和家庭的补助": 0.5,
                "生活补助": 0.2,
                "奖励金": 0.2,
                "医疗费补助": 0.1,
            }
            for item, chance in family.items():
                if rng.random() < chance:
                    self._add_basic(entity, subject, FAMILY, item, n * rng.randint(1, 8))
            if entity.kind == SCHOOL and subject == entity.subject and rng.random() < 0.9:
                self._add_basic(entity, subject, FAMILY, "助学金", n * rng.randint(20, 80))
            plain = [g for g in GOODS_ITEMS if g not in (HOSPITALITY, VEHICLE_RUNNING)]
            for item in rng.sample(plain, rng.randint(4, 14)):
                self._add_basic(
                    entity, subject, GOODS, item, _round_some(rng, n * rng.randint(2, 40))
                )
            if subject == entity.subject:
                if rng.random() < 0.75:
                    cost = _round_some(rng, n * rng.randint(3, 20))
                    self._add_basic(entity, subject, GOODS, HOSPITALITY, cost)
                if rng.random() < 0.6:
                    cost = _round_some(rng, rng.randint(500, 6000))
                    self._add_basic(entity, subject, GOODS, VEHICLE_RUNNING, cost)

        # Social contributions follow the wage bill, on their own 项 (as in the seed).
        admin = entity.is_admin
        percent = {
            (roles["pension"], "机关事业单位基本养老保险缴费"): rng.randint(1500, 1600),
            (roles["annuity"], "职业年金缴费"): rng.randint(780, 820) if rng.random() < 0.85 else 0,
            (
                roles["medical_admin" if admin else "medical_institution"],
                "职工基本医疗保险缴费",
            ): rng.randint(700, 900),
            (roles["civil_servant_medical"], "公务员医疗补助缴费"): rng.randint(400, 600)
            if admin
            else 0,
            (roles["other_medical"], "其他社会保障缴费"): rng.randint(50, 150)
            if rng.random() < 0.5
            else 0,
            (roles["housing_fund"], "住房公积金"): 1200,
        }
        for (subject, item), basis_points in percent.items():
            self._add(
                entity, subject, SALARY, item, _round_some(rng, wage_base * basis_points // 10000)
            )
        if rng.random() < 0.6:
            retirees = roles["retirees_admin" if admin else "retirees_institution"]
            people = rng.randint(5, 80)
            self._add(entity, retirees, FAMILY, "退休费", people * rng.randint(300, 600))
            if rng.random() < 0.25:
                self._add(
                    entity, retirees, FAMILY, "离休费", rng.randint(2, 6) * rng.randint(800, 1200)
                )
            if rng.random() < 0.3:
                self._add(
                    entity, retirees, GOODS, "其他商品和服务支出", people * rng.randint(5, 20)
                )
        if rng.random() < 0.2:
            self._add(entity, roles["survivors"], FAMILY, "抚恤金", rng.randint(500, 3000))
        if rng.random() < 0.2:
            cost = rng.randint(300, 3000)
            self._add(entity, roles["purchase_subsidy"], FAMILY, "其他对个人和家庭的补助", cost)

    # -- projects ---------------------------------------------------------------------------------

    def _project_amount(self) -> int:
        low, high = self.rng.choice(((500, 5000), (2000, 20000), (5000, 60000), (20000, 200000)))
        return _round_some(self.rng, self.rng.randint(low, high))

    def _new_project(
        self, entity: Entity, name: str, special: SpecialFund | None = None
    ) -> Project:
        taken = {p.name for p in self.project_list if p.entity_code == entity.code}
        base, number = name, 2
        while name in taken:
            name = f"{base}（{number}）"
            number += 1
        project = Project(
            key=f"{entity.code}-{len(self.project_list) + 1:03d}",
            entity_code=entity.code,
            name=name,
            targets=project_targets(self.rng, self.sector, name, self.year),
            special=special,
        )
        self.project_list.append(project)
        return project

    def _spend(
        self,
        entity: Entity,
        project: Project,
        subject: str,
        fund: Fund,
        cents: int,
        groups: Sequence[str] = (PROJECT_GOODS,),
        sangong: str | None = None,
        carry: bool = True,
    ) -> None:
        """A project's spending split over economic groups, part of it from carry-over."""
        rng = self.rng
        if carry and self.features.carry_over and rng.random() < 0.35:
            carried = cents * rng.randint(10, 60) // 100
            self._add(
                entity,
                subject,
                groups[0],
                groups[0],
                carried,
                fund=_carry_of(fund),
                project=project.key,
            )
            if rng.random() < 0.1:
                cents = 0  # the whole project is last year's money: it is not in 预算22表
            else:
                cents -= carried
        shares = [cents]
        for _ in groups[1:]:
            first, rest = _split(rng, shares[-1])
            shares[-1:] = [first, rest]
        for group, share in zip(groups, shares, strict=True):
            self._add(
                entity,
                subject,
                group,
                group,
                share,
                fund=fund,
                project=project.key,
                sangong=sangong,
            )

    def _project_groups(self) -> list[str]:
        rng = self.rng
        groups = [PROJECT_GOODS if rng.random() < 0.85 else rng.choice(PROJECT_GROUPS[1:])]
        extra = {
            PROJECT_FAMILY: 0.15,
            "资本性支出": 0.25,
            "资本性支出（基本建设）": 0.08,
            "对企业补助": 0.05,
            "其他支出": 0.05,
        }
        groups += [g for g, chance in extra.items() if g not in groups and rng.random() < chance]
        return groups

    def projects(self, entity: Entity) -> None:
        rng, f = self.rng, self.features
        count = rng.randint(4, 9) if self.long_tables else rng.randint(1, 4)
        names = list(self.sector.projects) + list(COMMON_PROJECTS)
        for name in rng.sample(names, min(count, len(names))):
            project = self._new_project(entity, name)
            if name == TRAINING_PROJECT:
                subject = self.catalog.roles["training"]
            elif entity.is_admin or rng.random() < 0.4:
                subject = rng.choice(self.pool)
            else:
                subject = entity.subject
            fund = Fund.GENERAL
            chance = rng.random()
            if entity.kind == SCHOOL and f.special_account and chance < 0.4:
                fund, subject = Fund.SPECIAL_ACCOUNT, entity.subject
            elif entity.kind != ADMIN and f.unit_income and chance < 0.3:
                fund = rng.choice((Fund.BUSINESS, Fund.BUSINESS, Fund.AFFILIATE, Fund.OTHER))
            elif f.transfers and chance < 0.15:
                fund = Fund.SUBSIDY_GENERAL
            elif f.nontax and chance < 0.3:
                fund = self.nontax_fund
            self._spend(
                entity, project, subject, fund, self._project_amount(), self._project_groups()
            )

    def extras(self, entities: Sequence[Entity]) -> None:
        """Government funds, state capital, 省级专项资金 and 三公 projects."""
        rng, f, admin = self.rng, self.features, entities[0]
        if f.government_funds:
            for _ in range(rng.randint(1, 3)):
                entity = rng.choice(entities)
                project = self._new_project(entity, rng.choice(GOV_FUND_PROJECTS))
                fund = (
                    Fund.SUBSIDY_GOV_FUND if f.transfers and rng.random() < 0.25 else Fund.GOV_FUND
                )
                subject = rng.choice(self.sector.government_funds)
                self._spend(
                    entity, project, subject, fund, self._project_amount(), self._project_groups()
                )
        if f.state_capital:
            project = self._new_project(admin, rng.choice(STATE_CAPITAL_PROJECTS))
            fund = (
                Fund.SUBSIDY_STATE_CAPITAL
                if f.transfers and rng.random() < 0.3
                else Fund.STATE_CAPITAL
            )
            groups = [PROJECT_GOODS] if rng.random() < 0.6 else ["对企业补助"]
            subject = rng.choice(self.catalog.state_capital)
            self._spend(admin, project, subject, fund, self._project_amount(), groups)
        if f.special_funds:
            count = rng.randint(1, len(self.sector.special_funds))
            for name, direction in rng.sample(self.sector.special_funds, count):
                entity = admin if rng.random() < 0.75 else rng.choice(entities)
                fund, subject = Fund.GENERAL, rng.choice(self.pool)
                if f.government_funds and rng.random() < 0.25:
                    fund, subject = Fund.GOV_FUND, rng.choice(self.sector.government_funds)
                elif f.nontax and rng.random() < 0.25:
                    fund = self.nontax_fund
                transfer = rng.randint(10000, 500000) if rng.random() < 0.7 else 0
                special = SpecialFund(
                    direction=direction,
                    transfer=_round_some(rng, transfer),
                    fund=fund,
                    rules=f"《湖南省{name}管理办法》",
                    method=rng.choice(("因素法", "项目法", "因素法与项目法相结合", "竞争性评审")),
                )
                project = self._new_project(entity, name, special)
                # Only this year's money is a 专项's provincial part: no carry-over.
                self._spend(entity, project, subject, fund, self._project_amount(), carry=False)
        if f.abroad:
            project = self._new_project(admin, "因公出国（境）经费")
            cents = _round_some(rng, rng.randint(300, 3000))
            subject = self.sector.programs[0]
            self._spend(admin, project, subject, Fund.GENERAL, cents, sangong=ABROAD, carry=False)
        if f.vehicle_purchase:
            entity = admin if rng.random() < 0.7 else rng.choice(entities)
            project = self._new_project(entity, "公务用车购置经费")
            cents = _round_some(rng, rng.randint(1500, 6000))
            subject = self.sector.programs[0] if entity.is_admin else entity.subject
            self._spend(
                entity,
                project,
                subject,
                Fund.GENERAL,
                cents,
                ("资本性支出",),
                sangong=VEHICLE_PURCHASE,
                carry=False,
            )

    def overview(self, entity: Entity) -> Targets:
        return entity_targets(self.rng, self.sector, entity, self.year)


def _carry_of(fund: Fund) -> Fund:
    if fund in GENERAL_BUDGET:
        return Fund.CARRY_GENERAL
    if fund in GOV_FUND_BUDGET:
        return Fund.CARRY_GOV_FUND
    if fund in STATE_CAPITAL_BUDGET:
        return Fund.CARRY_STATE_CAPITAL
    if fund in SPECIAL_ACCOUNT_BUDGET:
        return Fund.CARRY_SPECIAL_ACCOUNT
    return Fund.CARRY_UNIT


TRAINING_PROJECT = "业务培训经费"
COMMON_PROJECTS = (
    "运行维护经费",
    "其他事业发展资金",
    "信息化建设与运维经费",
    TRAINING_PROJECT,
    "机关后勤服务保障经费",
    "党建工作经费",
    "法律顾问及审计服务经费",
)
GOV_FUND_PROJECTS = ("政府性基金项目资金", "基础设施建设项目资金", "公益事业发展项目资金")
STATE_CAPITAL_PROJECTS = ("国有企业改革成本补助资金", "厂办大集体改革补助资金")


# ---------------------------------------------------------------------------------------------
# Performance targets (预算21–23表): plain sentences, never money-looking numbers.


def project_targets(rng: random.Random, sector: Sector, name: str, year: int) -> Targets:
    goal, second = rng.sample(sector.goals, 2)
    period = f"通过实施{name}，{goal}，{second}，项目资金使用规范、绩效目标全面完成。"
    annual = f"{year}年{goal}，确保{name}各项任务按期保质完成。"
    return Targets(period, annual, _indicators(rng, sector, year))


def entity_targets(rng: random.Random, sector: Sector, entity: Entity, year: int) -> Targets:
    duties = rng.sample(sector.duties, min(len(sector.duties), rng.randint(2, 4)))
    if entity.is_admin:
        period = f"{entity.name}主要职责：" + "；".join(duties) + "。"
    else:
        period = f"{entity.name}主要承担{rng.choice(sector.duties)}的技术支撑和服务保障工作。"
    goals = rng.sample(sector.goals, min(len(sector.goals), rng.randint(2, 3)))
    annual = f"{year}年整体绩效目标：" + "，".join(goals) + "，全面完成年度重点工作任务。"
    return Targets(period, annual, _indicators(rng, sector, year))


def _indicators(rng: random.Random, sector: Sector, year: int) -> tuple[str, ...]:
    goal = rng.choice(sector.goals)
    texts = {
        "经济成本指标": rng.choice(
            ("支出控制在年度预算范围内", "单位成本不高于上年水平", "严格执行支出标准")
        ),
        "社会成本指标": rng.choice(("未造成不良社会影响", "无", "群众投诉率低于上年")),
        "生态环境成本指标": rng.choice(("无", "不产生环境污染", "未对生态环境造成破坏")),
        "数量指标": rng.choice(
            (
                f"完成重点任务{rng.randint(3, 30)}项",
                f"覆盖县市区{rng.randint(14, 122)}个",
                f"开展监督检查{rng.randint(5, 60)}次",
                f"培训人员{rng.randint(100, 5000)}人次",
            )
        ),
        "质量指标": f"任务完成合格率≥{rng.randint(90, 100)}%",
        "时效指标": f"{year}年{rng.randint(6, 12)}月底前完成",
        "经济效益指标": rng.choice(
            ("有效降低行政运行成本", "带动相关产业发展", "资金使用效益明显提升")
        ),
        "社会效益指标": f"{goal}成效明显",
        "生态效益指标": rng.choice(("生态环境持续改善", "无", "资源节约集约利用水平提高")),
        "可持续影响指标": rng.choice(("长效机制逐步健全", "工作持续稳定开展", "服务能力持续提升")),
        "满意度指标": f"服务对象满意度≥{rng.randint(85, 98)}%",
    }
    return tuple(texts[name] for name in INDICATORS)
