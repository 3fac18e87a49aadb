"""The disclosure's identity as printed on its cover and table captions: year, unit code, name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from disclosure.text import squeeze

_YEAR = re.compile(r"(?<!\d)(20\d{2})(?:年|度)")
_UNIT_CODE = re.compile(r"(?:单位|部门)(?:代码|编码)[:：](\d{3,})")
_UNIT_NAME = re.compile(r"(?:单位|部门)名称[:：](.+?)(?:(?:金额)?单位[:：].*)?$")
# `填报部门：…`, `编制单位：…`, `编制部门：…`, `部门：…` (Jiangsu), `预算单位：…` (Shanghai's
# cover), with or without the `单位：万元` printed after it on the same line.
_FILER = re.compile(
    r"(?:(?:填报|编制|编报)(?:部门|单位)|部门|预算单位)[:：](.+?)(?:(?:金额)?单位[:：].*)?$"
)
_UNIT_LABEL = re.compile(r"(?:金额)?单位[:：](亿元|百万元|万元|千元|元)$")


@dataclass(frozen=True)
class Cover:
    year: int | None
    unit_code: str | None
    unit_name: str | None


def lines_to_cover(lines: Iterable[str]) -> Cover:
    """Read year, unit code and unit name from the first lines of a disclosure.

    The cover prints `2024 年省级单位预算公开表`, `单位代码： 010`, `单位名称： 湖南省信访局`;
    without a cover, the `填报部门：…` caption names the unit and any `20xx年` gives the year.
    """
    year = code = None
    names: Counter[str] = Counter()
    filers: Counter[str] = Counter()
    for line in lines:
        text = squeeze(line)
        if year is None and (m := _YEAR.search(text)):
            year = int(m.group(1))
        if code is None and (m := _UNIT_CODE.search(text)):
            code = m.group(1)
        if m := _UNIT_NAME.match(text):
            names[m.group(1)] += 1
        if m := _FILER.match(text):
            filers[m.group(1)] += 1
    # The name printed most often: one caption may print it cut short (江苏省人大 for
    # 江苏省人大常委会办公厅); on a tie, the first printed (the cover's).
    printed = names or filers
    name = printed.most_common(1)[0][0] if printed else None
    return Cover(year=year, unit_code=code, unit_name=name)


def filer_name(line: str) -> str | None:
    """The unit named by a `填报部门：…` caption line."""
    m = _FILER.match(squeeze(line))
    return m.group(1) if m else None


def unit_label(line: str) -> str | None:
    """`万元` from a `单位：万元` / `金额单位：万元` caption (alone or after 填报部门)."""
    m = _UNIT_LABEL.search(squeeze(line))
    return m.group(1) if m else None
