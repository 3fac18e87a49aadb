"""The extraction model crosses a process boundary (bounded child → flow) by pickle."""

from __future__ import annotations

import pickle

from disclosure.model import Disclosure


def test_a_disclosure_survives_pickling_whole(seed_disclosure: Disclosure) -> None:
    copy = pickle.loads(pickle.dumps(seed_disclosure, protocol=pickle.HIGHEST_PROTOCOL))

    assert copy == seed_disclosure
    cell = copy.tables[0].cells[0]
    assert type(cell.amount) is type(seed_disclosure.tables[0].cells[0].amount)
    assert cell.bbox == seed_disclosure.tables[0].cells[0].bbox
    assert copy.cell_count == seed_disclosure.cell_count > 1000
