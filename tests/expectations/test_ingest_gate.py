"""The ingest flow with the gate, on the whole bad-input set and good files, in one run.

Each bad file is quarantined with its own reason and every input is kept in raw/; the good
files load (with their warnings recorded); validation_results and Data Docs are written.
A quarantined file whose cause is fixed (here: a higher page limit) loads on a re-run with
`retry_quarantined`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    ArtifactFilter,
    ArtifactFilterFlowRunId,
    FlowRunFilter,
    FlowRunFilterId,
)
from prefect.client.schemas.objects import StateType

from flows.ingest import ingest
from tests.conftest import HUNAN_2023, HUNAN_2024
from tests.expectations.conftest import EXPECTED_REASONS, TEST_MAX_PAGES, VARIANT_WARNINGS
from tests.hostile import with_open_action
from warehouse.documents import Status

pytestmark = pytest.mark.usefixtures("prefect_harness")


def query(data_dir: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


SMALL = "2024_011_湖南省测试局.pdf"
SCRIPTED = "2023_010_湖南省信访局（脚本）.pdf"


def test_bad_inputs_are_quarantined_with_their_reasons_and_good_files_load(
    make_inbox: Callable[..., Path],
    bad_pdfs: dict[str, Path],
    small_pdf: Path,
    sample_pdfs: dict[str, Path],
    tmp_path: Path,
) -> None:
    scripted = with_open_action(sample_pdfs[HUNAN_2023], tmp_path / SCRIPTED)
    inbox = make_inbox(
        HUNAN_2024,
        (SMALL, small_pdf.read_bytes()),
        (SCRIPTED, scripted.read_bytes()),
        *[(name, path.read_bytes()) for name, path in bad_pdfs.items()],
    )
    data_dir = tmp_path / "data"
    sha = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.iterdir()}

    state = ingest(source=inbox, data_dir=data_dir, max_pages=TEST_MAX_PAGES, return_state=True)
    summary = state.result()

    outcomes = {o.file_name: o for o in summary.outcomes}
    assert {name: (o.status, o.reason) for name, o in outcomes.items()} == {
        HUNAN_2024: (Status.LOADED, "warnings: missing_tables"),
        SMALL: (Status.LOADED, "warnings: missing_tables"),
        **{name: (Status.LOADED, warned) for name, warned in VARIANT_WARNINGS.items()},
        # It would run JavaScript in a viewer: loaded, never run, and said.
        SCRIPTED: (Status.LOADED, "warnings: active_content, missing_tables"),
        **{name: (Status.QUARANTINED, reason) for name, reason in EXPECTED_REASONS.items()},
    }
    # Every input is kept, bad or good, by the sha256 of its bytes.
    assert {p.name for p in (data_dir / "raw").iterdir()} == {f"{h}.pdf" for h in sha.values()}
    assert query(data_dir, "SELECT status, count(*) FROM disclosures GROUP BY ALL ORDER BY 1") == [
        ("loaded", 3 + len(VARIANT_WARNINGS)),
        ("quarantined", len(EXPECTED_REASONS)),
    ]

    # A quarantine report in plain words, with the failing expectations.
    report = json.loads((data_dir / "quarantine" / f"{sha['amount-token.pdf']}.json").read_text())
    assert report["reason"] == "non_numeric_amount"
    assert "«l,204.00»" in report["message"]
    (critical,) = report["validation"]["critical"]
    assert critical["expectation"] == "expect_column_values_to_be_of_type"
    report = json.loads((data_dir / "quarantine" / f"{sha['encrypted.pdf']}.json").read_text())
    assert report["reason"] == "encrypted" and "validation" not in report

    # The ledger says it too: a reason code, and the same in plain words naming the file.
    ledger = dict(
        query(data_dir, "SELECT file_name, message FROM disclosures WHERE status = 'quarantined'")
    )
    assert "amount-token.pdf" in ledger["amount-token.pdf"]
    assert "«l,204.00»" in ledger["amount-token.pdf"]
    assert "expect_column_values_to_be_of_type" in ledger["amount-token.pdf"]
    assert "password" in ledger["encrypted.pdf"] and "encrypted.pdf" in ledger["encrypted.pdf"]

    # Every check of every validated document, passed or not.
    rows = dict(
        query(
            data_dir,
            "SELECT file_name, list(reason ORDER BY reason) FILTER (NOT success) "
            "FROM validation_results GROUP BY file_name",
        )
    )
    assert rows == {
        HUNAN_2024: ["missing_tables"],
        SMALL: ["missing_tables"],
        SCRIPTED: ["active_content", "missing_tables"],
        "header-renamed.pdf": ["header_variant", "missing_tables"],
        "header-added.pdf": ["header_variant", "missing_tables"],
        "amount-token.pdf": ["missing_tables", "non_numeric_amount"],
        "padded.pdf": ["too_many_pages"],  # screened: never extracted
        "no-pages.pdf": ["no_pages"],
    }
    (checks,) = query(
        data_dir,
        f"SELECT count(*) FROM validation_results WHERE doc_id = '{sha[HUNAN_2024]}'",
    )[0]
    assert checks == 3 + 5 + 4 + 3  # screen, documents, tables, cells

    # Data Docs, linked from the run's summary artifact.
    index = data_dir / "docs" / "index.html"
    assert index.is_file()
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(
                flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])
            )
        )
        task_runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(
                id=FlowRunFilterId(any_=[state.state_details.flow_run_id])
            )
        )
    (markdown,) = [a for a in artifacts if a.key == "ingest-summary"]
    assert str(index) in str(markdown.data) and "](file://" not in str(markdown.data)

    # A quarantine is no failure, but no load either: its task run is Completed, "Quarantined".
    loads = [t for t in task_runs if t.name.startswith(("load-", "quarantine-"))]
    quarantined = [t for t in loads if t.state_name == "Quarantined"]
    assert len(quarantined) == len(EXPECTED_REASONS)
    assert all(t.state_type == StateType.COMPLETED for t in loads)
    loaded = sum(1 for o in summary.outcomes if o.status is Status.LOADED)
    assert sorted(t.state_name for t in loads if t not in quarantined) == ["Completed"] * loaded


def test_a_quarantined_file_loads_once_its_cause_is_fixed(
    make_inbox: Callable[..., Path], bad_pdfs: dict[str, Path], tmp_path: Path
) -> None:
    inbox = make_inbox(("padded.pdf", bad_pdfs["padded.pdf"].read_bytes()))
    data_dir = tmp_path / "data"
    first = ingest(source=inbox, data_dir=data_dir, max_pages=TEST_MAX_PAGES)
    assert [o.reason for o in first.outcomes] == ["too_many_pages"]
    (doc_id,) = [p.stem for p in (data_dir / "quarantine").iterdir()]

    # The limit raised (the default, 500 pages), quarantined files are re-processed from raw/.
    again = ingest(source=inbox, data_dir=data_dir, retry_quarantined=True)
    loaded = [o for o in again.outcomes if o.status == Status.LOADED]
    assert [(o.file_name, o.unit_code, o.year) for o in loaded] == [("padded.pdf", "011", 2024)]
    assert query(data_dir, "SELECT doc_id, status, reason FROM disclosures") == [
        (doc_id, "loaded", None)
    ]
    assert not (data_dir / "quarantine" / f"{doc_id}.json").exists()
    assert query(data_dir, "SELECT count(*) FROM budget_cells WHERE unit_code = '011'")[0][0] > 0
    # Both runs' checks are kept: the refusal, then the passing validation.
    assert query(
        data_dir,
        "SELECT suite, success FROM validation_results WHERE reason = 'too_many_pages' "
        "ORDER BY validated_at",
    ) == [("screen", False), ("screen", True)]
