"""The one configuration: every setting of the project, read once from the environment (prefix
`BUDGET_`) at the edge — a CLI command or a flow's start — and passed down as plain objects.

    settings = Settings.load(data_dir="data")   # explicit values win over the environment
    settings.warehouse()                        # warehouse.settings.WarehouseSettings
    settings.extract(), settings.http(), settings.gate()

Nothing below this module reads `BUDGET_*` variables. `docs/configuration.md` lists every setting;
a test keeps that table and this model in step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

if TYPE_CHECKING:
    from expectations.gate import GateSettings
    from sources.downloads import HttpSettings
    from tasks.runners import ExtractSettings
    from warehouse.settings import WarehouseSettings

ENV_PREFIX = "BUDGET_"


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
        600.0,
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
        120.0,
        gt=0,
        description="Seconds a child may parse one document (peek or extraction): it is killed "
        "at the limit and the document quarantined as extraction_timeout.",
    )
    extract_memory_mb: int = Field(
        1024,
        ge=128,
        description="Memory (address space, RLIMIT_AS) a child may use to parse one document: "
        "a decompression bomb stops there, quarantined as resource_limit.",
    )
    dask_address: str | None = Field(
        None,
        description="Extract on this Dask scheduler (tcp://HOST:8786) instead of locally.",
    )
    max_pages: int = Field(
        500, ge=1, description="A PDF with more pages is quarantined before extraction."
    )
    max_download_mb: float = Field(
        200.0, gt=0, description="A download larger than this is refused (rejected)."
    )
    retry_budget_s: float = Field(
        60.0,
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
    def load(cls, **values: Any) -> Settings:
        """The settings: `values` given (None means "not given"), then the environment, then
        the defaults."""
        return cls(**{k: v for k, v in values.items() if v is not None})

    def warehouse(self) -> WarehouseSettings:
        from warehouse.settings import WarehouseSettings

        return WarehouseSettings(
            self.data_dir, lock_timeout_s=self.lock_timeout_s, public_url=self.public_url
        )

    def extract(self) -> ExtractSettings:
        from tasks.runners import ExtractSettings

        values = {"workers": self.workers} if self.workers else {}
        return ExtractSettings(
            timeout_s=self.extract_timeout_s,
            memory_mb=self.extract_memory_mb,
            max_pages=self.max_pages,
            dask_address=self.dask_address,
            **values,
        )

    def http(self) -> HttpSettings:
        from sources.downloads import HttpSettings

        return HttpSettings(
            max_bytes=int(self.max_download_mb * 2**20), retry_budget_s=self.retry_budget_s
        )

    def gate(self) -> GateSettings:
        from expectations.gate import GateSettings

        return GateSettings(max_pages=self.max_pages, docs_dir=self.warehouse().docs_dir)


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
