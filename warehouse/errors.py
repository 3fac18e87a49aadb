"""Failures that are not bugs: the warehouse cannot be used now, and the message says why and
what to do, in one line.

- `WarehouseBusy` (`warehouse.lock`): another writer, or an analyst's open DuckDB session, held
  the warehouse longer than the run was willing to wait;
- `WarehouseOutdated` / `WarehouseTooNew` (`warehouse.version`): `warehouse.duckdb` holds an
  older layout than this code writes (`budget upgrade` brings it up to date), or a newer one;
- `NoSpace` (`warehouse.space`): a write found its disk full; what was written before is whole.

A command prints such a failure as that one line, and a run's log records it without the
traceback (`tasks.failures`): the traceback would say nothing the line does not.
"""

from __future__ import annotations


class WarehouseError(RuntimeError):
    """The run cannot go on; the message says why and what to do, in one line."""
