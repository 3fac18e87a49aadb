"""How a run reports a failure that is not a bug: one line, without the traceback.

Prefect logs every exception that ends a task or flow run with its traceback: right for bugs,
noise for a warehouse that stayed busy past `BUDGET_LOCK_TIMEOUT_S`, one of another schema
version, or a full disk (`warehouse.errors`), where the message already says what happened and
what to do. `plain_failures()` — the first call of each flow — drops the traceback of those
exceptions from the run loggers' records; the run still fails, with the message, in the log,
the UI and the command's last line.
"""

from __future__ import annotations

import logging

from warehouse.errors import WarehouseError
from warehouse.space import no_space

# Exceptions whose message is the whole story.
EXPECTED = (WarehouseError,)

# The loggers Prefect's engines log a run's end with.
_RUN_LOGGERS = ("prefect.task_runs", "prefect.flow_runs", "prefect.engine")


class _WithoutTraceback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and (isinstance(error, EXPECTED) or no_space(error) is not None):
            record.exc_info = None
            record.exc_text = None
        return True


_FILTER = _WithoutTraceback()


def plain_failures() -> None:
    """Log the expected failures as one line (idempotent)."""
    for name in _RUN_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
