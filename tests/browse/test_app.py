"""The site over a real warehouse, served by uvicorn on 127.0.0.1 and read over HTTP: every page,
its downloads, the PDFs under their names — and what it refuses: other Host names, malformed
paths, files outside its folders, raw files that are no known PDF, markup from a PDF or a file
name run as markup."""

from __future__ import annotations

import csv
import io
import os
import re
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote

import httpx
import pytest
from openpyxl import load_workbook

from disclosure.model import Disclosure
from tests.browse.conftest import JIANGSU, Site, keep_and_load, start_site
from tests.conftest import HUNAN_2024
from tests.crafted import CELL_MARKUP, MARKUP, MARKUP_FILE_NAME
from warehouse.raw import sha256_of
from warehouse.settings import WarehouseSettings

HASH = re.compile(r"[0-9a-f]{12,64}")


class Links(HTMLParser):
    """Every link of a page: (href, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._open: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open.append((dict(attrs).get("href") or "", []))

    def handle_data(self, data: str) -> None:
        for _, texts in self._open:
            texts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            href, texts = self._open.pop()
            self.links.append((href, "".join(texts).strip()))


def links(html: str) -> list[tuple[str, str]]:
    parser = Links()
    parser.feed(html)
    return parser.links


@pytest.fixture(scope="module")
def client(site: Site) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=site.url, timeout=60) as c:
        yield c


def page(client: httpx.Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, (path, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src" not in response.headers["content-security-policy"]  # no script at all
    return response.text


def doc_id_of(path: Path) -> str:
    return sha256_of(path)


def test_the_first_page_lists_units_by_province_with_the_report_and_the_quarantine(
    client: httpx.Client,
) -> None:
    html = page(client, "/")
    found = links(html)
    assert ("/units/010", "湖南省信访局") in found
    assert ("/units/320000-1ad904eea7", "中共江苏省委办公厅") in found  # the latest name
    assert html.index("<h2>江苏省</h2>") < html.index("中共江苏省委办公厅")
    assert html.index("<h2>湖南省</h2>") < html.index("湖南省信访局")
    # a city's body under its province and city, with its level read from its name
    assert html.index("<h2>广西壮族自治区 · 南宁市</h2>") < html.index("南宁市统计局")
    row = html[html.index("南宁市统计局") :].split("</tr>")[0]
    assert "<td>市</td>" in row
    assert ("/reports/latest", "最新对账报告 Latest reconciliation report") in found
    # The quarantine, with its reason.
    assert "passwd.pdf" in html and "not_a_pdf" in html
    report = client.get("/reports/latest", follow_redirects=True)
    assert report.status_code == 200 and "对账报告" in report.text


def test_a_unit_page_shows_its_years_disclosures_spending_and_findings(
    client: httpx.Client,
) -> None:
    html = page(client, "/units/320000-1ad904eea7")
    assert "<h1>中共江苏省委办公厅</h1>" in html
    assert "中国共产党江苏省委员会办公厅" in html  # printed as, in 2017
    files = [text for href, text in links(html) if href.startswith("/disclosures/")]
    assert sorted(files) == sorted(p.name for p in JIANGSU)
    # Spending by year as an inline SVG chart, in 万元: 2017's 支出总表 prints 20,849.45.
    assert "<svg" in html and "20,849.45 万元" in html
    seed = page(client, "/units/010")
    assert "对账问题 Findings" in seed and "class_equals_sections" in seed


def test_a_disclosure_page_renders_every_table_as_printed_with_its_pdf_pages(
    client: httpx.Client, sample_pdfs: dict[str, Path], sample_disclosures: dict[str, Disclosure]
) -> None:
    doc_id = doc_id_of(sample_pdfs[HUNAN_2024])
    html = page(client, f"/disclosures/{doc_id}")
    assert f"<h1>{HUNAN_2024}</h1>" in html
    printed = sample_disclosures[HUNAN_2024].tables
    assert html.count('<section class="printed"') == len(printed)
    for table in printed:
        assert table.title in html
    # 预算07表 prints 政府办公厅（室）及相关机构事务 合计 3,486.75 on page 7: the cell links there.
    assert f'<a href="/raw/{doc_id}.pdf#page=7" title="第 7 页">3,486.75</a>' in html
    # Its header as printed: 基本支出 spans its leaves.
    assert re.search(r'<th colspan="\d+">基本支出</th>', html)
    assert "tables_present" in html and "class_equals_sections" in html  # its findings


def test_search_finds_units_and_disclosures_by_any_part_of_a_name(client: httpx.Client) -> None:
    html = page(client, "/search?q=" + quote("委办公厅"))
    assert ("/units/320000-1ad904eea7", "中共江苏省委办公厅") in links(html)
    # A name printed only in 2017 finds the unit too.
    html = page(client, "/search?q=" + quote("中国共产党江苏"))
    assert ("/units/320000-1ad904eea7", "中共江苏省委办公厅") in links(html)
    html = page(client, "/search?q=" + quote("信访"))
    assert any(text == HUNAN_2024 for _, text in links(html))
    assert "没有找到" in page(client, "/search?q=" + quote("不存在的单位"))


def test_every_page_downloads_as_csv_and_xlsx(
    client: httpx.Client, sample_pdfs: dict[str, Path]
) -> None:
    doc_id = doc_id_of(sample_pdfs[HUNAN_2024])
    html = page(client, f"/disclosures/{doc_id}")
    csv_links = [href for href, _ in links(html) if "download=csv" in href]
    assert len(csv_links) >= 16
    (table_07,) = re.findall(r'id="table-(\d+)">\n<h3><span class="code">07</span>', html)
    response = client.get(next(h for h in csv_links if h.endswith(f"section=table-{table_07}")))
    assert response.headers["content-type"].startswith("text/csv")
    assert "filename*=utf-8''" in response.headers["content-disposition"]
    name = unquote(response.headers["content-disposition"].split("''", 1)[1])
    assert name == f"{HUNAN_2024.removesuffix('.pdf')}-07 一般公共预算支出表.csv"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert "3486.75" in {v for row in rows for v in row}  # amounts exact, as numbers

    book = client.get(f"/disclosures/{doc_id}?download=xlsx")
    workbook = load_workbook(io.BytesIO(book.content), read_only=True)
    assert len(workbook.sheetnames) == 16 + 2  # the tables, the warnings, the findings
    assert workbook.sheetnames[0].startswith("01 ")

    unit = load_workbook(io.BytesIO(client.get("/units/010?download=xlsx").content))
    assert unit.sheetnames[0] == "公开文件 Disclosures"
    labels = [c.value for c in unit.worksheets[0][1]]
    assert "文件名" in labels and labels.index("年度") < labels.index("文件名")


def test_printed_formulas_download_as_text(client: httpx.Client) -> None:
    crafted = next(
        href for href, text in links(page(client, "/units/010")) if text == MARKUP_FILE_NAME
    )
    book = client.get(f"{crafted}?download=xlsx")
    with zipfile.ZipFile(io.BytesIO(book.content)) as xlsx:
        xml = "".join(
            xlsx.read(n).decode() for n in xlsx.namelist() if n.startswith("xl/worksheets/")
        )
    assert "=1+1" in xml and re.findall(r"<f[ >]", xml) == []
    # The crafted cells are in 其他资金绩效目标表 (预算22表): its CSV.
    html = page(client, crafted)
    (table_22,) = re.findall(r'id="table-(\d+)">\n<h3><span class="code">22</span>', html)
    content = client.get(f"{crafted}?download=csv&section=table-{table_22}").content
    texts = {v for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for v in row}
    assert "'=1+1" in texts and "=1+1" not in texts


def test_a_pdf_is_served_under_its_own_name(
    client: httpx.Client, sample_pdfs: dict[str, Path]
) -> None:
    pdf = sample_pdfs[HUNAN_2024]
    response = client.get(f"/raw/{doc_id_of(pdf)}.pdf")
    assert response.status_code == 200 and response.content == pdf.read_bytes()
    assert response.headers["content-type"] == "application/pdf"
    disposition = response.headers["content-disposition"]
    assert disposition == f"inline; filename*=utf-8''{quote(HUNAN_2024)}"
    download = client.get(f"/raw/{doc_id_of(pdf)}.pdf?download=1")
    assert download.headers["content-disposition"].startswith("attachment; filename*=utf-8''")


def test_no_link_on_a_page_reads_as_a_bare_hash(
    client: httpx.Client, sample_pdfs: dict[str, Path]
) -> None:
    paths = [
        "/",
        "/units/010",
        "/units/320000-1ad904eea7",
        f"/disclosures/{doc_id_of(sample_pdfs[HUNAN_2024])}",
        "/search?q=" + quote("办公厅"),
        "/reports/",
    ]
    for path in paths:
        texts = [text for _, text in links(page(client, path))]
        assert texts and [t for t in texts if HASH.fullmatch(t) or not t] == [], path


def test_markup_from_a_pdf_or_a_file_name_stays_text(client: httpx.Client) -> None:
    escaped = "&lt;img src=x onerror=this.id=&#39;PWNED&#39;&gt;"
    home = page(client, "/")
    unit = page(client, "/units/010")
    crafted = next(href for href, text in links(unit) if text == MARKUP_FILE_NAME)
    for html in (home, unit, page(client, crafted), page(client, "/search?q=" + quote("img"))):
        assert "<img" not in html and "<svg/" not in html
    document = page(client, crafted)
    assert f"<h1>{escaped}.pdf</h1>" in document  # the file name
    assert ">&lt;svg/onload=this.id=&#39;PWNED&#39;&gt;</a>" in document  # the printed cell
    assert MARKUP.startswith("<img") and CELL_MARKUP.startswith("<svg/")


def test_only_its_own_host_names_are_answered(site: Site, client: httpx.Client) -> None:
    assert client.get("/", headers={"Host": f"127.0.0.1:{site.port}"}).status_code == 200
    assert client.get("/", headers={"Host": f"localhost:{site.port}"}).status_code == 200
    for host in ("evil.example", f"evil.example:{site.port}", "127.0.0.1.evil.example"):
        assert client.get("/", headers={"Host": host}).status_code == 400, host
    assert client.get("/raw/x.pdf", headers={"Host": "evil.example"}).status_code == 400


def test_the_public_url_s_host_is_answered_too(site_data: WarehouseSettings) -> None:
    public = WarehouseSettings(site_data.data_dir, public_url="http://budget.example:8765/")
    for running in start_site(public):
        with httpx.Client(base_url=running.url, timeout=60) as c:
            assert c.get("/", headers={"Host": "budget.example:8765"}).status_code == 200
            assert c.get("/", headers={"Host": "other.example"}).status_code == 400


def raw_status(site: Site, target: bytes) -> int:
    """The status a request line with this exact target gets (no client normalises it)."""
    with socket.create_connection(("127.0.0.1", site.port), timeout=30) as s:
        s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def test_malformed_paths_are_answered_400(site: Site) -> None:
    for target in (
        b"/raw/%00",
        b"/raw/%00.pdf",
        b"/raw/%ff.pdf",
        b"/docs/%zz",
        b"/reports/../warehouse.duckdb",
        b"/docs/..%2f..%2fwarehouse.duckdb",
        b"/docs/%2e%2e/warehouse.duckdb",
        b"/docs/a%5c..%5cb",
        b"/units/%0d%0aSet-Cookie:x=1",
    ):
        assert raw_status(site, target) == 400, target
    assert raw_status(site, b"/units/010") == 200


def test_raw_serves_only_documents_the_warehouse_knows_as_pdfs(
    site: Site, client: httpx.Client
) -> None:
    passwd = next(p for p in site.settings.raw_dir.iterdir() if p.read_bytes().startswith(b"root:"))
    assert client.get(f"/raw/{passwd.name}").status_code == 404  # kept, quarantined, not a PDF
    assert client.get(f"/raw/{'0' * 64}.pdf").status_code == 404
    for path in ("/warehouse.duckdb", "/parquet/", "/quarantine/", "/raw/", "/.staging/"):
        assert client.get(path).status_code == 404, path
    assert client.post("/", content=b"x").status_code == 405
    assert client.put(f"/raw/{passwd.name}", content=b"x").status_code == 405


def test_files_outside_the_served_folders_are_not_followed(
    tmp_path: Path, sample_pdfs: dict[str, Path], sample_disclosures: dict[str, Disclosure]
) -> None:
    settings = WarehouseSettings(tmp_path / "data")
    pdf = sample_pdfs[HUNAN_2024]
    keep_and_load(settings, pdf, sample_disclosures[HUNAN_2024])
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.html").write_text("secret")
    (outside / "copy.pdf").write_bytes(pdf.read_bytes())
    docs = settings.docs_dir
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.html").write_text("<p>Data Docs</p>")
    (docs / "inside.html").symlink_to(docs / "index.html")  # a link within: fine
    (docs / "secret.html").symlink_to(outside / "secret.html")
    (docs / "passwd").symlink_to("/etc/passwd")
    (docs / "out").symlink_to(outside, target_is_directory=True)
    reports = settings.data_dir / "reports"
    reports.mkdir()
    (reports / "reconcile-x.html").symlink_to(outside / "secret.html")
    for running in start_site(settings):
        with httpx.Client(base_url=running.url, timeout=60) as c:
            assert c.get("/docs/").text == "<p>Data Docs</p>"
            assert c.get("/docs/inside.html").status_code == 200
            for path in ("/docs/secret.html", "/docs/passwd", "/docs/out/secret.html"):
                assert c.get(path).status_code == 404, path
            assert c.get("/reports/reconcile-x.html").status_code == 404
            # The kept PDF itself replaced by a link out of raw/: not served.
            kept = settings.raw_path(sha256_of(pdf))
            assert c.get(f"/raw/{kept.name}").status_code == 200
            os.replace(kept, tmp_path / "moved.pdf")
            kept.symlink_to(outside / "copy.pdf")
            assert c.get(f"/raw/{kept.name}").status_code == 404
            # A docs folder that is itself a link elsewhere serves nothing.
            os.rename(docs, tmp_path / "old-docs")
            docs.symlink_to(outside, target_is_directory=True)
            assert c.get("/docs/secret.html").status_code == 404


def test_an_empty_data_dir_says_so(tmp_path: Path) -> None:
    empty = WarehouseSettings(tmp_path / "data")
    empty.data_dir.mkdir()
    for running in start_site(empty):
        with httpx.Client(base_url=running.url, timeout=60) as c:
            home = c.get("/")
            assert home.status_code == 200 and "这里还没有数据" in home.text
            assert c.get("/units/010").status_code == 404
            assert c.get("/search?q=x").status_code == 200
            assert c.get("/reports/latest").status_code == 404


def test_a_page_asked_while_a_load_holds_the_warehouse_says_try_again(
    site_data: WarehouseSettings, tmp_path: Path
) -> None:
    # Another process holds warehouse.duckdb for writing, as a load does.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('held', flush=True);"
            " sys.stdin.read()",
            str(site_data.database),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        for running in start_site(site_data, read_wait_s=0.5):
            with httpx.Client(base_url=running.url, timeout=60) as c:
                busy = c.get("/")
                assert busy.status_code == 503 and busy.headers["retry-after"] == "30"
                assert "正在写入数据" in busy.text
                holder.communicate("", timeout=30)  # the load is done
                assert c.get("/").status_code == 200
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=10)
