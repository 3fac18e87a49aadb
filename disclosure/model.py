"""What extraction returns: a disclosure, its tables and their printed body cells.

Amounts are `Decimal` in the table's printed unit (万元 for the Hunan template), never float.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from operator import attrgetter
from typing import Any, TypeVar

from disclosure.regions import UNKNOWN, Region

_Value = TypeVar("_Value", bound=type)


def _pickled_by_fields(cls: _Value) -> _Value:
    """Pickle instances as their class and field values, unpickled by the constructor.

    A frozen slotted dataclass otherwise unpickles through `dataclasses._dataclass_setstate`,
    which looks its fields up again for every object: a disclosure's cells crossing from the
    extraction child to the flow took twice as long each way.
    """
    values = attrgetter(*vars(cls)["__slots__"])

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(self)

    setattr(cls, "__reduce__", __reduce__)  # noqa: B010 (a method set on the class)
    return cls


class RowKind(StrEnum):
    TOTAL = "total"  # 合计 / 总计 rows
    UNIT = "unit"  # the department itself (`010` 湖南省信访局)
    ENTITY = "entity"  # an entity within it (`010001` 湖南省信访局本级)
    SUBJECT = "subject"  # a 功能分类 subject row (类 / 款 / 项)
    ITEM = "item"  # any other labelled row (收支总表 lines, projects, …)
    EMPTY_MARKER = "empty_marker"  # `本部门无相关情况，故为空表`


class ColumnKind(StrEnum):
    CODE = "code"  # 科目编码, 单位代码, 类/款/项
    LABEL = "label"  # 科目名称, 单位名称, 项目
    AMOUNT = "amount"  # everything printed as money
    TEXT = "text"  # free text (绩效目标, 资金管理办法, …)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class BBox:
    x0: float
    top: float
    x1: float
    bottom: float


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Column:
    column_no: int  # 1-based leaf column
    path: str  # column path as printed, e.g. `基本支出/人员经费/工资福利支出`
    kind: ColumnKind
    template_path: str | None = None  # the template column it means (None: no such column)
    # What a money column means across formats (`total`, `basic`, `carried_over/general_budget`:
    # disclosure.measures); None when its header names nothing known, or not money.
    measure: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Cell:
    row_no: int  # 1-based body row across pages (header rows excluded)
    column_no: int  # 1-based leaf column (a merged body cell sits at its first column)
    column_path: str  # as printed
    template_path: str | None  # the template column it means, or None
    row_label: str | None  # text of the row's label column nearest to the left
    row_kind: RowKind
    subject_code: str | None  # full 功能分类 code (3/5/7 digits) or None
    entity_code: str | None  # unit/entity code the row belongs to, when printed
    text: str  # printed text, whitespace removed
    amount: Decimal | None  # parsed money in an amount column; None when empty or not money
    page_no: int  # 1-based page
    bbox: BBox
    # The unit or entity whose block of rows this row is printed in (an entity's code, or its
    # name where none is printed); None at the department's own level.
    owner_code: str | None = None


@dataclass(slots=True)
class ExtractedTable:
    table_code: str | None  # '01'..'23' for a template table; None when no title matched
    title: str
    unit_label: str | None  # the unit its amounts are printed in (元, 万元): printed, else the
    # template's for that table
    page_from: int
    page_to: int
    header_rows: int
    columns: list[Column]
    cells: list[Cell]
    is_empty: bool = False
    notes: list[str] = field(default_factory=list)
    # how the printed header differs from the template's (None: it does not, or no template)
    header_variant: str | None = None
    standard_table: str | None = None  # the national-standard table it is, from the template
    # What its amounts are broken down by when not 功能分类: 经济分类 (部门预算经济分类,
    # 政府预算经济分类 where the title says which); None for 功能分类 or neither.
    classification: str | None = None
    kind: str = "预算"  # 预算 (budget) | 决算 (final accounts), from its title
    # The template whose title named it: the document's format for a table of its own,
    # `national` for a standard table named by its words (its code then is the printed number,
    # which may equal one of the format's own codes); None when no title matched.
    named_by: str | None = None

    @property
    def row_count(self) -> int:
        return max((c.row_no for c in self.cells), default=0)

    def rows(self) -> dict[int, list[Cell]]:
        grouped: dict[int, list[Cell]] = {}
        for cell in self.cells:
            grouped.setdefault(cell.row_no, []).append(cell)
        return grouped


class FormKind(StrEnum):
    PROJECT = "项目"  # a project's (or policy's) 绩效目标表
    DEPARTMENT = "部门整体"  # the department as a whole: 部门整体支出绩效目标表
    SELF_EVALUATION = "自评"  # 绩效自评表: targets with what was achieved and the score


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class PerformanceFact:
    """A labelled value printed on a performance form, or a quantity a printed text quotes."""

    label_path: str  # the labels that name it, outer to inner, joined by / (`项目资金（万元）/…`)
    text: str  # as printed, whitespace removed
    amount: Decimal | None  # the number it states, as printed (None: it states none)
    unit: str | None  # the unit of that number: 万元, 元, %, 平方米 … (None: none printed)
    amount_yuan: Decimal | None  # the amount in 元, exact, when the unit is money
    page_no: int
    bbox: BBox
    quoted: bool = False  # a quantity quoted inside a longer printed text (its cell's bbox)
    repeated: bool = False  # printed again on a continuation page: count it once


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class PerformanceIndicator:
    """One indicator of a form: its place in the 一级 / 二级 / 三级指标 tree and its target."""

    level1: str | None
    level2: str | None
    level3: str | None
    target_text: str | None  # as printed (comparator, value and unit, where printed apart,
    # joined in reading order)
    comparator: str | None  # ≥ ≤ = > < ≠ (None: none printed, or 定性)
    target_value: Decimal | None
    target_unit: str | None
    actual_text: str | None = None  # 绩效自评: what was achieved, as printed
    actual_value: Decimal | None = None
    actual_unit: str | None = None
    weight: Decimal | None = None  # 分值 (the points the indicator is worth)
    score: Decimal | None = None  # 得分
    page_no: int = 0
    bbox: BBox | None = None


@dataclass(slots=True)
class PerformanceForm:
    """One printed 绩效目标表 / 绩效自评表 form, whatever its layout and however many pages."""

    form_no: int  # 1-based, in printed order
    form_kind: FormKind
    title: str
    project_name: str | None
    department: str | None
    implementing_unit: str | None
    page_first: int
    page_last: int
    goal_text: str | None
    facts: list[PerformanceFact] = field(default_factory=list)
    indicators: list[PerformanceIndicator] = field(default_factory=list)


@dataclass(slots=True)
class PerformanceForms:
    """The forms of a disclosure, and the rows a grid of forms prints for several of them at
    once (its 合计, a unit's subtotal): facts of no one form."""

    forms: list[PerformanceForm] = field(default_factory=list)
    shared_facts: list[PerformanceFact] = field(default_factory=list)


@dataclass(slots=True)
class Disclosure:
    path: str
    page_count: int
    template: str | None  # 'hunan', 'jiangsu', 'shanghai': the template its titles follow
    year: int | None
    unit_code: str | None  # printed (Hunan), or derived from the unit's name (disclosure.identity)
    unit_name: str | None
    tables: list[ExtractedTable]
    scope: str = "部门"  # 部门 (a department's 部门预算) or 单位 (a body's 单位预算)
    kind: str = "预算"  # 预算 (budget) or 决算 (final accounts), from its tables' titles
    parser: str = "pdfminer"  # what read its pages: playa | pdfminer | mixed (disclosure.extract)
    # Where the unit is: province, city, county, GB/T 2260 code, level (disclosure.regions)
    region: Region = UNKNOWN
    # its 绩效目标表 / 绩效自评表, read as forms (disclosure.forms)
    forms: PerformanceForms = field(default_factory=PerformanceForms)

    def table(self, code: str) -> ExtractedTable | None:
        return next((t for t in self.tables if t.table_code == code), None)

    @property
    def cell_count(self) -> int:
        return sum(len(t.cells) for t in self.tables)
