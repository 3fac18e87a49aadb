"""The committed samples/ are exactly what the generator renders, and cover what they claim."""

from __future__ import annotations

from pathlib import Path

from disclosure.extract import extract_disclosure
from samplegen.samples import render_samples

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_committed_samples_are_reproducible(tmp_path):
    rendered = render_samples(tmp_path)
    assert sorted(p.name for p, _ in rendered) == sorted(p.name for p in SAMPLES.glob("*.pdf"))
    for path, _ in rendered:
        assert path.read_bytes() == (SAMPLES / path.name).read_bytes(), path.name


def test_samples_span_30_pages_with_all_23_tables_and_several_entities():
    disclosures = [extract_disclosure(p) for p in sorted(SAMPLES.glob("*.pdf"))]
    assert sum(d.page_count for d in disclosures) >= 30
    complete = [d for d in disclosures if len(d.tables) == 23]
    assert complete, "a generated department prints all 23 tables"
    entity_rows = {
        c.entity_code for d in complete for c in d.table("03").cells if c.row_kind.value == "entity"
    }
    assert len(entity_rows) >= 3
    assert any(t.page_to > t.page_from for d in disclosures for t in d.tables)
    assert any(t.is_empty for d in disclosures for t in d.tables)
