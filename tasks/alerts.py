"""Alerts: a webhook hears when a scheduled run fails or a reconciliation finds new errors.

Two Prefect automations, run by the Prefect server itself (so an alert goes out even when the
run's own process died), send a notification through one `Custom Webhook` block, `budget-alerts`,
whose URL comes from configuration (`$BUDGET_ALERT_WEBHOOK_URL`, read by `budget deploy`):

- `budget: a run failed` — a flow run of the `nightly`, `ingest` or `reconcile` deployment
  ended Failed, Crashed or TimedOut (subflows of a nightly run are not deployment runs: the
  nightly run's own failure is the one alert);
- `budget: new reconciliation errors` — the event `budget.reconciliation.new-errors`, which the
  nightly flow emits when a reconciliation run has error findings that the previous run did not.

The webhook receives `POST` JSON: `{"subject": …, "body": …, "source": "budget-disclosures"}`.

    budget deploy --prepare-only --webhook-url https://hooks.example.org/budget   # create/update
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from prefect import get_run_logger, task
from prefect.automations import Automation
from prefect.blocks.notifications import CustomWebhookNotificationBlock
from prefect.cache_policies import NO_CACHE
from prefect.client.orchestration import get_client
from prefect.events import emit_event
from prefect.events.actions import SendNotification
from prefect.events.schemas.automations import EventTrigger, Posture
from prefect.runtime import flow_run

from reconcile.changes import describe, new_errors, previous_findings
from reconcile.runs import Run
from warehouse.settings import WarehouseSettings

BLOCK_NAME = "budget-alerts"
NEW_ERRORS_EVENT = "budget.reconciliation.new-errors"
ALERTED_DEPLOYMENTS = ("nightly", "ingest", "reconcile")
FAILED_RUN_AUTOMATION = "budget: a run failed"
NEW_ERRORS_AUTOMATION = "budget: new reconciliation errors"

# --- the event the nightly flow emits ---------------------------------------------------------


@task(name="announce-new-errors", task_run_name="announce-new-errors", cache_policy=NO_CACHE)
def announce_new_errors(settings: WarehouseSettings, run: Run, report: Path | None) -> int:
    """Emit `budget.reconciliation.new-errors` when `run` has errors the previous run had not."""
    fresh = new_errors(run.findings, previous_findings(settings, run.run_id))
    logger = get_run_logger()
    if not fresh:
        logger.info("no new reconciliation errors in run %s", run.run_id)
        return 0
    logger.warning("%d new reconciliation errors in run %s", len(fresh), run.run_id)
    data_dir = str(settings.data_dir)
    emit_event(
        event=NEW_ERRORS_EVENT,
        resource={
            "prefect.resource.id": f"budget.warehouse.{_short_hash(data_dir)}",
            "prefect.resource.name": data_dir,
        },
        related=_this_flow_run(),
        payload={
            "count": len(fresh),
            "run_id": run.run_id,
            "data_dir": data_dir,
            "report": str(report) if report else None,
            "examples": [describe(f) for f in fresh[:10]],
        },
    )
    return len(fresh)


def _this_flow_run() -> list[dict[str, str]]:
    if flow_run.id is None:
        return []
    return [
        {
            "prefect.resource.id": f"prefect.flow-run.{flow_run.id}",
            "prefect.resource.role": "flow-run",
            "prefect.resource.name": flow_run.name or "",
        }
    ]


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


# --- the block and the automations on the server ----------------------------------------------

FAILED_RUN_BODY = (
    "{{ flow.name }} run {{ flow_run.name }} (deployment {{ deployment.name }}) ended "
    "{{ flow_run.state.name }}: {{ flow_run.state.message }}\n{{ flow_run|ui_url }}"
)
NEW_ERRORS_BODY = (
    "{{ event.payload.count }} new reconciliation errors in run {{ event.payload.run_id }} "
    "({{ event.payload.data_dir }}).\nReport: {{ event.payload.report }}\n"
    "{% for line in event.payload.examples %}- {{ line }}\n{% endfor %}"
)


def alert_automations(block_id: Any) -> list[Automation]:
    """The two automations, sending through the block with id `block_id`."""
    failed = Automation(
        name=FAILED_RUN_AUTOMATION,
        description="A nightly, ingest or reconcile deployment run ended Failed/Crashed/TimedOut.",
        trigger=EventTrigger(
            expect={
                "prefect.flow-run.Failed",
                "prefect.flow-run.Crashed",
                "prefect.flow-run.TimedOut",
            },
            match={"prefect.resource.id": "prefect.flow-run.*"},
            match_related={
                "prefect.resource.role": "deployment",
                "prefect.resource.name": list(ALERTED_DEPLOYMENTS),
            },
            posture=Posture.Reactive,
            threshold=1,
        ),
        actions=[
            SendNotification(
                block_document_id=block_id,
                subject="budget: {{ flow.name }} run {{ flow_run.name }} {{ flow_run.state.name }}",
                body=FAILED_RUN_BODY,
            )
        ],
    )
    new = Automation(
        name=NEW_ERRORS_AUTOMATION,
        description="A reconciliation run found error findings the previous run did not.",
        trigger=EventTrigger(
            expect={NEW_ERRORS_EVENT},
            match={"prefect.resource.id": "budget.warehouse.*"},
            posture=Posture.Reactive,
            threshold=1,
        ),
        actions=[
            SendNotification(
                block_document_id=block_id,
                subject="budget: {{ event.payload.count }} new reconciliation errors",
                body=NEW_ERRORS_BODY,
            )
        ],
    )
    return [failed, new]


def install_alerts(webhook_url: str) -> list[Automation]:
    """Save the webhook block and (re)create both automations; safe to run again."""
    block = CustomWebhookNotificationBlock(
        name=BLOCK_NAME,
        url=webhook_url,
        method="POST",
        json_data={"subject": "{{subject}}", "body": "{{body}}", "source": "budget-disclosures"},
        headers=None,
        cookies=None,
    )
    block_id = block.save(BLOCK_NAME, overwrite=True)
    automations = alert_automations(block_id)
    with get_client(sync_client=True) as client:
        for automation in automations:
            for existing in client.read_automations_by_name(automation.name):
                client.delete_automation(existing.id)
    # Called from synchronous code, Prefect's dual sync/async `create` returns the automation.
    return [cast(Automation, a.create()) for a in automations]


def remove_alerts(names: Sequence[str] = (FAILED_RUN_AUTOMATION, NEW_ERRORS_AUTOMATION)) -> None:
    with get_client(sync_client=True) as client:
        for name in names:
            for existing in client.read_automations_by_name(name):
                client.delete_automation(existing.id)
