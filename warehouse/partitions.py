"""Hive partitions of the Parquet relations: `parquet/<relation>/<key>=<value>/…/data.parquet`.

A partition is exactly one file, `data.parquet`, so replacing a partition is one `os.replace` of
a fully written and fsynced file: whoever opens the file gets the old partition or the new one,
whole, and a killed writer leaves at most a stray file in `.staging/`. Nothing ever deletes or
overwrites a relation's root.

Who can race a replace: not a reader of `warehouse.duckdb` — partitions are replaced while the
loader holds DuckDB's write lock, which no reader process can share. A reader of the Parquet
files directly (pyarrow, another DuckDB) that opens a file once is safe; one that opens it twice
within one query (DuckDB's `read_parquet` reads the footer when binding and again when scanning)
can pair the old footer with the new bytes and fail with a Parquet/Thrift error: run it again.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.relations import BUDGET_CELLS, Relation
from warehouse.settings import WarehouseSettings
from warehouse.staging import write_atomically

PARTITION_FILE = "data.parquet"

# A unit code becomes a directory name: keep it to what hive paths and every OS can hold.
_UNIT_CODE = re.compile(r"^[0-9A-Za-z_-]{1,32}$")


class BadPartitionKey(ValueError):
    """A year or unit code that cannot name a partition."""


def partition_file(settings: WarehouseSettings, year: int, unit_code: str) -> Path:
    """The file of budget_cells' (year, unit_code) partition."""
    if not _UNIT_CODE.match(unit_code or ""):
        raise BadPartitionKey(f"unit code {unit_code!r} cannot name a partition")
    if not 1900 <= year <= 2999:
        raise BadPartitionKey(f"year {year!r} cannot name a partition")
    return BUDGET_CELLS.partition_dir(settings.parquet_dir, year, unit_code) / PARTITION_FILE


def write_partition(
    settings: WarehouseSettings, relation: Relation, table: pa.Table, *values: object
) -> Path:
    """Make `table` the whole content of `relation`'s partition at the key `values`."""
    if table.schema != relation.schema:
        table = table.cast(relation.schema)
    target = relation.partition_dir(settings.parquet_dir, *values) / PARTITION_FILE
    write_atomically(
        target,
        # Fixed writer options: the same rows always give the same bytes, so re-loading an
        # unchanged document changes nothing on disk.
        lambda staged: pq.write_table(
            table, staged, compression="zstd", write_statistics=True, row_group_size=1 << 20
        ),
        staging_dir=settings.staging_dir,
    )
    return target


def replace_partition(
    settings: WarehouseSettings, year: int, unit_code: str, cells: pa.Table
) -> Path:
    """Make `cells` the whole content of budget_cells' (year, unit_code) partition."""
    partition_file(settings, year, unit_code)  # refuses keys that cannot name a directory
    return write_partition(settings, BUDGET_CELLS, cells, year, unit_code)
