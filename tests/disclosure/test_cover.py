import pytest

from disclosure.cover import filer_name, form_lines, lines_to_cover, unit_label
from disclosure.grid import Grid, GridCell
from disclosure.model import BBox
from disclosure.pdf import peek_cover


def test_cover_page_identity():
    cover = lines_to_cover(
        [
            "2024 年省级单位预算公开表",
            "单位代码： 010",
            "单位名称： 湖南省信访局",
            "联系电话： 0731-81125819",
        ]
    )
    assert (cover.year, cover.unit_code, cover.unit_name) == (2024, "010", "湖南省信访局")


def test_without_a_cover_the_filer_line_names_the_unit():
    cover = lines_to_cover(
        ["江苏省政协办公厅2017年度部门预算", "填报部门：江苏省政协办公厅 单位：万元"]
    )
    assert (cover.year, cover.unit_code, cover.unit_name) == (2017, None, "江苏省政协办公厅")


def test_caption_lines():
    assert filer_name("填报部门：湖南省信访局   金额单位：万元") == "湖南省信访局"
    assert unit_label("填报部门：湖南省信访局   金额单位：万元") == "万元"
    assert unit_label("单位：万元") == "万元"
    assert unit_label("单位名称： 湖南省信访局") is None


def test_the_cover_is_peeked_cheaply_before_extraction(seed_pdf, tmp_path):
    cover = peek_cover(seed_pdf)
    assert (cover.year, cover.unit_code, cover.unit_name) == (2024, "010", "湖南省信访局")
    not_a_pdf = tmp_path / "x.pdf"
    not_a_pdf.write_text("<html></html>")
    assert peek_cover(not_a_pdf) == peek_cover(tmp_path / "missing.pdf") == (lines_to_cover([]))


def test_a_name_cut_short_in_one_caption_loses_to_the_name_printed_everywhere_else():
    # 江苏省人大常委会办公厅 2018: page 8 prints 部门名称：江苏省人大, other pages the full name.
    cover = lines_to_cover(
        [
            "江苏省人大常委会办公厅2018年度部门预算公开",
            "部门名称：江苏省人大",
            "部门名称：江苏省人大常委会办公厅 单位：万元",
            "部门名称：江苏省人大常委会办公厅 单位：万元",
        ]
    )
    assert cover.unit_name == "江苏省人大常委会办公厅"


def test_a_code_printed_with_dots_is_its_digits():
    assert lines_to_cover(["部门编码：101.001", "单位名称：X局"]).unit_code == "101001"
    assert lines_to_cover(["部门（单位）代码：330100001"]).unit_code == "330100001"
    assert lines_to_cover(["单位代码：12"]).unit_code is None  # too short to be a code


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["部门（单位）：烟台市信访局 单位：万元"], "烟台市信访局"),
        (["部门：无锡市信访局 单位：万元"], "无锡市信访局"),
        (["2026年深圳市信访局部门预算", "目 录"], "深圳市信访局"),
        (["2025年度无锡市信访局部门预算公开"], "无锡市信访局"),
        (["长沙市信访局", "2026年部门预算公开"], "长沙市信访局"),  # the name above
        (["2026年度", "福州市仓山生态环境局", "单位预算"], "福州市仓山生态环境局"),
        (["国家信访局", "2024年度部门决算", "二〇二五年七月"], "国家信访局"),
        # A title ends like a heading but names no unit.
        (["政府采购预算表", "2026年度一般公共预算拨款支出预算表"], None),
        (["上海市2026年市级单位预算"], None),  # a place, not a unit
    ],
)
def test_a_cover_or_heading_names_the_unit_where_no_caption_does(
    lines: list[str], name: str | None
) -> None:
    assert lines_to_cover(lines).unit_name == name


def test_a_caption_names_the_unit_before_a_heading_does():
    lines = ["2026年XX局部门预算", "编制单位：上海市信访办公室 单位：元"]
    assert lines_to_cover(lines).unit_name == "上海市信访办公室"


def test_the_year_of_a_heading_or_title_comes_before_one_in_prose_and_the_file_name_last():
    prose = "通过实施2025年度项目，进一步加强管理，完善工作机制，强化数字赋能，提升服务水平。"
    assert lines_to_cover([prose, "（2026年度）"]).year == 2026
    assert lines_to_cover([prose]).year == 2025
    assert lines_to_cover(["项目支出绩效目标表（含转移支付项目）"]).year is None
    stem = "广州市_广州市政务服务和数据管理局_2026_预算附件-项目支出绩效目标表"
    assert lines_to_cover(["项目支出绩效目标表（含转移支付项目）"], file_name=stem).year == 2026


def test_a_form_names_the_unit_in_the_cell_beside_its_label():
    def grid(*rows: tuple[str, ...]) -> Grid:
        cells = tuple(
            GridCell(r, c, 1, 1, BBox(0, 0, 1, 1), text)
            for r, row in enumerate(rows)
            for c, text in enumerate(row)
        )
        return Grid(BBox(0, 0, 1, 1), (0.0,), (0.0,), cells)

    assert form_lines([grid(("部门名称", "北京市信访办公室"), ("总体资金情况（万元）", ""))]) == [
        "部门名称：北京市信访办公室"
    ]
    assert form_lines([grid(("单位编码", "126001", "单位名称", "长沙市信访局"))]) == [
        "单位名称：长沙市信访局"
    ]
    assert form_lines([grid(("序号", "单位名称", "单位性质"))]) == []  # a header row


def test_a_form_names_the_unit_only_when_no_caption_or_heading_does():
    forms = ["单位名称：福州市仓山环境监测站"]  # a body's project form
    assert lines_to_cover(["编制单位：福州市仓山生态环境局"], forms=forms).unit_name == (
        "福州市仓山生态环境局"
    )
    assert lines_to_cover(["预算13表 部门整体支出绩效目标表"], forms=forms).unit_name == (
        "福州市仓山环境监测站"
    )
