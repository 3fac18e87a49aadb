"""Extract a budget disclosure PDF into tables of exact cells. No Prefect here: a pure library.

    from disclosure.extract import extract_disclosure
    disclosure = extract_disclosure("samples/2024_010_湖南省信访局.pdf")

Bad input raises an `ExtractionError` subclass whose message names the file and the reason.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from disclosure.cover import form_lines, lines_to_cover
from disclosure.errors import (
    DamagedPdf,
    EncryptedPdf,
    ExtractionError,
    NotABudgetDisclosure,
    NoTextLayer,
)
from disclosure.identity import read_publisher, read_scope
from disclosure.model import Disclosure
from disclosure.page import PageContent, page_to_content
from disclosure.pdf import count_pages, sniff_pdf
from disclosure.tables import caption_text, pages_to_tables
from disclosure.template import NO_TEMPLATE, detect_template, load_template

# Pages per worker task when a document is split across processes.
_MIN_PAGES_PER_WORKER = 12


def _open_error(path: Path, exc: BaseException) -> ExtractionError:
    chain = [exc]
    while (inner := chain[-1].__cause__ or chain[-1].__context__) is not None:
        chain.append(inner)
    if any(isinstance(e, PDFPasswordIncorrect | PDFEncryptionError) for e in chain):
        return EncryptedPdf(str(path), "encrypted PDF: it needs a password to open")
    if any("password" in str(e).lower() or "encrypt" in str(e).lower() for e in chain):
        return EncryptedPdf(str(path), f"encrypted PDF: {exc}")
    detail = next((str(e) for e in chain if str(e)), type(exc).__name__)
    return DamagedPdf(str(path), f"damaged or truncated PDF: {detail}")


def read_pages(
    path: str | os.PathLike[str], first: int = 0, last: int | None = None
) -> list[PageContent]:
    """Read pages [first, last) of a PDF into PageContent, closing each page after use."""
    path = Path(path)
    try:
        with pdfplumber.open(path) as pdf:
            pages = pdf.pages[first:last]
            contents = []
            for index, page in enumerate(pages, start=first + 1):
                try:
                    contents.append(page_to_content(page, index))
                finally:
                    page.close()
            return contents
    except ExtractionError:
        raise
    except (PDFSyntaxError, PDFPasswordIncorrect, PDFEncryptionError, Exception) as exc:
        raise _open_error(path, exc) from exc


def _read_pages_parallel(path: Path, pages: int, workers: int) -> list[PageContent]:
    """Split the pages into contiguous ranges, one process each; each opens the file itself."""
    step = max(_MIN_PAGES_PER_WORKER, -(-pages // workers))
    ranges = [(start, min(start + step, pages)) for start in range(0, pages, step)]
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=min(workers, len(ranges)), mp_context=context) as pool:
        parts = pool.map(read_pages, [path] * len(ranges), *zip(*ranges, strict=True))
        return [content for part in parts for content in part]


def extract_disclosure(
    path: str | os.PathLike[str], *, template: str | None = None, workers: int = 1
) -> Disclosure:
    """Every ruled table of a disclosure PDF, cell by cell, with the document's identity.

    The template is detected from the titles the document prints unless `template` names one.
    `workers` > 1 reads page ranges in that many processes (pdfminer is not thread-safe).
    """
    path = Path(path)
    sniff_pdf(path)
    count = count_pages(path)  # None when PDFium cannot open it: read_pages then says why
    if workers > 1 and count is not None and count >= 2 * _MIN_PAGES_PER_WORKER:
        contents = _read_pages_parallel(path, count, workers)
    else:
        contents = read_pages(path)
        count = len(contents)
    if not any(c.char_count for c in contents):
        if any(c.image_count for c in contents):
            raise NoTextLayer(
                str(path), "no text layer: the pages are images (a scan); OCR is needed"
            )
        raise NoTextLayer(str(path), "no text on any page")
    lines = [line.text for c in contents for line in c.lines]
    captions = [caption_text(g) for c in contents for g in c.grids]
    tmpl = load_template(template) if template else detect_template([*lines, *captions])
    # The cover comes first; without one, a heading, a caption or a form names the unit, and
    # any printed line, then the file name, gives the year.
    forms = form_lines(g for c in contents for g in c.grids)
    cover = lines_to_cover([*lines, *captions], file_name=path.stem, forms=forms)
    reading = tmpl or NO_TEMPLATE
    publisher = read_publisher(reading, cover, [*lines, *captions])
    unit_code, unit_name = publisher.unit_code, publisher.unit_name
    tables = pages_to_tables(contents, reading, unit_code, unit_name)
    if not any(t.cells for t in tables):
        raise NotABudgetDisclosure(
            str(path),
            f"no ruled table on any of its {count} pages: not a budget table disclosure"
            + (f" (a {tmpl.province} narrative-only document)" if tmpl else ""),
        )
    matched = any(t.table_code for t in tables)
    return Disclosure(
        path=str(path),
        page_count=count,
        template=tmpl.name if tmpl and matched else None,
        year=cover.year,
        unit_code=unit_code,
        unit_name=unit_name,
        tables=tables,
        scope=read_scope(reading, [t.title for t in tables if t.table_code], lines),
        region=publisher.region,
    )
