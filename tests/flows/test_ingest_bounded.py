"""The ingest flow with a hostile file among good ones: a 1 GiB decompression bomb is stopped
at the memory limit and quarantined with the figure, while the good documents beside it load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from flows.ingest import ingest
from tests.conftest import HUNAN_2023, HUNAN_2024
from warehouse.documents import Status

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]


def test_a_decompression_bomb_is_quarantined_and_the_good_files_load(
    make_inbox: Callable[..., Path], bomb_pdf: Path, tmp_path: Path
) -> None:
    inbox = make_inbox(HUNAN_2024, ("bomb.pdf", bomb_pdf.read_bytes()), HUNAN_2023)
    data_dir = tmp_path / "data"
    summary = ingest(source=inbox, data_dir=data_dir)

    outcomes = {o.file_name: o for o in summary.outcomes}
    assert {n: o.status for n, o in outcomes.items()} == {
        HUNAN_2024: Status.LOADED,
        "bomb.pdf": Status.QUARANTINED,
        HUNAN_2023: Status.LOADED,
    }
    bomb = outcomes["bomb.pdf"]
    assert bomb.reason == "resource_limit"
    assert "reached the memory limit of 1,024 MB (peak resident" in (bomb.message or "")
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        assert con.execute(
            "SELECT reason FROM disclosures WHERE file_name = 'bomb.pdf'"
        ).fetchall() == [("resource_limit",)]
    finally:
        con.close()
    assert (data_dir / "quarantine").is_dir()
