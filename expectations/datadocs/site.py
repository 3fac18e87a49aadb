"""The Data Docs site on disk: built aside, moved into `docs/` whole, and known to be complete.

Great Expectations writes a site page by page, and a run stopped midway — a full disk, a kill —
would leave some pages and no index. So the gate builds the site in a folder of its own under
the data directory's `.staging/` (named for the building process: a dead builder's is swept),
makes it render offline (`expectations.datadocs`), lists every file with its size in
`MANIFEST` together with a fingerprint of the validation results it shows, and only then moves
it into place: the previous site is renamed aside, the new one renamed in, the previous one
removed. A site without its manifest, missing a file the manifest lists, or built from other
results than those kept now is not current (`site_current`), and the next run rebuilds it from
the validation results it keeps (`expectations.gate`) — also a run that validated nothing new.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from pathlib import Path

MANIFEST = "manifest.json"  # inside the site: every other file, with its size in bytes


def staged_site(staging_dir: Path) -> Path:
    """A fresh folder name to build a site in (not created: the builder creates it)."""
    return staging_dir / f"{os.getpid()}-{uuid.uuid4().hex}-docs"


def results_fingerprint(results: Path) -> str:
    """What the kept validation results are: every result file, its size and its time ('' when
    there is none)."""
    files = sorted(results.rglob("*.json")) if results.is_dir() else []
    if not files:
        return ""
    listing = [
        (p.relative_to(results).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in files
    ]
    return hashlib.sha256(json.dumps(listing).encode()).hexdigest()


def _files(site: Path) -> dict[str, int]:
    return {
        path.relative_to(site).as_posix(): path.stat().st_size
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.name != MANIFEST
    }


def site_current(site: Path, results: str) -> bool:
    """Whether `site` shows the `results` (a `results_fingerprint`) and holds every file its
    manifest lists, each of its size."""
    try:
        manifest = json.loads((site / MANIFEST).read_text("utf-8"))
        files: dict[str, int] = manifest["files"]
        return manifest["results"] == results and all(
            (site / name).stat().st_size == size for name, size in files.items()
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def publish_site(staged: Path, site: Path, results: str) -> Path:
    """List the staged site's files in its manifest, then move it into place as `site`."""
    manifest = {"results": results, "files": _files(staged)}
    (staged / MANIFEST).write_text(json.dumps(manifest, indent=0), "utf-8")
    previous = staged.with_name(staged.name + "-previous")
    if site.exists():
        os.rename(site, previous)
    os.rename(staged, site)
    shutil.rmtree(previous, ignore_errors=True)
    return site / "index.html"
