"""Fetch tasks: listing and downloads as plain functions (`task.fn`), retries through Prefect."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from prefect import flow
from prefect.logging import disable_run_logger
from prefect.states import Failed

from sources import FolderSource, ListingSource
from sources.downloads import DownloadStatus, HttpSettings, ListingError, TransientHttpError
from tasks.fetch import Fetched, download_pdf, fetch, is_network_error, read_listing_page
from tests.sources.listing_server import ListingServer, listing_html, serve

SEED = (Path(__file__).resolve().parents[2] / "samples" / "2024_010_湖南省信访局.pdf").read_bytes()


@pytest.fixture
def server() -> Iterator[ListingServer]:
    with serve() as running:
        running.add("/list/index.html", listing_html([("a.pdf", "a"), ("b.pdf", "b")]))
        running.add("/list/a.pdf", SEED)
        running.add("/list/b.pdf", b"<html>not here</html>")
        yield running


def test_a_folder_source_is_its_own_folder(tmp_path: Path) -> None:
    fetched = fetch(FolderSource(tmp_path), tmp_path / "data")
    assert fetched.folder == tmp_path and fetched.downloads == ()
    assert not (tmp_path / "data").exists()  # nothing downloaded, nothing written


def test_listing_and_download_tasks_as_plain_functions(
    server: ListingServer, tmp_path: Path
) -> None:
    source = ListingSource(server.url("/list/index.html"))
    settings = HttpSettings()
    with disable_run_logger():
        links = read_listing_page.fn(source, settings)
        outcomes = [download_pdf.fn(link, tmp_path, settings) for link in links]
    assert [(o.link.file_name, o.status) for o in outcomes] == [
        ("a.pdf", DownloadStatus.FETCHED),
        ("b.pdf", DownloadStatus.REJECTED),
    ]


@pytest.mark.parametrize(
    ("error", "retry"),
    [
        (httpx.ConnectError("refused"), True),
        (httpx.ReadTimeout("slow"), True),
        (httpx.RemoteProtocolError("cut"), True),
        (TransientHttpError("http://h/", 503), True),
        (ListingError("http://h/: HTTP 404"), False),
        (ValueError("a bug"), False),
    ],
)
def test_only_network_failures_are_retried(error: Exception, retry: bool) -> None:
    assert is_network_error(read_listing_page, None, Failed(data=error)) is retry  # type: ignore[arg-type]


NO_WAIT = HttpSettings(retry_delays_s=(0.0,))


@pytest.mark.usefixtures("prefect_harness")
def test_retries_ride_out_a_busy_server_and_a_lost_file_does_not_stop_the_rest(
    server: ListingServer, tmp_path: Path
) -> None:
    @flow
    def run(url: str) -> Fetched:
        return fetch(ListingSource(url), tmp_path, NO_WAIT)

    server.resources["/list/index.html"].failures = 2  # 503, 503, then the page
    server.resources["/list/a.pdf"].failures = 9  # busy beyond every retry
    fetched = run(server.url("/list/index.html"))
    assert server.fetches("/list/index.html") == [503, 503, 200]
    assert server.fetches("/list/a.pdf") == [503] * 4  # the first try and 3 retries
    (lost, refused) = fetched.downloads
    assert (lost.status, refused.status) == (DownloadStatus.UNAVAILABLE, DownloadStatus.REJECTED)
    assert lost.reason.startswith("network: ") and lost.reason.endswith("HTTP 503")


@pytest.mark.usefixtures("prefect_harness")
def test_a_missing_listing_page_fails_at_once(server: ListingServer, tmp_path: Path) -> None:
    @flow
    def run(url: str) -> Fetched:
        return fetch(ListingSource(url), tmp_path, NO_WAIT)

    with pytest.raises(ListingError):
        run(server.url("/missing/index.html"))
    assert server.fetches("/missing/index.html") == [404]  # not retried


@pytest.mark.usefixtures("prefect_harness")
def test_fetch_downloads_a_listing_into_the_data_dir(server: ListingServer, tmp_path: Path) -> None:
    @flow
    def run() -> object:
        return fetch(ListingSource(server.url("/list/index.html")), tmp_path)

    fetched = run()
    assert fetched.folder == tmp_path / "downloads" / f"127.0.0.1_{server.port}"
    assert (fetched.folder / "a.pdf").read_bytes() == SEED
    assert [d.link.file_name for d in fetched.not_kept] == ["b.pdf"]
    assert fetched.counts() == {"fetched": 1, "not_modified": 0, "rejected": 1, "unavailable": 0}
