"""The analyst's site in headless Chromium, the network off: `budget serve` over a warehouse of
the bundled samples and real files (and one file whose name is markup). A person opens the first
page, finds units by name, follows a unit to a disclosure, sees its tables as printed with links
to the PDF's pages, searches by part of a name, downloads a CSV and receives a PDF under its own
name; no link reads as a bare hash, nothing is fetched from elsewhere, no markup runs."""

from __future__ import annotations

import codecs
import dataclasses
import re
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from disclosure.extract import extract_disclosure
from reconcile.report import write_report
from reconcile.runs import reconcile_warehouse
from samplegen.hunan_xinfang_2024 import spec as seed_spec
from samplegen.render import render_disclosure
from tests.crafted import CELL_MARKUP, MARKUP_FILE_NAME, with_texts
from tests.e2e.conftest import free_port
from tests.e2e.devtools import Browser
from tests.e2e.processes import start, stop
from tests.e2e.test_pages import wait_listening
from tests.real_files import BUNDLED
from warehouse import store
from warehouse.documents import Document
from warehouse.raw import keep_raw, sha256_of
from warehouse.settings import WarehouseSettings

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]
HASH = re.compile(r"[0-9a-f]{12,64}")
SEED = "2024_010_湖南省信访局.pdf"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> WarehouseSettings:
    """The four samples, the four bundled real disclosures and a crafted one: kept in raw/,
    extracted (two at a time), loaded, reconciled, reported."""
    folder = tmp_path_factory.mktemp("site-e2e")
    crafted = folder / MARKUP_FILE_NAME
    render_disclosure(
        with_texts((CELL_MARKUP,), dataclasses.replace(seed_spec(), year=2023)), crafted
    )
    pdfs = [*sorted((REPO / "samples").glob("*.pdf")), *sorted(BUNDLED.rglob("*.pdf")), crafted]
    with ProcessPoolExecutor(2) as pool:
        extracted = list(pool.map(extract_disclosure, pdfs))
    settings = WarehouseSettings(folder / "data")
    for path, disclosure in zip(pdfs, extracted, strict=True):
        document = Document(path, sha256_of(path), path.stat().st_size)
        kept = keep_raw(path, document.sha256, settings)
        store.load_disclosure(settings, dataclasses.replace(document, kept_at=kept), disclosure)
    write_report(settings, reconcile_warehouse(settings))
    return settings


@pytest.fixture(scope="module")
def site(data: WarehouseSettings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`budget serve` on a free loopback port, stopped by PID afterwards."""
    port = free_port()
    logs = tmp_path_factory.mktemp("serve")
    server = start(
        [
            str(Path(sys.executable).with_name("budget")),
            "serve",
            "--data-dir",
            str(data.data_dir),
            "--port",
            str(port),
        ],
        {"PATH": str(Path(sys.executable).parent), "HOME": str(logs)},
        logs / "serve.log",
        REPO,
    )
    try:
        wait_listening(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        assert stop(server.pid, sid=server.pid)
        server.wait(timeout=10)


def no_bare_hash(browser: Browser) -> None:
    texts = [text for text, _ in browser.links()]
    assert texts and [t for t in texts if not t or HASH.fullmatch(t)] == [], browser.url


def test_an_analyst_browses_searches_and_downloads(site: str, tmp_path: Path) -> None:
    with Browser(tmp_path) as browser:
        # The first page: units by name, grouped by province.
        browser.open(f"{site}/")
        assert {"湖南省", "江苏省", "上海市"} <= set(browser.texts("main h2"))
        units = set(browser.texts("main table.rows td:first-child a"))
        assert {
            "湖南省信访局",
            "湖南省水利厅",
            "湖南省农业农村厅",
            "中共江苏省委办公厅",
            "江苏省人民检察院",
            "上海市财政局",
        } <= units
        no_bare_hash(browser)

        # A unit, then one of its disclosures.
        browser.click_link("湖南省信访局")
        assert browser.url == f"{site}/units/010"
        assert browser.texts("h1") == ["湖南省信访局"]
        assert browser.evaluate("document.querySelectorAll('figure.chart svg rect').length") > 0
        no_bare_hash(browser)
        browser.click_link(SEED)
        assert browser.url.startswith(f"{site}/disclosures/")
        assert browser.texts("h1") == [SEED]
        no_bare_hash(browser)

        # Its tables as printed, each cell a link to its page of the PDF.
        titles = browser.texts("section.printed h3")
        assert len(titles) == 16 and any("三公" in t for t in titles)
        cell = browser.evaluate(
            "[...document.querySelectorAll('table.grid td a')]"
            ".filter(a => a.textContent === '3,486.75').map(a => a.getAttribute('href'))[0]"
        )
        assert cell is not None and cell.endswith(".pdf#page=7")
        assert browser.evaluate("document.querySelectorAll('table.grid thead th[colspan]').length")

        # A table's CSV, saved by the browser.
        saved = browser.download_by_link("下载 CSV")
        assert saved.suffix == ".csv" and saved.name.startswith(SEED.removesuffix(".pdf"))
        assert saved.read_bytes().startswith(codecs.BOM_UTF8)

        # The PDF, received under its own name.
        pdf = browser.download_by_link("下载 download")
        assert pdf.name == SEED
        assert pdf.read_bytes() == (REPO / "samples" / SEED).read_bytes()

        # Search by part of a name: a name printed only in 2017 finds the unit.
        browser.type_and_enter("form.search input[name=q]", "中国共产党江苏")
        assert "/search?q=" in browser.url
        assert "中共江苏省委办公厅" in browser.texts("main table.rows td a")
        browser.click_link("中共江苏省委办公厅")
        assert browser.texts("h1") == ["中共江苏省委办公厅"]
        no_bare_hash(browser)

        # A file named like markup, and a cell printing markup: shown, never run.
        browser.open(f"{site}/search?q=img")
        browser.click_link(MARKUP_FILE_NAME)
        time.sleep(0.5)  # an onerror / onload would have fired by now
        assert browser.texts("h1") == [MARKUP_FILE_NAME]
        assert browser.evaluate("document.getElementById('PWNED')") is None
        assert browser.evaluate("document.querySelectorAll('main img, main svg').length") == 0
        assert CELL_MARKUP in browser.texts("table.grid td a")

    # Nothing was asked of any host but the site.
    assert browser.requests and [u for u in browser.requests if not u.startswith(site)] == []
