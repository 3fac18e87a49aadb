"""prefect.yaml, the scripts and the README's "Run it nightly" agree (no server, not e2e)."""

from __future__ import annotations

import importlib
import inspect
import os
import re
from pathlib import Path

import yaml

from tasks.alerts import ALERTED_DEPLOYMENTS
from tests.doc_queries import doc_text

REPO = Path(__file__).resolve().parents[2]
DOC = doc_text("run-it-nightly")
PREFECT_YAML = yaml.safe_load((REPO / "prefect.yaml").read_text("utf-8"))
SCRIPTS = ("prefect-server", "prefect-setup", "deploy", "worker")


def test_deployments_never_prompt_and_pull_from_the_checkout() -> None:
    (step,) = PREFECT_YAML["pull"]
    assert step == {
        "prefect.deployments.steps.set_working_directory": {
            "directory": "{{ $BUDGET_PROJECT_DIR }}"
        }
    }
    assert {d["name"] for d in PREFECT_YAML["deployments"]} == set(ALERTED_DEPLOYMENTS)


def test_the_nightly_cron_is_in_shanghai_time_and_the_others_run_on_demand() -> None:
    deployments = {d["name"]: d for d in PREFECT_YAML["deployments"]}
    assert deployments["nightly"]["schedules"] == [
        {"cron": "30 2 * * *", "timezone": "Asia/Shanghai", "active": True}
    ]
    assert deployments["ingest"]["schedules"] == deployments["reconcile"]["schedules"] == []
    # The Prefect UI shows a cron without its time zone: the description names it.
    assert "02:30 China Standard Time (Asia/Shanghai" in deployments["nightly"]["description"]
    for d in deployments.values():
        assert d["work_pool"]["name"] == "{{ $BUDGET_WORK_POOL }}"


def test_each_entrypoint_is_a_flow_taking_its_parameters() -> None:
    for deployment in PREFECT_YAML["deployments"]:
        path, name = deployment["entrypoint"].split(":")
        flow = getattr(importlib.import_module(path.removesuffix(".py").replace("/", ".")), name)
        assert flow.name == deployment["name"]
        accepted = inspect.signature(flow.fn).parameters
        assert set(deployment["parameters"]) <= set(accepted), deployment["name"]
        assert set(deployment["parameters"]) >= {"data_dir"}


def test_the_page_documents_every_script_and_the_ui_address() -> None:
    assert "http://127.0.0.1:4200" in DOC
    for name in SCRIPTS:
        script = REPO / "scripts" / name
        assert f"scripts/{name}" in DOC, name
        assert os.access(script, os.X_OK), name
        assert "set -euo pipefail" in script.read_text(), name
    documented = set(re.findall(r"BUDGET_[A-Z_]+", DOC))
    assert {
        "BUDGET_SOURCE",
        "BUDGET_DATA_DIR",
        "BUDGET_ALERT_WEBHOOK_URL",
        "BUDGET_DASK_ADDRESS",
        "BUDGET_MAX_DOWNLOAD_MB",
        "BUDGET_EXTRACT_TIMEOUT_S",
    } <= documented


def test_long_running_scripts_exec_so_their_pid_is_the_process() -> None:
    for name in ("prefect-server", "worker"):
        lines = (REPO / "scripts" / name).read_text().splitlines()
        assert any(line.startswith("exec ") for line in lines), name


def test_every_deployment_parameter_is_described_by_its_flow_s_docstring() -> None:
    from prefect.utilities.callables import parameter_schema

    for deployment in PREFECT_YAML["deployments"]:
        path, name = deployment["entrypoint"].split(":")
        flow = getattr(importlib.import_module(path.removesuffix(".py").replace("/", ".")), name)
        properties = parameter_schema(flow).properties
        assert properties and all(p.get("description") for p in properties.values()), name
