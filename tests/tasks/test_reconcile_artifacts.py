"""The reconcile and nightly artifacts' content, from a real run over the seed disclosure: counts
that add up, the engine's reasons, the columns a reader needs first, and links that open."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure.model import Disclosure
from reconcile.catalog import load_catalog
from reconcile.report import write_report
from reconcile.runs import Run, reconcile_warehouse
from tasks.artifacts import nightly_markdown
from tasks.reconcile import findings_table, run_to_markdown
from tasks.summary import IngestSummary
from tests.conftest import HUNAN_2024
from warehouse import store
from warehouse.documents import Document
from warehouse.raw import sha256_of
from warehouse.settings import WarehouseSettings

SERVED = "http://127.0.0.1:8765/"


@pytest.fixture(scope="module")
def seed_run(
    tmp_path_factory: pytest.TempPathFactory,
    sample_pdfs: dict[str, Path],
    sample_disclosures: dict[str, Disclosure],
) -> tuple[WarehouseSettings, Run]:
    settings = WarehouseSettings(tmp_path_factory.mktemp("run") / "data", public_url=SERVED)
    pdf = sample_pdfs[HUNAN_2024]
    store.load_disclosure(
        settings, Document(pdf, sha256_of(pdf), pdf.stat().st_size), sample_disclosures[HUNAN_2024]
    )
    return settings, reconcile_warehouse(settings)


def test_the_report_artifact_s_rule_counts_add_up_and_give_the_true_reasons(
    seed_run: tuple[WarehouseSettings, Run],
) -> None:
    settings, run = seed_run
    report = write_report(settings, run)
    text = run_to_markdown(run, report, settings.url_of(report))

    coverage = run.rule_coverage()
    rules = run.rules.to_pylist()
    everywhere = sum(1 for r in rules if r["evaluated"] and not r["not_evaluated"])
    nowhere = sum(1 for r in rules if not r["evaluated"])
    assert coverage == {
        "rules": len(load_catalog("hunan").rules),
        "everywhere": everywhere,
        "partly": len(rules) - everywhere - nowhere,
        "nowhere": nowhere,
    }
    assert nowhere >= 14  # the seed lacks 7 tables, and has no year before
    assert (
        f"**Rules**: {len(rules)} — {everywhere} evaluated for every document, "
        f"{coverage['partly']} for some documents or tables only, {nowhere} for none." in text
    )
    assert "rules evaluated" not in text.split("**Rules**")[0]  # one statement of the counts
    rows = [line for line in text.splitlines() if line.startswith("| ") and "|---" not in line]
    listed = {line.split(" | ")[0].removeprefix("| ") for line in rows[3:]}  # after the header
    assert len(listed) == coverage["partly"] + coverage["nowhere"]
    assert "| year_over_year_change | 0 | 1 | no previous year loaded (2023) |" in text
    assert "| basic_07_vs_11 | 0 | 1 | table 11 not printed |" in text
    # a rule checking each table it reads on its own: evaluated on some, and why not on others
    assert "| header_sums | 16 | 7 | table 04 not printed; " in text
    assert "missing or unusable" not in text
    assert f"**Report**: [{report.name}]({SERVED}reports/{report.name})" in text


def test_findings_lead_with_rule_unit_amounts_and_page_and_end_with_the_message(
    seed_run: tuple[WarehouseSettings, Run],
) -> None:
    settings, run = seed_run
    rows = findings_table(run, 500, settings)
    assert list(rows[0])[:6] == ["rule", "unit", "actual", "expected", "difference", "page"]
    assert list(rows[0])[-1] == "message"
    (row,) = [r for r in rows if r["rule"] == "header_sums" and r["actual"] == "3,486.75"]
    sha = run.findings.column("doc_id")[0].as_py()
    assert row["page"] == f"[7]({SERVED}raw/{sha}.pdf#page=7)"
    assert (row["actual"], row["expected"], row["difference"]) == ("3,486.75", "3,485.85", "0.90")
    assert findings_table(run, 500)[0]["page"] in ("", *range(1, 30))  # no link without a URL


def test_the_nightly_summary_says_what_both_halves_did(
    seed_run: tuple[WarehouseSettings, Run],
) -> None:
    settings, run = seed_run
    report = write_report(settings, run)
    text = nightly_markdown(
        IngestSummary(()), run, 3, {"Reconciliation report": report}, settings.url_of
    )
    assert "| 0 | 0 | 0 | 0 | 0 |" in text  # nothing new tonight
    assert "| 10 | 9 | 4 | 3 |" in text
    coverage = run.rule_coverage()
    assert (
        f"**Rules**: {coverage['rules']} — {coverage['everywhere']} evaluated for every document"
        in text
    )
    assert f"[Reconciliation report]({SERVED}reports/{report.name})" in text
    assert "Reconciliation skipped" in nightly_markdown(IngestSummary(()), None, 0, {})
