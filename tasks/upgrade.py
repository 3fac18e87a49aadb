"""Upgrade: what an older warehouse's ledger says to re-read, as documents, and the move of the
rebuilt warehouse into place (warehouse.upgrade). Called under the writer lock (flows.upgrade).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from sources import DOWNLOADS
from sources.downloads import listing_folder
from warehouse import upgrade
from warehouse.documents import Document
from warehouse.settings import WarehouseSettings
from warehouse.upgrade import Plan, Sighting


@dataclass(frozen=True)
class Rereads:
    """The inputs one run of the previous ledger recorded, in the order it recorded them."""

    documents: list[Document]  # each input's first sighting: re-read from raw/
    repeats: list[Document]  # later copies of the same bytes: recorded as duplicates again


def sighting_to_document(settings: WarehouseSettings, sighting: Sighting) -> Document:
    """The input a ledger row describes, read from its kept copy: found where the row says (a
    file:// path, or a listing's URL, downloaded into `downloads/<host>/`)."""
    uri = sighting.source_uri
    if urlparse(uri).scheme == "file":
        path, origin = Path(url2pathname(urlparse(uri).path)), None
    else:
        path = listing_folder(settings.data_dir / DOWNLOADS, uri) / sighting.file_name
        origin = uri
    return Document(
        path,
        sighting.doc_id,
        sighting.byte_size,
        kept_at=settings.raw_path(sighting.doc_id),
        origin=origin,
    )


def rereads(plan: Plan) -> list[Rereads]:
    """The previous ledger's inputs, run by run (consecutive rows of one flow run), so that each
    is re-read as its run read it: its documents loaded, then its copies recorded as duplicates
    (of a version then current)."""
    runs: list[list[Sighting]] = []
    for sighting in plan.sightings:
        if runs and runs[-1][0].flow_run_id == sighting.flow_run_id:
            runs[-1].append(sighting)
        else:
            runs.append([sighting])
    return [
        Rereads(
            documents=[sighting_to_document(plan.settings, s) for s in run if s.first],
            repeats=[sighting_to_document(plan.settings, s) for s in run if not s.first],
        )
        for run in runs
    ]


@task(name="plan-upgrade", task_run_name="plan-upgrade", cache_policy=NO_CACHE)
def plan_upgrade(settings: WarehouseSettings) -> Plan | None:
    """What to re-read from raw/, or None when the warehouse is current."""
    plan = upgrade.plan_upgrade(settings)
    logger = get_run_logger()
    if plan is None:
        logger.info("%s is current: nothing to upgrade", settings.database)
    else:
        logger.info(
            "upgrading %s from schema version %d to %d: re-reading %d inputs from raw/",
            settings.database,
            plan.from_version,
            plan.to_version,
            sum(s.first for s in plan.sightings),
        )
    return plan


@task(name="move-in-upgrade", task_run_name="move-in-upgrade", cache_policy=NO_CACHE)
def finish_upgrade(plan: Plan) -> None:
    """Keep the previous ledger's lineage and the reconciliation history, then move the rebuilt
    warehouse into place."""
    upgrade.finish_upgrade(plan)
    get_run_logger().info(
        "%s upgraded to schema version %d", plan.settings.database, plan.to_version
    )
