"""Peek: what each new file tells before extraction — its page count, the identity its cover
prints (so its task runs are named `extract-010-2024`), the active content it declares.

The files are untrusted: each is opened by `disclosure.pdf.peek` only, which parses no page
content beyond the first two pages' text and runs nothing the file declares.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import task_run
from prefect.utilities.annotations import quote

from disclosure.pdf import Peek, peek
from warehouse.documents import Document


def peeked(document: Document, seen: Peek) -> Document:
    """The document with what the peek told."""
    cover = seen.cover
    printed_as = f"{cover.unit_code}-{cover.year}" if cover.unit_code and cover.year else None
    return dataclasses.replace(
        document,
        printed_as=printed_as,
        page_count=seen.page_count,
        active_content=seen.active_content,
    )


def _run_name() -> str:
    documents = task_run.parameters["documents"]
    if isinstance(documents, quote):
        documents = documents.unquote()
    return f"peek-{len(documents)}-files"


@task(name="peek", task_run_name=_run_name, cache_policy=NO_CACHE)
def peek_documents(documents: Sequence[Document]) -> list[Document]:
    """Each document with its page count, printed identity and declared active content."""
    looked = [peeked(d, peek(d.readable_path)) for d in documents]
    logger = get_run_logger()
    for document in looked:
        if document.active_content:
            logger.warning(
                "%s declares active content (never run): %s",
                document.file_name,
                ", ".join(document.active_content),
            )
    return looked
