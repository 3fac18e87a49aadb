"""What a printed table title says: the number it is printed under, and the words that name a
standard table once the numbering, the year, a qualifier and the suffix are set aside.

The same standard table is printed as `公开01表：收支预算总表`,
`表1：2026年市级部门收支预算总表`, `2026年部门收支总体情况表`, `收入总表(预算表2)`,
`部门公开表2`, `一、收支预算总表`, or `表一` with the name on the next line.
`split_title` separates the number from the name; `TitleRule.matches` says whether a name
holds a standard table's words (the rules are data: templates/national.yaml).
A line is a title only when its name ends as a table's name does (…表, …表(按功能分类)): prose
that mentions 收入 or 支出 is no title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from disclosure.text import title_key

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "一二三四五六七八九十"


# A number a table is printed under, before or after its name.
def _labels(tag: str) -> str:
    numbers = rf"\d+(?:-\d+)?|[{_CN}]+"
    return "|".join(
        (
            rf"(?:部门)?公开(?:表)?(?P<a{tag}>{numbers})表?",
            rf"预算(?:表)?(?P<b{tag}>{numbers})表?",
            rf"决算(?:表)?(?P<c{tag}>\d+(?:-\d+)?)表?",
            rf"附?表(?P<d{tag}>{numbers})",
        )
    )


_LEADING_LABEL = re.compile(rf"^(?:{_labels('')})(?:[:.、]|(?=\D))?")
_LEADING_NUMBER = re.compile(
    rf"^(?:\((?P<e>[{_CN}]+)\)|(?P<f>[{_CN}]+)、|(?P<g>\d{{1,2}})[.、](?!\d))"
)
_TRAILING_LABEL = re.compile(rf"(?:\((?:{_labels('1')})\)|(?:{_labels('2')}))$")
_ONLY_LABEL = re.compile(rf"^(?:{_labels('')})[:.]?$")
_YEAR = re.compile(r"20\d{2}年度?|[(]20\d{2}年度?[)]")
# What follows a title on its line in some formats: the unit line, the filer.
_TRAILER = re.compile(
    r"(?:(?:(?:填报|编制)(?:部门|单位)|部门(?:名称)?|单位名称|部门\(单位\)):.*|(?:金额)?单位:[^:]*)$"
)
# Bracketed remarks after a name: (按功能分类科目), (功能科目), (含转移支付项目).
_TRAILING_REMARK = re.compile(r"\([^()]*\)$")
_MAX_NAME = 40  # characters: a longer line is prose


@dataclass(frozen=True)
class Title:
    number: str | None  # `01`, `14-1`: the printed number, two digits at least; None if none
    name: str  # the rest, title_key-normalised, the year removed
    remarks: str  # bracketed remarks after the name (`(按经济分类科目)`), joined

    @property
    def is_table_name(self) -> bool:
        """The name ends as a table's name does, and is not prose."""
        return 0 < len(self.name) <= _MAX_NAME and self.name.endswith("表")


def number_text(value: str) -> str:
    """`1` → `01`, `一` → `01`, `十二` → `12`, `14-1` → `14-1`."""
    if value.isdigit():
        return f"{int(value):02d}"
    if "-" in value:
        return value
    if value and all(ch in _CN for ch in value):
        if value == "十":
            return "10"
        tens, _, ones = value.partition("十")
        if "十" in value:
            n = (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + _CN_DIGITS.get(ones, 0)
        else:
            n = _CN_DIGITS.get(value, 0)
        return f"{n:02d}"
    return value


def _number(match: re.Match[str]) -> str:
    found = next(v for k, v in match.groupdict().items() if v)
    return number_text(found)


def label_only(line: str) -> str | None:
    """The number of a line that prints only a table's number (`表1`, `公开01表`, `预算表12`)."""
    match = _ONLY_LABEL.match(title_key(line))
    return _number(match) if match else None


def split_title(line: str) -> Title:
    """A printed title line as its number and its name."""
    key = _TRAILER.sub("", title_key(line)).rstrip(":")
    number = None
    if (match := _LEADING_LABEL.match(key)) or (match := _LEADING_NUMBER.match(key)):
        number, key = _number(match), key[match.end() :]
    if match := _TRAILING_LABEL.search(key):
        number, key = number or _number(match), key[: match.start()]
    key = _YEAR.sub("", key).lstrip(":.、")
    remarks: list[str] = []
    while key.endswith(")") and (match := _TRAILING_REMARK.search(key)):
        remarks.insert(0, match.group(0))
        key = key[: match.start()]
    return Title(number, key, "".join(remarks))


@dataclass(frozen=True)
class TitleRule:
    """A standard table's words: a title names it when it holds one word of each `when` group and
    none of `unless`."""

    standard_table: str
    when: tuple[tuple[str, ...], ...]
    unless: tuple[str, ...] = ()
    classification: str | None = None
    form: bool = False

    def matches(self, title: Title) -> bool:
        text = title.name + title.remarks
        return all(any(word in text for word in group) for group in self.when) and not any(
            word in text for word in self.unless
        )


def rule_from_yaml(data: dict[str, object]) -> TitleRule:
    groups = data.get("when") or []
    assert isinstance(groups, list)
    unless = data.get("unless") or []
    assert isinstance(unless, list)
    return TitleRule(
        standard_table=str(data["standard_table"]),
        when=tuple(tuple(str(group).split("|")) for group in groups),
        unless=tuple(str(word) for word in unless),
        classification=str(data["classification"]) if data.get("classification") else None,
        form=bool(data.get("form", False)),
    )


def is_final_accounts(title: str) -> bool:
    """A title of the final accounts (决算), not of the budget."""
    return "决算" in title_key(title)
