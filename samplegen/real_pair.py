"""A real 决算's 预算, of our making: the same body's budget of the same year, as the 决算 prints
it (issue 21's "real pair").

A central 部门决算 prints, in its 一般公共预算财政拨款支出决算表, what each 功能分类 subject
spent (本年支出 小计 | 基本支出 | 项目支出), and, in its 情况说明
(五、一般公共预算财政拨款支出决算情况说明, （三）具体情况), each 项's 年初预算 beside its 决算,
one sentence per 项 in the table's order:

    1.一般公共服务（类）信访事务（款）行政运行（项）。年初预算为5717.32万元，支出决算为
    5757.63万元，完成年初预算的100.71%。

`budget_of_final(final)` reads both from the extracted 决算 (its table) and its PDF (the
sentences), checks that each sentence's 支出决算 is what the table prints for the 项 it is paired
with (and the 年初预算 add up to the total the explanation prints), and returns the national
部门预算 that budgets exactly those 年初预算 amounts: the body's name and year, every 项 of
一般公共预算 (财政拨款), nothing else. Rendered by samplegen.national_tables as any national
budget, in 万元, printing 收支总表, 收入总表, 支出总表, 财政拨款收支总表 and 一般公共预算支出表.

What the 决算 does not say is of our making: a 项's 年初预算 is split into 基本支出 and 项目支出 as
its 决算 spent (a 项 spent both ways, in that proportion), and the budget prints no 单位代码 (a
central 部门预算 prints none; the 决算 does not either).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pdfplumber

from disclosure.model import Disclosure, ExtractedTable, RowKind
from samplegen.budget import (
    ADMIN,
    GOODS,
    SALARY,
    Allocation,
    Budget,
    Entity,
    Fund,
    Project,
    Targets,
)
from samplegen.national import Money, NationalBudget, NationalStyle
from samplegen.national_tables import build_tables
from samplegen.spec import DisclosureSpec, FrontMatter, Layout, Publisher

FEN_PER_WAN = 1_000_000
CENT = Decimal("0.01")
# The tables the budget prints: the totals, and the one the 决算's 年初预算 are of.
TABLES = ("收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算支出表")
# The table variants drawn for this seed print 基本支出 whole (no 人员经费 | 公用经费 columns,
# which the 决算 gives no per-项 figures for).
STYLE_SEED = "real-pair-3"

_SENTENCE = re.compile(
    r"\d+\.(?P<subject>[^。]*?)（项）。年初预算为(?P<initial>[\d,.]+)万元，"
    r"支出决算为(?P<final>[\d,.]+)万元"
)
_TOTAL = re.compile(
    r"财政拨款支出年初预算为(?P<initial>[\d,.]+)万元，支出决算为(?P<final>[\d,.]+)万元"
)


@dataclass(frozen=True)
class Spent:
    """What the 决算's 一般公共预算 table prints for one 项, in 万元."""

    code: str
    name: str
    total: Decimal
    basic: Decimal
    project: Decimal


@dataclass(frozen=True)
class InitialBudget:
    """One 项's 年初预算 as the 决算's explanation prints it, beside what the table prints."""

    spent: Spent
    initial: Decimal  # 万元
    sentence: str


def general_budget_spending(final: Disclosure) -> list[Spent]:
    """The 项 rows of the 决算's 一般公共预算财政拨款支出决算表, in printed order."""
    (table,) = [
        t for t in final.tables if t.standard_table == "一般公共预算支出表" and t.kind == "决算"
    ]
    spent: dict[str, dict[str, Decimal]] = {}
    names: dict[str, str] = {}
    for cell in table.cells:
        code = cell.subject_code
        if cell.row_kind is not RowKind.SUBJECT or code is None or len(code) != 7:
            continue
        names.setdefault(code, cell.row_label or "")
        measure = _spending_measure(table, cell.column_no)
        if measure is not None:
            spent.setdefault(code, {})[measure] = cell.amount or Decimal(0)
    return [
        Spent(
            code,
            names[code],
            figures.get("total", Decimal(0)),
            figures.get("basic", Decimal(0)),
            figures.get("project", Decimal(0)),
        )
        for code, figures in spent.items()
    ]


def _spending_measure(table: ExtractedTable, column_no: int) -> str | None:
    """total | basic | project for a column of the year's spending (决算数, or 本年支出 as a
    决算 prints it: `expenditure/basic`), else None."""
    (column,) = [c for c in table.columns if c.column_no == column_no]
    parts = (column.measure or "").split("/")
    if parts[0] in ("expenditure", "final"):
        parts = parts[1:]
    measure = "/".join(parts) or "total"
    return (
        measure if column.measure is not None and measure in ("total", "basic", "project") else None
    )


def explanation_text(pdf: Path) -> str:
    """The document's text, whitespace and page numbers (a page's last line, all digits)
    removed, so a sentence runs on across a page break."""
    pages = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            lines = (page.extract_text() or "").splitlines()
            if lines and lines[-1].strip().isdigit():
                lines = lines[:-1]
            pages.append("".join(lines))
    return re.sub(r"\s+", "", "".join(pages))


def initial_budgets(final: Disclosure, text: str | None = None) -> list[InitialBudget]:
    """Each 项's 年初预算 as the 决算's explanation prints it, paired in order with the table's
    项 rows; raises unless every pair prints the same 决算数 and the 年初预算 sum to the total."""
    text = explanation_text(Path(final.path)) if text is None else text
    spent = general_budget_spending(final)
    sentences = list(_SENTENCE.finditer(text))
    if len(sentences) != len(spent):
        raise ValueError(f"{len(sentences)} 年初预算 sentences for {len(spent)} 项 in the table")
    out = []
    for row, sentence in zip(spent, sentences, strict=True):
        if _wan(sentence["final"]) != row.total:
            raise ValueError(f"{sentence[0]!r} is not {row.code} {row.name} ({row.total} 万元)")
        out.append(InitialBudget(row, _wan(sentence["initial"]), sentence[0]))
    total = _TOTAL.search(text)
    if total is None or _wan(total["initial"]) != sum(b.initial for b in out):
        raise ValueError("the 年初预算 do not add up to the total the explanation prints")
    return out


def budget_of_final(final: Disclosure, text: str | None = None) -> DisclosureSpec:
    """The national 部门预算 of the 决算's body and year that budgets what its 决算 says each 项's
    年初预算 was (see the module's docstring)."""
    if final.year is None or not final.unit_name:
        raise ValueError("the 决算 names no year or unit")
    name, year = final.unit_name, final.year
    entity = Entity(code="001", name=name, kind=ADMIN, subject="")
    allocations, projects = [], []
    for budget in initial_budgets(final, text):
        basic = _basic_part(budget)
        row = budget.spent
        if basic:
            allocations.append(
                Allocation(entity.code, row.code, Fund.GENERAL, SALARY, SALARY, _fen(basic))
            )
        if budget.initial - basic:
            key = row.code
            projects.append(Project(key, entity.code, row.name, Targets("", "", ())))
            allocations.append(
                Allocation(
                    entity.code,
                    row.code,
                    Fund.GENERAL,
                    GOODS,
                    GOODS,
                    _fen(budget.initial - basic),
                    project=key,
                )
            )
    plan = Budget(
        year=year,
        unit_code="",
        unit_name=name,
        phone="",
        sector="",
        entities=(entity,),
        allocations=tuple(allocations),
        projects=tuple(projects),
    )
    publisher = Publisher(
        name=name,
        printed_code=None,
        province="",
        city=None,
        county=None,
        level=final.region.level or "中央",
        region_code=final.region.region_code or "",
    )
    nb = NationalBudget(plan, publisher, {entity.code: None}, ())
    money = Money("万元", 2)
    style = NationalStyle(
        numbering="above_gongkai_nn",
        qualifier="部门",
        year_lead=f"{year}年",
        money=money,
        sangong_money=money,
        unit_prefix="单位：",
        info_prefix="部门：",
        code_at=None,
        title_in_grid=0.0,
        wrap_titles=False,
        scope="部门",
    )
    tables = build_tables(nb, style, STYLE_SEED, TABLES)
    if any(c.measure in ("personnel", "public") for t in tables for c in t.columns or ()):
        raise AssertionError(f"STYLE_SEED {STYLE_SEED!r} prints 人员经费/公用经费 columns")
    return DisclosureSpec(
        year=year,
        unit_code="",
        unit_name=name,
        phone="",
        tables=tables,
        layout=Layout(table_of_contents=False),
        template="national",
        kind="预算",
        scope="部门",
        front=FrontMatter(cover=(name, f"{year}年部门预算")),
        publisher=publisher,
    )


def _basic_part(budget: InitialBudget) -> Decimal:
    """The 基本支出 part of a 项's 年初预算: in the proportion its 决算 spent as 基本支出."""
    spent = budget.spent
    if not spent.total:
        return budget.initial
    return (budget.initial * spent.basic / spent.total).quantize(CENT, ROUND_HALF_UP)


def _wan(text: str) -> Decimal:
    return Decimal(text.replace(",", "")).quantize(CENT)


def _fen(wan: Decimal) -> int:
    return int(wan * FEN_PER_WAN)
