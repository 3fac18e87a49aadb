"""Loading, duplicates, re-issues and quarantine, on real extracted samples and real files."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from disclosure.regions import UNKNOWN, Region
from samplegen.final_disclosure import execution_pair, final_spec
from samplegen.render import render_disclosure
from tests.conftest import HUNAN_2023, HUNAN_2024, REISSUE_2024
from tests.warehouse.warehouse_state import file_checksums
from warehouse import store
from warehouse.documents import Document, Outcome, Status
from warehouse.raw import keep_raw, sha256_of
from warehouse.settings import WarehouseSettings


@pytest.fixture
def settings(tmp_path: Path) -> WarehouseSettings:
    return WarehouseSettings(tmp_path / "data")


def document(path: Path, settings: WarehouseSettings) -> Document:
    doc = Document(path.resolve(), sha256_of(path), path.stat().st_size)
    return dataclasses.replace(doc, kept_at=keep_raw(doc.path, doc.sha256, settings))


def query(settings: WarehouseSettings, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(settings.database), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def test_load_records_the_document_its_tables_and_cells(
    settings: WarehouseSettings,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> None:
    disclosure = sample_disclosures[HUNAN_2024]
    doc = document(sample_pdfs[HUNAN_2024], settings)

    outcome = store.load_disclosure(settings, doc, disclosure)

    assert (outcome.status, outcome.unit_code, outcome.year) == (Status.LOADED, "010", 2024)
    assert query(
        settings, "SELECT doc_id, status, unit_name, page_count, parser FROM disclosures"
    ) == [(doc.doc_id, "loaded", "湖南省信访局", disclosure.page_count, "playa")]
    # Where the unit is, as its name says: province, city, county, area code, level.
    assert query(
        settings, "SELECT province, city, county, region_code, level FROM disclosures"
    ) == [("湖南省", None, None, "430000", "省")]
    tables = query(settings, "SELECT table_code, title, row_count FROM budget_tables ORDER BY 1")
    assert tables == sorted((t.table_code, t.title, t.row_count) for t in disclosure.tables)
    ((count, total),) = query(settings, "SELECT count(*), sum(amount) FROM budget_cells")
    assert count == disclosure.cell_count
    assert total == sum(
        c.amount for t in disclosure.tables for c in t.cells if c.amount is not None
    )


def test_same_bytes_elsewhere_is_a_duplicate_and_writes_nothing_else(
    settings: WarehouseSettings,
    tmp_path: Path,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> None:
    original = document(sample_pdfs[HUNAN_2024], settings)
    store.load_disclosure(settings, original, sample_disclosures[HUNAN_2024])
    before = file_checksums(settings.data_dir)
    tables_before = query(settings, "SELECT * FROM budget_tables ORDER BY ALL")
    copy = tmp_path / "elsewhere" / "copy.pdf"
    copy.parent.mkdir()
    copy.write_bytes(sample_pdfs[HUNAN_2024].read_bytes())

    outcomes = store.record_duplicates(settings, [document(copy, settings)])

    message = f"{copy}: same bytes as {HUNAN_2024} (loaded)"
    assert [(o.status, o.reason, o.message) for o in outcomes] == [
        (Status.DUPLICATE, "same_bytes", message)
    ]
    # As for every status: `reason` a short code, `message` the words.
    assert query(
        settings, "SELECT file_name, status, reason, message FROM disclosures ORDER BY ingested_at"
    ) == [
        (HUNAN_2024, "loaded", None, None),
        ("copy.pdf", "duplicate", "same_bytes", message),
    ]
    assert file_checksums(settings.data_dir) == before
    assert query(settings, "SELECT * FROM budget_tables ORDER BY ALL") == tables_before


def test_the_same_file_again_is_unchanged(
    settings: WarehouseSettings,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> None:
    doc = document(sample_pdfs[HUNAN_2024], settings)
    store.load_disclosure(settings, doc, sample_disclosures[HUNAN_2024])
    before = file_checksums(settings.data_dir)

    again = store.load_disclosure(settings, doc, sample_disclosures[HUNAN_2024])

    assert again.status == Status.UNCHANGED
    assert query(settings, "SELECT count(*) FROM disclosures") == [(1,)]
    assert file_checksums(settings.data_dir) == before


def test_a_reissue_supersedes_the_earlier_version_of_its_unit_and_year(
    settings: WarehouseSettings,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> None:
    first = document(sample_pdfs[HUNAN_2024], settings)
    other_year = document(sample_pdfs[HUNAN_2023], settings)
    reissue = document(sample_pdfs[REISSUE_2024], settings)
    store.load_disclosure(settings, first, sample_disclosures[HUNAN_2024])
    store.load_disclosure(settings, other_year, sample_disclosures[HUNAN_2023])

    outcome = store.load_disclosure(settings, reissue, sample_disclosures[REISSUE_2024])

    assert (outcome.status, outcome.superseded, outcome.superseded_file) == (
        Status.LOADED,
        first.doc_id,
        HUNAN_2024,
    )
    ledger = query(
        settings,
        "SELECT file_name, year, status, superseded_by, reason, message FROM disclosures "
        "ORDER BY 1",
    )
    assert ledger == [
        (HUNAN_2023, 2023, "loaded", None, None, None),
        (
            HUNAN_2024,
            2024,
            "superseded",
            reissue.doc_id,
            "later_version",
            f"superseded by {REISSUE_2024} ({reissue.doc_id[:12]}), "
            "a later version for unit 010, 2024 预算 (部门)",
        ),
        (REISSUE_2024, 2024, "loaded", None, None, None),
    ]
    # The corrected 三公 figures are current; the earlier version's cells are gone, its raw stays.
    assert query(
        settings,
        "SELECT measure, amount FROM sangong_costs WHERE year = 2024 AND row_kind = 'total' "
        "AND measure IN ('total', 'official_reception') ORDER BY measure",
    ) == [("official_reception", Decimal("12.00")), ("total", Decimal("69.00"))]
    assert query(settings, "SELECT DISTINCT doc_id FROM budget_cells WHERE year = 2024") == [
        (reissue.doc_id,)
    ]
    assert query(settings, "SELECT DISTINCT doc_id FROM budget_tables WHERE year = 2024") == [
        (reissue.doc_id,)
    ]
    assert settings.raw_path(first.doc_id).read_bytes() == sample_pdfs[HUNAN_2024].read_bytes()


@pytest.mark.parametrize(
    ("change", "supersedes"),
    [
        ({}, True),
        # A body's own 单位预算 and its department's 部门预算: two documents, both current.
        ({"scope": "单位"}, False),
        # The same printed code in another region is another unit.
        ({"region": Region("江苏省", "无锡市", None, "320200", "市")}, False),
        # A region not read (an older ledger row, or a name naming no place) is not a conflict.
        ({"region": UNKNOWN}, True),
    ],
)
def test_what_a_later_document_supersedes_is_keyed_on_unit_region_year_and_scope(
    settings: WarehouseSettings,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
    change: dict[str, object],
    supersedes: bool,
) -> None:
    first = document(sample_pdfs[HUNAN_2024], settings)
    store.load_disclosure(settings, first, sample_disclosures[HUNAN_2024])
    later = dataclasses.replace(sample_disclosures[REISSUE_2024], **change)

    outcome = store.load_disclosure(settings, document(sample_pdfs[REISSUE_2024], settings), later)

    assert outcome.superseded == (first.doc_id if supersedes else None)
    statuses = query(
        settings, "SELECT file_name, status, scope, province FROM disclosures ORDER BY 1"
    )
    assert statuses == [
        (HUNAN_2024, "superseded" if supersedes else "loaded", "部门", "湖南省"),
        (REISSUE_2024, "loaded", later.scope, later.region.province),
    ]


def test_quarantine_keeps_the_raw_file_and_writes_a_report(
    settings: WarehouseSettings, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"<html>not found</html>")
    doc = document(bad, settings)

    outcome = store.quarantine_document(settings, doc, "not_a_pdf", f"{bad}: not a PDF")

    assert (outcome.status, outcome.reason) == (Status.QUARANTINED, "not_a_pdf")
    report = json.loads(settings.quarantine_path(doc.doc_id).read_text("utf-8"))
    assert report == {
        "doc_id": doc.doc_id,
        "file_name": "bad.pdf",
        "source_uri": doc.source_uri,
        "raw_path": f"raw/{doc.doc_id}.pdf",
        "reason": "not_a_pdf",
        "message": f"{bad}: not a PDF",
    }
    assert settings.raw_path(doc.doc_id).read_bytes() == b"<html>not found</html>"
    assert query(settings, "SELECT status, reason FROM disclosures") == [
        ("quarantined", "not_a_pdf")
    ]
    # Before any load the Parquet-backed views exist and are empty.
    assert query(settings, "SELECT count(*) FROM budget_cells") == [(0,)]
    assert query(settings, "SELECT count(*) FROM expenditure_by_function") == [(0,)]


def test_a_disclosure_without_unit_or_year_is_quarantined(
    settings: WarehouseSettings,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> None:
    nameless = dataclasses.replace(sample_disclosures[HUNAN_2024], unit_code=None)
    doc = document(sample_pdfs[HUNAN_2024], settings)

    outcome = store.load_disclosure(settings, doc, nameless)

    assert (outcome.status, outcome.reason) == (Status.QUARANTINED, "no_unit_or_year")
    assert not (settings.parquet_dir / "budget_cells").exists()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"amount": Decimal("1.0000005")}, "Rescaling Decimal value would cause data loss"),
        ({"amount": Decimal("1" * 17)}, "Decimal"),
    ],
)
def test_an_amount_that_does_not_fit_decimal_18_6_is_never_rounded(
    settings: WarehouseSettings,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
    change: dict,
    expected: str,
) -> None:
    disclosure = sample_disclosures[HUNAN_2024]
    table = disclosure.tables[0]
    cells = [dataclasses.replace(table.cells[1], **change), *table.cells[2:]]
    broken = dataclasses.replace(
        disclosure, tables=[dataclasses.replace(table, cells=cells), *disclosure.tables[1:]]
    )

    outcome = store.load_disclosure(settings, document(sample_pdfs[HUNAN_2024], settings), broken)

    assert (outcome.status, outcome.reason) == (Status.QUARANTINED, "unloadable")
    assert expected in (outcome.message or "")
    assert not (settings.parquet_dir / "budget_cells").exists()


def test_a_moved_data_directory_gets_its_views_re_pointed_by_the_next_run(
    tmp_path: Path, sample_pdfs: dict[str, Path], sample_disclosures: dict[str, Disclosure]
) -> None:
    before = WarehouseSettings(tmp_path / "before")
    path = sample_pdfs[HUNAN_2024]
    store.load_disclosure(
        before, Document(path, "a" * 64, path.stat().st_size), sample_disclosures[HUNAN_2024]
    )
    after = WarehouseSettings(tmp_path / "after")
    before.data_dir.rename(after.data_dir)

    assert store.sightings(after) == {"a" * 64: {path.as_uri()}}

    con = duckdb.connect(str(after.database), read_only=True)
    try:
        (count,) = con.execute("SELECT count(*) FROM budget_cells").fetchone()
    finally:
        con.close()
    assert count == sample_disclosures[HUNAN_2024].cell_count


@pytest.fixture(scope="module")
def execution_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A generated department's 预算 and 决算 of one year, and the same 决算 printed again
    (a corrected issue: the same unit, year and figures, other bytes)."""
    pair = execution_pair(3)
    specs = {
        "budget": pair.budget,
        "final": pair.final,
        "corrected_final": final_spec(pair.accounts, "corrected"),
    }
    folder = tmp_path_factory.mktemp("execution")
    paths = {name: folder / f"{name}.pdf" for name in specs}
    for name, spec in specs.items():
        render_disclosure(spec, paths[name])
    return paths


def test_a_final_and_a_budget_never_supersede_each_other_a_corrected_final_supersedes_the_final(
    settings: WarehouseSettings, execution_pdfs: dict[str, Path]
) -> None:
    documents = {name: document(path, settings) for name, path in execution_pdfs.items()}

    def load(name: str) -> Outcome:
        disclosure = extract_disclosure(execution_pdfs[name])
        return store.load_disclosure(settings, documents[name], disclosure)

    budget, final = load("budget"), load("final")
    # The 决算 of the budget's unit and year stands beside it: both current.
    assert (budget.status, final.status, final.superseded) == (Status.LOADED, Status.LOADED, None)
    assert (budget.unit_code, budget.year) == (final.unit_code, final.year)

    corrected = load("corrected_final")

    assert (corrected.status, corrected.superseded) == (Status.LOADED, documents["final"].doc_id)
    assert query(
        settings, "SELECT file_name, kind, status, superseded_by FROM disclosures ORDER BY 1"
    ) == [
        ("budget.pdf", "预算", "loaded", None),
        ("corrected_final.pdf", "决算", "loaded", None),
        ("final.pdf", "决算", "superseded", documents["corrected_final"].doc_id),
    ]
