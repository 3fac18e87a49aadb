"""Task run names a person can read (`validate-8-documents`, `load-010-2024`): built from the
run's parameters as the task received them."""

from __future__ import annotations

from typing import Any

from prefect.runtime import task_run
from prefect.utilities.annotations import quote


def parameter(name: str) -> Any:
    """A parameter of the running task run, unwrapped when the flow passed it `quote`d (so that
    Prefect would not walk every cell of a disclosure looking for futures)."""
    value = task_run.parameters[name]
    return value.unquote() if isinstance(value, quote) else value
