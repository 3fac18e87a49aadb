"""Where extraction runs: bounded child processes, as many at once as there are workers; the
results stream to loading in an order that keeps supersession right; limits quarantine."""

from __future__ import annotations

from pathlib import Path

import pytest
from prefect import flow

from bounded.pool import Pool
from disclosure.model import Disclosure
from runtime.settings import ExtractSettings
from tasks.extract import Extraction
from tasks.runners import (
    extraction_pool,
    extractions,
    longest_first,
    releasable,
)
from warehouse.documents import Document
from warehouse.raw import sha256_of

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def document(name: str, printed_as: str | None = None) -> Document:
    path = SAMPLES / name
    return Document(path, sha256_of(path), path.stat().st_size, printed_as=printed_as)


def test_extract_settings_refuse_limits_that_cannot_work() -> None:
    assert ExtractSettings(0).workers == 1
    assert ExtractSettings().workers >= 1  # the machine's cores
    with pytest.raises(ValueError, match="timeout_s"):
        ExtractSettings(timeout_s=0)
    with pytest.raises(ValueError, match="memory_mb"):
        ExtractSettings(memory_mb=64)


def _fake(sha: str, printed_as: str | None) -> Document:
    return Document(Path(f"/in/{sha}.pdf"), sha * 64, 1, printed_as=printed_as)


def _done(doc: Document, unit_year: tuple[str, int] | None) -> Extraction:
    if unit_year is None:
        return Extraction(doc, reason="not_a_pdf")
    d = Disclosure(
        path="",
        page_count=1,
        template="hunan",
        year=unit_year[1],
        unit_code=unit_year[0],
        unit_name="x",
        tables=[],
    )
    return Extraction(doc, d)


def test_a_re_issue_never_loads_before_the_version_it_corrects() -> None:
    original, other, reissue, unknown = (
        _fake("a", "010-2024"),
        _fake("b", "116-2024"),
        _fake("c", "010-2024"),
        _fake("d", None),  # its cover said nothing: it may be anything
    )
    waiting = [original, other, reissue, unknown]
    # The re-issue and the other unit finished first: only the other unit may load.
    done = {d.sha256: _done(d, (d.label.split("-")[0], 2024)) for d in (other, reissue)}
    assert [e.document for e in releasable(waiting, done)] == [other]
    # Once the original is done, both 010 versions may go, in discovery order.
    done[original.sha256] = _done(original, ("010", 2024))
    assert [e.document for e in releasable(waiting, done)] == [original, other, reissue]
    # A document of unknown identity holds back what comes after it, not what comes before.
    later = _fake("e", "117-2023")
    done = {later.sha256: _done(later, ("117", 2023)), original.sha256: done[original.sha256]}
    assert [e.document for e in releasable([original, unknown, later], done)] == [original]
    # A file that will not load supersedes nothing: it never holds anything back.
    done[unknown.sha256] = _done(unknown, None)
    assert [e.document for e in releasable([original, unknown, later], done)] == [
        original,
        unknown,
        later,
    ]


def test_the_longest_documents_are_parsed_first_so_no_worker_ends_alone() -> None:
    short, unread, long, medium = (
        Document(Path(f"/in/{n}.pdf"), n * 64, 1, page_count=pages)
        for n, pages in (("a", 12), ("b", None), ("c", 64), ("d", 30))
    )
    assert longest_first([short, unread, long, medium]) == [long, medium, short, unread]


@pytest.mark.usefixtures("prefect_harness")
def test_a_document_over_the_time_limit_is_killed_and_quarantined_the_others_extract() -> None:
    slow = document("2024_116_湖南省农业农村厅.pdf", "116-2024")  # 50 pages: seconds
    quick = document("2024_010_湖南省信访局.pdf", "010-2024")

    @flow
    def run(settings: ExtractSettings) -> list[Extraction]:
        with extraction_pool(settings) as pool, extractions([slow, quick], pool, settings) as out:
            return [e for batch in out.batches(8) for e in batch]

    extracted = {e.document.file_name: e for e in run(ExtractSettings(workers=2, timeout_s=0.5))}
    timed_out = extracted[slow.file_name]
    assert (timed_out.reason, timed_out.disclosure) == ("extraction_timeout", None)
    assert "still parsing after 0.5 s, the time limit" in (timed_out.message or "")
    # Each document has a child and a limit of its own: the run got an outcome for both.
    assert set(extracted) == {slow.file_name, quick.file_name}


@pytest.mark.usefixtures("prefect_harness")
def test_documents_stream_from_the_pool_in_a_safe_order() -> None:
    names = sorted(p.name for p in SAMPLES.glob("*.pdf"))
    docs = [document(n, "-".join(n.split("_")[1::-1])) for n in names]

    @flow
    def run() -> list[list[str]]:
        settings = ExtractSettings(workers=2)
        with extraction_pool(settings) as pool, extractions(docs, pool, settings) as out:
            return [[e.document.file_name for e in batch] for batch in out.batches(2)]

    batches = run()
    assert sorted(n for batch in batches for n in batch) == names
    assert all(1 <= len(batch) <= 2 for batch in batches)


def test_a_pool_is_a_context(tmp_path: Path) -> None:
    with Pool(1, ExtractSettings().limits()) as pool:
        assert pool.run("extract", tmp_path / "missing.pdf").reason == "damaged"
