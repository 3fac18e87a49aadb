"""Listing pages: the PDF links of real-world HTML, resolved and decoded."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources import FolderSource, ListingSource, parse_source
from sources.listing import decode_page, page_to_links

PAGE = "http://127.0.0.1:8000/yusuan/2024/index.html"


def test_relative_absolute_chinese_and_percent_encoded_links() -> None:
    html = """<ul>
      <li><a href="files/2024_010_湖南省信访局.pdf">湖南省信访局 <b>2024</b></a></li>
      <li><a href="/att/%E6%B0%B4%E5%88%A9%E5%8E%85.pdf">水利厅</a></li>
      <li><a href="../2023/农业农村厅.PDF">农业农村厅 2023</a></li>
      <li><a href="https://cdn.example.cn/a/b.pdf#page=3">CDN</a></li>
      <li><a href="files/2024_010_湖南省信访局.pdf">重复</a></li>
      <li><a href="notice.html">通知</a> <a href="javascript:void(0)">js</a></li>
      <li><a href="mailto:x@y.pdf">mail</a> <a href="ftp://h/x.pdf">ftp</a></li>
    </ul>"""
    links = page_to_links(PAGE, html)
    assert [(link.url, link.file_name, link.text) for link in links] == [
        (
            "http://127.0.0.1:8000/yusuan/2024/files/2024_010_"
            "%E6%B9%96%E5%8D%97%E7%9C%81%E4%BF%A1%E8%AE%BF%E5%B1%80.pdf",
            "2024_010_湖南省信访局.pdf",
            "湖南省信访局 2024",
        ),
        (
            "http://127.0.0.1:8000/att/%E6%B0%B4%E5%88%A9%E5%8E%85.pdf",
            "水利厅.pdf",
            "水利厅",
        ),
        (
            "http://127.0.0.1:8000/yusuan/2023/%E5%86%9C%E4%B8%9A%E5%86%9C%E6%9D%91%E5%8E%85.PDF",
            "农业农村厅.pdf",
            "农业农村厅 2023",
        ),
        ("https://cdn.example.cn/a/b.pdf", "b.pdf", "CDN"),
    ]


def test_base_href_decides_where_relative_links_point() -> None:
    html = '<head><base href="https://www.example.gov.cn/zfxxgk/"></head><a href="a.pdf">a</a>'
    (link,) = page_to_links(PAGE, html)
    assert link.url == "https://www.example.gov.cn/zfxxgk/a.pdf"


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('<meta charset="gbk"><a href="预算.pdf">预算</a>'.encode("gbk"), "text/html"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">预算'.encode(
                "gb18030"
            ),
            None,
        ),
        ("<p>预算</p>".encode("gb18030"), "text/html; charset=GBK"),
        ("<p>预算</p>".encode(), None),
        ("<p>预算</p>".encode("gb18030"), None),  # undeclared GBK
    ],
)
def test_pages_decode_in_the_charset_they_use(body: bytes, content_type: str | None) -> None:
    assert "预算" in decode_page(body, content_type)


def test_sources_are_folders_or_listing_urls(tmp_path: Path) -> None:
    assert parse_source(str(tmp_path)) == FolderSource(tmp_path.resolve())
    listing = parse_source("https://www.example.gov.cn/预算/index.html")
    assert isinstance(listing, ListingSource)
    assert listing.url == "https://www.example.gov.cn/%E9%A2%84%E7%AE%97/index.html"
    assert listing.label == "www.example.gov.cn"
    with pytest.raises(FileNotFoundError):
        parse_source(tmp_path / "missing")
    with pytest.raises(ValueError, match="unsupported source"):
        parse_source("ftp://example.gov.cn/x/")
