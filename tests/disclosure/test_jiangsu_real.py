"""Real Jiangsu disclosures (2017–2018), made by nobody on this team: the honest test.

Their own template comes later; extraction must already read every ruled table cell by cell,
and refuse the narrative-only documents with a clear reason instead of crashing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure.coverage import amount_coverage
from disclosure.errors import NotABudgetDisclosure
from disclosure.extract import extract_disclosure

JIANGSU = Path(__file__).resolve().parents[3] / "shared/real/jiangsu"
PDFS = sorted(JIANGSU.glob("*.pdf"))
# Narrative-only documents: prose, no ruled table anywhere.
NARRATIVE = {
    "江苏省委办公厅__江苏省委办公厅2017年部门预算.pdf",
    "江苏省委办公厅__江苏省委办公厅2018年度部门预算公开文件.pdf",
    "江苏省政协办公厅__江苏省政协办公厅2017年度部门预算.pdf",
    "江苏省政协办公厅__江苏省政协办公厅2018年度部门预算.pdf",
}

pytestmark = pytest.mark.skipif(not PDFS, reason="shared/real/jiangsu is not beside this checkout")


@pytest.mark.parametrize("pdf", [p for p in PDFS if p.name not in NARRATIVE], ids=lambda p: p.stem)
def test_every_amount_inside_a_ruled_grid_is_extracted(pdf):
    disclosure = extract_disclosure(pdf)
    coverage = amount_coverage(pdf, disclosure)
    assert coverage.in_grids > 0
    assert coverage.in_grids_found == coverage.in_grids, coverage.missing
    assert disclosure.year in (2017, 2018)


@pytest.mark.parametrize("pdf", [p for p in PDFS if p.name in NARRATIVE], ids=lambda p: p.stem)
def test_narrative_only_documents_are_refused_with_a_reason(pdf):
    with pytest.raises(NotABudgetDisclosure, match="no ruled table"):
        extract_disclosure(pdf)
