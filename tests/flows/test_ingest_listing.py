"""The ingest flow from an HTTP listing on 127.0.0.1: download, load, then not fetched again."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest
from typer.testing import CliRunner

from budget.cli import app
from flows.ingest import ingest
from tasks.summary import EXIT_UNAVAILABLE
from tests.sources.listing_server import ListingServer, listing_html, publish_date, serve

pytestmark = pytest.mark.usefixtures("prefect_harness")


def index_page(listing: ListingServer, *links: tuple[str, str]) -> str:
    """Publish a listing page of (href, text) links; its path on the server."""
    page = "/yusuan/index.html"
    listing.add(page, listing_html(list(links)))
    return page


def test_a_listing_is_ingested_once_and_then_costs_304s(
    sample_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    with serve() as listing:
        page = index_page(
            listing,
            ("2023/2023_010_湖南省信访局.pdf", "2023"),
            (
                f"http://127.0.0.1:{listing.port}/2024/%E9%A2%84%E7%AE%97.pdf",
                "2024, absolute and percent-encoded",
            ),
            ("../../../../etc/passwd.pdf", "hostile"),
        )
        listing.add(
            "/yusuan/2023/2023_010_湖南省信访局.pdf",
            sample_pdfs["2023_010_湖南省信访局.pdf"].read_bytes(),
            last_modified=publish_date(1),
        )
        listing.add(
            "/2024/预算.pdf",
            sample_pdfs["2024_010_湖南省信访局.pdf"].read_bytes(),
            last_modified=publish_date(2),
        )
        listing.add("/etc/passwd.pdf", b"root:x:0:0:root:/root:/bin/bash\n")

        first = ingest(source=listing.url(page), data_dir=data_dir)
        assert first.counts["loaded"] == 2
        folder = data_dir / "downloads" / f"127.0.0.1_{listing.port}"
        assert sorted(p.name for p in folder.glob("*.pdf")) == [
            "2023_010_湖南省信访局.pdf",
            "预算.pdf",
        ]
        assert not (tmp_path / "etc").exists()

        second = ingest(source=listing.url(page), data_dir=data_dir)
        assert {k: n for k, n in second.counts.items() if n} == {
            "unchanged": 2,
            "rejected": 1,  # the hostile link's text file, asked again and refused again
        }
        assert listing.fetches("/2024/预算.pdf") == [200, 304]
        assert listing.fetches("/etc/passwd.pdf") == [200, 200]  # refused, so asked again

    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        years = con.execute(
            "select year, file_name, source_uri from disclosures where status = 'loaded' "
            "order by year"
        ).fetchall()
    finally:
        con.close()
    base = f"http://127.0.0.1:{listing.port}"
    assert years == [
        (
            2023,
            "2023_010_湖南省信访局.pdf",
            f"{base}/yusuan/2023/{quote('2023_010_湖南省信访局.pdf')}",
        ),
        (2024, "预算.pdf", f"{base}/2024/%E9%A2%84%E7%AE%97.pdf"),
    ]


def _closed_port() -> int:
    """A loopback port nobody listens on: a host that refuses connections."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_every_link_is_told_under_its_own_status(
    sample_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    dead = f"http://127.0.0.1:{_closed_port()}"
    with serve() as listing:
        page = index_page(
            listing,
            ("2023.pdf", "a disclosure"),
            ("missing.pdf", "a 404"),
            ("login.pdf", "an HTML page named .pdf"),
            (f"{dead}/a.pdf", "an unreachable host"),
            (f"{dead}/b.pdf", "the same host again"),
        )
        listing.add("/yusuan/2023.pdf", sample_pdfs["2023_010_湖南省信访局.pdf"].read_bytes())
        listing.add(
            "/yusuan/login.pdf", "<!DOCTYPE html><html>请登录</html>", content_type="text/html"
        )

        result = CliRunner().invoke(
            app, ["ingest", "--source", listing.url(page), "--data-dir", str(data_dir)]
        )

    assert result.exit_code == EXIT_UNAVAILABLE, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "ingest: 1 loaded, 0 unchanged, 0 duplicate, 0 superseded, 0 quarantined, 1 rejected, "
        "3 unavailable"
    )
    assert lines[1].split()[0] == "parser"  # what read the pages, then one line per input
    told = {line.split()[1]: line.split()[0] for line in lines[2:7]}
    assert told == {
        "2023.pdf": "loaded",
        "login.pdf": "rejected",
        "missing.pdf": "unavailable",
        "a.pdf": "unavailable",
        "b.pdf": "unavailable",
    }
    assert "[http_404]" in result.output
    assert "[not_a_pdf]" in result.output and "an HTML page" in result.output
    # The second link of the unreachable host is not tried again in this run.
    assert f"b.pdf  [network] {dead}/b.pdf: host 127.0.0.1 unreachable in this run" in (
        result.output
    )
    assert listing.fetches("/yusuan/missing.pdf") == [404]  # not retried
