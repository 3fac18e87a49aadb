"""Extract a budget disclosure PDF into tables of exact cells. No Prefect here: a pure library.

    from disclosure.extract import extract_disclosure
    disclosure = extract_disclosure("samples/2024_010_湖南省信访局.pdf")

Bad input raises an `ExtractionError` subclass whose message names the file and the reason.
"""

from __future__ import annotations

import multiprocessing
import os
import re
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
    UnreadableText,
)
from disclosure.forms import read_forms
from disclosure.identity import read_publisher, read_scope
from disclosure.model import Disclosure
from disclosure.page import PageContent, page_to_content
from disclosure.pdf import count_pages, sniff_pdf
from disclosure.tables import caption_text, pages_to_tables
from disclosure.template import NO_TEMPLATE, Template, detect_template, load_template

# Pages per worker task when a document is split across processes.
_MIN_PAGES_PER_WORKER = 12

# A glyph whose font maps it to no character comes out as `(cid:NN)`. Past this share of the
# letters, the text is unreadable (a symbol font's few unmapped bullets stay far below it).
_UNMAPPED = re.compile(r"\(cid:\d+\)")
_UNREADABLE_SHARE = 0.5


def _unmapped_share(texts: list[str]) -> float:
    """Of the letters printed, the share that are unmapped glyphs (digits do not count: a
    number font may map them while the words stay unmapped)."""
    text = "".join(texts)
    unmapped = len(_UNMAPPED.findall(text))
    if not unmapped:
        return 0.0
    letters = sum(ch.isalpha() for ch in _UNMAPPED.sub("", text))
    return unmapped / (unmapped + letters)


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


PARSERS = ("playa", "pdfminer")
DEFAULT_PARSER = "playa"


def read_pages(
    path: str | os.PathLike[str],
    first: int = 0,
    last: int | None = None,
    parser: str = DEFAULT_PARSER,
) -> list[PageContent]:
    """Read pages [first, last) of a PDF into PageContent, closing each page after use.

    `parser` 'playa' reads each page with PLAYA (`disclosure.playa_pages`), and with pdfminer
    each page PLAYA cannot read exactly as pdfminer does; 'pdfminer' reads every page with
    pdfminer. Each PageContent says which read it. A file PLAYA cannot open at all is read
    with pdfminer, which then says what is wrong with it.
    """
    if parser not in PARSERS:
        raise ValueError(f"parser must be one of {', '.join(PARSERS)}, not {parser!r}")
    path = Path(path)
    if parser == "playa":
        try:
            return _read_with_playa(path, first, last)
        except MemoryError:
            raise
        except _PdfminerNeeded:
            pass
    return _read_with_pdfminer(path, first, last)


class _PdfminerNeeded(Exception):
    """PLAYA cannot open the file: pdfminer reads it (or says why it cannot)."""


def _read_with_pdfminer(path: Path, first: int, last: int | None) -> list[PageContent]:
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


def _read_with_playa(path: Path, first: int, last: int | None) -> list[PageContent]:
    import playa
    from playa.xref import XRefFallback

    from disclosure.playa_pages import FontReadings, NotExact, PlayaPage

    try:
        document = playa.open(path, space="page")
    except MemoryError:
        raise
    except Exception as exc:
        raise _PdfminerNeeded() from exc
    contents: list[PageContent] = []
    with document, _Pdfminer(path) as pdfminer:
        try:
            repaired = any(isinstance(x, XRefFallback) for x in document.xrefs)
            count = len(document.pages)
        except MemoryError:
            raise
        except Exception as exc:
            raise _PdfminerNeeded() from exc
        # A damaged file (no cross-reference table: PLAYA rebuilds one from the objects it
        # finds, and reads a truncated file's pages as empty), or one without pages: pdfminer
        # reads it, or says what is wrong with it, as it always did.
        if repaired or count == 0:
            raise _PdfminerNeeded()
        fonts = FontReadings()
        for index in range(first, count if last is None else min(last, count)):
            try:
                page = PlayaPage(document.pages[index], index + 1, fonts)
            except MemoryError:
                raise
            except (NotExact, Exception):  # any page PLAYA cannot read as pdfminer does
                contents.append(pdfminer.page(index))
                continue
            contents.append(page_to_content(page, index + 1, parser="playa"))
    return contents


class _Pdfminer:
    """pdfplumber over pdfminer, opened only if a page needs it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pdf: pdfplumber.PDF | None = None

    def __enter__(self) -> _Pdfminer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pdf is not None:
            self._pdf.close()

    def page(self, index: int) -> PageContent:
        try:
            if self._pdf is None:
                self._pdf = pdfplumber.open(self.path)
            page = self._pdf.pages[index]
            try:
                return page_to_content(page, index + 1)
            finally:
                page.close()
        except ExtractionError:
            raise
        except Exception as exc:
            raise _open_error(self.path, exc) from exc


def _read_pages_parallel(
    path: Path, pages: int, workers: int, parser: str = DEFAULT_PARSER
) -> list[PageContent]:
    """Split the pages into contiguous ranges, one process each; each opens the file itself."""
    step = max(_MIN_PAGES_PER_WORKER, -(-pages // workers))
    ranges = [(start, min(start + step, pages)) for start in range(0, pages, step)]
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=min(workers, len(ranges)), mp_context=context) as pool:
        parts = pool.map(
            read_pages,
            [path] * len(ranges),
            *zip(*ranges, strict=True),
            [parser] * len(ranges),
        )
        return [content for part in parts for content in part]


def parser_of(contents: list[PageContent]) -> str:
    """Which parser read a document's pages: 'playa', 'pdfminer', or 'mixed'."""
    used = {c.parser for c in contents}
    return used.pop() if len(used) == 1 else "mixed" if used else DEFAULT_PARSER


def extract_disclosure(
    path: str | os.PathLike[str],
    *,
    template: str | Template | None = None,
    workers: int = 1,
    parser: str = DEFAULT_PARSER,
    file_name: str | None = None,
) -> Disclosure:
    """Every ruled table of a disclosure PDF, cell by cell, with the document's identity.

    The template is detected from the titles the document prints unless `template` names one
    (or is one: `disclosure.template.template_from_file`).
    `workers` > 1 reads page ranges in that many processes (pdfminer is not thread-safe).
    `parser` says what reads the pages (`read_pages`); the Disclosure records which did.
    `file_name`: the name the file came under, when `path` is a kept copy named otherwise (its
    year or unit may be in it, read when the pages print neither).
    """
    path = Path(path)
    sniff_pdf(path)
    count = count_pages(path)  # None when PDFium cannot open it: read_pages then says why
    if workers > 1 and count is not None and count >= 2 * _MIN_PAGES_PER_WORKER:
        contents = _read_pages_parallel(path, count, workers, parser)
    else:
        contents = read_pages(path, parser=parser)
        count = len(contents)
    if not any(c.char_count for c in contents):
        if any(c.image_count for c in contents):
            raise NoTextLayer(
                str(path), "no text layer: the pages are images (a scan); OCR is needed"
            )
        raise NoTextLayer(str(path), "no text on any page")
    lines = [line.text for c in contents for line in c.lines]
    captions = [caption_text(g) for c in contents for g in c.grids]
    unmapped = _unmapped_share([*lines, *captions])
    if unmapped > _UNREADABLE_SHARE:
        raise UnreadableText(
            str(path),
            f"its text cannot be read: {unmapped:.0%} of its letters are glyphs its fonts map "
            "to no character ((cid:NN) codes, no ToUnicode map); OCR would be needed",
        )
    if isinstance(template, Template):
        tmpl: Template | None = template
    else:
        tmpl = load_template(template) if template else detect_template([*lines, *captions])
    # The cover comes first; without one, a heading, a caption or a form names the unit, and
    # any printed line, then the file name, gives the year.
    forms = form_lines(g for c in contents for g in c.grids)
    stem = Path(file_name).stem if file_name else path.stem
    cover = lines_to_cover([*lines, *captions], file_name=stem, forms=forms)
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
    matched = any(t.table_code or t.standard_table for t in tables)
    standard = [t for t in tables if t.standard_table]
    finals = sum(t.kind == "决算" for t in standard)
    return Disclosure(
        path=str(path),
        page_count=count,
        template=tmpl.name if tmpl and matched else None,
        year=cover.year,
        unit_code=unit_code,
        unit_name=unit_name,
        tables=tables,
        scope=read_scope(reading, [t.title for t in tables if t.table_code], lines),
        kind="决算" if finals * 2 > len(standard) else "预算",
        parser=parser_of(contents),
        region=publisher.region,
        forms=read_forms(contents),
    )
