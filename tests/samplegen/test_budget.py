"""The budget model: a real subject catalog, and random budgets that keep their own rules."""

from __future__ import annotations

import random
from functools import cache

import pytest

from samplegen.budget import (
    ADMIN,
    CARRY_OVER,
    GENERAL_BUDGET,
    GOV_FUND_BUDGET,
    INSTITUTION,
    SCHOOL,
    SPECIAL_ACCOUNT_BUDGET,
    STATE_CAPITAL_BUDGET,
    Budget,
    Features,
    Fund,
    load_catalog,
    random_budget,
)
from samplegen.tables import TABLE_CODES, budget_table

SEEDS = range(200)


@cache
def budget(seed: int) -> Budget:
    return random_budget(random.Random(seed))


def test_catalog_codes_are_full_subject_codes_with_named_parents() -> None:
    catalog = load_catalog()
    assert len([c for c in catalog.names if len(c) == 7]) >= 40
    for code, name in catalog.names.items():
        assert code.isdigit() and len(code) in (3, 5, 7) and name
        assert code[:3] in catalog.names and code[: min(len(code), 5)] in catalog.names
    assert all(len(c) == 3 for c in catalog.function_lines)
    assert catalog.name("2010301") == "行政运行"
    assert catalog.name("2080505") == "机关事业单位基本养老保险缴费支出"
    assert catalog.name("2210201") == "住房公积金"


def test_department_codes_never_look_like_a_subject_class() -> None:
    # Extraction reads a 3-digit code equal to the unit code as the department row, so a unit
    # code must not be a 类 (201…234) of the catalog.
    catalog = load_catalog()
    codes = [code for sector in catalog.sectors for code, _ in sector.departments]
    assert len(codes) == len(set(codes)) >= 10
    assert all(len(c) == 3 and c.isdigit() and c not in catalog.names for c in codes)
    for sector in catalog.sectors:
        assert catalog.names[sector.programs[0]] == "一般行政管理事务"


def test_a_seed_always_gives_the_same_budget() -> None:
    assert random_budget(random.Random(7)) == random_budget(random.Random(7))
    assert random_budget(random.Random(7)) != random_budget(random.Random(8))


@pytest.mark.parametrize("seed", SEEDS)
def test_allocations_keep_the_model_rules(seed: int) -> None:
    b = budget(seed)
    catalog = load_catalog()
    sector = catalog.sector(b.sector)
    entities = {e.code: e for e in b.entities}
    projects = {p.key: p for p in b.projects}
    assert 1 <= len(b.entities) <= 5
    assert [e.code for e in b.entities] == [
        f"{b.unit_code}{i:03d}" for i in range(1, len(b.entities) + 1)
    ]
    assert b.entities[0].kind == ADMIN and b.entities[0].name == f"{b.unit_name}本级"
    assert all(e.kind != ADMIN for e in b.entities[1:])
    assert len({e.name for e in b.entities}) == len(b.entities)
    assert set(b.overviews) == set(entities)
    for a in b.allocations:
        assert isinstance(a.cents, int) and a.cents > 0
        assert a.subject in catalog.names and len(a.subject) == 7
        entity = entities[a.entity_code]
        if a.is_basic:
            assert a.fund not in CARRY_OVER, "carry-over pays for projects only"
            assert a.sangong is None
        else:
            assert projects[a.project].entity_code == a.entity_code
        if a.fund in GOV_FUND_BUDGET:
            assert a.subject in sector.government_funds
        if a.fund in STATE_CAPITAL_BUDGET:
            assert a.subject in catalog.state_capital
        if a.fund in SPECIAL_ACCOUNT_BUDGET:
            assert entity.kind == SCHOOL
        if a.fund in (Fund.BUSINESS, Fund.SUPERIOR, Fund.AFFILIATE, Fund.OTHER, Fund.CARRY_UNIT):
            assert entity.kind != ADMIN
        if a.sangong:
            assert a.fund == Fund.GENERAL and not a.is_basic
        assert a.fund != Fund.OPERATING
    for project in b.projects:
        spending = [a for a in b.allocations if a.project == project.key]
        assert spending, project.name
        if project.special:
            assert {a.fund for a in spending} == {project.special.fund}, "专项: this year's money"
            assert project.special.transfer >= 0
    names = [(p.entity_code, p.name) for p in b.projects]
    assert len(names) == len(set(names))


def test_features_decide_which_money_exists() -> None:
    for seed in range(20):
        bare = random_budget(random.Random(seed), features=Features())
        funds = {a.fund for a in bare.allocations}
        assert funds == {Fund.GENERAL}
        assert not any(p.special for p in bare.projects)
        empty = {code for code in TABLE_CODES if budget_table(bare, code).is_empty}
        assert {"15", "16", "17", "18", "19", "20", "21"} <= empty
    rich = Features(
        government_funds=True,
        state_capital=True,
        special_account=True,
        special_funds=True,
        transfers=True,
        carry_over=True,
        nontax=True,
        unit_income=True,
        abroad=True,
        vehicle_purchase=True,
    )
    full = random_budget(
        random.Random(3),
        department="湖南省水利厅",
        entity_kinds=(ADMIN, SCHOOL, INSTITUTION),
        features=rich,
    )
    funds = {a.fund for a in full.allocations}
    assert funds & GOV_FUND_BUDGET and funds & STATE_CAPITAL_BUDGET
    assert Fund.SPECIAL_ACCOUNT in funds and funds & CARRY_OVER
    assert any(a.sangong for a in full.allocations)
    assert not any(budget_table(full, code).is_empty for code in TABLE_CODES)


def test_entity_kinds_and_department_are_honoured() -> None:
    b = random_budget(
        random.Random(1), department="湖南省农业农村厅", entity_kinds=(ADMIN, SCHOOL, INSTITUTION)
    )
    assert (b.unit_code, b.unit_name) == ("116", "湖南省农业农村厅")
    assert [e.kind for e in b.entities] == [ADMIN, SCHOOL, INSTITUTION]
    with pytest.raises(ValueError):
        random_budget(random.Random(1), entity_kinds=(SCHOOL,))


def test_every_budget_spends_general_money_on_every_entity() -> None:
    for seed in range(50):
        b = budget(seed)
        for entity in b.entities:
            assert any(
                a.entity_code == entity.code and a.is_basic and a.fund in GENERAL_BUDGET
                for a in b.allocations
            )
