"""The DuckDB catalog: relations, exact types, views from anywhere, and the duckdb CLI."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from disclosure.model import Disclosure
from tests.conftest import HUNAN_2023, HUNAN_2024
from warehouse import store
from warehouse.catalog import RELATIONS, STORAGE_VERSION, relation_sql
from warehouse.documents import Document
from warehouse.settings import WarehouseSettings

SQL_DIR = Path(__file__).resolve().parents[2] / "warehouse" / "sql"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def loaded(
    tmp_path_factory: pytest.TempPathFactory,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> WarehouseSettings:
    settings = WarehouseSettings(tmp_path_factory.mktemp("catalog") / "data")
    for name in (HUNAN_2024, HUNAN_2023):
        path = sample_pdfs[name]
        doc = Document(path, f"{len(name):02d}{name.encode().hex()}"[:64], path.stat().st_size)
        store.load_disclosure(settings, doc, sample_disclosures[name])
    return settings


def duckdb_cli() -> str:
    """The `duckdb` executable of the duckdb-cli package, beside this Python or on PATH."""
    beside = Path(sys.executable).with_name("duckdb")
    found = str(beside) if beside.exists() else shutil.which("duckdb")
    assert found, "the duckdb command-line tool is missing: pip install duckdb-cli"
    return found


def test_every_relation_has_one_sql_file_that_opens_with_a_bilingual_comment() -> None:
    assert {p.stem for p in SQL_DIR.glob("*.sql")} >= set(RELATIONS)
    for name in RELATIONS:
        sql = relation_sql(name)
        first = sql.splitlines()[0]
        assert first.startswith("-- "), name
        assert CJK.search(first) and re.search(r"[a-z]{3,}", first), f"{name}: {first}"
        created = re.findall(r"CREATE (?:OR REPLACE )?(?:TABLE|VIEW)(?: IF NOT EXISTS)? (\w+)", sql)
        assert created == [name]


def test_all_relations_exist(loaded: WarehouseSettings) -> None:
    con = duckdb.connect(str(loaded.database), read_only=True)
    names = {r[0] for r in con.sql("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert set(RELATIONS) <= names


def test_amounts_are_exact_decimals_in_every_relation(loaded: WarehouseSettings) -> None:
    """Printed amounts keep the digits printed (DECIMAL(38,6): some formats print 万元 to four or
    six decimals); amounts in 元 are to the fen (DECIMAL(18,2)). Never a float."""
    con = duckdb.connect(str(loaded.database), read_only=True)
    amount_columns = con.sql(
        """
        SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE data_type LIKE 'DECIMAL%' OR column_name IN ('amount', 'total', 'sangong_total')
        ORDER BY ALL
        """
    ).fetchall()
    described = con.sql("DESCRIBE budget_cells").fetchall()
    arrow = con.sql("SELECT amount FROM budget_facts LIMIT 5").to_arrow_table()
    con.close()

    assert ("amount", "DECIMAL(38,6)") in [(r[0], r[1]) for r in described]
    assert ("amount_yuan", "DECIMAL(18,2)") in [(r[0], r[1]) for r in described]
    assert arrow.schema.field("amount").type == pa.decimal128(38, 6)
    # a view's sums in 元 (budget_execution) widen to DECIMAL(38,2): still to the fen
    assert {r[2] for r in amount_columns} <= {"DECIMAL(18,2)", "DECIMAL(38,2)", "DECIMAL(38,6)"}
    assert {r[2] for r in amount_columns if r[1] == "amount_yuan"} == {"DECIMAL(18,2)"}
    assert {r[2] for r in amount_columns if r[1] == "amount"} == {"DECIMAL(38,6)"}
    assert {r[0] for r in amount_columns} >= {
        "budget_cells",
        "budget_facts",
        "expenditure_by_function",
        "income",
        "basic_expenditure_by_economic_class",
        "sangong_costs",
        "government_funds",
        "performance_targets",
    }


def test_views_work_from_any_working_directory(
    loaded: WarehouseSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    con = duckdb.connect(str(loaded.database), read_only=True)
    (count,) = con.execute("SELECT count(*) FROM budget_cells").fetchone()
    (years,) = con.execute("SELECT list(DISTINCT year ORDER BY year) FROM budget_facts").fetchone()
    con.close()
    assert count > 0
    assert years == [2023, 2024]


def test_the_duckdb_cli_opens_the_file_and_queries_a_view(loaded: WarehouseSettings) -> None:
    cli = duckdb_cli()
    version = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True)
    result = subprocess.run(
        [
            cli,
            "-readonly",
            "-csv",
            str(loaded.database),
            "-c",
            "SELECT year, CAST(amount AS DECIMAL(18, 2)) AS sangong_total FROM sangong_costs "
            "WHERE row_kind = 'total' AND measure = 'total' ORDER BY year;"
            "SELECT column_type FROM (DESCRIBE budget_facts) WHERE column_name = 'amount';",
        ],
        cwd="/",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"{version.stdout}: {result.stderr}"
    assert result.stdout.split() == [
        "year,sangong_total",
        "2023,71.00",
        "2024,71.00",
        "column_type",
        '"DECIMAL(38,6)"',  # CSV quotes it for its comma
    ]


def test_the_file_keeps_the_storage_version_the_cli_can_read(loaded: WarehouseSettings) -> None:
    con = duckdb.connect(str(loaded.database), read_only=True)
    (tags,) = con.execute(
        "SELECT tags FROM duckdb_databases() WHERE database_name = 'warehouse'"
    ).fetchone()
    con.close()
    assert tags["storage_version"].startswith(STORAGE_VERSION)
