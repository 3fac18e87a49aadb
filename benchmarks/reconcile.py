"""Benchmark: reconcile a warehouse of 1,000 generated disclosures.

    .venv/bin/python benchmarks/reconcile.py [--documents 1000] [--repeat 3] [--work-dir DIR]
                                             [--cli]

Target: at most 10 s for one reconciliation run in process (`reconcile_warehouse`: read each
year's cells, evaluate every rule, write the run's Parquet and views) plus its HTML report.
With `--cli`, also times `python -m flows.reconcile` (Prefect start-up included, reported apart).

Setup (not timed; reused when --work-dir already holds it): `--documents` consistent random
disclosures (`samplegen.random_disclosure`, seeds 0…N-1) loaded through the real warehouse store
(`warehouse.store.load_disclosure`), spread over ten budget years and 100 unit codes per year so
that every one is a current partition. Extraction is skipped: each spec becomes the Disclosure its
rendered PDF extracts to (`warehouse.reconcile_samples`). One in ten documents gets one planted
arithmetic error, so the run has findings to record and report.
Results go to stdout and to benchmarks/results/reconcile.json (with the peak memory of the
process, and the machine's load average: the box is shared, timings move with it).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from disclosure.model import Cell, Disclosure  # noqa: E402
from reconcile.report import write_report  # noqa: E402
from reconcile.runs import reconcile_warehouse  # noqa: E402
from samplegen.disclosures import spec_doc_id, spec_to_disclosure  # noqa: E402
from samplegen.random_disclosure import random_disclosure  # noqa: E402
from warehouse import store  # noqa: E402
from warehouse.documents import Document  # noqa: E402
from warehouse.settings import WarehouseSettings  # noqa: E402

TARGET_S = 10.0
YEARS = range(2015, 2025)


def build(settings: WarehouseSettings, documents: int) -> None:
    marker = settings.data_dir / f".benchmark-{documents}"
    if marker.exists():
        print(f"setup: reusing {settings.data_dir} ({documents} documents)")
        return
    started = time.perf_counter()
    rng = random.Random(20241)
    for i in range(documents):
        spec = random_disclosure(i)
        year, unit_code = YEARS[i % len(YEARS)], f"{i // len(YEARS):03d}"
        disclosure = dataclasses.replace(spec_to_disclosure(spec), year=year, unit_code=unit_code)
        if i % 10 == 9:
            disclosure = plant_error(disclosure, rng)
        name = f"{year}_{unit_code}_{spec.unit_name}.pdf"
        document = Document(settings.data_dir / "inbox" / name, spec_doc_id(spec, str(i)), 1)
        store.load_disclosure(settings, document, disclosure)
        if (i + 1) % 100 == 0:
            print(f"  {i + 1} loaded ({time.perf_counter() - started:.0f} s)", flush=True)
    marker.write_text("built\n")
    print(f"setup: {documents} documents loaded in {time.perf_counter() - started:.1f} s")


def plant_error(disclosure: Disclosure, rng: random.Random) -> Disclosure:
    """The same disclosure with one printed amount off by a few cents to a few thousand 万元."""
    tables = [t for t in disclosure.tables if any(c.amount is not None for c in t.cells)]
    table = rng.choice(tables)
    cells = [c for c in table.cells if c.amount is not None]
    target = rng.choice(cells)
    delta = Decimal(rng.choice((1, 10, 100, 12345))).scaleb(-2)
    changed = dataclasses.replace(target, amount=target.amount + delta)
    new_cells: list[Cell] = [changed if c is target else c for c in table.cells]
    new_tables = [
        dataclasses.replace(t, cells=new_cells) if t is table else t for t in disclosure.tables
    ]
    return dataclasses.replace(disclosure, tables=new_tables)


def in_process(settings: WarehouseSettings) -> tuple[float, float, dict[str, object]]:
    started = time.perf_counter()
    run = reconcile_warehouse(settings)
    reconciled = time.perf_counter() - started
    write_report(settings, run)
    total = time.perf_counter() - started
    return reconciled, total, {"run_id": run.run_id, "headline": run.headline, **run.counts()}


def cli_seconds(data_dir: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "flows.reconcile", "--data-dir", str(data_dir)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"flows.reconcile failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work-dir", type=Path, help="keep the built warehouse here")
    parser.add_argument("--cli", action="store_true", help="also time python -m flows.reconcile")
    args = parser.parse_args()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="bench-reconcile-"))
    settings = WarehouseSettings(work / "data")
    build(settings, args.documents)

    runs = [in_process(settings) for _ in range(args.repeat)]
    reconcile_s = [round(r[0], 2) for r in runs]
    with_report_s = [round(r[1], 2) for r in runs]
    best = min(with_report_s)
    results: dict[str, object] = {
        "documents": args.documents,
        "repeat": args.repeat,
        "reconcile_s": reconcile_s,
        "reconcile_and_report_s": with_report_s,
        "median_s": round(statistics.median(with_report_s), 2),
        "target_s": TARGET_S,
        "ratio_to_target": round(best / TARGET_S, 3),
        "last_run": runs[-1][2],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    if args.cli:
        env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
        results["cli_s"] = round(cli_seconds(settings.data_dir, env), 2)
    print(json.dumps(results, ensure_ascii=False, indent=2))
    out = REPO / "benchmarks" / "results" / "reconcile.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
