"""Discovery: which files a run takes, in which order, and how they sort out against the ledger."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tasks.discover import discover, find_pdfs, sort_out
from tests.conftest import HUNAN_2023, HUNAN_2024
from warehouse.documents import Document, Status
from warehouse.raw import sha256_of
from warehouse.settings import WarehouseSettings


def touch(path: Path, data: bytes, stamp: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.utime(path, (stamp, stamp))
    return path


def test_pdfs_are_found_recursively_oldest_first_skipping_hidden_and_other_files(
    tmp_path: Path,
) -> None:
    newer = touch(tmp_path / "a.pdf", b"%PDF-1", 300)
    older = touch(tmp_path / "sub" / "B.PDF", b"%PDF-2", 100)
    same_time = touch(tmp_path / "sub" / "c.pdf", b"%PDF-3", 300)
    touch(tmp_path / ".partial" / "d.pdf", b"%PDF-4", 50)
    touch(tmp_path / ".e.pdf", b"%PDF-5", 50)
    touch(tmp_path / "notes.txt", b"x", 50)

    assert find_pdfs(tmp_path) == [older, newer, same_time]
    assert find_pdfs(newer) == [newer]


def doc(name: str, sha: str) -> Document:
    return Document(Path("/in") / name, sha * 64, 1)


def test_documents_sort_out_into_new_repeated_and_unchanged() -> None:
    seen = {"a" * 64: {"file:///in/a.pdf"}}
    batch = sort_out(
        [doc("a.pdf", "a"), doc("a-copy.pdf", "a"), doc("b.pdf", "b"), doc("b-copy.pdf", "b")],
        seen,
    )
    assert [d.file_name for d in batch.new] == ["b.pdf"]
    assert [d.file_name for d in batch.repeats] == ["a-copy.pdf", "b-copy.pdf"]
    assert [(o.document.file_name, o.status) for o in batch.unchanged] == [
        ("a.pdf", Status.UNCHANGED)
    ]


def test_discover_keeps_every_new_input_in_raw_by_its_sha256(
    make_inbox: Callable[..., Path], tmp_path: Path
) -> None:
    inbox = make_inbox(HUNAN_2024, HUNAN_2023, ("junk.pdf", b"junk"))
    settings = WarehouseSettings(tmp_path / "data")

    batch = discover.fn(inbox, settings)

    assert [d.file_name for d in batch.new] == [HUNAN_2024, HUNAN_2023, "junk.pdf"]
    for document in batch.new:
        assert document.kept_at == settings.raw_path(document.sha256)
        assert sha256_of(document.kept_at) == document.sha256
    assert sorted(p.name for p in settings.raw_dir.iterdir()) == sorted(
        f"{d.sha256}.pdf" for d in batch.new
    )
