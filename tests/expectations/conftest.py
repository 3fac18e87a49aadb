"""The bad-input set, as real files: rendered once per session from small declarative specs.

`small_spec` is the seed disclosure (湖南省信访局 2024) cut down to three of its tables and given
another unit code (011), so that the drifted, slipped and padded variants render and extract in a
fraction of a second and never supersede the seed in a warehouse.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from expectations.gate import Gate, GateSettings
from samplegen import bad_inputs
from samplegen.hunan_xinfang_2024 import spec as seed_spec
from samplegen.render import render_disclosure
from samplegen.spec import DisclosureSpec
from tests import hostile
from tests.conftest import HUNAN_2024

# The good files have 20 (seed) and 6 (small) pages; the padded one has 6 + 40.
TEST_MAX_PAGES = 30
PADDING = 40

# Bad input → the quarantine reason it must get.
EXPECTED_REASONS = {
    "empty.pdf": "not_a_pdf",
    "html-saved-as.pdf": "not_a_pdf",
    "truncated.pdf": "damaged",
    "encrypted.pdf": "encrypted",
    "scanned.pdf": "no_text_layer",
    "prose.pdf": "no_budget_table",
    "amount-token.pdf": "non_numeric_amount",
    "padded.pdf": "too_many_pages",
    "no-pages.pdf": "no_pages",
}
# Header variants are no bad input: they load, with the difference as a warning.
VARIANT_WARNINGS = {
    "header-renamed.pdf": "warnings: header_variant, missing_tables",
    "header-added.pdf": "warnings: header_variant, missing_tables",
}


def small_spec() -> DisclosureSpec:
    seed = seed_spec()
    return dataclasses.replace(
        seed,
        unit_code="011",
        unit_name="湖南省测试局",
        # 08 is Hunan's own (no other format prints it): the document is read as Hunan's
        tables=tuple(t for t in seed.tables if t.code in ("01", "07", "08", "14")),
    )


@pytest.fixture(scope="session")
def small_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("small") / "2024_011_湖南省测试局.pdf"
    render_disclosure(small_spec(), path)
    return path


@pytest.fixture(scope="session")
def bad_pdfs(
    tmp_path_factory: pytest.TempPathFactory, sample_pdfs: dict[str, Path], small_pdf: Path
) -> dict[str, Path]:
    """Every bad input, by file name (see EXPECTED_REASONS), and the header variants."""
    folder = tmp_path_factory.mktemp("bad")
    seed = sample_pdfs[HUNAN_2024]
    small = small_spec()
    made = {
        "empty.pdf": bad_inputs.empty_file(folder / "empty.pdf"),
        "html-saved-as.pdf": bad_inputs.html_saved_as_pdf(folder / "html-saved-as.pdf"),
        "truncated.pdf": bad_inputs.truncated_pdf(seed, folder / "truncated.pdf"),
        "encrypted.pdf": bad_inputs.encrypted_pdf(seed, folder / "encrypted.pdf"),
        "scanned.pdf": bad_inputs.scanned_pdf(folder / "scanned.pdf"),
        "prose.pdf": bad_inputs.prose_pdf(folder / "prose.pdf"),
        "padded.pdf": bad_inputs.padded_pdf(small_pdf, folder / "padded.pdf", PADDING),
        "no-pages.pdf": hostile.no_pages_pdf(folder / "no-pages.pdf"),
    }
    # Each variant as a unit of its own, so that loading one supersedes nothing.
    renamed = dataclasses.replace(small, unit_code="012", unit_name="湖南省改名局")
    added = dataclasses.replace(small, unit_code="013", unit_name="湖南省加列局")
    drifted = {
        "header-renamed.pdf": bad_inputs.header_drift(renamed, "07", "renamed"),
        "header-added.pdf": bad_inputs.header_drift(added, "07", "added"),
        "amount-token.pdf": bad_inputs.non_numeric_amount(small, "07", "l,204.00"),
    }
    for name, spec in drifted.items():
        render_disclosure(spec, folder / name)
        made[name] = folder / name
    assert set(made) == set(EXPECTED_REASONS) | set(VARIANT_WARNINGS)
    return made


@pytest.fixture(scope="session")
def extracted(bad_pdfs: dict[str, Path], small_pdf: Path) -> dict[str, Disclosure]:
    """The bad inputs that do extract (the gate must stop them), and the small good file."""
    names = ("header-renamed.pdf", "header-added.pdf", "amount-token.pdf")
    found = {name: extract_disclosure(bad_pdfs[name]) for name in names}
    found["small.pdf"] = extract_disclosure(small_pdf)
    return found


@pytest.fixture(scope="session")
def gate(tmp_path_factory: pytest.TempPathFactory) -> Gate:
    """One GX context for the session's pure tests, as one is built per ingest run."""
    docs = tmp_path_factory.mktemp("gate") / "docs"
    return Gate(GateSettings(max_pages=TEST_MAX_PAGES, docs_dir=docs))
