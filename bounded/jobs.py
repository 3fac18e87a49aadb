"""The work a bounded child does, run in the child only (see `bounded.worker`).

Each job gets the path of an untrusted PDF and returns plain, picklable data: `peek` what the
file tells before extraction (`disclosure.pdf.Peek`), `extract` the whole `Disclosure` and, given
the document's id, its budget_cells rows as an Arrow table (`Extracted`): built here, in parallel,
rather than cell by cell in the flow's process, and sent as Arrow's own compact format. A typed
bad-input error (`ExtractionError`) is sent back as its reason and words; one that was really
the memory limit (pdfminer's inflate raising MemoryError, which extraction reports as damage) is
the memory limit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa

from bounded.limits import Extracted
from disclosure.errors import ExtractionError
from disclosure.extract import extract_disclosure
from disclosure.pdf import peek
from warehouse.rows import disclosure_to_cells


def _extract(path: Path, doc_id: str | None = None) -> Extracted:
    disclosure = extract_disclosure(path)
    if doc_id is None:
        return Extracted(disclosure)
    try:
        return Extracted(disclosure, disclosure_to_cells(disclosure, doc_id))
    except pa.ArrowInvalid:  # e.g. an amount with three decimals: the load quarantines it
        return Extracted(disclosure)


def _peek(path: Path) -> Any:
    return peek(path)


JOBS: dict[str, Callable[..., Any]] = {"extract": _extract, "peek": _peek}


def out_of_memory(error: BaseException) -> bool:
    """Whether `error`, or anything in its chain, is a MemoryError."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, MemoryError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def run_job(name: str, path: Path, options: dict[str, Any]) -> tuple[str, Any]:
    """`("ok", value)`, `("refused", (reason, detail))`, `("memory", detail)` or
    `("crashed", detail)`; never raises."""
    try:
        return "ok", JOBS[name](path, **options)
    except ExtractionError as error:
        if out_of_memory(error):
            return "memory", str(error.detail)
        return "refused", (error.reason, error.detail)
    except MemoryError as error:
        return "memory", str(error) or "out of memory"
    except Exception as error:  # a file that crashes the parser is a bad file too
        return "crashed", f"{type(error).__name__}: {error}"
