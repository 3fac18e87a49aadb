"""Hive partitions of the Parquet relations on disk.

budget_cells keeps one file per document inside its (year, unit) partition:

    parquet/budget_cells/year=YYYY/unit_code=CODE/<doc_id>.parquet

so loading a re-issued disclosure never touches the file of the version it supersedes: the new
file is written beside the old one (fsynced aside, renamed into place whole), the ledger
transaction then makes the new document `loaded` and the old one `superseded` — the switch of
visibility, since the `budget_cells` view shows only cells of `loaded` documents — and only after
that commit is the old file removed (`sweep_cells`). A kill at any point leaves the old version
or the new one visible, never neither; files left behind by a kill (a new file whose load never
committed, an old one not yet removed) are swept by the next writer, under the writer lock.

The performance-form relations (performance_forms, performance_facts, performance_indicators) are
kept the same way, one file per document beside its cells (`write_document_rows`), written before
the same commit and swept with them.

The reconciliation relations keep one file per run, `run_id=RUN/data.parquet` (`write_partition`).

Who can race a rename: not a reader of `warehouse.duckdb` — files are renamed while the loader
holds DuckDB's write lock, which no reader process can share. A reader of the Parquet files
directly (pyarrow, another DuckDB) that opens a file once is safe; a glob read straight off the
files (not through the view) may briefly see a superseded document's file beside its successor's.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Collection
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.relations import BUDGET_CELLS, DOCUMENT_RELATIONS, PARQUET_SUFFIX, Relation
from warehouse.settings import WarehouseSettings
from warehouse.staging import write_atomically

PARTITION_FILE = "data.parquet"  # the one file of a run partition (and of older cell layouts)

# A unit code becomes a directory name: keep it to what hive paths and every OS can hold.
_UNIT_CODE = re.compile(r"^[0-9A-Za-z_-]{1,32}$")
_DOC_ID = re.compile(r"^[0-9a-f]{64}$")


class BadPartitionKey(ValueError):
    """A year or unit code that cannot name a partition."""


def partition_dir(settings: WarehouseSettings, year: int, unit_code: str) -> Path:
    """The directory of budget_cells' (year, unit_code) partition."""
    if not _UNIT_CODE.match(unit_code or ""):
        raise BadPartitionKey(f"unit code {unit_code!r} cannot name a partition")
    if not 1900 <= year <= 2999:
        raise BadPartitionKey(f"year {year!r} cannot name a partition")
    return BUDGET_CELLS.partition_dir(settings.parquet_dir, year, unit_code)


def cells_file(settings: WarehouseSettings, year: int, unit_code: str, doc_id: str) -> Path:
    """The file holding one document's cells in its (year, unit_code) partition."""
    return document_file(settings, BUDGET_CELLS, year, unit_code, doc_id)


def document_file(
    settings: WarehouseSettings, relation: Relation, year: int, unit_code: str, doc_id: str
) -> Path:
    """The file holding one document's rows of a per-document relation."""
    if not _DOC_ID.match(doc_id):
        raise BadPartitionKey(f"doc_id {doc_id!r} is not a sha256")
    partition_dir(settings, year, unit_code)  # the same keys' checks
    folder = relation.partition_dir(settings.parquet_dir, year, unit_code)
    return folder / f"{doc_id}{PARQUET_SUFFIX}"


def _write_parquet(table: pa.Table, relation: Relation, target: Path, staging: Path) -> Path:
    if table.schema != relation.schema:
        table = table.cast(relation.schema)
    return write_atomically(
        target,
        # Fixed writer options: the same rows always give the same bytes, so re-loading an
        # unchanged document changes nothing on disk.
        lambda staged: pq.write_table(
            table, staged, compression="zstd", write_statistics=True, row_group_size=1 << 20
        ),
        staging_dir=staging,
    )


def write_partition(
    settings: WarehouseSettings, relation: Relation, table: pa.Table, *values: object
) -> Path:
    """Make `table` the whole content of `relation`'s partition at the key `values`."""
    target = relation.partition_dir(settings.parquet_dir, *values) / PARTITION_FILE
    return _write_parquet(table, relation, target, settings.staging_dir)


def write_cells(
    settings: WarehouseSettings, year: int, unit_code: str, doc_id: str, cells: pa.Table
) -> Path:
    """Write one document's cells beside whatever its partition holds; nothing is replaced
    but a previous file of the same document (the same bytes again)."""
    return write_document_rows(settings, BUDGET_CELLS, year, unit_code, doc_id, cells)


def write_document_rows(
    settings: WarehouseSettings,
    relation: Relation,
    year: int,
    unit_code: str,
    doc_id: str,
    rows: pa.Table,
) -> Path:
    """Write one document's rows of a per-document relation (budget_cells, the performance
    forms) beside whatever its partition holds, as `write_cells` does."""
    target = document_file(settings, relation, year, unit_code, doc_id)
    return _write_parquet(rows, relation, target, settings.staging_dir)


def sweep_cells(
    settings: WarehouseSettings,
    current: Collection[str],
    partitions: Collection[Path] | None = None,
) -> list[Path]:
    """Remove budget_cells files (and the performance-form files beside them) of documents
    that are not `current` (the ledger's `loaded` doc_ids) — superseded versions, loads that
    never committed — and partition directories left empty. Only `partitions` (budget_cells
    partition directories) when given, else every partition. Call under the writer lock.

    A file of the older layout (`data.parquet`, one per partition) is renamed to its
    document's own name first, so older warehouses convert as they are written to.
    """
    cells_root = BUDGET_CELLS.directory(settings.parquet_dir)
    removed: list[Path] = []
    for relation in DOCUMENT_RELATIONS:
        root = relation.directory(settings.parquet_dir)
        if partitions is None:
            folders: Collection[Path] = list(root.glob("year=*/unit_code=*"))
        else:  # the same (year, unit) partitions of each per-document relation
            folders = [root / folder.relative_to(cells_root) for folder in partitions]
        removed += _sweep_folders(folders, current)
    return removed


def _sweep_folders(folders: Collection[Path], current: Collection[str]) -> list[Path]:
    removed: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        legacy = folder / PARTITION_FILE
        if legacy.is_file():
            _convert_legacy(legacy)
        for path in folder.glob(f"*{PARQUET_SUFFIX}"):
            if path.stem not in current:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed.append(path)
        with contextlib.suppress(OSError):  # not empty: it holds a current document
            folder.rmdir()
            with contextlib.suppress(OSError):
                folder.parent.rmdir()
    return removed


def _convert_legacy(path: Path) -> None:
    doc_ids = pq.read_table(path, columns=["doc_id"]).column("doc_id").unique().to_pylist()
    if len(doc_ids) == 1 and _DOC_ID.match(str(doc_ids[0])):
        target = path.with_name(f"{doc_ids[0]}{PARQUET_SUFFIX}")
        if not target.exists():
            os.replace(path, target)
            return
    path.unlink()  # empty, or a copy of a file that exists under its own name
