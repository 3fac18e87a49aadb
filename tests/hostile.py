"""Hostile PDFs, made on demand for tests: files real sources could deliver that must not hurt a
run — each is refused, bounded or flagged with a precise reason while the run goes on.

- `no_pages_pdf`: a valid PDF with an empty page tree (PDFium refuses to open it);
- `with_open_action`: a real disclosure that runs JavaScript when a viewer opens it;
- `flate_bomb`: ~1 MB on disk, a content stream that inflates to 1 GiB of zeros;
- `without_unicode_map`: a real disclosure whose fonts map no glyph to a character.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pikepdf

GIB = 1 << 30


def no_pages_pdf(path: Path) -> Path:
    with pikepdf.new() as pdf:
        pdf.save(path)
    return path


def with_open_action(source: Path, path: Path, script: str = "app.alert('hello');") -> Path:
    """`source` with an OpenAction running `script`, and the script in the JavaScript name tree."""
    with pikepdf.open(source) as pdf:
        action = pdf.make_indirect(
            pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(script))
        )
        pdf.Root.OpenAction = action
        pdf.Root.Names = pikepdf.Dictionary(
            JavaScript=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String("open"), action]))
        )
        pdf.save(path)
    return path


def _zeros_deflated(size: int, chunk: int = 1 << 24) -> bytes:
    compressor = zlib.compressobj(9)
    zeros = bytes(chunk)
    parts = [compressor.compress(zeros) for _ in range(size // chunk)]
    parts.append(compressor.flush())
    return b"".join(parts)


def flate_bomb(path: Path, inflated: int = GIB) -> Path:
    """A one-page PDF whose page content stream is `inflated` bytes of zeros, Flate-compressed
    (about 1 MB on disk for 1 GiB): what a reader inflates in full before it can parse it."""
    with pikepdf.new() as pdf:
        pdf.add_blank_page(page_size=(595, 842))
        stream = pikepdf.Stream(pdf, _zeros_deflated(inflated))
        stream.Filter = pikepdf.Name.FlateDecode
        pdf.pages[0].Contents = pdf.make_indirect(stream)
        pdf.save(path, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return path


def without_unicode_map(source: Path, path: Path) -> Path:
    """`source` with every font's ToUnicode map removed: its glyphs still draw, but a text
    extractor reads them as `(cid:NN)` codes — what some printing software writes."""
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            for font in page.Resources.get("/Font", {}).values():
                if "/ToUnicode" in font:
                    del font["/ToUnicode"]
        pdf.save(path)
    return path
