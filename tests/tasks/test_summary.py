"""The run summary: every input in one status, counts per status, a line per input."""

from __future__ import annotations

from pathlib import Path

from tasks.summary import EXIT_DONE, EXIT_FAILED, EXIT_UNAVAILABLE, IngestSummary, superseded_in_run
from warehouse.documents import Document, Outcome, Status


def doc(name: str, sha: str = "0") -> Document:
    return Document(Path("/in") / name, sha * 64, 1)


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
                superseded_file="a1.pdf",
            ),
            Outcome(
                doc("copy.pdf"),
                Status.DUPLICATE,
                reason="same_bytes",
                message="/in/copy.pdf: same bytes as a.pdf (loaded)",
            ),
            Outcome(doc("bad.pdf"), Status.QUARANTINED, reason="not_a_pdf", message="bad.pdf: x"),
            Outcome(
                None,
                Status.REJECTED,
                reason="not_a_pdf",
                message="http://h/login.pdf: an HTML page",
                name="login.pdf",
                url="http://h/login.pdf",
            ),
            Outcome(doc("old.pdf"), Status.UNCHANGED),
        )
    )
    assert summary.counts == {
        "loaded": 2,
        "unchanged": 1,
        "duplicate": 1,
        "superseded": 0,
        "quarantined": 1,
        "rejected": 1,
        "unavailable": 0,
        "failed": 0,
    }
    text = summary.to_text().splitlines()
    assert text[0] == (
        "ingest: 2 loaded, 1 unchanged, 1 duplicate, 0 superseded, 1 quarantined, 1 rejected, "
        "0 unavailable"
    )
    assert text[1:] == [
        "  loaded       a.pdf  (某局 010, 2024)",
        "  loaded       a2.pdf  (某局 010, 2024), superseding a1.pdf",
        "  duplicate    copy.pdf  /in/copy.pdf: same bytes as a.pdf (loaded)",
        "  quarantined  bad.pdf  [not_a_pdf] bad.pdf: x",
        "  rejected     login.pdf  [not_a_pdf] http://h/login.pdf: an HTML page",
        "  unchanged    old.pdf",
    ]
    assert summary.exit_code == EXIT_DONE
    markdown = summary.to_markdown()
    assert "| bad.pdf | quarantined | ? | not_a_pdf | bad.pdf: x |" in markdown
    assert "| login.pdf | rejected | ? | not_a_pdf | http://h/login.pdf: an HTML page |" in markdown
    assert "| a1.pdf | a2.pdf |" in markdown


def test_a_load_superseded_later_in_the_same_run_is_superseded() -> None:
    first = Outcome(doc("a.pdf", "1"), Status.LOADED, unit_code="010", year=2024)
    second = Outcome(
        doc("a2.pdf", "2"),
        Status.LOADED,
        unit_code="010",
        year=2024,
        superseded="1" * 64,
        superseded_file="a.pdf",
    )
    marked = superseded_in_run([first, second])
    assert [(o.file_name, o.status) for o in marked] == [
        ("a.pdf", Status.SUPERSEDED),
        ("a2.pdf", Status.LOADED),
    ]
    assert marked[0].message == "loaded, then superseded by a2.pdf in this run"


def test_the_exit_code_tells_unavailable_inputs_and_failures_apart() -> None:
    gone = Outcome(None, Status.UNAVAILABLE, reason="http_404", name="gone.pdf")
    crashed = Outcome(doc("x.pdf"), Status.FAILED, reason="original_not_recorded")
    assert IngestSummary((gone,)).exit_code == EXIT_UNAVAILABLE
    assert IngestSummary((gone, crashed)).exit_code == EXIT_FAILED
    assert "1 failed" in IngestSummary((crashed,)).headline


def test_the_summary_names_the_parser_that_read_the_pages() -> None:
    loaded = Outcome(doc("a.pdf"), Status.LOADED, unit_code="010", year=2024, unit_name="某局")
    text = IngestSummary((loaded,), parser="playa").to_text().splitlines()
    assert text[1] == "  parser       playa (pdfminer for a page PLAYA cannot read exactly)"
    assert "Pages read by pdfminer." in IngestSummary((loaded,), parser="pdfminer").to_markdown()
    assert "parser" not in IngestSummary((loaded,)).to_text()


def test_one_line_per_input_whatever_its_name_holds() -> None:
    document = Document(Path("/in/line\nbreak\x1b[2J.pdf"), "c" * 64, 1)
    summary = IngestSummary(
        (
            Outcome(
                document,
                Status.QUARANTINED,
                reason="not_a_pdf",
                message="/in/line\nbreak\x1b[2J.pdf: not a PDF",
            ),
        )
    )
    lines = summary.to_text().splitlines()
    shown = "line\\nbreak\\x1b[2J.pdf"
    assert lines[1] == f"  quarantined  {shown}  [not_a_pdf] /in/{shown}: not a PDF"
    assert len(lines) == 2
