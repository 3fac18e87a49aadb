"""Printed quantities: an indicator value read into comparator, exact number and unit; the
quantities a text quotes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from disclosure.quantities import Quantity, comparator_of, in_yuan, quoted_quantities, read_quantity


@pytest.mark.parametrize(
    ("printed", "comparator", "value", "unit"),
    [
        ("≥95%", "≥", "95", "%"),
        ("≤15万元", "≤", "15", "万元"),
        ("=24小时/日", "=", "24", "小时/日"),
        ("＝100%", "=", "100", "%"),
        ("72万册", None, "72", "万册"),
        ("≥13459.00(平方米)", "≥", "13459.00", "平方米"),
        ("大于等于95%以上", "≥", "95", "%"),
        ("每年≥20场", "≥", "20", "场"),
        ("小于0.5%", "<", "0.5", "%"),
        ("≥4.5分", "≥", "4.5", "分"),
        ("≧4次", "≥", "4", "次"),
        ("1,935.36", None, "1935.36", None),
        ("≤0次", "≤", "0", "次"),
        ("10亿条", None, "10", "亿条"),
        ("≤536.56308万元", "≤", "536.56308", "万元"),
        ("≥5G", "≥", "5", "G"),  # a unit no vocabulary lists, printed right after the number
    ],
)
def test_an_indicator_value_is_read_into_comparator_number_and_unit(
    printed: str, comparator: str | None, value: str, unit: str | None
) -> None:
    assert read_quantity(printed) == Quantity(printed, comparator, Decimal(value), unit)


@pytest.mark.parametrize(
    ("printed", "comparator"),
    [("不超过预算", "≤"), ("优", None), ("按时完成", None), ("90%-95%", None), ("≤", "≤")],
)
def test_a_value_without_one_number_keeps_its_text_and_no_value(
    printed: str, comparator: str | None
) -> None:
    quantity = read_quantity(printed)
    assert (quantity.text, quantity.comparator, quantity.value) == (printed, comparator, None)


def test_years_dates_list_numbers_codes_and_document_numbers_are_no_quantities() -> None:
    text = (
        "1.落实《条例》（财预〔2018〕167号）；2.2025年12月31日前完成；目标1：做好；"
        "项目11000021Y000000390849；12345热线"
    )
    assert quoted_quantities(text) == []


def test_a_text_quotes_each_quantity_with_its_unit_and_comparator() -> None:
    text = "根据合同，2026年房租184.94万元（面积5137.26平方米，30元/月/平），偏离40%-30%得10分"
    assert [(q.text, q.comparator, q.value, q.unit) for q in quoted_quantities(text)] == [
        ("184.94万元", None, Decimal("184.94"), "万元"),
        ("5137.26平方米", None, Decimal("5137.26"), "平方米"),
        ("30元/月/平", None, Decimal("30"), "元/月/平"),
        ("40%", None, Decimal("40"), "%"),
        ("30%", None, Decimal("30"), "%"),
        ("10分", None, Decimal("10"), "分"),
    ]


def test_a_comparator_printed_in_its_own_column() -> None:
    assert [comparator_of(t) for t in ("≥", "＝", "大于等于", "定性", "")] == [
        "≥",
        "=",
        "≥",
        None,
        None,
    ]


def test_money_in_yuan_is_exact_and_other_units_are_no_money() -> None:
    assert in_yuan(Decimal("689.157460"), "万元") == Decimal("6891574.60")
    assert in_yuan(Decimal("1.4"), "元") == Decimal("1.40")
    assert in_yuan(Decimal("0.456"), "元") is None  # finer than a fen: no amount in 元 says it
    assert in_yuan(Decimal("95"), "%") is None
    assert in_yuan(Decimal("30"), "元/月/平") is None  # a price per month and square metre
