"""What can be told of a PDF file before extracting it: is it a PDF at all, how many pages, the
identity its cover prints, and whether it carries active content. Cheap (PDFium, ~1–2 ms; the
catalog through pdfminer), and never a full parse.

    sniff_pdf(path)        # raises NotAPdf / DamagedPdf naming the file
    count_pages(path)      # 23, or None when PDFium cannot open it (extraction will say why)
    peek_cover(path)       # Cover(year=2024, unit_code='010', unit_name='湖南省信访局')
    active_content(path)   # ('OpenAction (JavaScript)',) — found, never executed
    peek(path)             # all of it: Peek(page_count, cover, active_content)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from disclosure.cover import Cover, lines_to_cover
from disclosure.errors import DamagedPdf, NotAPdf

SNIFF_BYTES = 1024  # the PDF header may follow up to 1 KiB of junk (as readers accept)
PDF_MAGIC = b"%PDF-"


def looks_like_pdf(head: bytes) -> bool:
    """Whether the first bytes of a file (up to SNIFF_BYTES) hold a PDF header."""
    return PDF_MAGIC in head[:SNIFF_BYTES]


def what_it_is(head: bytes) -> str:
    """What bytes that are not a PDF look like, in words."""
    if not head:
        return "an empty file (0 bytes)"
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype" in lowered:
        return "an HTML page"
    return "not a PDF"


def sniff_pdf(path: str | os.PathLike[str]) -> None:
    """Refuse what is not a PDF by its bytes, never by its extension."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError as exc:
        raise DamagedPdf(str(path), f"cannot be read: {exc.strerror or exc}") from exc
    if not head:
        raise NotAPdf(str(path), "empty file (0 bytes), not a PDF")
    if not looks_like_pdf(head):
        raise NotAPdf(
            str(path), f"no %PDF- header in the first {SNIFF_BYTES} bytes: {what_it_is(head)}"
        )


def count_pages(path: str | os.PathLike[str]) -> int | None:
    """The page count read from the PDF's page tree, without parsing any page (~1 ms).

    None when PDFium cannot open the file: extraction then refuses it with its own reason
    (not a PDF, encrypted, damaged), so nothing here guesses.
    """
    import pypdfium2 as pdfium  # imported where a PDF is read: sniffing needs no PDF library

    try:
        document = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError):
        return None
    try:
        return len(document)
    finally:
        document.close()


def peek_cover(path: str | os.PathLike[str], pages: int = 2) -> Cover:
    """The identity printed on the first pages, read cheaply (PDFium's plain text, ~2 ms a
    page) before the real extraction: enough to name a run `extract-010-2024`.

    Never raises: a file PDFium cannot read peeks as an empty Cover, and extraction says why.
    """
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # any unreadable file: extraction reports it properly
        return Cover(None, None, None)
    try:
        lines: list[str] = []
        for index in range(min(pages, len(pdf))):
            page = pdf[index]
            text = page.get_textpage().get_text_range()
            lines.extend(text.splitlines())
        return lines_to_cover(lines)
    except Exception:
        return Cover(None, None, None)
    finally:
        pdf.close()


def _catalog_facts(
    path: str | os.PathLike[str], count: bool = False
) -> tuple[int | None, tuple[str, ...]]:
    """pdfminer's reading of the catalog: the active content it declares and, when asked,
    the page count (None when it cannot be read). Nothing is run: a script is only named."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        with open(path, "rb") as f:
            document = PDFDocument(PDFParser(f))
            catalog = document.catalog
            found = []
            action = resolve1(catalog.get("OpenAction"))
            if isinstance(action, dict):  # an action to run on opening (not just a view to show)
                kind = resolve1(action.get("S"))
                found.append(f"OpenAction ({getattr(kind, 'name', kind)})")
            if resolve1(catalog.get("AA")):
                found.append("document actions (AA)")
            names = resolve1(catalog.get("Names"))
            if isinstance(names, dict) and names.get("JavaScript") is not None:
                found.append("JavaScript")
            pages: int | None = None
            if count:
                try:
                    pages = sum(1 for _ in PDFPage.create_pages(document))
                except Exception:
                    pages = None
            return pages, tuple(found)
    except Exception:  # unreadable: extraction says why
        return None, ()


def active_content(path: str | os.PathLike[str]) -> tuple[str, ...]:
    """What the PDF would run when opened in a viewer: an OpenAction, document-level actions,
    JavaScript. Extraction never runs any of it; the gate records it as a warning."""
    return _catalog_facts(path)[1]


@dataclass(frozen=True)
class Peek:
    """What a PDF tells before extraction (see `peek`)."""

    page_count: int | None  # None: neither PDFium nor pdfminer can read it (extraction says why)
    cover: Cover
    active_content: tuple[str, ...] = ()


def peek(path: str | os.PathLike[str]) -> Peek:
    """Page count (PDFium; pdfminer when PDFium refuses the file, e.g. one with no pages),
    cover identity and active content. Never raises."""
    pages = count_pages(path)
    counted, active = _catalog_facts(path, count=pages is None)
    return Peek(pages if pages is not None else counted, peek_cover(path), active)
