"""Printed money: `4,099.76` → Decimal('4099.76'). An empty cell is no amount, not zero."""

from __future__ import annotations

import re
from decimal import Decimal

_AMOUNT = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


# What some printing software puts in an empty amount cell: a dash means "nothing", not zero.
NIL_MARKS = frozenset({"-", "--", "—", "——", "－", "–", "―"})


def is_nil(text: str) -> bool:
    """True for a printed dash standing for no amount."""
    return text in NIL_MARKS


def looks_like_amount(text: str) -> bool:
    """True for a printed number: optional minus, thousands separators, decimals."""
    return bool(_AMOUNT.match(text))


_MONEY = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$")


def looks_like_money(text: str) -> bool:
    """A number that can only be an amount: with decimals or thousands separators (a bare
    integer may be a code, a count or a row number)."""
    return bool(_MONEY.match(text))


def parse_amount(text: str) -> Decimal | None:
    """The Decimal a cell prints, or None when the cell is empty or not a number."""
    if not text or not _AMOUNT.match(text):
        return None
    return Decimal(text.replace(",", ""))
