"""runtime.collector: a flow command works with its imports frozen and the collector on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_a_flow_command_runs_with_its_imports_frozen_and_the_collector_on() -> None:
    # The collector is paused while the flow is imported; `settle` must turn it back on, or a
    # long ingest would keep every reference cycle it makes.
    probe = (
        "import gc\n"
        "from runtime import collector\n"
        "collector.pause()\n"
        "import budget.cli\n"
        "collector.settle()\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 1000, gc.get_threshold()[2])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert done.stdout.split() == ["True", "True", "50"], done.stderr
