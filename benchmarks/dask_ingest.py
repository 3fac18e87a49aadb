"""The ingest against a running Prefect server: extraction on this machine's pool of bounded
children, and on a Dask LocalCluster (`--dask-address`, tasks/runners.py), same corpus, same run.

    .venv/bin/python benchmarks/dask_ingest.py [--corpus DIR] [--dask-workers 2] [--rounds 1]

A Prefect server (`scripts/prefect-server`, its own PREFECT_HOME under the work dir, a free
loopback port) and a `distributed.LocalCluster` of `--dask-workers` processes with one thread
each (pdfminer is not thread-safe) are started once; then, per round, `python -m flows.ingest`
into a fresh data directory, first with the local pool, then with BUDGET_DASK_ADDRESS set. On a
Dask worker each document is still parsed in a bounded child (a pool of one started per task:
`tasks.extract.extract_document`), so what the cluster adds is that child's start-up and the
task's round trips, against more cores. Reported: wall time of each, pages/s, documents loaded.
The corpus defaults to the seed-13 corpus of `benchmarks/ingest.py`. Nothing is asserted;
results go to benchmarks/results/dask_ingest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(home: Path) -> tuple[subprocess.Popen, dict[str, str]]:
    port = free_port()
    env = os.environ | {
        "PREFECT_HOME": str(home),
        "BUDGET_PREFECT_PORT": str(port),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
    }
    log = (home / "server.log").open("w")
    server = subprocess.Popen(
        ["scripts/prefect-server"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 900  # minutes, on a loaded machine
    while True:
        try:
            urllib.request.urlopen(env["PREFECT_API_URL"] + "/health", timeout=2)
            return server, env
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit(
                    f"the Prefect server did not start (log: {home}/server.log)"
                ) from None
            time.sleep(1)


def ingest(corpus: Path, data_dir: Path, env: dict[str, str]) -> dict:
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "flows.ingest",
            "--source",
            str(corpus),
            "--data-dir",
            str(data_dir),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    headline = next((x for x in done.stdout.splitlines() if x.startswith("ingest:")), "")
    loaded = re.search(r"(\d+) loaded", headline)
    return {
        "seconds": round(seconds, 2),
        "code": done.returncode,
        "loaded": int(loaded.group(1)) if loaded else 0,
        "summary": headline or (done.stdout + done.stderr)[-2000:],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=RESULTS / "work" / "corpus-13")
    parser.add_argument("--work-dir", type=Path, default=RESULTS / "work" / "dask")
    parser.add_argument("--dask-workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    from distributed import LocalCluster

    corpus = args.corpus.resolve()
    manifest = corpus / "manifest.json"
    pages = json.loads(manifest.read_text())["pages"] if manifest.is_file() else None
    work = args.work_dir.resolve()
    subprocess.run(["rm", "-rf", str(work)], check=True)
    home = work / "prefect-home"
    home.mkdir(parents=True)
    server, env = start_server(home)
    rounds = []
    try:
        with LocalCluster(
            n_workers=args.dask_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        ) as cluster:
            # one untimed run over an empty folder: the server's first flow run
            (work / "empty").mkdir()
            ingest(work / "empty", work / "warm", env)
            for number in range(args.rounds):
                local = ingest(corpus, work / f"local-{number}", env)
                on_dask = ingest(
                    corpus,
                    work / f"dask-{number}",
                    env | {"BUDGET_DASK_ADDRESS": cluster.scheduler_address},
                )
                rounds.append({"local_pool": local, "dask": on_dask})
                print(json.dumps(rounds[-1], ensure_ascii=False), flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    result = {
        "corpus": str(corpus),
        "pages": pages,
        "dask_workers": args.dask_workers,
        "cores": len(os.sched_getaffinity(0)),
        "load_average_after": os.getloadavg(),
        "rounds": rounds,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "dask_ingest.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    for r in rounds:
        for name, run in r.items():
            rate = f", {pages / run['seconds']:.1f} pages/s" if pages else ""
            print(f"{name:10} {run['seconds']:7.1f} s{rate}  {run['summary'][:90]}")


if __name__ == "__main__":
    main()
