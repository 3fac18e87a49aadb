"""`python -m flows.ingest …` is the `budget ingest …` command: the module, run as a script,
hands its process over to the command line before importing anything of its own.

The flows sit beneath the command line and import nothing of it: the process is replaced
(`os.execv`, the same process id, so a supervisor's signals still reach it) by
`python -m budget ingest …` with the same arguments, under the name the person typed.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

# How the replaced process learns the name the person typed (`python -m flows.ingest`); the
# command line reads and removes it (`budget.cli.main`).
PROG_NAME_VARIABLE = "BUDGET_PROG_NAME"


def run_as_command(command: str, module: str) -> NoReturn:
    """Become `budget COMMAND` with this process's arguments, named `python -m MODULE`."""
    os.environ[PROG_NAME_VARIABLE] = f"python -m {module}"
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "budget", command, *sys.argv[1:]])
