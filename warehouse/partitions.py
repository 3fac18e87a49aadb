"""Hive partitions of the Parquet relations: `parquet/<relation>/year=YYYY/unit_code=CODE/`.

A partition is exactly one file, `data.parquet`, so replacing a (year, unit) partition is one
`os.replace` of a fully written and fsynced file: whoever opens the file gets the old partition or
the new one, whole, and a killed writer leaves at most a stray file in `.staging/`. Nothing ever
deletes or overwrites a relation's root.

Who can race a replace: not a reader of `warehouse.duckdb` — partitions are replaced while the
loader holds DuckDB's write lock, which no reader process can share. A reader of the Parquet
files directly (pyarrow, another DuckDB) that opens a file once is safe; one that opens it twice
within one query (DuckDB's `read_parquet` reads the footer when binding and again when scanning)
can pair the old footer with the new bytes and fail with a Parquet/Thrift error: run it again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from warehouse.settings import WarehouseSettings
from warehouse.staging import place_atomically

PARTITION_FILE = "data.parquet"

# A unit code becomes a directory name: keep it to what hive paths and every OS can hold.
_UNIT_CODE = re.compile(r"^[0-9A-Za-z_-]{1,32}$")


class BadPartitionKey(ValueError):
    """A year or unit code that cannot name a partition."""


def partition_file(settings: WarehouseSettings, relation: str, year: int, unit_code: str) -> Path:
    if not _UNIT_CODE.match(unit_code or ""):
        raise BadPartitionKey(f"unit code {unit_code!r} cannot name a partition")
    if not 1900 <= year <= 2999:
        raise BadPartitionKey(f"year {year!r} cannot name a partition")
    return settings.partition_dir(relation, year, unit_code) / PARTITION_FILE


def replace_partition(
    settings: WarehouseSettings, relation: str, year: int, unit_code: str, table: pa.Table
) -> Path:
    """Make `table` the whole content of the (year, unit_code) partition of `relation`."""
    target = partition_file(settings, relation, year, unit_code)
    place_atomically(
        target,
        settings.staging_dir,
        # Fixed writer options: the same rows always give the same bytes, so re-loading an
        # unchanged document changes nothing on disk.
        lambda staged: pq.write_table(
            table, staged, compression="zstd", write_statistics=True, row_group_size=1 << 20
        ),
    )
    return target


def partition_files(settings: WarehouseSettings, relation: str) -> list[Path]:
    return sorted(_partition_glob(settings, relation))


def has_partitions(settings: WarehouseSettings, relation: str) -> bool:
    return next(_partition_glob(settings, relation), None) is not None


def _partition_glob(settings: WarehouseSettings, relation: str) -> Iterator[Path]:
    return (settings.parquet_dir / relation).glob(f"year=*/unit_code=*/{PARTITION_FILE}")


def relation_glob(settings: WarehouseSettings, relation: str) -> str:
    """The absolute glob a view reads, so that it works from any working directory."""
    return str(settings.parquet_dir / relation / "*" / "*" / PARTITION_FILE)
