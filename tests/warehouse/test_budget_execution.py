"""budget_execution: a unit's 预算 against its 决算 of the same year, subject by subject, in 元.

The generator prints a department's 预算 (Hunan's 23 tables) and its 决算 (the national 决算
tables) from one executed budget, with one subject spent at exactly 95.00% of its budget; both
PDFs are rendered, extracted and loaded like any other, and the view must answer what the two
documents print."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
from decimal import ROUND_HALF_UP, Decimal

import duckdb
import pytest

from disclosure.extract import extract_disclosure
from samplegen.final_disclosure import ExecutionPair, execution_pair
from samplegen.render import render_disclosure
from tests.warehouse.test_catalog import duckdb_cli
from tests.warehouse.warehouse_state import REPO
from warehouse import store
from warehouse.catalog import open_writer, register_views
from warehouse.documents import Document, Status
from warehouse.raw import keep_raw, sha256_of
from warehouse.settings import WarehouseSettings

WAN = Decimal(10000)  # both documents print 万元
SCOPES = {"all": "全部资金", "general": "一般公共预算"}


@pytest.fixture(scope="module")
def pair() -> ExecutionPair:
    return execution_pair(1)


@pytest.fixture(scope="module")
def loaded(pair: ExecutionPair, tmp_path_factory: pytest.TempPathFactory) -> WarehouseSettings:
    folder = tmp_path_factory.mktemp("execution")
    settings = WarehouseSettings(folder / "data")
    for spec in (pair.budget, pair.final):
        path = folder / spec.file_name
        render_disclosure(spec, path)
        doc = Document(path.resolve(), sha256_of(path), path.stat().st_size)
        doc = dataclasses.replace(doc, kept_at=keep_raw(doc.path, doc.sha256, settings))
        outcome = store.load_disclosure(settings, doc, extract_disclosure(path))
        assert outcome.status is Status.LOADED, outcome.message
    con = open_writer(settings)
    register_views(con, settings)
    con.close()
    return settings


def rows(settings: WarehouseSettings, where: str = "true") -> list[dict]:
    con = duckdb.connect(str(settings.database), read_only=True)
    try:
        relation = con.sql(f"SELECT * FROM budget_execution WHERE {where}")
        return [dict(zip(relation.columns, r, strict=True)) for r in relation.fetchall()]
    finally:
        con.close()


def test_the_designated_subject_was_spent_at_95_percent(
    loaded: WarehouseSettings, pair: ExecutionPair
) -> None:
    subject = pair.designated_subject
    (row,) = rows(
        loaded,
        f"fund_scope = '一般公共预算' AND subject_code = '{subject}' AND measure = 'total'",
    )
    assert row["budget_yuan"] == pair.budgeted(subject, "general") * WAN
    assert row["initial_budget_yuan"] == pair.budgeted(subject, "general") * WAN
    assert row["final_yuan"] == pair.spent(subject, "general") * WAN
    assert row["difference_yuan"] == row["final_yuan"] - row["budget_yuan"]
    assert row["execution_rate_pct"] == Decimal("95.00") == pair.designated_rate * 100
    assert row["budgeted_by"] == "预算"


def test_every_subject_of_both_scopes_as_the_two_documents_print_it(
    loaded: WarehouseSettings, pair: ExecutionPair
) -> None:
    checked = 0
    for scope, fund_scope in SCOPES.items():
        by_subject = {
            r["subject_code"]: r
            for r in rows(loaded, f"fund_scope = '{fund_scope}' AND measure = 'total'")
        }
        for subject in pair.subjects:
            budgeted, spent = pair.budgeted(subject, scope), pair.spent(subject, scope)
            if not budgeted and not spent:
                continue
            row = by_subject[subject]
            assert (row["budget_yuan"] or 0, row["final_yuan"]) == (budgeted * WAN, spent * WAN)
            if budgeted:
                rate = (spent / budgeted * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
                assert row["execution_rate_pct"] == rate, subject
            checked += 1
    assert checked >= 10


def test_one_unit_across_its_budget_and_final_accounts(
    loaded: WarehouseSettings, pair: ExecutionPair
) -> None:
    everything = rows(loaded)
    assert {(r["unit_code"], r["unit_name"], r["year"]) for r in everything} == {
        (pair.budget.unit_code, pair.budget.unit_name, pair.budget.year)
    }
    assert all(r["budget_yuan"] is not None or r["final_yuan"] for r in everything)
    con = duckdb.connect(str(loaded.database), read_only=True)
    types = dict(
        con.sql("SELECT column_name, column_type FROM (DESCRIBE budget_execution)").fetchall()
    )
    con.close()
    assert {t for c, t in types.items() if c.endswith("_yuan")} == {"DECIMAL(38,2)"}
    assert types["execution_rate_pct"] == "DECIMAL(18,2)"  # exact, never a float


def test_the_readme_question_prints_what_the_readme_shows(loaded: WarehouseSettings) -> None:
    """The README's "which departments spent far from their budget" query, on the pair
    `budget samples pair/ --execution-pair 1` renders (this module's pair)."""
    readme = (REPO / "README.md").read_text("utf-8")
    found = re.search(
        r"```sql\n(?P<sql>[^`]*FROM budget_execution[^`]*)```\n\n(?:(?!```).)*?\n\n"
        r"```text\n(?P<out>[^`]*)```",
        readme,
        re.DOTALL,
    )
    assert found is not None
    result = subprocess.run(
        [duckdb_cli(), "-readonly", str(loaded.database)],
        input=found["sql"],
        capture_output=True,
        text=True,
        cwd="/",
        env=os.environ | {"COLUMNS": "200"},
        check=True,
    )
    assert result.stdout == found["out"]
