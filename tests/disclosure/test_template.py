from disclosure.headers import grid_to_paths, tree_to_grid
from disclosure.template import load_template


def test_hunan_has_23_tables_numbered_01_to_23():
    codes = [t.code for t in load_template("hunan").tables]
    assert codes == [f"{n:02d}" for n in range(1, 24)]


def test_printed_title_variants_match_their_table():
    hunan = load_template("hunan")
    printed = {
        "一般公共预算基本支出表—人员经费(工资福利支出)(按政府预算经济分类)": "08",
        "一般公共预算基本支出表--人员经费(工资福利支出)(按部门预算经济分类)": "09",
        "一般公共预算基本支出表—公用经费(商品和服务支出) (按政府预算经济分类)": "12",
        "一般公共预算基本支出表——人员经费(对个人和家庭的补助)（按部门预算经济分类）": "11",
        "收 支 总 表": "01",
        "预算07表 一般公共预算支出表": "07",
        "政府性基金预算支出分类汇总表（按部门预算经济分类）": "17",
    }
    for title, code in printed.items():
        assert hunan.match_title(title).code == code, title
    assert hunan.match_title("预算08表 一般公共预算支出表") is None  # label and title disagree
    assert hunan.match_title("一般公共预算支出") is None


def test_header_tree_paths_follow_the_design_definition():
    t07 = load_template("hunan").table("07")
    assert t07.column_paths == [
        "科目编码",
        "科目名称",
        "合计",
        "基本支出/小计",
        "基本支出/人员经费/工资福利支出",
        "基本支出/人员经费/对个人和家庭的补助",
        "基本支出/公用经费",
        "项目支出",
    ]
    for table in load_template("hunan").tables:
        assert grid_to_paths(tree_to_grid(table.header)) == table.column_paths, table.code


def test_tree_to_grid_places_spans_as_printed():
    grid = tree_to_grid(load_template("hunan").table("07").header)
    cells = {c.text: (c.row, c.col, c.rowspan, c.colspan) for c in grid.cells}
    assert grid.rows == 3 and grid.cols == 8
    assert cells["科目编码"] == (0, 0, 3, 1)
    assert cells["基本支出"] == (0, 3, 1, 4)
    assert cells["人员经费"] == (1, 4, 1, 2)
    assert cells["公用经费"] == (1, 6, 2, 1)
    assert cells["项目支出"] == (0, 7, 3, 1)
