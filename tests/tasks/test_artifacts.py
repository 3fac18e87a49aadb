"""The ingest artifacts as plain functions: the documents table and the markdown summary."""

from __future__ import annotations

import re
from pathlib import Path

from sources.downloads import Download, DownloadStatus
from sources.listing import PdfLink
from tasks.artifacts import (
    COLUMNS,
    documents_table,
    nightly_markdown,
    report_links,
    summary_markdown,
)
from tasks.fetch import Fetched
from tasks.summary import IngestSummary
from warehouse.documents import Document, Outcome, Status
from warehouse.settings import WarehouseSettings


def doc(name: str) -> Document:
    return Document(Path("/inbox") / name, name.encode().hex()[:64], 1000)


FETCHED = Fetched(
    Path("/data/downloads/h"),
    "http://h/list/",
    (
        Download(PdfLink("http://h/a.pdf", "a.pdf"), DownloadStatus.FETCHED, Path("/x/a.pdf")),
        Download(
            PdfLink("http://h/login.pdf", "login.pdf"),
            DownloadStatus.REJECTED,
            reason="not_a_pdf: no %PDF- header in the first 1024 bytes (an HTML page, text/html)",
        ),
        Download(
            PdfLink("http://h/gone.pdf", "gone.pdf"), DownloadStatus.UNAVAILABLE, reason="http_404"
        ),
    ),
)
SUMMARY = IngestSummary(
    (
        Outcome(
            doc("2024_010_湖南省信访局.pdf"),
            Status.LOADED,
            year=2024,
            unit_code="010",
            unit_name="湖南省信访局",
            tables=16,
            cells=1437,
        ),
        Outcome(doc("bad.pdf"), Status.QUARANTINED, reason="not_a_pdf", message="bad.pdf: …"),
        Outcome(doc("old.pdf"), Status.UNCHANGED, message="already ingested from this file"),
        *FETCHED.outcomes(),
    )
)


def test_one_row_per_document_changed_first_refused_links_included() -> None:
    rows = documents_table(SUMMARY)
    assert all(tuple(r) == COLUMNS for r in rows)
    assert [(r["file"], r["status"], r["reason"]) for r in rows] == [
        ("2024_010_湖南省信访局.pdf", "loaded", ""),
        ("bad.pdf", "quarantined", "not_a_pdf"),
        ("login.pdf", "rejected", "not_a_pdf"),
        ("gone.pdf", "unavailable", "http_404"),
        ("old.pdf", "unchanged", ""),
    ]
    assert rows[0] | {"file": ""} == {
        "file": "",
        "unit": "湖南省信访局 \\(010\\)",  # markdown: renders as 湖南省信访局 (010)
        "year": 2024,
        "status": "loaded",
        "reason": "",
        "tables": 16,
        "cells": 1437,
    }


def test_the_summary_has_counts_duration_and_links(tmp_path: Path) -> None:
    settings = WarehouseSettings(tmp_path)
    assert report_links(settings) == {}
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.html").write_text("<html></html>")
    (tmp_path / "reports").mkdir()
    for run_id in ("20241114T030000Z-aaaa", "20241115T030000Z-bbbb"):
        (tmp_path / "reports" / f"reconcile-{run_id}.html").write_text("<html></html>")
    links = report_links(settings)
    assert links == {
        "Data Docs (validations)": tmp_path / "docs" / "index.html",
        "Reconciliation report": tmp_path / "reports" / "reconcile-20241115T030000Z-bbbb.html",
    }

    text = summary_markdown(
        SUMMARY,
        source="http://h/list/",
        data_dir=tmp_path,
        seconds=83.4,
        links=links,
        fetched=FETCHED,
    )
    assert (
        "| loaded | unchanged | duplicate | superseded | quarantined | rejected | unavailable "
        "| failed |" in text
    )
    assert "| 1 | 1 | 0 | 0 | 1 | 1 | 1 | 0 |" in text
    assert "**duration** 1 min 23 s" in text
    assert "3 PDF links — 1 fetched, 1 rejected, 1 unavailable." in text
    assert "](file://" not in text  # a browser refuses file links from the Prefect UI
    assert f"| Data Docs (validations) | `{tmp_path / 'docs' / 'index.html'}` |" in text
    assert "reconcile-20241115T030000Z-bbbb.html" in text
    assert "Set BUDGET_PUBLIC_URL" in text

    served = WarehouseSettings(tmp_path, public_url="http://127.0.0.1:8765")
    text = summary_markdown(
        SUMMARY,
        source="/inbox",
        data_dir=tmp_path,
        seconds=1.0,
        links=links,
        url_of=served.url_of,
    )
    assert "[Data Docs (validations)](http://127.0.0.1:8765/docs/index.html)" in text
    assert (
        "[Reconciliation report]"
        "(http://127.0.0.1:8765/reports/reconcile-20241115T030000Z-bbbb.html)" in text
    )
    assert "Set BUDGET_PUBLIC_URL" not in text


def test_a_short_run_reads_in_seconds_and_a_folder_source_has_no_listing_line() -> None:
    text = summary_markdown(
        SUMMARY, source="/inbox", data_dir=Path("/data"), seconds=7.25, links={}
    )
    assert "**duration** 7.2 s" in text
    assert "PDF links" not in text and "| report |" not in text


def test_names_and_texts_from_outside_are_text_in_the_artifacts() -> None:
    """A file name or a unit name that holds markup, a link or a line break is shown as
    written: HTML as entities, markdown escaped, on one line."""
    hostile = "<img src=x onerror=alert(1)>[click](javascript:alert(2))\n| *x* |.pdf"
    summary = IngestSummary(
        (
            Outcome(
                doc(hostile),
                Status.QUARANTINED,
                reason="unreadable_text",
                message=f"/inbox/{hostile}: its text cannot be read",
                unit_code="010",
                unit_name="<b>局</b>",
            ),
        )
    )
    escaped = (
        "&lt;img src=x onerror=alert\\(1\\)&gt;\\[click\\]\\(javascript:alert\\(2\\)\\)\\\\n"
        "\\| \\*x\\* \\|.pdf"
    )
    (row,) = documents_table(summary)
    assert row["file"] == escaped
    assert row["unit"] == "&lt;b&gt;局&lt;/b&gt; \\(010\\)"  # renders as <b>局</b> (010)
    for text in (
        summary_markdown(summary, source="/inbox", data_dir=Path("/data"), seconds=1, links={}),
        nightly_markdown(summary, None, 0, {}),
    ):
        assert escaped in text
        assert "<img" not in text and "<b>" not in text and "](javascript" not in text
    # The table keeps its columns: the name's own bars are escaped, its line break written out.
    (line,) = [line for line in summary.to_markdown().splitlines() if "img" in line]
    assert len(re.findall(r"(?<!\\)\|", line)) == 6  # five cells
