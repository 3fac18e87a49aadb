"""Downloading a listing's PDFs into a folder that the ingest then reads like any inbox.

`<data-dir>/downloads/<listing host>/` holds one file per link, under its safe name
(`sources.names`), and beside them, hidden from discovery, `.http/<file name>.json`: the URL the
file came from and the validators its server sent (ETag, Last-Modified). The next run sends them
back (`If-None-Match`, `If-Modified-Since`), so an unchanged file costs one `304 Not Modified`
and is not fetched again.

What arrives is checked before it is kept: at most `HttpSettings.max_bytes` (the declared
Content-Length first, then the bytes counted as they stream), and the bytes sniffed, never the
extension or Content-Type: no `%PDF-` in the first 1,024 bytes means not kept (a login page or a
soft 404 served as `x.pdf`). A download is written aside (`.partial/`) and renamed into place,
so a killed run never leaves half a PDF where discovery would find it.

Errors worth retrying (the connection, timeouts, 5xx, 429) raise; everything else is an outcome.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
from pathlib import Path

import httpx

from disclosure.pdf import SNIFF_BYTES, looks_like_pdf, what_it_is
from sources.listing import PdfLink, decode_page, page_to_links
from sources.names import with_key
from warehouse.staging import write_atomically, write_text_atomically

PARTIAL = ".partial"  # where downloads are staged, beside the files (hidden from discovery)

# Statuses a server may return for a moment: worth another try later.
_TRANSIENT = {408, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class HttpSettings:
    max_bytes: int = 200 * 2**20  # per PDF; disclosures are a few MB
    max_listing_bytes: int = 10 * 2**20
    timeout_s: float = 60.0  # between bytes, not for the whole download
    connect_timeout_s: float = 10.0
    max_redirects: int = 5
    retries: int = 3  # on network errors and 5xx/429 only (tasks.fetch)
    retry_delays_s: tuple[float, ...] = (10.0, 20.0, 30.0)
    retry_budget_s: float = 60.0  # per link and run: no retry that could end later than this
    user_agent: str = "budget-disclosures/0.1 (nightly ingest of budget disclosures)"  # ASCII

    def __post_init__(self) -> None:
        for name in (
            "max_bytes",
            "max_listing_bytes",
            "timeout_s",
            "connect_timeout_s",
            "retry_budget_s",
        ):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be > 0, not {getattr(self, name)}")

    def client(self) -> httpx.Client:
        return httpx.Client(
            follow_redirects=True,
            max_redirects=self.max_redirects,
            timeout=httpx.Timeout(self.timeout_s, connect=self.connect_timeout_s),
            headers={"User-Agent": self.user_agent},
        )


class TransientHttpError(Exception):
    """The server answered with a status that may go away (5xx, 429): try again later."""

    def __init__(self, url: str, status: int) -> None:
        super().__init__(f"{url}: HTTP {status}")
        self.url = url
        self.status = status


class ListingError(Exception):
    """The listing page cannot be used (not found, forbidden, too large): retrying won't help."""


class DownloadStatus(StrEnum):
    FETCHED = "fetched"  # new or changed bytes, now in the folder
    NOT_MODIFIED = "not_modified"  # 304: the copy in the folder is current
    REJECTED = "rejected"  # arrived, but not kept: not a PDF, or too large
    UNAVAILABLE = "unavailable"  # the server refused it (404, 403, …): nothing kept


@dataclass(frozen=True)
class Download:
    link: PdfLink
    status: DownloadStatus
    path: Path | None = None  # the kept file (fetched or not modified)
    reason: str | None = None  # why rejected or unavailable
    byte_size: int | None = None


@dataclass(frozen=True)
class Record:
    """What `.http/<file name>.json` remembers of a download."""

    url: str
    file_name: str
    etag: str | None = None
    last_modified: str | None = None
    byte_size: int | None = None
    fetched_at: str | None = None


def listing_folder(downloads_dir: Path, listing_url: str) -> Path:
    """`downloads/<host>[_<port>]/`: one folder per listing host, a plain, safe name."""
    url = httpx.URL(listing_url)
    host = url.raw_host.decode("ascii").lower()  # IDNA (punycode) for non-ASCII hosts
    name = host + (f"_{url.port}" if url.port else "")
    return downloads_dir / re.sub(r"[^a-z0-9._\-]", "_", name)


def read_listing(client: httpx.Client, url: str, settings: HttpSettings) -> list[PdfLink]:
    """The PDF links of the listing page at `url`."""
    with client.stream("GET", url) as response:
        _raise_if_transient(response)
        if response.status_code != 200:
            raise ListingError(f"{url}: HTTP {response.status_code}")
        body = _read_capped(response, settings.max_listing_bytes)
        if body is None:
            raise ListingError(f"{url}: larger than {settings.max_listing_bytes} bytes")
        page_url = str(response.url)  # after redirects: relative links resolve against it
        return page_to_links(page_url, decode_page(body, response.headers.get("content-type")))


def download(client: httpx.Client, link: PdfLink, folder: Path, settings: HttpSettings) -> Download:
    """Fetch `link` into `folder` unless the copy there is current; see the module docstring."""
    record = find_record(folder, link)
    name = record.file_name if record else free_name(folder, link)
    target = folder / name
    headers = {}
    if record and target.exists():
        if record.etag:
            headers["If-None-Match"] = record.etag
        if record.last_modified:
            headers["If-Modified-Since"] = record.last_modified
    with client.stream("GET", link.url, headers=headers) as response:
        _raise_if_transient(response)
        if response.status_code == 304 and headers:
            return Download(link, DownloadStatus.NOT_MODIFIED, target, byte_size=_size(target))
        if response.status_code != 200:
            return Download(link, DownloadStatus.UNAVAILABLE, reason=f"http_{response.status_code}")
        declared = _content_length(response)
        if declared is not None and declared > settings.max_bytes:
            return _too_large(link, declared, settings)
        try:
            write_atomically(
                target,
                lambda staged: _stream(response, link, staged, settings),
                staging_dir=folder / PARTIAL,
            )
        except _Refused as refused:
            return refused.download
        size = target.stat().st_size
        last_modified = response.headers.get("last-modified")
        _stamp_mtime(target, last_modified)
        write_record(
            folder,
            Record(
                url=link.url,
                file_name=name,
                etag=response.headers.get("etag"),
                last_modified=last_modified,
                byte_size=size,
                fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        return Download(link, DownloadStatus.FETCHED, target, byte_size=size)


def record_path(folder: Path, file_name: str) -> Path:
    return folder / ".http" / f"{file_name}.json"


def read_record(folder: Path, file_name: str) -> Record | None:
    try:
        data = json.loads(record_path(folder, file_name).read_text("utf-8"))
        return Record(**data)
    except (OSError, ValueError, TypeError):
        return None


def find_record(folder: Path, link: PdfLink) -> Record | None:
    """This URL's record, under its plain name or, when that was taken, its keyed name."""
    for name in (link.file_name, with_key(link.file_name, link.url)):
        record = read_record(folder, name)
        if record is not None and record.url == link.url:
            return record
    return None


def free_name(folder: Path, link: PdfLink) -> str:
    """The plain name, unless a record gives it to another URL (`/2023/预算.pdf` and
    `/2024/预算.pdf` are different files): then the name keyed by this URL."""
    taken = read_record(folder, link.file_name)
    if taken is None or taken.url == link.url:
        return link.file_name
    return with_key(link.file_name, link.url)


def write_record(folder: Path, record: Record) -> None:
    text = json.dumps(asdict(record), ensure_ascii=False, indent=1)
    write_text_atomically(record_path(folder, record.file_name), text)


class _Refused(Exception):
    """The body was refused while it streamed (too large, not a PDF): nothing is kept."""

    def __init__(self, download: Download) -> None:
        super().__init__(download.reason)
        self.download = download


def _stream(response: httpx.Response, link: PdfLink, staged: Path, settings: HttpSettings) -> None:
    """Stream the body into `staged`, sniffing its head and counting its bytes; raise
    `_Refused` (the staged file is then removed) when it is too large or not a PDF."""
    head = b""
    size = 0
    with staged.open("wb") as out:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > settings.max_bytes:
                raise _Refused(_too_large(link, size, settings, streamed=True))
            if len(head) < SNIFF_BYTES:
                head += chunk[: SNIFF_BYTES - len(head)]
                if len(head) >= SNIFF_BYTES and not looks_like_pdf(head):
                    break
            out.write(chunk)
    if not looks_like_pdf(head):
        raise _Refused(
            Download(
                link, DownloadStatus.REJECTED, reason=_not_a_pdf(head, response), byte_size=size
            )
        )


def _not_a_pdf(head: bytes, response: httpx.Response) -> str:
    kind = what_it_is(head) if head else "an empty body"
    content_type = response.headers.get("content-type", "no Content-Type")
    return f"not_a_pdf: no %PDF- header in the first {SNIFF_BYTES} bytes ({kind}, {content_type})"


def _too_large(
    link: PdfLink, size: int, settings: HttpSettings, *, streamed: bool = False
) -> Download:
    what = "more than" if streamed else "declares"
    return Download(
        link,
        DownloadStatus.REJECTED,
        reason=f"too_large: {what} {size:,} bytes, the cap is {settings.max_bytes:,}",
        byte_size=size,
    )


def _raise_if_transient(response: httpx.Response) -> None:
    if response.status_code in _TRANSIENT:
        raise TransientHttpError(str(response.url), response.status_code)


def _read_capped(response: httpx.Response, cap: int) -> bytes | None:
    parts: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            return None
        parts.append(chunk)
    return b"".join(parts)


def _content_length(response: httpx.Response) -> int | None:
    try:
        return int(response.headers["content-length"])
    except (KeyError, ValueError):
        return None


def _stamp_mtime(path: Path, last_modified: str | None) -> None:
    """The publisher's date as the file's mtime: discovery takes older files first, so a
    re-issued disclosure loads after the one it corrects."""
    if not last_modified:
        return
    try:
        stamp = parsedate_to_datetime(last_modified).timestamp()
    except (TypeError, ValueError):
        return
    os.utime(path, (stamp, stamp))


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None
