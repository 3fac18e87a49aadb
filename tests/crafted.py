"""Disclosures whose printed text is an attack, rendered by the project's own generator: a
spreadsheet formula in a cell, markup in a cell. They must come out of every export and page as
the text they are.

- `FORMULAS`: cells a spreadsheet would evaluate (`=1+1`, `@SUM(1+1)`, a `HYPERLINK`);
- `MARKUP`: a file name, and `CELL_MARKUP` a cell (extraction removes a cell's whitespace), that
  a browser would run if a page did not escape them.
"""

from __future__ import annotations

import dataclasses

from samplegen.hunan_xinfang_2024 import spec as seed_spec
from samplegen.spec import DisclosureSpec, RowSpec, TableSpec

FORMULAS = ("=1+1", "@SUM(1+1)", '=HYPERLINK("http://example.invalid/","y")')
MARKUP = "<img src=x onerror=this.id='PWNED'>"
MARKUP_FILE_NAME = f"{MARKUP}.pdf"
CELL_MARKUP = "<svg/onload=this.id='PWNED'>"

# 其他资金绩效目标表 (预算22表): its project names and target texts are free text.
_TEXT_TABLE = "22"


def with_texts(texts: tuple[str, ...], spec: DisclosureSpec | None = None) -> DisclosureSpec:
    """The seed disclosure with the texts printed in its table of other funds' performance
    targets: the first as a project's name, the others as that project's and the next one's
    targets."""
    spec = spec or seed_spec()

    def crafted(table: TableSpec) -> TableSpec:
        if table.code != _TEXT_TABLE:
            return table
        name_column = table.column_paths.index("单位(专项)名称")
        target_column = table.column_paths.index("实施期绩效目标")
        rows = list(table.rows)
        items = [i for i, row in enumerate(rows) if row.kind == "item"]
        placed = iter(texts)
        for n, i in enumerate(items):
            values = list(rows[i].values)
            if n == 0:
                values[name_column] = next(placed, values[name_column])
            values[target_column] = next(placed, values[target_column])
            rows[i] = RowSpec(**{**dataclasses.asdict(rows[i]), "values": tuple(values)})
        return dataclasses.replace(table, rows=tuple(rows))

    return dataclasses.replace(spec, tables=tuple(crafted(t) for t in spec.tables))
