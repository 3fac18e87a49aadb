"""Where a command leaves cores idle: the machine's CPU utilisation, second by second, while the
command runs (from /proc/stat, so every process counts, the command's and any other's).

    .venv/bin/python benchmarks/utilisation.py -- .venv/bin/python -m flows.ingest \\
        --source benchmarks/results/work/corpus-13 --data-dir /tmp/u

Prints one figure per second (percent of all cores busy), then the idle core-seconds: on the
ingest this showed one core idle for ~3 s while Prefect's temporary server finished booting
alone, and ~4 core-seconds idle after the last extraction (docs/performance.md). The command's
output goes to `--log` (default: a temporary file, named at the end). Linux only; a benchmark
aid, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time


def _busy_and_total() -> tuple[int, int]:
    """Jiffies spent busy and in all, over every core, since boot."""
    with open("/proc/stat") as stat:
        fields = [int(x) for x in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return sum(fields) - idle, sum(fields)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--log", help="where the command's output goes")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND [ARG ...]")
    arguments = parser.parse_args()
    command = [a for a in arguments.command if a != "--"] if arguments.command else []
    if not command:
        parser.error("give the command to run after --")
    log = arguments.log or tempfile.mkstemp(prefix="utilisation-", suffix=".log")[1]
    cores = os.cpu_count() or 1
    started = time.monotonic()
    with open(log, "w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        before = _busy_and_total()
        busy: list[float] = []
        while process.poll() is None:
            time.sleep(1)
            now = _busy_and_total()
            total = now[1] - before[1]
            busy.append((now[0] - before[0]) / total if total else 0.0)
            before = now
    wall = time.monotonic() - started
    print(f"{' '.join(f'{round(b * 100):3d}' for b in busy)}")
    idle = sum((1 - b) * cores for b in busy)
    print(f"wall {wall:.1f} s on {cores} cores; idle {idle:.1f} core-seconds")
    print(f"exit code {process.returncode}; its output: {log}")


if __name__ == "__main__":
    main()
