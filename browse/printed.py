"""A table as it was printed, rebuilt from its cells: the header rows with their merged cells
(from the leaf columns' paths: `基本支出/人员经费` sits under a `基本支出` spanning its leaves), and
the body rows in printed order, each cell with its text, amount and page.

    table = printed_table(table_row, cells)     # a budget_tables row, its budget_cells rows
    table.header        # [[HeaderCell('科目编码', colspan=1, rowspan=2), …], […]]
    table.rows          # [[BodyCell('4,099.76', Decimal('4099.76'), page_no=3), …], …]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class HeaderCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class BodyCell:
    text: str  # as printed, whitespace removed
    amount: Decimal | None
    page_no: int | None

    @property
    def shown(self) -> str:
        """What the site shows: an amount with thousands separators, as many decimals as
        printed (two, or none for whole 元), else the printed text."""
        return format_amount(self.amount, self.text) if self.amount is not None else self.text


@dataclass(frozen=True)
class PrintedTable:
    table_no: int
    table_code: str | None
    title: str
    standard_table: str | None
    unit_label: str | None
    page_from: int
    page_to: int
    is_empty: bool
    notes: tuple[str, ...]
    columns: tuple[str, ...]  # the leaf columns' paths, by column_no
    header: tuple[tuple[HeaderCell, ...], ...]
    rows: tuple[tuple[BodyCell | None, ...], ...] = field(default=())

    @property
    def amount_columns(self) -> tuple[bool, ...]:
        """Whether each column holds amounts (some cell of it prints one)."""
        return tuple(
            any(row[i] is not None and row[i].amount is not None for row in self.rows)  # type: ignore[union-attr]
            for i in range(len(self.columns))
        )


def format_amount(amount: Decimal, printed: str = "") -> str:
    """`4099.76` → `4,099.76`; a whole amount printed without decimals (元) stays whole; an
    amount printed with more decimals than two (Beijing's 万元 to six) as printed; with no
    printed text, two decimals, more where the amount has them (up to six)."""
    decimals = len(printed.rsplit(".", 1)[1]) if "." in printed else None
    if decimals is not None and decimals > 2:
        return printed
    if printed and decimals is None and amount == amount.to_integral_value():
        return f"{amount:,.0f}"
    return f"{amount:,.{amount_decimals(amount)}f}"


def amount_decimals(amount: Decimal) -> int:
    """The decimals an amount needs: two at least, six at most."""
    exponent = amount.normalize().as_tuple().exponent
    return min(6, max(2, -exponent if isinstance(exponent, int) else 2))


def header_rows(paths: Sequence[str]) -> tuple[tuple[HeaderCell, ...], ...]:
    """The header rows that print these leaf column paths: a text shared by neighbouring
    columns' paths spans them; a leaf shorter than the deepest path spans the rows below it."""
    parts = [(path or "").split("/") for path in paths]
    depth = max((len(p) for p in parts), default=0)
    rows: list[list[HeaderCell]] = [[] for _ in range(depth)]
    for level in range(depth):
        i = 0
        while i < len(parts):
            path = parts[i]
            if len(path) <= level:  # under a leaf that spans the rows below
                i += 1
            elif len(path) == level + 1:
                rows[level].append(HeaderCell(path[level], 1, depth - level))
                i += 1
            else:
                j = i + 1
                while (
                    j < len(parts)
                    and len(parts[j]) > level + 1
                    and parts[j][: level + 1] == path[: level + 1]
                ):
                    j += 1
                rows[level].append(HeaderCell(path[level], j - i, 1))
                i = j
    return tuple(tuple(row) for row in rows)


def printed_table(table: Mapping[str, Any], cells: Sequence[Mapping[str, Any]]) -> PrintedTable:
    """A `disclosure_tables` row and its `disclosure_cells` rows as the table was printed."""
    width = max([int(table["column_count"] or 0), *(int(c["column_no"]) for c in cells)])
    paths = [""] * width
    body: dict[int, list[BodyCell | None]] = {}
    for c in cells:
        column = int(c["column_no"]) - 1
        if not paths[column] and c["column_path"]:
            paths[column] = str(c["column_path"])
        row = body.setdefault(int(c["row_no"]), [None] * width)
        row[column] = BodyCell(str(c["text"] or ""), c["amount"], c["page_no"])
    return PrintedTable(
        table_no=int(table["table_no"]),
        table_code=table["table_code"],
        title=str(table["title"]),
        standard_table=table["standard_table"],
        unit_label=table["unit_label"],
        page_from=int(table["page_from"]),
        page_to=int(table["page_to"]),
        is_empty=bool(table["is_empty"]),
        notes=tuple(table["notes"] or ()),
        columns=tuple(paths),
        header=header_rows(paths),
        rows=tuple(tuple(body[n]) for n in sorted(body)),
    )
