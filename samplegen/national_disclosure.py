"""National-format budget disclosures: the entry point of samplegen.national (issue 20)."""

from __future__ import annotations

import random
from collections.abc import Collection

from samplegen.national import NationalBudget, NationalStyle, draw_style, national_budget
from samplegen.national_tables import build_tables
from samplegen.spec import DisclosureSpec, FrontMatter, Layout


def national_disclosure(seed: int, *, tables: Collection[str] | None = None) -> DisclosureSpec:
    """A consistent random national-format budget disclosure. Deterministic per seed.

    `tables`: the standard tables to print (names of samplegen.standard.BUDGET_TABLES); by
    default the document's own choice (every core table, most of the others).
    """
    rng = random.Random(f"national:{seed}")
    nb, money, sangong = national_budget(rng)
    style = draw_style(rng, nb, money, sangong)
    specs = build_tables(nb, style, seed, tables)
    layout = Layout(
        margin_left=float(rng.randint(28, 48)),
        margin_right=float(rng.randint(28, 48)),
        margin_top=float(rng.randint(32, 48)),
        margin_bottom=float(rng.randint(30, 44)),
        title_font_size=float(rng.choice((12, 13, 14, 15, 16))),
        table_of_contents=rng.random() < 0.5,
        ruling="rects" if rng.random() < 0.25 else "lines",
        page_number=rng.choice((None, "第 {n} 页", "- {n} -", "{n}")),
    )
    publisher = nb.publisher
    return DisclosureSpec(
        year=nb.budget.year,
        unit_code=publisher.printed_code or "",
        unit_name=publisher.name,
        phone=nb.budget.phone,
        tables=specs,
        layout=layout,
        template="national",
        scope=style.scope,
        front=_front(rng, nb, style),
        publisher=publisher,
    )


def _front(rng: random.Random, nb: NationalBudget, style: NationalStyle) -> FrontMatter:
    publisher, year = nb.publisher, nb.budget.year
    kind = f"{style.scope}预算"
    covers = (
        (publisher.name, f"{year}年度{kind}"),
        (f"{year}年度", publisher.name, kind),
        (f"{publisher.name}{year}年{kind}公开",),
        (),
    )
    cover: tuple[str, ...] = rng.choice(covers)
    if style.code_at == "cover" and publisher.printed_code:
        cover = cover or (f"{publisher.name}{year}年{kind}",)
        cover = (*cover, f"单位代码：{publisher.printed_code}")
    return FrontMatter(cover=cover, contents_title="目录")
