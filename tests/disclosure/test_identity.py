import pytest

from disclosure.identity import derived_unit_code, fold_unit_name, read_scope
from disclosure.template import load_template


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
    jiangsu = load_template("jiangsu")
    code_2017 = derived_unit_code(jiangsu, "中国共产党江苏省委员会办公厅")
    code_2018 = derived_unit_code(jiangsu, "中共江苏省委办公厅")
    assert code_2017 == code_2018
    assert code_2017.startswith("JS-") and len(code_2017) == len("JS-") + 10
    assert derived_unit_code(jiangsu, "江苏省人民检察院") != code_2017
    assert derived_unit_code(load_template("shanghai"), "上海市财政局").startswith("SH-")


def test_scope_is_read_from_what_the_titles_print_before_the_table_title() -> None:
    shanghai = load_template("shanghai")
    assert read_scope(shanghai, ["2025年预算单位财务收支预算总表"]) == "单位"
    assert read_scope(shanghai, ["2024年部门财务收支预算总表", "2024年部门收入预算总表"]) == "部门"
