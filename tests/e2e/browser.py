"""Screenshots of the Prefect UI with headless Chromium (Debian's `chromium` package)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def chromium() -> str:
    """The browser; in CI its absence is a failure (scripts/setup --dev installs it)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is missing: scripts/setup --dev installs Debian's chromium")
    pytest.skip("chromium is not installed (apt-get install chromium)")


def screenshot(url: str, target: Path, *, budget_ms: int = 20_000, timeout_s: float = 90) -> Path:
    """Load `url` in a fresh headless profile and save what it shows as a PNG."""
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        subprocess.run(
            [
                chromium(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                # Lets the single-page app fetch from the API and render before the shot.
                f"--virtual-time-budget={budget_ms}",
                "--window-size=1400,900",
                f"--screenshot={target}",
                url,
            ],
            check=True,
            capture_output=True,
            timeout=timeout_s,
        )
    return target


def dump_dom(url: str, *, offline: bool = False, budget_ms: int = 10_000) -> str:
    """The page's DOM once its scripts ran, from headless Chromium; `offline`: every host but
    127.0.0.1 is unresolvable, so nothing can be fetched beyond this machine."""
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        done = subprocess.run(
            [
                chromium(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                *(["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"] if offline else []),
                f"--virtual-time-budget={budget_ms}",
                "--dump-dom",
                url,
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
    return done.stdout
