from disclosure.columns import (
    column_kind,
    holds_money,
    money_unit_in_header,
    split_code_columns,
    subject_code_column,
)
from disclosure.model import ColumnKind
from disclosure.template import load_template


def test_kinds_of_the_hunan_columns():
    kinds = {
        "科目编码": ColumnKind.CODE,
        "功能科目/类": ColumnKind.CODE,
        "单位代码": ColumnKind.CODE,
        "部门(单位)代码": ColumnKind.CODE,
        "科目名称": ColumnKind.LABEL,
        "收入/项目": ColumnKind.LABEL,
        "支出/项目（按功能分类）": ColumnKind.LABEL,
        "单位名称(功能科目)": ColumnKind.LABEL,
        "基本支出/人员经费/工资福利支出": ColumnKind.AMOUNT,
        "项目支出": ColumnKind.AMOUNT,
        "资金投向/省级支出": ColumnKind.AMOUNT,
        "预算编制方式/编入部门预算金额": ColumnKind.AMOUNT,
        "绩效指标/产出指标/数量指标": ColumnKind.TEXT,
        "资金管理办法": ColumnKind.TEXT,
        "部门职能职责描述": ColumnKind.TEXT,
    }
    for path, kind in kinds.items():
        assert column_kind(path) is kind, path


def test_every_template_table_has_a_label_or_code_column():
    for table in load_template("hunan").tables:
        kinds = {column_kind(p) for p in table.column_paths}
        assert kinds & {ColumnKind.LABEL, ColumnKind.CODE}, table.code


def test_code_column_layouts():
    t07 = load_template("hunan").table("07").column_paths
    t08 = load_template("hunan").table("08").column_paths
    assert subject_code_column(t07) == 0 and split_code_columns(t07) is None
    assert split_code_columns(t08) == (0, 1, 2) and subject_code_column(t08) is None


def test_a_score_is_a_number_never_money() -> None:
    # a self-evaluation (绩效自评表) prints 分值 and 得分 beside its indicators: 20, 17.90
    for path in ("分值", "得分", "指标/权重", "评分"):
        assert column_kind(path) is ColumnKind.TEXT and not holds_money(path)
    assert holds_money("决算数/合计") and column_kind("决算数/合计") is ColumnKind.AMOUNT


def test_a_header_states_its_money_unit_and_a_count_is_no_money() -> None:
    assert money_unit_in_header("预算数（万元）") == "万元"
    assert money_unit_in_header("支出/金额(单位：元)") == "元"
    assert money_unit_in_header("预算数") is None
    assert not holds_money("在职人数") and column_kind("编制数") is ColumnKind.TEXT
