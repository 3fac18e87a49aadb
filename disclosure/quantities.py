"""Printed quantities on performance forms: an indicator value such as `≥95%`, `≤15万元`,
`=24小时/日`, `72万册`, `≥13459.00(平方米)` or `大于等于95%以上`, read into a comparator, an exact
`Decimal` and a unit; and the quantities a text quotes (`租用面积5137.26平方米，年物业费每平米
50.4元`).

What is printed stays as printed (`Quantity.text`); a value that states no number (`不超过预算`,
`优`) keeps its comparator, when it names one, and no value. Years (`2024年`), list numbers
(`1、`, `2.`), dates, document numbers (`〔2018〕34号`) and codes are no quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from disclosure.template import YUAN_PER
from disclosure.text import squeeze

# Comparators as printed, and the one symbol each means.
_SYMBOLS = {
    "≥": "≥",
    "≧": "≥",
    "⩾": "≥",
    ">=": "≥",
    "≤": "≤",
    "≦": "≤",
    "⩽": "≤",
    "<=": "≤",
    "=": "=",
    "＝": "=",
    "==": "=",
    ">": ">",
    "＞": ">",
    "<": "<",
    "＜": "<",
    "≠": "≠",
}
# Comparators printed as words before the number (longest first where one contains another).
_WORDS_BEFORE = {
    "大于或等于": "≥",
    "大于等于": "≥",
    "不低于": "≥",
    "不少于": "≥",
    "不小于": "≥",
    "至少": "≥",
    "小于或等于": "≤",
    "小于等于": "≤",
    "不高于": "≤",
    "不超过": "≤",
    "不超出": "≤",
    "不多于": "≤",
    "不大于": "≤",
    "最多": "≤",
    "控制在": "≤",
    "大于": ">",
    "高于": ">",
    "超过": ">",
    "多于": ">",
    "小于": "<",
    "低于": "<",
    "少于": "<",
    "等于": "=",
}
# …and after it: `95%以上`, `3天以内`.
_WORDS_AFTER = {"及以上": "≥", "以上": "≥", "及以下": "≤", "以下": "≤", "以内": "≤"}

_SYMBOL = "|".join(re.escape(s) for s in sorted(_SYMBOLS, key=len, reverse=True))
_WORD_BEFORE = "|".join(sorted(_WORDS_BEFORE, key=len, reverse=True))
_WORD_AFTER = "|".join(sorted(_WORDS_AFTER, key=len, reverse=True))


def _words(text: str) -> list[str]:
    return text.split()


# Measure words a number is counted in. A magnitude (万, 亿, 千, 百) may stand before one, a
# `/…` after it (`小时/日`, `元/月/平`).
_MEASURES = sorted(
    _words(
        "平方公里 平方千米 平方米 立方米 平米 公里 千米 厘米 毫米 米 公顷 亩 吨 公斤 千克 "
        "克 升 千瓦时 度 百分点 个百分点 人次 户次 台套 台次 场次 件次 批次 工作日 个月 "
        "小时 分钟 秒 天 日 周 月 年 元 个 项 次 人 家 件 户 台 套 场 期 篇 本 份 条 座 "
        "所 名 册 辆 批 部 张 页 株 棵 处 类 分 间 栋 幢 层 块 宗 例 起 单 笔 根 只 头 门 "
        "科 节 课时 学时 期次 车次 架次 艘 组 对 段 处次 个点 点 位 册次 种 首 集 幅 卷 "
        "台(套) 套(台) 宗次 单位 所次 GB TB MB km KM kg "
    ),
    key=len,
    reverse=True,
)
_UNIT = (
    r"(?:[%％‰]|(?:[万亿千百])?(?:" + "|".join(re.escape(m) for m in _MEASURES) + r")"
    r"(?:/[^\d\s/，,。；;、()（）]{1,3})*)"
)
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

# A quantity: an optional comparator, the number, an optional unit (maybe in brackets), an
# optional comparator word after it.
_QUANTITY = re.compile(
    rf"(?P<cmp>{_SYMBOL}|{_WORD_BEFORE})?\s*"
    rf"(?P<sign>-)?(?P<num>(?<![\d.,]){_NUMBER})(?![\d])"
    rf"\s*(?:(?P<unit>{_UNIT})|[(（]\s*(?P<bunit>{_UNIT})\s*[)）])?"
    rf"(?P<after>{_WORD_AFTER})?"
)
_BARE_NUMBER = re.compile(rf"(?<![\d.,]){_NUMBER}(?!\d)")
_COMPARATOR_BEFORE = re.compile(rf"(?:{_SYMBOL}|{_WORD_BEFORE})\s*-?$")
_LIST_THEN_YEAR = re.compile(r"\d{1,2}\.(?:19|20)\d{2}")
_IN_RANGE = re.compile(r"[\d%％]")
_ANY_COMPARATOR = re.compile(rf"{_SYMBOL}|{_WORD_BEFORE}|{_WORD_AFTER}")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
# What a value that is a number may print around it and still be that number alone.
_BARE_UNIT = re.compile(r"^[^\d\s，,。；;]{1,4}$")
# A number is stored with at most this many decimals and integer digits (DECIMAL(18,6)).
MAX_DECIMALS = 6
MAX_INTEGER_DIGITS = 12


@dataclass(frozen=True, slots=True)
class Quantity:
    text: str  # as printed (whitespace removed), e.g. `≥13459.00(平方米)`
    comparator: str | None  # ≥ ≤ = > < ≠, or None when none is printed
    value: Decimal | None  # the number, exact; None when none is printed (or it is too long)
    unit: str | None  # 万元, %, 平方米, 小时/日 … as printed after the number


def fits(value: Decimal) -> bool:
    """True when a number keeps every printed digit in the warehouse's DECIMAL(18,6)."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    decimals = max(0, -exponent)
    return decimals <= MAX_DECIMALS and len(digits) - decimals <= MAX_INTEGER_DIGITS


def _number(text: str, negative: bool = False) -> Decimal | None:
    value = Decimal(text.replace(",", ""))
    value = -value if negative else value
    return value if fits(value) else None


def _skipped(text: str, match: re.Match[str]) -> bool:
    """A number that is no quantity: a year, a list number, part of a date, a code, a document
    number."""
    start, end = match.start("num"), match.end("num")
    number = match.group("num")
    before = text[start - 1] if start else ""
    after = text[end : end + 1]
    if _YEAR.match(number) and (
        after in ("年", "-", "—", "至", "〕", "]", "）") or before in ("〔", "[")
    ):
        return True  # 2024年, 2025-2026年, 〔2018〕
    if after in ("、",) or (after in (".", "．") and not text[end + 1 : end + 2].isdigit()):
        return not match.group("cmp")  # 1、 2. — a list number
    if before in ("(", "（") and after in (")", "）") and not match.group("unit"):
        return True  # (1)
    if after == "号" or before == "〕":
        return True  # 〔2018〕34号
    if after in (":", "：") and not match.group("unit"):
        return True  # 目标1：
    if after in ("月", "日") and before in ("年", "月"):
        return True  # 2025年2月, 12月31日
    if _LIST_THEN_YEAR.fullmatch(number) and after == "年":
        return True  # `2.2025年…`: a list number, then a year
    lettered = (before.isascii() and before.isalpha()) or (
        after.isascii() and after.isalpha() and not (match.group("unit") or match.group("cmp"))
    )
    return lettered or len(number.replace(",", "").split(".")[0]) >= 9  # a code: 11000021Y…


def _quantity(match: re.Match[str]) -> Quantity:
    printed = match.group("cmp")
    after = match.group("after")
    comparator = None
    if printed:
        comparator = _SYMBOLS.get(printed) or _WORDS_BEFORE.get(printed)
    if comparator is None and after:
        comparator = _WORDS_AFTER[after]
    return Quantity(
        text=match.group(0).strip(),
        comparator=comparator,
        value=_number(match.group("num"), bool(match.group("sign"))),
        unit=match.group("unit") or match.group("bunit"),
    )


def quoted_quantities(text: str) -> list[Quantity]:
    """Every quantity a text quotes, in printed order: a number with its unit, its comparator,
    or decimals (years, list numbers, dates, codes and bare whole numbers aside)."""
    return [q for q, measured in _scan(squeeze(text)) if measured]


def _all_quantities(text: str) -> list[Quantity]:
    return [q for q, _ in _scan(text)]


@lru_cache(maxsize=8192)
def _scan(text: str) -> tuple[tuple[Quantity, bool], ...]:
    """Each number of a text as a quantity (with whether it is measured: a unit, a
    comparator or decimals). Found from its number outwards: a bare number search, then the
    quantity matched from its comparator on, if one stands right before it."""
    found = []
    for number in _BARE_NUMBER.finditer(text):
        start = number.start()
        if start and text[start - 1] == "-" and (start < 2 or not _IN_RANGE.match(text[start - 2])):
            start -= 1  # a minus sign, not the dash of a range (`40%-30%`)
        if before := _COMPARATOR_BEFORE.search(text, max(0, start - 8), start):
            start = before.start()
        match = _QUANTITY.match(text, start)
        if match is None or match.start("num") != number.start():
            continue
        if _skipped(text, match):
            continue
        quantity = _quantity(match)
        # a bare whole number in prose (`12345热线`) says not what it counts
        measured = bool(quantity.unit or quantity.comparator) or not match.group("num").isdigit()
        found.append((quantity, measured))
    return tuple(found)


def read_quantity(text: str) -> Quantity:
    """An indicator value as printed: its comparator, number and unit where it states them.

    One number preceded by a comparator, or the only number printed, is the value; a text that
    prints several numbers with none marked (`90%-95%`) has no single value.
    """
    printed = squeeze(text)
    quantities = _all_quantities(printed)
    marked = [q for q in quantities if q.comparator]
    chosen = marked[0] if marked else quantities[0] if len(quantities) == 1 else None
    if chosen is None:
        word = _ANY_COMPARATOR.search(printed)
        comparator = None
        if word:
            found = word.group(0)
            comparator = _SYMBOLS.get(found) or _WORDS_BEFORE.get(found) or _WORDS_AFTER[found]
        return Quantity(printed, comparator, None, None)
    unit = chosen.unit
    if unit is None:
        # a unit the vocabulary does not know, printed right after the only number: `≥5G`
        rest = printed[printed.find(chosen.text) + len(chosen.text) :]
        if _BARE_UNIT.match(rest) and not _ANY_COMPARATOR.search(rest):
            unit = rest
    return Quantity(printed, chosen.comparator, chosen.value, unit)


def comparator_of(text: str) -> str | None:
    """The comparator a column of its own prints (`≥`, `＝`, `大于等于`); None for `定性` or
    nothing."""
    printed = squeeze(text)
    return _SYMBOLS.get(printed) or _WORDS_BEFORE.get(printed) or _WORDS_AFTER.get(printed)


def yuan_per(unit: str | None) -> int | None:
    """元 in one of a money unit (万元 → 10000); None when the unit is no money."""
    if not unit:
        return None
    return YUAN_PER.get(unit.split("/")[0]) if "/" not in unit else None


_FEN = Decimal("0.01")


def in_yuan(value: Decimal | None, unit: str | None) -> Decimal | None:
    """A money amount in 元, to the fen (`689.157460` 万元 → `6891574.60`); None for a quantity
    that is no money, or a price finer than a fen (`0.456元`), which no fen amount states
    exactly."""
    factor = yuan_per(unit)
    if value is None or factor is None:
        return None
    yuan = value * factor
    exact = yuan.quantize(_FEN)
    return exact if exact == yuan and fits(exact) else None
