"""The ingest flow from an HTTP listing on 127.0.0.1: download, load, then not fetched again."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest

from flows.ingest import ingest
from tests.sources.listing_server import listing_html, publish_date, serve

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_a_listing_is_ingested_once_and_then_costs_304s(
    sample_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    with serve() as listing:
        page = "/yusuan/index.html"
        listing.add(
            page,
            listing_html(
                [
                    ("2023/2023_010_湖南省信访局.pdf", "2023"),
                    (
                        f"http://127.0.0.1:{listing.port}/2024/%E9%A2%84%E7%AE%97.pdf",
                        "2024, absolute and percent-encoded",
                    ),
                    ("../../../../etc/passwd.pdf", "hostile"),
                ]
            ),
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
        assert second.counts == {
            "loaded": 0,
            "duplicate": 0,
            "superseded": 0,
            "failed": 0,
            "unchanged": 2,
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
