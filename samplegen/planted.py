"""Arithmetic errors planted in a consistent disclosure, each recorded where it is printed.

`plant_errors(spec, seed, count)` changes `count` printed amounts of a consistent spec (any
generator's: Hunan, multi-entity, 决算, national) and returns the changed spec with one
`PlantedError` per change: the table, the body row and leaf column as extraction numbers them
(1-based), the column path and template path, the row's kind, entity, subject and label, and
the amount before (`expected`) and after (`printed`). A test proves reconciliation finds each
one, with its entity, table, row and column.

Only printed amounts change (never an empty cell, a code, a 行次 or 栏次 number), each to
another positive amount in the table's own format, and no two in one table, so that no
planted error can hide another.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from disclosure.model import ColumnKind
from disclosure.text import squeeze
from samplegen.disclosures import column_kind, row_labels
from samplegen.spec import DisclosureSpec, RowSpec, TableSpec


@dataclass(frozen=True)
class PlantedError:
    table_code: str
    row_no: int  # 1-based body row, as extraction numbers it
    column_no: int  # 1-based leaf column
    column_path: str
    template_path: str | None
    row_kind: str
    entity_code: str | None  # the entity (or the department) whose row it is; None on 合计
    subject_code: str | None
    row_label: str | None  # the row's name as printed (科目名称, 单位名称, 项目 …)
    expected: Decimal  # the consistent amount
    printed: Decimal  # the amount now printed instead


def plant_errors(
    spec: DisclosureSpec,
    seed: int | str,
    count: int = 1,
    *,
    tables: Collection[str] | None = None,
) -> tuple[DisclosureSpec, tuple[PlantedError, ...]]:
    """`spec` with `count` printed amounts changed, in `count` different tables (of `tables`,
    when given), and where each change is. Deterministic per seed."""
    rng = random.Random(f"planted:{seed}")
    candidates = [
        t for t in spec.tables if (tables is None or t.code in tables) and any(_amount_cells(t))
    ]
    if len(candidates) < count:
        raise ValueError(
            f"{count} errors need {count} tables printing amounts; {spec.file_name} has "
            f"{len(candidates)}"
        )
    chosen = {t.code for t in rng.sample(candidates, count)}
    printed: list[TableSpec] = []
    planted: list[PlantedError] = []
    for table in spec.tables:
        if table.code in chosen:
            table, error = _plant_one(table, rng)
            planted.append(error)
        printed.append(table)
    return dataclasses.replace(spec, tables=tuple(printed)), tuple(planted)


def _amount_cells(table: TableSpec) -> list[tuple[int, int]]:
    """(row index, column index) of every printed amount that an error may change."""
    kinds = [m.kind for m in table.columns] if table.columns else None
    return [
        (r, c)
        for r, row in enumerate(table.rows)
        if not row.merged and not row.numbering
        for c, value in enumerate(row.values)
        if isinstance(value, Decimal) and value > 0 and (kinds is None or kinds[c] == "amount")
    ]


def _plant_one(table: TableSpec, rng: random.Random) -> tuple[TableSpec, PlantedError]:
    r, c = rng.choice(_amount_cells(table))
    row = table.rows[r]
    expected = row.values[c]
    assert isinstance(expected, Decimal)
    new = _changed(expected, table.amount_format.decimals, rng)
    values = (*row.values[:c], new, *row.values[c + 1 :])
    rows = (*table.rows[:r], dataclasses.replace(row, values=values), *table.rows[r + 1 :])
    error = PlantedError(
        table_code=table.code,
        row_no=r + 1,
        column_no=c + 1,
        column_path=table.column_paths[c],
        template_path=table.meanings[c],
        row_kind=row.kind,
        entity_code=row.entity_code,
        subject_code=row.subject_code,
        row_label=_label(table, row, c),
        expected=expected,
        printed=new,
    )
    return dataclasses.replace(table, rows=rows), error


def _changed(amount: Decimal, decimals: int, rng: random.Random) -> Decimal:
    """Another positive amount with the same decimals: off by 1 to 1,000,000 units of the last
    place (0.01 to 10,000.00 in a 万元 table), either way."""
    unit = Decimal(1).scaleb(-decimals)
    steps = int(amount / unit)
    while True:
        delta = max(1, int(10 ** rng.uniform(0, 6))) * rng.choice((1, -1))
        if steps + delta > 0:
            return (Decimal(steps + delta) * unit).quantize(unit)


def _label(table: TableSpec, row: RowSpec, column: int) -> str | None:
    """The row's label as extraction names it: the nearest label column at or left of the
    cell that prints text, else the first label column that does."""
    stated = table.columns or [None] * len(table.column_paths)
    labels = [
        i
        for i, (path, means, meaning) in enumerate(
            zip(table.column_paths, table.meanings, stated, strict=True)
        )
        if column_kind(path, means, meaning) is ColumnKind.LABEL
    ]
    texts = [squeeze(table.text_of(v)) for v in row.values]
    return row_labels(labels, texts)[column]
