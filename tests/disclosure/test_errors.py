"""Bad input is refused with a typed error whose message names the file and the reason."""

from __future__ import annotations

import pytest

from disclosure.errors import (
    DamagedPdf,
    EncryptedPdf,
    NotABudgetDisclosure,
    NotAPdf,
    NoTextLayer,
)
from disclosure.extract import extract_disclosure
from samplegen import bad_inputs


def _refused(path, error):
    with pytest.raises(error) as caught:
        extract_disclosure(path)
    assert str(path) in str(caught.value)
    return caught.value


def test_zero_byte_file(tmp_path):
    err = _refused(bad_inputs.empty_file(tmp_path / "empty.pdf"), NotAPdf)
    assert "0 bytes" in str(err) and err.reason == "not_a_pdf"


def test_html_page_saved_as_pdf(tmp_path):
    err = _refused(bad_inputs.html_saved_as_pdf(tmp_path / "listing.pdf"), NotAPdf)
    assert "HTML" in str(err)


def test_truncated_download(tmp_path, seed_pdf):
    err = _refused(bad_inputs.truncated_pdf(seed_pdf, tmp_path / "cut.pdf"), DamagedPdf)
    assert err.reason == "damaged"


def test_encrypted(tmp_path, seed_pdf):
    err = _refused(bad_inputs.encrypted_pdf(seed_pdf, tmp_path / "locked.pdf"), EncryptedPdf)
    assert "password" in str(err)


def test_scanned_pages_need_ocr(tmp_path):
    err = _refused(bad_inputs.scanned_pdf(tmp_path / "scan.pdf"), NoTextLayer)
    assert "OCR" in str(err)


def test_prose_without_tables(tmp_path):
    err = _refused(bad_inputs.prose_pdf(tmp_path / "narrative.pdf"), NotABudgetDisclosure)
    assert err.reason == "no_budget_table"


def test_the_extension_is_never_trusted(tmp_path, seed_pdf):
    renamed = tmp_path / "disclosure.bin"
    renamed.write_bytes(seed_pdf.read_bytes())
    assert extract_disclosure(renamed).unit_code == "010"
