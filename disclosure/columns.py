"""What a leaf column holds, judged from its column path: codes, labels, money or free text."""

from __future__ import annotations

import re

from disclosure.model import ColumnKind

# 行次 / 栏次: a row's or a column's number (决算 tables), never an amount.
_CODE = re.compile(r"(编码|代码)$|^(类|款|项)$|^(行次|栏次|序号|行号)$")
_LABEL = re.compile(r"名称|^项目$|^项目[（(]|^科目$|^单位$|^部门$")
_TEXT = re.compile(r"指标|目标|描述|办法|方向|说明|备注|依据")
# A self-evaluation's scores (分值 / 得分 / 权重) and counts of people or things (在职人数,
# 编制数, 车辆数): numbers, never money.
_SCORE = re.compile(r"分值|得分|权重|分数|评分|人数|编制数|数量|车辆数|台数")
# The money unit a header states for its column: 预算数（万元）, 金额（单位：元）.
MONEY_UNIT_IN_HEADER = re.compile(r"[(（](?:金额)?(?:单位[:：])?(亿元|百万元|万元|千元|元)[)）]")
_SUBJECT_CODE = re.compile(r"(?:支出)?(?:(?:功能|经济)(?:分类)?)?科目(?:编码|代码)")


def column_kind(path: str) -> ColumnKind:
    leaf = path.rsplit("/", 1)[-1]
    if _CODE.search(leaf):
        return ColumnKind.CODE
    if _LABEL.search(leaf):
        return ColumnKind.LABEL
    if _TEXT.search(path) or _SCORE.search(leaf):
        return ColumnKind.TEXT
    return ColumnKind.AMOUNT


def holds_money(path: str) -> bool:
    """Whether a number in this column may be money (a score column's never is)."""
    return not _SCORE.search(path.rsplit("/", 1)[-1])


def split_code_columns(paths: list[str]) -> tuple[int, int, int | None] | None:
    """Indexes of the 类 | 款 | 项 columns when a table prints codes in columns: three for
    功能分类, two (类 | 款, no 项) for 经济分类 as Shanghai prints it."""
    leaves = [p.rsplit("/", 1)[-1] for p in paths]
    if "类" not in leaves or "款" not in leaves or leaves.count("类") > 1:
        return None  # none, or two classifications side by side: no one code per row
    return leaves.index("类"), leaves.index("款"), leaves.index("项") if "项" in leaves else None


def subject_code_column(paths: list[str]) -> int | None:
    """Index of the single 科目编码 column (which also carries unit/entity codes): `科目编码`,
    `功能科目编码`, `支出功能分类科目代码`, … None when a table prints none, or several side by
    side (lists of different subjects in one row: which code a row has is not one answer)."""
    found = [i for i, path in enumerate(paths) if _SUBJECT_CODE.fullmatch(path.rsplit("/", 1)[-1])]
    return found[0] if len(found) == 1 else None


def unit_code_column(paths: list[str]) -> int | None:
    """Index of the 单位代码 column (department/entity codes)."""
    for i, path in enumerate(paths):
        leaf = path.rsplit("/", 1)[-1]
        if re.search(r"(单位|部门).*(代码|编码)$", leaf):
            return i
    return None


def names_units(paths: list[str]) -> bool:
    """True when rows are units named without codes (部门名称 / 单位名称 and no code column)."""
    leaves = [p.rsplit("/", 1)[-1] for p in paths]
    if any(column_kind(p) is ColumnKind.CODE for p in paths):
        return False
    return any(re.fullmatch(r"(部门|单位)名称", leaf) for leaf in leaves)


def money_unit_in_header(path: str) -> str | None:
    """The money unit a column's header states (`预算数（万元）` → 万元), which its table's
    `单位：` line does not override; None when it states none."""
    found = MONEY_UNIT_IN_HEADER.search(path)
    return found.group(1) if found else None
