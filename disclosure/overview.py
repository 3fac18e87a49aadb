"""What extraction found, as tables for a terminal: a per-table summary of each PDF, and the cells
of one table. The `budget summary` and `budget cells` commands print these."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from disclosure.errors import ExtractionError
from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure


def find_pdfs(paths: Iterable[Path]) -> list[Path]:
    """The PDFs named, and those under the folders named (recursively, sorted)."""
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.pdf")) if path.is_dir() else [path])
    return found


def summary_table(pdf: Path, doc: Disclosure) -> Table:
    table = Table(
        title=f"{pdf.name} — {doc.year} {doc.unit_code} {doc.unit_name} "
        f"({doc.page_count} pages, template {doc.template})",
        title_justify="left",
    )
    for column in ("表", "title", "pages", "rows", "cells", "amounts", "empty", "notes"):
        table.add_column(column)
    for t in doc.tables:
        amounts = sum(1 for c in t.cells if c.amount is not None)
        pages = f"{t.page_from}" if t.page_from == t.page_to else f"{t.page_from}-{t.page_to}"
        table.add_row(
            t.table_code or "?",
            t.title[:40],
            pages,
            str(t.row_count),
            str(len(t.cells)),
            str(amounts),
            "yes" if t.is_empty else "",
            str(len(t.notes)),
        )
    return table


def print_summaries(
    paths: Iterable[Path], *, workers: int = 1, console: Console | None = None
) -> int:
    """Extract each PDF and print its summary; a bad file is reported, not fatal. The exit
    code: 1 when some file could not be extracted, else 0."""
    console = console or Console()
    failed = 0
    for pdf in find_pdfs(paths):
        try:
            doc = extract_disclosure(pdf, workers=workers)
        except ExtractionError as exc:
            failed += 1
            console.print(f"[red]✗ {exc.reason}[/red] {exc}")
            continue
        console.print(summary_table(pdf, doc))
    return 1 if failed else 0


def print_cells(pdf: Path, table_code: str, console: Console | None = None) -> bool:
    """Print the extracted cells of one table; False when the PDF has no such table."""
    doc = extract_disclosure(pdf)
    found = doc.table(table_code)
    if found is None:
        return False
    out = Table(*("row", "col", "column_path", "kind", "subject", "text", "amount", "page"))
    for c in found.cells:
        out.add_row(
            str(c.row_no),
            str(c.column_no),
            c.column_path,
            c.row_kind.value,
            c.subject_code or "",
            c.text[:30],
            "" if c.amount is None else str(c.amount),
            str(c.page_no),
        )
    (console or Console()).print(out)
    return True
