"""SciPy's statistics, loaded only if something uses them.

Great Expectations imports `scipy.stats` when it is imported (for one expectation, the
Kullback–Leibler divergence of a column, which no suite here uses): 1.3 s of CPU, on the path
of every command that validates — before an ingest can start its first extraction, and most of
a run with nothing new. Registered as a lazy module first (the standard library's
`importlib.util.LazyLoader`), `scipy.stats` is imported by name and loaded the first time one
of its attributes is read, if ever.
"""

from __future__ import annotations

import importlib.util
import sys

NAME = "scipy.stats"


def defer_scipy_stats() -> None:
    """Register `scipy.stats` as a module loaded on first use (nothing when it is loaded
    already or not installed)."""
    if NAME in sys.modules:
        return
    spec = importlib.util.find_spec(NAME)  # imports `scipy` itself (15 ms), not its stats
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[NAME] = module
    loader.exec_module(module)
    # `from scipy import stats` finds it on the package, so the import machinery never reads
    # an attribute of it (which would load it: Python 3.11's import checks `__spec__`).
    sys.modules["scipy"].stats = module  # type: ignore[attr-defined]
