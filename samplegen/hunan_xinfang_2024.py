"""湖南省信访局 (unit 010), 2024 budget disclosure: the real seed, transcribed as a spec.

Source: `shared/seed/000_1261372287653b47.txt`, a lossy text rendering of the published PDF.
It prints 16 of the 23 Hunan tables (04, 05, 11 and 15–18 are absent), in this order.

Cells are written as printed: money as `1,399.48` (turned into `Decimal('1399.48')`), an empty
cell as `""` (None). Numbers are the printed ones, including the disclosure's own arithmetic
errors (07's 20103 row, 09's 行政运行 row, 23's 合计 row): extraction must return what is printed,
and reconciliation must find those errors. Where the text rendering shifted cells (it flattened
merged header cells and dropped empty ones), each table says how its rows were aligned to the
template's leaf columns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from disclosure.template import load_template
from samplegen.spec import (
    DisclosureSpec,
    RowSpec,
    TableSpec,
    Value,
    empty_table_rows,
    template_table,
)

_MONEY = re.compile(r"^\d{1,3}(?:,\d{3})*\.\d{2}$")


def _value(printed: str) -> Value:
    """A printed cell as a spec value: money becomes Decimal, an empty cell None."""
    if not printed:
        return None
    if _MONEY.match(printed):
        return Decimal(printed.replace(",", ""))
    return printed


def _printed(*cells: str) -> tuple[Value, ...]:
    """A row's values from its printed cells, one per leaf column, left to right."""
    return tuple(_value(cell) for cell in cells)


def _cells(code: str, lead: Sequence[str], by_path: Mapping[str, str]) -> tuple[Value, ...]:
    """A row of a wide table: `lead` fills the first columns, `by_path` names the rest.

    Columns named in neither are empty. Naming a cell by its column path is how the alignment
    judgements below are written down: each amount says which template column it belongs to.
    """
    paths = load_template("hunan").table(code).column_paths
    values: list[Value] = [_value(cell) for cell in lead] + [None] * (len(paths) - len(lead))
    for path, printed in by_path.items():
        if paths.count(path) != 1 or paths.index(path) < len(lead):
            raise ValueError(f"table {code}: {path!r} is not one column after the lead cells")
        values[paths.index(path)] = _value(printed)
    return tuple(values)


def spec() -> DisclosureSpec:
    return DisclosureSpec(
        year=2024,
        unit_code="010",
        unit_name="湖南省信访局",
        phone="0731-81125819",
        tables=(
            _table_01(),
            _table_02(),
            _table_03(),
            _table_06(),
            _table_07(),
            _table_08(),
            _table_09(),
            _table_10(),
            _table_12(),
            _table_13(),
            _table_14(),
            _table_19(),
            _table_20(),
            _table_21(),
            _table_22(),
            _table_23(),
        ),
    )


def _table_01() -> TableSpec:
    # 收支总表. The seed's eight cells per row line up with the template's eight leaves. The
    # four 项目|预算数 column pairs are independent lists printed side by side, so they are
    # written here one pair-list each and zipped into rows. Every row is an item row: the
    # 本年收入合计 / 收入总计 lines are labelled items too (only a bare 合计 / 总计 label makes
    # a total row).
    income = (
        ("一、一般公共预算拨款收入", "4,099.76"),
        ("经费拨款", "4,099.76"),
        ("纳入一般公共预算管理的非税收入拨款", ""),
        ("行政事业性收费收入", ""),
        ("专项收入", ""),
        ("国有资本经营收入", ""),
        ("国有资源（资产）有偿使用收入", ""),
        ("捐赠收入", ""),
        ("政府住房基金收入", ""),
        ("罚没收入", ""),
        ("其他收入", ""),
        ("二、政府性基金预算拨款收入", ""),
        ("三、国有资本经营预算拨款收入", ""),
        ("四、财政专户管理资金收入", ""),
        ("五、上级财政补助收入", "15.00"),
        ("一般公共预算补助", "15.00"),
        ("政府性基金补助", ""),
        ("国有资本经营预算补助", ""),
        ("六、事业收入", ""),
        ("七、事业单位经营收入", ""),
        ("八、上级补助收入", ""),
        ("九、附属单位上缴收入", ""),
        ("十、其他收入", ""),
        ("", ""),
        ("", ""),
        ("本年收入合计", "4,114.76"),
        ("上年结转结余", "603.13"),
        ("收入总计", "4,717.89"),
    )
    by_function = (
        ("一、一般公共服务支出", "3,878.89"),
        ("二、公共安全支出", ""),
        ("三、教育支出", "60.00"),
        ("四、科学技术支出", ""),
        ("五、文化旅游体育与传媒支出", ""),
        ("六、社会保障和就业支出", "340.00"),
        ("七、卫生健康支出", "249.00"),
        ("八、节能环保支出", ""),
        ("九、城乡社区支出", ""),
        ("十、农林水支出", ""),
        ("十一、交通运输支出", ""),
        ("十二、资源勘探工业信息等支出", ""),
        ("十三、商业服务业等支出", ""),
        ("十四、金融支出", ""),
        ("十五、援助其他地区支出", ""),
        ("十六、自然资源海洋气象等支出", ""),
        ("十七、住房保障支出", "190.00"),
        ("十八、粮油物资储备支出", ""),
        ("十九、灾害防治及应急管理支出", ""),
        ("二十、预备费", ""),
        ("二十一、其他支出", ""),
        ("二十二、债务还本支出", ""),
        ("二十三、债务付息支出", ""),
        ("二十四、债务发行费用支出", ""),
        ("二十五、抗疫特别国债安排的支出", ""),
        ("本年支出合计", "4,717.89"),
        ("上年结转结余", ""),
        ("支出总计", "4,717.89"),
    )
    by_department_economic = (
        ("一、基本支出", "2,566.19"),
        ("工资福利支出", "2,034.48"),
        ("商品和服务支出", "368.99"),
        ("对个人和家庭的补助", "162.72"),
        ("二、项目支出", "2,151.70"),
        ("按项目管理的商品和服务支出", "2,071.64"),
        ("按项目管理的对个人和家庭的补助", "15.13"),
        ("债务利息及费用支出", ""),
        ("资本性支出（基本建设）", "8.33"),
        ("资本性支出", "56.60"),
        ("对企业补助（基本建设）", ""),
        ("对企业补助", ""),
        ("对社会保障基金补助", ""),
        ("其他支出", ""),
        *[("", "")] * 11,
        ("本年支出合计", "4,717.89"),
        ("上年结转结余", ""),
        ("支出总计", "4,717.89"),
    )
    by_government_economic = (
        ("一、机关工资福利支出", "2,034.48"),
        ("二、机关商品和服务支出", "2,440.63"),
        ("三、机关资本性支出", "56.60"),
        ("四、机关资本性支出（基本建设）", "8.33"),
        ("五、对事业单位经常性补助", ""),
        ("六、对事业单位资本性补助", ""),
        ("七、对企业补助", ""),
        ("八、对企业资本性支出", ""),
        ("九、对个人和家庭的补助", "177.85"),
        ("十、对社会保障基金补助", ""),
        ("十一、债务利息及费用支出", ""),
        ("十二、其他支出", ""),
        *[("", "")] * 13,
        ("本年支出合计", "4,717.89"),
        ("上年结转结余", ""),
        ("支出总计", "4,717.89"),
    )
    columns = zip(income, by_function, by_department_economic, by_government_economic, strict=True)
    rows = [
        RowSpec(_printed(*(cell for pair in row for cell in pair)), kind="item") for row in columns
    ]
    return template_table(
        "01",
        rows,
        notes=("备注：财政专户管理资金收入是指教育收费收入；事业收入不含教育收费收入，下同。",),
    )


def _table_02() -> TableSpec:
    # 收入总表. The seed prints 603.13 twice under 本年收入/其他收入 and 上年结转结余/小计: the
    # rendering dropped one empty cell before them (and adds one empty cell at the row's end).
    # By meaning they are 上年结转结余/小计 and 上年结转结余/一般公共预算: 合计 4,717.89 =
    # 本年收入 4,114.76 + 上年结转结余 603.13, and 01/06 print 603.13 as the carried-over
    # 一般公共预算 money. 15.00 stays under 上级财政补助收入/一般公共预算补助, as in 01.
    # The 合计, unit and entity rows print the same amounts.
    amounts = {
        "合计": "4,717.89",
        "本年收入/小计": "4,114.76",
        "本年收入/一般公共预算": "4,099.76",
        "本年收入/上级财政补助收入/一般公共预算补助": "15.00",
        "上年结转结余/小计": "603.13",
        "上年结转结余/一般公共预算": "603.13",
    }
    rows = [
        RowSpec(_cells("02", ("", "合计"), amounts), kind="total"),
        RowSpec(_cells("02", ("010", "湖南省信访局"), amounts), kind="unit", entity_code="010"),
        RowSpec(
            _cells("02", ("010001", "湖南省信访局本级"), amounts),
            kind="entity",
            entity_code="010001",
        ),
    ]
    return template_table("02", rows)


def _table_03() -> TableSpec:
    # 支出总表. Full 科目编码 in one column; the seed's cells line up with the template's leaves.
    rows = [
        RowSpec(_printed("", "合计", "4,717.89", "2,566.19", "2,151.70", "", "", ""), kind="total"),
        RowSpec(
            _printed("010", "湖南省信访局", "4,717.89", "2,566.19", "2,151.70", "", "", ""),
            kind="unit",
            entity_code="010",
        ),
        RowSpec(
            _printed("010001", "湖南省信访局本级", "4,717.89", "2,566.19", "2,151.70", "", "", ""),
            kind="entity",
            entity_code="010001",
        ),
        RowSpec(
            _printed("201", "一般公共服务支出", "3,878.89", "1,787.19", "2,091.70", "", "", ""),
            subject_code="201",
        ),
        RowSpec(
            _printed(
                "20103",
                "政府办公厅（室）及相关机构事务",
                "3,485.75",
                "1,787.19",
                "1,698.56",
                "",
                "",
                "",
            ),
            subject_code="20103",
        ),
        RowSpec(
            _printed("2010301", "行政运行", "1,788.08", "1,787.19", "0.89", "", "", ""),
            subject_code="2010301",
        ),
        RowSpec(
            _printed("2010302", "一般行政管理事务", "1,697.67", "", "1,697.67", "", "", ""),
            subject_code="2010302",
        ),
        RowSpec(
            _printed("20140", "信访事务", "393.14", "", "393.14", "", "", ""),
            subject_code="20140",
        ),
        RowSpec(
            _printed("2014004", "信访业务", "393.14", "", "393.14", "", "", ""),
            subject_code="2014004",
        ),
        RowSpec(_printed("205", "教育支出", "60.00", "", "60.00", "", "", ""), subject_code="205"),
        RowSpec(
            _printed("20508", "进修及培训", "60.00", "", "60.00", "", "", ""),
            subject_code="20508",
        ),
        RowSpec(
            _printed("2050803", "培训支出", "60.00", "", "60.00", "", "", ""),
            subject_code="2050803",
        ),
        RowSpec(
            _printed("208", "社会保障和就业支出", "340.00", "340.00", "", "", "", ""),
            subject_code="208",
        ),
        RowSpec(
            _printed("20805", "行政事业单位养老支出", "340.00", "340.00", "", "", "", ""),
            subject_code="20805",
        ),
        RowSpec(
            _printed("2080501", "行政单位离退休", "144.00", "144.00", "", "", "", ""),
            subject_code="2080501",
        ),
        RowSpec(
            _printed(
                "2080505", "机关事业单位基本养老保险缴费支出", "196.00", "196.00", "", "", "", ""
            ),
            subject_code="2080505",
        ),
        RowSpec(
            _printed("210", "卫生健康支出", "249.00", "249.00", "", "", "", ""),
            subject_code="210",
        ),
        RowSpec(
            _printed("21011", "行政事业单位医疗", "249.00", "249.00", "", "", "", ""),
            subject_code="21011",
        ),
        RowSpec(
            _printed("2101101", "行政单位医疗", "130.00", "130.00", "", "", "", ""),
            subject_code="2101101",
        ),
        RowSpec(
            _printed("2101103", "公务员医疗补助", "106.00", "106.00", "", "", "", ""),
            subject_code="2101103",
        ),
        RowSpec(
            _printed("2101199", "其他行政事业单位医疗支出", "13.00", "13.00", "", "", "", ""),
            subject_code="2101199",
        ),
        RowSpec(
            _printed("221", "住房保障支出", "190.00", "190.00", "", "", "", ""),
            subject_code="221",
        ),
        RowSpec(
            _printed("22102", "住房改革支出", "190.00", "190.00", "", "", "", ""),
            subject_code="22102",
        ),
        RowSpec(
            _printed("2210201", "住房公积金", "190.00", "190.00", "", "", "", ""),
            subject_code="2210201",
        ),
    ]
    return template_table("03", rows)


def _table_06() -> TableSpec:
    # 财政拨款收支总表. Four cells per row, as the template. Like 01, every row is an item row
    # (一、本年收入 and 收入总计 included); the 收入 pair-list is shorter than the 支出 one, so
    # its lower rows print empty.
    income = (
        ("一、本年收入", "4,114.76"),
        ("(一) 一般公共预算拨款", "4,114.76"),
        ("(二) 政府性基金预算拨款", ""),
        ("(三) 国有资本经营预算拨款", ""),
        ("二、上年结转", "603.13"),
        ("(一) 一般公共预算拨款", "603.13"),
        ("(二) 政府性基金预算拨款", ""),
        ("(三) 国有资本经营预算拨款", ""),
        *[("", "")] * 19,
        ("收入总计", "4,717.89"),
    )
    expenditure = (
        ("一、本年支出", "4,717.89"),
        ("(一) 一般公共服务支出", "3,878.89"),
        ("(二) 公共安全支出", ""),
        ("(三) 教育支出", "60.00"),
        ("(四) 科学技术支出", ""),
        ("(五) 文化旅游体育与传媒支出", ""),
        ("(六) 社会保障和就业支出", "340.00"),
        ("(七) 卫生健康支出", "249.00"),
        ("(八) 节能环保支出", ""),
        ("(九) 城乡社区支出", ""),
        ("(十) 农林水支出", ""),
        ("(十一) 交通运输支出", ""),
        ("(十二) 资源勘探工业信息等支出", ""),
        ("(十三) 商业服务业等支出", ""),
        ("(十四) 金融支出", ""),
        ("(十五) 援助其他地区支出", ""),
        ("(十六) 自然资源海洋气象等支出", ""),
        ("(十七) 住房保障支出", "190.00"),
        ("(十八) 粮油物资储备支出", ""),
        ("(十九) 灾害防治及应急管理支出", ""),
        ("(二十) 预备费", ""),
        ("(二十一) 其他支出", ""),
        ("(二十二) 债务还本支出", ""),
        ("(二十三) 债务付息支出", ""),
        ("(二十四) 债务发行费用支出", ""),
        ("(二十五) 抗疫特别国债安排的支出", ""),
        ("二、年终结转结余", ""),
        ("支出总计", "4,717.89"),
    )
    rows = [
        RowSpec(_printed(*left, *right), kind="item")
        for left, right in zip(income, expenditure, strict=True)
    ]
    return template_table(
        "06",
        rows,
        notes=("注：本表中本年收入包括本级安排和上级补助，含当年支出和上年结转结余资金。",),
    )


def _table_07() -> TableSpec:
    # 一般公共预算支出表, printed over two pages (title and header repeated): 17 body rows, a
    # page break after 210 卫生健康支出, then 7 rows. The seed's cells line up with the
    # template's leaves. 款 codes print as two digits under their 类 (`03` under `201` is 20103;
    # `11` on page 2 is still under page 1's `210`).
    # Printed as is: the 20103 row's 合计 3,486.75 and 项目支出 1,698.66 (its 项 rows sum to
    # 3,485.75 and 1,698.56, and 03 prints those).
    rows = [
        RowSpec(
            _printed(
                "", "合计", "4,717.89", "2,566.19", "2,034.48", "162.72", "368.99", "2,151.70"
            ),
            kind="total",
        ),
        RowSpec(
            _printed(
                "010",
                "湖南省信访局",
                "4,717.89",
                "2,566.19",
                "2,034.48",
                "162.72",
                "368.99",
                "2,151.70",
            ),
            kind="unit",
            entity_code="010",
        ),
        RowSpec(
            _printed(
                "010001",
                "湖南省信访局本级",
                "4,717.89",
                "2,566.19",
                "2,034.48",
                "162.72",
                "368.99",
                "2,151.70",
            ),
            kind="entity",
            entity_code="010001",
        ),
        RowSpec(
            _printed(
                "201",
                "一般公共服务支出",
                "3,878.89",
                "1,787.19",
                "1,399.48",
                "18.72",
                "368.99",
                "2,091.70",
            ),
            subject_code="201",
        ),
        RowSpec(
            _printed(
                "03",
                "政府办公厅（室）及相关机构事务",
                "3,486.75",
                "1,787.19",
                "1,399.48",
                "18.72",
                "368.99",
                "1,698.66",
            ),
            subject_code="20103",
        ),
        RowSpec(
            _printed(
                "2010301",
                "行政运行",
                "1,788.08",
                "1,787.19",
                "1,399.48",
                "18.72",
                "368.99",
                "0.89",
            ),
            subject_code="2010301",
        ),
        RowSpec(
            _printed("2010302", "一般行政管理事务", "1,697.67", "", "", "", "", "1,697.67"),
            subject_code="2010302",
        ),
        RowSpec(
            _printed("40", "信访事务", "393.14", "", "", "", "", "393.14"), subject_code="20140"
        ),
        RowSpec(
            _printed("2014004", "信访业务", "393.14", "", "", "", "", "393.14"),
            subject_code="2014004",
        ),
        RowSpec(_printed("205", "教育支出", "60.00", "", "", "", "", "60.00"), subject_code="205"),
        RowSpec(
            _printed("08", "进修及培训", "60.00", "", "", "", "", "60.00"), subject_code="20508"
        ),
        RowSpec(
            _printed("2050803", "培训支出", "60.00", "", "", "", "", "60.00"),
            subject_code="2050803",
        ),
        RowSpec(
            _printed("208", "社会保障和就业支出", "340.00", "340.00", "196.00", "144.00", "", ""),
            subject_code="208",
        ),
        RowSpec(
            _printed("05", "行政事业单位养老支出", "340.00", "340.00", "196.00", "144.00", "", ""),
            subject_code="20805",
        ),
        RowSpec(
            _printed("2080501", "行政单位离退休", "144.00", "144.00", "", "144.00", "", ""),
            subject_code="2080501",
        ),
        RowSpec(
            _printed(
                "2080505",
                "机关事业单位基本养老保险缴费支出",
                "196.00",
                "196.00",
                "196.00",
                "",
                "",
                "",
            ),
            subject_code="2080505",
        ),
        RowSpec(
            _printed("210", "卫生健康支出", "249.00", "249.00", "249.00", "", "", ""),
            subject_code="210",
        ),
        # page 2
        RowSpec(
            _printed("11", "行政事业单位医疗", "249.00", "249.00", "249.00", "", "", ""),
            subject_code="21011",
        ),
        RowSpec(
            _printed("2101101", "行政单位医疗", "130.00", "130.00", "130.00", "", "", ""),
            subject_code="2101101",
        ),
        RowSpec(
            _printed("2101103", "公务员医疗补助", "106.00", "106.00", "106.00", "", "", ""),
            subject_code="2101103",
        ),
        RowSpec(
            _printed("2101199", "其他行政事业单位医疗支出", "13.00", "13.00", "13.00", "", "", ""),
            subject_code="2101199",
        ),
        RowSpec(
            _printed("221", "住房保障支出", "190.00", "190.00", "190.00", "", "", ""),
            subject_code="221",
        ),
        RowSpec(
            _printed("02", "住房改革支出", "190.00", "190.00", "190.00", "", "", ""),
            subject_code="22102",
        ),
        RowSpec(
            _printed("2210201", "住房公积金", "190.00", "190.00", "190.00", "", "", ""),
            subject_code="2210201",
        ),
    ]
    return template_table(
        "07",
        rows,
        notes=("注：支出包括当年预算和上年结转安排的所有支出。",),
        max_rows_per_page=17,
    )


def _table_08() -> TableSpec:
    # 一般公共预算基本支出表—人员经费(工资福利支出)(按政府预算经济分类). The seed's 14 cells per
    # row line up with the template's leaves (类 | 款 | 项 | 单位代码 | 名称 | 总计 | 6 + 3
    # amounts); the values agree by meaning (medical insurance under 社会保障缴费, 190.00 under
    # 住房公积金). The wrapped name `机关事业单位基本养老保险 缴费支出` is one cell.
    totals = {
        "总计": "2,034.48",
        "机关工资福利支出/合计": "2,034.48",
        "机关工资福利支出/工资奖金津补贴": "1,353.00",
        "机关工资福利支出/社会保障缴费": "445.00",
        "机关工资福利支出/住房公积金": "190.00",
        "机关工资福利支出/其他工资福利支出": "46.48",
    }
    rows = [
        RowSpec(_cells("08", ("", "", "", "", "合计"), totals), kind="total"),
        RowSpec(
            _cells("08", ("", "", "", "010", "湖南省信访局"), totals),
            kind="unit",
            entity_code="010",
        ),
        RowSpec(
            _cells("08", ("", "", "", "010001", "湖南省信访局本级"), totals),
            kind="entity",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "08",
                ("201", "03", "01", "010001", "行政运行"),
                {
                    "总计": "1,399.48",
                    "机关工资福利支出/合计": "1,399.48",
                    "机关工资福利支出/工资奖金津补贴": "1,353.00",
                    "机关工资福利支出/其他工资福利支出": "46.48",
                },
            ),
            subject_code="2010301",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "08",
                ("208", "05", "05", "010001", "机关事业单位基本养老保险缴费支出"),
                {
                    "总计": "196.00",
                    "机关工资福利支出/合计": "196.00",
                    "机关工资福利支出/社会保障缴费": "196.00",
                },
            ),
            subject_code="2080505",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "08",
                ("210", "11", "01", "010001", "行政单位医疗"),
                {
                    "总计": "130.00",
                    "机关工资福利支出/合计": "130.00",
                    "机关工资福利支出/社会保障缴费": "130.00",
                },
            ),
            subject_code="2101101",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "08",
                ("210", "11", "03", "010001", "公务员医疗补助"),
                {
                    "总计": "106.00",
                    "机关工资福利支出/合计": "106.00",
                    "机关工资福利支出/社会保障缴费": "106.00",
                },
            ),
            subject_code="2101103",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "08",
                ("210", "11", "99", "010001", "其他行政事业单位医疗支出"),
                {
                    "总计": "13.00",
                    "机关工资福利支出/合计": "13.00",
                    "机关工资福利支出/社会保障缴费": "13.00",
                },
            ),
            subject_code="2101199",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "08",
                ("221", "02", "01", "010001", "住房公积金"),
                {
                    "总计": "190.00",
                    "机关工资福利支出/合计": "190.00",
                    "机关工资福利支出/住房公积金": "190.00",
                },
            ),
            subject_code="2210201",
            entity_code="010001",
        ),
    ]
    return template_table("08", rows)


def _table_09() -> TableSpec:
    # 一般公共预算基本支出表—人员经费(工资福利支出)(按部门预算经济分类). The seed's data rows
    # lack the empty 工资津补贴/绩效工资 cell (and carry one extra empty cell at their end), so
    # from 445.00 on every value sits one column left of its meaning. Realigned: 445.00 is
    # 社会保障缴费/合计 (= 196 + 130 + 106 + 13), 196.00 机关事业单位基本养老保险缴费 (as 08
    # and 07: 2080505), 130.00 职工基本医疗保险缴费 (2101101 行政单位医疗), 106.00
    # 公务员医疗补助缴费 (2101103), 13.00 其他社会保障缴费 (2101199), 190.00 住房公积金,
    # 46.48 其他工资福利支出/合计 and 伙食补助费. (The seed's second header row is garbled the
    # same way; the template's header is kept.)
    # 行政运行 prints 1,353.00 | 518.00 | 385.00 in the first 工资津补贴 columns, before the point
    # where the rendering drops a cell, so positions hold: 385.00 is 津贴补贴, 奖金 is empty.
    # Printed as is: 工资津补贴/合计 1,353.00 is not 518.00 + 385.00, and the 合计 row's
    # 津贴补贴 450.00 / 奖金 385.00 are not the sums of the subject rows.
    totals = {
        "总计": "2,034.48",
        "工资津补贴/合计": "1,353.00",
        "工资津补贴/基本工资": "518.00",
        "工资津补贴/津贴补贴": "450.00",
        "工资津补贴/奖金": "385.00",
        "社会保障缴费/合计": "445.00",
        "社会保障缴费/机关事业单位基本养老保险缴费": "196.00",
        "社会保障缴费/职工基本医疗保险缴费": "130.00",
        "社会保障缴费/公务员医疗补助缴费": "106.00",
        "社会保障缴费/其他社会保障缴费": "13.00",
        "住房公积金": "190.00",
        "其他工资福利支出/合计": "46.48",
        "其他工资福利支出/伙食补助费": "46.48",
    }
    rows = [
        RowSpec(_cells("09", ("", "", "", "", "合计"), totals), kind="total"),
        RowSpec(
            _cells("09", ("", "", "", "010", "湖南省信访局"), totals),
            kind="unit",
            entity_code="010",
        ),
        RowSpec(
            _cells("09", ("", "", "", "010001", "湖南省信访局本级"), totals),
            kind="entity",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "09",
                ("201", "03", "01", "010001", "行政运行"),
                {
                    "总计": "1,399.48",
                    "工资津补贴/合计": "1,353.00",
                    "工资津补贴/基本工资": "518.00",
                    "工资津补贴/津贴补贴": "385.00",
                    "其他工资福利支出/合计": "46.48",
                    "其他工资福利支出/伙食补助费": "46.48",
                },
            ),
            subject_code="2010301",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "09",
                ("208", "05", "05", "010001", "机关事业单位基本养老保险缴费支出"),
                {
                    "总计": "196.00",
                    "社会保障缴费/合计": "196.00",
                    "社会保障缴费/机关事业单位基本养老保险缴费": "196.00",
                },
            ),
            subject_code="2080505",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "09",
                ("210", "11", "01", "010001", "行政单位医疗"),
                {
                    "总计": "130.00",
                    "社会保障缴费/合计": "130.00",
                    "社会保障缴费/职工基本医疗保险缴费": "130.00",
                },
            ),
            subject_code="2101101",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "09",
                ("210", "11", "03", "010001", "公务员医疗补助"),
                {
                    "总计": "106.00",
                    "社会保障缴费/合计": "106.00",
                    "社会保障缴费/公务员医疗补助缴费": "106.00",
                },
            ),
            subject_code="2101103",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "09",
                ("210", "11", "99", "010001", "其他行政事业单位医疗支出"),
                {
                    "总计": "13.00",
                    "社会保障缴费/合计": "13.00",
                    "社会保障缴费/其他社会保障缴费": "13.00",
                },
            ),
            subject_code="2101199",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "09",
                ("221", "02", "01", "010001", "住房公积金"),
                {"总计": "190.00", "住房公积金": "190.00"},
            ),
            subject_code="2210201",
            entity_code="010001",
        ),
    ]
    return template_table("09", rows)


def _table_10() -> TableSpec:
    # 一般公共预算基本支出表--人员经费(对个人和家庭的补助)(按政府预算经济分类). The seed's 11
    # cells per row line up with the template's leaves: 144.00 is 离退休费 (2080501
    # 行政单位离退休), 18.72 其他对个人和家庭的补助 (行政运行).
    totals = {"总计": "162.72", "离退休费": "144.00", "其他对个人和家庭的补助": "18.72"}
    rows = [
        RowSpec(_cells("10", ("", "", "", "", "合计"), totals), kind="total"),
        RowSpec(
            _cells("10", ("", "", "", "010", "湖南省信访局"), totals),
            kind="unit",
            entity_code="010",
        ),
        RowSpec(
            _cells("10", ("", "", "", "010001", "湖南省信访局本级"), totals),
            kind="entity",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "10",
                ("201", "03", "01", "010001", "行政运行"),
                {"总计": "18.72", "其他对个人和家庭的补助": "18.72"},
            ),
            subject_code="2010301",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "10",
                ("208", "05", "01", "010001", "行政单位离退休"),
                {"总计": "144.00", "离退休费": "144.00"},
            ),
            subject_code="2080501",
            entity_code="010001",
        ),
    ]
    return template_table("10", rows)


def _table_12() -> TableSpec:
    # 一般公共预算基本支出表—公用经费(商品和服务支出)(按政府预算经济分类). The seed's 18 cells
    # per row line up with the template's leaves, and agree with 13 by meaning (会议费 16.25,
    # 培训费 empty, 公务接待费 10.00, 公务用车运行维护费 39.00, 维修(护)费 5.00, 其他 40.74).
    # All four rows print the same amounts (行政运行 is the only subject with 公用经费).
    amounts = {
        "总计": "368.99",
        "机关商品和服务支出/合计": "368.99",
        "机关商品和服务支出/办公经费": "253.00",
        "机关商品和服务支出/会议费": "16.25",
        "机关商品和服务支出/委托业务费": "5.00",
        "机关商品和服务支出/公务接待费": "10.00",
        "机关商品和服务支出/公务用车运行维护费": "39.00",
        "机关商品和服务支出/维修(护)费": "5.00",
        "机关商品和服务支出/其他商品和服务支出": "40.74",
    }
    rows = [
        RowSpec(_cells("12", ("", "", "", "", "合计"), amounts), kind="total"),
        RowSpec(
            _cells("12", ("", "", "", "010", "湖南省信访局"), amounts),
            kind="unit",
            entity_code="010",
        ),
        RowSpec(
            _cells("12", ("", "", "", "010001", "湖南省信访局本级"), amounts),
            kind="entity",
            entity_code="010001",
        ),
        RowSpec(
            _cells("12", ("201", "03", "01", "010001", "行政运行"), amounts),
            subject_code="2010301",
            entity_code="010001",
        ),
    ]
    return template_table("12", rows)


def _table_13() -> TableSpec:
    # 一般公共预算基本支出表—公用经费(商品和服务支出)(按部门预算经济分类). The seed's 26 cells
    # per row line up with the template's leaves. No 合计 row: the seed starts with the unit
    # row, and so does this table. All three rows print the same amounts.
    amounts = {
        "总计": "368.99",
        "办公费": "22.00",
        "印刷费": "10.00",
        "水费": "4.00",
        "电费": "20.00",
        "邮电费": "7.00",
        "差旅费": "30.00",
        "维修(护)费": "5.00",
        "租赁费": "10.00",
        "会议费": "16.25",
        "公务接待费": "10.00",
        "劳务费": "5.00",
        "工会经费": "35.00",
        "福利费": "20.00",
        "公务用车运行维护费": "39.00",
        "其他交通费": "95.00",
        "其他商品和服务支出": "40.74",
    }
    rows = [
        RowSpec(
            _cells("13", ("", "", "", "010", "湖南省信访局"), amounts),
            kind="unit",
            entity_code="010",
        ),
        RowSpec(
            _cells("13", ("", "", "", "010001", "湖南省信访局本级"), amounts),
            kind="entity",
            entity_code="010001",
        ),
        RowSpec(
            _cells("13", ("201", "03", "01", "010001", "行政运行"), amounts),
            subject_code="2010301",
            entity_code="010001",
        ),
    ]
    return template_table("13", rows)


def _table_14() -> TableSpec:
    # 一般公共预算“三公”经费支出表. The seed's eight cells per row line up with the template's
    # leaves (51.00 is both 公务用车购置及运行费/小计 and 公务用车运行费; 购置费 is empty).
    amounts = ("71.00", "6.00", "51.00", "", "51.00", "14.00")
    rows = [
        RowSpec(_printed("", "合计", *amounts), kind="total"),
        RowSpec(_printed("010", "湖南省信访局", *amounts), kind="unit", entity_code="010"),
        RowSpec(
            _printed("010001", "湖南省信访局本级", *amounts), kind="entity", entity_code="010001"
        ),
    ]
    return template_table("14", rows)


def _table_19() -> TableSpec:
    # Empty: a bare 合计 row, then the marker.
    width = len(load_template("hunan").table("19").column_paths)
    return template_table(
        "19",
        empty_table_rows(width, with_total_row=True),
        notes=("注：本表指纳入专户管理的教育收入等收入。",),
        is_empty=True,
    )


def _table_20() -> TableSpec:
    # Empty: the marker only. This table's unit line is 金额单位：万元.
    width = len(load_template("hunan").table("20").column_paths)
    return template_table(
        "20",
        empty_table_rows(width, with_total_row=False),
        notes=("备注：本表中省级专项资金反映全貌，包括细化列入部门预算金额和列入代编预算金额。",),
        unit_line="金额单位：万元",
        is_empty=True,
    )


def _table_21() -> TableSpec:
    # Empty: the marker only.
    width = len(load_template("hunan").table("21").column_paths)
    return template_table(
        "21",
        empty_table_rows(width, with_total_row=False),
        notes=("注1: 部门预算中不包含对市县专项转移支付。", "注2: 不含上年结转结余。"),
        is_empty=True,
    )


_PLAN_PERIOD_GOAL_22 = (
    "坚持人民至上，坚持底线思维、法治思维，以推进信访工作法治化为主线，"
    "加强信访工作行为和群众信访行为的“双向规范”，推动落实属地责任、领导责任、"
    "部门责任“三方责任”，持续开展信访问题源头治理攻坚行动，"
    "提高初信初访办理质量，多措并举攻坚信访积案，推进系统治理、依法治理、"
    "综合治理，进一步提升推动全省信访工作提质增效，"
    "奋力开创全省信访工作高质量发展新局面，努力为全国经济发展和社会稳定、"
    "“三高四新”战略定位和使命任务作出新贡献。"
)

_ANNUAL_GOAL_22 = (
    "2024年坚持以习近平新时代中国特色社会主义思想为指导，"
    "深入学习贯彻党的二十大精神，深入贯彻落实习近平法治思想、"
    "习近平总书记关于加强和改进信访工作的重要思想，扛牢为民解难、"
    "为党分忧的政治责任，紧紧围绕中央和省委省政府工作大局，坚持人民至上，"
    "坚持底线思维、法治思维，以推进信访工作法治化为主线，"
    "加强信访工作行为和群众信访行为的“双向规范”，推动落实属地责任、领导责任、"
    "部门责任“三方责任”，持续开展信访问题源头治理攻坚行动，"
    "提高初信初访办理质量，多措并举攻坚信访积案，推进系统治理、依法治理、"
    "综合治理，进一步提升推动全省信访工作提质增效，"
    "奋力开创全省信访工作高质量发展新局面，努力为全国经济发展和社会稳定、"
    "“三高四新”战略定位和使命任务作出新贡献。"
)

_INDICATOR_22 = "加大信访积案化解力度，2024年信访总量总体下降到25%以上。"


def _table_22() -> TableSpec:
    # 其他资金绩效目标表. The seed's cells line up with the template up to 年度绩效目标; then it
    # repeats one indicator sentence 16 times where the template has 11 indicator columns: the
    # sentence goes into each of the 11. The entity row prints only its code, name and amounts.
    # The projects print no unit code (item rows, no entity code). Both projects print the
    # same goal texts.
    paths = load_template("hunan").table("22").column_paths
    goals = {
        "实施期绩效目标": _PLAN_PERIOD_GOAL_22,
        "年度绩效目标": _ANNUAL_GOAL_22,
        **{path: _INDICATOR_22 for path in paths if path.startswith("绩效指标/")},
    }
    rows = [
        RowSpec(
            _cells(
                "22",
                ("010001", "湖南省信访局本级"),
                {"资金总额": "1,548.57", "资金投向/省级支出": "1,548.57"},
            ),
            kind="entity",
            entity_code="010001",
        ),
        RowSpec(
            _cells(
                "22",
                ("", "其他事业发展资金"),
                {"资金总额": "470.99", "资金投向/省级支出": "470.99", **goals},
            ),
            kind="item",
        ),
        RowSpec(
            _cells(
                "22",
                ("", "运行维护经费"),
                {"资金总额": "1,077.58", "资金投向/省级支出": "1,077.58", **goals},
            ),
            kind="item",
        ),
    ]
    return template_table("22", rows, notes=("注：不含上年结转结余。",))


_DUTIES_23 = (
    "湖南省信访局主要职责："
    "(一)认真贯彻落实习近平总书记关于加强和改进人民信访工作的重要思想,"
    "督促检查中央和省、省政府关于信访工作决策部署的落实。"
    "(二)负责处理群众给省委、省政府和省信访局及其领导同志来信、接待群众来访,"
    "为领导同志接待信访群众做好相关准备和保障工作。"
    "(三)办理上级交办的信访事项,向有关地方和部门转送、交办信访事项;"
    "督办领导同志有关批示件和重要信访事项,协调处理重大疑难复杂的信访事项,"
    "推动信访问题依法及时就地解决。"
    "(四)负责向省委、省政府报告群众来信来访中的重要意见、建议和诉求,"
    "研究分析信访信息和情况,开展调查研究,为省委、"
    "省政府提出完善政策和改进工作的建议。"
    "(五)加大信访宣传,规范信访工作行为和信访人的信访行为,"
    "引导群众依法逐级理性表达利益诉求,教育引导进京上访人员,"
    "配合有关部门维护信访秩序。"
    "(六)综合指导全省信访工作,研究、起草有关信访工作法律制度,"
    "推进全省信访工作制度创新和法治化建设。"
    "(七)指导全省信访工作信息化建设,为全省“互联网+信访”工作提供技术支持。"
    "(八)指导全省信访干部队伍建设和教育培训计划,并组织实施。"
    "(九)承担省信访工作联席会议日常工作,督促省信访工作联席会议事项的落实,"
    "承担省人民政府信访事项复查委员会日常工作,"
    "办理群众向省政府申请复查复核的信访事项。"
    "(十)完成省委、省政府交办的其他任务。"
)

_OVERALL_GOAL_23 = (
    "2024年省信访局整体绩效目标:坚持以习近平新时代中国特色社会主义思想为指导,"
    "全面贯彻党的二十大精神,深入贯彻落实习近平法治思想、"
    "习近平总书记关于加强和改进信访工作的重要思想,扛牢为民解难、"
    "为党分忧的政治责任,紧紧围绕中央和省省委省政府工作大局,坚持人民至上,"
    "坚持底线思维、法治思维,以推进信访工作法治化为“一条主线”,"
    "加强信访工作行为和群众信访行为的“双向规范”,推动落实属地责任、领导责任、"
    "部门责任“三方责任”,持续开展信访问题源头治理攻坚行动,"
    "提高初信初访办理质效,多措并举攻坚信访积案,推进系统治理、依法治理、"
    "综合治理,进一步推动全省信访工作提质增效,"
    "奋力开创全省信访工作高质量发展新局面,"
    "努力为实现全省经济高质量发展和社会稳定,"
    "落实“三高四新”战略定位和使命任务作出新贡献。重点做好以下方面工作:"
    "一是着力强化党对信访工作的领导;二是着力推进信访工作法治化,"
    "按照“四个到位”要求,进一步完备信访法规制度体系,加强与相关部门衔接协调,"
    "做到信访工作有法可依,以良法促善治,全面推进信访工作“五个法治化”;"
    "三是继续深入开展信访问题源头治理,开展信访工作基层基础强化年活动,"
    "持续深化开展全国、全省信访工作示范县创建活动,"
    "总结推广源头预防的典型做法和新鲜经验;"
    "四是继续完善和加强智慧信访信息系统(二期)建设,着力畅通信访渠道;"
    "五是着力防范化解突出矛盾风险,聚焦重点领域和突出问题,落实属地责任,"
    "持续开展信访矛盾隐患排查、大起底、大化解,避免小问题拖成大问题,"
    "避免一般性问题演变成信访突出问题。"
)

# Each indicator text keeps its printed `…指标:` lead-in: those are printed words.
_INDICATORS_23 = {
    "成本指标/经济成本指标": "经济成本指标:抓好来信来访和网上信访的受理办理年",
    "成本指标/社会成本指标": (
        "社会成本指标:加强对信访问题化解,切实减少群众上访数量,促进社会稳定年"
    ),
    "成本指标/生态环境成本指标": "生态环境成本指标:开展国家信访局信访积案专项工作年",
    "产出指标/数量指标": (
        "数量指标:保持全年信访总量下降,完成国家信访局工作任务,全年信访总量下降,"
        "完成国家信访局工作任务"
    ),
    "产出指标/质量指标": (
        "质量指标:群众来信按期办结率大于等于95%以上;"
        "群众来信事项交办率大于等于90%以上;群众来信事项按期办结率大于等于95%以上;"
        "群众来信事项按期办结率大于等于95%以上"
    ),
    "产出指标/时效指标": "时效指标:群众来信事项按期办结率大于等于95%以上",
    "效益指标/经济效益指标": (
        "经济效益指标:便民服务热线,群众少跑腿,数据多跑路,让数据多跑腿,让群众少跑腿,让群众少跑腿"
    ),
    "效益指标/社会效益指标": (
        "社会效益指标:提高为群众服务效率,让群众少跑腿,让数据多跑路,让数据多跑腿"
    ),
    "效益指标/生态效益指标": (
        "生态效益指标:建立健全信访工作机制,进一步减少信访工作总量,通过更加科学的方法减少信访数量年"
    ),
    "效益指标/可持续影响指标": (
        "可持续影响指标:为民解难情况,群众来信事项处理和网上信访事项处理成效,"
        "群众来信事项处理和网上信访事项处理成效"
    ),
    "满意度指标/社会公众或服务对象满意度指标": (
        "满意度指标:服务对象满意度指标(信访群众满意度达到90%以上)"
    ),
}


def _table_23() -> TableSpec:
    # 部门整体支出绩效目标表. The 合计 row's cells line up with the template (label `合计:` as
    # printed). The entity row lost one empty cell among 政府性基金拨款 / 财政专户管理资金 /
    # 其他资金, so 2,566.19 is 基本支出 and 1,548.57 项目支出 (as in the 合计 row and in 22).
    # Its long text cells are split into the template's columns, <p> tags dropped: the first
    # text cell holds the duties (主要职责 and (一)–(十)) then the `2024年…整体绩效目标:`
    # paragraph, which goes to 整体绩效目标; each indicator group (成本 3, 产出 3, 效益 4,
    # 满意度 1 paragraphs) goes one paragraph per indicator column, in printed order.
    # The entity row prints no unit code: entity kind, no entity code.
    # Printed as is: 合计 项目支出 1,548.67 while the entity row (and 22) print 1,548.57.
    goals = {f"部门整体支出年度绩效目标/{path}": text for path, text in _INDICATORS_23.items()}
    rows = [
        RowSpec(
            _cells(
                "23",
                ("合计:",),
                {
                    "年度预算申请/资金总额": "4,114.76",
                    "年度预算申请/按收入性质分/一般公共预算": "4,114.76",
                    "年度预算申请/按支出性质分/基本支出": "2,566.19",
                    "年度预算申请/按支出性质分/项目支出": "1,548.67",
                },
            ),
            kind="total",
        ),
        RowSpec(
            _cells(
                "23",
                ("湖南省信访局本级",),
                {
                    "年度预算申请/资金总额": "4,114.76",
                    "年度预算申请/按收入性质分/一般公共预算": "4,114.76",
                    "年度预算申请/按支出性质分/基本支出": "2,566.19",
                    "年度预算申请/按支出性质分/项目支出": "1,548.57",
                    "部门职能职责描述": _DUTIES_23,
                    "整体绩效目标": _OVERALL_GOAL_23,
                    **goals,
                },
            ),
            kind="entity",
        ),
    ]
    return template_table("23", rows, notes=("注:不含上年结转结余。",), unit_line="金额单位：万元")
