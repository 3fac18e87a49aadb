"""What a column means across formats — its measure — from the words of its header.

The printed header decides a table's columns; the same meaning is printed in many words: 预算数,
金额, 合计, 本年预算, 小计 are all a table's total; 人员经费, 人员支出 and 人员类 are all personnel
spending within 基本支出. A column's measure is the chain of the measures its header texts name,
top to leaf (`基本支出/人员经费` → `basic/personnel`, `上年结转结余/一般公共预算` →
`carried_over/general_budget`); subtotal and value words name nothing, nor do the words the
table's own name implies (一般公共预算支出 in the 一般公共预算支出表); a money column whose texts
name nothing else is its table's `total`. In a table of side-by-side lists (收支总表), a column's
measure starts with its side: `income`, `expenditure`.

A header text no word names leaves the column without a measure (an economic class printed as
a column, a remark): the column is kept as printed, it just means nothing the rules compare.
The vocabulary is data: templates/national.yaml (`measures`, `measure_words`, `implied`,
`sides`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from disclosure.text import squeeze
from disclosure.yamltext import read_yaml

TOTAL = "total"
_FOLD = str.maketrans({"（": "(", "）": ")", "：": ":", "　": "", "、": "、"})
_QUOTES = re.compile(r"[“”\"'‘’「」]")
_YEAR = re.compile(r"^20\d{2}年度?")
_OF_WHICH = re.compile(r"^其中[:]?")
_UNIT_REMARK = re.compile(r"\((?:万元|元|单位:?万?元)\)$")


def fold_words(text: str) -> str:
    """A header text without wording-neutral differences: whitespace, widths, quotes, a year
    in front, `其中：` in front, a unit remark at the end (`预算数（万元）`)."""
    folded = _QUOTES.sub("", squeeze(text).translate(_FOLD)).rstrip(":")
    folded = _OF_WHICH.sub("", folded)
    folded = _UNIT_REMARK.sub("", folded)
    return _YEAR.sub("", folded) or folded


_ROLES = ("qualifiers", "items", "funds")


@dataclass(frozen=True)
class Vocabulary:
    words: Mapping[str, tuple[str, str]]  # folded word → (role, measure)
    neutral: frozenset[str]  # subtotal and value words
    final_qualifiers: Mapping[str, str]  # folded word → qualifier, in a 决算's tables
    final_implied: frozenset[str]  # folded words naming nothing in a 决算's tables
    implied: Mapping[str, frozenset[str]]  # standard table → words its name implies
    side_tables: frozenset[str]
    sides: Mapping[str, str]  # folded word → income | expenditure

    @property
    def qualifiers(self) -> frozenset[str]:
        """The measures that say when or at which stage (carried_over, final, budget_initial,
        …): a measure they lead (`final/basic`) is that stage's figure of the rest."""
        return frozenset(
            {m for role, m in self.words.values() if role == "qualifiers"}
            | set(self.final_qualifiers.values())
        )

    def measure_of(
        self, path: str, standard_table: str | None, final_accounts: bool = False
    ) -> str | None:
        """The measure of a money column printed under `path` in a table of `standard_table`
        (of a 决算 when `final_accounts`); None when a text of its path names nothing known."""
        parts = [fold_words(p) for p in path.split("/") if fold_words(p)]
        implied = self.implied.get(standard_table or "", frozenset())
        named: dict[str, list[str]] = {role: [] for role in _ROLES}
        side = None
        if standard_table in self.side_tables:
            if not parts or parts[0] not in self.sides:
                return None
            side, parts = self.sides[parts[0]], parts[1:]
        for part in parts:
            if final_accounts and part in self.final_qualifiers:
                named["qualifiers"].append(self.final_qualifiers[part])
                continue
            if final_accounts and part in self.final_implied:
                continue
            if part in self.neutral or part in implied:
                continue
            found = self.words.get(part)
            if found is None:
                return None
            role, measure = found
            if measure not in named[role]:
                named[role].append(measure)
        # Qualifiers add up (carried over, then from which fund); an item or a fund is named
        # by its deepest text (人员经费 under 基本支出 is personnel).
        chain = [*named["qualifiers"], *named["items"][-1:], *named["funds"][-1:]]
        if side is not None:
            return "/".join([side, *chain])
        return "/".join(chain) or TOTAL


@cache
def vocabulary() -> Vocabulary:
    text = resources.files("disclosure.templates").joinpath("national.yaml").read_text("utf-8")
    data = read_yaml(text)
    words: dict[str, tuple[str, str]] = {}
    for role in _ROLES:
        for measure, printed in data[role].items():
            for word in printed:
                folded = fold_words(word)
                if words.get(folded, (role, measure)) != (role, measure):
                    raise ValueError(f"{word!r} names both {words[folded]} and {measure!r}")
                words[folded] = (role, measure)
    neutral = frozenset(fold_words(w) for group in data["measure_words"].values() for w in group)
    final = {
        fold_words(w): qualifier
        for qualifier, printed in data["final_accounts_qualifiers"].items()
        for w in printed
    }
    implied = {
        table: frozenset(fold_words(w) for w in printed)
        for table, printed in data["implied"].items()
    }
    sides = {
        fold_words(w): side for side, printed in data["sides"]["words"].items() for w in printed
    }
    return Vocabulary(
        words=words,
        neutral=neutral,
        final_qualifiers=final,
        final_implied=frozenset(fold_words(w) for w in data.get("final_accounts_implied", ())),
        implied=implied,
        side_tables=frozenset(data["sides"]["tables"]),
        sides=sides,
    )


def measure_of(path: str, standard_table: str | None, final_accounts: bool = False) -> str | None:
    """The measure of a money column (see the module's docstring)."""
    return vocabulary().measure_of(path, standard_table, final_accounts)
