"""The run summary: counts per outcome, and a line per notable file with its reason."""

from __future__ import annotations

from pathlib import Path

from tasks.summary import IngestSummary
from warehouse.documents import Document, Outcome, Status


def doc(name: str) -> Document:
    return Document(Path("/in") / name, "0" * 64, 1)


def test_summary_counts_and_says_why() -> None:
    summary = IngestSummary(
        (
            Outcome(doc("a.pdf"), Status.LOADED, unit_code="010", unit_name="某局", year=2024),
            Outcome(
                doc("a2.pdf"),
                Status.LOADED,
                unit_code="010",
                unit_name="某局",
                year=2024,
                superseded="1" * 64,
                superseded_file="a.pdf",
            ),
            Outcome(doc("copy.pdf"), Status.DUPLICATE, reason="same bytes as a.pdf (loaded)"),
            Outcome(doc("bad.pdf"), Status.QUARANTINED, reason="not_a_pdf", message="bad.pdf: x"),
            Outcome(doc("old.pdf"), Status.UNCHANGED),
        )
    )
    assert summary.counts == {
        "loaded": 2,
        "duplicate": 1,
        "superseded": 1,
        "failed": 1,
        "unchanged": 1,
    }
    text = summary.to_text()
    assert text.splitlines()[0] == (
        "ingest: 2 loaded, 1 duplicate, 1 superseded, 1 failed, 1 unchanged"
    )
    assert "superseded  a.pdf  by a2.pdf" in text
    assert "quarantined bad.pdf  [not_a_pdf] bad.pdf: x" in text
    markdown = summary.to_markdown()
    assert "| bad.pdf | quarantined | ? | not_a_pdf | bad.pdf: x |" in markdown
    assert "| a.pdf | a2.pdf |" in markdown
