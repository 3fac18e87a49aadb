"""功能分类 subject codes and what a body row is (total, unit, entity, subject, item).

Codes are stored in full: 类 = 3 digits (`201`), 款 = 5 (`20103`), 项 = 7 (`2010301`). Tables
print them in one 科目编码 column, sometimes abbreviating a 款 to its last two digits under its
类 (`03` under `201` means `20103`), or in three columns 类 | 款 | 项 (`201 | 03 | 01`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from disclosure.cover import code_digits
from disclosure.model import RowKind

LEVELS = {3: "类", 5: "款", 7: "项"}
# Lengths a printed subject code may have (a 款 abbreviated to its two digits under its 类);
# a code of another length in a 科目编码 column is a unit's.
_SUBJECT_LENGTHS = frozenset({1, 2, 3, 4, 5, 7})
_ENTITY_DIGITS = 3  # an entity's code extends its department's by groups of three digits
_DIGITS = re.compile(r"^\d+$")
_TOTAL_LABELS = {"合计", "总计"}
# A subject's code printed in its label: `2014050-事业运行`, `[30227]委托业务费`, `201 一般…`.
_CODE_IN_LABEL = re.compile(
    r"^(?:(\d{3}(?:\d{2}){0,2})(?:[-－—\s]|(?=[\u4e00-\u9fff]))|\[(\d{3}(?:\d{2}){0,2})\])"
)


def subject_level(code: str | None) -> str | None:
    """类 / 款 / 项 for a full code, None for anything else."""
    return LEVELS.get(len(code)) if code and _DIGITS.match(code) else None


def is_total_label(label: str) -> bool:
    return label.rstrip(":：") in _TOTAL_LABELS


@dataclass(frozen=True, slots=True)
class RowMeaning:
    kind: RowKind
    subject_code: str | None = None
    entity_code: str | None = None


class SubjectReader:
    """Reads a table's rows top to bottom, remembering the last 类 to expand abbreviated 款.

    Rows about units: where the document prints its unit code (Hunan's `010`), that code is the
    department (`unit`) and a code extending it by groups of three digits (`010001`,
    `010001001`) an entity within it. Where it prints none (its code is derived from its name),
    a code in a 单位代码 / 单位编码 / 部门代码 column is the department when the row names it, else
    an entity (Wuxi's `113 无锡市信访局`, `113001 …`; Changsha's `126001`), and a code in a 科目编码
    column is an entity when no subject code is that long (6 digits, 8 or more).
    """

    def __init__(self, unit_code: str | None, unit_name: str | None = None) -> None:
        self.unit_code = unit_code
        self.unit_name = unit_name
        # The code the document prints for its unit: digits (a derived code is not printed).
        self._printed = unit_code if unit_code and _DIGITS.match(unit_code) else None
        self._last_class: str | None = None

    def _unit_or_entity(
        self, code: str, label: str = "", in_unit_column: bool = False
    ) -> RowMeaning | None:
        printed = self._printed
        if printed is not None:
            if code == printed:
                return RowMeaning(RowKind.UNIT, entity_code=code)
            extra = len(code) - len(printed)
            if code.startswith(printed) and extra > 0 and extra % _ENTITY_DIGITS == 0:
                return RowMeaning(RowKind.ENTITY, entity_code=code)
            return None
        if in_unit_column:
            if self.unit_name and label == self.unit_name:
                return RowMeaning(RowKind.UNIT, entity_code=code)
            return RowMeaning(RowKind.ENTITY, entity_code=code)
        if len(code) not in _SUBJECT_LENGTHS:
            return RowMeaning(RowKind.ENTITY, entity_code=code)
        return None

    def read(
        self,
        label: str,
        code: str = "",
        split_code: tuple[str, str, str] | None = None,
        unit_code_text: str = "",
        names_entities: bool = False,
    ) -> RowMeaning:
        """Meaning of a row from its printed label and code cell(s).

        `code`: the 科目编码 cell; `split_code`: the 类, 款, 项 cells; `unit_code_text`: the
        单位代码 cell. Pass what the table prints; missing columns are empty strings.
        `names_entities`: the table has no code column and its label column names units.
        """
        entity = code_digits(unit_code_text) if unit_code_text else None
        if not code and not split_code and (embedded := _CODE_IN_LABEL.match(label)):
            code = embedded.group(1) or embedded.group(2)  # `2014050-事业运行`, `[30227]委托业务费`
        if split_code and _DIGITS.match(split_code[0] or ""):
            cls, kuan, xiang = split_code
            if not kuan and not xiang and (known := self._unit_or_entity(cls)):
                return known  # the unit or an entity, its code printed in the 类 column
            # A 款 or 项 printed without its leading zero (`301 | 2`) is `3010 2` → `30102`.
            full = cls + (kuan.zfill(2) if _DIGITS.match(kuan or "") else "")
            full += xiang.zfill(2) if _DIGITS.match(xiang or "") and len(full) == 5 else ""
            self._last_class = cls
            return RowMeaning(RowKind.SUBJECT, subject_code=full, entity_code=entity)
        if code and _DIGITS.match(code):
            known = self._unit_or_entity(code)
            if known:
                return known
            if len(code) == 2 and self._last_class:
                return RowMeaning(RowKind.SUBJECT, self._last_class + code, entity)
            if len(code) in LEVELS:
                self._last_class = code[:3]
                return RowMeaning(RowKind.SUBJECT, code, entity)
            return RowMeaning(RowKind.ITEM, entity_code=entity)
        if entity:
            known = self._unit_or_entity(entity, label, in_unit_column=True)
            if known:
                return known
        if is_total_label(label):
            return RowMeaning(RowKind.TOTAL)
        if names_entities and label:
            # a table listing units by name only (23): the department, or one of its entities
            if self.unit_name and label == self.unit_name:
                return RowMeaning(RowKind.UNIT, entity_code=self.unit_code)
            return RowMeaning(RowKind.ENTITY)
        return RowMeaning(RowKind.ITEM, entity_code=entity)
