"""Safe names for downloaded files: one plain component, readable, ending in .pdf."""

from __future__ import annotations

from pathlib import Path

import pytest

from sources.names import MAX_NAME_BYTES, is_pdf_url, safe_file_name, url_to_file_name, with_key


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("http://h/files/2024_010_湖南省信访局.pdf", "2024_010_湖南省信访局.pdf"),
        ("http://h/f/%E6%B9%96%E5%8D%97%E7%9C%81.pdf", "湖南省.pdf"),  # UTF-8, percent-encoded
        ("http://h/f/%BA%FE%C4%CF%CA%A1.pdf", "湖南省.pdf"),  # GBK, percent-encoded
        ("http://h/f/%E9%A2%84%E7%AE%97%20%E5%85%AC%E5%BC%80.PDF", "预算 公开.pdf"),
        ("http://h/x.pdf?download=1#page=2", "x.pdf"),
    ],
)
def test_the_name_is_the_decoded_last_segment(url: str, name: str) -> None:
    assert url_to_file_name(url) == name


@pytest.mark.parametrize(
    "url",
    [
        "http://h/..%2F..%2F..%2Fetc%2Fcron.d%2Fevil.pdf",
        "http://h/files/..%5C..%5Cwindows%5Cevil.pdf",
        "http://h/%2Fetc%2Fevil.pdf",
        "http://h/%2e%2e%2f%2e%2e%2fevil.pdf",
    ],
)
def test_no_name_climbs_out_of_its_folder(url: str, tmp_path: Path) -> None:
    name = url_to_file_name(url)
    assert name == "evil.pdf"
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


@pytest.mark.parametrize("raw", ["", ".pdf", "..", "../..", " . .PDF", "\x00\x01.pdf", "/"])
def test_nothing_usable_gets_a_hashed_name(raw: str) -> None:
    name = safe_file_name(raw, fallback_key="http://h/x")
    assert name.startswith("download-") and name.endswith(".pdf") and "/" not in name


def test_names_are_plain_visible_and_bounded() -> None:
    assert safe_file_name(".hidden.pdf") == "hidden.pdf"  # discovery skips dot files
    assert safe_file_name("a\tb\u200bc\r\n.pdf") == "a bc.pdf"
    assert safe_file_name('a:b*c?"d<e>f|g.pdf') == "a_b_c__d_e_f_g.pdf"
    long = safe_file_name("预" * 300 + ".pdf")
    assert len(long.encode("utf-8")) <= MAX_NAME_BYTES and long.endswith("预.pdf")
    assert safe_file_name("report") == "report.pdf"


def test_a_keyed_name_tells_two_urls_apart() -> None:
    a = with_key("预算.pdf", "http://h/2023/预算.pdf")
    b = with_key("预算.pdf", "http://h/2024/预算.pdf")
    assert a != b and a.startswith("预算-") and a.endswith(".pdf")


def test_pdf_links_are_known_by_their_path() -> None:
    assert is_pdf_url("http://h/a/%E9%A2%84%E7%AE%97.PDF")
    assert not is_pdf_url("http://h/a/index.html")
    assert not is_pdf_url("http://h/view?file=x.pdf")  # a viewer page, not the file
