"""The schema version of warehouse.duckdb: recorded when created, checked by every reader and
writer, and bumped whenever what is stored changes."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from disclosure.model import Disclosure
from reconcile.runs import reconcile_warehouse
from tests.conftest import HUNAN_2024
from warehouse import store
from warehouse.catalog import open_reader, open_writer, stored_layout
from warehouse.documents import Document
from warehouse.settings import WarehouseSettings
from warehouse.upgrade import needs_upgrade
from warehouse.version import SCHEMA_VERSION, WarehouseOutdated, WarehouseTooNew

# The digest of the stored layout each schema version writes (`layout_digest`).
LAYOUTS = {1: "c540bab6a39d7332", 2: "112e5b42257f4172"}


def layout_digest() -> str:
    return hashlib.sha256(json.dumps(stored_layout()).encode()).hexdigest()[:16]


def test_a_change_of_what_is_stored_comes_with_a_new_schema_version() -> None:
    digest = layout_digest()
    assert LAYOUTS.get(SCHEMA_VERSION) == digest, (
        f"what a load stores changed (layout {digest}) and warehouse/version.py still says "
        f"SCHEMA_VERSION = {SCHEMA_VERSION}: add one to it, and {SCHEMA_VERSION + 1}: "
        f"'{digest}' to LAYOUTS here; older warehouses are then re-derived by `budget upgrade`"
        if SCHEMA_VERSION in LAYOUTS
        else f"add {SCHEMA_VERSION}: '{digest}' to LAYOUTS here"
    )
    assert len(set(LAYOUTS.values())) == len(LAYOUTS), "two versions with one layout"


@pytest.fixture
def warehouse(
    tmp_path: Path, sample_pdfs: dict[str, Path], sample_disclosures: dict[str, Disclosure]
) -> WarehouseSettings:
    settings = WarehouseSettings(tmp_path / "data")
    path = sample_pdfs[HUNAN_2024]
    store.load_disclosure(
        settings, Document(path, "ab" * 32, path.stat().st_size), sample_disclosures[HUNAN_2024]
    )
    return settings


def _set_version(settings: WarehouseSettings, version: int | None) -> None:
    """Make the warehouse look written by other code: another version, or (None) code that
    recorded none."""
    con = duckdb.connect(str(settings.database))
    try:
        if version is None:
            con.execute("DROP TABLE schema_version")
        else:
            con.execute("INSERT INTO schema_version VALUES (?, now(), 'by other code')", [version])
    finally:
        con.close()


def test_a_new_warehouse_records_this_codes_version(warehouse: WarehouseSettings) -> None:
    con = duckdb.connect(str(warehouse.database), read_only=True)
    rows = con.execute("SELECT version, note FROM schema_version").fetchall()
    con.close()
    assert rows == [(SCHEMA_VERSION, "created")]
    assert not needs_upgrade(warehouse)


def test_an_older_warehouse_is_refused_in_one_line_naming_budget_upgrade(
    warehouse: WarehouseSettings,
) -> None:
    _set_version(warehouse, None)  # what the code of 2026-11 wrote: no version at all
    for opening in (open_reader, open_writer, store.sightings, reconcile_warehouse):
        with pytest.raises(WarehouseOutdated) as refused:
            opening(warehouse)
        message = str(refused.value)
        assert "\n" not in message
        assert f"schema version 0, this code writes version {SCHEMA_VERSION}" in message
        assert f"run `budget upgrade --data-dir {warehouse.data_dir}`" in message
    assert needs_upgrade(warehouse)
    # Refused before anything was written: it is still the warehouse it was.
    assert not (warehouse.data_dir / "parquet" / "reconciliation_runs").exists()


def test_a_newer_warehouse_is_refused_in_one_line(warehouse: WarehouseSettings) -> None:
    _set_version(warehouse, SCHEMA_VERSION + 1)
    for opening in (open_reader, open_writer, store.sightings):
        with pytest.raises(WarehouseTooNew) as refused:
            opening(warehouse)
        assert str(refused.value) == (
            f"{warehouse.database} holds schema version {SCHEMA_VERSION + 1}, newer than this "
            f"code's {SCHEMA_VERSION}: use the code that wrote it, or newer"
        )
    assert not needs_upgrade(warehouse)
