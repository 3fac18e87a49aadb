"""Reconciliation runs in a real warehouse: every run kept, written whole, under the writer lock;
and the HTML report of a run."""

from __future__ import annotations

import csv
import dataclasses
import re
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from reconcile.catalog import load_catalog
from reconcile.evaluation import evaluate_warehouse
from reconcile.inputs import year_batches
from reconcile.report import write_report
from reconcile.runs import (
    combine,
    reconcile_warehouse,
    record_run,
    run_file,
    still_current,
)
from tests.conftest import HUNAN_2024, REISSUE_2024
from tests.crafted import MARKUP_FILE_NAME
from tests.real_files import REPO
from warehouse import store
from warehouse.documents import Document
from warehouse.lock import WarehouseBusy, writer_lock
from warehouse.raw import sha256_of
from warehouse.relations import RECONCILIATION_FINDINGS as FINDINGS
from warehouse.relations import RECONCILIATION_RUNS as RUNS
from warehouse.settings import WarehouseSettings


@pytest.fixture
def settings(
    tmp_path: Path, sample_pdfs: dict[str, Path], sample_disclosures: dict[str, Disclosure]
) -> WarehouseSettings:
    settings = WarehouseSettings(tmp_path / "data", lock_timeout_s=0.3)
    path = sample_pdfs[HUNAN_2024]
    document = Document(path, sha256_of(path), path.stat().st_size)
    store.load_disclosure(settings, document, sample_disclosures[HUNAN_2024])
    return settings


def query(settings: WarehouseSettings, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(settings.database), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_every_run_is_kept(settings: WarehouseSettings) -> None:
    first = reconcile_warehouse(settings)
    second = reconcile_warehouse(settings)
    assert first.run_id < second.run_id  # run ids sort by time
    runs = query(
        settings,
        "SELECT run_id, count(*), sum(findings) FROM reconciliation_runs GROUP BY 1 ORDER BY 1",
    )
    per_run = first.findings.num_rows
    assert runs == [(first.run_id, first.rules.num_rows, per_run), (second.run_id, *runs[1][1:])]
    assert query(
        settings, "SELECT run_id, count(*) FROM reconciliation_findings GROUP BY 1 ORDER BY 1"
    ) == [(first.run_id, per_run), (second.run_id, per_run)]
    for relation in (FINDINGS, RUNS):
        assert sorted(
            p.parent.name for p in relation.directory(settings.parquet_dir).glob("*/*")
        ) == [
            f"run_id={first.run_id}",
            f"run_id={second.run_id}",
        ]


def test_only_the_current_version_of_a_disclosure_is_checked(
    settings: WarehouseSettings,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> None:
    # The re-issue corrects 三公 reception 14.00 → 12.00 (13's basic costs hold 10.00).
    path = sample_pdfs[REISSUE_2024]
    reissue = Document(path, sha256_of(path), path.stat().st_size)
    outcome = store.load_disclosure(settings, reissue, sample_disclosures[REISSUE_2024])
    assert outcome.superseded is not None
    run = reconcile_warehouse(settings)
    assert run.documents == 1
    assert set(run.findings.column("doc_id").to_pylist()) == {reissue.doc_id}
    reception = {
        f["difference"]
        for f in run.findings.to_pylist()
        if f["rule_id"] == "sangong_14_vs_13" and f["column_path"] == "公务接待费"
    }
    assert reception == {Decimal("2.00")}


def test_a_run_interrupted_between_its_two_files_stays_invisible(
    settings: WarehouseSettings,
) -> None:
    done = reconcile_warehouse(settings)
    # As if killed after the findings file was renamed into place, before the runs file was.
    orphan = dataclasses.replace(done, run_id="29991231T000000Z-deadbeef")
    path = run_file(settings, FINDINGS, orphan.run_id)
    path.parent.mkdir(parents=True)
    pq.write_table(orphan.findings, path)
    (settings.staging_dir / f"1-x-{path.name}").write_bytes(b"half a file")
    assert query(settings, "SELECT DISTINCT run_id FROM reconciliation_findings") == [
        (done.run_id,)
    ]


def test_recording_takes_the_writer_lock(settings: WarehouseSettings) -> None:
    run = reconcile_warehouse(settings)
    later = dataclasses.replace(run, run_id="29991231T000000Z-0000beef")
    with writer_lock(settings), pytest.raises(WarehouseBusy, match=r"warehouse\.lock"):
        record_run(settings, later)  # an ingest is loading: wait, then give up clearly
    assert not run_file(settings, RUNS, later.run_id).exists()
    record_run(settings, later)  # once the lock is free
    assert run_file(settings, RUNS, later.run_id).exists()


HOLD_WRITER = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])  # read-write: DuckDB locks the file for this process
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def test_reading_waits_for_a_loading_writer_to_finish(settings: WarehouseSettings) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_WRITER, str(settings.database), "1.5"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        started = time.monotonic()
        patient = dataclasses.replace(settings, lock_timeout_s=30.0)
        evaluation = evaluate_warehouse(patient, [2024], load_catalog("hunan"))
        assert time.monotonic() - started > 0.5  # it waited for the writer
        assert evaluation.documents == 1
    finally:
        holder.wait(timeout=30)


def test_reconciling_without_a_warehouse_says_so(tmp_path: Path) -> None:
    settings = WarehouseSettings(tmp_path / "data")
    with pytest.raises(FileNotFoundError, match="run an ingest first"):
        reconcile_warehouse(settings)


def test_the_report_lists_findings_with_their_pages_and_a_chart(
    settings: WarehouseSettings,
) -> None:
    run = reconcile_warehouse(settings)
    path = write_report(settings, run)
    assert path == settings.data_dir / "reports" / f"reconcile-{run.run_id}.html"
    html = path.read_text("utf-8")
    assert "<svg" in html and "<script" not in html
    # Self-contained: nothing fetched from elsewhere (the SVG namespace is a name, not a fetch).
    assert re.findall(r"(?:src|href)=['\"]https?:", html) == []
    assert "url(" not in html and "@import" not in html
    doc_id = run.findings.column("doc_id")[0].as_py()
    for f in run.findings.to_pylist():
        if f["severity"] == "error":
            assert f"../raw/{doc_id}.pdf#page={f['page_no']}" in html
            assert f"{f['actual']:,.2f}" in html
    assert "湖南省信访局" in html and "header_sums" in html
    # Every document checked is listed, with its file and its result; the findings as CSV beside.
    assert "核对的文件 Documents checked" in html
    assert f'<a href="../raw/{doc_id}.pdf">{HUNAN_2024}</a>' in html
    csv_path = path.with_name(f"reconcile-{run.run_id}.findings.csv")
    assert f'href="{csv_path.name}"' in html
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == run.findings.num_rows
    header = list(rows[0])
    assert header.index("unit_name") < header.index("unit_code") and header[-1] == "doc_id"
    assert {r["file_name"] for r in rows} == {HUNAN_2024}


def test_the_report_lists_documents_that_passed_and_escapes_names_from_files(
    tmp_path: Path,
) -> None:
    # A clean disclosure (the bundled sample of 湖南省水利厅 2023), under a file name of markup.
    settings = WarehouseSettings(tmp_path / "data")
    hostile = tmp_path / MARKUP_FILE_NAME
    shutil.copy(REPO / "samples" / "2023_117_湖南省水利厅.pdf", hostile)
    store.load_disclosure(
        settings,
        Document(hostile, sha256_of(hostile), hostile.stat().st_size),
        extract_disclosure(hostile),
    )
    run = reconcile_warehouse(settings)
    assert run.counts()["error"] == run.counts()["warning"] == 0

    html = write_report(settings, run).read_text("utf-8")
    assert "<img" not in html
    assert "&lt;img src=x onerror=this.id=&#39;PWNED&#39;&gt;.pdf</a>" in html
    (row,) = re.findall(r"<tr><td>湖南省水利厅 .*?</tr>", html)
    assert ">2023<" in row and "通过 passed" in row


def test_years_are_checked_in_batches_of_bounded_size() -> None:
    counts = {2015: 800, 2016: 800, 2017: 800, 2019: 10, 2020: 3000, 2021: 5}
    assert year_batches(counts, 2000) == [(2015, 2016), (2017,), (2019,), (2020,), (2021,)]
    assert year_batches({}, 2000) == []


def test_combining_batches_adds_up_their_rules(settings: WarehouseSettings) -> None:
    catalog = load_catalog("hunan")
    one = evaluate_warehouse(settings, [2024], catalog)
    run = combine("r", one.findings.column("checked_at")[0].as_py(), [one, one], catalog)
    assert run.documents == 2 * one.documents
    assert run.findings.num_rows == 2 * one.findings.num_rows
    rules = {r["rule_id"]: r for r in run.rules.to_pylist()}
    single = {s.rule.id: s for s in one.statuses}
    for rule_id, row in rules.items():
        assert row["evaluated"] == 2 * single[rule_id].evaluated
        assert row["not_evaluated_for"] == 2 * list(single[rule_id].not_evaluated_for)


def test_a_run_stands_until_the_warehouse_changes(
    settings: WarehouseSettings,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> None:
    assert still_current(settings) is None  # no run yet
    run = reconcile_warehouse(settings)
    current = still_current(settings)
    assert current is not None and current.run_id == run.run_id
    # A re-issue supersedes the checked document: the run no longer describes the warehouse.
    path = sample_pdfs[REISSUE_2024]
    reissue = Document(path, sha256_of(path), path.stat().st_size)
    store.load_disclosure(settings, reissue, sample_disclosures[REISSUE_2024])
    assert still_current(settings) is None
    again = reconcile_warehouse(settings)
    assert still_current(settings).run_id == again.run_id  # type: ignore[union-attr]
