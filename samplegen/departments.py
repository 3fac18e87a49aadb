"""Two fixed sample departments, drawn by the random generator from fixed seeds.

- `agriculture_2024()`: 湖南省农业农村厅 — 本级, a school and a centre; all 23 tables, with
  预算15–18表 empty (no 政府性基金, no 国有资本经营预算) and long subject tables that run over
  several pages.
- `water_resources_2023()`: 湖南省水利厅 a year earlier (for questions across years).
- `water_resources_2024()`: 湖南省水利厅 — 本级 and one centre; 政府性基金 present, no school
  (预算19表 empty), no 省级专项资金 (预算20/21表 empty), no 国有资本 (预算18表 empty); tables
  share pages, a narrow-margin layout and no table of contents.

They are regenerated, not stored: the same code and seeds always give the same specs.
"""

from __future__ import annotations

import random

from samplegen.budget import ADMIN, INSTITUTION, SCHOOL, Features, random_budget
from samplegen.random_disclosure import disclosure_from_budget, draw_budget
from samplegen.spec import DisclosureSpec, Layout

AGRICULTURE_SEED = 2024_116
WATER_RESOURCES_SEED = 2024_117


def agriculture_2024() -> DisclosureSpec:
    """湖南省农业农村厅 2024: three entities, every table, four of them empty, long tables."""
    budget = draw_budget(
        random.Random(AGRICULTURE_SEED),
        long_tables=True,
        department="湖南省农业农村厅",
        entity_kinds=(ADMIN, SCHOOL, INSTITUTION),
        features=Features(
            special_account=True,
            special_funds=True,
            transfers=True,
            carry_over=True,
            nontax=True,
            unit_income=True,
            abroad=True,
            vehicle_purchase=True,
        ),
    )
    layout = Layout(margin_left=36.0, margin_right=36.0, margin_top=40.0, margin_bottom=36.0)
    return disclosure_from_budget(budget, AGRICULTURE_SEED, long_tables=True, layout=layout)


def water_resources_2024() -> DisclosureSpec:
    """湖南省水利厅 2024: two entities, government funds, tables sharing pages."""
    budget = draw_budget(
        random.Random(WATER_RESOURCES_SEED),
        department="湖南省水利厅",
        entity_kinds=(ADMIN, INSTITUTION),
        features=Features(
            government_funds=True,
            transfers=True,
            carry_over=True,
            unit_income=True,
            abroad=False,
            vehicle_purchase=True,
        ),
    )
    layout = Layout(
        margin_left=28.0,
        margin_right=28.0,
        margin_top=30.0,
        margin_bottom=28.0,
        title_font_size=13.0,
        tables_share_pages=True,
        table_of_contents=False,
    )
    return disclosure_from_budget(budget, WATER_RESOURCES_SEED, layout=layout)


def water_resources_2023() -> DisclosureSpec:
    """湖南省水利厅 a year earlier: the same department and entities, a budget of its own."""
    budget = random_budget(
        random.Random(WATER_RESOURCES_SEED - 1),
        year=2023,
        department="湖南省水利厅",
        entity_kinds=(ADMIN, INSTITUTION),
        features=Features(government_funds=True, transfers=True, carry_over=True, unit_income=True),
    )
    return disclosure_from_budget(budget, WATER_RESOURCES_SEED - 1)


SAMPLE_DEPARTMENTS = {
    "agriculture_2024": agriculture_2024,
    "water_resources_2023": water_resources_2023,
    "water_resources_2024": water_resources_2024,
}
