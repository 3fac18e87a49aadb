"""Performance forms (绩效目标表) as disclosures print them, in two layouts, after the tables.

- `key_value`: one form per project, `项目名称 | …`, `主管部门 | … | 实施单位 | …`, the funds
  under `项目资金（万元）`, `年度目标 | …`, then the indicator tree under `绩效指标`: `一级指标 |
  二级指标 | 三级指标 | 指标值`, the levels merged down over their indicators. A form too long
  for its page goes on atop the next, the indicator rows alone (as most provinces print them).
- `grid`: one table of every project, one row per indicator: `项目名称 | 资金总额 | 绩效目标 |
  一级指标 | 二级指标 | 三级指标 | 指标值`, the project's cells merged down over its indicator rows;
  on a continuation page the header and the project's cells are printed again.
- `list`: one row per project and no indicator tree: `单位名称 | 项目名称 | 金额 | 绩效目标`, the
  targets stated only in the goal's prose (`1.保障办公面积不低于13459.00平方米，开展培训4次、…`);
  the header printed again atop each page.

A key-value form printed with `tree=False` stops after its goal: its targets too are only prose.

A disclosure prints them when its spec lists a `FormsSpec` among its `appendices`. What each form
says (`FormSpec`) is what reading it must return; `sample_forms` gives a department's forms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

# the renderer's cell, drawn by its pages (`_Pages.cell`), as its tables' cells are
from samplegen.render import SMALL_SIZE, _CellBox, wrap_text
from samplegen.spec import format_amount

LAYOUTS = ("key_value", "grid", "list")
FONT_SIZE = 8.0
LEADING = 1.25
PADDING = 2.0
TITLE_SIZE = 14.0
# Column widths (points) of each layout; A4 landscape leaves 770 between the margins.
KEY_VALUE_WIDTHS = (110.0, 100.0, 130.0, 250.0, 180.0)
GRID_WIDTHS = (120.0, 60.0, 170.0, 70.0, 90.0, 160.0, 100.0)
GRID_HEADER = ("项目名称", "资金总额", "绩效目标", "一级指标", "二级指标", "三级指标", "指标值")
# …with the target printed in three columns: comparator, value, unit (`≥ | 95 | %`)
SPLIT_WIDTHS = (110.0, 55.0, 150.0, 60.0, 85.0, 140.0, 50.0, 70.0, 50.0)
SPLIT_HEADER = (*GRID_HEADER[:6], "指标性质", "指标值", "度量单位")
LIST_WIDTHS = (150.0, 130.0, 70.0, 420.0)
LIST_HEADER = ("单位名称", "项目名称", "金额", "绩效目标")
QUALITATIVE = "定性"  # what the comparator column prints for a target in words
TREE_GAP = 12.0  # points between a key-value form's head and its tree printed apart
FUNDS_LABEL = "项目资金（万元）"


@dataclass(frozen=True)
class IndicatorSpec:
    """One indicator: its levels and its target as printed (`≥95%`, `≤15万元`, `按时完成`)."""

    level1: str
    level2: str
    level3: str
    target: str


@dataclass(frozen=True)
class FormSpec:
    """One project's form: what it prints, and so what reading it returns."""

    project_name: str
    department: str
    implementing_unit: str
    funds: tuple[tuple[str, Decimal], ...]  # (label, 万元): the total first
    goal: str
    indicators: tuple[IndicatorSpec, ...]

    @property
    def title(self) -> str:
        return f"{self.project_name}项目绩效目标表"

    @property
    def total(self) -> Decimal:
        return self.funds[0][1]


@dataclass(frozen=True)
class _Slot:
    """A cell on one row: columns [col, col + colspan); `merge` joins it to the cell above
    that has the same key (a level, a project's cells merged down)."""

    col: int
    colspan: int
    text: str
    align: str = "left"
    merge: str | None = None


@dataclass(frozen=True)
class _Row:
    slots: tuple[_Slot, ...]
    starts_form: bool = False


@dataclass(frozen=True)
class FormsSpec:
    """The forms a disclosure prints after its tables, in one layout.

    `rows_per_page` caps the body rows a page holds (forcing a form over two pages);
    `title_in_grid` prints a key-value form's title as its grid's first row; `tree_apart`
    prints its indicator tree as a grid of its own below its head; `split_targets` prints the
    grid layout's targets in three columns (`指标性质 | 指标值 | 度量单位`); `tree=False` prints
    a key-value form without its indicator tree."""

    forms: tuple[FormSpec, ...]
    layout: str = "key_value"
    department: str = ""
    title: str = "项目支出绩效目标表"  # the grid layout's title
    rows_per_page: int | None = None
    title_in_grid: bool = False
    tree_apart: bool = False
    split_targets: bool = False
    tree: bool = True

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise ValueError(f"layout is one of {LAYOUTS}, not {self.layout!r}")

    def draw(self, pages: Any) -> None:
        """Draw the forms on new pages of a disclosure being rendered (`samplegen.render`)."""
        if self.layout == "grid":
            _draw_grid(pages, self)
        elif self.layout == "list":
            _draw_list(pages, self)
        else:
            for form in self.forms:
                _draw_key_value(pages, self, form)


# --- rows -------------------------------------------------------------------------------------


def split_target(target: str) -> tuple[str, str, str]:
    """A target as three columns print it: `≥95%` → (`≥`, `95`, `%`), `≥13459.00(平方米)` →
    (`≥`, `13459.00`, `平方米`), a target in words → (`定性`, the words, ``)."""
    match = _TARGET_PARTS.match(target)
    if match is None:
        return QUALITATIVE, target, ""
    return match["cmp"], match["value"], match["unit"].strip("()（）")


_TARGET_PARTS = re.compile(r"^(?P<cmp>[≥≤=<>])(?P<value>\d+(?:\.\d+)?)(?P<unit>.*)$")


def _indicator_slots(
    form_key: str, indicator: IndicatorSpec, first_col: int, split: bool = False
) -> tuple[_Slot, ...]:
    level1_key = f"{form_key}/{indicator.level1}"
    target = (
        tuple(
            _Slot(first_col + 3 + i, 1, part, "centre")
            for i, part in enumerate(split_target(indicator.target))
        )
        if split
        else (_Slot(first_col + 3, 1, indicator.target, "centre"),)
    )
    return (
        _Slot(first_col, 1, indicator.level1, "centre", level1_key),
        _Slot(first_col + 1, 1, indicator.level2, "centre", f"{level1_key}/{indicator.level2}"),
        _Slot(first_col + 2, 1, indicator.level3),
        *target,
    )


def key_value_rows(spec: FormsSpec, form: FormSpec) -> tuple[list[_Row], list[_Row]]:
    """A key-value form's rows: the head (name, units, funds, goal) and the indicator tree."""
    key = form.project_name
    head = []
    if spec.title_in_grid:
        head.append(_Row((_Slot(0, 5, form.title, "centre"),)))
    head += [
        _Row((_Slot(0, 1, "项目名称", "centre"), _Slot(1, 4, form.project_name))),
        _Row(
            (
                _Slot(0, 1, "主管部门", "centre"),
                _Slot(1, 2, form.department),
                _Slot(3, 1, "实施单位", "centre"),
                _Slot(4, 1, form.implementing_unit),
            )
        ),
    ]
    for label, amount in form.funds:
        head.append(
            _Row(
                (
                    _Slot(0, 1, FUNDS_LABEL, "centre", f"{key}/funds"),
                    _Slot(1, 2, label, "centre"),
                    _Slot(3, 2, format_amount(amount), "right"),
                )
            )
        )
    head.append(_Row((_Slot(0, 1, "年度目标", "centre"), _Slot(1, 4, form.goal))))
    if not spec.tree:
        return head, []
    block = f"{key}/indicators"
    tree = [
        _Row(
            (
                _Slot(0, 1, "绩效指标", "centre", block),
                *(_Slot(i + 1, 1, t, "centre") for i, t in enumerate(GRID_HEADER[3:])),
            )
        )
    ]
    for indicator in form.indicators:
        tree.append(_Row((_Slot(0, 1, "", "centre", block), *_indicator_slots(key, indicator, 1))))
    return head, tree


def grid_rows(spec: FormsSpec) -> list[_Row]:
    """The grid layout's body: one row per indicator, each project's cells merged down."""
    rows = []
    for form in spec.forms:
        key = form.project_name
        for i, indicator in enumerate(form.indicators):
            rows.append(
                _Row(
                    (
                        _Slot(0, 1, form.project_name, "left", f"{key}/name"),
                        _Slot(1, 1, format_amount(form.total), "right", f"{key}/total"),
                        _Slot(2, 1, form.goal, "left", f"{key}/goal"),
                        *_indicator_slots(key, indicator, 3, spec.split_targets),
                    ),
                    starts_form=i == 0,
                )
            )
    return rows


def list_rows(spec: FormsSpec) -> list[_Row]:
    """The list layout's body: one row per project, its goal in prose."""
    return [
        _Row(
            (
                _Slot(0, 1, form.implementing_unit),
                _Slot(1, 1, form.project_name),
                _Slot(2, 1, format_amount(form.total), "right"),
                _Slot(3, 1, form.goal),
            ),
            starts_form=True,
        )
        for form in spec.forms
    ]


# --- drawing ----------------------------------------------------------------------------------


def _edges(widths: Sequence[float], left: float) -> list[float]:
    edges = [left]
    for width in widths:
        edges.append(round(edges[-1] + width, 2))
    return edges


def _lines(slot: _Slot, edges: Sequence[float], font_name: str) -> list[str]:
    width = edges[slot.col + slot.colspan] - edges[slot.col] - 2 * PADDING
    return wrap_text(slot.text, width, FONT_SIZE, font_name)


def _height(lines: int) -> float:
    return max(lines, 1) * FONT_SIZE * LEADING + 2 * PADDING


def _row_heights(rows: Sequence[_Row], edges: Sequence[float], font_name: str) -> list[float]:
    """Each row tall enough for its own cells; a merged run's rows grown (evenly) until its
    text fits the run."""
    heights = [
        max(_height(len(_lines(s, edges, font_name))) for s in row.slots if s.merge is None)
        if any(s.merge is None for s in row.slots)
        else _height(1)
        for row in rows
    ]
    for start, end, slot in _runs(rows):
        needed = _height(len(_lines(slot, edges, font_name)))
        have = sum(heights[start:end])
        if needed > have:
            extra = (needed - have) / (end - start)
            for i in range(start, end):
                heights[i] += extra
    return heights


def _runs(rows: Sequence[_Row]) -> list[tuple[int, int, _Slot]]:
    """Runs [start, end) of rows whose cell at a column merges down, with the run's first cell."""
    runs = []
    open_runs: dict[int, tuple[int, _Slot]] = {}
    for i, row in enumerate(rows):
        by_col = {s.col: s for s in row.slots}
        for col, (start, slot) in list(open_runs.items()):
            here = by_col.get(col)
            if here is None or here.merge is None or here.merge != slot.merge:
                runs.append((start, i, slot))
                del open_runs[col]
        for slot in row.slots:
            if slot.merge is not None and slot.col not in open_runs:
                open_runs[slot.col] = (i, slot)
    runs += [(start, len(rows), slot) for start, slot in open_runs.values()]
    return runs


def _draw_rows(
    pages: Any, rows: Sequence[_Row], heights: Sequence[float], edges: Sequence[float]
) -> None:
    """Draw rows top-down from the cursor: single cells per row, merged runs as one cell."""
    font_name = pages.font.name
    tops = [round(pages.y, 2)]
    for height in heights:
        tops.append(round(tops[-1] - height, 2))
    for i, row in enumerate(rows):
        for slot in row.slots:
            if slot.merge is None:
                box = _CellBox(
                    slot.col, slot.colspan, tuple(_lines(slot, edges, font_name)), slot.align
                )
                pages.cell(box, edges, tops[i], tops[i + 1], FONT_SIZE)
    for start, end, slot in _runs(rows):
        lines = _lines(slot, edges, font_name)
        if _height(len(lines)) > tops[start] - tops[end] + 0.01:
            lines = []  # a merged cell cut short by the page: its text stays on its first page
        box = _CellBox(slot.col, slot.colspan, tuple(lines), slot.align)
        pages.cell(box, edges, tops[start], tops[end], FONT_SIZE)
    pages.y = tops[-1]


def _title(pages: Any, title: str, department: str) -> None:
    pages.text_line(title, TITLE_SIZE, TITLE_SIZE * 1.8, "centre")
    if department:
        top = pages.y
        pages.text_line(f"部门名称：{department}", SMALL_SIZE, SMALL_SIZE * 1.8)
        pages.y = top
    pages.text_line("单位：万元", SMALL_SIZE, SMALL_SIZE * 1.8, "right")


def _fits(pages: Any, heights: Sequence[float], count: int, limit: int | None) -> int:
    """How many of the next rows fit the page (at most `limit`; at least one)."""
    room, taken = pages.room, 0
    for height in heights:
        if taken == limit or height > room:
            break
        room -= height
        taken += 1
    return max(taken, 1) if count else 0


def _draw_key_value(pages: Any, spec: FormsSpec, form: FormSpec) -> None:
    layout = pages.layout
    edges = _edges(KEY_VALUE_WIDTHS, layout.margin_left)
    head, tree = key_value_rows(spec, form)
    rows = head + tree
    heights = _row_heights(rows, edges, pages.font.name)
    pages.new_page()
    if not spec.title_in_grid:
        pages.text_line(form.title, TITLE_SIZE, TITLE_SIZE * 1.8, "centre")
    done = 0
    while done < len(rows):
        limit = spec.rows_per_page
        if spec.tree_apart and done < len(head):
            limit = min(limit or len(head), len(head) - done)  # the head ends its own grid
        taken = _fits(pages, heights[done:], len(rows) - done, limit)
        _draw_rows(pages, rows[done : done + taken], heights[done : done + taken], edges)
        done += taken
        if spec.tree_apart and done == len(head):
            pages.y -= TREE_GAP
        elif done < len(rows):
            pages.new_page()  # the tree goes on atop the next page, no title, no header


def _draw_grid(pages: Any, spec: FormsSpec) -> None:
    widths, texts = (
        (SPLIT_WIDTHS, SPLIT_HEADER) if spec.split_targets else (GRID_WIDTHS, GRID_HEADER)
    )
    _draw_paged(pages, spec, widths, texts, grid_rows(spec))


def _draw_list(pages: Any, spec: FormsSpec) -> None:
    _draw_paged(pages, spec, LIST_WIDTHS, LIST_HEADER, list_rows(spec))


def _draw_paged(
    pages: Any,
    spec: FormsSpec,
    widths: Sequence[float],
    header_texts: Sequence[str],
    rows: list[_Row],
) -> None:
    """Rows under a header, as many a page as fit (or `spec.rows_per_page`), the title and the
    header printed again atop each page."""
    edges = _edges(widths, pages.layout.margin_left)
    header = _Row(tuple(_Slot(i, 1, t, "centre") for i, t in enumerate(header_texts)))
    header_height = _row_heights([header], edges, pages.font.name)[0]
    heights = _row_heights(rows, edges, pages.font.name)
    done = 0
    while done < len(rows):
        pages.new_page()
        _title(pages, spec.title, spec.department)
        _draw_rows(pages, [header], [header_height], edges)
        taken = _fits(pages, heights[done:], len(rows) - done, spec.rows_per_page)
        _draw_rows(pages, rows[done : done + taken], heights[done : done + taken], edges)
        done += taken


# --- what a department prints -----------------------------------------------------------------


def _indicators(cost: Decimal, area: str) -> tuple[IndicatorSpec, ...]:
    return (
        IndicatorSpec("成本指标", "经济成本指标", "项目成本控制", f"≤{cost}万元"),
        IndicatorSpec("产出指标", "数量指标", "保障办公面积", f"≥{area}(平方米)"),
        IndicatorSpec("产出指标", "数量指标", "开展培训次数", "≥4次"),
        IndicatorSpec("产出指标", "质量指标", "设备完好率", "≥95%"),
        IndicatorSpec("产出指标", "时效指标", "任务完成时间", "年底前完成"),
        IndicatorSpec("效益指标", "社会效益指标", "群众办事便利度", "有效提升"),
        IndicatorSpec("效益指标", "可持续影响指标", "设施持续使用年限", "≥3年"),
        IndicatorSpec("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"),
    )


def prose_goal(area: str, cost: Decimal) -> str:
    """A goal stating its targets in prose, as forms with no indicator tree print them: numbered
    items, sentences, clauses, two counts listed with `、`, comparators in words."""
    return (
        f"1.保障办公面积不低于{area}平方米，开展培训4次、座谈2场；"
        "2.设备完好率达到95%以上。"
        f"3.项目成本控制在{cost}万元以内，任务年底前完成。"
        "群众办事便利度有效提升。"
    )


def sample_forms(department: str, layout: str = "key_value", **options: Any) -> FormsSpec:
    """Three project forms of a department, with money, areas, counts and words as targets;
    `options` are `FormsSpec`'s (`rows_per_page`, `title_in_grid`, …). Forms with no
    indicator tree (`list`, `tree=False`) state their targets in the goal (`prose_goal`)."""
    prose = layout == "list" or options.get("tree") is False
    projects = (
        ("办公楼物业管理", Decimal("25.89"), Decimal("25.89"), "13459.00"),
        ("信息系统运行维护", Decimal("1097.02"), Decimal("1050.5"), "5137.26"),
        ("来访接待中心运行", Decimal("145.00"), Decimal("145"), "980"),
    )
    forms = []
    for name, total, cost, area in projects:
        appropriation = (total * Decimal("0.8")).quantize(Decimal("0.01"))
        forms.append(
            FormSpec(
                project_name=name,
                department=department,
                implementing_unit=department,
                funds=(
                    ("资金总额", total),
                    ("财政拨款", appropriation),
                    ("其他资金", total - appropriation),
                ),
                goal=prose_goal(area, cost)
                if prose
                else f"保障{name}正常开展，全年服务面积{area}平方米，服务对象满意度达到90%以上。",
                indicators=() if prose else _indicators(cost, area),
            )
        )
    return FormsSpec(tuple(forms), layout=layout, department=department, **options)
