"""What a bounded parse may use, and what came of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Reasons a bounded parse gives when it did not finish (a quarantine reason, like the
# extraction's own `ExtractionError.reason`s).
RESOURCE_LIMIT = "resource_limit"
TIMEOUT = "extraction_timeout"
CRASHED = "extraction_crashed"


@dataclass(frozen=True)
class Limits:
    """Per parse of one file, each in its own child process."""

    memory_mb: int = 1024  # address space (RLIMIT_AS) of the child: a decompression bomb stops here
    timeout_s: float = 120.0  # wall clock; the child is killed at it
    max_pages: int = 500  # the page cap, applied by the screen to the page count peeked

    def __post_init__(self) -> None:
        if self.memory_mb < 128:
            raise ValueError(f"memory_mb must be >= 128, not {self.memory_mb}")
        if self.timeout_s <= 0:
            raise ValueError(f"timeout_s must be > 0, not {self.timeout_s}")
        if self.max_pages < 1:
            raise ValueError(f"max_pages must be >= 1, not {self.max_pages}")


@dataclass(frozen=True)
class Bounded:
    """The outcome of one bounded parse: its value, or why there is none."""

    value: Any = None
    # None when the job returned; else an ExtractionError's reason (bad input, said by the
    # parser), RESOURCE_LIMIT, TIMEOUT or CRASHED.
    reason: str | None = None
    detail: str | None = None  # in plain words, with the figure a limit was reached at
    peak_rss_mb: float = 0.0  # the child's peak resident memory
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.reason is None
