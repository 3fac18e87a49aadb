"""Alerts: which errors are new, and the automations that POST to a webhook on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pyarrow as pa
import pytest
from prefect import flow
from prefect.client.orchestration import get_client
from prefect.states import Failed

from tasks.alerts import (
    FAILED_RUN_AUTOMATION,
    NEW_ERRORS_AUTOMATION,
    install_alerts,
    new_errors,
    remove_alerts,
)
from tests.webhook_receiver import Receiver, receive
from warehouse.relations import RECONCILIATION_FINDINGS


def findings(*rows: tuple[str, str, str, str]) -> pa.Table:
    """Findings of one unit: (rule_id, severity, row_label, actual)."""
    columns = {name: [None] * len(rows) for name in RECONCILIATION_FINDINGS.schema.names}
    columns |= {
        "year": [2024] * len(rows),
        "unit_code": ["010"] * len(rows),
        "table_code": ["07"] * len(rows),
        "column_path": ["合计"] * len(rows),
        "rule_id": [r[0] for r in rows],
        "severity": [r[1] for r in rows],
        "row_label": [r[2] for r in rows],
        "actual": [Decimal(r[3]) for r in rows],
        "message": [f"{r[0]} at {r[2]}" for r in rows],
    }
    return pa.Table.from_pydict(columns, schema=RECONCILIATION_FINDINGS.schema)


def test_new_errors_are_errors_the_previous_run_did_not_report() -> None:
    before = findings(("header_sums", "error", "2010301", "10.00"), ("yoy", "warning", "合计", "1"))
    now = findings(
        ("header_sums", "error", "2010301", "12.00"),  # same place and rule: not new
        ("header_sums", "error", "2010302", "5.00"),  # new place
        ("yoy", "warning", "合计", "2"),  # warnings never alert
        ("balance_01", "error", "合计", "1.00"),  # new rule
    )
    assert [(f["rule_id"], f["row_label"]) for f in new_errors(now, before)] == [
        ("header_sums", "2010302"),
        ("balance_01", "合计"),
    ]
    assert len(new_errors(now, None)) == 3  # the first run: every error is news
    assert new_errors(before, before) == []


@pytest.fixture
def receiver(prefect_harness: None) -> Iterator[Receiver]:
    with receive() as running:
        automations = install_alerts(running.url)
        assert {a.name for a in automations} == {FAILED_RUN_AUTOMATION, NEW_ERRORS_AUTOMATION}
        yield running
        remove_alerts()


def test_a_failed_deployment_run_is_posted_to_the_webhook(receiver: Receiver) -> None:
    @flow(name="nightly")
    def nightly_stand_in() -> None:
        """Stands in for the nightly flow: only its deployment's runs matter here."""

    deployment_id = nightly_stand_in.to_deployment(name="nightly").apply()
    with get_client(sync_client=True) as client:
        run = client.create_flow_run_from_deployment(deployment_id)
        client.set_flow_run_state(run.id, Failed(message="source unreachable"), force=True)

    message = receiver.wait_for(lambda m: "Failed" in m["subject"])
    assert message["source"] == "budget-disclosures"
    assert message["subject"] == f"budget: nightly run {run.name} Failed"
    assert "deployment nightly" in message["body"] and "source unreachable" in message["body"]


def test_installing_again_replaces_the_automations(receiver: Receiver) -> None:
    install_alerts(receiver.url)
    with get_client(sync_client=True) as client:
        for name in (FAILED_RUN_AUTOMATION, NEW_ERRORS_AUTOMATION):
            assert len(client.read_automations_by_name(name)) == 1
