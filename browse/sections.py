"""What a page shows, as tables of rows: each section is a titled table that the page renders and
that downloads as CSV (one section) or XLSX (every section of the page, a sheet each), with the
same columns and values — amounts exact, names before codes.

A column can link: `link` names the row's key holding the URL of that column's cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from warehouse.labels import column_label


@dataclass(frozen=True)
class Column:
    name: str  # the key in each row, and the CSV header
    label: str = ""  # what a person reads over it; the Chinese label of `name` by default
    kind: str = "text"  # text | amount | integer | list
    link: str | None = None  # the row key of this cell's URL

    @property
    def heading(self) -> str:
        return self.label or column_label(self.name)


@dataclass(frozen=True)
class Section:
    key: str  # the section's name in download URLs (?section=…)
    title: str  # its heading and its sheet's name
    columns: tuple[Column, ...]
    rows: tuple[dict[str, Any], ...] = field(default=())
    empty: str = "无。None."  # what the page says when there is no row

    def values(self) -> list[list[Any]]:
        """Each row's values in column order (lists joined by '、')."""
        return [[_value(row.get(c.name), c) for c in self.columns] for row in self.rows]


def section(
    key: str,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[dict[str, Any]],
    empty: str = "无。None.",
) -> Section:
    return Section(key, title, tuple(columns), tuple(rows), empty)


def _value(value: Any, column: Column) -> Any:
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    return value
