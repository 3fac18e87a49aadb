"""Bar charts as inline SVG geometry: the template draws the rectangles and texts computed here
(no script, nothing fetched). Amounts are in 元 and shown in 万元 with two decimals.

    chart = bar_chart([("2023", Decimal("51591200.00")), ("2024", Decimal("53920400.00"))])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

_LABEL_WIDTH = 230  # the labels' column
_BAR_WIDTH = 420  # the longest bar
_VALUE_WIDTH = 140  # the amounts after the bars
_ROW = 24
_TOP = 6
WAN = Decimal(10000)


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal  # 元
    shown: str  # 万元, e.g. '5,159.12 万元'
    y: float
    width: float


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars, one per label, as long as their value against the largest."""

    bars: tuple[Bar, ...] = field(default=())
    width: int = _LABEL_WIDTH + _BAR_WIDTH + _VALUE_WIDTH
    height: int = 0
    label_width: int = _LABEL_WIDTH
    row: int = _ROW
    title: str = ""

    @property
    def value_x(self) -> float:
        return self.label_width + 6


def in_wan(yuan: Decimal) -> str:
    """An amount in 元 shown in 万元: `51591200.00` → `5,159.12 万元`."""
    return f"{yuan / WAN:,.2f} 万元"


def bar_chart(items: Sequence[tuple[str, Decimal | None]], title: str = "") -> BarChart:
    """A chart of (label, amount in 元); labels without an amount are left out; a negative
    amount draws no bar but is shown."""
    shown = [(label, value) for label, value in items if value is not None]
    if not shown:
        return BarChart(title=title)
    largest = max((v for _, v in shown), default=Decimal(0))
    bars = tuple(
        Bar(
            label=label,
            value=value,
            shown=in_wan(value),
            y=_TOP + i * _ROW,
            width=float(_BAR_WIDTH * value / largest) if largest > 0 and value > 0 else 0.0,
        )
        for i, (label, value) in enumerate(shown)
    )
    return BarChart(bars=bars, height=_TOP * 2 + _ROW * len(bars), title=title)
