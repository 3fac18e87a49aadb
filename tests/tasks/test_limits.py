"""The `warehouse-writes` limit: held around writes on a server, skipped without one."""

from __future__ import annotations

import pytest
from prefect.client.orchestration import get_client
from prefect.settings import PREFECT_API_URL, temporary_settings

from tasks.limits import WAREHOUSE_WRITES, ensure_limits, server_configured, warehouse_writes


def active_slots() -> int:
    with get_client(sync_client=True) as client:
        return client.read_global_concurrency_limit_by_name(WAREHOUSE_WRITES).active_slots


def test_with_prefects_temporary_api_writes_take_no_slot() -> None:
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert not server_configured()
        assert ensure_limits() is False
        with warehouse_writes():  # no API call: a killed run could never leak a slot here
            pass


@pytest.mark.usefixtures("prefect_harness")
def test_on_a_server_the_limit_is_created_once_and_a_write_holds_one_slot() -> None:
    assert server_configured()
    with get_client(sync_client=True) as client:
        existing = client.read_global_concurrency_limits()
        for limit in existing:
            if limit.name == WAREHOUSE_WRITES:
                client.delete_global_concurrency_limit_by_name(WAREHOUSE_WRITES)
    assert ensure_limits() is True
    assert ensure_limits() is False
    with warehouse_writes():
        assert active_slots() == 1
    assert active_slots() == 0


@pytest.mark.usefixtures("prefect_harness")
def test_a_missing_limit_is_an_error_not_a_silent_skip() -> None:
    ensure_limits()
    with get_client(sync_client=True) as client:
        client.delete_global_concurrency_limit_by_name(WAREHOUSE_WRITES)
    try:
        with pytest.raises(Exception, match=WAREHOUSE_WRITES), warehouse_writes():
            pass
    finally:
        ensure_limits()
