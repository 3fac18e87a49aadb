"""The Prefect API a one-off command (`budget ingest|reconcile|nightly`) reports to.

With `PREFECT_API_URL` set, the command reports to that server and nothing here happens.
Without it, Prefect starts a temporary local API server (uvicorn, ~225 MB) as a child process
the first time a flow runs. Two things it does not do, which this module adds:

- wait long enough on a busy machine: Prefect gives the server 20 s to answer, which a loaded
  2-core box exceeds; the command starts it first, giving it `Settings.prefect_start_timeout_s`
  (Prefect then reuses that same server, its singleton);
- die with the command: killed with SIGKILL, the command would leave the server running,
  orphaned. A tether (`budget.tether`) takes the command's whole process tree down with it.
"""

from __future__ import annotations

import atexit
from collections.abc import Iterator
from contextlib import contextmanager

from budget.tether import tether


def api_configured() -> bool:
    from prefect.settings import get_current_settings

    return bool(get_current_settings().api.url)


@contextmanager
def prefect_api(start_timeout_s: float) -> Iterator[None]:
    """A Prefect API for the flows run inside: the configured server, or a temporary one tied
    to this process."""
    if api_configured():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    release = tether()
    # Released at exit, after Prefect's own atexit stops the server (atexit runs last-in,
    # first-out): a normal end leaves nothing for the tether to do.
    atexit.register(release)
    SubprocessASGIServer().start(timeout=max(1, round(start_timeout_s)))
    yield
