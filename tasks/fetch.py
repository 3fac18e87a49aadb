"""Fetch: the folder a run reads — the source folder itself, or a listing's PDFs, downloaded.

Network calls are the only tasks that retry, and only on what a retry can fix: the connection,
a timeout, a busy server (5xx, 429). A 404, a page that is not a PDF or a file over the size cap
is an outcome, recorded once, not retried.

Retries are bounded in time, not only in number: a link is retried only while its next attempt
can end within `HttpSettings.retry_budget_s` of its first (`RetryBudget`), and once one link of a
host has failed on the network after its retries, the host's other links are not tried again in
this run (they are `unavailable`, "host unreachable"). An unreachable host costs at most the
budget per run, however many links it has.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from uuid import UUID

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
from warehouse.documents import Outcome, Status


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

    def outcomes(self) -> list[Outcome]:
        """The links whose file was not kept, as outcomes of the run (`rejected`,
        `unavailable`): a reason code and the words, naming the link."""
        return [_link_outcome(d) for d in self.not_kept]


def _link_outcome(download: Download) -> Outcome:
    status = Status.REJECTED if download.status is DownloadStatus.REJECTED else Status.UNAVAILABLE
    code, _, words = (download.reason or "unavailable").partition(": ")
    return Outcome(
        None,
        status,
        reason=code,
        message=f"{download.link.url}: {words or code}",
        name=download.link.file_name,
        url=download.link.url,
    )


def is_network_error(task: Task, task_run: TaskRun, state: State) -> bool:
    """Retry condition: the failure was the network or a busy server, not the file."""
    error = state.result(raise_on_failure=False)
    return isinstance(error, httpx.TransportError | TransientHttpError)


@dataclass
class RetryBudget:
    """A retry condition with a time budget per task run: retry a network failure only while
    the next attempt, after its delay, can still end within `budget_s` of the first attempt's
    start (an attempt is counted as long as a connection timeout)."""

    budget_s: float
    delays_s: tuple[float, ...]
    attempt_s: float
    _first: dict[UUID, float] = field(default_factory=dict)

    def __call__(self, task: Task, task_run: TaskRun, state: State) -> bool:
        now = time.monotonic()
        # Called after each failed attempt; the first call times the first attempt from the
        # task run's start.
        if task_run.id not in self._first:
            started = task_run.start_time.timestamp() if task_run.start_time else time.time()
            self._first[task_run.id] = now - max(0.0, time.time() - started)
        delay = self.delays_s[min(task_run.run_count - 1, len(self.delays_s) - 1)]
        fits = now - self._first[task_run.id] + delay + self.attempt_s <= self.budget_s
        return fits and is_network_error(task, task_run, state)


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
    retrying = {
        "retries": settings.retries,
        "retry_delay_seconds": list(settings.retry_delays_s),
        "retry_condition_fn": RetryBudget(
            settings.retry_budget_s, settings.retry_delays_s, settings.connect_timeout_s
        ),
    }
    links = read_listing_page.with_options(**retrying)(source, settings)  # type: ignore[arg-type]
    fetch_pdf = download_pdf.with_options(**retrying)  # type: ignore[arg-type]
    # A link that still fails after its retries is reported and tried again next run; the
    # other links are ingested meanwhile. A listing that cannot be read fails the run.
    unreachable: dict[str, Download] = {}
    downloads = []
    for link in links:
        host = httpx.URL(link.url).host
        if host in unreachable:
            downloads.append(
                Download(
                    link,
                    DownloadStatus.UNAVAILABLE,
                    reason=f"network: host {host} unreachable in this run "
                    f"({unreachable[host].link.file_name}: {unreachable[host].reason})",
                )
            )
            continue
        state = fetch_pdf(link, folder, settings, return_state=True)
        got = outcome_of(state, _unavailable(link))
        if got.status is DownloadStatus.UNAVAILABLE and _network_failure(state):
            unreachable[host] = got
        downloads.append(got)
    return Fetched(folder, source.uri, tuple(downloads))


def _network_failure(state: State) -> bool:
    error = state.result(raise_on_failure=False) if state.is_failed() else None
    return isinstance(error, httpx.TransportError)


def _unavailable(link: PdfLink) -> Callable[[object], Download]:
    return lambda error: Download(link, DownloadStatus.UNAVAILABLE, reason=f"network: {error}")
