"""Session-wide test setup: a private Prefect home, and one Prefect test server for flow tests.

Prefect reads its settings when it is first imported, so the environment is set here, before
any test module imports it. Subprocesses started by tests inherit the same environment.
"""

from __future__ import annotations

import atexit
import dataclasses
import fcntl
import multiprocessing
import os
import pickle
import random
import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest

from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from samplegen.hunan_xinfang_2024 import spec as seed_spec
from samplegen.random_disclosure import random_disclosure
from samplegen.render import render_disclosure
from samplegen.spec import DisclosureSpec, TableSpec
from samplegen.variants import vary_disclosure

T = TypeVar("T")

os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="prefect-home-")
atexit.register(shutil.rmtree, os.environ["PREFECT_HOME"], ignore_errors=True)
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("DO_NOT_TRACK", "1")


HARNESS_START_TIMEOUT_S = 300


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect API for the whole session (~10 s to start, so started once)."""
    from prefect.testing.utilities import prefect_test_harness

    # Prefect waits 30 s for it; on two cores busy with the rest of the suite (the other
    # worker rendering the variant corpus) it has taken longer, failing every test beside it.
    with prefect_test_harness(server_startup_timeout=HARNESS_START_TIMEOUT_S):
        yield


# --- sample disclosures, rendered once per session ------------------------------------------

HUNAN_2024 = "2024_010_湖南省信访局.pdf"
HUNAN_2023 = "2023_010_湖南省信访局.pdf"
REISSUE_2024 = "2024_010_湖南省信访局（更正）.pdf"


def corrected(spec: DisclosureSpec) -> DisclosureSpec:
    """A re-issue of the same unit and year: 三公 reception cost 14.00 → 12.00 (total 69.00)."""
    fix = {Decimal("14.00"): Decimal("12.00"), Decimal("71.00"): Decimal("69.00")}

    def fixed(table: TableSpec) -> TableSpec:
        if table.code != "14":
            return table
        rows = tuple(
            dataclasses.replace(row, values=tuple(fix.get(v, v) for v in row.values))  # type: ignore[arg-type]
            for row in table.rows
        )
        return dataclasses.replace(table, rows=rows)

    return dataclasses.replace(spec, tables=tuple(fixed(t) for t in spec.tables))


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Real PDFs by file name: the 2024 seed, the same unit in 2023, and a 2024 re-issue."""
    seed = seed_spec()
    specs = {
        HUNAN_2024: seed,
        HUNAN_2023: dataclasses.replace(seed, year=2023),
        REISSUE_2024: corrected(seed),
    }
    folder = tmp_path_factory.mktemp("samples")
    for name, spec in specs.items():
        render_disclosure(spec, folder / name)
    return {name: folder / name for name in specs}


@pytest.fixture(scope="session")
def sample_disclosures(sample_pdfs: dict[str, Path]) -> dict[str, Disclosure]:
    return {name: extract_disclosure(path) for name, path in sample_pdfs.items()}


@pytest.fixture
def make_inbox(tmp_path: Path, sample_pdfs: dict[str, Path]) -> Callable[..., Path]:
    """An inbox folder holding copies of the named samples (or raw bytes), oldest first.

    Arguments are sample names, or (file name, bytes) pairs for hand-made inputs. Each file's
    mtime is one minute after the previous one, which is the order a run takes them in.
    """
    counter = iter(range(1, 1000))

    def make(*items: str | tuple[str, bytes], folder: str = "inbox") -> Path:
        inbox = tmp_path / folder
        inbox.mkdir(exist_ok=True)
        for item in items:
            name, data = item if isinstance(item, tuple) else (item, sample_pdfs[item].read_bytes())
            path = inbox / name
            path.write_bytes(data)
            stamp = 1_700_000_000 + 60 * next(counter)
            os.utime(path, (stamp, stamp))
        return inbox

    return make


# --- disclosures as other printing software prints them -------------------------------------

VARIANT_SEEDS = int(os.environ.get("BUDGET_PROPERTY_SEEDS", "300"))
ALL_TABLES = [f"{n:02d}" for n in range(1, 24)]


@dataclasses.dataclass(frozen=True)
class Variant:
    seed: int
    spec: DisclosureSpec
    disclosure: Disclosure


def variant_spec(seed: int) -> DisclosureSpec:
    """A consistent random disclosure, printed as other software would (samplegen.variants):
    every fifth seed prints all 23 tables, the others 3–7 of them; every tenth has long tables."""
    rng = random.Random(f"tables-{seed}")
    tables = None if seed % 5 == 0 else sorted(rng.sample(ALL_TABLES, rng.randint(3, 7)))
    spec = random_disclosure(seed, tables=tables, long_tables=seed % 10 == 0)
    return vary_disclosure(spec, seed)


def _render_and_extract(seed: int, folder: Path) -> Variant:
    spec = variant_spec(seed)
    path = folder / f"{seed}.pdf"
    render_disclosure(spec, path)
    variant = Variant(seed, spec, extract_disclosure(path))
    path.unlink()
    return variant


def _render_variants(folder: Path) -> list[Variant]:
    workers = max(1, min(4, os.cpu_count() or 1))
    if workers == 1:
        return [_render_and_extract(seed, folder) for seed in range(VARIANT_SEEDS)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return list(pool.map(_render_and_extract, range(VARIANT_SEEDS), [folder] * VARIANT_SEEDS))


@pytest.fixture(scope="session")
def variant_disclosures(tmp_path_factory: pytest.TempPathFactory) -> list[Variant]:
    """VARIANT_SEEDS variant disclosures, rendered to PDF and extracted once per test run, on
    every core: each is its own document, so the order of the work changes nothing. Under
    pytest-xdist the first worker to ask renders them and the others read its result."""
    return shared_by_workers(tmp_path_factory, "variants", _render_variants)


def shared_by_workers(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], T]
) -> T:
    """`build(folder)` once for the whole run, however many xdist workers ask for it.

    Every worker's base temp folder sits in one run folder; the first worker to take the lock
    there builds and pickles the result, and the others wait on the lock and unpickle it.
    """
    base = tmp_path_factory.getbasetemp()
    run = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    stored = run / f"{name}.pickle"
    with open(run / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stored.exists():
            return pickle.loads(stored.read_bytes())
        result = build(tmp_path_factory.mktemp(name))
        partial = stored.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(result))
        partial.replace(stored)
        return result


@pytest.fixture(scope="session")
def bomb_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~1 MB on disk, a page content stream of 1 GiB of zeros (tests.hostile.flate_bomb)."""
    from tests.hostile import flate_bomb

    return flate_bomb(tmp_path_factory.mktemp("bomb") / "炸弹.pdf")
