from disclosure.model import RowKind
from disclosure.subjects import SubjectReader, subject_level


def test_abbreviated_kuan_is_expanded_under_its_class():
    reader = SubjectReader(unit_code="010")
    assert reader.read("一般公共服务支出", code="201").subject_code == "201"
    assert reader.read("政府办公厅（室）及相关机构事务", code="03").subject_code == "20103"
    assert reader.read("行政运行", code="2010301").subject_code == "2010301"
    assert reader.read("信访事务", code="40").subject_code == "20140"
    # a new class changes what a two-digit code means
    assert reader.read("卫生健康支出", code="210").subject_code == "210"
    assert reader.read("行政事业单位医疗", code="11").subject_code == "21011"


def test_three_code_columns_join_into_the_full_code():
    reader = SubjectReader(unit_code="010")
    row = reader.read("行政运行", split_code=("201", "03", "01"), unit_code_text="010001")
    assert (row.kind, row.subject_code, row.entity_code) == (RowKind.SUBJECT, "2010301", "010001")
    assert reader.read("x", split_code=("201", "03", "")).subject_code == "20103"
    assert reader.read("x", split_code=("201", "", "")).subject_code == "201"


def test_total_department_and_entity_rows():
    reader = SubjectReader(unit_code="010")
    assert reader.read("合计").kind is RowKind.TOTAL
    assert reader.read("合计:").kind is RowKind.TOTAL
    unit = reader.read("湖南省信访局", code="010")
    assert (unit.kind, unit.entity_code, unit.subject_code) == (RowKind.UNIT, "010", None)
    entity = reader.read("湖南省信访局本级", code="010001")
    assert (entity.kind, entity.entity_code) == (RowKind.ENTITY, "010001")
    # in 08-13 the unit/entity code sits in the 单位代码 column, with empty 类/款/项
    assert reader.read("湖南省信访局", split_code=("", "", ""), unit_code_text="010").kind is (
        RowKind.UNIT
    )
    assert reader.read("一、一般公共预算拨款收入").kind is RowKind.ITEM


def test_subject_levels():
    assert [subject_level(c) for c in ("201", "20103", "2010301", "03", None)] == [
        "类",
        "款",
        "项",
        None,
        None,
    ]


def test_entities_extend_a_printed_unit_code_by_groups_of_three_digits():
    reader = SubjectReader(unit_code="010")
    assert reader.read("x", code="010001001").kind is RowKind.ENTITY
    assert reader.read("x", code="01001").kind is RowKind.SUBJECT  # 5 digits: a 款, not a unit
    dotted = reader.read("湖南省信访局本级", unit_code_text="010.001")
    assert (dotted.kind, dotted.entity_code) == (RowKind.ENTITY, "010001")


def test_without_a_printed_unit_code_a_unit_code_column_names_the_department_or_an_entity():
    # Wuxi prints no code on its cover (its code is derived) but a 部门代码 column in 收入总表.
    reader = SubjectReader(unit_code="320200-32fa0c9c57", unit_name="无锡市信访局")
    department = reader.read("无锡市信访局", unit_code_text="113")
    assert (department.kind, department.entity_code) == (RowKind.UNIT, "113")
    body = reader.read("无锡市信访局本级", unit_code_text="113001")
    assert (body.kind, body.entity_code) == (RowKind.ENTITY, "113001")
    # Changsha's 项目支出绩效目标表: 单位编码 126001 (nine digits, dotted, alike).
    assert reader.read("长沙市信访局", unit_code_text="126.001.001").entity_code == "126001001"
    # In a 科目编码 column, a code no subject has (6 digits, 8 or more) is an entity's.
    assert reader.read("x", code="113001").kind is RowKind.ENTITY
    assert reader.read("行政运行", code="2010301").kind is RowKind.SUBJECT
    assert reader.read("合计", unit_code_text="合计").kind is RowKind.TOTAL
