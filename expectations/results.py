"""What the gate returns: every expectation's outcome on one document, and the verdict.

Plain frozen dataclasses, importable without Great Expectations (the warehouse records them,
the ingest tasks carry them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Check:
    """One expectation's outcome on one document."""

    suite: str  # documents | tables | cells | screen
    expectation: str  # GX expectation type, e.g. expect_column_values_to_match_regex
    column: str | None  # the column checked (`header=expected_header` for a pair)
    severity: str  # critical | warning | info
    reason: str  # stable short code, e.g. schema_drift
    explanation: str  # what a failure means, in plain words
    success: bool
    element_count: int = 0
    unexpected_count: int = 0
    examples: tuple[str, ...] = ()  # a few unexpected values, as printed

    @property
    def critical(self) -> bool:
        return self.severity == "critical"

    def describe(self) -> str:
        """The failure in plain words, with a few of the values that failed."""
        text = self.explanation
        if self.examples:
            more = self.unexpected_count - len(self.examples)
            text += ": " + "; ".join(self.examples) + (f" (and {more} more)" if more > 0 else "")
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "suite": self.suite,
            "expectation": self.expectation,
            "column": self.column,
            "severity": self.severity,
            "reason": self.reason,
            "success": self.success,
            "unexpected_count": self.unexpected_count,
            "examples": list(self.examples),
            "explanation": self.describe(),
        }


@dataclass(frozen=True)
class GateResult:
    """Every check run on one document, and the verdict."""

    label: str  # what the document is called in Data Docs (its run name)
    checks: tuple[Check, ...]
    seconds: float = 0.0  # wall time of the GX runs (and building the frames)
    run_time: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    year: int | None = None  # as extracted; None when refused before extraction
    unit_code: str | None = None

    @property
    def critical(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.success and c.critical)

    @property
    def warnings(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.success and not c.critical)

    @property
    def passed(self) -> bool:
        """No critical expectation failed: the document may load (with its warnings)."""
        return not self.critical

    @property
    def reason(self) -> str | None:
        """The first critical failure's reason code (documents, then tables, then cells)."""
        return self.critical[0].reason if self.critical else None

    @property
    def message(self) -> str:
        """The failures in plain words, each with the expectation that failed."""
        failed = self.critical or self.warnings
        return "; ".join(f"{c.describe()} [{c.suite}: {c.expectation}]" for c in failed)

    def to_json(self) -> dict[str, Any]:
        """What a quarantine report keeps: the failing expectations."""
        return {
            "validated_at": self.run_time.isoformat(),
            "passed": self.passed,
            "critical": [c.to_json() for c in self.critical],
            "warnings": [c.to_json() for c in self.warnings],
        }
