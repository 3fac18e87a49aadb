"""What a person opens from the Prefect UI, in headless Chromium: the Data Docs of a run from
disk with no network at all, and a reconciliation report (and the PDF page it links to) served
by `budget serve`."""

from __future__ import annotations

import html
import re
import socket
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote

import pytest

from disclosure.model import Disclosure
from expectations.datadocs import remote_urls
from expectations.gate import Gate, GateSettings
from reconcile.report import write_report
from reconcile.runs import reconcile_warehouse
from tests.conftest import HUNAN_2024
from tests.e2e.browser import dump_dom
from tests.e2e.conftest import free_port
from tests.e2e.processes import start, stop
from warehouse import store
from warehouse.documents import Document
from warehouse.raw import keep_raw, sha256_of
from warehouse.settings import WarehouseSettings

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]


def test_data_docs_show_the_validation_list_offline(
    tmp_path: Path, sample_disclosures: dict[str, Disclosure]
) -> None:
    docs = tmp_path / "docs"
    gate = Gate(GateSettings(docs_dir=docs))
    gate.validate(sample_disclosures[HUNAN_2024], "2024_010_湖南省信访局-1a2b3c")
    index = gate.build_docs()
    assert index == docs / "index.html"

    pages = sorted(docs.rglob("*.html"))
    assert len(pages) > 4 and {p: remote_urls(p.read_text("utf-8")) for p in pages} == {
        p: [] for p in pages
    }  # nothing left to fetch from a CDN

    dom = dump_dom(index.as_uri(), offline=True)

    # The validation list is drawn by JavaScript from the page's inline data: a row per suite
    # run, each a link to its validation page.
    rows = re.findall(r'<tr class="clickable-row[^"]*" data-href="(validations/[^"]+)"', dom)
    assert len(rows) == 4, dom[:2000]  # screen, documents, tables, cells
    assert all((docs / unquote(html.unescape(href))).is_file() for href in rows), rows
    assert "2024_010_湖南省信访局-1a2b3c" in dom
    page = dump_dom((docs / rows[0]).as_uri(), offline=True)
    assert "Expectation Validation Result" in page


def wait_listening(port: int, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


def fetch(url: str, method: str = "GET") -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), b""


def test_a_report_link_opens_from_budget_serve_with_its_pdf_pages(
    tmp_path: Path, sample_pdfs: dict[str, Path], sample_disclosures: dict[str, Disclosure]
) -> None:
    port = free_port()
    settings = WarehouseSettings(tmp_path / "data", public_url=f"http://127.0.0.1:{port}")
    pdf = sample_pdfs[HUNAN_2024]
    keep_raw(pdf, sha256_of(pdf), settings)  # as discovery does: raw/<sha256>.pdf
    store.load_disclosure(
        settings, Document(pdf, sha256_of(pdf), pdf.stat().st_size), sample_disclosures[HUNAN_2024]
    )
    run = reconcile_warehouse(settings)
    report = write_report(settings, run)
    link = settings.url_of(report)  # what the artifacts link to
    assert link == f"http://127.0.0.1:{port}/reports/{report.name}"

    budget = str(Path(sys.executable).with_name("budget"))
    server = start(
        [budget, "serve", "--data-dir", str(settings.data_dir), "--port", str(port)],
        {"PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path)},
        tmp_path / "serve.log",
        REPO,
    )
    try:
        wait_listening(port)
        dom = dump_dom(link, offline=True)
        assert "对账报告" in dom and "header_sums" in dom

        # Each finding's page link opens the kept PDF at its page.
        hrefs = re.findall(r'href="(\.\./raw/[0-9a-f]{64}\.pdf#page=\d+)"', dom)
        assert hrefs and f"../raw/{sha256_of(pdf)}.pdf#page=7" in hrefs
        status, kind, body = fetch(f"http://127.0.0.1:{port}/raw/{sha256_of(pdf)}.pdf")
        assert (status, kind) == (200, "application/pdf") and body.startswith(b"%PDF-")
        assert body == pdf.read_bytes()

        # Read-only: the site's pages, reports/, docs/ and the known PDFs of raw/, nothing else.
        assert fetch(f"http://127.0.0.1:{port}/warehouse.duckdb")[0] == 404
        assert fetch(f"http://127.0.0.1:{port}/parquet/")[0] == 404
        assert fetch(f"http://127.0.0.1:{port}/reports/../warehouse.duckdb")[0] == 400
        assert fetch(link, method="POST")[0] == 405
        assert fetch(link, method="PUT")[0] == 405
    finally:
        assert stop(server.pid, sid=server.pid)
        server.wait(timeout=10)
    log = (tmp_path / "serve.log").read_text()
    assert f"BUDGET_PUBLIC_URL=http://127.0.0.1:{port}/" in log
