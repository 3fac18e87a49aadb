"""The HTML report of a reconciliation run: findings per unit with their page references.

One self-contained file, `<data-dir>/reports/reconcile-<run_id>.html`, rendered from the Jinja2
template `reconcile/templates/report.html` (autoescaped): no script, no stylesheet or font from
elsewhere, charts drawn as inline SVG — it opens offline, from a mail attachment too. Each finding
names the printed cell (page and bounding box, in PDF points from the page's top left) and links
to that page of the kept PDF (`raw/<doc_id>.pdf#page=N`, relative to the report).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from reconcile.catalog import SEVERITIES
from reconcile.runs import Run
from warehouse.settings import WarehouseSettings
from warehouse.staging import write_text_atomically

# Past this many findings the report lists the most severe ones and says how many it left out.
MAX_LISTED = 5000
CHART_UNITS = 25

COLOURS = {"error": "#c0392b", "warning": "#e67e22", "info": "#2e86c1"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
FAMILY_ZH = {
    "within_row": "行内",
    "between_rows": "行间",
    "balance": "收支平衡",
    "across_tables": "表间",
    "completeness": "完整性",
    "across_years": "跨年度",
}

_LABEL_WIDTH, _BAR_WIDTH, _ROW_HEIGHT, _TOP = 260, 460, 22, 30


def report_path(settings: WarehouseSettings, run_id: str) -> Path:
    return settings.data_dir / "reports" / f"reconcile-{run_id}.html"


def write_report(settings: WarehouseSettings, run: Run) -> Path:
    """Write the run's report (aside, then renamed into place) and return its path."""
    target = report_path(settings, run.run_id)
    html = run_to_html(run, raw_prefix="../raw/")
    return write_text_atomically(target, html, staging_dir=settings.staging_dir)


def run_to_html(run: Run, raw_prefix: str = "../raw/") -> str:
    findings = run.findings.to_pylist()
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    listed = sorted(findings, key=lambda f: rank[str(f["severity"])])[:MAX_LISTED]
    return (
        _environment()
        .get_template("report.html")
        .render(
            run=run,
            counts=run.counts(),
            severities=SEVERITIES,
            severity_zh=SEVERITY_ZH,
            family_zh=FAMILY_ZH,
            colours=COLOURS,
            chart=findings_chart(findings),
            groups=_groups(listed, raw_prefix),
            listed=len(listed),
            left_out=len(findings) - len(listed),
            rules=run.rules.to_pylist(),
        )
    )


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("reconcile", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["amount"] = _amount
    return env


@dataclass
class Chart:
    """A horizontal stacked bar per unit and year (most findings first), one colour a severity."""

    bars: list[dict[str, Any]] = field(default_factory=list)
    legend: list[dict[str, Any]] = field(default_factory=list)
    units: int = 0  # units with findings, charted or not
    width: int = _LABEL_WIDTH + _BAR_WIDTH + 60
    height: int = 0
    label_width: int = _LABEL_WIDTH
    row_height: int = _ROW_HEIGHT


def findings_chart(findings: Sequence[dict[str, Any]], limit: int = CHART_UNITS) -> Chart:
    per_unit: dict[tuple[object, object, object], Counter[str]] = defaultdict(Counter)
    for f in findings:
        per_unit[(f["year"], f["unit_code"], f["unit_name"])][str(f["severity"])] += 1
    chart = Chart(units=len(per_unit))
    if not per_unit:
        return chart
    ranked = sorted(per_unit.items(), key=lambda kv: (-sum(kv[1].values()), str(kv[0])))[:limit]
    widest = max(sum(c.values()) for _, c in ranked)
    chart.height = _TOP + _ROW_HEIGHT * len(ranked) + 10
    chart.legend = [{"severity": s, "x": _LABEL_WIDTH + 110 * i} for i, s in enumerate(SEVERITIES)]
    for i, ((year, unit_code, unit_name), counter) in enumerate(ranked):
        x = float(_LABEL_WIDTH)
        parts = []
        for severity in SEVERITIES:
            n = counter.get(severity, 0)
            if n:
                width = _BAR_WIDTH * n / widest
                parts.append({"severity": severity, "count": n, "x": x, "width": width})
                x += width
        chart.bars.append(
            {
                "label": f"{year} {unit_code} {unit_name or ''}",
                "y": _TOP + i * _ROW_HEIGHT,
                "parts": parts,
                "end": x,
                "total": sum(counter.values()),
            }
        )
    return chart


def _groups(findings: Sequence[dict[str, Any]], raw_prefix: str) -> list[dict[str, Any]]:
    """Findings per unit, year and document, each with what the template prints of it."""
    grouped: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for f in findings:
        grouped[(f["year"], f["unit_code"], f["unit_name"], f["doc_id"])].append(f)
    groups = []
    for (year, unit_code, unit_name, doc_id), rows in sorted(
        grouped.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))
    ):
        rows.sort(key=lambda f: (str(f["table_code"]), f["row_no"] or 0, f["column_no"] or 0))
        counts = Counter(str(f["severity"]) for f in rows)
        groups.append(
            {
                "year": year,
                "unit_code": unit_code,
                "unit_name": unit_name,
                "doc_id": str(doc_id),
                "tally": ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts[s]),
                "findings": [_finding(f, raw_prefix) for f in rows],
            }
        )
    return groups


def _finding(f: dict[str, Any], raw_prefix: str) -> dict[str, Any]:
    label = str(f["row_label"] or "")
    row = f"{f['row_no']} {label}".strip() if f["row_no"] is not None else label
    bbox = (
        f"{f['bbox_x0']:.0f}–{f['bbox_x1']:.0f}, {f['bbox_top']:.0f}–{f['bbox_bottom']:.0f}"
        if f["bbox_x0"] is not None
        else ""
    )
    href = f"{raw_prefix}{f['doc_id']}.pdf#page={f['page_no']}"
    return {**f, "row": row, "bbox": bbox, "href": href}


def _amount(value: object) -> str:
    return f"{value:,.2f}" if isinstance(value, Decimal) else ""
