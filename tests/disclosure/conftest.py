"""Real PDFs for the extraction tests, rendered once per session by the project's generator."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from samplegen.hunan_xinfang_2024 import spec as seed_spec
from samplegen.render import render_disclosure
from samplegen.spec import DisclosureSpec


@pytest.fixture(scope="session")
def seed_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / seed_spec().file_name
    render_disclosure(seed_spec(), path)
    return path


@pytest.fixture(scope="session")
def seed_disclosure(seed_pdf: Path) -> Disclosure:
    return extract_disclosure(seed_pdf)


def cells_by_key(disclosure: Disclosure) -> dict[tuple[str, int, int], tuple]:
    """Extracted cells keyed like `samplegen.spec.expected_cells`, for exact comparison."""
    return {
        (t.table_code, c.row_no, c.column_no): (
            c.column_path,
            c.template_path,
            c.text,
            c.amount,
            c.subject_code,
            c.row_kind.value,
        )
        for t in disclosure.tables
        for c in t.cells
    }


def expected_by_key(spec: DisclosureSpec) -> dict[tuple[str, int, int], tuple]:
    from samplegen.spec import expected_cells

    return {
        (e.table_code, e.row_no, e.column_no): (
            e.column_path,
            e.template_path,
            e.text,
            e.amount,
            e.subject_code,
            e.row_kind,
        )
        for e in expected_cells(spec)
    }
