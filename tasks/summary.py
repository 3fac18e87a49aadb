"""Summarise: what a run did — loaded / duplicate / superseded / failed, with reasons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from warehouse.documents import Outcome, Status


@dataclass(frozen=True)
class IngestSummary:
    outcomes: tuple[Outcome, ...]

    def having(self, *statuses: Status) -> list[Outcome]:
        return [o for o in self.outcomes if o.status in statuses]

    @property
    def failures(self) -> list[Outcome]:
        """Quarantined files (bad input) and files the run itself failed on."""
        return self.having(Status.QUARANTINED, Status.FAILED)

    @property
    def supersessions(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.superseded]

    @property
    def counts(self) -> dict[str, int]:
        return {
            "loaded": len(self.having(Status.LOADED)),
            "duplicate": len(self.having(Status.DUPLICATE)),
            "superseded": len(self.supersessions),
            "failed": len(self.failures),
            "unchanged": len(self.having(Status.UNCHANGED)),
        }

    @property
    def headline(self) -> str:
        return ", ".join(f"{n} {name}" for name, n in self.counts.items())

    def to_text(self) -> str:
        lines = [f"ingest: {self.headline}"]
        for o in self.having(Status.LOADED):
            lines.append(
                f"  loaded      {o.document.file_name}  ({o.unit_code} {o.unit_name}, {o.year})"
            )
        for o in self.supersessions:
            lines.append(f"  superseded  {o.superseded_file}  by {o.document.file_name}")
        for o in self.having(Status.DUPLICATE):
            lines.append(f"  duplicate   {o.document.file_name}  ({o.reason})")
        for o in self.failures:
            lines.append(f"  {o.status:<11} {o.document.file_name}  [{o.reason}] {o.message}")
        return "\n".join(lines)

    def to_markdown(self) -> str:
        parts = [
            "## Ingest summary",
            "",
            "| loaded | duplicate | superseded | failed | unchanged |",
            "|---:|---:|---:|---:|---:|",
            "| " + " | ".join(str(n) for n in self.counts.values()) + " |",
        ]
        rows = [
            (o.document.file_name, o.status, o.unit_year, o.reason or "", o.message or "")
            for o in self.outcomes
            if o.status is not Status.UNCHANGED
        ]
        if rows:
            parts += [
                "",
                "| file | status | unit-year | reason | message |",
                "|---|---|---|---|---|",
            ]
            parts += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
        if self.supersessions:
            parts += ["", "| superseded | by |", "|---|---|"]
            parts += [
                f"| {o.superseded_file} | {o.document.file_name} |" for o in self.supersessions
            ]
        return "\n".join(parts) + "\n"


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


@task(name="summarise", task_run_name="summarise", cache_policy=NO_CACHE)
def summarise(unchanged: Sequence[Outcome], outcomes: Sequence[Outcome]) -> IngestSummary:
    summary = IngestSummary((*outcomes, *unchanged))
    # The run's markdown artifact (these counts, its duration, links) is tasks.artifacts'.
    logger = get_run_logger()
    logger.info(summary.headline)
    for o in summary.failures:
        logger.warning("%s %s: [%s] %s", o.status, o.document.file_name, o.reason, o.message)
    return summary
