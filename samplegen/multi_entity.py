"""Departments of several entities, printed one block per entity (issue 19).

A Hunan department with sub-units (`010` 湖南省信访局: `010001` 湖南省信访局本级, `010002` …) is
printed by some software with each entity's own rows under it. In every by-entity table the
department row comes first, then one block per entity:

- the subject tables (预算03, 07, 15, 18, 19表): the entity's row, then its own 类 / 款 / 项
  rows (`201` 一般公共服务支出 appears once in each entity that spends on it, never summed for
  the department); with `department_block`, the department row is followed by the department's
  summed subject rows before the entities' blocks;
- 预算08–13表: the entity's row, then its own subject rows (类 | 款 | 项, its 单位代码);
- 预算20–22表 (projects) already print an entity row above its projects, and 预算02, 04, 05,
  14, 16, 17表 one row per entity with nothing under it.

Every subject row of a block carries its entity (`RowSpec.entity_code`), the thing extraction
must find though the row does not print it (08–13 do print it). The money is a random
consistent budget (samplegen.budget) with the 本级 and 2–4 sub-units, in which some rows exist
in one entity only and some 类 in several: `multi_entity_disclosure(seed)` is deterministic per
seed, and every identity of the department holds, entity by entity and summed.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Collection

from samplegen.budget import ADMIN, INSTITUTION, SCHOOL, Budget, Sector, load_catalog
from samplegen.random_disclosure import disclosure_from_budget, draw_budget
from samplegen.spec import DisclosureSpec, TableSpec
from samplegen.tables import budget_table

# The tables whose rows are grouped under their entity in this variant.
SUBJECT_BLOCK_TABLES = ("03", "07", "15", "18", "19")
ENTITY_SUBJECT_BLOCK_TABLES = ("08", "09", "10", "11", "12", "13")
BLOCK_TABLES = SUBJECT_BLOCK_TABLES + ENTITY_SUBJECT_BLOCK_TABLES
MIN_SUB_UNITS = 2
MAX_SUB_UNITS = 4


def multi_entity_budget(rng: random.Random, *, sub_units: int | None = None) -> Budget:
    """A random consistent budget of the 本级 and `sub_units` (2–4, random when None) other
    entities, in which 预算03表 has a row in one entity only and a 类 in several entities."""
    catalog = load_catalog()
    for _ in range(100):
        sectors = [s for s in catalog.sectors if _room(s) >= (sub_units or MIN_SUB_UNITS)]
        sector = rng.choice(sectors)
        count = sub_units or rng.randint(MIN_SUB_UNITS, min(MAX_SUB_UNITS, _room(sector)))
        kinds = [ADMIN, *_kinds(rng, sector, count)]
        budget = draw_budget(rng, department=sector.departments[0][1], entity_kinds=tuple(kinds))
        if _blocks_differ(budget):
            return budget
    raise RuntimeError("no multi-entity budget with differing blocks in 100 draws")


def multi_entity_disclosure(
    seed: int,
    *,
    tables: Collection[str] | None = None,
    sub_units: int | None = None,
    department_block: bool | None = None,
) -> DisclosureSpec:
    """A consistent Hunan disclosure of a department with the 本级 and 2–4 sub-units, every
    by-entity table printed one block per entity. Deterministic per seed.

    `department_block`: print the department's summed subject rows under its row too (drawn
    per seed when None, about one disclosure in four).
    """
    rng = random.Random(f"multi-entity:{seed}")
    budget = multi_entity_budget(rng, sub_units=sub_units)
    if department_block is None:
        department_block = rng.random() < 0.25
    return disclosure_from_budget(
        budget, seed, tables=tables, entity_blocks=True, department_block=department_block
    )


def entity_blocks(table: TableSpec) -> dict[str | None, list[int]]:
    """The rows (0-based) of each block of a printed table: entity code → the entity row and
    the rows under it; None holds the rows above the first block (合计, the department)."""
    blocks: dict[str | None, list[int]] = defaultdict(list)
    current: str | None = None
    for i, row in enumerate(table.rows):
        if row.kind == "entity":
            current = row.entity_code
        elif row.kind in ("total", "unit"):
            current = None
        blocks[current].append(i)
    return dict(blocks)


def _room(sector: Sector) -> int:
    return len(sector.institutions) + len(sector.schools)


def _kinds(rng: random.Random, sector: Sector, count: int) -> list[str]:
    pool = [SCHOOL] * len(sector.schools) + [INSTITUTION] * len(sector.institutions)
    return rng.sample(pool, count)


def _blocks_differ(budget: Budget) -> bool:
    """Some 项 of 预算03表 is one entity's only, and some 类 is printed by two entities."""
    table = budget_table(budget, "03")
    owners: dict[str, set[str]] = defaultdict(set)
    for allocation in budget.allocations:
        owners[allocation.subject].add(allocation.entity_code)
    classes: dict[str, set[str]] = defaultdict(set)
    for subject, entities in owners.items():
        classes[subject[:3]] |= entities
    one_only = any(len(e) == 1 for e in owners.values())
    shared = any(len(e) >= 2 for e in classes.values())
    return bool(table.rows) and one_only and shared
