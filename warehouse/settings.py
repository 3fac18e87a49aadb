"""Where a run writes: the data directory and its layout (built from `runtime.settings`).

`<data-dir>/` holds `raw/` (every input, by sha256), `quarantine/` (one JSON per bad file),
`parquet/` (hive-partitioned relations), `warehouse.duckdb`, `docs/` (the Data Docs of the last
run's validations), and two private entries: `.staging/`
(files being written, renamed into place when complete) and `warehouse.lock` (the writer lock).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote


@dataclass(frozen=True)
class WarehouseSettings:
    data_dir: Path
    # How long a writer waits for another writer (or an analyst's open DuckDB file) to finish.
    lock_timeout_s: float = 600.0
    # Where `budget serve` publishes this data directory (http://127.0.0.1:8765/): links in
    # artifacts point there; None links nothing (browsers refuse file:// links from a web page).
    public_url: str | None = None

    def __post_init__(self) -> None:
        # Views hold absolute paths so that they work from any working directory.
        object.__setattr__(self, "data_dir", Path(self.data_dir).expanduser().resolve())
        if self.lock_timeout_s < 0:
            raise ValueError(f"lock_timeout_s must be >= 0, not {self.lock_timeout_s}")
        if self.public_url is not None:
            object.__setattr__(self, "public_url", self.public_url.rstrip("/") + "/")

    def url_of(self, path: Path, fragment: str = "") -> str | None:
        """The http(s) URL of a file of the data directory as `budget serve` serves it (under
        `public_url`), or None without a public URL or for a file outside the data directory."""
        if self.public_url is None:
            return None
        try:
            relative = Path(path).resolve().relative_to(self.data_dir)
        except ValueError:
            return None
        return self.public_url + quote(relative.as_posix()) + (f"#{fragment}" if fragment else "")

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
