"""Property: for generated disclosures of every shape, extraction returns the spec exactly.

Each seed draws a consistent budget, a subset of the 23 tables and a random layout (entities,
row counts, long tables across pages, font sizes, column widths, margins, where tables start
and break, which of title/header repeat on continuation pages), renders it with the embedded
CJK font and reads it back. Every cell must match: text, amount, column_path, row_no,
column_no, subject_code and row kind. Reproduce a failure with the seed it names.
"""

from __future__ import annotations

import os
import random

from disclosure.extract import extract_disclosure
from samplegen.random_disclosure import random_disclosure
from samplegen.render import render_disclosure
from tests.disclosure.conftest import cells_by_key, expected_by_key

SEEDS = int(os.environ.get("BUDGET_PROPERTY_SEEDS", "300"))
ALL_CODES = [f"{n:02d}" for n in range(1, 24)]


def _tables_for(seed: int) -> list[str]:
    rng = random.Random(f"tables-{seed}")
    return sorted(rng.sample(ALL_CODES, rng.randint(3, 7)))


def test_generated_disclosures_round_trip_exactly(tmp_path):
    failures: list[str] = []
    cells = pages = 0
    for seed in range(SEEDS):
        spec = random_disclosure(seed, tables=_tables_for(seed), long_tables=seed % 10 == 0)
        path = tmp_path / f"{seed}.pdf"
        render_disclosure(spec, path)
        disclosure = extract_disclosure(path)
        expected = expected_by_key(spec)
        got = cells_by_key(disclosure)
        wrong = [k for k in expected.keys() | got.keys() if got.get(k) != expected.get(k)]
        identity = (disclosure.year, disclosure.unit_code, disclosure.unit_name)
        if wrong or identity != (spec.year, spec.unit_code, spec.unit_name):
            k = sorted(wrong)[0] if wrong else None
            failures.append(
                f"seed {seed}: {len(wrong)} cells differ, e.g. {k}: "
                f"got {got.get(k)} expected {expected.get(k)}; identity {identity}"
            )
        cells += len(expected)
        pages += disclosure.page_count
        path.unlink()
    assert not failures, "\n".join(failures[:10])
    assert SEEDS < 300 or (cells > 100_000 and pages > 1000), (cells, pages)
