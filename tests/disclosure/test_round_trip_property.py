"""Property: for generated disclosures of every shape, printed as other software prints them,
extraction returns the spec exactly.

Each seed draws a consistent budget, a subset of the 23 tables (every fifth seed: all of them)
and a random layout (entities, row counts, long tables across pages, font sizes, column widths,
margins, where tables start and break, which of title/header repeat on continuation pages), then
a random printing (`samplegen.variants`: page numbers and running headers/footers, another CJK
font, rules as filled rectangles, row heights, header synonyms, a column printed split, codes
in one column or in 类|款|项, a 项目 group above the code and name columns). It is rendered with
the embedded font and read back. Every cell must match: text, amount, column_path (as printed),
template_path (the template column it means), row_no, column_no, subject_code and row kind.
Reproduce a failure with the seed it names (`tests.conftest.variant_spec(seed)`).
"""

from __future__ import annotations

import dataclasses

from tests.conftest import VARIANT_SEEDS, Variant
from tests.disclosure.conftest import cells_by_key, expected_by_key


def test_variant_disclosures_round_trip_exactly(variant_disclosures: list[Variant]) -> None:
    failures: list[str] = []
    cells = pages = 0
    for variant in variant_disclosures:
        spec, disclosure = variant.spec, variant.disclosure
        expected = expected_by_key(spec)
        got = cells_by_key(disclosure)
        if disclosure.template != spec.template:
            # A partial document no table of which is the format's own is read by the national
            # template: its tables keep their print order, not the format's codes, and a column
            # means no template column (template_path None). Every printed cell still the same.
            order = {t.code: str(i) for i, t in enumerate(spec.tables)}
            expected = {
                (order[code], row, col): (path, None, *rest)
                for (code, row, col), (path, _, *rest) in expected.items()
            }
            got = {
                (str(i), row, col): value
                for i, table in enumerate(disclosure.tables)
                for (_, row, col), value in cells_by_key(
                    dataclasses.replace(disclosure, tables=[table])
                ).items()
            }
        wrong = [k for k in expected.keys() | got.keys() if got.get(k) != expected.get(k)]
        identity = (disclosure.year, disclosure.unit_code, disclosure.unit_name)
        if wrong or identity != (spec.year, spec.unit_code, spec.unit_name):
            k = sorted(wrong)[0] if wrong else None
            failures.append(
                f"seed {variant.seed}: {len(wrong)} cells differ, e.g. {k}: "
                f"got {got.get(k)} expected {expected.get(k)}; identity {identity}"
            )
        cells += len(expected)
        pages += disclosure.page_count
    assert not failures, "\n".join(failures[:10])
    assert VARIANT_SEEDS < 300 or (cells > 300_000 and pages > 3000), (cells, pages)


def test_the_variants_vary_what_the_issue_lists(variant_disclosures: list[Variant]) -> None:
    """Each kind of variation occurs, often enough to be tested."""
    layouts = [v.spec.layout for v in variant_disclosures]
    tables = [t for v in variant_disclosures for t in v.spec.tables]
    seen = {
        "page numbers": sum(1 for layout in layouts if layout.page_number),
        "running header": sum(1 for layout in layouts if layout.running_header),
        "other font": sum(1 for layout in layouts if layout.font),
        "rules as rectangles": sum(1 for layout in layouts if layout.ruling == "rects"),
        "printed header differs": sum(1 for t in tables if t.template_paths is not None),
        "a column split": sum(
            1
            for t in tables
            if any("/小计" in p or "/合计" in p for p in t.column_paths) and None in t.meanings
        ),
    }
    enough = max(1, len(variant_disclosures) // 20)
    assert all(n >= enough for n in seen.values()), seen
