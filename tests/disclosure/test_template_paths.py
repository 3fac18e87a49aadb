"""Printed columns matched to the template columns they mean: the printed header decides the
columns, the template names them."""

from __future__ import annotations

from disclosure.template import load_template
from disclosure.template_paths import match_header, template_paths

HUNAN = load_template("hunan")


def means(code: str, printed: list[str]) -> list[str | None]:
    return template_paths(printed, HUNAN.table(code), HUNAN)


def test_the_template_s_own_header_means_itself() -> None:
    for table in HUNAN.tables:
        match = match_header(table.column_paths, table, HUNAN)
        assert match.paths == table.column_paths and match.variant is None, table.code


def test_synonyms_and_folded_wording_mean_the_template_column() -> None:
    t04 = HUNAN.table("04").column_paths
    printed = ["单位代码", "单位名称", *t04[2:]]
    assert means("04", printed) == t04
    t14 = HUNAN.table("14").column_paths
    printed = ["单位代码", "单位名称", "三公经费合计", "因公出国(境)费用", *t14[4:]]
    assert means("14", printed) == t14


def test_a_column_printed_split_is_its_subtotal_and_the_parts_mean_nothing() -> None:
    t04 = HUNAN.table("04").column_paths
    at = t04.index("对事业单位经常性补助")
    printed = [
        *t04[:at],
        "对事业单位经常性补助/小计",
        "对事业单位经常性补助/工资福利支出",
        "对事业单位经常性补助/商品和服务支出",
        *t04[at + 1 :],
    ]
    matched = means("04", printed)
    assert matched[at : at + 3] == ["对事业单位经常性补助", None, None]
    assert matched[at + 3 :] == t04[at + 1 :]
    variant = match_header(printed, HUNAN.table("04"), HUNAN).variant
    assert variant is not None and "«对事业单位经常性补助/工资福利支出» is not in the" in variant


def test_a_group_printed_as_one_column_is_the_group_s_subtotal() -> None:
    printed = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    matched = means("07", printed)
    assert matched == ["科目编码", "科目名称", "合计", "基本支出/小计", "项目支出"]
    variant = match_header(printed, HUNAN.table("07"), HUNAN).variant
    assert variant is not None and "«基本支出/人员经费/工资福利支出» is not printed" in variant


def test_codes_in_three_columns_or_one_mean_the_template_s_code_column() -> None:
    t03 = HUNAN.table("03").column_paths
    printed = ["科目编码/类", "科目编码/款", "科目编码/项", *t03[1:]]
    assert means("03", printed) == ["科目编码", None, None, *t03[1:]]
    t08 = HUNAN.table("08").column_paths
    printed = ["科目编码", *t08[3:]]
    assert means("08", printed) == ["功能科目/类", *t08[3:]]


def test_a_header_group_added_above_the_columns_changes_nothing() -> None:
    t15 = HUNAN.table("15").column_paths
    printed = [
        "项目/功能分类科目编码",
        "项目/功能分类科目名称",
        "本年支出/合计",
        "本年支出/基本支出",
        "本年支出/项目支出",
    ]
    assert means("15", printed) == t15


def test_a_renamed_column_between_matched_neighbours_is_matched_by_position() -> None:
    t03 = HUNAN.table("03").column_paths
    printed = [p if p != "项目支出" else "项目支出（调整）" for p in t03]
    assert means("03", printed) == t03
    variant = match_header(printed, HUNAN.table("03"), HUNAN).variant
    assert (
        variant
        == "column 5 «项目支出（调整）» is taken for the template's «项目支出» by its position"
    )
    unrelated = [p if p != "项目支出" else "备用金" for p in t03]
    assert means("03", unrelated)[t03.index("项目支出")] is None
