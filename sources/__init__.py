"""Where new disclosures come from: a local folder, or a web page that links PDFs.

Pure Python with httpx, no Prefect: `tasks/fetch.py` wraps the network calls in tasks.

    source = parse_source("inbox/")                          # FolderSource
    source = parse_source("https://example.gov.cn/yusuan/")  # ListingSource
    source.label                                             # run names: inbox, example.gov.cn

A folder is read where it is. A listing's PDFs are downloaded first, into
`<data-dir>/downloads/<host>/` (see `sources.downloads`), and that folder is then read like an
inbox: the ingest itself only ever sees a folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from sources.downloads import listing_folder
from sources.listing import normalise_url

DOWNLOADS = "downloads"  # under the data directory


@dataclass(frozen=True)
class FolderSource:
    """A folder of PDFs (searched recursively), or one PDF."""

    path: Path

    @property
    def label(self) -> str:
        return self.path.name or str(self.path)

    @property
    def uri(self) -> str:
        return self.path.as_uri()


@dataclass(frozen=True)
class ListingSource:
    """An HTML page (http or https) whose links point at PDFs."""

    url: str

    @property
    def label(self) -> str:
        return httpx.URL(self.url).host or self.url

    @property
    def uri(self) -> str:
        return self.url

    def folder(self, data_dir: Path) -> Path:
        """Where this listing's PDFs are downloaded to, and read from."""
        return listing_folder(data_dir / DOWNLOADS, self.url)


Source = FolderSource | ListingSource


def source_label(text: str | Path) -> str:
    """A short name for run names, without checking that the source exists."""
    raw = str(text).strip()
    if raw.lower().startswith(("http://", "https://")):
        return urlsplit(raw).hostname or raw
    return Path(raw).name or raw


def parse_source(text: str | Path) -> Source:
    """An http(s) URL is a listing; anything else is a local path, which must exist."""
    raw = str(text).strip()
    if raw.lower().startswith(("http://", "https://")):
        url = normalise_url(raw)
        if url is None:
            raise ValueError(f"not a usable http(s) URL: {raw!r}")
        return ListingSource(url)
    if "://" in raw:
        raise ValueError(f"unsupported source {raw!r}: give a folder, a PDF, or an http(s) URL")
    path = Path(raw).expanduser()
    if not path.exists():
        raise FileNotFoundError(f"source {path} does not exist")
    return FolderSource(path.resolve())
