"""Deploying to a Prefect server: prepare it, then deploy `prefect.yaml` (what `budget deploy`
does; `scripts/prefect-setup` and `scripts/deploy` call it).

Preparing is safe to repeat:
- the process work pool deployments run on (`BUDGET_WORK_POOL`, default budget-process);
- the global concurrency limit `warehouse-writes` (1 slot), unless it exists (an operator may
  have tuned it);
- the alerts, when `BUDGET_ALERT_WEBHOOK_URL` is set: a Custom Webhook block and two automations
  (a deployment run failed; reconciliation found new errors), see `tasks.alerts`.

Deploying runs `prefect deploy --all` on the checkout's prefect.yaml, which reads the source, the
data directory (both made absolute: workers may run elsewhere), the checkout and the work pool
from `{{ $BUDGET_… }}` values; it never prompts.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from runtime.settings import Settings

PROJECT_DIR = Path(__file__).resolve().parents[1]
PREFECT_YAML = PROJECT_DIR / "prefect.yaml"
API_WAIT_S = 90.0


class DeployError(RuntimeError):
    """The server cannot be prepared or deployed to: said in one line."""


def api_url() -> str:
    from prefect.settings import get_current_settings

    url = get_current_settings().api.url
    if not url:
        raise DeployError(
            "PREFECT_API_URL is not set: start a server (scripts/prefect-server) and point "
            "PREFECT_API_URL at it, e.g. http://127.0.0.1:4200/api"
        )
    return str(url)


def wait_for_api(url: str, timeout_s: float = API_WAIT_S) -> None:
    """A freshly started server answers /health after ~10 s."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() >= deadline:
            raise DeployError(f"no Prefect API answers at {url} after {timeout_s:g} s")
        time.sleep(1)


def prepare(settings: Settings) -> Iterator[str]:
    """The work pool, the concurrency limit and (with a webhook URL) the alerts."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate

    from tasks.alerts import install_alerts
    from tasks.limits import WAREHOUSE_WRITES, ensure_limits

    with get_client(sync_client=True) as client:
        client.create_work_pool(
            WorkPoolCreate(name=settings.work_pool, type="process"), overwrite=True
        )
    yield f"work pool {settings.work_pool} (process)"
    created = ensure_limits()
    yield f"concurrency limit {WAREHOUSE_WRITES}: {'created' if created else 'kept as it is'}"
    if not settings.alert_webhook_url:
        yield "alerts: no webhook URL (BUDGET_ALERT_WEBHOOK_URL); none installed"
        return
    for automation in install_alerts(settings.alert_webhook_url):
        yield f"alerts: automation '{automation.name}' → {settings.alert_webhook_url}"


def deployment_environment(settings: Settings) -> dict[str, str]:
    """What prefect.yaml's `{{ $BUDGET_… }}` values read, absolute."""
    source = settings.source or str(PROJECT_DIR / "inbox")
    if not source.startswith(("http://", "https://")):
        folder = Path(source).expanduser().resolve()
        folder.mkdir(parents=True, exist_ok=True)
        source = str(folder)
    return {
        "BUDGET_PROJECT_DIR": str(PROJECT_DIR),
        "BUDGET_SOURCE": source,
        "BUDGET_DATA_DIR": str(settings.warehouse().data_dir),
        "BUDGET_WORK_POOL": settings.work_pool,
    }


def deploy_all(settings: Settings, *, prepare_only: bool = False) -> Iterator[str]:
    """Prepare the server at PREFECT_API_URL, then deploy prefect.yaml; lines to print."""
    url = api_url()
    wait_for_api(url)
    yield from prepare(settings)
    if prepare_only:
        return
    values = deployment_environment(settings)
    yield (
        f"deploying: source {values['BUDGET_SOURCE']} → data dir {values['BUDGET_DATA_DIR']} "
        f"(work pool {values['BUDGET_WORK_POOL']})"
    )
    prefect = Path(sys.executable).with_name("prefect")
    done = subprocess.run(
        [str(prefect), "--no-prompt", "deploy", "--all", "--prefect-file", str(PREFECT_YAML)],
        cwd=PROJECT_DIR,
        env={**os.environ, **values, "PREFECT_CLI_PROMPT": "false"},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise DeployError(f"prefect deploy failed:\n{done.stdout}\n{done.stderr}")
    yield from (line for line in done.stdout.splitlines() if line.strip())
