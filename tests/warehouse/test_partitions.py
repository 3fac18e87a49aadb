"""The Parquet layout on disk: one file per document in its (year, unit) partition, written
whole, and swept once no longer current."""

from __future__ import annotations

import threading
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from disclosure.model import Disclosure
from tests.conftest import HUNAN_2023, HUNAN_2024
from warehouse import store
from warehouse.documents import Document
from warehouse.partitions import (
    PARTITION_FILE,
    BadPartitionKey,
    cells_file,
    sweep_cells,
    write_cells,
)
from warehouse.relations import BUDGET_CELLS, PRINTED_AMOUNT
from warehouse.rows import disclosure_to_cells
from warehouse.settings import WarehouseSettings


@pytest.fixture
def settings(tmp_path: Path) -> WarehouseSettings:
    return WarehouseSettings(tmp_path / "data")


def test_one_file_per_document_under_hive_directories(
    settings: WarehouseSettings,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> None:
    ids = {}
    for name in (HUNAN_2024, HUNAN_2023):
        path = sample_pdfs[name]
        doc = Document(path, name.encode().hex()[:64].ljust(64, "0"), path.stat().st_size)
        store.load_disclosure(settings, doc, sample_disclosures[name])
        ids[name] = doc.doc_id

    files = sorted(
        str(p.relative_to(settings.parquet_dir))
        for p in settings.parquet_dir.rglob("*")
        if p.is_file()
    )
    # Each document's performance forms lie beside its cells, partitioned the same way.
    assert files == [
        f"{relation}/year={year}/unit_code=010/{ids[name]}.parquet"
        for relation in (
            "budget_cells",
            "performance_facts",
            "performance_forms",
            "performance_indicators",
        )
        for year, name in ((2023, HUNAN_2023), (2024, HUNAN_2024))
    ]
    # The partition keys live in the path, not the file; amounts are exact decimals.
    schema = pq.read_schema(settings.parquet_dir / files[0])
    assert schema.field("amount").type == pa.decimal128(38, 6)  # as printed
    assert schema.field("amount_yuan").type == pa.decimal128(18, 2)
    assert "year" not in schema.names and "unit_code" not in schema.names
    # Any hive-aware reader gets the keys back (unit codes as text: '010' is not 10).
    dataset = ds.dataset(
        settings.parquet_dir / "budget_cells",
        partitioning=ds.partitioning(
            pa.schema([("year", pa.int32()), ("unit_code", pa.string())]), flavor="hive"
        ),
    )
    table = dataset.to_table(filter=ds.field("year") == 2024, columns=["unit_code", "amount"])
    assert set(table.column("unit_code").to_pylist()) == {"010"}
    assert table.num_rows == sample_disclosures[HUNAN_2024].cell_count


def test_the_same_rows_give_the_same_bytes(
    settings: WarehouseSettings, sample_disclosures: dict[str, Disclosure]
) -> None:
    cells = disclosure_to_cells(sample_disclosures[HUNAN_2024], "d" * 64)
    target = write_cells(settings, 2024, "010", "d" * 64, cells)
    first = target.read_bytes()
    write_cells(settings, 2024, "010", "d" * 64, cells)
    assert target.read_bytes() == first
    assert list(settings.staging_dir.iterdir()) == []


def _cells(doc_id: str, rows: int, amount: str) -> pa.Table:
    columns = {name: [None] * rows for name in BUDGET_CELLS.schema.names}
    columns |= {
        "doc_id": [doc_id] * rows,
        "table_no": [1] * rows,
        "row_no": list(range(1, rows + 1)),
        "column_no": [1] * rows,
        "amount": [Decimal(amount)] * rows,
    }
    return pa.table(columns, schema=BUDGET_CELLS.schema)


def test_a_reader_sees_the_old_file_or_the_new_one_never_a_mix(
    settings: WarehouseSettings,
) -> None:
    # Two contents of different sizes under one name, swapped back and forth while a reader
    # keeps reading (a document's file is only ever rewritten with its own rows, but the
    # rename must be whole whatever it replaces).
    versions = {"a": _cells("a", 50_000, "1.10"), "b": _cells("b", 80_000, "2.20")}
    doc_id = "e" * 64
    target = write_cells(settings, 2024, "010", doc_id, versions["a"])
    stop = threading.Event()
    seen: list[tuple[str, int, Decimal]] = []
    errors: list[BaseException] = []

    def read() -> None:
        # One open per read, as a reader of one file does: a reader that opens the path twice
        # (footer first, data later: pq.read_table, DuckDB's read_parquet) can pair one
        # version's footer with the other's bytes — see warehouse/partitions.py.
        while not stop.is_set():
            try:
                with target.open("rb") as handle:
                    table = pq.ParquetFile(handle).read(columns=["doc_id", "amount"])
            except BaseException as error:
                errors.append(error)
                return
            ids = set(table.column("doc_id").to_pylist())
            amounts = set(table.column("amount").to_pylist())
            assert len(ids) == 1 and len(amounts) == 1
            seen.append((ids.pop(), table.num_rows, amounts.pop()))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(40):
            write_cells(settings, 2024, "010", doc_id, versions["ab"[i % 2]])
    finally:
        stop.set()
        reader.join()

    assert not errors
    assert seen, "the reader never read"
    assert set(seen) <= {("a", 50_000, Decimal("1.10")), ("b", 80_000, Decimal("2.20"))}


def test_a_write_leaves_every_other_file_alone(
    settings: WarehouseSettings, sample_disclosures: dict[str, Disclosure]
) -> None:
    cells = disclosure_to_cells(sample_disclosures[HUNAN_2024], "d" * 64)
    other = write_cells(settings, 2023, "010", "d" * 64, cells)
    before = other.read_bytes()
    beside = write_cells(settings, 2023, "010", "a" * 64, _cells("a" * 64, 3, "1.00"))
    write_cells(settings, 2024, "011", "b" * 64, _cells("b" * 64, 3, "1.00"))
    assert other.read_bytes() == before
    assert beside.parent == other.parent
    assert pq.read_schema(other).field("amount").type == PRINTED_AMOUNT


def test_the_sweep_removes_what_is_not_current_and_converts_the_older_layout(
    settings: WarehouseSettings,
) -> None:
    current, superseded, uncommitted = "c" * 64, "5" * 64, "0" * 64
    kept = write_cells(settings, 2024, "010", current, _cells(current, 3, "1.00"))
    old = write_cells(settings, 2024, "010", superseded, _cells(superseded, 3, "2.00"))
    lone = write_cells(settings, 2023, "011", uncommitted, _cells(uncommitted, 3, "3.00"))
    # A warehouse written before one file per document: `data.parquet`, one per partition.
    legacy = cells_file(settings, 2022, "012", "1" * 64).with_name(PARTITION_FILE)
    legacy.parent.mkdir(parents=True)
    pq.write_table(_cells("1" * 64, 2, "4.00"), legacy)

    # One partition only: the load that just superseded `old` cleans up after itself.
    assert sweep_cells(settings, {current, "1" * 64}, [kept.parent]) == [old]
    assert lone.exists() and legacy.exists()

    # Every partition: what a killed run left, and the older layout renamed to its document.
    assert sweep_cells(settings, {current, "1" * 64}) == [lone]
    assert not lone.parent.exists() and not lone.parent.parent.exists()
    assert not legacy.exists()
    assert legacy.with_name(f"{'1' * 64}.parquet").is_file()
    assert kept.is_file()


@pytest.mark.parametrize(("year", "unit_code"), [(2024, "../010"), (2024, "01 0"), (24, "010")])
def test_keys_that_cannot_name_a_partition_are_refused(
    settings: WarehouseSettings, year: int, unit_code: str
) -> None:
    with pytest.raises(BadPartitionKey):
        cells_file(settings, year, unit_code, "d" * 64)


def test_a_doc_id_that_is_not_a_sha256_cannot_name_a_file(settings: WarehouseSettings) -> None:
    with pytest.raises(BadPartitionKey):
        cells_file(settings, 2024, "010", "../../x")
