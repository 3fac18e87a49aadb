"""The one configuration: every setting of the project, read once from the environment (prefix
`BUDGET_`) at the edge — a CLI command or a flow's start — and passed down as plain objects.

    settings = Settings.load(data_dir="data")   # explicit values win over the environment
    settings.warehouse()                        # warehouse.settings.WarehouseSettings
    settings.extract(), settings.http(), settings.gate()

Nothing below this module reads `BUDGET_*` variables. `docs/configuration.md` lists every setting;
a test keeps that table and this model in step.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bounded.limits import Limits
from sources.downloads import HttpSettings
from warehouse.settings import WarehouseSettings

if TYPE_CHECKING:
    from expectations.gate import GateSettings

ENV_PREFIX = "BUDGET_"
_MB = 2**20


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass(frozen=True)
class ExtractSettings:
    """Where and within what limits documents are parsed (`tasks.runners`)."""

    workers: int = field(default_factory=_cores)  # documents parsed at once, one process each
    timeout_s: float = Limits.timeout_s  # per document, wall clock
    memory_mb: int = Limits.memory_mb  # per document: the child's address space (RLIMIT_AS)
    max_pages: int = Limits.max_pages
    dask_address: str | None = None  # e.g. tcp://10.0.0.5:8786; None extracts on this machine
    parser: str = "playa"  # what reads the pages: playa (pdfminer where it must) or pdfminer

    def __post_init__(self) -> None:
        object.__setattr__(self, "workers", max(1, self.workers))
        self.limits()  # refuses a time limit of 0, a memory limit too small to start

    def limits(self) -> Limits:
        return Limits(memory_mb=self.memory_mb, timeout_s=self.timeout_s, max_pages=self.max_pages)


class Settings(BaseSettings):
    """Every `BUDGET_*` setting, with its default and what it is for."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, frozen=True, extra="ignore", env_ignore_empty=True
    )

    data_dir: Path = Field(
        Path("data"),
        description="Where a run writes: raw/, quarantine/, parquet/, warehouse.duckdb, docs/, "
        "reports/.",
    )
    lock_timeout_s: float = Field(
        WarehouseSettings.lock_timeout_s,
        ge=0,
        description="How long a writer waits for another writer, or for an open connection to "
        "warehouse.duckdb, before it gives up.",
    )
    workers: int | None = Field(
        None,
        ge=1,
        description="Documents parsed at once, each in a bounded child process (default: as "
        "many as the machine has cores).",
    )
    extract_timeout_s: float = Field(
        Limits.timeout_s,
        gt=0,
        description="Seconds a child may parse one document (peek or extraction): it is killed "
        "at the limit and the document quarantined as extraction_timeout.",
    )
    extract_memory_mb: int = Field(
        Limits.memory_mb,
        ge=128,
        description="Memory (address space, RLIMIT_AS) a child may use to parse one document: "
        "a decompression bomb stops there, quarantined as resource_limit.",
    )
    dask_address: str | None = Field(
        None,
        description="Extract on this Dask scheduler (tcp://HOST:8786) instead of locally.",
    )
    parser: Literal["playa", "pdfminer"] = Field(
        "playa",
        description="What reads the pages beneath pdfplumber: playa (compiled, twice as fast; "
        "a page it cannot read exactly as pdfminer does is read by pdfminer) or pdfminer "
        "(every page). The cells are the same either way (docs/performance.md).",
    )
    max_pages: int = Field(
        Limits.max_pages,
        ge=1,
        description="A PDF with more pages is quarantined before extraction.",
    )
    max_download_mb: float = Field(
        HttpSettings.max_bytes / _MB,
        gt=0,
        description="A download larger than this is refused (rejected).",
    )
    retry_budget_s: float = Field(
        HttpSettings.retry_budget_s,
        gt=0,
        description="Seconds a run spends at most on one link that fails on the network or with "
        "5xx/429, its retries included; a host still unreachable then is not tried again until "
        "the next run.",
    )
    prefect_start_timeout_s: float = Field(
        120.0,
        gt=0,
        description="How long a one-off command without PREFECT_API_URL waits for Prefect's "
        "temporary local API server to start (Prefect's own default, 20 s, is too short on a "
        "busy machine).",
    )
    alert_webhook_url: str | None = Field(
        None,
        description="Where `budget deploy` points the alerts (a run failed; new reconciliation "
        "errors): a URL that receives a JSON POST.",
    )
    source: str | None = Field(
        None,
        description="What the deployed nightly run ingests: a folder or a listing URL "
        "(`budget deploy`; default ./inbox).",
    )
    work_pool: str = Field(
        "budget-process", description="The Prefect process work pool deployments run on."
    )
    public_url: str | None = Field(
        None,
        description="The base URL `budget serve` is reached at (http://127.0.0.1:8765/): "
        "links in Prefect artifacts point there. Unset: artifacts name files, without links.",
    )
    serve_port: int = Field(
        8765, ge=1, le=65535, description="The port `budget serve` listens on (127.0.0.1)."
    )
    cjk_font: Path | None = Field(
        None,
        description="The TrueType CJK font sample and test PDFs embed (default: Debian's "
        "fonts-wqy-zenhei).",
    )

    @field_validator("data_dir")
    @classmethod
    def _a_folder(cls, value: Path) -> Path:
        if value.exists() and not value.is_dir():
            raise ValueError(f"{value} is a file, not a folder")
        return value

    @field_validator("dask_address", "alert_webhook_url", "source", "public_url", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        return None if value == "" else value

    @field_validator("public_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s):// URL, e.g. http://127.0.0.1:8765/")
        return value

    @classmethod
    def load(cls, base: Settings | None = None, **values: Any) -> Settings:
        """The settings: `values` given (None means "not given"), then `base` (settings a
        caller already resolved, passed down as they are when nothing is given), then the
        environment, then the defaults."""
        given = {k: v for k, v in values.items() if v is not None}
        if base is not None:
            return cls(**{**base.model_dump(), **given}) if given else base
        return cls(**given)

    def warehouse(self) -> WarehouseSettings:
        return WarehouseSettings(
            self.data_dir, lock_timeout_s=self.lock_timeout_s, public_url=self.public_url
        )

    def extract(self) -> ExtractSettings:
        values = {"workers": self.workers} if self.workers else {}
        return ExtractSettings(
            timeout_s=self.extract_timeout_s,
            memory_mb=self.extract_memory_mb,
            max_pages=self.max_pages,
            dask_address=self.dask_address,
            parser=self.parser,
            **values,
        )

    def http(self) -> HttpSettings:
        return HttpSettings(
            max_bytes=int(self.max_download_mb * _MB), retry_budget_s=self.retry_budget_s
        )

    def gate(self) -> GateSettings:
        from expectations.gate import GateSettings

        return GateSettings(max_pages=self.max_pages, docs_dir=self.warehouse().docs_dir)


def data_dir_of(parameters: Mapping[str, Any]) -> Path:
    """The data directory a flow run's parameters name (for its run name, before the flow body
    resolves its settings): `data_dir`, else the `settings` passed down, else the environment."""
    if parameters.get("data_dir"):
        return Path(parameters["data_dir"])
    given = parameters.get("settings")
    if isinstance(given, Settings):
        return given.data_dir
    if isinstance(given, Mapping) and given.get("data_dir"):
        return Path(given["data_dir"])
    return Settings.load().data_dir


def env_name(field: str) -> str:
    """`data_dir` → `BUDGET_DATA_DIR`."""
    return ENV_PREFIX + field.upper()


def documented_settings() -> list[tuple[str, str, str]]:
    """(environment variable, default, description) for every setting, for the docs' table."""
    rows = []
    for name, info in Settings.model_fields.items():
        default = info.default
        shown = "—" if default is None else str(default)
        rows.append((env_name(name), shown, info.description or ""))
    return rows
