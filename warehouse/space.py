"""A full disk: the run ends with one line naming the file it could not write, and nothing is lost.

Nothing is lost because every write is whole or absent: files are written aside and renamed
into place (`warehouse.staging`), a load commits its ledger row only after its cells are on
disk, Data Docs are built aside and moved in whole (`expectations.datadocs.site`). What a full
disk stopped is simply done by the next run: a document not recorded is new again; Data Docs
that are missing or incomplete are rebuilt.

`NoSpace` is that one line. Writers that know the path they write raise it themselves
(`writing`); `no_space` recognises a full disk in any other failure (DuckDB's `IO Error: … No
space left on device`, an `OSError` with errno ENOSPC anywhere in the chain) so that the command
line and the run's log can say it in one line too.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from warehouse.errors import WarehouseError

_NO_SPACE = "No space left on device"
_QUOTED_PATH = re.compile(r'"(/[^"]+)"')


class NoSpace(WarehouseError):
    """A write found its disk full."""

    @classmethod
    def at(cls, path: Path | str, within: bool = False) -> NoSpace:
        """`path`: the file (or folder) being written; `within`: a folder it was written in."""
        where = f"in {path}" if within else str(path)
        return cls(
            f"no space left on the device to write {where}: free some space and run again "
            "(nothing is lost: what was not written whole is written by the next run)"
        )


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """Around a write of `path`: a full disk becomes `NoSpace` naming it."""
    try:
        yield
    except OSError as error:
        # shutil.copytree gathers its failures in one `shutil.Error`, with no errno of its own.
        if error.errno == errno.ENOSPC or _NO_SPACE in str(error):
            raise NoSpace.at(path) from error
        raise


def no_space(error: BaseException, folder: Path | None = None) -> NoSpace | None:
    """The `NoSpace` a failure means, when a write found its disk full; None otherwise. A
    write that does not say which file (a stream's `write`) is named by the `folder` it wrote
    in, when the caller knows it (the data directory)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, NoSpace):
            return current
        path: str | None = None
        if isinstance(current, OSError) and current.errno == errno.ENOSPC:
            path = current.filename or ""
        elif _NO_SPACE in str(current):
            quoted = _QUOTED_PATH.search(str(current))
            path = quoted.group(1) if quoted else ""
        if path is not None:
            if path:
                return NoSpace.at(path)
            return NoSpace.at(folder, within=True) if folder else NoSpace.at("a file")
        current = current.__cause__ or current.__context__
    return None
