"""Random but consistent Hunan disclosures: a random budget, printed with a random layout.

`random_disclosure(seed)` is deterministic for a seed. The budget (money) comes from
`random.Random(seed)`; each table's layout from its own stream (`random.Random(f"{seed}:{code}")`),
so asking for a subset of tables (`tables=`) prints those tables exactly as the full document
does, and every identity between them still holds.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from disclosure.headers import tree_to_grid
from samplegen.budget import Budget, Features, random_budget
from samplegen.spec import DisclosureSpec, Layout, TableSpec, printed_text
from samplegen.tables import TABLE_CODES, RowStyle, budget_table

# Tables that run long when `long_tables` is set, and how long (body rows).
LONG_TABLES = ("03", "07", "08", "09", "13")
LONG_ROWS = range(60, 151)
SUBJECT_TREE_TABLES = ("03", "07", "15", "18", "19")
FONT_SIZES = (6.0, 6.5, 7.0, 7.0, 7.5, 8.0, 8.5, 9.0)
MIN_FONT_SIZE = 6.0

# Column sizing for explicit widths (the renderer's rules: 2 pt padding; codes and amounts
# never wrap). Digits and separators are 0.6 em in the CJK font; anything else counts as 1 em.
CELL_PADDING = 2.0
_NARROW = frozenset("0123456789,.-")


def random_disclosure(
    seed: int, *, tables: Collection[str] | None = None, long_tables: bool = False
) -> DisclosureSpec:
    """A consistent random disclosure; `tables` restricts the printed table codes."""
    budget = draw_budget(random.Random(seed), long_tables=long_tables)
    return disclosure_from_budget(budget, seed, tables=tables, long_tables=long_tables)


def draw_budget(
    rng: random.Random,
    *,
    long_tables: bool = False,
    department: str | None = None,
    entity_kinds: Sequence[str] | None = None,
    features: Features | None = None,
) -> Budget:
    """A random budget; with `long_tables`, redrawn until 03/07/08/09/13 have 60–150 rows."""
    for _ in range(100):
        budget = random_budget(
            rng,
            department=department,
            entity_kinds=entity_kinds,
            features=features,
            long_tables=long_tables,
        )
        # 预算13表 may drop its 合计 row when printed: keep one row of slack.
        lengths = [len(budget_table(budget, code).rows) for code in LONG_TABLES]
        if not long_tables or all(n - 1 in LONG_ROWS and n in LONG_ROWS for n in lengths):
            return budget
    raise RuntimeError("no budget with long tables in 100 draws")  # pragma: no cover


def disclosure_from_budget(
    budget: Budget,
    seed: int | str,
    *,
    tables: Collection[str] | None = None,
    long_tables: bool = False,
    layout: Layout | None = None,
    entity_blocks: bool = False,
    department_block: bool = False,
) -> DisclosureSpec:
    """Print `budget` with a layout drawn from `seed` (page geometry unless `layout` is given).

    `entity_blocks` / `department_block`: the RowStyle flags of the same names, for every
    table (see samplegen.multi_entity); the layout drawn is the same either way.
    """
    codes = TABLE_CODES if tables is None else tuple(c for c in TABLE_CODES if c in tables)
    unknown = set(tables or ()) - set(TABLE_CODES)
    if unknown:
        raise ValueError(f"no Hunan table(s) {sorted(unknown)}")
    page_rng = random.Random(f"{seed}:page")
    if layout is None:
        layout = random_layout(page_rng)
    code_labels = page_rng.random() < 0.8
    blocks = {"entity_blocks": entity_blocks, "department_block": department_block}
    specs = [
        random_table(
            budget, code, random.Random(f"{seed}:{code}"), layout, code_labels, long_tables, blocks
        )
        for code in codes
    ]
    return DisclosureSpec(
        year=budget.year,
        unit_code=budget.unit_code,
        unit_name=budget.unit_name,
        phone=budget.phone,
        tables=tuple(specs),
        layout=layout,
    )


def random_layout(rng: random.Random) -> Layout:
    def margin() -> float:
        return rng.randint(48, 96) / 2  # 24–48 pt, in half points

    return Layout(
        margin_left=margin(),
        margin_right=margin(),
        margin_top=margin(),
        margin_bottom=margin(),
        title_font_size=float(rng.choice((12, 13, 14, 15, 16))),
        tables_share_pages=rng.random() < 0.4,
        table_of_contents=rng.random() < 0.8,
    )


def random_table(
    budget: Budget,
    code: str,
    rng: random.Random,
    page: Layout,
    code_labels: bool,
    long_tables: bool,
    blocks: Mapping[str, bool] | None = None,
) -> TableSpec:
    """Table `code` of `budget` with a random row style and page layout (`blocks`: RowStyle's
    entity_blocks and department_block, not drawn)."""
    style = RowStyle(
        abbreviate_sections=code in SUBJECT_TREE_TABLES and rng.random() < 0.5,
        total_row=code != "13" or rng.random() < 0.5,
        empty_total_row=rng.random() < 0.7,
        total_label="合计:" if code == "23" and rng.random() < 0.5 else "合计",
        **(blocks or {}),
    )
    repeat = rng.random()
    repeat_title, repeat_header = (
        (True, True)
        if repeat < 0.45
        else (True, False)
        if repeat < 0.65
        else (False, True)
        if repeat < 0.9
        else (False, False)
    )
    many_rows = long_tables and code in LONG_TABLES
    table = budget_table(
        budget,
        code,
        style,
        font_size=rng.choice(FONT_SIZES),
        repeat_title=repeat_title,
        repeat_header=repeat_header,
        code_label=code_labels if rng.random() < 0.9 else not code_labels,
        unit_line="金额单位：万元" if rng.random() < 0.3 else "单位：万元",
        max_rows_per_page=rng.randint(8, 30)
        if rng.random() < (0.3 if many_rows else 0.12)
        else None,
    )
    if rng.random() < 0.35:
        table = with_column_widths(table, page, rng)
    return table


def with_column_widths(table: TableSpec, page: Layout, rng: random.Random) -> TableSpec:
    """The table with explicit, jittered column widths that fit its content and the page.

    Starts at the table's font size and steps down to MIN_FONT_SIZE; leaves the widths to the
    renderer (None) when even that does not fit.
    """
    usable = page.page_width - page.margin_left - page.margin_right
    size = table.font_size
    while size >= MIN_FONT_SIZE:
        minimum, natural = column_bounds(table, size)
        if sum(minimum) <= usable:
            desired = [
                max(low, want * rng.uniform(0.8, 1.3))
                for low, want in zip(minimum, natural, strict=True)
            ]
            if sum(desired) > usable:
                share = (usable - sum(minimum)) / (sum(desired) - sum(minimum))
                desired = [m + (d - m) * share for m, d in zip(minimum, desired, strict=True)]
            elif rng.random() < 0.5:  # sometimes the full page width, sometimes narrower
                desired = [w * usable / sum(desired) for w in desired]
            # Round down to 0.1 pt, never below the minimum (rounding must not break the fit).
            widths = tuple(max(m, int(w * 10) / 10) for m, w in zip(minimum, desired, strict=True))
            if sum(widths) <= usable:
                return replace(table, font_size=size, column_widths=widths)
        size -= 0.5
    return table


def _text_width(text: str, size: float) -> float:
    return sum(0.6 if ch in _NARROW else 1.0 for ch in text) * size


def _no_wrap(value: object) -> bool:
    return isinstance(value, Decimal) or (
        isinstance(value, str) and bool(value) and all(ch in _NARROW for ch in value)
    )


def column_bounds(table: TableSpec, size: float) -> tuple[list[float], list[float]]:
    """Per column, in pt: the narrowest width (its widest unbreakable value, a header wrapped
    to 4 lines, 4 characters of wrapping text) and a natural one (wrapping text up to 12
    characters a line, the header on 2 lines)."""
    grid = tree_to_grid(table.header)
    leaves = [""] * grid.cols
    for cell in grid.cells:
        if cell.last_row == grid.rows - 1 and cell.colspan == 1:
            leaves[cell.col] = cell.text
    columns = list(zip(*(r.values for r in table.rows if not r.merged), strict=True))
    if not columns:
        columns = [() for _ in leaves]
    pad = 2 * CELL_PADDING + 0.5
    minimum, natural = [], []
    for leaf, values in zip(leaves, columns, strict=True):
        header = _text_width(leaf, size)
        low, want = header / 4 + size, header / 2 + size
        for value in values:
            text = printed_text(value)
            if not text:
                continue
            width = _text_width(text, size)
            if _no_wrap(value):
                low, want = max(low, width), max(want, width)
            else:
                low = max(low, min(width, 4 * size))
                want = max(want, min(width, 12 * size))
        minimum.append(round(low + pad, 1))
        natural.append(round(want + pad, 1))
    return minimum, natural
