"""Task states as outcomes: a task run that failed becomes a value the run goes on with.

A download that fails after its retries, or an extraction that times out, is one input's
outcome, not the run's: the flow turns the failed state into a record of what happened
(`unavailable`, `extraction_timeout`, …) and carries on with the other inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from prefect.client.schemas.objects import State

T = TypeVar("T")


def outcome_of(state: State[Any], on_failure: Callable[[Any], T]) -> T:
    """The task's result when it completed, else `on_failure(error)`, the error it failed with
    (an exception, or the failed state's message)."""
    if state.is_completed():
        result: T = state.result()
        return result
    return on_failure(state.result(raise_on_failure=False))
