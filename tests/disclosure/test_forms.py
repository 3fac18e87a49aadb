"""Performance forms read as forms: generated disclosures in both layouts (a key-value form over
two pages, a grid of forms with one row per indicator), and real layouts nobody here printed."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from disclosure.extract import extract_disclosure, read_pages
from disclosure.forms import form_funds, read_forms
from disclosure.model import Disclosure, FormKind, PerformanceForm, PerformanceIndicator
from samplegen.forms import FormSpec, FormsSpec, sample_forms, split_target
from samplegen.hunan_xinfang_2024 import spec as seed_spec
from samplegen.render import render_disclosure
from tests.real_files import ROOT, SHARED

DEPARTMENT = "湖南省信访局"
# What the generated forms' targets mean, written out by hand: (comparator, value, unit).
TARGETS = {
    "≤25.89万元": ("≤", "25.89", "万元"),
    "≤1050.5万元": ("≤", "1050.5", "万元"),
    "≤145万元": ("≤", "145", "万元"),
    "≥13459.00(平方米)": ("≥", "13459.00", "平方米"),
    "≥5137.26(平方米)": ("≥", "5137.26", "平方米"),
    "≥980(平方米)": ("≥", "980", "平方米"),
    "≥4次": ("≥", "4", "次"),
    "≥95%": ("≥", "95", "%"),
    "年底前完成": (None, None, None),
    "有效提升": (None, None, None),
    "≥3年": ("≥", "3", "年"),
    "≥90%": ("≥", "90", "%"),
}


# The layouts the generator prints: (layout, FormsSpec options).
VARIANTS: dict[str, tuple[str, dict[str, Any]]] = {
    # each form cut after 9 rows: its indicator tree goes on overleaf
    "key_value": ("key_value", {"rows_per_page": 9}),
    # the title as the grid's first row, the tree a grid of its own below the head
    "key_value_apart": ("key_value", {"title_in_grid": True, "tree_apart": True}),
    # 14 indicator rows a page: the second form spans the break
    "grid": ("grid", {"rows_per_page": 14}),
    # …with comparator, value and unit each in a column of its own
    "grid_split": ("grid", {"rows_per_page": 14, "split_targets": True}),
}


def _render(tmp_path_factory: pytest.TempPathFactory, variant: str) -> Path:
    seed = seed_spec()
    layout, options = VARIANTS[variant]
    forms = sample_forms(DEPARTMENT, layout, **options)
    spec = dataclasses.replace(seed, tables=seed.tables[:2], appendices=(forms,))
    path = tmp_path_factory.mktemp(variant) / spec.file_name
    render_disclosure(spec, path)
    return path


@pytest.fixture(scope="module", params=sorted(VARIANTS))
def generated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Disclosure]:
    return request.param, extract_disclosure(_render(tmp_path_factory, request.param))


@pytest.fixture(scope="module")
def key_value(tmp_path_factory: pytest.TempPathFactory) -> Disclosure:
    return extract_disclosure(_render(tmp_path_factory, "key_value"))


@pytest.fixture(scope="module")
def grid(tmp_path_factory: pytest.TempPathFactory) -> Disclosure:
    return extract_disclosure(_render(tmp_path_factory, "grid"))


def _spec_forms() -> tuple[FormSpec, ...]:
    return sample_forms(DEPARTMENT).forms


def _indicators_as_printed(form: PerformanceForm) -> list[tuple[object, ...]]:
    return [
        (i.level1, i.level2, i.level3, i.target_text, i.comparator, i.target_value, i.target_unit)
        for i in form.indicators
    ]


def _indicators_of(spec: FormSpec, split: bool) -> list[tuple[object, ...]]:
    expected: list[tuple[object, ...]] = []
    for i in spec.indicators:
        comparator, value, unit = TARGETS[i.target]
        number = Decimal(value) if value is not None else None
        # printed in three columns, the target reads as its parts joined
        printed = "".join(split_target(i.target)) if split and comparator else i.target
        expected.append((i.level1, i.level2, i.level3, printed, comparator, number, unit))
    return expected


def test_every_form_is_read_with_its_project_funds_goal_and_indicators(
    generated: tuple[str, Disclosure],
) -> None:
    variant, disclosure = generated
    split = VARIANTS[variant][1].get("split_targets", False)
    forms = disclosure.forms.forms
    assert [f.project_name for f in forms] == [s.project_name for s in _spec_forms()]
    for form, spec in zip(forms, _spec_forms(), strict=True):
        assert form.form_kind is FormKind.PROJECT
        assert form.department == DEPARTMENT
        assert form.goal_text == spec.goal
        assert _indicators_as_printed(form) == _indicators_of(spec, split)
        funds = form_funds(form)
        assert funds is not None
        assert (funds.amount, funds.unit, funds.amount_yuan) == (
            spec.total,
            "万元",
            spec.total * 10000,
        )
    assert [f.form_no for f in forms] == [1, 2, 3]
    assert disclosure.forms.shared_facts == []


def test_a_key_value_form_continued_overleaf_is_one_form(key_value: Disclosure) -> None:
    forms = key_value.forms.forms
    # Each form starts on a page of its own and its tree goes on on the next one.
    assert [(f.page_first, f.page_last) for f in forms] == [(5, 6), (7, 8), (9, 10)]
    first = forms[0]
    assert first.title == "办公楼物业管理项目绩效目标表"
    assert first.implementing_unit == DEPARTMENT
    values = {f.label_path: f for f in first.facts if not f.quoted}
    assert values["项目资金（万元）/财政拨款"].amount == Decimal("20.71")
    assert values["项目资金（万元）/其他资金"].amount_yuan == Decimal("51800.00")
    target = values["产出指标/数量指标/保障办公面积/指标值"]
    assert (target.text, target.amount, target.unit, target.amount_yuan) == (
        "≥13459.00(平方米)",
        Decimal("13459.00"),
        "平方米",
        None,
    )
    assert {i.page_no for i in first.indicators} == {5, 6}


def test_numbers_quoted_in_a_goal_are_facts_of_their_own(key_value: Disclosure) -> None:
    quoted = [(f.label_path, f.text, f.amount, f.unit) for f in key_value.forms.forms[0].facts]
    assert ("年度目标", "13459.00平方米", Decimal("13459.00"), "平方米") in quoted
    assert ("年度目标", "90%以上", Decimal("90"), "%") in quoted


def test_a_grid_form_over_a_page_break_is_one_form_its_reprinted_cells_marked(
    grid: Disclosure,
) -> None:
    second = grid.forms.forms[1]
    assert (second.page_first, second.page_last) == (5, 6)
    totals = [f for f in second.facts if f.label_path == "资金总额"]
    assert [(f.amount, f.page_no, f.repeated) for f in totals] == [
        (Decimal("1097.02"), 5, False),
        (Decimal("1097.02"), 6, True),
    ]
    # The levels merged over rows on both sides of the break are still each row's.
    assert [i.level1 for i in second.indicators] == [
        "成本指标",
        "产出指标",
        "产出指标",
        "产出指标",
        "产出指标",
        "效益指标",
        "效益指标",
        "满意度指标",
    ]


# --- real layouts ------------------------------------------------------------------------------


def _real_forms(relative: str, first_page: int, last_page: int) -> list[PerformanceForm]:
    """The forms of a real disclosure's pages [first_page, last_page] (only those are read)."""
    path = ROOT / relative
    if not path.is_file():
        pytest.skip(f"{relative}: in ../shared/real only (not bundled with the repository)")
    return read_forms(read_pages(path, first_page - 1, last_page)).forms


BEIJING = "national/beijing/北京市_北京市信访办公室_2026_部门预算-报表.pdf"
FUZHOU = "national/fujian/福州市_福州市仓山生态环境局_2026_单位预算.pdf"


@pytest.fixture(scope="module")
def beijing() -> list[PerformanceForm]:
    """Beijing's 预算表12 (a grid of forms, pages 13-16) and 预算13表 (page 17)."""
    return _real_forms(BEIJING, 13, 17)


def _indicator(form: PerformanceForm, level3: str) -> PerformanceIndicator:
    return next(i for i in form.indicators if i.level3 == level3)


def test_a_real_grid_of_forms_with_cells_cut_at_page_breaks(
    beijing: list[PerformanceForm],
) -> None:
    projects = [f for f in beijing if f.form_kind is FormKind.PROJECT]
    assert len(projects) == 9
    # A project whose merged cells the printer cut into rows at the page break is one form.
    cut = next(f for f in projects if f.project_name and "办公设备购置类" in f.project_name)
    assert cut.project_name == "11000021Y000000390849-办公设备购置类项目"
    assert (cut.page_first, cut.page_last) == (13, 14)
    funds = form_funds(cut)
    assert funds is not None
    assert (funds.amount, funds.amount_yuan) == (Decimal("29.359500"), Decimal("293595.00"))
    # Comparator, value and unit each in a column of their own.
    response = _indicator(projects[0], "故障应急响应时间")
    assert (response.target_text, response.comparator, response.target_value) == (
        "≤5分钟",
        "≤",
        Decimal("5"),
    )
    assert response.target_unit == "分钟"


def test_a_real_department_form_runs_its_levels_together(
    beijing: list[PerformanceForm],
) -> None:
    department = next(f for f in beijing if f.form_kind is FormKind.DEPARTMENT)
    assert department.department == "北京市信访办公室"
    assert department.title == "预算13表部门整体支出绩效目标表"
    assert len(department.indicators) == 10
    # `产出指标质量指标来信扫描完成率` printed in one cell: three levels.
    first = department.indicators[0]
    assert (first.level1, first.level2, first.level3) == ("产出指标", "质量指标", "来信扫描完成率")
    assert (first.comparator, first.target_value, first.target_unit) == ("=", Decimal("100"), "%")
    funds = form_funds(department)
    assert funds is not None
    assert funds.label_path == "总体资金情况（万元）/预算支出总额"
    assert funds.amount_yuan == Decimal("96267775.89")


def test_a_real_key_value_form_continued_overleaf() -> None:
    (form,) = _real_forms(FUZHOU, 25, 26)
    assert form.title == "环境管理监察监测经费项目绩效目标表"
    assert (form.project_name, form.department, form.implementing_unit) == (
        "环境管理监察监测经费",
        "福州市生态环境局",
        "福州市仓山生态环境局",
    )
    assert (form.page_first, form.page_last) == (25, 26)
    assert len(form.indicators) == 10
    stations = _indicator(form, "空气监测站正常运转数量")
    assert (stations.level1, stations.level2) == ("产出指标", "数量指标")
    assert (stations.comparator, stations.target_value, stations.target_unit) == (
        "=",
        Decimal("5"),
        "座",
    )


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/real (the team's collection)")
def test_real_self_evaluation_forms_keep_actual_values_points_and_scores() -> None:
    pages = read_pages(SHARED / "final" / "central_国家信访局_2024_部门决算.pdf", 29, 37)
    forms = read_forms(pages).forms
    evaluated = [f for f in forms if f.form_kind is FormKind.SELF_EVALUATION]
    assert len(evaluated) >= 4
    research = next(f for f in evaluated if f.project_name == "信访研究宣传立法专项")
    posts = _indicator(research, "微信发稿量（篇）")
    assert (posts.target_value, posts.actual_value, posts.weight, posts.score) == (
        Decimal("350"),
        Decimal("335"),
        Decimal("6"),
        Decimal("4"),
    )
    totals = {f.label_path: f.amount for f in research.facts}
    assert totals["总分/得分"] == Decimal("94.7")
    assert totals["项目资金（万元）/年度资金总额/全年执行数"] == Decimal("413.57")


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/real (the team's collection)")
def test_real_grid_forms_listing_their_indicators_in_one_cell() -> None:
    name = "广州市_广州市政务服务和数据管理局_2026_预算附件-项目支出绩效目标表.pdf"
    result = read_forms(read_pages(SHARED / "national" / "guangdong" / name, 0, 2))
    assert len(result.forms) == 12  # one per project row of its first two pages
    first = result.forms[0]
    assert first.implementing_unit == "广州市政务服务和数据管理局"
    count = _indicator(first, "会议活动保障次数")
    assert (count.level1, count.level2, count.target_text) == ("产出指标", "数量指标", "每年≥20场")
    assert (count.comparator, count.target_value, count.target_unit) == ("≥", Decimal("20"), "场")
    # 合计 and each unit's subtotal belong to no one form
    assert result.shared_facts[0].label_path == "合计/总计"
    assert result.shared_facts[0].amount == Decimal("86246.64")


# --- forms whose only targets are the goal's prose ---------------------------------------------


# What `prose_goal` states, read by hand: (target as printed, comparator, value, unit).
def _prose_targets(area: str, cost: str) -> list[tuple[object, ...]]:
    return [
        (f"保障办公面积不低于{area}平方米", "≥", Decimal(area), "平方米"),
        ("开展培训4次", "=", Decimal(4), "次"),
        ("座谈2场", "=", Decimal(2), "场"),
        ("设备完好率达到95%以上", "≥", Decimal(95), "%"),
        (f"项目成本控制在{cost}万元以内，任务年底前完成", "≤", Decimal(cost), "万元"),
        ("群众办事便利度有效提升", None, None, None),
    ]


PROSE_VARIANTS: dict[str, tuple[str, dict[str, Any]]] = {
    # one row per project: 单位名称 | 项目名称 | 金额 | 绩效目标, two rows a page
    "list": ("list", {"title": "2026年市级部门项目支出绩效表", "rows_per_page": 2}),
    # a key-value form that stops after its goal
    "key_value_no_tree": ("key_value", {"tree": False}),
}


@pytest.fixture(scope="module", params=sorted(PROSE_VARIANTS))
def prose(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[FormsSpec, Disclosure]:
    layout, options = PROSE_VARIANTS[request.param]
    forms = sample_forms(DEPARTMENT, layout, **options)
    seed = seed_spec()
    spec = dataclasses.replace(seed, tables=seed.tables[:2], appendices=(forms,))
    path = tmp_path_factory.mktemp(request.param) / spec.file_name
    render_disclosure(spec, path)
    return forms, extract_disclosure(path)


def test_a_form_with_no_indicator_tree_has_the_targets_its_goal_states(
    prose: tuple[FormsSpec, Disclosure],
) -> None:
    spec, disclosure = prose
    forms = disclosure.forms.forms
    assert [f.project_name for f in forms] == [s.project_name for s in spec.forms]
    for form, (area, cost) in zip(
        forms, (("13459.00", "25.89"), ("5137.26", "1050.5"), ("980", "145")), strict=True
    ):
        assert form.goal_text == spec.forms[form.form_no - 1].goal
        read = [
            (i.target_text, i.comparator, i.target_value, i.target_unit) for i in form.indicators
        ]
        assert read == _prose_targets(area, cost)
        # stated in prose, not printed in a tree: no levels
        assert all(
            i.level1 is None and i.level2 is None and i.level3 is None for i in form.indicators
        )
        assert {i.page_no for i in form.indicators} == {form.page_first}
    # the numbers the goal quotes stay facts of their own, as before
    quoted = {(f.text, f.amount) for f in forms[0].facts if f.quoted}
    assert ("4次", Decimal(4)) in quoted


def test_a_form_with_an_indicator_tree_gets_no_targets_from_its_goal(
    generated: tuple[str, Disclosure],
) -> None:
    # the generated goals quote `13459.00平方米` and `90%以上`: the tree's indicators stand alone
    _, disclosure = generated
    for form in disclosure.forms.forms:
        assert all(i.level3 is not None for i in form.indicators)
        assert len(form.indicators) == len(_spec_forms()[0].indicators)


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/real (the team's collection)")
def test_real_list_forms_read_their_targets_from_the_goal() -> None:
    hangzhou = SHARED / "national" / "zhejiang" / "杭州市_杭州市气象局_2026_部门预算.pdf"
    forms = read_forms(read_pages(hangzhou, 24, 25)).forms
    assert [f.project_name for f in forms] == [
        "气象业务建设",
        "气象设施维护及科普",
        "专业系统维护及科普",
    ]
    stated = {i.target_text: i for i in forms[1].indicators}
    stations = stated["站点维护数量162个"]
    assert (stations.comparator, stations.target_value, stations.target_unit) == (
        "=",
        Decimal(162),
        "个",
    )
    received = stated["自动气象站网资料接收及时率达到98％以上"]
    assert (received.comparator, received.target_value) == ("≥", Decimal(98))
    assert stated["设备故障响应时效24小时"].target_unit == "小时"
    # numbered items: one target each, in words
    assert [i.target_text for i in forms[2].indicators] == [
        "突发公共事件预警信息稳定运行",
        "根据天气雷达运行保障的特点，通过维护定标、维修定标、调整定标和专项定标等，保障新一代天气雷达正常运行",
    ]
    shenzhen = SHARED / "national" / "guangdong" / "深圳市_深圳市信访局_2026_部门预算.pdf"
    forms = read_forms(read_pages(shenzhen, 9, 11)).forms
    hall = next(f for f in forms if f.project_name == "信访大厅运行")
    assert (hall.page_first, hall.page_last) == (10, 11)  # its goal goes on overleaf
    stated = {i.target_text: i for i in hall.indicators}
    incidents = stated["大厅冲突事件发生数量控制在2起/年"]
    assert (incidents.comparator, incidents.target_value, incidents.target_unit) == (
        "≤",
        Decimal(2),
        "起/年",
    )
    lawyers = stated["通过预算投入，聘请常驻律师至少6名（2名执业律师和4名实习律师）"]
    assert (lawyers.comparator, lawyers.target_value, lawyers.target_unit) == (
        "≥",
        Decimal(6),
        "名",
    )
    assert stated["全面构建深圳信访工作新体"].page_no == 11
