"""The Great Expectations gate (`expectations.gate`), its suites, frames and Data Docs."""

from expectations.lazy_scipy import defer_scipy_stats

defer_scipy_stats()  # before any module here imports Great Expectations
