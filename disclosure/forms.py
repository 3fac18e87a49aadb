"""Performance forms (绩效目标表 / 绩效自评表) read from a disclosure's pages, by what they say.

    from disclosure.forms import pages_to_forms
    forms = pages_to_forms(read_pages("budget.pdf"))

A form is found by its title (`项目支出绩效目标表`, `部门整体支出绩效目标表`, `XXX项目绩效自评表`,
`政策和项目预算绩效目标表`, `项目支出绩效表` …) or by the header of its indicator tree (`一级指标 |
二级指标 | 三级指标 | 指标值`). Forms are printed in two layouts, both read into the same
`PerformanceForm`:

- key-value: `项目名称 | value`, `主管部门 | value | 实施单位 | value`, the funds
  (`项目资金（万元）`: `年度资金总额`, `其中：财政拨款` …, in 自评 also `年初预算数 | 全年预算数 |
  全年执行数 | 执行率 | 得分`), the goal (`年度目标`, `总体目标`), then the indicator tree, one row
  per indicator; a form continued on the next page goes on where it stopped (its columns found
  by their position);
- grid: one table of many forms, with a header, the project's name, funds and goal in cells
  merged down over its indicator rows (or one row per project, its indicators listed in one
  cell, or one column per 二级指标 as in Hunan's 其他资金 / 部门整体支出绩效目标表).

Every printed value becomes a `PerformanceFact` (its labels, its text, its number and unit; in
元 when it is money: the unit printed in its label, `（万元）`, or above the form, `单位：万元`);
every indicator a `PerformanceIndicator` (its levels, its target as printed and as comparator,
number and unit; in a 自评 form the actual value, the points and the score). A value a
continuation page prints again is marked `repeated`. Numbers quoted in a printed text (`租用面积
5137.26平方米`) are facts too, marked `quoted`. A form that prints no indicator tree has as its
indicators the targets its goal's prose states (`disclosure.goals`), with no levels. No Prefect
here: a pure library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from disclosure.amounts import is_nil, looks_like_amount, parse_amount
from disclosure.columns import MONEY_UNIT_IN_HEADER
from disclosure.cover import filer_name, unit_label
from disclosure.furniture import is_page_number
from disclosure.goals import stated_targets
from disclosure.grid import Grid, GridCell
from disclosure.indicator_levels import (
    indicator_items,
    level1_of,
    level2_of,
    split_levels,
)
from disclosure.model import (
    BBox,
    FormKind,
    PerformanceFact,
    PerformanceForm,
    PerformanceForms,
    PerformanceIndicator,
)
from disclosure.page import PageContent, TextLine
from disclosure.quantities import (
    comparator_of,
    fits,
    in_yuan,
    quoted_quantities,
    read_quantity,
)
from disclosure.text import squeeze

# --- what forms print -------------------------------------------------------------------------

# A form's title: `…绩效目标表`, `…绩效自评表`, `…绩效指标表`, `…绩效表`, `…绩效目标申报表`.
_FORM_TITLE = re.compile(r"绩效(?:目标|自评|指标|评价)?.{0,4}表")
# A line that is some table's title (a form's or another's): it ends in 表, or numbers one.
_ANY_TITLE = re.compile(r"表(?:[(（].{0,12}[)）])?$|^(?:预算)?表\d|^附表")
# A line introducing forms with no title of their own: `重点项目绩效目标情况如下：`.
_FORM_INTRO = re.compile(r"绩效(?:目标|自评|评价).{0,12}(?:如下|见下表)[:：]?$")
_SUBTOTAL = re.compile(r"^(?:合计|总计|小计)[:：]?$")

# The columns of an indicator tree, by what their header says (first match wins).
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (role, re.compile(pattern))
    for role, pattern in (
        ("level1", r"^一级指标(?:名称)?$"),
        ("level2", r"^二级指标(?:名称)?$"),
        ("level3", r"^三级指标(?:名称)?$"),
        ("comparator", r"指标值类型|指标性质|指标方向|^(?:计算)?符号$"),
        ("unit", r"度量单位|计量单位|^单位$"),
        ("actual", r"实际完成值|实际值|^完成值$|实际完成指标值"),
        ("weight", r"^分值$|^权重$|^指标分值$"),
        ("score", r"^得分$|^自评得分$"),
        ("target", r"^(?:年度|本年|本年度|全年|预期)?(?:绩效)?(?:指标值|目标值)(?:[(（].*[)）])?$"),
        ("indicator", r"^(?:绩效)?指标(?:名称)?$"),
    )
)
_LEVEL_ROLES = ("level1", "level2", "level3")
_INDICATOR_ROLES = frozenset(
    {"level1", "level2", "level3", "comparator", "unit", "actual", "weight", "score", "target"}
)

# Key-value labels: what a form names its values with.
_NAME_KEY = re.compile(r"^(?:项目|政策|专项|资金)(?:名称|全称)")
_DEPARTMENT_KEY = re.compile(r"^(?:主管部门|部门名称|预算部门|主管单位)")
_IMPLEMENTER_KEY = re.compile(r"^(?:实施单位|项目单位|执行单位|单位名称|预算单位)")
_GOAL_KEY = re.compile(r"(?:年度|总体|整体|绩效|预期|中期|实施期|项目)目标|^目标$")
_LABEL = re.compile(
    r"(?:名称|部门|单位|代码|资金|金额|总额|拨款|结转|预算数|执行数|决算数|预算|支出|合计|总计"
    r"|小计|分值|执行率|得分|目标|情况|说明|备注|指标|总分|活动|性质|来源|其中|[(（](?:亿元|"
    r"百万元|万元|千元|元)[)）])[:：]?$|^其中[:：]|[:：]$"
)
_LABEL_MAX = 20  # a label is short; a longer text is a value
_MONEY_UNIT_IN_LABEL = MONEY_UNIT_IN_HEADER
_MONEY_LABEL = re.compile(
    r"资金|金额|总额|拨款|结转|预算|支出|经费|合计|总计|小计|收入|执行数|决算"
)
_NOT_MONEY_LABEL = re.compile(r"分值|得分|率|比例|权重|指标|目标|编码|代码|名称|单位$|数量")

# Project-level columns of a grid form, by their header.
_NAME_COLUMN = re.compile(r"项目.*名称|名称.*项目|^项目$|专项.*名称|政策.*名称")
_UNIT_COLUMN = re.compile(r"(?:单位|部门).*名称|资金使用单位|^部门$|^单位$")
_CODE_COLUMN = re.compile(r"编码|代码")
_GOAL_COLUMN = re.compile(r"绩效目标|年度目标|总体目标|整体目标|^目标$")
_INDICATOR_TEXT_COLUMN = re.compile(r"^(?:绩效)?指标$|^绩效指标")

_X_TOLERANCE = 2.0  # points: the same column drawn on two pages


def _text(cell: GridCell) -> str:
    return _squeezed(cell.text)


@lru_cache(maxsize=4096)
def _squeezed(text: str) -> str:
    return squeeze(text)


@lru_cache(maxsize=4096)
def _role(header: str) -> str | None:
    for role, pattern in _ROLES:
        if pattern.search(header):
            return role
    return None


def _is_label(text: str) -> bool:
    return 0 < len(text) <= _LABEL_MAX and bool(_LABEL.search(text))


def _label(text: str) -> str:
    return text.rstrip(":：")


def money_unit_of(label_path: str, caption_unit: str | None) -> str | None:
    """The money unit a bare number under these labels is printed in: the one a label prints
    (`项目资金（万元）`), else the form's `单位：万元` when the labels name money."""
    leaf = label_path.rsplit("/", 1)[-1]
    if _NOT_MONEY_LABEL.search(_MONEY_UNIT_IN_LABEL.sub("", leaf)):
        return None
    if m := _MONEY_UNIT_IN_LABEL.search(label_path):
        return m.group(1)
    return caption_unit if _MONEY_LABEL.search(label_path) else None


# --- facts ------------------------------------------------------------------------------------


def value_facts(
    label_path: str,
    printed: str,
    page_no: int,
    bbox: BBox,
    money_unit: str | None,
    repeated: bool = False,
    numeric: bool = True,
) -> list[PerformanceFact]:
    """The facts one printed value gives: itself (with its number, when it states one), and,
    when it is a longer text, each quantity it quotes. `numeric=False` for a code."""
    text = squeeze(printed)
    if not text:
        return []
    if not numeric:
        return [PerformanceFact(label_path, text, None, None, None, page_no, bbox, False, repeated)]
    if looks_like_amount(text):
        amount = parse_amount(text)
        if amount is not None and not fits(amount):
            amount = None
        unit = money_unit
        return [
            PerformanceFact(
                label_path,
                text,
                amount,
                unit,
                in_yuan(amount, unit),
                page_no,
                bbox,
                False,
                repeated,
            )
        ]
    quantity = read_quantity(text)
    if quantity.value is not None and len(text) - len(_quantity_span(text)) <= 2:
        # the value is one quantity (`≥95%`, `≤15万元`, `每年≥20场`)
        unit = quantity.unit
        return [
            PerformanceFact(
                label_path,
                text,
                quantity.value,
                unit,
                in_yuan(quantity.value, unit),
                page_no,
                bbox,
                False,
                repeated,
            )
        ]
    facts = [PerformanceFact(label_path, text, None, None, None, page_no, bbox, False, repeated)]
    for quoted in quoted_quantities(text):
        facts.append(
            PerformanceFact(
                label_path,
                quoted.text,
                quoted.value,
                quoted.unit,
                in_yuan(quoted.value, quoted.unit),
                page_no,
                bbox,
                True,
                repeated,
            )
        )
    return facts


def _quantity_span(text: str) -> str:
    found = quoted_quantities(text)
    return found[0].text if len(found) == 1 else ""


# --- forms being read -------------------------------------------------------------------------


@dataclass
class _Column:
    """A column of a form: where it is printed, what its header says, what it holds."""

    x0: float
    x1: float
    path: str
    role: str | None
    level1: str | None = None  # for a column per 二级指标 (Hunan): the levels it stands for
    level2: str | None = None

    def holds(self, bbox: BBox) -> bool:
        middle = (bbox.x0 + bbox.x1) / 2
        return self.x0 - _X_TOLERANCE <= middle <= self.x1 + _X_TOLERANCE


def _column_of(columns: Sequence[_Column], bbox: BBox) -> _Column | None:
    for column in columns:
        if column.holds(bbox):
            return column
    return None


@dataclass
class _Draft:
    """A form being read."""

    kind: FormKind
    title: str
    caption_unit: str | None
    department: str | None
    page_first: int
    page_last: int
    project_name: str | None = None
    implementing_unit: str | None = None
    goal_text: str | None = None
    goal_parts: list[tuple[int, int, BBox]] = field(default_factory=list)  # offset, page, box
    facts: list[PerformanceFact] = field(default_factory=list)
    indicators: list[PerformanceIndicator] = field(default_factory=list)
    printed: dict[tuple[str, str], int] = field(default_factory=dict)  # → first page
    levels: tuple[str | None, str | None] = (None, None)  # the last row's, for merged cells
    label_prefix: str = ""

    def add_value(
        self,
        label_path: str,
        cell: GridCell,
        page_no: int,
        money_unit: str | None,
        numeric: bool = True,
    ) -> None:
        self.add_text(label_path, cell.text, cell.bbox, page_no, money_unit, numeric)

    def add_text(
        self,
        label_path: str,
        printed: str,
        bbox: BBox,
        page_no: int,
        money_unit: str | None,
        numeric: bool = True,
    ) -> None:
        """A printed value under its labels: its facts (`value_facts`)."""
        text = squeeze(printed)
        if not text:
            return
        repeated = self.seen(label_path, text, page_no)
        self.facts += value_facts(label_path, text, page_no, bbox, money_unit, repeated, numeric)
        self.page_last = max(self.page_last, page_no)

    def add_goal(self, text: str, page_no: int, bbox: BBox) -> None:
        """Goal text printed in a cell: the form's goal, or more of it (cut at a page break)."""
        self.goal_parts.append((len(self.goal_text or ""), page_no, bbox))
        self.goal_text = (self.goal_text or "") + text

    def goal_indicators(self) -> list[PerformanceIndicator]:
        """The targets the goal's prose states (`disclosure.goals`), as indicators of no level:
        what a form that prints no indicator tree promises."""
        indicators = []
        for target in stated_targets(self.goal_text or ""):
            _, page_no, bbox = next(
                (p for p in reversed(self.goal_parts) if p[0] <= target.start),
                self.goal_parts[0],
            )
            indicators.append(
                PerformanceIndicator(
                    level1=None,
                    level2=None,
                    level3=None,
                    target_text=target.text,
                    comparator=target.comparator,
                    target_value=target.value,
                    target_unit=target.unit,
                    page_no=page_no,
                    bbox=bbox,
                )
            )
        return indicators

    def seen(self, label_path: str, text: str, page_no: int) -> bool:
        """True when the same value was printed under the same labels on an earlier page: a
        continuation page printing it again."""
        first = self.printed.setdefault((label_path, text), page_no)
        return first < page_no

    def to_form(self, form_no: int) -> PerformanceForm:
        kind = self.kind
        # a form with no indicator tree: the targets its goal states are its indicators
        indicators = self.indicators or (self.goal_indicators() if self.goal_parts else [])
        if kind is FormKind.PROJECT and any(
            i.actual_text is not None or i.score is not None for i in self.indicators
        ):
            kind = FormKind.SELF_EVALUATION
        return PerformanceForm(
            form_no=form_no,
            form_kind=kind,
            title=self.title,
            project_name=self.project_name,
            department=self.department,
            implementing_unit=self.implementing_unit,
            page_first=self.page_first,
            page_last=self.page_last,
            goal_text=self.goal_text or None,
            facts=self.facts,
            indicators=indicators,
        )


def _kind_of(title: str) -> FormKind:
    if "自评" in title or "评价" in title:
        return FormKind.SELF_EVALUATION
    if "整体" in title:
        return FormKind.DEPARTMENT
    return FormKind.PROJECT


@dataclass
class _Caption:
    """What a form's page prints above its grid: title, money unit, department."""

    title: str | None = None
    unit: str | None = None
    department: str | None = None
    other_title: bool = False  # a title that is no form's: another table starts here
    lines: int = 0


_UNIT_NAME_LINE = re.compile(r"(?:单位|部门)名称[:：](.+?)(?:(?:金额)?单位[:：].*)?$")


def _read_caption(lines: Iterable[str]) -> _Caption:
    caption = _Caption()
    for text in lines:
        caption.lines += 1
        if label := unit_label(text):
            caption.unit = label
        name = filer_name(text)
        if name is None and (m := _UNIT_NAME_LINE.match(text)):
            name = m.group(1)
        if name:
            caption.department = name
            continue
        if (_FORM_TITLE.search(text) and len(text) <= 60) or _FORM_INTRO.search(text):
            caption.title, caption.other_title = text, False
        elif _ANY_TITLE.search(text) and len(text) <= 40 and not label:
            caption.other_title = True
    return caption


# --- the indicator tree: one row per indicator ------------------------------------------------


@dataclass
class _IndicatorRow:
    """The cells of one indicator row, by the column they stand in."""

    page_no: int
    cells: dict[str, list[GridCell]] = field(default_factory=dict)  # role → cells
    extra: list[tuple[_Column, GridCell]] = field(default_factory=list)  # other columns

    def text(self, role: str) -> str:
        return "".join(_text(c) for c in self.cells.get(role, []))

    def bbox(self) -> BBox:
        boxes = [c.bbox for cells in self.cells.values() for c in cells]
        boxes += [c.bbox for _, c in self.extra]
        return BBox(
            min(b.x0 for b in boxes),
            min(b.top for b in boxes),
            max(b.x1 for b in boxes),
            max(b.bottom for b in boxes),
        )


def _number(text: str) -> Decimal | None:
    if looks_like_amount(text):
        value = parse_amount(text)
        return value if value is not None and fits(value) else None
    return read_quantity(text).value if text else None


def _add_indicator_row(draft: _Draft, row: _IndicatorRow, columns: Sequence[_Column]) -> None:
    """One row of an indicator tree: an indicator (with its cells as facts), or a row that
    totals them (`总分`, `合计`)."""
    level1, level2 = row.text("level1") or None, row.text("level2") or None
    level3 = row.text("level3") or None
    indicator_text = row.text("indicator")
    if indicator_text and level3 is None:
        split1, split2, rest = split_levels(indicator_text)
        level1, level2, level3 = level1 or split1, level2 or split2, rest or None
    target_cell = row.text("target")
    first = level1 or level2 or level3 or ""
    if _TOTAL_ROW.match(first):
        _add_total_row(draft, row, columns, first)
        return
    scored = any(row.text(r) for r in ("actual", "weight", "score"))
    if not (level3 or target_cell or scored):
        if level1 or level2:
            draft.levels = (level1 or draft.levels[0], level2)
        return  # a level printed alone on a row: it heads the rows below
    # merged level cells: a row printed under one inherits it (also on a continuation page)
    if level1 is None:
        level1 = draft.levels[0]
        level2 = level2 or draft.levels[1]
    draft.levels = (level1, level2)
    _record_indicator(draft, row, columns, level1, level2, level3, target_cell)


_TOTAL_ROW = re.compile(r"^(?:总分|合计|总计|小计|得分合计)[:：]?$")


def _add_total_row(
    draft: _Draft, row: _IndicatorRow, columns: Sequence[_Column], label: str
) -> None:
    by_role = {c.role: c for c in columns if c.role}
    for role, cells in row.cells.items():
        if role in _LEVEL_ROLES or role == "indicator":
            continue
        header = by_role[role].path.rsplit("/", 1)[-1] if role in by_role else role
        for cell in cells:
            draft.add_value(f"{_label(label)}/{header}", cell, row.page_no, None)
    for column, cell in row.extra:
        draft.add_value(f"{_label(label)}/{column.path}", cell, row.page_no, None)


def _record_indicator(
    draft: _Draft,
    row: _IndicatorRow,
    columns: Sequence[_Column],
    level1: str | None,
    level2: str | None,
    level3: str | None,
    target_cell: str,
) -> None:
    comparator_cell = row.text("comparator")
    unit_cell = row.text("unit")
    quantity = read_quantity(target_cell)
    comparator = comparator_of(comparator_cell) or quantity.comparator
    unit = unit_cell or quantity.unit
    target_text: str | None
    if comparator_cell and comparator_of(comparator_cell) and target_cell:
        printed_cmp = comparator_cell if comparator_cell not in target_cell else ""
        target_text = (
            printed_cmp + target_cell + (unit_cell if unit_cell not in target_cell else "")
        )
    elif unit_cell and target_cell and unit_cell not in target_cell:
        target_text = target_cell + unit_cell
    else:
        target_text = target_cell or None
    value = quantity.value
    if value is None and looks_like_amount(target_cell):
        value = _number(target_cell)
    actual = row.text("actual") or None
    actual_q = read_quantity(actual) if actual else None
    path = "/".join(p for p in (level1, level2, level3) if p)
    draft.indicators.append(
        PerformanceIndicator(
            level1=level1,
            level2=level2,
            level3=level3,
            target_text=target_text,
            comparator=comparator,
            target_value=value,
            target_unit=unit,
            actual_text=actual,
            actual_value=actual_q.value if actual_q else None,
            actual_unit=(actual_q.unit or unit_cell or None) if actual_q else None,
            weight=_number(row.text("weight")),
            score=_number(row.text("score")),
            page_no=row.page_no,
            bbox=row.bbox(),
        )
    )
    by_role = {c.role: c for c in columns if c.role}
    for role, cells in row.cells.items():
        if role in _LEVEL_ROLES or role == "indicator":
            continue
        column = by_role.get(role)
        header = column.path.rsplit("/", 1)[-1] if column else role
        money = unit if role in ("target", "actual") else None
        for cell in cells:
            draft.add_value(f"{path}/{header}" if path else header, cell, row.page_no, money)
    for column, cell in row.extra:
        header = column.path.rsplit("/", 1)[-1]
        draft.add_value(f"{path}/{header}" if path else header, cell, row.page_no, None)


def _add_item_indicators(
    draft: _Draft,
    text: str,
    page_no: int,
    bbox: BBox,
    level1: str | None = None,
    level2: str | None = None,
    label: str = "",
) -> None:
    """The indicators a cell lists (`1、1-产出指标；11-数量指标；…；年度指标值:≥20场。2、…`, or a
    二级指标 column's `群众来信按期办结率大于等于95%以上;…`)."""
    for item in indicator_items(text):
        l1 = item.level1 or level1
        l2 = item.level2 or level2
        name = item.name or None
        target = item.target if item.target is not None else item.name
        quantity = read_quantity(target) if target else None
        draft.indicators.append(
            PerformanceIndicator(
                level1=l1,
                level2=l2,
                level3=name,
                target_text=target,
                comparator=quantity.comparator if quantity else None,
                target_value=quantity.value if quantity else None,
                target_unit=quantity.unit if quantity else None,
                page_no=page_no,
                bbox=bbox,
            )
        )
        path = "/".join(p for p in (l1, l2, name) if p)
        for value_label, value in item.values:
            draft.add_text(f"{path}/{value_label}", value, bbox, page_no, None)
    # the cell as printed, with the quantities it quotes
    draft.add_text(label, text, bbox, page_no, None)


# --- grids ------------------------------------------------------------------------------------


def _indicator_header_row(grid: Grid) -> int | None:
    """The row that heads an indicator tree (`一级指标 | 二级指标 | 三级指标 | 指标值`)."""
    for row in range(grid.row_count):
        texts = [_text(c) for c in grid.row_cells(row)]
        if not any("指标" in t for t in texts):
            continue
        roles = {_role(t) for t in texts}
        if "level1" in roles and roles & {"level2", "level3", "target", "score"}:
            return row
        if "target" in roles and roles & {"level3", "indicator"}:
            return row
    return None


def _header_end(grid: Grid, at_least: int = 1) -> int:
    """Rows [0, end) are the header: the rows its top cells span, and those their cells span."""
    end = max([c.row + c.rowspan for c in grid.row_cells(0)] + [at_least])
    changed = True
    while changed:
        changed = False
        for cell in grid.cells:
            if cell.row < end and cell.row + cell.rowspan > end:
                end, changed = cell.row + cell.rowspan, True
    return min(end, grid.row_count)


def _header_columns(grid: Grid, end: int) -> list[_Column]:
    """The leaf columns a header of rows [0, end) names, each with its path and role."""
    columns: list[_Column] = []
    for col in range(grid.col_count):
        covering = [
            c for c in grid.cells if c.row < end and c.col <= col < c.col + c.colspan and _text(c)
        ]
        covering.sort(key=lambda c: c.row)
        texts: list[str] = []
        for cell in covering:
            if not texts or texts[-1] != _label(_text(cell)):
                texts.append(_label(_text(cell)))
        if not texts:
            continue
        bottom = covering[-1]
        path = "/".join(texts)
        if columns and columns[-1].path == path and abs(columns[-1].x0 - bottom.bbox.x0) < 1:
            continue  # a leaf spanning two grid columns
        role = _role(texts[-1])
        column = _Column(bottom.bbox.x0, bottom.bbox.x1, path, role)
        if role is None and (level2 := level2_of(texts[-1])):
            column.role, column.level2 = "category", level2
            column.level1 = next((t for t in texts[:-1] if level1_of(t)), None)
        elif role is None and len(texts) > 1 and level1_of(texts[-1]) and "绩效" in path:
            column.role, column.level1 = "category", level1_of(texts[-1])
        columns.append(column)
    if not any(c.role in _LEVEL_ROLES for c in columns):
        for column in columns:
            if column.role == "indicator" or (
                column.role is None and _INDICATOR_TEXT_COLUMN.search(column.path.split("/")[-1])
            ):
                column.role = "indicator_text"
    for column in columns:
        if column.role is None:
            leaf = column.path.split("/")[-1]
            if _NAME_COLUMN.search(leaf):
                column.role = "name"
            elif _CODE_COLUMN.search(leaf):
                column.role = "code"
            elif _UNIT_COLUMN.search(leaf):
                column.role = "unit_name"
            elif _GOAL_COLUMN.search(leaf):
                column.role = "goal"
    return columns


def _is_grid_form(columns: Sequence[_Column], caption: _Caption) -> bool:
    roles = {c.role for c in columns}
    if roles & {"level1", "level3"} and roles & {"target", "score"}:
        return True
    if sum(c.role == "category" for c in columns) >= 3:
        return True
    keyed = roles & {"name", "unit_name"}
    if keyed and roles & {"goal", "indicator_text"} and caption.title:
        return True
    return bool(keyed and "indicator_text" in roles and "target" in roles)


@dataclass
class _GridTable:
    """A grid of forms being read, maybe over several pages."""

    title: str
    caption: _Caption
    columns: list[_Column]
    key: _Column | None  # the column a form's block is keyed by (its name)
    header_texts: tuple[str, ...]
    draft: _Draft | None = None
    block_end: float | None = None  # the bottom of the open form's merged key cell
    block_merged: bool = False
    block_has_amount: bool = False
    block_key: str = ""  # the open form's key text (its name), fragments joined
    implementing_unit: str | None = None


class _FormReader:
    def __init__(self) -> None:
        self.drafts: list[_Draft] = []
        self.shared: list[PerformanceFact] = []
        self.kv: _Draft | None = None  # an open key-value form
        self.kv_columns: list[_Column] = []  # …its indicator columns
        self.kv_in_tree = False  # …read down to its indicator tree
        self.kv_title: str | None = None  # …the title printed above it
        self.kv_edges: tuple[float, ...] = ()
        self.table: _GridTable | None = None  # an open grid of forms
        self.table_edges: tuple[float, ...] = ()

    # pages

    def page(self, page: PageContent) -> None:
        pending: list[str] = []
        first = True
        for element in page.elements():
            if isinstance(element, TextLine):
                # a form's title repeats atop each page: a running header, but its title here
                if not is_page_number(element, page):
                    pending.append(squeeze(element.text))
                continue
            caption = _read_caption(pending)
            pending = []
            self.grid(element, page.page_no, caption, first)
            first = False

    def grid(self, grid: Grid, page_no: int, caption: _Caption, first_on_page: bool) -> None:
        header_row = _indicator_header_row(grid)
        # an open key-value form goes on in a grid of its tree's rows (atop the next page, or
        # printed apart below its head), under no other title
        same_title = caption.title in (None, self.kv_title) and not caption.other_title
        if self.kv is not None and same_title and self._kv_continues(grid, header_row):
            self._key_value(grid, page_no, caption, header_row, continuing=True)
            return
        kv_form = header_row is not None and not self._heads_grid(grid, header_row)
        titled = caption.title is not None or _titled(grid)
        if kv_form or (titled and self._starts_key_value(grid)):
            self.table = None
            self._key_value(grid, page_no, caption, header_row, continuing=False)
            return
        end = _header_end(grid, header_row + 1 if header_row is not None else 1)
        columns = _header_columns(grid, end)
        table = self.table
        headerless = table is not None and not _repeats_header(grid, table.columns)
        continues = (
            first_on_page
            and caption.title in (None, table.title if table else None)
            and not caption.other_title
        )
        if table is not None and continues and headerless and self._same_edges(grid):
            self._grid_body(table, grid, page_no, 0)
            return
        if _is_grid_form(columns, caption):
            self.kv = None
            header_texts = tuple(c.path for c in columns)
            if not (table is not None and continues and header_texts == table.header_texts):
                self.table = self._new_table(columns, caption, header_texts)
            self.table_edges = grid.col_edges
            assert self.table is not None
            self._grid_body(self.table, grid, page_no, end)
            return
        self.kv = None
        self.table = None

    def _heads_grid(self, grid: Grid, header_row: int) -> bool:
        """An indicator header at the top of a grid, or under a header whose cells span down to
        it: a grid of forms. Key-value rows above it: a key-value form."""
        if header_row == 0:
            return True
        return any(c.row + c.rowspan > header_row for c in grid.row_cells(0))

    def _starts_key_value(self, grid: Grid) -> bool:
        """`项目名称 | its name` (or `部门名称 | …`) in one of the first rows: a key-value form.
        A header row names columns instead (`项目名称 | 总计 | 财政拨款 | 绩效目标`)."""
        for row in range(min(3, grid.row_count)):
            cells = [c for c in grid.row_cells(row) if _text(c)]
            if not cells or not (
                _NAME_KEY.match(_text(cells[0])) or _DEPARTMENT_KEY.match(_text(cells[0]))
            ):
                continue
            return 1 < len(cells) <= 4 and not _names_column(_text(cells[1]))
        return False

    def _same_edges(self, grid: Grid) -> bool:
        edges = self.table_edges
        return bool(edges) and all(
            any(abs(x - e) <= _X_TOLERANCE for e in edges) for x in grid.col_edges
        )

    def _kv_continues(self, grid: Grid, header_row: int | None) -> bool:
        """A grid going on with the open key-value form's tree: no key of a new form atop it,
        and its columns those of the open form (its rules where the form's were, or its first
        row's cells each under one of the tree's columns)."""
        if not self.kv_edges:
            return False
        printed = (row for row in range(grid.row_count) if any(map(_text, grid.row_cells(row))))
        top = next(printed, None)
        if top is None:
            return False
        first = [c for c in grid.row_cells(top) if _text(c)]
        if self._kv_form_start(first) or _titled(grid):
            return False
        low, high = min(self.kv_edges), max(self.kv_edges)
        if grid.bbox.x0 < low - _X_TOLERANCE or grid.bbox.x1 > high + _X_TOLERANCE:
            return False
        if header_row == top:  # the tree's header: the head printed apart above it
            roles = {_role(_text(c)) for c in first}
            return bool(roles & {"level1", "level3"}) and not any(
                _NAME_COLUMN.search(_text(c)) for c in first
            )
        if not self.kv_columns:
            return False
        if all(any(abs(x - e) <= _X_TOLERANCE for e in self.kv_edges) for x in grid.col_edges):
            return True
        return all(_column_of(self.kv_columns, c.bbox) is not None for c in first)

    # key-value forms

    def _key_value(
        self,
        grid: Grid,
        page_no: int,
        caption: _Caption,
        header_row: int | None,
        continuing: bool,
    ) -> None:
        if not continuing:
            self.kv = None
        self.kv_edges = grid.col_edges
        labels: dict[tuple[int, int], bool] = {}
        row = 0
        while row < grid.row_count:
            cells = [c for c in grid.row_cells(row) if _text(c)]
            if header_row is not None and row == header_row:
                self.kv_columns = self._tree_columns(grid, row)
                self.kv_in_tree = True
                row += 1
                continue
            starts_form = self._kv_form_start(cells)
            if starts_form and (self.kv is None or self.kv_in_tree or self.kv.facts):
                self._open_kv(caption, page_no, cells)
                if _FORM_TITLE.search(_text(cells[0])) and len(cells) == 1:
                    row += 1
                    continue
            if self.kv is None:
                self._open_kv(caption, page_no, [])
            assert self.kv is not None
            if self.kv_in_tree and not starts_form:
                self._kv_tree_row(grid, row, page_no)
            else:
                self.kv_in_tree = False
                self._kv_row(grid, row, page_no, labels)
            row += 1

    def _kv_form_start(self, cells: list[GridCell]) -> bool:
        if not cells:
            return False
        first = _text(cells[0])
        if len(cells) == 1 and _FORM_TITLE.search(first):
            return True
        return bool(_NAME_KEY.match(first)) or (
            bool(_DEPARTMENT_KEY.match(first)) and self.kv is not None and self.kv_in_tree
        )

    def _open_kv(self, caption: _Caption, page_no: int, cells: list[GridCell]) -> None:
        title = caption.title or ""
        if cells and len(cells) == 1 and _FORM_TITLE.search(_text(cells[0])):
            title = _text(cells[0])
        draft = _Draft(
            kind=_kind_of(title),
            title=title,
            caption_unit=caption.unit,
            department=caption.department,
            page_first=page_no,
            page_last=page_no,
        )
        self.kv_title = caption.title
        caption.title = None  # a caption names one form
        self.kv = draft
        self.kv_in_tree = False
        self.kv_columns = []
        self.drafts.append(draft)

    def _kv_row(
        self, grid: Grid, row: int, page_no: int, labels: dict[tuple[int, int], bool]
    ) -> None:
        """A key-value row: each value with the labels to its left and the headers above it."""
        draft = self.kv
        assert draft is not None
        cells = grid.row_cells(row)
        for index, cell in enumerate(cells):
            text = _text(cell)
            if not text:
                continue
            before = cells[index - 1] if index else None
            left = labels.get((before.row, before.col)) if before else None
            # `项目名称 | 其他资金`: a label that takes a text names the cell after it, unless it
            # spans more rows (`年度总体目标` over `预期目标 | 实际完成情况` and their texts)
            named = (
                before is not None
                and bool(left)
                and _takes_text(before)
                and before.rowspan <= cell.rowspan
            )
            is_label = _is_label(text) and not (named and not _heads_text(grid, cell))
            if looks_like_amount(text) or is_nil(text) or text.endswith("%"):
                is_label = False
            elif index == 0 and not looks_like_amount(text):
                is_label = len(text) <= _LABEL_MAX or is_label
            labels[(cell.row, cell.col)] = is_label
            if is_label:
                if _NAME_KEY.match(text) or _FORM_TITLE.fullmatch(text):
                    continue
                continue
            path = self._label_path(grid, cell, labels)
            draft.add_value(path, cell, page_no, money_unit_of(path, draft.caption_unit))
            self._kv_field(draft, path, text, page_no, cell.bbox)

    def _label_path(self, grid: Grid, cell: GridCell, labels: dict[tuple[int, int], bool]) -> str:
        """Labels to the left in the cell's rows (outer first), then headers above it."""
        row_labels: list[GridCell] = []
        left = [o for o in grid.cells if o.col < cell.col and _covers_row(o, cell.row)]
        for other in sorted(left, key=lambda c: c.col):
            if labels.get((other.row, other.col)):
                row_labels.append(other)
            elif _text(other) and not _numeric(_text(other)):
                row_labels = []  # a text value stands between: labels further left are its own
        # the headers above: one label per row over the value's columns, up to a row of keys
        # (`实施单位 | …`) or of texts; rows of numbers between are the values above it
        headers: list[GridCell] = []
        taken: set[tuple[int, int]] = set()
        for r in range(cell.row - 1, -1, -1):
            above = [
                c
                for c in grid.cells
                if _covers_row(c, r)
                and c.col < cell.col + cell.colspan
                and cell.col < c.col + c.colspan
                and _text(c)
                and (c.row, c.col) not in taken
            ]
            if not above:
                continue
            found = [c for c in above if labels.get((c.row, c.col))]
            values = [c for c in above if not labels.get((c.row, c.col))]
            if values and not found and all(_numeric(_text(c)) for c in values):
                continue
            if values or len(found) != 1 or self._keys_a_value(grid, found[0], labels):
                break
            headers.insert(0, found[0])
            taken.add((found[0].row, found[0].col))
        names = [_label(_text(c)) for c in row_labels] + [_label(_text(c)) for c in headers]
        deduped: list[str] = []
        for name in names:
            if not deduped or deduped[-1] != name:
                deduped.append(name)
        return "/".join(deduped) or "值"

    def _keys_a_value(
        self, grid: Grid, label: GridCell, labels: dict[tuple[int, int], bool]
    ) -> bool:
        """A label with a value to its right in its own row names that value, not a column."""
        right = [c for c in grid.row_cells(label.row) if c.col > label.col and _text(c)]
        return bool(right) and not labels.get((right[0].row, right[0].col), True)

    def _kv_field(self, draft: _Draft, path: str, text: str, page_no: int, bbox: BBox) -> None:
        parts = path.split("/")
        head = parts[0]
        if draft.project_name is None and _NAME_KEY.match(head):
            draft.project_name = text
        elif _DEPARTMENT_KEY.match(head):
            draft.department = text
            if "部门名称" in head and draft.kind is FormKind.PROJECT and not draft.project_name:
                draft.kind = FormKind.DEPARTMENT
        if _IMPLEMENTER_KEY.match(parts[-1]) and draft.implementing_unit is None:
            draft.implementing_unit = text
        goal = any(_GOAL_KEY.search(p) for p in parts) and "实际" not in path
        if draft.goal_text is None and goal and not _numeric(text):
            draft.add_goal(text, page_no, bbox)

    def _tree_columns(self, grid: Grid, row: int) -> list[_Column]:
        columns = []
        for cell in grid.row_cells(row):
            text = _label(_text(cell))
            if cell.rowspan > 1 and _BLOCK_LABEL.match(text):
                continue  # `绩效指标` merged down the tree's left: the block's label
            if text:
                columns.append(_Column(cell.bbox.x0, cell.bbox.x1, text, _role(text)))
        return columns

    def _kv_tree_row(self, grid: Grid, row: int, page_no: int) -> None:
        """A row of a key-value form's indicator tree: each cell by the header column it
        stands under; a cell over the level columns (`总分`) or left of them all (`备注`)
        labels the row's values instead."""
        draft = self.kv
        assert draft is not None
        columns = self.kv_columns
        levels = [c for c in columns if c.role in ("level1", "level2", "level3", "indicator")]
        indicator_row = _IndicatorRow(page_no)
        label: GridCell | None = None
        for cell in grid.cells:
            if not _covers_row(cell, row) or not _text(cell):
                continue
            starts_here = cell.row == row
            if sum(_overlaps(c, cell.bbox) for c in levels) > 1:
                label = cell if starts_here else label  # `总分` over the level columns
                continue
            column = _column_of(columns, cell.bbox)
            if column is None:
                if starts_here and not _BLOCK_LABEL.match(_text(cell)):
                    label = cell  # `备注`, printed left of the tree's columns
                continue
            if column.role in _LEVEL_ROLES or (starts_here and column.role):
                indicator_row.cells.setdefault(column.role, []).append(cell)
            elif starts_here:
                indicator_row.extra.append((column, cell))
        if label is not None:
            _add_total_row(draft, indicator_row, columns, _text(label))
            return
        if (
            any(r not in _LEVEL_ROLES for r in indicator_row.cells)
            or indicator_row.extra
            or ("level3" in indicator_row.cells)
        ):
            _add_indicator_row(draft, indicator_row, columns)
            draft.page_last = max(draft.page_last, page_no)

    # grid forms

    def _new_table(
        self, columns: list[_Column], caption: _Caption, header_texts: tuple[str, ...]
    ) -> _GridTable:
        key = next((c for c in columns if c.role == "name"), None)
        key = key or next((c for c in columns if c.role == "unit_name"), None)
        key = key or next((c for c in columns if c.role == "code"), None)
        return _GridTable(caption.title or "", caption, columns, key, header_texts)

    def _grid_body(self, table: _GridTable, grid: Grid, page_no: int, start: int) -> None:
        for row in range(start, grid.row_count):
            cells = [c for c in grid.cells if _covers_row(c, row)]
            by_column: dict[int, list[GridCell]] = {}
            for cell in cells:
                column = _column_of(table.columns, cell.bbox)
                if column is not None:
                    by_column.setdefault(table.columns.index(column), []).append(cell)
            self._grid_row(table, grid, row, page_no, by_column)

    def _grid_row(
        self,
        table: _GridTable,
        grid: Grid,
        row: int,
        page_no: int,
        by_column: dict[int, list[GridCell]],
    ) -> None:
        """One body row of a grid of forms: a row summing several forms, the first row of a
        form, or a further row of the open one (its next indicator, or its merged cells' text
        cut at a page break)."""
        columns = table.columns
        tree = [i for i, c in enumerate(columns) if c.role in _INDICATOR_ROLES]
        tree_x = min((columns[i].x0 for i in tree), default=None)
        # columns with no role right of the tree's first column belong to each indicator
        # (`指标值内容`, `评（扣）分标准`, `备注`, `得分率`)
        extra = [
            i
            for i, c in enumerate(columns)
            if c.role is None and tree_x is not None and c.x0 >= tree_x - _X_TOLERANCE
        ]
        project = [i for i in range(len(columns)) if i not in tree and i not in extra]

        def starting(i: int) -> list[GridCell]:
            return [c for c in by_column.get(i, []) if c.row == row and _text(c)]

        printed = [c for c in grid.row_cells(row) if _text(c)]
        if len(printed) == 1 and printed[0].colspan * 2 >= grid.col_count > 2:
            return  # a note across the table (`本部门无相关情况，故为空表`)
        key_index = columns.index(table.key) if table.key in columns else None
        key_cells = starting(key_index) if key_index is not None else []
        key_cell = key_cells[0] if key_cells else None
        key_text = _text(key_cell) if key_cell else ""
        first_text = next((_text(c) for i in project for c in starting(i)), "")
        amount_here = any(
            looks_like_amount(_text(c))
            for i in project
            if columns[i].role != "code"
            for c in starting(i)
        )
        goal_here = any(
            starting(i) for i, c in enumerate(columns) if c.role in ("goal", "indicator_text")
        )
        tree_here = any(starting(i) for i in tree) or any(
            starting(i) for i, c in enumerate(columns) if c.role == "category"
        )
        top = grid.row_edges[row]
        covered = table.draft is not None and table.block_end is not None and top < table.block_end
        spans = key_cell is not None and key_cell.rowspan > 1

        # a row that sums several forms: 合计, or a unit's subtotal above its projects
        total = _SUBTOTAL.match(key_text or first_text)
        subtotal = key_cell is not None and amount_here and not (goal_here or tree_here)
        if (total or subtotal) and not covered and not spans:
            label = key_text or first_text
            for i in project:
                for cell in starting(i):
                    column = columns[i]
                    if _text(cell) == label:
                        continue  # the row's own label
                    self.shared += value_facts(
                        f"{_label(label)}/{column.path}",
                        _text(cell),
                        page_no,
                        cell.bbox,
                        money_unit_of(column.path, table.caption.unit),
                        numeric=column.role != "code",
                    )
            if not total:
                table.implementing_unit = key_text
            table.draft = None
            table.block_end = None
            return

        new_block = False
        if spans:
            assert key_cell is not None
            # a form's cells merged down over its indicator rows; atop a continuation page the
            # open form's, printed again
            again = table.draft is not None and key_text == table.block_key
            new_block = not (again and row == _first_body_row(grid, columns))
            table.block_end = key_cell.bbox.bottom
            table.block_merged = True
            table.block_key = key_text
        elif covered:
            pass
        elif key_cell is not None:
            # one row per form, or a merged cell's text cut into rows at a page break: a form
            # goes on until a row brings its own amount where the open form has one
            fragment = table.draft is not None and not table.block_merged
            new_block = not fragment or (amount_here and table.block_has_amount)
            table.block_end = None
            table.block_merged = False
            table.block_key = key_text if new_block else table.block_key + key_text
        elif table.draft is None or table.block_merged:
            if not (goal_here or tree_here or amount_here):
                return
            new_block = True  # its name comes in a later row
            table.block_end = None
            table.block_merged = False
            table.block_key = ""
        if new_block:
            table.draft = self._grid_draft(table, page_no)
            table.block_has_amount = False
        draft = table.draft
        assert draft is not None
        draft.page_last = max(draft.page_last, page_no)
        table.block_has_amount = table.block_has_amount or amount_here
        for i in project:
            column = columns[i]
            for cell in starting(i):
                self._grid_value(table, draft, column, cell, page_no)
        if tree:
            indicator_row = _IndicatorRow(page_no)
            for i in tree:
                role = columns[i].role
                assert role is not None
                for cell in by_column.get(i, []):
                    if _text(cell) and (role in _LEVEL_ROLES or cell.row == row):
                        indicator_row.cells.setdefault(role, []).append(cell)
            for i in extra:
                for cell in starting(i):
                    indicator_row.extra.append((columns[i], cell))
            if any(r not in ("level1", "level2") for r in indicator_row.cells):
                _add_indicator_row(draft, indicator_row, columns)

    def _grid_draft(self, table: _GridTable, page_no: int) -> _Draft:
        draft = _Draft(
            kind=_kind_of(table.title),
            title=table.title,
            caption_unit=table.caption.unit,
            department=table.caption.department,
            page_first=page_no,
            page_last=page_no,
            implementing_unit=table.implementing_unit,
        )
        keyed_by_unit = table.key is not None and table.key.role == "unit_name"
        if keyed_by_unit and not any(c.role == "name" for c in table.columns):
            draft.kind = FormKind.DEPARTMENT if "项目" not in table.title else draft.kind
        self.drafts.append(draft)
        return draft

    def _grid_value(
        self, table: _GridTable, draft: _Draft, column: _Column, cell: GridCell, page_no: int
    ) -> None:
        text = _text(cell)
        if column.role == "category":
            _add_item_indicators(
                draft, text, page_no, cell.bbox, column.level1, column.level2, column.path
            )
            return
        if column.role == "indicator_text":
            _add_item_indicators(draft, text, page_no, cell.bbox, label=column.path)
            return
        money = money_unit_of(column.path, table.caption.unit)
        draft.add_value(column.path, cell, page_no, money, numeric=column.role != "code")
        if column.role == "name":
            draft.project_name = table.block_key or text
        elif column.role == "unit_name":
            if draft.kind is FormKind.DEPARTMENT:
                draft.department = draft.department or text
            draft.implementing_unit = text
        elif column.role == "goal" and text not in (draft.goal_text or ""):
            draft.add_goal(text, page_no, cell.bbox)

    # result

    def result(self) -> PerformanceForms:
        forms: list[PerformanceForm] = []
        for draft in self.drafts:
            if not (draft.facts or draft.indicators):
                continue
            forms.append(draft.to_form(len(forms) + 1))
        return PerformanceForms(forms, self.shared)


# The label a key-value form prints down the left of its indicator tree.
_BLOCK_LABEL = re.compile(r"^(?:年度|本年)?(?:绩效)?(?:目标)?指标(?:体系)?$|^绩效目标指标$")


def _first_body_row(grid: Grid, columns: Sequence[_Column]) -> int:
    """The first row of the grid that is no header row."""
    texts = {part for c in columns for part in c.path.split("/")}
    for r in range(grid.row_count):
        if not any(_label(_text(c)) in texts for c in grid.row_cells(r)):
            return r
    return grid.row_count


_COLUMN_WORD = re.compile(
    r"^(?:总计|合计|小计|金额|资金总额|项目总额|预算数|预算金额|财政拨款|财政资金|其他资金|资金来源|"
    r"年度预算|项目类别|项目类型|支出方向)(?:[(（].*[)）])?$"
)


def _names_column(text: str) -> bool:
    """A text that heads a column of a grid rather than a value (`总计`, `绩效目标`)."""
    return bool(
        _role(text)
        or _GOAL_COLUMN.search(text)
        or _NAME_COLUMN.search(text)
        or _UNIT_COLUMN.search(text)
        or _COLUMN_WORD.match(text)
    )


def _repeats_header(grid: Grid, columns: Sequence[_Column]) -> bool:
    """True when a grid's first row prints (part of) the header of a grid of forms again."""
    words = {part for c in columns for part in c.path.split("/")}
    first = [_label(_text(c)) for c in grid.row_cells(0) if _text(c)]
    return sum(text in words for text in first) >= min(2, len(words))


def _heads_text(grid: Grid, cell: GridCell) -> bool:
    """A label-like cell over a longer text in the row below it heads that text's column
    (`预期目标 | 实际完成情况` over the two texts)."""
    below = cell.row + cell.rowspan
    if below >= grid.row_count:
        return False
    under = [
        c
        for c in grid.row_cells(below)
        if c.col < cell.col + cell.colspan and cell.col < c.col + c.colspan and _text(c)
    ]
    return len(under) == 1 and len(_text(under[0])) > _LABEL_MAX


def _titled(grid: Grid) -> bool:
    """A form's title printed as the grid's first row (`办公楼物业项目绩效目标表`)."""
    first = [c for c in grid.row_cells(0) if _text(c)] if grid.row_count else []
    return len(first) == 1 and bool(_FORM_TITLE.search(_text(first[0])))


def _covers_row(cell: GridCell, row: int) -> bool:
    return cell.row <= row < cell.row + cell.rowspan


def _overlaps(column: _Column, bbox: BBox) -> bool:
    return min(column.x1, bbox.x1) - max(column.x0, bbox.x0) > _X_TOLERANCE


def _numeric(text: str) -> bool:
    return looks_like_amount(text) or is_nil(text) or bool(re.fullmatch(r"-?[\d.,]+%", text))


def _takes_text(label: GridCell) -> bool:
    """A label whose value is a name or a text, whatever it reads like (`项目名称 | 其他资金`)."""
    text = _text(label)
    return bool(
        _NAME_KEY.match(text)
        or _DEPARTMENT_KEY.match(text)
        or _IMPLEMENTER_KEY.match(text)
        or _GOAL_KEY.search(text)
    )


def read_forms(pages: Sequence[PageContent]) -> PerformanceForms:
    """Every performance form the pages print, and the facts a grid of forms prints for
    several at once."""
    reader = _FormReader()
    for page in pages:
        reader.page(page)
    return reader.result()


def pages_to_forms(pages: Sequence[PageContent]) -> list[PerformanceForm]:
    """Every performance form the pages print, numbered in printed order."""
    return read_forms(pages).forms


# A form's total funds: the label its money is summed under.
_FUNDS_TOTAL = re.compile(
    r"(?:资金总额|预算资金总额|项目总额|预算支出总额|总计|合计|金额|预算数|资金总计|总额)"
    r"(?:[(（].*[)）])?[:：]?$"
)


def form_funds(form: PerformanceForm) -> PerformanceFact | None:
    """The form's total funds: the first money it prints under a total's label (`资金总额`,
    `年度资金总额/年初预算数`, `项目总额`, `总计` …), else the first money it prints."""
    money = [
        f
        for f in form.facts
        if f.amount_yuan is not None
        and not f.quoted
        and not f.repeated
        and "指标" not in f.label_path
    ]
    for fact in money:
        if any(_FUNDS_TOTAL.search(part) for part in fact.label_path.split("/")):
            return fact
    return money[0] if money else None
