"""The PDFs in a folder (an inbox, or a listing's downloads), and every entry that looks like one
but cannot be read, each with why.

A folder is searched recursively; hidden files and folders are skipped (what editors and copy
tools leave behind), and so are links to folders (a link loop would never end). PDFs — by name,
`.pdf` in any case — come oldest first, so that a re-issue loads after the version it corrects.
Nothing else is passed over in silence: the run goes on with the others, and tells

- `unreadable_folder`: a folder it may not list (the PDFs in it are not seen);
- `unreadable_file`: a PDF it may not open, or a link to nothing;
- `not_a_file`: an entry named like a PDF that is no file — a folder (the PDFs inside it are
  read), a pipe, a socket, a device (never opened: a pipe would block the run).

Whether a file can be opened is tried, not inferred from its mode bits: a process's
capabilities decide as much as the bits do.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

PDF_SUFFIX = ".pdf"

UNREADABLE_FOLDER = "unreadable_folder"
UNREADABLE_FILE = "unreadable_file"
NOT_A_FILE = "not_a_file"


@dataclass(frozen=True)
class Unreadable:
    """An entry of the folder that is not read, and why (`reason`: one of the codes above)."""

    path: Path
    reason: str
    detail: str  # in plain words

    @property
    def message(self) -> str:
        return f"{self.path}: {self.detail}"


@dataclass(frozen=True)
class FolderContents:
    pdfs: list[Path]  # absolute, oldest first
    unreadable: list[Unreadable]


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _named_pdf(name: str) -> bool:
    return name.lower().endswith(PDF_SUFFIX)


def read_folder(source: Path) -> FolderContents:
    """The PDFs under `source` (or `source` itself, a file), and what could not be read."""
    source = source.absolute()
    if not source.is_dir():
        alone, problem = _look_at(source)
        return FolderContents([p for p, _ in alone], [problem] if problem else [])
    unreadable: list[Unreadable] = []

    def cannot_list(error: OSError) -> None:
        where = Path(error.filename) if error.filename else source
        unreadable.append(
            Unreadable(
                where,
                UNREADABLE_FOLDER,
                f"the folder cannot be read ({error.strerror}): the PDFs in it are not seen",
            )
        )

    found: list[tuple[Path, int]] = []
    for folder, folders, files in os.walk(source, onerror=cannot_list):
        here = Path(folder)
        folders[:] = [name for name in folders if not _hidden(name)]
        for name in folders:
            if _named_pdf(name):
                what = "a link to a folder" if (here / name).is_symlink() else "a folder"
                unreadable.append(
                    Unreadable(
                        here / name,
                        NOT_A_FILE,
                        f"{what} named like a PDF, not a file"
                        + ("" if (here / name).is_symlink() else ": the PDFs inside it are read"),
                    )
                )
        for name in files:
            if _hidden(name) or not _named_pdf(name):
                continue
            pdfs, problem = _look_at(here / name)
            found += pdfs
            if problem is not None:
                unreadable.append(problem)
    found.sort(key=lambda item: (item[1], str(item[0])))
    return FolderContents([path for path, _ in found], unreadable)


def _look_at(path: Path) -> tuple[list[tuple[Path, int]], Unreadable | None]:
    """A file named like a PDF: ([(path, mtime)], None) when it can be read, else the reason."""
    try:
        status = path.stat()  # follows a link: what a reader would open
    except FileNotFoundError:
        detail = "a link to nothing" if path.is_symlink() else "it disappeared while being read"
        return [], Unreadable(path, UNREADABLE_FILE, detail)
    except OSError as error:
        return [], Unreadable(path, UNREADABLE_FILE, f"it cannot be read ({error.strerror})")
    if stat.S_ISDIR(status.st_mode):
        return [], Unreadable(path, NOT_A_FILE, "a folder named like a PDF, not a file")
    if not stat.S_ISREG(status.st_mode):
        return [], Unreadable(
            path, NOT_A_FILE, "a pipe, socket or device named like a PDF, not a file"
        )
    try:
        os.close(os.open(path, os.O_RDONLY | os.O_NONBLOCK))
    except OSError as error:
        return [], Unreadable(path, UNREADABLE_FILE, f"it cannot be read ({error.strerror})")
    return [(path.resolve(), status.st_mtime_ns)], None
