"""Which files the site may send: only regular files whose resolved path lies inside the folder
they are asked from (a symlink whose target is elsewhere is not followed out), and from `raw/`
only the documents the warehouse knows as PDFs.

    inside(settings.docs_dir, "validations/x.html")   # Path, or None
    kept_pdf(settings, doc_id)                          # Path of raw/<doc_id>.pdf, or None
"""

from __future__ import annotations

import re
from pathlib import Path

from warehouse.settings import WarehouseSettings

DOC_ID = re.compile(r"[0-9a-f]{64}")
PDF_MAGIC = b"%PDF-"
_MAGIC_WITHIN = 1024  # bytes: a PDF's header may follow some junk (PDF 32000-1, 7.5.2)


def inside(folder: Path, relative: str) -> Path | None:
    """The regular file `relative` names under `folder`, if its resolved path (every symlink
    followed) is inside `folder` as the data directory has it; else None."""
    root = folder.parent.resolve() / folder.name  # the folder itself may not be a link away
    parts = [p for p in relative.split("/") if p]
    if any(p in (".", "..") or "\\" in p for p in parts):
        return None
    try:
        resolved = root.joinpath(*parts).resolve(strict=True)
    except (OSError, RuntimeError):  # missing, a loop, a name too long
        return None
    if not resolved.is_relative_to(root) or not resolved.is_file():
        return None
    return resolved


def looks_like_pdf(path: Path) -> bool:
    """Whether the file starts like a PDF (`%PDF-` within its first 1,024 bytes)."""
    try:
        with path.open("rb") as f:
            return PDF_MAGIC in f.read(_MAGIC_WITHIN)
    except OSError:
        return False


def kept_pdf(settings: WarehouseSettings, doc_id: str) -> Path | None:
    """`raw/<doc_id>.pdf`, when it is a regular file inside raw/ that starts like a PDF (the
    caller checks that the warehouse knows the document)."""
    if not DOC_ID.fullmatch(doc_id):
        return None
    path = inside(settings.raw_dir, f"{doc_id}.pdf")
    return path if path is not None and looks_like_pdf(path) else None
