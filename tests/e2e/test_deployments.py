"""Run it nightly, as the README says: a real server, the scripts, a worker, a listing.

One module-wide `prefect server` (tests/e2e/conftest.py). The first test follows the document:
prefect-setup, deploy (prefect.yaml), the cron schedule as the API reports it, a worker started
the way a careless script would (a bare `&`), one run of the `ingest` deployment against an HTTP
listing served on 127.0.0.1, its artifacts, the DuckDB file it loaded, a screenshot of the run
page in headless Chromium (kept as evidence), and a worker that stops on SIGTERM. The second
runs the ingest flow's extraction on a Dask LocalCluster against the same server.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pytest
from prefect.client.orchestration import SyncPrefectClient, get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterFlowRunId,
    DeploymentFilter,
    DeploymentFilterId,
    FlowRunFilter,
    FlowRunFilterId,
)
from prefect.settings import PREFECT_API_URL, temporary_settings

from reconcile.catalog import load_catalog
from tests.e2e.browser import screenshot
from tests.e2e.conftest import REPO, PrefectServer, artifacts_dir
from tests.e2e.processes import alive, start, stop
from tests.sources.listing_server import listing_html, publish_date, serve
from tests.webhook_receiver import receive

pytestmark = pytest.mark.e2e

SEED_PDF = REPO / "samples" / "2024_010_湖南省信访局.pdf"
SHANGHAI = ZoneInfo("Asia/Shanghai")


@contextmanager
def api(server: PrefectServer) -> Iterator[SyncPrefectClient]:
    with (
        temporary_settings(updates={PREFECT_API_URL: server.api_url}),
        get_client(sync_client=True) as client,
    ):
        yield client


def script(name: str, env: dict[str, str], logs: Path) -> float:
    """Run scripts/<name> as the document says; seconds it took."""
    begin = time.monotonic()
    done = subprocess.run(
        [f"scripts/{name}"], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    (logs / f"{name}.log").write_text(done.stdout + done.stderr)
    assert done.returncode == 0, f"scripts/{name} failed:\n{done.stdout}\n{done.stderr}"
    return time.monotonic() - begin


def start_worker_with_a_bare_ampersand(env: dict[str, str], logs: Path) -> int:
    """`scripts/worker &` from a non-interactive shell: the case where SIGINT is inherited as
    ignored. Returns the worker's PID (the script execs, so `$!` is the worker itself)."""
    shell = start(
        [
            "bash",
            "-c",
            f"scripts/worker > {logs / 'worker.log'} 2>&1 & echo $! > {logs}/worker.pid",
        ],
        env,
        logs / "worker-shell.log",
        REPO,
    )
    assert shell.wait(timeout=30) == 0
    return int((logs / "worker.pid").read_text())


def scheduled_runs(client: SyncPrefectClient, deployment_id: object) -> list[object]:
    """The deployment's scheduled runs, once the server's scheduler has made them (seconds)."""
    deadline = time.monotonic() + 60
    while True:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id]))
        )
        if runs or time.monotonic() > deadline:
            return runs
        time.sleep(0.5)


def wait_final(client: SyncPrefectClient, flow_run_id: object, timeout_s: float = 300) -> object:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        run = client.read_flow_run(flow_run_id)
        if run.state and run.state.is_final():
            return run
        time.sleep(1)
    raise TimeoutError(f"flow run {flow_run_id} not finished after {timeout_s} s")


def test_deploy_schedule_run_from_a_listing_and_see_it_in_the_ui(
    prefect_server: PrefectServer, tmp_path: Path
) -> None:
    timings = {"server start (healthy)": prefect_server.started_in_s}
    logs = prefect_server.logs
    data_dir = tmp_path / "data"
    with serve() as listing, receive() as hooks:
        page = "/yusuan/2024/index.html"
        listing.add(
            page,
            listing_html(
                [
                    ("files/2024_010_湖南省信访局.pdf", "湖南省信访局 2024年部门预算"),
                    (listing.url("/att/登录.pdf"), "需要登录"),  # absolute, percent-encoded
                ]
            ),
            content_type="text/html; charset=utf-8",
        )
        listing.add(
            "/yusuan/2024/files/2024_010_湖南省信访局.pdf",
            SEED_PDF.read_bytes(),
            last_modified=publish_date(1),
        )
        listing.add(
            "/att/登录.pdf", "<!doctype html><html>请先登录</html>", content_type="text/html"
        )
        env = prefect_server.env | {
            "BUDGET_SOURCE": listing.url(page),
            "BUDGET_DATA_DIR": str(data_dir),
            "BUDGET_ALERT_WEBHOOK_URL": hooks.url,
            "BUDGET_PUBLIC_URL": "http://127.0.0.1:8765/",  # where budget serve would be
        }

        timings["scripts/prefect-setup"] = script("prefect-setup", env, logs)
        timings["scripts/deploy"] = script("deploy", env, logs)

        with api(prefect_server) as client:
            nightly = client.read_deployment_by_name("nightly/nightly")
            (schedule,) = nightly.schedules
            assert (schedule.schedule.cron, schedule.schedule.timezone, schedule.active) == (
                "30 2 * * *",
                "Asia/Shanghai",
                True,
            )
            assert "(Asia/Shanghai" in (nightly.description or "")
            # The "Custom run" form explains each parameter: from the flows' docstring Args.
            for deployment in (nightly, client.read_deployment_by_name("reconcile/reconcile")):
                properties = deployment.parameter_openapi_schema["properties"]
                assert all(p.get("description") for p in properties.values()), deployment.name
            assert (
                "http(s) URL of a page"
                in (nightly.parameter_openapi_schema["properties"]["source"]["description"])
            )
            scheduled = scheduled_runs(client, nightly.id)
            assert scheduled and {r.state_name for r in scheduled} == {"Scheduled"}
            assert {r.expected_start_time.astimezone(SHANGHAI).time() for r in scheduled} == {
                clock(2, 30)
            }
            ingest = client.read_deployment_by_name("ingest/ingest")
            assert ingest.parameters == {"source": listing.url(page), "data_dir": str(data_dir)}
            assert ingest.work_pool_name == "budget-process" and not ingest.schedules
            assert ingest.pull_steps == [
                {"prefect.deployments.steps.set_working_directory": {"directory": str(REPO)}}
            ]
            assert client.read_global_concurrency_limit_by_name("warehouse-writes").limit == 1
            assert client.read_automations_by_name("budget: a run failed")

        begin = time.monotonic()
        worker = start_worker_with_a_bare_ampersand(env, logs)
        try:
            with api(prefect_server) as client:
                flow_run = client.create_flow_run_from_deployment(ingest.id)
                run = wait_final(client, flow_run.id)
                timings["ingest deployment run (worker start → Completed)"] = (
                    time.monotonic() - begin
                )
                assert run.state.type.value == "COMPLETED", run.state
                assert run.name == "ingest-127.0.0.1"
                artifacts = client.read_artifacts(
                    artifact_filter=ArtifactFilter(
                        flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id])
                    )
                )
                task_runs = client.read_task_runs(
                    flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run.id]))
                )
            by_key = {a.key: a for a in artifacts if a.key}
            table = by_key["ingest-documents"].data  # the API keeps a table as JSON text
            rows = {row["file"]: row for row in json.loads(table)}
            seed = rows["2024_010_湖南省信访局.pdf"]
            assert (seed["unit"], seed["year"], seed["status"], seed["tables"]) == (
                "湖南省信访局 \\(010\\)",  # markdown: renders as 湖南省信访局 (010)
                2024,
                "loaded",
                16,
            )
            assert seed["cells"] > 1000
            assert rows["登录.pdf"]["status"] == "rejected"
            assert "1 loaded" in by_key["ingest-summary"].description
            assert "**duration**" in by_key["ingest-summary"].data
            # Links a browser opens from the UI: http, to budget serve (BUDGET_PUBLIC_URL).
            assert "](http://127.0.0.1:8765/docs/index.html)" in by_key["ingest-summary"].data
            assert any(a.type == "progress" and a.data == 100.0 for a in artifacts)
            assert {t.name for t in task_runs} >= {
                "read-listing-127.0.0.1",
                "download-2024_010_湖南省信访局.pdf",
                "download-登录.pdf",
                "load-010-2024",
            }

            con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
            try:
                (status, source_uri), *_ = con.execute(
                    "select status, source_uri from disclosures where unit_code = '010'"
                ).fetchall()
                cells = con.execute(
                    "select count(*) from budget_cells where year = 2024"
                ).fetchone()
            finally:
                con.close()
            # a downloaded file is recorded under the URL it came from
            assert status == "loaded"
            assert source_uri.startswith(f"http://127.0.0.1:{listing.port}/yusuan/")
            assert cells == (seed["cells"],)
            assert listing.fetches("/yusuan/2024/files/2024_010_湖南省信访局.pdf") == [200]

            # The nightly deployment: its own summary artifact, beside its subflows' ones.
            with api(prefect_server) as client:
                nightly_run = client.create_flow_run_from_deployment(nightly.id)
                finished = wait_final(client, nightly_run.id)
                assert finished.state.type.value == "COMPLETED", finished.state
                own = client.read_artifacts(
                    artifact_filter=ArtifactFilter(
                        flow_run_id=ArtifactFilterFlowRunId(any_=[nightly_run.id])
                    )
                )
            (summary,) = [a for a in own if a.key == "nightly-summary"]
            assert "| error | warning | info | new errors |" in summary.data
            assert f"**Rules**: {len(load_catalog('hunan').rules)} — " in summary.data
            assert "](http://127.0.0.1:8765/reports/reconcile-" in summary.data

            begin = time.monotonic()
            shot = screenshot(
                f"{prefect_server.ui_url}/runs/flow-run/{flow_run.id}",
                artifacts_dir() / "e2e-ingest-flow-run.png",
            )
            timings["screenshot"] = time.monotonic() - begin
            assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
            print(f"\nscreenshot of the flow run page: {shot}")
        finally:
            graceful = stop(worker)
        assert graceful, "the worker did not stop on SIGTERM"
        assert not alive(worker)
    print("e2e timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))


@pytest.fixture
def two_pdf_inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("2024_010_湖南省信访局.pdf", "2024_117_湖南省水利厅.pdf"):
        (inbox / name).write_bytes((REPO / "samples" / name).read_bytes())
    return inbox


def test_extraction_scales_out_to_a_dask_cluster(
    prefect_server: PrefectServer, two_pdf_inbox: Path, tmp_path: Path
) -> None:
    """`python -m flows.ingest` against the real server, extracting on a LocalCluster."""
    from distributed import Client, LocalCluster

    begin = time.monotonic()
    # One thread per worker: pdfminer is not thread-safe.
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        env = prefect_server.env | {"BUDGET_DASK_ADDRESS": cluster.scheduler_address}
        command = ["-m", "flows.ingest", "--source", two_pdf_inbox, "--data-dir", tmp_path / "d"]
        done = subprocess.run(
            [sys.executable, *map(str, command)],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        (prefect_server.logs / "ingest-on-dask.log").write_text(done.stdout + done.stderr)
        assert done.returncode == 0, done.stdout + done.stderr
        with Client(cluster) as dask:
            executed = dask.run(lambda dask_worker: dask_worker.state.executed_count)
    print(f"\ningest on a Dask LocalCluster (2 workers): {time.monotonic() - begin:.1f} s")
    assert "ingest: 2 loaded" in done.stdout
    assert sum(executed.values()) >= 2, executed  # the extractions ran on the cluster
    with api(prefect_server) as client:
        (run,) = [r for r in client.read_flow_runs() if r.name == "ingest-inbox"]
        names = {
            t.name
            for t in client.read_task_runs(
                flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run.id]))
            )
        }
    assert {"extract-010-2024", "extract-117-2024"} <= names
