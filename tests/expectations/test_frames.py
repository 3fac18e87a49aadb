"""The frames the suites check, built from a real extracted disclosure: exact, template-derived."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from disclosure.model import Disclosure
from disclosure.template import load_template
from expectations.frames import (
    HEADER_SEPARATOR,
    cells_frame,
    document_frame,
    tables_frame,
    template_parameters,
)
from tests.conftest import HUNAN_2024


def test_amounts_stay_decimal_objects(sample_disclosures: dict[str, Disclosure]) -> None:
    disclosure = sample_disclosures[HUNAN_2024]
    frame = cells_frame(disclosure)

    assert len(frame) == sum(1 for t in disclosure.tables for c in t.cells if c.text) == 807
    assert frame["amount"].dtype == object and frame["printed_amount"].dtype == object
    amounts = frame["amount"].dropna()
    assert len(amounts) == 427 and all(isinstance(a, Decimal) for a in amounts)
    # As printed, to the cent: 一般公共预算支出表, 湖南省信访局本级, 合计.
    t07 = frame[(frame.table_code == "07") & (frame.column_no == 3)]
    assert t07[t07.row_kind == "entity"]["amount"].tolist() == [Decimal("4717.89")]


def test_printed_amount_keeps_a_token_that_is_not_a_number(
    extracted: dict[str, Disclosure],
) -> None:
    frame = cells_frame(extracted["amount-token.pdf"])
    printed = frame["printed_amount"].dropna()
    assert [v for v in printed if not isinstance(v, Decimal)] == ["l,204.00"]
    # Empty cells are not in the frame; other columns hold no amounts.
    assert (frame.text != "").all()
    assert frame.loc[frame.column_kind != "amount", "printed_amount"].isna().all()


def test_expected_headers_come_from_the_template(
    sample_disclosures: dict[str, Disclosure],
) -> None:
    template = load_template("hunan")
    frame = tables_frame(sample_disclosures[HUNAN_2024], template).set_index("table_code")

    for code, row in frame.iterrows():
        assert row["template_header"] == HEADER_SEPARATOR.join(template.table(code).column_paths)
        assert row["header"] == row["template_header"]
        assert row["header_variant"] is None
    # Declared-empty tables (19, 20, 21 in the seed) have no body rows to count.
    assert frame.loc[frame.is_empty, "body_rows"].isna().all()
    # Tables without a total row are named (the suite allows 13, 21 and 22 to have none).
    assert frame["no_total_row"].dropna().tolist() == ["13", "22"]
    assert pd.isna(frame.loc["07", "no_total_row"])


def test_the_document_frame_names_what_is_missing(
    sample_disclosures: dict[str, Disclosure],
) -> None:
    template = load_template("hunan")
    disclosure = sample_disclosures[HUNAN_2024]
    row = document_frame(disclosure, template).iloc[0]

    assert (row.template, row.year, row.unit_code, row.page_count) == ("hunan", 2024, "010", 20)
    assert row.missing_tables == "04,05,11,15,16,17,18"
    assert template_parameters(template)["tables_without_total_row"] == [
        t.code for t in template.tables if not t.total_row
    ]
