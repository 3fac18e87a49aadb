"""Progress of a run: a bar on the terminal and a progress artifact in the Prefect UI."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar, cast
from uuid import UUID

from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.logging.handlers import PrefectConsoleHandler
from rich.console import Console
from rich.default_styles import DEFAULT_STYLES
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.theme import Theme

from warehouse.documents import Document

T = TypeVar("T", bound=Document)


# Prefect's console theme does not inherit rich's defaults: bring the progress bar's own.
_PROGRESS_THEME = Theme(
    {k: v for k, v in DEFAULT_STYLES.items() if k.startswith(("bar.", "progress."))}
)


def _console() -> Console:
    # Prefect's own console: its log lines then print above the bar instead of through it.
    for handler in logging.getLogger().handlers + logging.getLogger("prefect").handlers:
        if isinstance(handler, PrefectConsoleHandler):
            return handler.console
    return Console(stderr=True)


def track(documents: Sequence[T], description: str) -> Iterator[T]:
    """Yield each document, advancing the bar and the artifact once the caller is done with it."""
    if not documents:
        return
    # Called from synchronous code, Prefect's dual sync/async function returns the id.
    artifact = cast(
        UUID,
        create_progress_artifact(0.0, description=f"{description}: {len(documents)} files"),
    )
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"),
    )
    console = _console()
    with console.use_theme(_PROGRESS_THEME), Progress(*columns, console=console) as bar:
        task_id = bar.add_task(description, total=len(documents), current="")
        for done, document in enumerate(documents, start=1):
            bar.update(task_id, current=document.file_name)
            yield document
            bar.update(task_id, advance=1)
            update_progress_artifact(artifact, 100.0 * done / len(documents))


def in_batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most `size` items (the last may be shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
