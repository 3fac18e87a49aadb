"""Fetch: the folder a run reads — the source folder itself, or a listing's PDFs, downloaded.

Network calls are the only tasks that retry, and only on what a retry can fix: the connection,
a timeout, a busy server (5xx, 429). A 404, a page that is not a PDF or a file over the size cap
is an outcome, recorded once, not retried.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State, TaskRun
from prefect.tasks import Task

from sources import FolderSource, ListingSource, Source
from sources.downloads import (
    Download,
    DownloadStatus,
    HttpSettings,
    TransientHttpError,
    download,
    read_listing,
)
from sources.listing import PdfLink
from tasks.states import outcome_of


@dataclass(frozen=True)
class Fetched:
    """The folder to ingest, and what became of each link when the source is a listing."""

    folder: Path
    source_uri: str
    downloads: tuple[Download, ...] = ()

    @property
    def origins(self) -> dict[Path, str]:
        """The URL each downloaded file came from (empty for a folder source)."""
        return {d.path.resolve(): d.link.url for d in self.downloads if d.path is not None}

    @property
    def not_kept(self) -> list[Download]:
        """Links whose file was refused (not a PDF, too large) or unavailable (404, 403, …)."""
        kept = (DownloadStatus.FETCHED, DownloadStatus.NOT_MODIFIED)
        return [d for d in self.downloads if d.status not in kept]

    def counts(self) -> dict[str, int]:
        return {s.value: sum(d.status is s for d in self.downloads) for s in DownloadStatus}


def is_network_error(task: Task, task_run: TaskRun, state: State) -> bool:
    """Retry condition: the failure was the network or a busy server, not the file."""
    error = state.result(raise_on_failure=False)
    return isinstance(error, httpx.TransportError | TransientHttpError)


@task(
    name="read-listing",
    task_run_name="read-listing-{source.label}",
    retry_condition_fn=is_network_error,
    cache_policy=NO_CACHE,
)
def read_listing_page(source: ListingSource, settings: HttpSettings) -> list[PdfLink]:
    with settings.client() as client:
        links = read_listing(client, source.url, settings)
    get_run_logger().info("%s links %d PDFs", source.url, len(links))
    return links


@task(
    name="download",
    task_run_name="download-{link.file_name}",
    retry_condition_fn=is_network_error,
    cache_policy=NO_CACHE,
)
def download_pdf(link: PdfLink, folder: Path, settings: HttpSettings) -> Download:
    with settings.client() as client:
        outcome = download(client, link, folder, settings)
    logger = get_run_logger()
    if outcome.status is DownloadStatus.FETCHED:
        logger.info("%s: fetched %s bytes from %s", link.file_name, outcome.byte_size, link.url)
    elif outcome.status is DownloadStatus.NOT_MODIFIED:
        logger.info("%s: not modified since the last run", link.file_name)
    else:
        logger.warning(
            "%s: %s (%s) from %s", link.file_name, outcome.status, outcome.reason, link.url
        )
    return outcome


def fetch(source: Source, data_dir: Path, settings: HttpSettings | None = None) -> Fetched:
    """A folder source as it is; a listing's PDFs downloaded into `<data-dir>/downloads/<host>/`."""
    if isinstance(source, FolderSource):
        return Fetched(source.path, source.uri)
    settings = settings or HttpSettings()
    folder = source.folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    delays = list(settings.retry_delays_s)
    read_page = read_listing_page.with_options(retries=settings.retries, retry_delay_seconds=delays)
    links = read_page(source, settings)
    fetch_pdf = download_pdf.with_options(retries=settings.retries, retry_delay_seconds=delays)
    # A link that still fails after its retries is reported and tried again next run; the
    # other links are ingested meanwhile. A listing that cannot be read fails the run.
    downloads = tuple(
        outcome_of(fetch_pdf(link, folder, settings, return_state=True), _unavailable(link))
        for link in links
    )
    return Fetched(folder, source.uri, downloads)


def _unavailable(link: PdfLink) -> Callable[[object], Download]:
    return lambda error: Download(link, DownloadStatus.UNAVAILABLE, reason=f"network: {error}")
