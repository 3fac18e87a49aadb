"""Command line for the extraction library: `python -m disclosure summary samples/`."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from disclosure.errors import ExtractionError
from disclosure.extract import extract_disclosure

app = typer.Typer(add_completion=False, help="Extract budget disclosure PDFs (部门预算公开表).")
console = Console()


def _pdfs(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.pdf")) if path.is_dir() else [path])
    return found


@app.command()
def summary(
    paths: list[Path] = typer.Argument(..., help="PDF files or folders of PDFs"),
    workers: int = typer.Option(1, help="processes per document"),
) -> None:
    """Extract each PDF and print a per-table summary; bad files are reported, not fatal."""
    failed = 0
    for pdf in _pdfs(paths):
        try:
            doc = extract_disclosure(pdf, workers=workers)
        except ExtractionError as exc:
            failed += 1
            console.print(f"[red]✗ {exc.reason}[/red] {exc}")
            continue
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
        console.print(table)
    raise typer.Exit(code=1 if failed else 0)


@app.command()
def cells(
    pdf: Path,
    table: str = typer.Option(..., "--table", "-t", help="table code, e.g. 07"),
) -> None:
    """Print the extracted cells of one table (row, column, path, subject, text, amount, page)."""
    doc = extract_disclosure(pdf)
    found = doc.table(table)
    if found is None:
        raise typer.BadParameter(f"{pdf.name} has no table {table}")
    out = Table(*("row", "col", "column_path", "kind", "subject", "text", "amount", "page"))
    for c in found.cells:
        amount = "" if c.amount is None else str(c.amount)
        out.add_row(
            str(c.row_no),
            str(c.column_no),
            c.column_path,
            c.row_kind.value,
            c.subject_code or "",
            c.text[:30],
            amount,
            str(c.page_no),
        )
    console.print(out)


if __name__ == "__main__":
    app()
