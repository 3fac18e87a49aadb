"""The targets a goal's prose states (disclosure.goals), split as a reader lists them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure.goals import stated_targets


def _read(goal: str) -> list[tuple[object, ...]]:
    return [(t.text, t.comparator, t.value, t.unit) for t in stated_targets(goal)]


@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        # sentences; a sentence of several quantities cut at its commas
        (
            "确保监测网稳定运行。站点维护数量162个，资料接收及时率达到98％以上，响应时效24小时。",
            [
                ("确保监测网稳定运行", None, None, None),
                ("站点维护数量162个", "=", Decimal(162), "个"),
                ("资料接收及时率达到98％以上", "≥", Decimal(98), "％"),
                ("响应时效24小时", "=", Decimal(24), "小时"),
            ],
        ),
        # numbered items; comparators in words before and after the number
        (
            "1.冲突事件控制在2起/年；2.聘请律师至少6名；3.办结时限3天以内",
            [
                ("冲突事件控制在2起/年", "≤", Decimal(2), "起/年"),
                ("聘请律师至少6名", "≥", Decimal(6), "名"),
                ("办结时限3天以内", "≤", Decimal(3), "天"),
            ],
        ),
        # two counts listed with 、; a clause of means opens the target after it
        (
            "通过预算投入，采购社工23名、社区社工8名，达标率不低于95%",
            [
                ("通过预算投入，采购社工23名", "=", Decimal(23), "名"),
                ("社区社工8名", "=", Decimal(8), "名"),
                ("达标率不低于95%", "≥", Decimal(95), "%"),
            ],
        ),
        # one quantity: the sentence whole; years and list numbers are no quantities
        (
            "目标1：2025年完成系统升级，覆盖全市，可用率达99.9%。目标2：群众满意",
            [
                ("2025年完成系统升级，覆盖全市，可用率达99.9%", "=", Decimal("99.9"), "%"),
                ("群众满意", None, None, None),
            ],
        ),
        # several numbers, none marked: no one value
        (
            "聘请律师6名（2名执业律师和4名实习律师）",
            [("聘请律师6名（2名执业律师和4名实习律师）", None, None, None)],
        ),
        ("", []),
    ],
)
def test_a_goal_states_its_targets(goal: str, expected: list[tuple[object, ...]]) -> None:
    assert _read(goal) == expected


def test_offsets_point_into_the_goal() -> None:
    goal = "1.开展培训4次；2.座谈2场"
    for target in stated_targets(goal):
        assert goal[target.start :].startswith(target.text)
