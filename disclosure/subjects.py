"""功能分类 subject codes and what a body row is (total, unit, entity, subject, item).

Codes are stored in full: 类 = 3 digits (`201`), 款 = 5 (`20103`), 项 = 7 (`2010301`). Tables
print them in one 科目编码 column, sometimes abbreviating a 款 to its last two digits under its
类 (`03` under `201` means `20103`), or in three columns 类 | 款 | 项 (`201 | 03 | 01`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from disclosure.model import RowKind

LEVELS = {3: "类", 5: "款", 7: "项"}
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
    """Reads a table's rows top to bottom, remembering the last 类 to expand abbreviated 款."""

    def __init__(self, unit_code: str | None, unit_name: str | None = None) -> None:
        self.unit_code = unit_code
        self.unit_name = unit_name
        self._last_class: str | None = None

    def _unit_or_entity(self, code: str) -> RowMeaning | None:
        if self.unit_code and code == self.unit_code:
            return RowMeaning(RowKind.UNIT, entity_code=code)
        if (
            self.unit_code
            and code.startswith(self.unit_code)
            and len(code) == len(self.unit_code) + 3
        ):
            return RowMeaning(RowKind.ENTITY, entity_code=code)
        if not self.unit_code and len(code) == 6:
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
        entity = unit_code_text if _DIGITS.match(unit_code_text or "") else None
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
            known = self._unit_or_entity(entity)
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
