"""The national standard's tree of performance indicators (一级 / 二级 / 三级指标), and reading it
out of the texts that print several levels, or several indicators, in one cell.

一级指标 are 产出 / 效益 / 满意度 / 成本指标 (an evaluation adds 决策 and 过程); 二级指标 are 数量 /
质量 / 时效指标, 经济 / 社会 / 生态环境成本指标, 经济 / 社会 / 生态效益指标, 可持续影响指标 and the
满意度 of those served. A form names them in full (`经济成本指标`), short (`经济成本`), numbered
(`1-产出指标`, `11-数量指标`), run together with the 三级指标 (`产出指标质量指标来信扫描完成率`), or
lists several indicators in one cell:

    1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:每年≥20场。2、…
    质量指标:群众来信按期办结率大于等于95%以上;群众来信事项交办率大于等于90%以上
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from disclosure.quantities import quoted_quantities
from disclosure.text import squeeze

_LEVEL1 = re.compile(r"^(?:\d+-)?((?:产出|效益|满意度|成本)(?:指标)?|决策|过程)(?:指标)?")
_LEVEL2 = re.compile(
    r"^(?:\d+-)?("
    r"(?:数量|质量|时效|(?:经济|社会|生态环境|生态)成本|(?:经济|社会|生态)效益|可持续影响)(?:指标)?"
    r"|(?:社会公众|社会公益)?(?:或)?服务对象满意度(?:指标)?"
    r")"
)
_NUMBERED_ITEM = re.compile(r"(?:^|(?<=[。；;]))\s*\d+(?:、|[.．](?!\d))\s*")
_PARTS = re.compile(r"[；;]")
_LABELLED = re.compile(r"^(?P<label>[^:：]{1,16})[:：](?P<value>.*)$")
# The value a labelled part gives as the indicator's target (`年度指标值:≥20场`).
_THIS_YEAR = re.compile(r"年度|本年|当年")
_TARGET_LABEL = re.compile(r"(?:年度|本年|当年)?(?:指标|目标)值")


def level1_of(text: str) -> str | None:
    """The 一级指标 a text names, as printed without its number (`1-产出指标` → `产出指标`)."""
    m = _LEVEL1.match(squeeze(text))
    return m.group(0).split("-")[-1] if m and _whole(text, m) else None


def level2_of(text: str) -> str | None:
    m = _LEVEL2.match(squeeze(text))
    return m.group(0).split("-")[-1] if m and _whole(text, m) else None


def _whole(text: str, m: re.Match[str]) -> bool:
    return m.end() == len(squeeze(text))


def is_level_name(text: str) -> bool:
    """True for a standard 一级 or 二级指标 name (`产出指标`, `服务对象满意度指标`)."""
    return level1_of(text) is not None or level2_of(text) is not None


def split_levels(text: str) -> tuple[str | None, str | None, str]:
    """`产出指标质量指标来信扫描完成率` → (`产出指标`, `质量指标`, `来信扫描完成率`): the standard
    level names a text starts with, and what it says after them."""
    rest = squeeze(text)
    level1 = level2 = None
    # only a name printed in full (`…指标`) is peeled: `成本控制率` starts with no level
    if (m := _LEVEL1.match(rest)) and m.group(0).endswith("指标") and m.end() < len(rest):
        level1, rest = m.group(0).split("-")[-1], rest[m.end() :]
    if (m := _LEVEL2.match(rest)) and m.group(0).endswith("指标") and m.end() < len(rest):
        level2, rest = m.group(0).split("-")[-1], rest[m.end() :]
    return level1, level2, rest


@dataclass(slots=True)
class IndicatorItem:
    """One indicator read out of a text: its levels, what it says, and labelled values."""

    level1: str | None
    level2: str | None
    name: str  # the 三级指标 (or the whole item when it names no levels)
    target: str | None  # the printed target: labelled (`年度指标值:≥20场`), or the quantity
    # the item ends with (`任务完成合格率≥97%`)
    values: list[tuple[str, str]] = field(default_factory=list)  # every (label, value) printed


def indicator_items(text: str) -> list[IndicatorItem]:
    """The indicators a cell lists: numbered items (`1、…。2、…`) or items split by `；`, each
    with the level names, the 三级指标 and the labelled values (`年度指标值:≥20场`) it prints."""
    printed = squeeze(text)
    if not printed:
        return []
    numbered = [p for p in _NUMBERED_ITEM.split(printed) if p.strip("。；; ")]
    if len(numbered) > 1 or _NUMBERED_ITEM.match(printed):
        return [_item(p.rstrip("。")) for p in numbered]
    # `质量指标:a;b;c` — a level name as the label of the whole cell
    level2 = None
    if (m := _LABELLED.match(printed)) and is_level_name(m.group("label")):
        level2, printed = m.group("label"), m.group("value")
    items = []
    for part in _PARTS.split(printed):
        part = part.strip("。 ")
        if part:
            item = _item(part)
            if level2 and item.level2 is None and item.level1 is None:
                item.level2 = level2
            items.append(item)
    return items


def _item(text: str) -> IndicatorItem:
    level1 = level2 = None
    names: list[str] = []
    values: list[tuple[str, str]] = []
    parts = [p.strip("。 ") for p in _PARTS.split(text)]
    for part in (p for p in parts if p):
        if level1 is None and (found := level1_of(part)):
            level1 = found
        elif level2 is None and (found := level2_of(part)):
            level2 = found
        elif (m := _LABELLED.match(part)) and _TARGET_LABEL.search(m.group("label")):
            values.append((m.group("label"), m.group("value")))
        else:
            names.append(part)
    target = None
    name = "；".join(names)
    if values:
        chosen = [v for label, v in values if _THIS_YEAR.match(label)]
        target = chosen[0] if chosen else values[-1][1]
    elif quoted := quoted_quantities(name):
        # `任务完成合格率≥97%`, `开展监督检查50次`: the indicator, then its target at the end
        last = quoted[-1].text
        at = name.rfind(last)
        if at > 0 and not name[at + len(last) :].strip("。；;，, "):
            name, target = name[:at].rstrip("：:，, "), last
    return IndicatorItem(level1, level2, name, target, values)
