"""The indicator tree's levels, read out of cells that print several levels or indicators."""

from __future__ import annotations

from disclosure.indicator_levels import (
    IndicatorItem,
    indicator_items,
    is_level_name,
    level1_of,
    level2_of,
    split_levels,
)


def test_standard_level_names_in_full_short_and_numbered() -> None:
    assert [level1_of(t) for t in ("产出指标", "1-产出指标", "满意度指标", "成本", "数量指标")] == [
        "产出指标",
        "产出指标",
        "满意度指标",
        "成本",
        None,
    ]
    assert [level2_of(t) for t in ("11-数量指标", "经济成本", "社会公众或服务对象满意度指标")] == [
        "数量指标",
        "经济成本",
        "社会公众或服务对象满意度指标",
    ]
    assert not is_level_name("使用人员满意度")


def test_levels_run_together_with_the_indicator_are_split() -> None:
    assert split_levels("产出指标质量指标来信扫描完成率") == (
        "产出指标",
        "质量指标",
        "来信扫描完成率",
    )
    assert split_levels("效益指标社会效益指标保障接访工作的运转") == (
        "效益指标",
        "社会效益指标",
        "保障接访工作的运转",
    )
    # a 三级指标 that merely starts like a level is no level
    assert split_levels("成本控制率") == (None, None, "成本控制率")


def test_numbered_indicators_listed_in_one_cell() -> None:
    text = (
        "1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:每年≥20场。"
        "2、2-效益指标；22-社会效益；构建城市运行监测指标体系；实施周期指标值:≥1次；年度指标值:≥1次。"
    )
    assert indicator_items(text) == [
        IndicatorItem(
            "产出指标",
            "数量指标",
            "会议活动保障次数",
            "每年≥20场",
            [("实施周期指标值", "每年≥20场"), ("年度指标值", "每年≥20场")],
        ),
        IndicatorItem(
            "效益指标",
            "社会效益",
            "构建城市运行监测指标体系",
            "≥1次",
            [("实施周期指标值", "≥1次"), ("年度指标值", "≥1次")],
        ),
    ]


def test_a_level_column_listing_its_indicators() -> None:
    items = indicator_items(
        "质量指标:群众来信按期办结率大于等于95%以上;群众来信事项交办率大于等于90%以上"
    )
    assert [(i.level2, i.name, i.target) for i in items] == [
        ("质量指标", "群众来信按期办结率", "大于等于95%以上"),
        ("质量指标", "群众来信事项交办率", "大于等于90%以上"),
    ]
    # an indicator stated in words has no target of its own
    (words,) = indicator_items("2024年8月底前完成")
    assert (words.name, words.target) == ("2024年8月底前完成", None)
    assert indicator_items("") == []
