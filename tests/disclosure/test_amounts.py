from decimal import Decimal

from disclosure.amounts import looks_like_amount, parse_amount


def test_printed_amounts_parse_exactly():
    assert parse_amount("4,099.76") == Decimal("4099.76")
    assert parse_amount("0.89") == Decimal("0.89")
    assert parse_amount("1,234,567.10") == Decimal("1234567.10")
    assert parse_amount("-12.50") == Decimal("-12.50")
    assert parse_amount("60") == Decimal("60")


def test_empty_or_non_numeric_cells_are_no_amount():
    for text in ("", "合计", "25%", "1,23.00", "4.099,76", "12a", "--"):
        assert parse_amount(text) is None, text
        assert not looks_like_amount(text) or text == ""
