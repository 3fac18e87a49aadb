"""A budget's year as it was executed: the model behind a 部门决算 (final accounts).

Each allocation of a `Budget` (samplegen.budget) becomes an `Execution`: its 年初预算数 (the
allocation as budgeted), an adjustment during the year (调整预算数, possibly negative), the
全年预算数 (the two together), what it brought in as income (本年收入) and what was spent
(决算数). Money carried over from the year before (上年结转结余) is an opening balance
(年初结转和结余) instead of income. Whatever an allocation did not spend is its closing
balance (年末结转和结余 = 年初 + 收入 − 支出, never negative), so every 决算 identity holds by
construction, table by table and across tables:

    本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 = 本年支出合计 + 结余分配 + 年末结转和结余

Fiscal appropriations (财政拨款) bring in their 全年预算数; a unit's own income (事业收入 …) may
bring more than it spent. Amounts are integer cents of 万元, as in the budget.

`execute(budget, rng)` draws the year; `designated` subjects are executed at an exact rate
(95.00% by default) so that a test can check an execution rate by hand: see `ExecutionPair`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from samplegen.budget import (
    CARRY_OVER,
    GENERAL_BUDGET,
    GOV_FUND_BUDGET,
    NONTAX,
    STATE_CAPITAL_BUDGET,
    Allocation,
    Budget,
    Fund,
)

# 决算's income sources (收入决算表's columns, 收入支出决算总表's income lines 一–八), from the
# budget's funds. Fiscal money (财政拨款) is the three budgets' this-year money, transfers from
# the level above included; 教育收费 kept in the 财政专户 is 事业收入 in a 决算.
FISCAL_GENERAL = frozenset({Fund.GENERAL, *NONTAX, Fund.SUBSIDY_GENERAL})
FISCAL_GOV_FUND = frozenset({Fund.GOV_FUND, Fund.SUBSIDY_GOV_FUND})
FISCAL_STATE_CAPITAL = frozenset({Fund.STATE_CAPITAL, Fund.SUBSIDY_STATE_CAPITAL})
FISCAL = FISCAL_GENERAL | FISCAL_GOV_FUND | FISCAL_STATE_CAPITAL
SOURCES: dict[str, frozenset[Fund]] = {
    "一般公共预算财政拨款收入": FISCAL_GENERAL,
    "政府性基金预算财政拨款收入": FISCAL_GOV_FUND,
    "国有资本经营预算财政拨款收入": FISCAL_STATE_CAPITAL,
    "上级补助收入": frozenset({Fund.SUPERIOR}),
    "事业收入": frozenset({Fund.BUSINESS, Fund.SPECIAL_ACCOUNT}),
    "经营收入": frozenset({Fund.OPERATING}),
    "附属单位上缴收入": frozenset({Fund.AFFILIATE}),
    "其他收入": frozenset({Fund.OTHER}),
}
# The three budgets of 财政拨款 (this year's money and its carry-over).
GENERAL = "一般公共预算财政拨款"
GOV_FUND = "政府性基金预算财政拨款"
STATE_CAPITAL = "国有资本经营预算财政拨款"
FISCAL_BUDGETS: dict[str, frozenset[Fund]] = {
    GENERAL: GENERAL_BUDGET,
    GOV_FUND: GOV_FUND_BUDGET,
    STATE_CAPITAL: STATE_CAPITAL_BUDGET,
}
DESIGNED_RATE = Decimal("0.95")


@dataclass(frozen=True)
class Execution:
    allocation: Allocation
    initial: int  # 年初预算数
    adjustment: int  # 调整预算数 (may be negative)
    income: int  # 本年收入 (0 for carried-over money)
    opening: int  # 年初结转和结余 (carried-over money: what was carried)
    spent: int  # 决算数

    @property
    def full_year(self) -> int:
        """全年预算数 = 年初预算数 + 调整预算数."""
        return self.initial + self.adjustment

    @property
    def closing(self) -> int:
        """年末结转和结余 = 年初结转和结余 + 本年收入 − 决算数."""
        return self.opening + self.income - self.spent

    @property
    def is_basic(self) -> bool:
        return self.allocation.is_basic


@dataclass(frozen=True)
class FinalAccounts:
    """A budget's year, executed: one Execution per allocation, plus the two lines of the
    收入支出决算总表 that belong to no allocation."""

    budget: Budget
    executions: tuple[Execution, ...]
    surplus_used: int = 0  # 使用非财政拨款结余
    distributed: int = 0  # 结余分配
    designated: Mapping[str, Decimal] = field(default_factory=dict)  # subject → exact rate

    def total(
        self, what: Callable[[Execution], int], where: Callable[[Execution], bool] = lambda e: True
    ) -> int:
        return sum(what(e) for e in self.executions if where(e))

    @property
    def closing_total(self) -> int:
        """年末结转和结余 of the 收入支出决算总表."""
        return self.total(lambda e: e.closing) + self.surplus_used - self.distributed


def execute(
    budget: Budget,
    rng: random.Random,
    *,
    designated: Mapping[str, Decimal] | None = None,
) -> FinalAccounts:
    """The year of `budget`, drawn from `rng`; each subject of `designated` spends exactly
    (to the cent, half up) its rate of its 年初预算数, unadjusted, in every fund it has."""
    designated = dict(designated or {})
    executions = [_execute(a, rng) for a in budget.allocations if a.subject not in designated]
    for subject, rate in designated.items():
        executions += _at_rate([a for a in budget.allocations if a.subject == subject], rate)
    order = {id(a): i for i, a in enumerate(budget.allocations)}
    executions.sort(key=lambda e: order[id(e.allocation)])
    accounts = FinalAccounts(budget, tuple(executions), designated=designated)
    unit_closing = accounts.total(lambda e: e.closing, lambda e: e.allocation.fund not in FISCAL)
    surplus_used = _round_some(rng, rng.randint(50, 3000) * 100) if rng.random() < 0.15 else 0
    distributed = 0
    if rng.random() < 0.15 and unit_closing + surplus_used > 0:
        distributed = rng.randint(1, unit_closing + surplus_used)
    return FinalAccounts(budget, tuple(executions), surplus_used, distributed, designated)


def _execute(allocation: Allocation, rng: random.Random) -> Execution:
    initial = allocation.cents
    if allocation.fund in CARRY_OVER:
        spent = initial * rng.randint(70, 100) // 100 if rng.random() < 0.5 else initial
        return Execution(allocation, initial, 0, 0, initial, spent)
    adjustment = 0
    if allocation.is_basic and rng.random() < 0.1:
        adjustment = initial * rng.randint(-5, 5) // 100
    elif not allocation.is_basic and rng.random() < 0.3:
        adjustment = initial * rng.randint(-30, 30) // 100
    full_year = initial + adjustment
    low = 96 if allocation.is_basic else 55
    spent = full_year if rng.random() < 0.4 else full_year * rng.randint(low, 100) // 100
    income = full_year
    if allocation.fund not in FISCAL:  # a unit's own income: as much as it earned
        income = max(spent, full_year * rng.randint(95, 115) // 100)
    return Execution(allocation, initial, adjustment, income, 0, spent)


def _at_rate(allocations: list[Allocation], rate: Decimal) -> list[Execution]:
    """Spend `rate` of the budget of a subject in each of its scopes (the general budget, and
    everything else), each scope's total rounded half up to the cent, shared by largest
    remainder: the rate then holds for the general budget alone and for all money."""
    out = []
    for scope in (GENERAL_BUDGET, None):
        members = [a for a in allocations if (a.fund in GENERAL_BUDGET) == (scope is not None)]
        target = int((sum(a.cents for a in members) * rate).to_integral_value(ROUND_HALF_UP))
        for allocation, spent in zip(members, _shares(members, target), strict=True):
            carried = allocation.fund in CARRY_OVER
            income = 0 if carried else allocation.cents
            opening = allocation.cents if carried else 0
            out.append(Execution(allocation, allocation.cents, 0, income, opening, spent))
    return out


def _shares(members: list[Allocation], target: int) -> list[int]:
    budget = sum(a.cents for a in members)
    if not budget:
        return [0] * len(members)
    exact = [Fraction(a.cents * target, budget) for a in members]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(members)), key=lambda i: exact[i] - shares[i], reverse=True)
    for i in by_remainder[: target - sum(shares)]:
        shares[i] += 1
    return shares


def _round_some(rng: random.Random, cents: int) -> int:
    return cents - cents % 100 if rng.random() < 0.5 else cents


def in_funds(funds: Iterable[Fund]) -> Callable[[Execution], bool]:
    wanted = frozenset(funds)
    return lambda e: e.allocation.fund in wanted
