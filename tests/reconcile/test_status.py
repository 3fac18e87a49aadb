"""What a run could check, and why not: reasons from the engine, kept per run, and the analyst's
two views — the latest findings, and the status of each unit and year."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from disclosure.model import Disclosure
from reconcile.catalog import load_catalog
from reconcile.runs import read_run, reconcile_warehouse
from tests.conftest import HUNAN_2023, HUNAN_2024
from warehouse import store
from warehouse.documents import Document
from warehouse.raw import sha256_of
from warehouse.settings import WarehouseSettings


def load(settings: WarehouseSettings, pdf: Path, disclosure: Disclosure) -> None:
    document = Document(pdf, sha256_of(pdf), pdf.stat().st_size)
    store.load_disclosure(settings, document, disclosure)


def rows(settings: WarehouseSettings, sql: str) -> list[dict[str, object]]:
    with duckdb.connect(str(settings.database), read_only=True) as con:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@pytest.fixture
def settings(
    tmp_path: Path, sample_pdfs: dict[str, Path], sample_disclosures: dict[str, Disclosure]
) -> WarehouseSettings:
    settings = WarehouseSettings(tmp_path / "data")
    load(settings, sample_pdfs[HUNAN_2024], sample_disclosures[HUNAN_2024])
    return settings


def test_a_rule_not_evaluated_says_the_true_reason_and_counts_agree(
    settings: WarehouseSettings,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> None:
    run = reconcile_warehouse(settings)
    why = {
        r["rule_id"]: dict(zip(r["not_evaluated_for"], r["not_evaluated_why"], strict=True))
        for r in run.rules.to_pylist()
    }
    # An across-year rule without the year before: no previous year, not "missing tables".
    assert why["year_over_year_change"] == {"2024/010": "no previous year loaded (2023)"}
    # The seed prints 16 of the 23 tables: a rule reading one it lacks says which.
    assert {"2024/010/04": "table 04 not printed"}.items() <= why["header_sums"].items()
    assert why["funds_15_vs_16"] == {"2024/010": "table 15 not printed; table 16 not printed"}
    assert "2024/010/07" not in why["header_sums"]
    coverage = run.rule_coverage()
    assert coverage["everywhere"] + coverage["partly"] + coverage["nowhere"] == coverage["rules"]
    assert coverage["rules"] == len(why) == len(load_catalog("hunan").rules)
    assert coverage["nowhere"] == sum(1 for r in run.rules.to_pylist() if not r["evaluated"])

    (status,) = rows(settings, "SELECT * FROM reconciliation_status")
    assert (status["year"], status["unit_code"], status["unit_name"]) == (
        2024,
        "010",
        "湖南省信访局",
    )
    assert (status["errors"], status["warnings"], status["info"]) == (10, 9, 4)
    assert status["rules"] == status["rules_evaluated"] + status["rules_not_evaluated"]
    assert status["rules"] == coverage["rules"]
    assert status["rules_not_evaluated"] == coverage["partly"] + coverage["nowhere"]
    assert "year_over_year_change: no previous year loaded (2023)" in status["not_evaluated"]
    assert "header_sums [04]: table 04 not printed" in status["not_evaluated"]
    assert status["run_id"] == run.run_id

    # The year before arrives: the comparison is evaluated for 2024, not for 2023.
    load(settings, sample_pdfs[HUNAN_2023], sample_disclosures[HUNAN_2023])
    second = reconcile_warehouse(settings)
    (yoy,) = [r for r in second.rules.to_pylist() if r["rule_id"] == "year_over_year_change"]
    assert (yoy["evaluated"], yoy["not_evaluated_for"]) == (1, ["2023/010"])
    assert yoy["not_evaluated_why"] == ["no previous year loaded (2022)"]
    by_year = {
        r["year"]: r for r in rows(settings, "SELECT * FROM reconciliation_status ORDER BY year")
    }
    assert sorted(by_year) == [2023, 2024]
    assert by_year[2024]["rules_evaluated"] == by_year[2023]["rules_evaluated"] + 1
    assert not any("year_over_year" in n for n in by_year[2024]["not_evaluated"])

    # Kept per run, and read back whole.
    again = read_run(settings, second.run_id)
    assert again is not None
    assert (
        again.rules.column("not_evaluated_why").to_pylist()
        == second.rules.column("not_evaluated_why").to_pylist()
    )
    assert again.documents_status.num_rows == 2


def test_latest_findings_are_the_last_run_s_only(settings: WarehouseSettings) -> None:
    first = reconcile_warehouse(settings)
    second = reconcile_warehouse(settings)
    (all_runs,) = rows(settings, "SELECT count(DISTINCT run_id) AS n FROM reconciliation_findings")
    assert all_runs["n"] == 2
    latest = rows(
        settings, "SELECT run_id, count(*) AS n FROM reconciliation_findings_latest GROUP BY ALL"
    )
    assert latest == [{"run_id": second.run_id, "n": second.findings.num_rows}]
    assert first.run_id < second.run_id
    (status,) = rows(
        settings, "SELECT count(*) AS n, max(run_id) AS run FROM reconciliation_status"
    )
    assert status == {"n": 1, "run": second.run_id}
