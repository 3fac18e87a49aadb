"""Progress of a run: a bar on the terminal and a progress artifact in the Prefect UI.

`Progress` advances once per document done. Its `note` puts a passing remark — a run waiting
for the warehouse, and who holds it — into the artifact's description, so the UI says why the
bar stopped; the next advance puts the plain description back. `waiting_notice` is how a task
says it waits: a warning in its run log, and that note.
"""

from __future__ import annotations

import logging
from contextlib import ExitStack
from typing import TypeVar, cast
from uuid import UUID

from prefect import get_run_logger
from prefect.artifacts import create_progress_artifact, update_progress_artifact
from prefect.exceptions import MissingContextError
from prefect.logging.handlers import PrefectConsoleHandler
from rich.console import Console
from rich.default_styles import DEFAULT_STYLES
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as Bar
from rich.theme import Theme

from warehouse.lock import Notify

T = TypeVar("T")


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


class Progress:
    """`with Progress("ingest", 24) as progress:` — then `advance(name)` per document done."""

    def __init__(self, description: str, total: int) -> None:
        self.label = description
        self.description = f"{description}: {total} files"
        self.total = total
        self.done = 0
        self._artifact: UUID | None = None
        self._bar: Bar | None = None
        self._task_id: TaskID | None = None
        self._stack = ExitStack()

    def __enter__(self) -> Progress:
        if not self.total:
            return self
        # Called from synchronous code, Prefect's dual sync/async function returns the id.
        self._artifact = cast(UUID, create_progress_artifact(0.0, description=self.description))
        console = _console()
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.fields[current]}"),
        )
        self._stack.enter_context(console.use_theme(_PROGRESS_THEME))
        self._bar = self._stack.enter_context(Bar(*columns, console=console))
        self._task_id = self._bar.add_task(self.label, total=self.total, current="")
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()
        self._bar = None

    @property
    def percent(self) -> float:
        return 100.0 * self.done / self.total if self.total else 100.0

    def show(self, name: str) -> None:
        """The document being worked on, beside the bar."""
        if self._bar is not None and self._task_id is not None:
            self._bar.update(self._task_id, current=name)

    def advance(self, name: str = "") -> None:
        """One more document done."""
        self.done += 1
        if self._bar is not None and self._task_id is not None:
            self._bar.update(self._task_id, advance=1, current=name)
        if self._artifact is not None:
            update_progress_artifact(self._artifact, self.percent, description=self.description)

    def note(self, message: str) -> None:
        """Say why the bar does not move (until the next `advance`)."""
        if self._artifact is not None:
            update_progress_artifact(
                self._artifact, self.percent, description=f"{self.description} — {message}"
            )


def waiting_notice(progress: Progress | None = None) -> Notify:
    """How a task says it waits for the warehouse: a warning in its run log (within
    `warehouse.lock.NOTICE_AFTER_S`, then periodically) and a note on the run's progress.
    Outside a run (a task's `.fn` called directly) the warning goes to this module's logger."""

    def say(message: str) -> None:
        try:
            logger: logging.Logger | logging.LoggerAdapter = get_run_logger()
        except MissingContextError:
            logger = logging.getLogger(__name__)
        logger.warning(message)
        if progress is not None:
            progress.note(message)

    return say
