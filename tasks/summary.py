"""Summarise: what a run did with every input — each file, each listing link — in one status.

`loaded`, `unchanged`, `duplicate`, `superseded` (loaded, then superseded by a later version in
the same run), `quarantined`, `rejected` (not kept: a link's file that is not a PDF or too
large, an input that is no file, such as a folder named `x.pdf`), `unavailable` (could not be
read this time: a link's file that did not arrive — 404, network —, a file or folder the run may
not read; the next run tries again) and `failed` (the run itself failed on it: a crash).
`exit_code` is what a command exits with. File names and messages are printed one input per
line, whatever they hold (`sources.names.printable`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from sources.names import printable
from tasks.markdown import markdown_text
from warehouse.documents import Outcome, Status

# What a one-off command exits with (docs/run-it-nightly.md): every input has its outcome; some
# links could not be fetched (they are tried again next run); the run failed on an input.
EXIT_DONE = 0
EXIT_FAILED = 1
EXIT_UNAVAILABLE = 3

# Statuses a person acts on, listed with their reason and message.
_EXPLAINED = (Status.QUARANTINED, Status.REJECTED, Status.UNAVAILABLE, Status.FAILED)


@dataclass(frozen=True)
class IngestSummary:
    outcomes: tuple[Outcome, ...]
    parser: str | None = None  # what read the pages (BUDGET_PARSER): playa | pdfminer

    def having(self, *statuses: Status) -> list[Outcome]:
        return [o for o in self.outcomes if o.status in statuses]

    @property
    def failures(self) -> list[Outcome]:
        """Inputs that did not load, with a reason to look at: quarantined, rejected,
        unavailable, failed."""
        return self.having(*_EXPLAINED)

    @property
    def supersessions(self) -> list[Outcome]:
        """Loads that superseded an earlier version (of an earlier run, or of this one)."""
        return [o for o in self.outcomes if o.superseded]

    @property
    def counts(self) -> dict[str, int]:
        return {str(s): len(self.having(s)) for s in Status}

    @property
    def headline(self) -> str:
        counts = self.counts
        if not counts[Status.FAILED]:
            del counts[Status.FAILED]  # only when the run itself failed on something
        return ", ".join(f"{n} {name}" for name, n in counts.items())

    @property
    def changed_warehouse(self) -> bool:
        """Whether the run changed what is current: a load, or a supersession."""
        return bool(self.having(Status.LOADED, Status.SUPERSEDED))

    @property
    def exit_code(self) -> int:
        if self.having(Status.FAILED):
            return EXIT_FAILED
        if self.having(Status.UNAVAILABLE):
            return EXIT_UNAVAILABLE
        return EXIT_DONE

    def to_text(self) -> str:
        """The headline, then one line per input: what changed first, unchanged files last."""
        lines = [f"ingest: {self.headline}"]
        if self.parser:
            lines.append(f"  parser       {_parser_words(self.parser)}")
        for o in self.ordered():
            # One line per input, whatever its name or message holds (a newline, an escape).
            lines.append(printable(f"  {o.status:<12} {o.file_name}  {_detail(o)}".rstrip()))
        return "\n".join(lines)

    def ordered(self) -> list[Outcome]:
        """Every outcome, grouped by status in `Status` order, unchanged last."""
        order = [s for s in Status if s is not Status.UNCHANGED] + [Status.UNCHANGED]
        return [o for s in order for o in self.having(s)]

    def to_markdown(self) -> str:
        counts = self.counts
        parts = [
            "## Ingest summary",
            "",
            "| " + " | ".join(counts) + " |",
            "|" + "---:|" * len(counts),
            "| " + " | ".join(str(n) for n in counts.values()) + " |",
        ]
        if self.parser:
            parts += ["", f"Pages read by {_parser_words(self.parser)}."]
        rows = [
            (o.file_name, o.status, o.unit_year, o.reason or "", o.message or "")
            for o in self.ordered()
            if o.status is not Status.UNCHANGED
        ]
        if rows:
            parts += [
                "",
                "| file | status | unit-year | reason | message |",
                "|---|---|---|---|---|",
            ]
            parts += ["| " + " | ".join(markdown_text(v) for v in row) + " |" for row in rows]
        if self.supersessions:
            parts += ["", "| superseded | by |", "|---|---|"]
            parts += [
                f"| {markdown_text(o.superseded_file)} | {markdown_text(o.file_name)} |"
                for o in self.supersessions
            ]
        return "\n".join(parts) + "\n"


def _parser_words(parser: str) -> str:
    if parser == "playa":
        return "playa (pdfminer for a page PLAYA cannot read exactly)"
    return parser


def _detail(o: Outcome) -> str:
    who = f"({o.unit_name} {o.unit_code}, {o.year})" if o.unit_code else ""
    if o.status is Status.LOADED:
        superseding = f", superseding {o.superseded_file}" if o.superseded_file else ""
        warnings = f" [{o.reason}]" if o.reason else ""
        return f"{who}{superseding}{warnings}"
    if o.status in _EXPLAINED:
        return f"[{o.reason}] {o.message or ''}"
    return f"{who} {o.message or ''}".strip()


def superseded_in_run(outcomes: Iterable[Outcome]) -> list[Outcome]:
    """The outcomes, a load that a later load of the same run superseded marked `superseded`."""
    outcomes = list(outcomes)
    later = {
        o.superseded: o for o in outcomes if o.status is Status.LOADED and o.superseded is not None
    }
    marked = []
    for o in outcomes:
        by = later.get(o.doc_id) if o.status is Status.LOADED and o.doc_id else None
        if by is not None:
            o = dataclasses.replace(
                o,
                status=Status.SUPERSEDED,
                message=f"loaded, then superseded by {by.file_name} in this run",
            )
        marked.append(o)
    return marked


@task(name="summarise", task_run_name="summarise", cache_policy=NO_CACHE)
def summarise(
    unchanged: Sequence[Outcome], outcomes: Sequence[Outcome], parser: str | None = None
) -> IngestSummary:
    """Every input's outcome; `parser` names what read the pages (the run's setting)."""
    summary = IngestSummary((*superseded_in_run(outcomes), *unchanged), parser)
    # The run's markdown artifact (these counts, its duration, links) is tasks.artifacts'.
    logger = get_run_logger()
    logger.info(summary.headline)
    for o in summary.failures:
        logger.warning(printable(f"{o.status} {o.file_name}: [{o.reason}] {o.message}"))
    return summary
