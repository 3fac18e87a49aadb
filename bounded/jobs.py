"""The work a bounded child does, run in the child only (see `bounded.worker`).

Each job gets the path of an untrusted PDF and returns plain, picklable data: `peek` what the
file tells before extraction (`disclosure.pdf.Peek`), `extract` the whole `Disclosure`. Its
budget_cells rows are built by the flow's process when it loads (`warehouse.rows`, ~1 ms a
hundred cells): building them here made every child import pandas (pyarrow does, the first
time it converts Python objects), ~0.3 s of CPU a document, more than it saved. A typed
bad-input error (`ExtractionError`) is sent back as its reason and words; one that was really
the memory limit (pdfminer's inflate raising MemoryError, which extraction reports as damage) is
the memory limit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from disclosure.errors import ExtractionError
from disclosure.extract import extract_disclosure
from disclosure.pdf import peek
from disclosure.template import load_template, template_names

JOBS: dict[str, Callable[..., Any]] = {"extract": extract_disclosure, "peek": peek}


def warm_up() -> None:
    """Pay once, in the worker, what every child it forks would otherwise pay again on its
    first job: importing PDFium (~70 ms), PLAYA and its decoders, reading the templates, the
    measure words (~20 ms) and the gazetteer (~70 ms), and what each template works out from
    its tables on first use. (Not pandas: its address space would count against each child's
    memory limit before it parses anything.)"""
    import encodings.utf_16_be  # noqa: F401  (PLAYA decodes UTF-16 text strings with it)

    import playa.ascii85  # noqa: F401  (imported on a first ASCII85 stream)
    import pypdfium2  # noqa: F401  (imported lazily by disclosure.pdf, where a PDF is read)

    import disclosure.playa_pages  # noqa: F401  (PLAYA and pdfminer's font metrics, ~60 ms)
    from disclosure.measures import vocabulary
    from disclosure.regions import warm_gazetteer

    for name in template_names():
        load_template(name).warm()
    vocabulary()
    warm_gazetteer()


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
