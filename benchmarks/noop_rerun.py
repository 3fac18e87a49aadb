"""Benchmark: a no-op re-run of `python -m flows.ingest` over 1,000 already-ingested files.

    .venv/bin/python benchmarks/noop_rerun.py [--files 1000] [--repeat 3] [--work-dir DIR]

Target: at most 10 s beyond Prefect start-up. Start-up is measured the same way, as the same
command over an empty folder (interpreter, imports, the temporary Prefect server, one flow run
with no files), and subtracted.

Setup (not timed): one rendered sample disclosure, copied `--files` times with distinct bytes (a
PDF comment appended after %%EOF), every copy kept in raw/ and loaded through the real warehouse
store — extracted once and loaded under a distinct unit code per copy, so the warehouse holds
`--files` current partitions, as after a real first run.
Results go to stdout and to benchmarks/results/noop_rerun.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from disclosure.extract import extract_disclosure  # noqa: E402
from samplegen.hunan_xinfang_2024 import spec  # noqa: E402
from samplegen.render import render_disclosure  # noqa: E402
from tasks.discover import discover  # noqa: E402
from warehouse import store  # noqa: E402
from warehouse.documents import Document  # noqa: E402
from warehouse.raw import keep_raw, sha256_of  # noqa: E402
from warehouse.settings import WarehouseSettings  # noqa: E402

TARGET_S = 10.0


def build(work: Path, files: int) -> tuple[Path, WarehouseSettings]:
    source, settings = work / "inbox", WarehouseSettings(work / "data")
    source.mkdir(parents=True)
    sample = work / "sample.pdf"
    render_disclosure(spec(), sample)
    disclosure = extract_disclosure(sample)
    data = sample.read_bytes()
    started = time.perf_counter()
    for i in range(files):
        path = source / f"2024_{i:04d}_copy.pdf"
        path.write_bytes(data + f"\n% copy {i}\n".encode())
        doc = Document(path.resolve(), sha256_of(path), path.stat().st_size)
        keep_raw(doc.path, doc.sha256, settings)
        store.load_disclosure(settings, doc, dataclasses.replace(disclosure, unit_code=f"{i:04d}"))
    print(f"setup: {files} files kept and loaded in {time.perf_counter() - started:.1f} s")
    return source, settings


def cli_seconds(source: Path, data_dir: Path, env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "flows.ingest",
            "--source",
            str(source),
            "--data-dir",
            str(data_dir),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"ingest failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return elapsed, result.stdout.splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work-dir", type=Path, help="default: a temporary directory")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="noop-rerun-") as temp:
        work = args.work_dir or Path(temp)
        source, settings = build(work, args.files)
        empty = work / "empty-inbox"
        empty.mkdir()
        env = os.environ | {
            "PREFECT_HOME": str(work / "prefect-home"),
            "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        }
        cli_seconds(empty, work / "startup-data", env)  # first start creates Prefect's database

        started = time.perf_counter()
        batch = discover.fn(source, settings)
        in_process = time.perf_counter() - started
        assert len(batch.unchanged) == args.files and not batch.new and not batch.repeats

        startup, noop, headline = [], [], ""
        for _ in range(args.repeat):
            startup.append(cli_seconds(empty, work / "startup-data", env)[0])
            seconds, headline = cli_seconds(source, settings.data_dir, env)
            noop.append(seconds)

    beyond = statistics.median(noop) - statistics.median(startup)
    result = {
        "files": args.files,
        "repeat": args.repeat,
        "startup_s": [round(s, 2) for s in startup],
        "noop_rerun_s": [round(s, 2) for s in noop],
        "beyond_startup_s": round(beyond, 2),
        "target_s": TARGET_S,
        "ratio_to_target": round(beyond / TARGET_S, 3),
        "discover_in_process_s": round(in_process, 2),
        "summary": headline,
    }
    print(
        f"prefect start-up (empty inbox), median of {args.repeat}: "
        f"{statistics.median(startup):.2f} s  {result['startup_s']}"
    )
    print(
        f"no-op re-run over {args.files} files, median: "
        f"{statistics.median(noop):.2f} s  {result['noop_rerun_s']}  ({headline})"
    )
    print(
        f"beyond start-up: {beyond:.2f} s (target <= {TARGET_S:g} s, ratio {beyond / TARGET_S:.2f})"
    )
    print(f"discover alone, in-process, no Prefect: {in_process:.2f} s")
    out = REPO / "benchmarks" / "results" / "noop_rerun.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
