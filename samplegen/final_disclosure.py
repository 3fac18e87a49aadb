"""Hunan-style 部门决算 disclosures, and 预算/决算 pairs of one unit and year (issue 21).

`final_disclosure(seed)` is a consistent random 决算 of a Hunan provincial department (the nine
national tables of samplegen.final_tables, 万元). `execution_pair(seed)` is that department's
预算 (the 23 Hunan tables, samplegen.random_disclosure) and 决算 of the same year, with the same
unit code and name: both print one `Budget`, the 决算 as executed (samplegen.final_accounts).
Its `designated_subject` (the 本级's 行政运行-like 项) is spent at exactly 95.00% of its budget,
so a test can check an execution rate by hand; `budgeted`, `spent` and `rate` give every other
subject's figures as the two documents print them.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from samplegen.budget import GENERAL_BUDGET, Budget, random_budget
from samplegen.final_accounts import DESIGNED_RATE, Execution, FinalAccounts, execute
from samplegen.final_tables import FINAL_TABLE_CODES, draw_style, final_table
from samplegen.random_disclosure import disclosure_from_budget
from samplegen.spec import DisclosureSpec, FrontMatter, Layout
from samplegen.tables import amount

SCOPES = ("all", "general")  # all money (支出总表 / 支出决算表), or the general budget alone


@dataclass(frozen=True)
class ExecutionPair:
    """A unit's 预算 and 决算 of one year, and the figures they print per 功能分类 subject.

    scope `all`: 预算03表 合计 against 支出决算表 本年支出合计; scope `general`: 预算07表 合计
    (also the 决算's 年初预算数 in 一般公共预算财政拨款支出决算表) against that table's 决算数.
    Amounts in 万元 as printed; subjects of any level (类 3, 款 5, 项 7 digits).
    """

    budget: DisclosureSpec
    final: DisclosureSpec
    accounts: FinalAccounts
    designated_subject: str
    designated_rate: Decimal

    def budgeted(self, subject: str, scope: str = "all") -> Decimal:
        return _money(self.accounts.total(lambda e: e.initial, _where(subject, scope)))

    def spent(self, subject: str, scope: str = "all") -> Decimal:
        return _money(self.accounts.total(lambda e: e.spent, _where(subject, scope)))

    def rate(self, subject: str, scope: str = "all") -> Fraction:
        """决算数 / 预算数, exact."""
        budgeted = self.budgeted(subject, scope)
        if not budgeted:
            raise ZeroDivisionError(f"{subject} has no budget in scope {scope}")
        return Fraction(self.spent(subject, scope)) / Fraction(budgeted)

    @property
    def subjects(self) -> list[str]:
        """Every 项 the unit budgeted."""
        return sorted({a.subject for a in self.accounts.budget.allocations})


def execution_pair(seed: int, *, year: int = 2024, department: str | None = None) -> ExecutionPair:
    """The 预算 and 决算 of one random department and year. Deterministic per seed."""
    accounts = final_accounts(seed, year=year, department=department)
    return ExecutionPair(
        budget=disclosure_from_budget(accounts.budget, seed),
        final=final_spec(accounts, seed),
        accounts=accounts,
        designated_subject=next(iter(accounts.designated)),
        designated_rate=DESIGNED_RATE,
    )


def final_accounts(seed: int, *, year: int = 2024, department: str | None = None) -> FinalAccounts:
    """The executed budget behind `execution_pair(seed)`: the 本级's own 行政运行-like 项 is
    spent at exactly DESIGNED_RATE."""
    rng = random.Random(f"final:{seed}")
    budget = random_budget(rng, year=year, department=department)
    return execute(budget, rng, designated={budget.entities[0].subject: DESIGNED_RATE})


def final_disclosure(seed: int, *, tables: Collection[str] | None = None) -> DisclosureSpec:
    """A consistent random Hunan-style 决算 (the 决算 of `execution_pair(seed)`)."""
    return final_spec(final_accounts(seed), seed, tables=tables)


def final_spec(
    accounts: FinalAccounts, seed: int | str, *, tables: Collection[str] | None = None
) -> DisclosureSpec:
    """The 决算 disclosure of `accounts`, printed in a style drawn from `seed`."""
    budget: Budget = accounts.budget
    rng = random.Random(f"final-style:{seed}")
    style = draw_style(rng)
    codes = [c for c in FINAL_TABLE_CODES if tables is None or c in tables]
    layout = Layout(
        margin_left=float(rng.randint(28, 44)),
        margin_right=float(rng.randint(28, 44)),
        tables_share_pages=rng.random() < 0.3,
        table_of_contents=rng.random() < 0.7,
    )
    front = FrontMatter(
        cover=(
            f"{budget.year}年度部门决算",
            f"单位代码： {budget.unit_code}",
            f"单位名称： {budget.unit_name}",
        ),
        contents_title=f"{budget.year}年度部门决算公开表目录",
    )
    return DisclosureSpec(
        year=budget.year,
        unit_code=budget.unit_code,
        unit_name=budget.unit_name,
        phone=budget.phone,
        tables=tuple(final_table(accounts, code, style) for code in codes),
        layout=layout,
        template="national",  # read by the national standard tables' titles, as extraction does
        kind="决算",
        front=front,
    )


def _where(subject: str, scope: str) -> Callable[[Execution], bool]:
    if scope not in SCOPES:
        raise ValueError(f"scope is one of {SCOPES}, not {scope!r}")
    general = scope == "general"
    return lambda e: (
        e.allocation.subject.startswith(subject)
        and (not general or e.allocation.fund in GENERAL_BUDGET)
    )


def _money(cents: int) -> Decimal:
    return amount(cents) or Decimal("0.00")
