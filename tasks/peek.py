"""Peek: what each new file tells before extraction — its page count, the identity its cover
prints (so its task runs are named `extract-010-2024`), the active content it declares.

The files are untrusted: each peek runs in a bounded child of the run's pool (`bounded.Pool`,
memory and time limits), as many at once as the pool has workers. A file whose peek reaches a
limit (a decompression bomb in its first pages) is refused before extraction, with the figure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from bounded.limits import RESOURCE_LIMIT, TIMEOUT, Bounded
from bounded.pool import Pool
from tasks.run_names import parameter
from warehouse.documents import Document

if TYPE_CHECKING:
    from disclosure.pdf import Peek


def peeked(document: Document, done: Bounded) -> Document:
    """The document with what the peek told; with `refused` when the peek hit a limit."""
    if not done.ok:
        if done.reason in (RESOURCE_LIMIT, TIMEOUT):
            return dataclasses.replace(document, refused=(done.reason, done.detail or ""))
        return document  # the parser failed on it: extraction will say why, in its words
    seen: Peek = done.value
    cover = seen.cover
    printed_as = f"{cover.unit_code}-{cover.year}" if cover.unit_code and cover.year else None
    return dataclasses.replace(
        document,
        printed_as=printed_as,
        page_count=seen.page_count,
        active_content=seen.active_content,
    )


def _run_name() -> str:
    return f"peek-{len(parameter('documents'))}-files"


@task(name="peek", task_run_name=_run_name, cache_policy=NO_CACHE)
def peek_documents(documents: Sequence[Document], pool: Pool) -> list[Document]:
    """Each document with its page count, printed identity and declared active content."""
    if not documents:
        return []
    with ThreadPoolExecutor(pool.workers) as threads:
        done = list(threads.map(lambda d: pool.run("peek", d.readable_path), documents))
    looked = [peeked(d, r) for d, r in zip(documents, done, strict=True)]
    logger = get_run_logger()
    for document in looked:
        if document.refused:
            logger.warning("refused %s: [%s] %s", document.file_name, *document.refused)
        elif document.active_content:
            logger.warning(
                "%s declares active content (never run): %s",
                document.file_name,
                ", ".join(document.active_content),
            )
    return looked
