import dataclasses
import re

import pytest

from disclosure.cover import Cover
from disclosure.identity import (
    DERIVED_CODE,
    derived_unit_code,
    fold_unit_name,
    read_publisher,
    read_scope,
    title_scope,
)
from disclosure.regions import region_of
from disclosure.template import NO_TEMPLATE, load_template

# A template that reads the scope from the titles, as the national one does.
BY_TITLES = dataclasses.replace(NO_TEMPLATE, scope="titles")


@pytest.mark.parametrize(
    ("printed", "folded"),
    [
        ("中国共产党江苏省委员会办公厅", "中共江苏省委办公厅"),  # Jiangsu 2017
        ("中共江苏省委办公厅", "中共江苏省委办公厅"),  # Jiangsu 2018
        ("中国人民政治协商会议江苏省委员会办公厅", "江苏省政协办公厅"),
        ("江苏省人民代表大会常务委员会办公厅", "江苏省人大常委会办公厅"),
        ("上海市财政局（单位）", "上海市财政局"),
        ("上海市 财政局", "上海市财政局"),
    ],
)
def test_a_body_spelled_two_ways_folds_to_one_name(printed: str, folded: str) -> None:
    assert fold_unit_name(printed) == folded


def test_the_derived_code_is_stable_across_spellings_and_differs_across_bodies() -> None:
    jiangsu = region_of("中共江苏省委办公厅")
    code_2017 = derived_unit_code(jiangsu, "中国共产党江苏省委员会办公厅")
    code_2018 = derived_unit_code(jiangsu, "中共江苏省委办公厅")
    assert code_2017 == code_2018
    assert re.fullmatch(DERIVED_CODE, code_2017) and code_2017.startswith("320000-")
    assert derived_unit_code(jiangsu, "江苏省人民检察院") != code_2017
    # The hash of the folded name is what the earlier JS-/SH- codes carried after the initials.
    assert derived_unit_code(region_of("上海市财政局"), "上海市财政局") == "310000-e3179cea49"


@pytest.mark.parametrize(
    ("name", "template", "prefix"),
    [
        # A Hangzhou bureau keeps Zhejiang's code, whichever template read its document.
        ("杭州市气象局", "jiangsu", "330100-"),
        ("福州市仓山生态环境局", "hunan", "350104-"),
        ("上海市普陀区商务委员会", "shanghai", "310107-"),
        ("国家信访局", "hunan", "000000-"),  # a central body names no place
    ],
)
def test_a_derived_code_names_the_place_the_name_names_never_the_templates_province(
    name: str, template: str, prefix: str
) -> None:
    publisher = read_publisher(
        dataclasses.replace(load_template(template), unit_code="derived"),
        Cover(2026, None, name),
        [],
    )
    assert publisher.unit_code and publisher.unit_code.startswith(prefix)


def test_a_printed_code_is_the_unit_code_and_a_format_printing_none_derives_one() -> None:
    hunan = load_template("hunan")
    printed = read_publisher(hunan, Cover(2024, "010", "湖南省信访局"), [])
    assert (printed.unit_code, printed.region.province, printed.region.level) == (
        "010",
        "湖南省",
        "省",
    )
    unprinted = read_publisher(hunan, Cover(2024, None, "湖南省信访局"), [])
    assert unprinted.unit_code and unprinted.unit_code.startswith("430000-")
    assert read_publisher(hunan, Cover(2024, None, None), []).unit_code is None


def test_a_name_naming_no_place_is_placed_by_the_headings_else_by_the_template() -> None:
    shanghai = load_template("shanghai")
    by_heading = read_publisher(
        NO_TEMPLATE, Cover(2026, None, "信访办公室"), ["上海市2026年市级单位预算"]
    )
    assert (by_heading.region.province, by_heading.region.level) == ("上海市", "省")
    by_template = read_publisher(shanghai, Cover(2025, None, "财政局"), [])
    assert by_template.region.province == "上海市"
    assert by_template.unit_code and by_template.unit_code.startswith("310000-")


@pytest.mark.parametrize(
    ("title", "scope"),
    [
        ("2026年部门收支总体情况表", "部门"),
        ("2026年预算单位财务收支预算总表", "单位"),
        ("表1：2026年市级部门收支预算总表", "部门"),
        ("2026年单位“三公”经费和机关运行经费预算表", "单位"),
        ("部门预算基本支出预算表", "部门"),
        ("第二部分2026年部门预算表1、部门收支总表", "部门"),
        ("收入总体情况表", None),
        ("一、2018年度江苏省高级人民法院收支预算总表", None),
        ("口岸单位补贴项目绩效目标表", None),  # a project's name, not a qualifier
        ("2026年，本单位重点项目绩效目标情况如下：", None),
    ],
)
def test_the_scope_a_title_prints_before_the_tables_name(title: str, scope: str | None) -> None:
    assert title_scope(title) == scope


def test_scope_is_read_from_the_titles_else_the_cover_else_it_is_a_department() -> None:
    shanghai = load_template("shanghai")
    assert read_scope(shanghai, ["2025年预算单位财务收支预算总表"]) == "单位"
    assert read_scope(shanghai, ["2024年部门财务收支预算总表", "2024年部门收入预算总表"]) == "部门"
    # Fuzhou's 单位预算: titles without a qualifier, the cover says 单位预算.
    cover = ["2026年度", "福州市仓山生态环境局", "单位预算"]
    assert read_scope(BY_TITLES, ["2026年度收入预算总表"], cover) == "单位"
    assert read_scope(BY_TITLES, ["收入总体情况表"], ["广州市信访局部门预算"]) == "部门"
    assert read_scope(BY_TITLES, ["收入总体情况表"], []) == "部门"
    # A template that fixes its scope is not second-guessed.
    assert read_scope(load_template("jiangsu"), ["2025年预算单位收入预算总表"]) == "部门"
