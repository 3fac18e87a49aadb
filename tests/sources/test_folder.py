"""A folder's PDFs, and every entry that looks like one but cannot be read, each with why."""

from __future__ import annotations

import os
from pathlib import Path

from sources.folder import NOT_A_FILE, UNREADABLE_FILE, read_folder


def test_what_is_no_file_is_told_and_what_is_inside_a_folder_named_pdf_is_read(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-a")
    (tmp_path / "x.pdf").mkdir()  # a folder named like a PDF …
    (tmp_path / "x.pdf" / "inner.PDF").write_bytes(b"%PDF-b")  # … whose PDFs are read
    os.mkfifo(tmp_path / "pipe.pdf")  # opening it would block the run
    (tmp_path / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (tmp_path / "line\nbreak.pdf").write_bytes(b"%PDF-c")
    (tmp_path / ".hidden.pdf").write_bytes(b"%PDF-d")
    (tmp_path / "notes.txt").write_bytes(b"x")

    found = read_folder(tmp_path)

    assert sorted(p.name for p in found.pdfs) == ["a.pdf", "inner.PDF", "line\nbreak.pdf"]
    told = {p.path.name: (p.reason, p.detail) for p in found.unreadable}
    assert told == {
        "x.pdf": (NOT_A_FILE, "a folder named like a PDF, not a file: the PDFs inside it are read"),
        "pipe.pdf": (NOT_A_FILE, "a pipe, socket or device named like a PDF, not a file"),
        "gone.pdf": (UNREADABLE_FILE, "a link to nothing"),
    }
    assert all(p.message == f"{p.path}: {p.detail}" for p in found.unreadable)


def test_one_file_is_its_own_source(tmp_path: Path) -> None:
    pdf = tmp_path / "one.pdf"
    pdf.write_bytes(b"%PDF-1")
    assert read_folder(pdf).pdfs == [pdf] and not read_folder(pdf).unreadable
    missing = read_folder(tmp_path / "missing.pdf")
    assert not missing.pdfs and [u.reason for u in missing.unreadable] == [UNREADABLE_FILE]
