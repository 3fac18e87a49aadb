"""The disclosure's identity as printed on its cover and table captions: year, unit code, name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from disclosure.text import squeeze

_YEAR = re.compile(r"(?<!\d)(20\d{2})(?:年|度)")
_UNIT_CODE = re.compile(r"(?:单位|部门)(?:代码|编码)[:：](\d{3,})")
_UNIT_NAME = re.compile(r"(?:单位|部门)名称[:：](.+)")
_FILER = re.compile(r"填报(?:部门|单位)[:：](.+?)(?:(?:金额)?单位[:：].*)?$")
_UNIT_LABEL = re.compile(r"(?:金额)?单位[:：]([^:：]+)$")


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
    year = code = name = filer = None
    for line in lines:
        text = squeeze(line)
        if year is None and (m := _YEAR.search(text)):
            year = int(m.group(1))
        if code is None and (m := _UNIT_CODE.search(text)):
            code = m.group(1)
        if name is None and (m := _UNIT_NAME.match(text)):
            name = m.group(1)
        if filer is None and (m := _FILER.match(text)):
            filer = m.group(1)
    return Cover(year=year, unit_code=code, unit_name=name or filer)


def filer_name(line: str) -> str | None:
    """The unit named by a `填报部门：…` caption line."""
    m = _FILER.match(squeeze(line))
    return m.group(1) if m else None


def unit_label(line: str) -> str | None:
    """`万元` from a `单位：万元` / `金额单位：万元` caption (alone or after 填报部门)."""
    m = _UNIT_LABEL.search(squeeze(line))
    return m.group(1) if m else None
