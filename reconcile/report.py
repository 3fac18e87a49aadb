"""The HTML report of a reconciliation run: every document checked, passed or not, and the
findings per unit with their page references; and the findings as CSV beside it.

One self-contained file, `<data-dir>/reports/reconcile-<run_id>.html`, rendered from the Jinja2
template `reconcile/templates/report.html` (autoescaped: a unit name or file name printed as
markup stays text): no script, no stylesheet or font from elsewhere, charts drawn as inline SVG —
it opens offline, from a mail attachment too. It lists each document the run checked — unit,
year, file, rules evaluated, findings, passed or not — and, per unit, each finding: the printed
cell (page and bounding box, in PDF points from the page's top left) with a link to that page of
the kept PDF (`raw/<doc_id>.pdf#page=N`, relative to the report). Units are named before their
codes. `reconcile-<run_id>.findings.csv` beside it holds every finding (UTF-8 with a byte-order
mark; printed text a spreadsheet would evaluate made inert, as `budget export` writes it).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
from jinja2 import Environment, PackageLoader, StrictUndefined

from reconcile.catalog import SEVERITIES
from reconcile.runs import Run
from warehouse.catalog import open_reader
from warehouse.export import csv_table, reading_order, write_csv_batches
from warehouse.settings import WarehouseSettings
from warehouse.staging import write_atomically, write_text_atomically

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


def findings_csv_path(settings: WarehouseSettings, run_id: str) -> Path:
    """The findings of a run as CSV, beside its report."""
    return settings.data_dir / "reports" / f"reconcile-{run_id}.findings.csv"


def write_report(settings: WarehouseSettings, run: Run) -> Path:
    """Write the run's findings CSV and report (each aside, then renamed into place) and return
    the report's path."""
    names = file_names(settings)
    csv_path = write_findings_csv(settings, run, names)
    html = run_to_html(run, raw_prefix="../raw/", file_names=names, findings_csv=csv_path.name)
    return write_text_atomically(
        report_path(settings, run.run_id), html, staging_dir=settings.staging_dir
    )


def file_names(settings: WarehouseSettings) -> dict[str, str]:
    """The file name each document was first seen under, by doc_id."""
    con = open_reader(settings)
    if con is None:
        return {}
    try:
        rows = con.execute(
            "SELECT doc_id, min(file_name) FROM disclosures WHERE status <> 'duplicate' "
            "GROUP BY doc_id"
        ).fetchall()
    finally:
        con.close()
    return dict(rows)


def write_findings_csv(
    settings: WarehouseSettings, run: Run, names: Mapping[str, str] | None = None
) -> Path:
    """Every finding of the run, names before codes, with its document's file name."""
    findings = run.findings
    names = names or {}
    findings = findings.append_column(
        "file_name",
        pa.array([names.get(str(d)) for d in findings.column("doc_id").to_pylist()], pa.string()),
    )
    findings = csv_table(findings.select(reading_order(findings.column_names)))

    def write(staged: Path) -> None:
        with staged.open("wb") as out:
            write_csv_batches(findings.schema, findings.to_batches(), out)

    return write_atomically(
        findings_csv_path(settings, run.run_id), write, staging_dir=settings.staging_dir
    )


def run_to_html(
    run: Run,
    raw_prefix: str = "../raw/",
    *,
    file_names: Mapping[str, str] | None = None,
    findings_csv: str | None = None,
) -> str:
    findings = run.findings.to_pylist()
    names = file_names or {}
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
            groups=_groups(listed, raw_prefix, names),
            documents=checked_documents(run, findings, raw_prefix, names),
            findings_csv=findings_csv,
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
                "label": f"{unit_name or unit_code} {year}",
                "y": _TOP + i * _ROW_HEIGHT,
                "parts": parts,
                "end": x,
                "total": sum(counter.values()),
            }
        )
    return chart


def checked_documents(
    run: Run,
    findings: Sequence[dict[str, Any]],
    raw_prefix: str,
    names: Mapping[str, str],
) -> list[dict[str, Any]]:
    """Every document the run checked, passed or not: its unit, year, file, rules evaluated and
    findings by severity; by unit name, then year."""
    counts: dict[object, Counter[str]] = defaultdict(Counter)
    for f in findings:
        counts[f["doc_id"]][str(f["severity"])] += 1
    documents = []
    for d in run.documents_status.to_pylist():
        found = counts.get(d["doc_id"], Counter())
        verdict = "error" if found["error"] else "warning" if found["warning"] else "passed"
        documents.append(
            {
                **d,
                "file_name": names.get(str(d["doc_id"])) or "",
                "href": f"{raw_prefix}{d['doc_id']}.pdf",
                "counts": found,
                "verdict": verdict,
            }
        )
    return sorted(documents, key=lambda d: (str(d["unit_name"] or d["unit_code"]), d["year"] or 0))


def _groups(
    findings: Sequence[dict[str, Any]], raw_prefix: str, names: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Findings per unit, year and document, each with what the template prints of it; by unit
    name, then year."""
    grouped: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for f in findings:
        grouped[(f["year"], f["unit_code"], f["unit_name"], f["doc_id"])].append(f)
    groups = []
    for (year, unit_code, unit_name, doc_id), rows in sorted(
        grouped.items(), key=lambda kv: (str(kv[0][2] or kv[0][1]), str(kv[0][0]))
    ):
        rows.sort(key=lambda f: (str(f["table_code"]), f["row_no"] or 0, f["column_no"] or 0))
        counts = Counter(str(f["severity"]) for f in rows)
        groups.append(
            {
                "year": year,
                "unit_code": unit_code,
                "unit_name": unit_name,
                "doc_id": str(doc_id),
                "file_name": (names or {}).get(str(doc_id)) or "",
                "href": f"{raw_prefix}{doc_id}.pdf",
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
