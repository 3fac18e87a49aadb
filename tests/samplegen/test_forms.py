"""Generated performance forms, read back with pdfplumber itself (not the project's reader)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pdfplumber
import pytest

from disclosure.text import squeeze
from samplegen.forms import FormsSpec, sample_forms
from samplegen.hunan_xinfang_2024 import spec as seed_spec
from samplegen.render import render_disclosure

DEPARTMENT = "湖南省信访局"


def _render(path: Path, forms: FormsSpec) -> list[str]:
    """Render the seed's first table with `forms` after it; every page's text, squeezed."""
    seed = seed_spec()
    render_disclosure(dataclasses.replace(seed, tables=seed.tables[:1], appendices=(forms,)), path)
    with pdfplumber.open(path) as pdf:
        return [squeeze(page.extract_text() or "") for page in pdf.pages]


def test_a_layout_is_key_value_or_grid() -> None:
    with pytest.raises(ValueError, match="layout"):
        FormsSpec((), layout="wide")


def test_a_key_value_form_too_long_for_its_page_goes_on_with_its_indicators(
    tmp_path: Path,
) -> None:
    texts = _render(tmp_path / "forms.pdf", sample_forms(DEPARTMENT, rows_per_page=9))
    forms = texts[3:]  # cover, contents, one table
    assert len(forms) == 6  # three forms, two pages each
    first, overleaf = forms[0], forms[1]
    assert first.startswith("办公楼物业管理项目绩效目标表项目名称办公楼物业管理")
    assert (
        "项目资金（万元）" in first
        and "25.89" in first
        and "一级指标二级指标三级指标指标值" in first
    )
    # the next page prints the rest of the tree alone: no title, no key, no header
    assert "项目名称" not in overleaf and "一级指标" not in overleaf
    assert "服务对象满意度≥90%" in overleaf


def test_a_grid_of_forms_prints_its_header_and_the_project_again_on_each_page(
    tmp_path: Path,
) -> None:
    texts = _render(tmp_path / "grid.pdf", sample_forms(DEPARTMENT, "grid", rows_per_page=14))
    forms = texts[3:]
    assert len(forms) == 2
    for text in forms:
        assert text.startswith("项目支出绩效目标表部门名称：湖南省信访局单位：万元")
        assert "项目名称资金总额绩效目标一级指标二级指标三级指标指标值" in text
    # the second project spans the break: its name and total printed on both pages
    assert all("信息系统运行维护" in t and "1,097.02" in t for t in forms)


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    forms = sample_forms(DEPARTMENT, "grid")
    _render(tmp_path / "a.pdf", forms)
    _render(tmp_path / "b.pdf", forms)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_a_list_of_forms_prints_one_row_per_project_its_goal_in_prose(tmp_path: Path) -> None:
    texts = _render(tmp_path / "list.pdf", sample_forms(DEPARTMENT, "list", rows_per_page=2))
    forms = texts[3:]  # cover, contents, one table
    assert len(forms) == 2
    for text in forms:
        assert "单位名称项目名称金额绩效目标" in text
        assert "一级指标" not in text
    assert "1.保障办公面积不低于13459.00平方米，开展培训4次、座谈2场；" in forms[0]
    assert "来访接待中心运行" in forms[1]
