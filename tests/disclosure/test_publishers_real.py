"""Who published each real disclosure (`../shared/real/`: every province's folder, national/ and
final/, or the four bundled in `tests/data/real/` on a fresh clone): its region read from the
printed text, its year, its scope, and a unit code by its format's rule, as the gate checks it.

The expected identities below were read off each PDF by hand."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from disclosure.errors import NotABudgetDisclosure
from disclosure.identity import DERIVED_CODE
from disclosure.model import Disclosure
from disclosure.regions import Region
from disclosure.template import NO_TEMPLATE, load_template
from expectations.gate import Gate, GateSettings
from tests.real_files import ROOT, every_real_pdf, extracted

JIANGSU = Region("江苏省", None, None, "320000", "省")
SHANGHAI = Region("上海市", None, None, "310000", "省")
PUTUO = Region("上海市", None, "普陀区", "310107", "区县")

# file name → (region, year, scope, unit name); None: a narrative-only file (no table at all).
EXPECTED: dict[str, tuple[Region, int, str, str] | None] = {
    # national/: other provinces, cities and their branches
    "北京市_中共北京市委军民融合发展委员会办公室_2026_部门预算-情况说明_无表.pdf": None,
    "北京市_北京市信访办公室_2026_部门预算-报表.pdf": (
        Region("北京市", None, None, "110000", "省"),
        2026,
        "部门",
        "北京市信访办公室",  # only its 部门整体支出绩效目标表 form names it
    ),
    "福州市_福州市仓山生态环境局_2026_单位预算.pdf": (
        Region("福建省", "福州市", "仓山区", "350104", "区县"),
        2026,
        "单位",
        "福州市仓山生态环境局",
    ),
    "福州市_福州市商务局_2026_部门预算.pdf": (
        Region("福建省", "福州市", None, "350100", "市"),
        2026,
        "部门",
        "福州市商务局",
    ),
    "广州市_广州市信访局_2026_部门预算.pdf": (
        Region("广东省", "广州市", None, "440100", "市"),
        2026,
        "部门",
        "广州市信访局",
    ),
    # A stand-alone form file: no page prints 20xx年; the file name says 2026.
    "广州市_广州市政务服务和数据管理局_2026_预算附件-项目支出绩效目标表.pdf": (
        Region("广东省", "广州市", None, "440100", "市"),
        2026,
        "部门",
        "广州市政务服务和数据管理局",
    ),
    "深圳市_深圳市信访局_2026_部门预算.pdf": (
        Region("广东省", "深圳市", None, "440300", "市"),
        2026,
        "部门",
        "深圳市信访局",
    ),
    "长沙市_长沙市信访局_2026_部门预算.pdf": (
        Region("湖南省", "长沙市", None, "430100", "市"),
        2026,
        "部门",
        "长沙市信访局",
    ),
    "无锡市_无锡市信访局_2025_部门预算.pdf": (
        Region("江苏省", "无锡市", None, "320200", "市"),
        2025,
        "部门",
        "无锡市信访局",
    ),
    "烟台市_烟台市信访局_2026_部门预算.pdf": (
        Region("山东省", "烟台市", None, "370600", "市"),
        2026,
        "部门",
        "烟台市信访局",
    ),
    "上海市_上海市信访办公室_2026_单位预算.pdf": (SHANGHAI, 2026, "单位", "上海市信访办公室"),
    "杭州市_杭州市气象局_2026_部门预算.pdf": (
        Region("浙江省", "杭州市", None, "330100", "市"),
        2026,
        "部门",
        "杭州市气象局",
    ),
    # final/: 决算
    "central_国家信访局_2024_部门决算.pdf": (
        Region(None, None, None, None, "中央"),
        2024,
        "部门",
        "国家信访局",
    ),
    "上海市_XX局_2024_部门决算_空白模板.pdf": (SHANGHAI, 2024, "部门", "上海市XX局"),
    # shanghai/
    "上海市普陀区万里街道办事处__2024年部门预算.pdf": (
        PUTUO,
        2024,
        "部门",
        "上海市普陀区人民政府万里街道办事处",
    ),
    "上海市普陀区商务委员会__2025年单位预算.pdf": (PUTUO, 2025, "单位", "上海市普陀区商务委员会"),
    "上海市财政局__2025年单位预算.pdf": (SHANGHAI, 2025, "单位", "上海市财政局"),
    # jiangsu/ (provincial departments, 2017–2018; four are narrative only)
    "江苏省人大办公厅__江苏省人大办公厅2017年度预算公开.pdf": (
        JIANGSU,
        2017,
        "部门",
        "江苏省人大常委会办公厅",
    ),
    "江苏省人大办公厅__省人大办公厅2018预算公开.pdf": (
        JIANGSU,
        2018,
        "部门",
        "江苏省人大常委会办公厅",
    ),
    "江苏省人民检察院__2017年省检察院部门预算.pdf": (JIANGSU, 2017, "部门", "江苏省人民检察院"),
    "江苏省人民检察院__2018年省检察院部门预算公开.pdf": (
        JIANGSU,
        2018,
        "部门",
        "江苏省人民检察院",
    ),
    "江苏省委办公厅__江苏省委办公厅2017年部门预算.pdf": None,
    "江苏省委办公厅__江苏省委办公厅2017年预算公开表格.pdf": (
        JIANGSU,
        2017,
        "部门",
        "中国共产党江苏省委员会办公厅",
    ),
    "江苏省委办公厅__江苏省委办公厅2018年度部门预算公开文件.pdf": None,
    "江苏省委办公厅__江苏省委办公厅2018年度部门预算公开表.pdf": (
        JIANGSU,
        2018,
        "部门",
        "中共江苏省委办公厅",
    ),
    "江苏省政协办公厅__2017年度部门预算公开表.pdf": (JIANGSU, 2017, "部门", "江苏省政协办公厅"),
    "江苏省政协办公厅__江苏省政协办公厅2017年度部门预算.pdf": None,
    "江苏省政协办公厅__江苏省政协办公厅2018年度部门预算.pdf": None,
    "江苏省政协办公厅__江苏省政协办公厅2018度部门预算公开表.pdf": (
        JIANGSU,
        2018,
        "部门",
        "江苏省政协办公厅",
    ),
    "江苏省高级人民法院__省法院2017年度部门预算公开.pdf": (
        JIANGSU,
        2017,
        "部门",
        "江苏省高级人民法院",
    ),
    "江苏省高级人民法院__省法院2018年度部门预算公开.pdf": (
        JIANGSU,
        2018,
        "部门",
        "江苏省高级人民法院",
    ),
}
# The checks a document's identity must pass (the gate's, by its format's code rule).
IDENTITY_CHECKS = {"bad_unit_code", "bad_entity_code", "implausible_year", "unknown_region"}

PDFS = every_real_pdf()
# Reading the whole collection takes a minute or two (shared with the other real-file tests).
pytestmark = pytest.mark.slow


@cache
def gate() -> Gate:
    return Gate(GateSettings())


def test_every_real_file_has_an_expected_identity() -> None:
    assert {p.name for p in PDFS} <= set(EXPECTED), "a new real file: add what it says"


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_each_real_file_names_its_region_year_scope_and_a_code_by_its_formats_rule(
    pdf: Path,
) -> None:
    expected = EXPECTED[pdf.name]
    if expected is None:
        with pytest.raises(NotABudgetDisclosure):
            extracted(pdf)
        return
    region, year, scope, name = expected
    disclosure: Disclosure = extracted(pdf)
    assert (disclosure.region, disclosure.year, disclosure.unit_name) == (region, year, name)
    template = load_template(disclosure.template) if disclosure.template else NO_TEMPLATE
    if template.scope not in ("部门", "单位"):  # a template that fixes the scope decides it
        assert disclosure.scope == scope
    code = disclosure.unit_code or ""
    printed = re.fullmatch(template.codes["unit"], code)
    derived = re.fullmatch(DERIVED_CODE, code)
    assert printed or (derived and code.startswith(f"{region.region_code or '000000'}-")), code
    result = gate().validate(disclosure, pdf.stem)
    failed = {c.reason for c in result.checks if not c.success}
    assert not failed & IDENTITY_CHECKS, [c.examples for c in result.checks if not c.success]
