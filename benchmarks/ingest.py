"""Benchmark: the whole ingest, `python -m flows.ingest`, against a naive pdfplumber loop over the
same PDFs, in the same run.

    .venv/bin/python benchmarks/ingest.py [--seed 13] [--pages 1000] [--rounds 2] [--work-dir DIR]

The corpus is generated once per seed into `<work-dir>/corpus-<seed>/` (default work dir:
`benchmarks/results/work/`): one disclosure per department and year — the generator's 11
departments over 2024, 2023, 2022 — until there are 24 and at least `--pages` pages; each with
its own random budget and layout (`samplegen.random_disclosure`: margins, fonts, tables sharing
pages or not, repeated titles and headers, explicit column widths), about half with long
subject tables. A seed you have not used is a corpus nobody has seen.

Each round runs, interleaved so that machine noise hits both alike:
- the naive loop, in a fresh process: `pdfplumber.open`, `page.extract_tables()`,
  `page.close()` for every page of every PDF, one process, one core;
- the ingest, as a person runs it: `python -m flows.ingest --source CORPUS --data-dir FRESH`,
  with Prefect's temporary local API (start-up included), its default workers (one child per
  core) and limits.
Reported: median wall time of each, their ratio and pages/s; the CPU time of each with every
process under it, and that ratio (steadier than wall time on a shared machine); peak RSS of the
flow process (VmHWM, sampled) and of each extraction child (from the run's log: `peak N MB`),
and which parser read each document. Then, once: the ingest again with BUDGET_PARSER=pdfminer
into its own warehouse, every loaded cell of which (text, amount, page, box) must equal the
last round's; and, on the last round's warehouse: the no-op rerun (the same command again),
`python -m flows.reconcile`, and a nightly no-op (`python -m flows.nightly`: nothing new, so
reconciliation is skipped).

Prefect's home is `<work-dir>/prefect-home`, warmed by one untimed ingest of one sample
disclosure (a first-ever run also creates Prefect's database; and the first round would
otherwise be the first process to read the validation and loading code from disk). The
machine — cores, CPU, load average before and after, what else used the CPU — is printed with
the figures, and all of it goes to `benchmarks/results/ingest.json`; each ingest's log to
`<work-dir>/ingest-N.log`. A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
YEARS = (2024, 2023, 2022)
DOCUMENTS = 24
TARGETS = {"ratio": 0.35, "ratio_goal": 0.25, "flow_peak_mb": 600, "child_peak_mb": 300}


def build_corpus(folder: Path, seed: int, pages: int) -> tuple[list[Path], int]:
    """Disclosures of `seed`, one per department-year: 24, and more if needed for `pages`."""
    sys.path.insert(0, str(REPO))
    from samplegen.budget import load_catalog
    from samplegen.random_disclosure import disclosure_from_budget, draw_budget
    from samplegen.render import render_disclosure

    manifest = folder / "manifest.json"
    if manifest.is_file():
        known = json.loads(manifest.read_text())
        return [folder / name for name in known["files"]], known["pages"]
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    departments = load_catalog().departments
    combos = [(d, y) for y in YEARS for d in departments]
    files, total = [], 0
    for i, (department, year) in enumerate(combos):
        if i >= DOCUMENTS and total >= pages:
            break
        long = rng.random() < 0.6
        budget = draw_budget(random.Random(f"{seed}:{i}"), long_tables=long, department=department)
        spec = disclosure_from_budget(budget, f"{seed}:{i}", long_tables=long)
        spec = dataclasses.replace(spec, year=year)
        path = folder / f"{year}_{spec.unit_code}_{spec.unit_name}.pdf"
        total += render_disclosure(spec, path).page_count
        files.append(path)
    manifest.write_text(json.dumps({"files": [p.name for p in files], "pages": total}))
    return files, total


def naive(folder: Path) -> None:
    """Run in a child process: the naive loop over every PDF of `folder`."""
    import pdfplumber

    pages = 0
    for path in sorted(folder.glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.close()
                pages += 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"pages": pages, "peak_mb": peak}))


class Sampler:
    """VmHWM (peak resident memory) of a running process, read every 0.2 s until it ends."""

    def __init__(self, pid: int) -> None:
        self.peak_kb = 0
        self._pid = pid
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        status = Path(f"/proc/{self._pid}/status")
        while True:
            try:
                text = status.read_text()
            except OSError:
                return
            found = re.search(r"VmHWM:\s+(\d+) kB", text)
            if found is None:  # a zombie: done
                return
            self.peak_kb = max(self.peak_kb, int(found.group(1)))
            time.sleep(0.2)

    def join(self) -> float:
        self._thread.join()
        return self.peak_kb / 1024


def timed(command: list[str], env: dict[str, str]) -> dict:
    """Run `command`; its wall time, exit code, output, its own peak RSS (MB), and the CPU time
    of it and every process under it (each reaps its own: the pool's workers, their children,
    Prefect's temporary server)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    sampler = Sampler(process.pid)
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "seconds": seconds,
        "cpu_s": cpu,
        "code": process.returncode,
        "output": output,
        "peak_mb": sampler.join(),
    }


def flow(name: str, *arguments: str) -> list[str]:
    return [sys.executable, "-m", f"flows.{name}", *arguments]


def child_peaks(output: str) -> list[float]:
    """Each extraction child's peak RSS, from the run's log lines (`…, peak 38 MB)`)."""
    return [float(m) for m in re.findall(r"pages (?:by \w+ )?in [\d.]+ s, peak (\d+) MB\)", output)]


def parsers_used(output: str) -> dict[str, int]:
    """How many documents each parser read (`… pages by playa in …`), from the run's log."""
    used: dict[str, int] = {}
    for name in re.findall(r"pages by (\w+) in [\d.]+ s", output):
        used[name] = used.get(name, 0) + 1
    return used


def different_cells(one: Path, other: Path) -> int:
    """Cells of the warehouse in `one` that the one in `other` does not hold, and the other way
    round: every loaded cell's document, table, row, column, text and amount compared."""
    import duckdb

    columns = (
        "doc_id, table_no, page_no, row_no, column_no, text, amount, "
        "bbox_x0, bbox_top, bbox_x1, bbox_bottom"
    )
    con = duckdb.connect()
    scans = [
        f"SELECT {columns} FROM read_parquet('{d}/parquet/budget_cells/**/*.parquet')"
        for d in (one, other)
    ]
    found = con.execute(
        f"SELECT count(*) FROM (({scans[0]} EXCEPT ALL {scans[1]}) "
        f"UNION ALL ({scans[1]} EXCEPT ALL {scans[0]}))"
    ).fetchall()[0][0]
    total = con.execute(f"SELECT count(*) FROM ({scans[0]})").fetchall()[0][0]
    con.close()
    return int(found) if total else -1


def machine() -> dict:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cores": len(os.sched_getaffinity(0)),
        "cpu": model,
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "kernel": platform.release(),
    }


def busy_processes() -> list[str]:
    """Other processes using CPU now (ps), to say what else was running."""
    out = subprocess.run(
        ["ps", "-eo", "pcpu,comm", "--sort=-pcpu", "--no-headers"],
        capture_output=True,
        text=True,
    ).stdout
    rows = [line.split(None, 1) for line in out.splitlines() if line.strip()]
    return [f"{c.strip()} {cpu}%" for cpu, c in rows[:8] if float(cpu) >= 5.0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--work-dir", type=Path, default=RESULTS / "work")
    parser.add_argument("--naive", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.naive:
        naive(args.naive)
        return

    work = args.work_dir.resolve()
    corpus = work / f"corpus-{args.seed}"
    files, pages = build_corpus(corpus, args.seed, args.pages)
    print(f"corpus: {len(files)} disclosures, {pages} pages ({corpus})", flush=True)
    env = os.environ | {
        "PREFECT_HOME": str(work / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        # a loaded machine can take minutes to boot Prefect's temporary server: wait, not fail
        "BUDGET_PREFECT_START_TIMEOUT_S": os.environ.get("BUDGET_PREFECT_START_TIMEOUT_S", "900"),
    }
    empty = work / "empty"
    empty.mkdir(parents=True, exist_ok=True)
    # Untimed: one sample disclosure ingested end to end, so that the first timed round is not
    # the first process to read the validation and loading code from disk (an empty folder
    # validates and loads nothing), nor the first task runs in Prefect's database.
    warm_source = work / "warm-source"
    warm_source.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "samples" / "2024_010_湖南省信访局.pdf", warm_source)
    subprocess.run(["rm", "-rf", str(work / "warm-data")], check=True)
    timed(flow("ingest", "--source", str(warm_source), "--data-dir", str(work / "warm-data")), env)

    load_before = os.getloadavg()
    busy_before = busy_processes()
    rounds = []
    for number in range(args.rounds):
        plain = timed([sys.executable, __file__, "--naive", str(corpus)], env)
        data_dir = work / f"data-{number}"
        subprocess.run(["rm", "-rf", str(data_dir)], check=True)
        run = timed(flow("ingest", "--source", str(corpus), "--data-dir", str(data_dir)), env)
        # Each run's log, timestamped line by line: where a slower round spent its time.
        (work / f"ingest-{number}.log").write_text(run["output"])
        if run["code"] != 0:
            raise SystemExit(f"ingest failed ({run['code']}):\n{run['output'][-4000:]}")
        headline = next(line for line in run["output"].splitlines() if line.startswith("ingest:"))
        children = child_peaks(run["output"])
        rounds.append(
            {
                "naive_s": round(plain["seconds"], 2),
                "ingest_s": round(run["seconds"], 2),
                "ratio": round(run["seconds"] / plain["seconds"], 3),
                "naive_cpu_s": round(plain["cpu_s"], 2),
                "ingest_cpu_s": round(run["cpu_s"], 2),
                "cpu_ratio": round(run["cpu_s"] / plain["cpu_s"], 3),
                "flow_peak_mb": round(run["peak_mb"]),
                "child_peak_mb_max": max(children, default=0),
                "child_peak_mb_median": statistics.median(children) if children else 0,
                "children": len(children),
                "parsers": parsers_used(run["output"]),
                "summary": headline,
            }
        )
        print(json.dumps(rounds[-1], ensure_ascii=False), flush=True)

    last = work / f"data-{args.rounds - 1}"
    # The same corpus read by pdfminer alone: every loaded cell must be the same.
    by_pdfminer = work / "data-pdfminer"
    subprocess.run(["rm", "-rf", str(by_pdfminer)], check=True)
    pdfminer_run = timed(
        flow("ingest", "--source", str(corpus), "--data-dir", str(by_pdfminer)),
        env | {"BUDGET_PARSER": "pdfminer"},
    )
    cells_differing = different_cells(last, by_pdfminer) if pdfminer_run["code"] == 0 else -1
    noop = timed(flow("ingest", "--source", str(corpus), "--data-dir", str(last)), env)
    reconcile = timed(flow("reconcile", "--data-dir", str(last)), env)
    nightly = timed(flow("nightly", "--source", str(corpus), "--data-dir", str(last)), env)
    startup = timed(flow("ingest", "--source", str(empty), "--data-dir", str(work / "warm")), env)

    naive_s = statistics.median(r["naive_s"] for r in rounds)
    ingest_s = statistics.median(r["ingest_s"] for r in rounds)
    result = {
        "corpus": {"seed": args.seed, "documents": len(files), "pages": pages},
        "machine": machine(),
        "load_average": {"before": load_before, "after": os.getloadavg()},
        "busy_before": busy_before,
        "busy_after": busy_processes(),
        "rounds": rounds,
        "naive_s": naive_s,
        "ingest_s": ingest_s,
        "ratio": round(ingest_s / naive_s, 3),
        "cpu_ratio": statistics.median(r["cpu_ratio"] for r in rounds),
        "pdfminer_ingest_s": round(pdfminer_run["seconds"], 2),
        "cells_differing_from_pdfminer": cells_differing,
        "naive_pages_per_s": round(pages / naive_s, 1),
        "ingest_pages_per_s": round(pages / ingest_s, 1),
        "flow_peak_mb": max(r["flow_peak_mb"] for r in rounds),
        "child_peak_mb": max(r["child_peak_mb_max"] for r in rounds),
        "noop_rerun_s": round(noop["seconds"], 2),
        "startup_empty_s": round(startup["seconds"], 2),
        "reconcile_s": round(reconcile["seconds"], 2),
        "nightly_noop_s": round(nightly["seconds"], 2),
        "nightly_noop_skipped_reconcile": "reconcile: skipped, nothing changed"
        in nightly["output"],
        "targets": TARGETS,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ingest.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print()
    print(f"{len(files)} disclosures, {pages} pages; {result['machine']}")
    print(f"load average before {load_before}, after {result['load_average']['after']}")
    print(f"naive loop  {naive_s:7.2f} s  {result['naive_pages_per_s']:6.1f} pages/s")
    print(
        f"ingest      {ingest_s:7.2f} s  {result['ingest_pages_per_s']:6.1f} pages/s  "
        f"ratio {result['ratio']:.2f} (target <= {TARGETS['ratio']}, "
        f"goal {TARGETS['ratio_goal']})"
    )
    print(
        f"CPU seconds, every process of each: ingest / naive loop {result['cpu_ratio']:.2f} "
        f"(the ingest spreads them over {result['machine']['cores']} cores)"
    )
    print(
        f"ingest with BUDGET_PARSER=pdfminer {result['pdfminer_ingest_s']:.2f} s; cells "
        f"differing from it: {cells_differing} (-1: that ingest failed or loaded nothing)"
    )
    print(
        f"peak RSS: flow {result['flow_peak_mb']} MB (target <= {TARGETS['flow_peak_mb']}), "
        f"child {result['child_peak_mb']:.0f} MB (target <= {TARGETS['child_peak_mb']})"
    )
    print(
        f"no-op rerun {result['noop_rerun_s']} s (start-up alone {result['startup_empty_s']} s); "
        f"reconcile {result['reconcile_s']} s; nightly no-op {result['nightly_noop_s']} s "
        f"(reconcile skipped: {result['nightly_noop_skipped_reconcile']})"
    )


if __name__ == "__main__":
    main()
