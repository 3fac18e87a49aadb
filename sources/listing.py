"""A listing page: an HTML page whose links point at disclosure PDFs.

Government sites publish disclosures as a page of links, relative (`files/预算.pdf`) or
absolute (`https://host/a/b.pdf`), with names in Chinese, raw or percent-encoded, and pages
encoded in UTF-8 or GBK. `page_to_links` turns the page's bytes into the PDF links it holds,
resolved against the page's address (or its `<base href>`), in page order, each once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from sources.names import is_pdf_url, url_to_file_name

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.I)


@dataclass(frozen=True)
class PdfLink:
    """A PDF the listing links to: where to fetch it, and the name it is kept under."""

    url: str  # absolute, normalised (percent-encoded as httpx sends it)
    file_name: str  # safe: see sources.names
    text: str = ""  # the link's text, for people reading the run

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.hrefs: list[str] = []
        self.texts: list[str] = []
        self._open: list[tuple[int, list[str]]] = []  # <a> elements being read: (link, text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v for k, v in attrs if v is not None}
        if tag == "base" and self.base is None and "href" in values:
            self.base = values["href"].strip()
        elif tag in ("a", "area") and "href" in values:
            self.hrefs.append(values["href"].strip())
            self.texts.append("")
            if tag == "a":
                self._open.append((len(self.hrefs) - 1, []))

    def handle_data(self, data: str) -> None:
        for _, parts in self._open:
            parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            index, parts = self._open.pop()
            self.texts[index] = " ".join("".join(parts).split())


def decode_page(body: bytes, content_type: str | None = None) -> str:
    """The page's text: the charset the server declares, else the page's `<meta>`, else UTF-8,
    else GB18030 (a superset of GBK and GB2312, which many Chinese sites use undeclared)."""
    declared = _charset_of(content_type) or _meta_charset(body)
    for encoding in (declared, "utf-8", "gb18030"):
        if not encoding:
            continue
        try:
            return body.decode(_widen(encoding))
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", errors="replace")


def page_to_links(page_url: str, html: str) -> list[PdfLink]:
    """The PDF links of a listing page, absolute, in page order, without repeats."""
    parser = _LinkParser()
    parser.feed(html)
    parser.close()
    base = urljoin(page_url, parser.base) if parser.base else page_url
    links: list[PdfLink] = []
    seen: set[str] = set()
    for href, text in zip(parser.hrefs, parser.texts, strict=True):
        url = normalise_url(urljoin(base, href))
        if url is None or url in seen or not is_pdf_url(url):
            continue
        seen.add(url)
        links.append(PdfLink(url, url_to_file_name(url), text))
    return links


def normalise_url(url: str) -> str | None:
    """The URL as it is requested (percent-encoded, no fragment); None unless http(s)."""
    scheme, netloc, path, query, _fragment = urlsplit(url)
    if scheme.lower() not in ("http", "https") or not netloc:
        return None
    try:
        return str(httpx.URL(urlunsplit((scheme, netloc, path, query, ""))))
    except httpx.InvalidURL:
        return None


def _charset_of(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-]+)", content_type, re.I)
    return match.group(1) if match else None


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii") if match else None


def _widen(encoding: str) -> str:
    # Pages labelled gb2312/gbk routinely use characters only GB18030 has.
    return "gb18030" if encoding.lower().replace("-", "") in ("gb2312", "gbk") else encoding
