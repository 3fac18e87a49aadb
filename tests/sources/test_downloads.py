"""Downloads from a listing served on 127.0.0.1: conditional GET, caps, sniffing, safe names."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sources import ListingSource, parse_source
from sources.downloads import (
    DownloadStatus,
    HttpSettings,
    ListingError,
    TransientHttpError,
    download,
    read_listing,
    read_record,
)
from sources.listing import PdfLink
from tests.sources.listing_server import ListingServer, listing_html, publish_date, serve

REPO = Path(__file__).resolve().parents[2]
SEED = (REPO / "samples" / "2024_010_湖南省信访局.pdf").read_bytes()
WATER = (REPO / "samples" / "2024_117_湖南省水利厅.pdf").read_bytes()


@pytest.fixture
def server() -> Iterator[ListingServer]:
    with serve() as running:
        yield running


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with HttpSettings().client() as c:
        yield c


def fetch_all(
    server: ListingServer, client: httpx.Client, folder: Path, settings: HttpSettings | None = None
) -> dict[str, object]:
    settings = settings or HttpSettings()
    links = read_listing(client, server.url("/list/index.html"), settings)
    return {link.file_name: download(client, link, folder, settings) for link in links}


def test_a_listing_downloads_once_then_costs_a_304(
    server: ListingServer, client: httpx.Client, tmp_path: Path
) -> None:
    server.add(
        "/list/index.html",
        listing_html(
            [
                ("files/2024_010_湖南省信访局.pdf", "信访局"),  # relative, raw Chinese
                (server.url("/att/水利厅.pdf"), "水利厅"),  # absolute, percent-encoded
            ]
        ),
        content_type="text/html; charset=utf-8",
    )
    server.add("/list/files/2024_010_湖南省信访局.pdf", SEED, last_modified=publish_date(1))
    server.add("/att/水利厅.pdf", WATER, etag=False, last_modified=publish_date(2))

    first = fetch_all(server, client, tmp_path)
    assert {name: d.status for name, d in first.items()} == {
        "2024_010_湖南省信访局.pdf": DownloadStatus.FETCHED,
        "水利厅.pdf": DownloadStatus.FETCHED,
    }
    assert (tmp_path / "2024_010_湖南省信访局.pdf").read_bytes() == SEED
    assert (tmp_path / "水利厅.pdf").read_bytes() == WATER
    # The publisher's date becomes the mtime: discovery takes older files first.
    assert (tmp_path / "水利厅.pdf").stat().st_mtime == publish_date(2).timestamp()
    record = read_record(tmp_path, "2024_010_湖南省信访局.pdf")
    assert record is not None and record.etag and record.url.endswith(".pdf")

    second = fetch_all(server, client, tmp_path)
    assert {d.status for d in second.values()} == {DownloadStatus.NOT_MODIFIED}
    assert server.fetches("/list/files/2024_010_湖南省信访局.pdf") == [200, 304]
    assert server.fetches("/att/水利厅.pdf") == [200, 304]  # by Last-Modified alone
    sent = [r for r in server.requests if r.path == "/att/水利厅.pdf"][-1]
    assert sent.if_none_match is None and sent.if_modified_since

    # A re-issue: new bytes, new validators, fetched again.
    server.add("/att/水利厅.pdf", SEED, etag=False, last_modified=publish_date(9))
    third = fetch_all(server, client, tmp_path)
    assert third["水利厅.pdf"].status is DownloadStatus.FETCHED
    assert (tmp_path / "水利厅.pdf").read_bytes() == SEED


def test_a_deleted_copy_is_fetched_again_unconditionally(
    server: ListingServer, client: httpx.Client, tmp_path: Path
) -> None:
    server.add("/list/index.html", listing_html([("a.pdf", "a")]), content_type="text/html")
    server.add("/list/a.pdf", SEED)
    fetch_all(server, client, tmp_path)
    (tmp_path / "a.pdf").unlink()
    (again,) = fetch_all(server, client, tmp_path).values()
    assert again.status is DownloadStatus.FETCHED
    assert [r.if_none_match for r in server.requests if r.path == "/list/a.pdf"] == [None, None]


def test_hostile_names_stay_inside_the_folder(
    server: ListingServer, client: httpx.Client, tmp_path: Path
) -> None:
    folder = tmp_path / "downloads" / "host"
    server.add(
        "/list/index.html",
        listing_html(
            [("..%2F..%2F..%2Fevil.pdf", "evil"), ("/2023/预算.pdf", "a"), ("/2024/预算.pdf", "b")]
        ),
        content_type="text/html",
    )
    server.add("/list/../../../evil.pdf", SEED)  # what the server sees after decoding
    server.add("/list/..%2F..%2F..%2Fevil.pdf", SEED)
    server.add("/2023/预算.pdf", SEED)
    server.add("/2024/预算.pdf", WATER)
    fetch_all(server, client, folder)
    kept = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.pdf"))
    assert all(k.startswith("downloads/host/") for k in kept), kept
    names = sorted(p.name for p in folder.glob("*.pdf"))
    assert "evil.pdf" in names
    # Two URLs with the same file name: the second is kept under a name keyed by its URL.
    same = [n for n in names if n.startswith("预算")]
    assert len(same) == 2 and "预算.pdf" in same
    assert {(folder / n).read_bytes() for n in same} == {SEED, WATER}
    # …and keeps that name, and its validators, on the next run.
    again = fetch_all(server, client, folder)
    assert {d.status for d in again.values()} == {DownloadStatus.NOT_MODIFIED}


def test_what_is_not_a_pdf_or_too_large_is_not_kept(
    server: ListingServer, client: httpx.Client, tmp_path: Path
) -> None:
    server.add(
        "/list/index.html",
        listing_html([("login.pdf", "l"), ("big.pdf", "b"), ("empty.pdf", "e"), ("gone.pdf", "g")]),
        content_type="text/html",
    )
    server.add(
        "/list/login.pdf", "<!DOCTYPE html><html>请登录</html>", content_type="application/pdf"
    )
    server.add("/list/big.pdf", SEED)
    server.add("/list/empty.pdf", b"")
    settings = HttpSettings(max_bytes=len(SEED) - 1)
    outcomes = fetch_all(server, client, tmp_path, settings)
    assert {n: d.status for n, d in outcomes.items()} == {
        "login.pdf": DownloadStatus.REJECTED,
        "big.pdf": DownloadStatus.REJECTED,
        "empty.pdf": DownloadStatus.REJECTED,
        "gone.pdf": DownloadStatus.UNAVAILABLE,
    }
    assert outcomes["login.pdf"].reason.startswith("not_a_pdf")
    assert "an HTML page" in outcomes["login.pdf"].reason
    assert outcomes["big.pdf"].reason.startswith("too_large: declares")
    assert outcomes["gone.pdf"].reason == "http_404"
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == []  # nothing half-kept


def test_the_cap_holds_when_no_length_is_declared(tmp_path: Path) -> None:
    chunks = [b"%PDF-1.7\n" + b"0" * 4096] * 10

    def chunked(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter(chunks))  # streamed: no Content-Length

    settings = HttpSettings(max_bytes=10_000)
    with httpx.Client(transport=httpx.MockTransport(chunked)) as stub:
        link = PdfLink("http://h/x.pdf", "x.pdf")
        outcome = download(stub, link, tmp_path, settings)
    assert outcome.status is DownloadStatus.REJECTED
    assert outcome.reason.startswith("too_large: more than")
    assert list(tmp_path.rglob("*.pdf")) == []


def test_busy_servers_raise_to_be_retried_and_missing_listings_do_not(
    server: ListingServer, client: httpx.Client, tmp_path: Path
) -> None:
    server.add("/list/index.html", listing_html([]), content_type="text/html", failures=1)
    with pytest.raises(TransientHttpError):
        read_listing(client, server.url("/list/index.html"), HttpSettings())
    assert read_listing(client, server.url("/list/index.html"), HttpSettings()) == []
    with pytest.raises(ListingError, match="HTTP 404"):
        read_listing(client, server.url("/nowhere/"), HttpSettings())
    with pytest.raises(httpx.ConnectError):
        closed = f"http://127.0.0.1:{_closed_port()}/list/"
        read_listing(client, closed, HttpSettings())


def test_each_listing_host_gets_its_own_folder(tmp_path: Path) -> None:
    source = parse_source("http://127.0.0.1:8123/yusuan/index.html")
    assert isinstance(source, ListingSource)
    assert source.folder(tmp_path) == tmp_path / "downloads" / "127.0.0.1_8123"
    idn = parse_source("https://财政.中国/预算/")
    assert isinstance(idn, ListingSource)
    assert idn.folder(tmp_path).name.startswith("xn--")


def test_a_download_cap_of_zero_is_refused() -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        HttpSettings(max_bytes=0)


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_mtime_without_last_modified_is_left_alone(
    server: ListingServer, client: httpx.Client, tmp_path: Path
) -> None:
    server.add("/list/index.html", listing_html([("a.pdf", "a")]), content_type="text/html")
    server.add("/list/a.pdf", SEED)
    fetch_all(server, client, tmp_path)
    assert abs((tmp_path / "a.pdf").stat().st_mtime - os.path.getmtime(tmp_path)) < 60
