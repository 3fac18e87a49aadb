"""The HTML report of a reconciliation run: findings per unit with their page references.

One self-contained file, `<data-dir>/reports/reconcile-<run_id>.html`: no script, no stylesheet or
font from elsewhere, charts drawn as inline SVG — it opens offline, from a mail attachment too.
Each finding names the printed cell (page and bounding box, in PDF points from the page's top
left) and links to that page of the kept PDF (`raw/<doc_id>.pdf#page=N`, relative to the report).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from decimal import Decimal
from html import escape
from pathlib import Path

from warehouse.reconcile import SEVERITIES
from warehouse.reconcile_runs import Run
from warehouse.settings import WarehouseSettings
from warehouse.staging import place_atomically

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

_STYLE = """
body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif;
       margin: 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; } h3 { font-size: 1.05em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.85em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; vertical-align: top; }
th { background: #f3f3f3; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.sev { color: #fff; border-radius: 3px; padding: 0 0.4em; white-space: nowrap; }
.error { background: #c0392b; } .warning { background: #e67e22; } .info { background: #2e86c1; }
.muted { color: #777; }
"""


def report_path(settings: WarehouseSettings, run_id: str) -> Path:
    return settings.data_dir / "reports" / f"reconcile-{run_id}.html"


def write_report(settings: WarehouseSettings, run: Run) -> Path:
    """Write the run's report (aside, then renamed into place) and return its path."""
    target = report_path(settings, run.run_id)
    html = run_to_html(run, raw_prefix="../raw/")
    place_atomically(
        target, settings.staging_dir, lambda staged: Path(staged).write_text(html, "utf-8")
    )
    return target


def run_to_html(run: Run, raw_prefix: str = "../raw/") -> str:
    findings = run.findings.to_pylist()
    rules = run.rules.to_pylist()
    counts = run.counts()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>对账报告 Reconciliation {escape(run.run_id)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>对账报告 Reconciliation report <span class='muted'>{escape(run.run_id)}</span></h1>",
        "<p>"
        f"核对时间 checked at {run.checked_at:%Y-%m-%d %H:%M:%S} UTC · "
        f"{run.documents} 份公开文件 documents · "
        f"年度 years {escape(', '.join(map(str, run.years)) or '—')} · "
        + " · ".join(
            f"<span class='sev {s}'>{SEVERITY_ZH[s]} {s}</span> {counts[s]}" for s in SEVERITIES
        )
        + "</p>",
        "<p class='muted'>金额单位：万元。“印”为表中所印金额（actual），“应为”为恒等式要求的金额"
        "（expected），差 = 印 − 应为。页码与坐标指所印单元格（PDF 点，自页面左上角）。</p>",
        "<h2>各单位问题数 Findings per unit</h2>",
        findings_chart(findings),
        "<h2>问题明细 Findings by unit</h2>",
        _findings_by_unit(findings, raw_prefix),
        "<h2>规则 Rules</h2>",
        _rules_table(rules),
        "</body></html>",
    ]
    return "\n".join(parts)


def findings_chart(findings: Sequence[dict[str, object]], limit: int = CHART_UNITS) -> str:
    """A horizontal stacked bar per unit and year (most findings first), one colour a severity."""
    per_unit: dict[tuple[object, object, object], Counter[str]] = defaultdict(Counter)
    for f in findings:
        per_unit[(f["year"], f["unit_code"], f["unit_name"])][str(f["severity"])] += 1
    if not per_unit:
        return "<p>没有发现问题。No findings.</p>"
    ranked = sorted(per_unit.items(), key=lambda kv: (-sum(kv[1].values()), str(kv[0])))[:limit]
    widest = max(sum(c.values()) for _, c in ranked)
    label_w, bar_w, row_h, top = 260, 460, 22, 30
    height = top + row_h * len(ranked) + 10
    width = label_w + bar_w + 60
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="findings per unit" '
        'font-size="12" font-family="sans-serif">'
    ]
    x = label_w
    for severity in SEVERITIES:  # legend
        out.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{COLOURS[severity]}"/>')
        out.append(f'<text x="{x + 16}" y="16">{SEVERITY_ZH[severity]} {severity}</text>')
        x += 110
    for i, ((year, unit_code, unit_name), counter) in enumerate(ranked):
        y = top + i * row_h
        label = f"{year} {unit_code} {unit_name or ''}"
        out.append(f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        x = float(label_w)
        for severity in SEVERITIES:
            n = counter.get(severity, 0)
            if not n:
                continue
            w = bar_w * n / widest
            out.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" '
                f'fill="{COLOURS[severity]}"><title>{escape(label)}: {n} {severity}</title></rect>'
            )
            x += w
        out.append(f'<text x="{x + 4:.1f}" y="{y + 15}">{sum(counter.values())}</text>')
    out.append("</svg>")
    if len(per_unit) > limit:
        out.append(
            f"<p class='muted'>图中列出问题最多的 {limit} 个单位（共 {len(per_unit)} 个）。</p>"
        )
    return "\n".join(out)


def _rules_table(rules: Sequence[dict[str, object]]) -> str:
    rows = [
        "<table><tr><th>规则 rule</th><th>类别 family</th><th>级别 severity</th><th>表 tables</th>"
        "<th>已核对 evaluated</th><th>未核对 not evaluated</th><th>问题 findings</th>"
        "<th>说明 description</th></tr>"
    ]
    for r in rules:
        missing = r["not_evaluated_for"] or []
        note = (
            f"<br><span class='muted'>未核对：{escape(', '.join(missing[:12]))}"
            f"{' …' if len(missing) > 12 else ''}</span>"
            if missing
            else ""
        )
        family = str(r["family"])
        rows.append(
            "<tr>"
            f"<td><code>{escape(str(r['rule_id']))}</code></td>"
            f"<td>{FAMILY_ZH.get(family, family)} {escape(family)}</td>"
            f"<td><span class='sev {r['severity']}'>{r['severity']}</span></td>"
            f"<td>{escape(str(r['tables']))}</td>"
            f"<td class='num'>{r['evaluated']}</td>"
            f"<td class='num'>{r['not_evaluated']}</td>"
            f"<td class='num'>{r['findings']}</td>"
            f"<td>{escape(str(r['description_zh']))}<br>"
            f"<span class='muted'>{escape(str(r['description_en']))}</span>{note}</td>"
            "</tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _findings_by_unit(findings: Sequence[dict[str, object]], raw_prefix: str) -> str:
    if not findings:
        return "<p>没有发现问题。No findings.</p>"
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    listed = sorted(findings, key=lambda f: rank[str(f["severity"])])[:MAX_LISTED]
    left_out = len(findings) - len(listed)
    groups: dict[tuple[object, object, object, object], list[dict[str, object]]] = defaultdict(list)
    for f in listed:
        groups[(f["year"], f["unit_code"], f["unit_name"], f["doc_id"])].append(f)
    out = []
    if left_out:
        out.append(
            f"<p class='muted'>只列出最严重的 {len(listed)} 条，另有 {left_out} 条见"
            " reconciliation_findings。</p>"
        )
    for (year, unit_code, unit_name, doc_id), rows in sorted(
        groups.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]))
    ):
        rows.sort(key=lambda f: (str(f["table_code"]), f["row_no"] or 0, f["column_no"] or 0))
        counts = Counter(str(f["severity"]) for f in rows)
        tally = ", ".join(f"{counts[s]} {s}" for s in SEVERITIES if counts[s])
        out.append(
            f"<h3>{year} · {escape(str(unit_code))} {escape(str(unit_name or ''))} "
            f"<span class='muted'>({tally}; doc {escape(str(doc_id)[:12])})</span></h3>"
        )
        out.append(
            "<table><tr><th>级别</th><th>规则 rule</th><th>表</th><th>行 row</th><th>科目</th>"
            "<th>列 column</th><th>印 actual</th><th>应为 expected</th><th>差 difference</th>"
            "<th>页 page · 坐标 bbox</th><th>说明 message</th></tr>"
        )
        for f in rows:
            severity = str(f["severity"])
            out.append(
                "<tr>"
                f"<td><span class='sev {severity}'>{SEVERITY_ZH[severity]}</span></td>"
                f"<td><code>{escape(str(f['rule_id']))}</code></td>"
                f"<td>{escape(str(f['table_code'] or ''))}</td>"
                f"<td>{escape(_row(f))}</td>"
                f"<td>{escape(str(f['subject_code'] or ''))}</td>"
                f"<td>{escape(str(f['column_path'] or ''))}</td>"
                f"<td class='num'>{_amount(f['actual'])}</td>"
                f"<td class='num'>{_amount(f['expected'])}</td>"
                f"<td class='num'>{_amount(f['difference'])}</td>"
                f"<td>{_where(f, raw_prefix)}</td>"
                f"<td>{escape(str(f['message'] or ''))}</td>"
                "</tr>"
            )
        out.append("</table>")
    return "\n".join(out)


def _row(f: dict[str, object]) -> str:
    label = str(f["row_label"] or "")
    return f"{f['row_no']} {label}".strip() if f["row_no"] is not None else label


def _amount(value: object) -> str:
    return f"{value:,.2f}" if isinstance(value, Decimal) else ""


def _where(f: dict[str, object], raw_prefix: str) -> str:
    if f["page_no"] is None:
        return ""
    bbox = (
        f"{f['bbox_x0']:.0f}–{f['bbox_x1']:.0f}, {f['bbox_top']:.0f}–{f['bbox_bottom']:.0f}"
        if f["bbox_x0"] is not None
        else ""
    )
    href = f"{raw_prefix}{f['doc_id']}.pdf#page={f['page_no']}"
    return f"<a href='{escape(href)}'>p. {f['page_no']}</a> <span class='muted'>{bbox}</span>"
