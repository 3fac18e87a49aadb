"""The global concurrency limit around warehouse writes: one writer at a time, server-wide.

The warehouse's file lock already keeps two writers apart on one machine. On a Prefect server
the limit does it for every run the server knows, wherever its worker runs, and shows the wait
in the UI (a load waiting for a slot, not a task stuck in a lock).

`scripts/prefect-setup` creates the limit (1 slot; raise it only if the warehouse moves to
storage that allows several writers). Flows also call `ensure_limits()` first, which creates it
when missing and leaves an existing one as the operator set it, so a fresh server and the test
harness work too. Writes take a slot in strict mode: were the limit missing after all (deleted
while a run is going), the write fails loudly instead of running unguarded.

Only when a Prefect API is configured (`PREFECT_API_URL`: a server, or the test harness). With
a temporary local API (`python -m flows.ingest` and nothing set) the limit is skipped and
the file lock alone serialises writers: that API's database outlives a killed run, and nothing
there expires leases (the server's repossessor service does not run in that mode), so a run
killed mid-write would hold its slot for good and block every later run.

On a server a slot is a lease the holder renews while it writes: a run killed with SIGKILL
mid-write holds its slot until the lease runs out (5 minutes), then the next writer goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
from prefect.concurrency.sync import concurrency
from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound
from prefect.settings import get_current_settings

from runtime.prefect_api import is_temporary

WAREHOUSE_WRITES = "warehouse-writes"


def server_configured() -> bool:
    """Whether runs report to a configured Prefect API rather than a temporary local one."""
    url = get_current_settings().api.url
    return bool(url) and not is_temporary(url)


def ensure_limits(name: str = WAREHOUSE_WRITES, limit: int = 1) -> bool:
    """Create the limit unless it exists (or no server is configured); True when created."""
    if not server_configured():
        return False
    with get_client(sync_client=True) as client:
        try:
            client.read_global_concurrency_limit_by_name(name)
            return False
        except ObjectNotFound:
            pass
        try:
            client.create_global_concurrency_limit(
                GlobalConcurrencyLimitCreate(name=name, limit=limit)
            )
        except ObjectAlreadyExists:  # another run created it meanwhile
            return False
        return True


@contextmanager
def warehouse_writes() -> Iterator[None]:
    """Hold one slot of `warehouse-writes` (strict: a missing limit is an error) when a server
    is configured; otherwise the warehouse's file lock is the only guard."""
    if not server_configured():
        yield
        return
    with concurrency(WAREHOUSE_WRITES, occupy=1, strict=True):
        yield
