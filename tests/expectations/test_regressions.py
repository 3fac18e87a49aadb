"""Regression PDFs of 23-table disclosures printed by other software, which the gate used to
quarantine whole although every cell was readable. Each test is named after its bug."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from disclosure.extract import extract_disclosure
from expectations.gate import Gate
from reconcile.evaluation import evaluate
from reconcile.inputs import disclosures_to_inputs
from samplegen.hunan_xinfang_2024 import spec as seed_spec
from samplegen.random_disclosure import random_disclosure
from samplegen.render import render_disclosure
from samplegen.spec import DisclosureSpec
from samplegen.variants import reprint
from tests.disclosure.conftest import cells_by_key, expected_by_key


def rendered(spec: DisclosureSpec, folder: Path, name: str) -> Path:
    path = folder / name
    render_disclosure(spec, path)
    return path


def test_a_page_number_printed_centred_below_a_table_is_not_a_row_of_it(
    gate: Gate, tmp_path: Path
) -> None:
    # `第 5 页`, centred under the seed's 预算03表, was read as an unruled row of it: `第5` and `页`
    # landed in its amount columns (row 25, 合计) and the document was quarantined as
    # non_numeric_amount.
    spec = seed_spec()
    spec = dataclasses.replace(
        spec, layout=dataclasses.replace(spec.layout, page_number="第 {n} 页", margin_bottom=30.0)
    )
    disclosure = extract_disclosure(rendered(spec, tmp_path, "page-number-below-03.pdf"))

    assert not [c for t in disclosure.tables for c in t.cells if "页" in c.text]
    assert cells_by_key(disclosure) == expected_by_key(spec)
    result = gate.validate(disclosure, "page-number")
    assert result.passed, result.message


@pytest.fixture(scope="module")
def reworded(tmp_path_factory: pytest.TempPathFactory) -> tuple[DisclosureSpec, Path]:
    """A consistent disclosure whose 04 prints `单位代码`/`单位名称` and 对事业单位经常性补助 split
    into 小计 / 工资福利支出 / 商品和服务支出, and whose 03 prints codes as 类 | 款 | 项."""
    spec = random_disclosure(5)
    names = {"部门(单位)代码": "单位代码", "部门(单位)名称": "单位名称"}
    tables = tuple(
        reprint(t, rename=names, split="对事业单位经常性补助", seed=5)
        if t.code == "04"
        else reprint(t, flip_codes=True)
        if t.code == "03"
        else t
        for t in spec.tables
    )
    spec = dataclasses.replace(spec, tables=tables)
    folder = tmp_path_factory.mktemp("reworded")
    return spec, rendered(spec, folder, "reworded-04-split-codes-03.pdf")


def test_header_wording_split_columns_and_split_codes_load_with_a_warning_not_schema_drift(
    gate: Gate, reworded: tuple[DisclosureSpec, Path]
) -> None:
    # Headers that mean the template's columns, printed differently, quarantined the whole
    # disclosure as schema_drift: now the printed header decides the columns and each is matched
    # to the template column it means.
    spec, path = reworded
    disclosure = extract_disclosure(path)

    assert cells_by_key(disclosure) == expected_by_key(spec)
    t04, t03 = disclosure.table("04"), disclosure.table("03")
    assert t04 is not None and t03 is not None
    means = {c.path: c.template_path for c in t04.columns}
    assert means["单位代码"] == "部门(单位)代码" and means["单位名称"] == "部门(单位)名称"
    assert means["对事业单位经常性补助/小计"] == "对事业单位经常性补助"
    assert means["对事业单位经常性补助/工资福利支出"] is None
    assert [c.template_path for c in t03.columns[:3]] == ["科目编码", None, None]
    assert all(len(c.subject_code) in (3, 5, 7) for c in t03.cells if c.subject_code)

    result = gate.validate(disclosure, "reworded")
    assert result.passed, result.message
    (variant,) = [c for c in result.warnings if c.reason == "header_variant"]
    assert any(
        "«对事业单位经常性补助/工资福利支出» is not in the template" in e for e in variant.examples
    )

    evaluation = evaluate(disclosures_to_inputs([("reworded", disclosure)]))
    assert [f for f in evaluation.findings.to_pylist() if f["severity"] == "error"] == []
    evaluated = {s.rule.id for s in evaluation.statuses if s.evaluated}
    assert {
        "header_sums",
        "entity_total_02_vs_04",
        "split_columns_add_up",
    } <= evaluated
