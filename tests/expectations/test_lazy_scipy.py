"""Great Expectations is imported without loading SciPy's statistics, which no suite here uses;
they load, whole, the first time anything reads them."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import expectations.gate  # imports Great Expectations
before = sorted(m for m in sys.modules if m.startswith("scipy.stats."))
from scipy import stats
from great_expectations.expectations.core import expect_column_kl_divergence_to_be_less_than
print(len(before), stats.norm.cdf(0.0), expect_column_kl_divergence_to_be_less_than.stats is stats)
print("scipy.stats._stats_py" in sys.modules)
"""


def test_gx_imports_without_scipy_stats_and_they_load_on_first_use() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "0.5", "True", "True"]
