"""A data directory to browse, and the site serving it on a free loopback port (uvicorn in a
thread, the server `budget serve` runs).

The data: the seed disclosure (湖南省信访局 2024); 中共江苏省委办公厅's real tables of 2017 and
2018 (printed under two names); a 2023 disclosure of the seed's unit whose file is named
`<img src=x onerror=…>.pdf` and whose cells print markup and spreadsheet formulas; and a file
quarantined as not a PDF (what an inbox symlink to /etc/passwd leaves in raw/). Reconciled, with
its report written.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from budget.serve import bind, server
from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from reconcile.report import write_report
from reconcile.runs import reconcile_warehouse
from samplegen.hunan_xinfang_2024 import spec as seed_spec
from samplegen.national_disclosure import national_disclosure
from samplegen.render import render_disclosure
from tests.conftest import HUNAN_2024
from tests.crafted import CELL_MARKUP, FORMULAS, MARKUP_FILE_NAME, with_texts
from tests.real_files import BUNDLED
from warehouse import store
from warehouse.documents import Document
from warehouse.raw import keep_raw, sha256_of
from warehouse.settings import WarehouseSettings

JIANGSU = (
    BUNDLED / "jiangsu" / "江苏省委办公厅__江苏省委办公厅2017年预算公开表格.pdf",
    BUNDLED / "jiangsu" / "江苏省委办公厅__江苏省委办公厅2018年度部门预算公开表.pdf",
)
NOT_A_PDF = b"root:x:0:0:root:/root:/bin/bash\n"


def keep_and_load(settings: WarehouseSettings, path: Path, disclosure: Disclosure) -> Document:
    """As an ingest does: the file kept in raw/ by its sha256, then its tables loaded."""
    document = Document(path, sha256_of(path), path.stat().st_size)
    document = dataclasses.replace(document, kept_at=keep_raw(path, document.sha256, settings))
    store.load_disclosure(settings, document, disclosure)
    return document


@pytest.fixture(scope="package")
def site_data(
    tmp_path_factory: pytest.TempPathFactory,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> WarehouseSettings:
    folder = tmp_path_factory.mktemp("site")
    settings = WarehouseSettings(folder / "data")
    keep_and_load(settings, sample_pdfs[HUNAN_2024], sample_disclosures[HUNAN_2024])
    for path in JIANGSU:
        keep_and_load(settings, path, extract_disclosure(path))
    city = national_disclosure(4)  # a city's body, printed in the national standard tables
    render_disclosure(city, folder / city.file_name)
    keep_and_load(settings, folder / city.file_name, extract_disclosure(folder / city.file_name))
    crafted = folder / MARKUP_FILE_NAME
    render_disclosure(
        with_texts(
            (CELL_MARKUP, *FORMULAS[:1], FORMULAS[2]), dataclasses.replace(seed_spec(), year=2023)
        ),
        crafted,
    )
    keep_and_load(settings, crafted, extract_disclosure(crafted))
    passwd = folder / "passwd.pdf"
    passwd.write_bytes(NOT_A_PDF)
    document = Document(passwd, sha256_of(passwd), passwd.stat().st_size)
    keep_raw(passwd, document.sha256, settings)
    store.quarantine_document(settings, document, "not_a_pdf", f"{passwd}: not a PDF")
    write_report(settings, reconcile_warehouse(settings))
    return settings


class Site:
    """A running site: its base URL, and the data directory it serves."""

    def __init__(self, url: str, settings: WarehouseSettings) -> None:
        self.url = url
        self.settings = settings
        self.port = int(url.rstrip("/").rsplit(":", 1)[1])


def start_site(settings: WarehouseSettings, read_wait_s: float = 10.0) -> Iterator[Site]:
    bound = bind("127.0.0.1", 0)
    running = server(settings, bound, access_log=False, read_wait_s=read_wait_s)
    thread = threading.Thread(
        target=running.run, kwargs={"sockets": [bound.sock]}, name="site", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the site did not start"
    try:
        yield Site(bound.url, settings)
    finally:
        running.should_exit = True
        thread.join(timeout=15)
        bound.sock.close()


@pytest.fixture(scope="package")
def site(site_data: WarehouseSettings) -> Iterator[Site]:
    yield from start_site(site_data)
