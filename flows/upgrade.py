"""The upgrade flow: a warehouse written by older code re-derived from the PDFs it keeps in raw/.

    budget upgrade --data-dir data

Under the writer lock for its whole run: the previous ledger's inputs are re-read in the order
it recorded them, run by run as each run took them (peek → screen → extract → validate → load,
then the copies recorded as duplicates: flows.documents), into a new warehouse built aside,
which then moves into place (warehouse.upgrade, warehouse.swap). An ingest that finds an older
warehouse runs this first, by itself; other commands refuse one in one line naming
`budget upgrade`.
"""

from __future__ import annotations

if __name__ == "__main__":
    # `python -m flows.upgrade` is `budget upgrade` (see flows.ingest).
    from runtime.command import run_as_command

    run_as_command("upgrade", module="flows.upgrade")

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from prefect import flow
from prefect.runtime import flow_run

from expectations.gate import Gate
from flows.documents import ingest_documents
from runtime.settings import Settings, data_dir_of
from tasks.failures import plain_failures
from tasks.load import record_duplicates
from tasks.progress import waiting_notice
from tasks.runners import extraction_pool
from tasks.summary import IngestSummary, summarise
from tasks.upgrade import finish_upgrade, plan_upgrade, rereads
from tasks.validate import publish_data_docs
from warehouse.lock import writer_lock
from warehouse.version import SCHEMA_VERSION


@dataclass(frozen=True)
class UpgradeResult:
    database: Path
    from_version: int | None  # None: it was current, nothing was done
    to_version: int
    rebuilt: IngestSummary | None = None  # what became of each input, re-read

    def to_text(self) -> str:
        if self.from_version is None or self.rebuilt is None:
            return f"upgrade: {self.database} is at schema version {self.to_version}: current"
        return "\n".join(
            [
                f"upgrade: {self.database} from schema version {self.from_version} to "
                f"{self.to_version}, every input re-read from raw/",
                self.rebuilt.to_text().replace("ingest: ", "inputs: ", 1),
            ]
        )


def _flow_run_name() -> str:
    return f"upgrade-{data_dir_of(flow_run.parameters).name}"


@flow(name="upgrade", flow_run_name=_flow_run_name)
def upgrade(
    data_dir: str | Path | None = None,
    workers: int | None = None,
    settings: Settings | None = None,
) -> UpgradeResult:
    """Plan → re-read every input (as an ingest) into a new warehouse → move it into place.

    Args:
        data_dir: The data directory whose warehouse.duckdb to upgrade (default:
            BUDGET_DATA_DIR, else ./data).
        workers: Documents parsed at once, each in a bounded child process (default:
            BUDGET_WORKERS, else the number of cores).
        settings: Every setting, as the caller resolved them; the values above, when given, win.
    """
    plain_failures()  # a busy or newer warehouse fails the run with one line
    settings = Settings.load(settings, data_dir=data_dir, workers=workers)
    warehouse, parsing = settings.warehouse(), settings.extract()
    with writer_lock(warehouse, waiting_notice()):
        plan = plan_upgrade(warehouse)
        if plan is None:
            return UpgradeResult(warehouse.database, None, SCHEMA_VERSION)
        # Its checks go to the new warehouse's Data Docs, moved in with it.
        gate = Gate(dataclasses.replace(settings.gate(), docs_dir=plan.build.docs_dir))
        outcomes = []
        with extraction_pool(parsing) as pool:
            for run in rereads(plan):  # each previous run's inputs, as that run took them
                outcomes += ingest_documents(
                    run.documents, plan.build, pool, gate, parsing, "upgrade"
                )
                outcomes += record_duplicates(run.repeats, plan.build)
        publish_data_docs(gate)
        finish_upgrade(plan)
    rebuilt = summarise([], outcomes)
    return UpgradeResult(warehouse.database, plan.from_version, plan.to_version, rebuilt)
