"""Extraction as the flow sees it: a disclosure, or a reason and a message naming the file."""

from __future__ import annotations

from pathlib import Path

from tasks.extract import extract
from tests.conftest import HUNAN_2024
from warehouse.documents import Document
from warehouse.raw import keep_raw, sha256_of
from warehouse.settings import WarehouseSettings


def kept(path: Path, settings: WarehouseSettings) -> Document:
    sha = sha256_of(path)
    return Document(path, sha, path.stat().st_size, kept_at=keep_raw(path, sha, settings))


def test_a_disclosure_is_extracted_from_the_kept_copy(
    sample_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    document = kept(sample_pdfs[HUNAN_2024], WarehouseSettings(tmp_path))
    extraction = extract(document)
    assert extraction.reason is None
    assert extraction.disclosure is not None
    assert (extraction.disclosure.unit_code, extraction.disclosure.year) == ("010", 2024)
    assert extraction.disclosure.path == str(document.kept_at)


def test_a_bad_file_gives_its_reason_and_a_message_naming_the_source(tmp_path: Path) -> None:
    bad = tmp_path / "inbox" / "listing.pdf"
    bad.parent.mkdir()
    bad.write_bytes(b"<!DOCTYPE html><html>moved</html>")
    extraction = extract(kept(bad, WarehouseSettings(tmp_path / "data")))
    assert extraction.disclosure is None
    assert extraction.reason == "not_a_pdf"
    assert extraction.message is not None and extraction.message.startswith(f"{bad}: ")
    assert "HTML" in extraction.message
