"""The targets a form's goal states in prose, where the form prints no indicator tree.

Many forms list one row per project (`单位名称 | 项目名称 | 金额 | 绩效目标`) or print a goal and
nothing under it: their only targets are the 绩效目标 text, e.g.

    站点维护数量162个，自动气象站网资料接收及时率达到98％以上，设备故障响应时效24小时。
    1.…大厅冲突事件发生数量控制在2起/年…；2.通过预算投入，聘请常驻律师至少6名…

A reader lists those targets by the text's own boundaries: its numbered items (`1.`, `2、`,
`（1）`, `目标1：`, `一是`), its sentences (`。`, `；`), and — in a sentence that states more than
one quantity — its clauses (`，`), a clause naming two counts (`社工23名、社区建设社工8名`) cut at
its `、`. Each target is one clause or sentence as printed, with the quantity it states read by
`disclosure.quantities`: the comparator it words (`以上`, `至少`, `不低于` → ≥; `以内`, `不超过`,
`控制在`, `以下` → ≤; `=` when it words none), the number and the unit. A target in words keeps its
text and no value. A means printed before a target (`通过预算投入，…`) is part of that target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from disclosure.quantities import Quantity, quoted_quantities

# A list number opening an item: `1.` `2、` `（3）` `目标1：` `一是`, at the start or after a stop.
_ITEM = re.compile(
    r"(?:^|(?<=[。；;，,：:！!？?\s]))\s*(?:"
    r"\d{1,2}(?:[、.．](?!\d)|[)）])"
    r"|[（(]\d{1,2}[)）]"
    r"|目标\d{1,2}\s*[:：]"
    r"|[一二三四五六七八九十]是"
    r"|[一二三四五六七八九十]、"
    r")"
)
_SENTENCE_END = re.compile(r"[。；;！!？?]")
_CLAUSE_END = re.compile(r"[，,]")
_LISTED = "、"
# A clause that says by what means, not what: it opens the target after it.
_MEANS = re.compile(r"^(?:通过|依托|按照|根据|围绕|结合|利用|运用|采取|借助)")
_STRIP = " \t\n。；;，,：:、"


@dataclass(frozen=True, slots=True)
class StatedTarget:
    """One target a goal's prose states: the clause as printed, where it starts in the text,
    and the quantity it states (comparator, value, unit), if any."""

    text: str
    start: int  # offset of `text` in the goal text read
    comparator: str | None
    value: Decimal | None
    unit: str | None


def stated_targets(goal: str) -> list[StatedTarget]:
    """The targets a goal text states, in printed order (see the module's docstring). `goal` is
    read as given (squeezed text, as forms keep it); offsets are into it."""
    targets: list[StatedTarget] = []
    for start, end in _items(goal):
        for s_start, s_end in _split(goal, start, end, _SENTENCE_END):
            targets += _sentence_targets(goal, s_start, s_end)
    return targets


def _items(text: str) -> list[tuple[int, int]]:
    """[start, end) of each numbered item (the whole text when it numbers none), list numbers
    left out."""
    marks = list(_ITEM.finditer(text))
    if not marks:
        return [(0, len(text))]
    spans = []
    if text[: marks[0].start()].strip(_STRIP):
        spans.append((0, marks[0].start()))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        spans.append((mark.end(), end))
    return spans


def _split(text: str, start: int, end: int, stops: re.Pattern[str]) -> list[tuple[int, int]]:
    """[start, end) cut after each stop, each part trimmed of stops and spaces; empty parts
    left out."""
    parts = []
    at = start
    for stop in stops.finditer(text, start, end):
        parts.append((at, stop.start()))
        at = stop.end()
    parts.append((at, end))
    return [span for span in (_trim(text, a, b) for a, b in parts) if span[0] < span[1]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _sentence_targets(text: str, start: int, end: int) -> list[StatedTarget]:
    """A sentence: one target, or — when it states more than one quantity — one per clause."""
    if len(quoted_quantities(text[start:end])) < 2:
        return [_target(text, start, end)]
    clauses: list[tuple[int, int]] = []
    for c_start, c_end in _split(text, start, end, _CLAUSE_END):
        clauses += _listed(text, c_start, c_end)
    targets = []
    means: int | None = None  # where a clause of means began, to open the next target
    for c_start, c_end in clauses:
        clause = text[c_start:c_end]
        if _MEANS.match(clause) and not quoted_quantities(clause) and means is None:
            means = c_start
            continue
        targets.append(_target(text, means if means is not None else c_start, c_end))
        means = None
    if means is not None:
        targets.append(_target(text, means, clauses[-1][1]))
    return targets


def _listed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A clause naming several quantities in a list (`社工23名、社区建设社工8名`): one part per
    quantity, when each part states one; else the clause whole."""
    parts = _split(text, start, end, re.compile(_LISTED))
    if len(parts) > 1 and all(len(quoted_quantities(text[a:b])) == 1 for a, b in parts):
        return parts
    return [(start, end)]


def _target(text: str, start: int, end: int) -> StatedTarget:
    clause = text[start:end]
    quantity = _chosen(quoted_quantities(clause))
    if quantity is None or quantity.value is None:
        return StatedTarget(clause, start, None, None, None)
    return StatedTarget(clause, start, quantity.comparator or "=", quantity.value, quantity.unit)


def _chosen(quantities: list[Quantity]) -> Quantity | None:
    """The quantity a clause sets as its target: the one it words a comparator for, else its only
    one; none when it states several alike (`2名执业律师和4名实习律师`)."""
    marked = [q for q in quantities if q.comparator]
    if marked:
        return marked[0]
    return quantities[0] if len(quantities) == 1 else None
