"""Where extraction runs, and its time limit: a slow document is quarantined, the run goes on."""

from __future__ import annotations

from pathlib import Path

import pytest
from prefect import flow

from tasks.extract import Extraction
from tasks.runners import ExtractSettings, extractor
from warehouse.documents import Document
from warehouse.raw import sha256_of

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def document(name: str) -> Document:
    path = SAMPLES / name
    return Document(path, sha256_of(path), path.stat().st_size)


def test_extract_settings_refuse_a_time_limit_of_zero() -> None:
    assert ExtractSettings(0).workers == 1
    with pytest.raises(ValueError, match="timeout_s"):
        ExtractSettings(timeout_s=0)


@pytest.mark.usefixtures("prefect_harness")
def test_a_document_over_the_time_limit_is_quarantined_and_the_next_one_extracts() -> None:
    slow = document("2024_116_湖南省农业农村厅.pdf")  # 50 pages: seconds, not 0.5 s
    quick = document("2024_010_湖南省信访局.pdf")

    @flow
    def run(timeout_s: float) -> list[Extraction]:
        settings = ExtractSettings(timeout_s=timeout_s)
        with extractor([slow], settings) as extract:
            timed_out = extract(slow)
        with extractor([quick], ExtractSettings()) as extract:
            return [timed_out, extract(quick)]

    timed_out, extracted = run(0.5)
    assert (timed_out.reason, timed_out.disclosure) == ("extraction_timeout", None)
    assert timed_out.message.endswith("extraction took longer than 0.5 s")
    assert extracted.disclosure is not None and extracted.disclosure.unit_code == "010"
