from disclosure.cover import filer_name, lines_to_cover, unit_label
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
