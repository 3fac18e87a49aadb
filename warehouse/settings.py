"""Where a run writes: the data directory and its layout (built from `budget.settings`).

`<data-dir>/` holds `raw/` (every input, by sha256), `quarantine/` (one JSON per bad file),
`parquet/` (hive-partitioned relations), `warehouse.duckdb`, `docs/` (the Data Docs of the last
run's validations), and two private entries: `.staging/`
(files being written, renamed into place when complete) and `warehouse.lock` (the writer lock).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WarehouseSettings:
    data_dir: Path
    # How long a writer waits for another writer (or an analyst's open DuckDB file) to finish.
    lock_timeout_s: float = 600.0

    def __post_init__(self) -> None:
        # Views hold absolute paths so that they work from any working directory.
        object.__setattr__(self, "data_dir", Path(self.data_dir).expanduser().resolve())
        if self.lock_timeout_s < 0:
            raise ValueError(f"lock_timeout_s must be >= 0, not {self.lock_timeout_s}")

    @property
    def raw_dir(self) -> Path:
        return self.data_dir / "raw"

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"

    @property
    def parquet_dir(self) -> Path:
        return self.data_dir / "parquet"

    @property
    def docs_dir(self) -> Path:
        """Data Docs of the run's validations (Great Expectations' static site)."""
        return self.data_dir / "docs"

    @property
    def staging_dir(self) -> Path:
        return self.data_dir / ".staging"

    @property
    def database(self) -> Path:
        return self.data_dir / "warehouse.duckdb"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "warehouse.lock"

    def raw_path(self, sha256: str) -> Path:
        return self.raw_dir / f"{sha256}.pdf"

    def quarantine_path(self, sha256: str) -> Path:
        return self.quarantine_dir / f"{sha256}.json"

    def partition_dir(self, relation: str, year: int, unit_code: str) -> Path:
        return self.parquet_dir / relation / f"year={year}" / f"unit_code={unit_code}"
