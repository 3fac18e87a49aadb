"""Input documents and what became of each in a run."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from disclosure.model import Disclosure


@dataclass(frozen=True)
class Document:
    """One input file found by a run, identified by the sha256 of its bytes."""

    path: Path  # absolute, where it was found
    sha256: str
    byte_size: int
    kept_at: Path | None = None  # its copy in raw/, once kept
    # Re-processing a quarantined document (`--retry-quarantined`): its new record replaces
    # the quarantined one instead of counting as already seen.
    retrying: bool = False
    # The URL it was downloaded from, when it came from an HTTP listing.
    origin: str | None = None
    # Unit code and year as its cover prints them (`010-2024`), peeked before extraction.
    printed_as: str | None = None
    # What else the peek told (`disclosure.pdf.peek`): the page count (None: unreadable) and the
    # active content the file declares (never run).
    page_count: int | None = None
    active_content: tuple[str, ...] = ()
    # (reason, words) when even the peek reached a parsing limit: refused before extraction.
    refused: tuple[str, str] | None = None

    @property
    def label(self) -> str:
        """How run names call it: `010-2024` when its cover says so, else its file stem."""
        return self.printed_as or self.stem

    @property
    def docs_label(self) -> str:
        """Its name in Data Docs and validation results: file stem and sha256 start (unique)."""
        return f"{self.stem}-{self.sha256[:8]}"

    @property
    def readable_path(self) -> Path:
        """The kept copy when there is one: its bytes are the doc_id, whatever the source does."""
        return self.kept_at or self.path

    @property
    def doc_id(self) -> str:
        return self.sha256

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def source_uri(self) -> str:
        """Where it was found: the URL it was downloaded from, else its file:// path."""
        return self.origin or self.path.as_uri()


@dataclass(frozen=True)
class SupersessionKey:
    """What makes two documents versions of one: the same unit (its code; a printed code is
    only unique within its region, so the region where both documents know it), budget year,
    scope and kind. A later document with the same key supersedes the loaded one; a
    department's 部门预算 and a body's own 单位预算 (different scopes) never supersede each
    other, nor do a year's budget (预算) and its final accounts (决算) — a corrected 决算
    supersedes the earlier 决算."""

    unit_code: str
    year: int
    scope: str | None
    region_code: str | None = None
    kind: str = "预算"  # 预算 | 决算

    @classmethod
    def of(cls, disclosure: Disclosure) -> SupersessionKey:
        if disclosure.unit_code is None or disclosure.year is None:
            raise ValueError(f"{disclosure.path}: no unit code or year to key it by")
        return cls(
            disclosure.unit_code,
            disclosure.year,
            disclosure.scope,
            disclosure.region.region_code,
            disclosure.kind,
        )


class Status(StrEnum):
    """What a run did with an input: a file, or a listing's link (the ledger's statuses for
    documents, and those of inputs that write nothing). In the order summaries list them."""

    LOADED = "loaded"  # its tables are now current for its unit and year
    UNCHANGED = "unchanged"  # already recorded from this very place: nothing written
    DUPLICATE = "duplicate"  # same bytes as a document already seen elsewhere: recorded only
    SUPERSEDED = "superseded"  # loaded, then superseded by a later version in the same run
    QUARANTINED = "quarantined"  # could not be extracted or failed a check: raw kept, reason
    # Not kept: a link's file that is not a PDF or too large; an input that is no file (a
    # folder named .pdf, a pipe).
    REJECTED = "rejected"
    # Could not be read this time: a link whose file did not arrive (404, network), a file or
    # folder the run may not read. The next run tries again.
    UNAVAILABLE = "unavailable"
    FAILED = "failed"  # the run itself failed on it (a crash): the next run retries


@dataclass(frozen=True)
class Outcome:
    # None for a listing link whose file was not kept (rejected, unavailable): `name`, `url`.
    document: Document | None
    status: Status
    reason: str | None = None  # a short code: why quarantined / rejected / unavailable / …
    message: str | None = None  # the same in plain words, naming the file
    year: int | None = None
    unit_code: str | None = None
    unit_name: str | None = None
    superseded: str | None = None  # doc_id of the earlier version this load superseded
    superseded_file: str | None = None
    tables: int | None = None  # tables and cells loaded, for the run's artifacts
    cells: int | None = None
    name: str | None = None  # the file name of a link without a document
    url: str | None = None  # … and its URL

    @property
    def file_name(self) -> str:
        return self.document.file_name if self.document is not None else self.name or "?"

    @property
    def doc_id(self) -> str | None:
        return self.document.doc_id if self.document is not None else None

    @property
    def unit_year(self) -> str:
        return f"{self.unit_code}-{self.year}" if self.unit_code else "?"
