"""Real disclosures nobody on this team produced: the collection in `../shared/real/` when it is
beside the checkout, else the seven bundled in `tests/data/real/`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "real"
BUNDLED = REPO / "tests" / "data" / "real"
ROOT = SHARED if SHARED.is_dir() else BUNDLED

# Narrative-only Jiangsu documents: prose, no ruled table anywhere.
NARRATIVE = {
    "江苏省委办公厅__江苏省委办公厅2017年部门预算.pdf",
    "江苏省委办公厅__江苏省委办公厅2018年度部门预算公开文件.pdf",
    "江苏省政协办公厅__江苏省政协办公厅2017年度部门预算.pdf",
    "江苏省政协办公厅__江苏省政协办公厅2018年度部门预算.pdf",
}


def real_pdfs(province: str) -> list[Path]:
    """Every real PDF of a province (`jiangsu`, `shanghai`), narrative-only ones included."""
    return sorted((ROOT / province).glob("*.pdf"))


def table_pdfs(province: str) -> list[Path]:
    """The real PDFs of a province that print budget tables."""
    return [p for p in real_pdfs(province) if p.name not in NARRATIVE]


def every_real_pdf() -> list[Path]:
    """Every real PDF of the collection: each province's folder, national/ (by province) and
    final/ (决算)."""
    return sorted(ROOT.rglob("*.pdf"))


@cache
def extracted(pdf: Path) -> Disclosure:
    """A real PDF extracted once per test session, whichever test module asks first (reading
    the whole collection takes minutes)."""
    return extract_disclosure(pdf)
