"""What the ingest and the upgrade both do with documents kept in raw/: peek → screen → extract →
validate → load, in their order (flows.ingest, flows.upgrade). Orchestration only."""

from __future__ import annotations

from collections.abc import Sequence

from bounded.pool import Pool
from expectations.gate import Gate
from runtime.settings import ExtractSettings
from tasks.load import load_all
from tasks.peek import peek_documents
from tasks.progress import Progress
from tasks.runners import extractions
from tasks.validate import screen_documents, validate
from warehouse.documents import Document, Outcome
from warehouse.settings import WarehouseSettings

# At most this many finished extractions per validation, then loaded: bounds the disclosures
# held in memory at once.
VALIDATION_BATCH = 8


def ingest_documents(
    documents: Sequence[Document],
    warehouse: WarehouseSettings,
    pool: Pool,
    gate: Gate,
    parsing: ExtractSettings,
    label: str = "ingest",
) -> list[Outcome]:
    """Peek → screen → extract → validate → load documents kept in raw/, in their order (a
    re-issue loads after the version it corrects); the outcome of each. What the ingest and the
    upgrade (flows.upgrade) both do with the documents they have."""
    documents = peek_documents(documents, pool)
    screened = screen_documents(documents, gate)
    outcomes: list[Outcome] = []
    with (
        extractions(screened.passed, pool, parsing) as extracted,
        Progress(label, len(screened.passed)) as progress,
    ):
        # Validated as they finish, a few at a time: GX costs per expectation, not per row.
        for done in extracted.batches(VALIDATION_BATCH):
            outcomes += load_all(validate(done, gate), warehouse, progress)
    outcomes += load_all(screened.refused, warehouse)
    return outcomes
