"""The proof that PLAYA reads pages exactly as pdfminer does (disclosure.playa_pages): on every
sample and every real PDF, every char's text, x0, x1, top, bottom and size, every edge the table
finder starts from, and every extracted cell and text line are the same, to the last bit of the
float. Any difference fails. A page PLAYA cannot read exactly (`NotExact`) is read by pdfminer in
a run, so it is the same by construction; how many there are is part of what is checked.

The samples and the real files bundled in tests/data/ run in every CI run; the whole real
collection in ../shared/real/ runs when it is beside the checkout (slow: ~750 pages).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pikepdf
import playa
import pytest

from disclosure.extract import extract_disclosure, read_pages
from disclosure.page import PageContent, page_to_content, visible_on
from disclosure.playa_pages import FontReadings, NotExact, PlayaPage
from tests.real_files import BUNDLED, REPO, SHARED

SAMPLES = sorted((REPO / "samples").glob("*.pdf"))
BUNDLED_REAL = sorted(BUNDLED.rglob("*.pdf"))
SHARED_REAL = sorted(SHARED.rglob("*.pdf")) if SHARED.is_dir() else []
BUNDLED_NAMES = {p.name for p in BUNDLED_REAL}


@dataclass
class Proof:
    pages: int = 0
    by_playa: int = 0
    not_exact: tuple[str, ...] = ()
    differences: tuple[str, ...] = ()


def _chars(page: pdfplumber.page.Page) -> list[tuple]:
    return [(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"]) for c in page.chars]


def _edges(page: pdfplumber.page.Page) -> list[tuple]:
    """The edges the table finder starts from (disclosure.page.page_to_content)."""
    seen = page.filter(visible_on(page.bbox))
    fields = ("object_type", "orientation", "x0", "x1", "top", "bottom", "width", "height")
    return [tuple(e[field] for field in fields) for e in seen.edges]


def _first_difference(name: str, what: str, mine: list, theirs: list) -> str:
    at = next((i for i, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b), None)
    if at is None:
        return f"{name}: {len(theirs)} {what} by pdfminer, {len(mine)} by PLAYA"
    return f"{name}: {what} #{at}: pdfminer {theirs[at]!r}, PLAYA {mine[at]!r}"


def _plain(content: PageContent) -> PageContent:
    return dataclasses.replace(content, parser="")


def prove(path: Path) -> Proof:
    """Both parsers on every page of `path`, compared."""
    proof = Proof()
    not_exact: list[str] = []
    differences: list[str] = []
    fonts = FontReadings()
    with playa.open(path, space="page") as document, pdfplumber.open(path) as pdf:
        for index, theirs in enumerate(pdf.pages):
            proof.pages += 1
            name = f"{path.name} p{index + 1}"
            try:
                mine = PlayaPage(document.pages[index], index + 1, fonts)
            except NotExact as reason:
                not_exact.append(f"{name}: {reason}")
                theirs.close()
                continue
            proof.by_playa += 1
            expected = page_to_content(theirs, index + 1)  # pdfplumber's chars, made lean
            read = page_to_content(mine, index + 1)
            for what, a, b in (
                ("chars", _chars(mine), _chars(theirs)),
                ("edges", _edges(mine), _edges(theirs)),
            ):
                if a != b:
                    differences.append(_first_difference(name, what, a, b))
            if len(mine.images) != len(theirs.images):
                differences.append(f"{name}: {len(theirs.images)} images, {len(mine.images)}")
            if _plain(read) != _plain(expected):
                differences.append(f"{name}: grids or text lines differ")
            theirs.close()
    proof.not_exact, proof.differences = tuple(not_exact), tuple(differences)
    return proof


def _files(paths: list[Path]) -> Iterator[object]:
    for path in paths:
        yield pytest.param(path, id=path.name)


@pytest.mark.parametrize("path", [*_files(SAMPLES), *_files(BUNDLED_REAL)])
def test_playa_reads_every_page_as_pdfminer_does(path: Path) -> None:
    proof = prove(path)
    assert proof.differences == ()
    # These files hold nothing PLAYA must leave to pdfminer: the proof covers every page.
    assert proof.not_exact == ()
    assert proof.by_playa == proof.pages > 0


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_REAL, reason="../shared/real/ is not beside this checkout")
@pytest.mark.parametrize(
    "path", list(_files([p for p in SHARED_REAL if p.name not in BUNDLED_NAMES]))
)
def test_playa_reads_every_real_page_as_pdfminer_does(path: Path) -> None:
    proof = prove(path)
    assert proof.differences == ()
    assert proof.by_playa + len(proof.not_exact) == proof.pages > 0


def test_a_disclosure_read_either_way_has_the_same_cells_and_says_who_read_it() -> None:
    sample = REPO / "samples" / "2024_010_湖南省信访局.pdf"
    by_playa = extract_disclosure(sample, parser="playa")
    by_pdfminer = extract_disclosure(sample, parser="pdfminer")
    assert (by_playa.parser, by_pdfminer.parser) == ("playa", "pdfminer")
    assert by_playa.cell_count > 0
    assert dataclasses.replace(by_playa, parser="") == dataclasses.replace(by_pdfminer, parser="")


def _with_hidden_pen_move(source: Path, target: Path, page_index: int) -> Path:
    """`source` with a text operator on one page that moves the pen and shows nothing, then
    text: where pdfminer's exact pen position cannot be known from PLAYA."""
    with pikepdf.open(source) as pdf:
        page = pdf.pages[page_index]
        font = next(iter(page.Resources.Font.keys()))
        page.contents_add(
            pdf.make_stream(f"BT {font} 9 Tf 72 40 Td [-333] TJ (AB) Tj ET".encode()),
            prepend=False,
        )
        pdf.save(target)
    return target


def test_a_page_playa_cannot_read_exactly_is_read_by_pdfminer(tmp_path: Path) -> None:
    sample = REPO / "samples" / "2024_010_湖南省信访局.pdf"
    path = _with_hidden_pen_move(sample, tmp_path / "pen.pdf", page_index=2)
    contents = read_pages(path, parser="playa")
    assert [c.parser for c in contents[:4]] == ["playa", "playa", "pdfminer", "playa"]
    assert [_plain(c) for c in contents] == [_plain(c) for c in read_pages(path, parser="pdfminer")]
    assert extract_disclosure(path).parser == "mixed"


def test_a_file_playa_cannot_open_is_refused_for_pdfminer_s_reason(tmp_path: Path) -> None:
    from disclosure.errors import DamagedPdf

    sample = (REPO / "samples" / "2024_010_湖南省信访局.pdf").read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(sample[: len(sample) // 3])
    reasons = []
    for parser in ("playa", "pdfminer"):
        try:
            read_pages(truncated, parser=parser)
            reasons.append("read")
        except DamagedPdf as error:
            reasons.append(error.reason)
    assert reasons[0] == reasons[1]
