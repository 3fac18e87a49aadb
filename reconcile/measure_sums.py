"""Within-row identities between measures, for tables read by what their headers mean.

A table the national template reads has no header tree to say which column sums which; its
columns' measures do (disclosure.measures). An identity is written once, in a rule's header:

    -- measures: total = basic + project [+ institution_business + paid_to_higher_level]

`total` equals the sum of the required parts (`basic`, `project`) and of those optional parts
(in brackets) the table prints. A required part the table does not print may be printed as its
own parts — by another identity (`basic = personnel + office`): 基本支出 printed as 人员经费 and
公用经费. Where a required part is printed neither way, or a measure is printed in more than one
column, the identity does not apply to the table: nothing is assumed.

A table printing several stages of each figure (a 决算's 年初预算数 and 决算数, 上年结转 beside the
year's own money) holds the identities within each stage: `final = final/basic + final/project`
(`by_stage`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from disclosure.measures import TOTAL

_OPTIONAL = re.compile(r"\[(.*)\]")


@dataclass(frozen=True)
class MeasureSum:
    total: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def detail(self) -> str:
        optional = f" [+ {' + '.join(self.optional)}]" if self.optional else ""
        return f"{self.total} = {' + '.join(self.required)}{optional}"


@dataclass(frozen=True)
class PrintedSum:
    """An identity as one table prints it: its total's measure and its parts' measures."""

    total: str
    parts: tuple[str, ...]
    detail: str


def parse_measure_sum(line: str) -> MeasureSum:
    """`total = basic + project [+ reserve + …]`."""
    if "=" not in line:
        raise ValueError(f"measures {line!r} is not `TOTAL = PART + PART [+ OPTIONAL]`")
    total, parts = (side.strip() for side in line.split("=", 1))
    optional: tuple[str, ...] = ()
    if match := _OPTIONAL.search(parts):
        optional = _words(match.group(1))
        parts = parts[: match.start()]
    required = _words(parts)
    if not total or not required:
        raise ValueError(f"measures {line!r} names no total or no part")
    return MeasureSum(total, required, optional)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in text.split("+") if w.strip())


def by_stage(
    identities: Sequence[MeasureSum], printed: Mapping[str, int], stages: Collection[str]
) -> list[PrintedSum]:
    """The identities a table prints, within each stage of its figures: the measures a stage
    leads (`final`, `final/basic`: 决算数/合计, 决算数/基本支出) as the unqualified measures are
    (`total`, `basic`), and the measures no stage leads as they are."""
    groups: dict[str, dict[str, int]] = {"": {}}
    for measure, columns in printed.items():
        head, _, rest = measure.partition("/")
        if head in stages:
            group = groups.setdefault(head, {})
            group[rest or TOTAL] = group.get(rest or TOTAL, 0) + columns
        else:
            groups[""][measure] = columns
    found = []
    for stage, measures in groups.items():
        for s in identities_printed(identities, measures):
            if not stage:
                found.append(s)
                continue

            def staged(m: str, stage: str = stage) -> str:
                return stage if m == TOTAL else f"{stage}/{m}"

            found.append(
                PrintedSum(staged(s.total), tuple(map(staged, s.parts)), f"{stage}: {s.detail}")
            )
    return found


def identities_printed(
    identities: Sequence[MeasureSum], printed: Mapping[str, int]
) -> list[PrintedSum]:
    """The identities a table prints, each with the parts it prints (a required part not
    printed replaced by its own parts, one level down); `printed`: measure → number of columns
    that carry it."""
    once = {measure for measure, columns in printed.items() if columns == 1}
    by_total = {i.total: i for i in identities}
    found = []
    for identity in identities:
        if identity.total not in once:
            continue
        parts: list[str] = []
        for part in identity.required:
            if part in once:
                parts.append(part)
            elif (own := by_total.get(part)) and all(p in once for p in own.required):
                parts += own.required
                parts += [p for p in own.optional if p in once]
            else:
                break
        else:
            parts += [p for p in identity.optional if p in once and p not in parts]
            if any(printed.get(p, 0) > 1 for p in (*identity.required, *identity.optional)):
                continue  # a part printed twice: which column is meant is not known
            found.append(PrintedSum(identity.total, tuple(parts), identity.detail))
    return found
