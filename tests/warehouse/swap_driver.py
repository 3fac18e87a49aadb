"""Move a rebuilt warehouse into place (`warehouse.swap.finish_swap`) in a process that kills
itself with SIGKILL just before its N-th rename, so that tests can stop the move at every step.

    python -m tests.warehouse.swap_driver DATA_DIR N
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from warehouse.settings import WarehouseSettings
from warehouse.swap import finish_swap


def main() -> None:
    data_dir, kill_at = Path(sys.argv[1]), int(sys.argv[2])
    real = os.rename
    calls = 0

    def rename(src: Any, dst: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        real(src, dst)

    os.rename = rename  # type: ignore[assignment]
    finish_swap(WarehouseSettings(data_dir))
    print(f"renames: {calls}")


if __name__ == "__main__":
    main()
