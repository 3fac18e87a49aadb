"""Printed text: whitespace folding and the normal form used to compare titles."""

from __future__ import annotations

import re

_WHITESPACE = re.compile(r"\s+")
_DASHES = re.compile(r"[-‐‑‒–—―－─]+")
_FOLD = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "　": ""})


def squeeze(text: str | None) -> str:
    """Remove all whitespace: wrapped cell text (`缴费 支出`) becomes one word (`缴费支出`)."""
    return _WHITESPACE.sub("", text or "")


def title_key(text: str) -> str:
    """Normal form of a table title: no whitespace, ASCII brackets/colons, one '-' per dash run.

    The same title is printed as `…表--人员经费(…)`, `…表—人员经费(…)` or `…表——人员经费（…）`.
    """
    return _DASHES.sub("-", squeeze(text).translate(_FOLD))
