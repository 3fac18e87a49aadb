"""Each page of the site as data: its title, the sections it shows (which are also its
downloads) and what else its template draws (charts, printed tables). Pure functions of a
read-only connection; `browse.app` renders them.

Links are paths on the site: `/units/<unit_code>`, `/disclosures/<doc_id>`,
`/raw/<doc_id>.pdf#page=N`. A link's text is always a name — a unit's, a file's — never a hash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb

from browse.charts import BarChart, bar_chart
from browse.printed import PrintedTable, printed_table
from browse.queries import first, rows
from browse.sections import Column, Section, section
from warehouse.settings import WarehouseSettings

STATUS_ZH = {
    "loaded": "已入库",
    "superseded": "已被替代",
    "quarantined": "已隔离",
    "duplicate": "重复",
}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示", "critical": "严重"}
SEARCH_MIN = 1  # characters: one Chinese character is a name's part


@dataclass(frozen=True)
class Page:
    template: str
    title: str
    sections: tuple[Section, ...] = ()
    context: dict[str, Any] = field(default_factory=dict)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


class NotFound(LookupError):
    """The page asked for names nothing the warehouse has."""


def unit_href(unit_code: str) -> str:
    return f"/units/{quote(unit_code, safe='')}"


def disclosure_href(doc_id: str) -> str:
    return f"/disclosures/{doc_id}"


def pdf_href(doc_id: str, page_no: int | None = None) -> str:
    return f"/raw/{doc_id}.pdf" + (f"#page={page_no}" if page_no else "")


def latest_report(settings: WarehouseSettings) -> Path | None:
    """The newest reconciliation report (run ids sort by time)."""
    reports = sorted((settings.data_dir / "reports").glob("reconcile-*.html"))
    return reports[-1] if reports else None


# --- the first page ---------------------------------------------------------------------------


def home(con: duckdb.DuckDBPyConnection | None, settings: WarehouseSettings) -> Page:
    """Units grouped by province and city, the quarantine with reasons, the latest report."""
    units = rows(con, "units_overview") if con is not None else []
    for u in units:
        u["href"] = unit_href(u["unit_code"])
        u["status"] = _check_status(u)
    quarantined = rows(con, "quarantine") if con is not None else []
    for q in quarantined:
        q["href"] = disclosure_href(q["doc_id"])
    # by province, then city (a province's own bodies first): the heading names both
    provinces: dict[str, list[dict[str, Any]]] = {}
    for u in units:
        place = " · ".join(p for p in (u["province"] or "未知省份", u["city"]) if p)
        provinces.setdefault(place, []).append(u)
    report = latest_report(settings)
    return Page(
        "home.html",
        "预算公开数据 Budget disclosures",
        (
            section("units", "单位 Units", UNIT_COLUMNS, units, "还没有入库的公开文件。"),
            section("quarantine", "隔离文件 Quarantine", QUARANTINE_COLUMNS, quarantined),
        ),
        {
            "provinces": provinces,
            "province_count": len({u["province"] or "未知省份" for u in units}),
            "report": report.name if report else None,
            "has_warehouse": con is not None,
            "documents": sum(u["current_documents"] or 0 for u in units),
        },
    )


UNIT_COLUMNS = (
    Column("province"),
    Column("city", "城市"),
    Column("level", "层级"),
    Column("unit_name", link="href"),
    Column("kinds", "预算/决算"),
    Column("scopes", "公开范围"),
    Column("years", "年度"),
    Column("last_year", "最新年度", "integer"),
    Column("current_documents", "现行文件数", "integer"),
    Column("status", "对账结果"),
    Column("errors", "错误", "integer"),
    Column("warnings", "警告", "integer"),
    Column("unit_code"),
)
QUARANTINE_COLUMNS = (
    Column("file_name", link="href"),
    Column("reason"),
    Column("message"),
    Column("ingested_at"),
)


def _check_status(unit: dict[str, Any]) -> str:
    if not unit.get("checked"):
        return "未对账 not checked"
    if unit.get("errors"):
        return "有错误 errors"
    if unit.get("warnings"):
        return "有警告 warnings"
    return "通过 passed"


# --- a unit -----------------------------------------------------------------------------------


def unit(con: duckdb.DuckDBPyConnection, unit_code: str) -> Page:
    """A unit's years and disclosures, its spending by year and by 功能分类 类, its findings."""
    head = first(con, "unit", unit_code)
    if head is None or not head["printed_names"]:
        raise NotFound(f"no unit {unit_code}")
    name = head["unit_name"] or head["printed_names"][-1]
    documents = rows(con, "unit_disclosures", unit_code)
    for d in documents:
        d["href"] = disclosure_href(d["doc_id"])
        d["pdf"] = pdf_href(d["doc_id"])
        d["status_zh"] = f"{STATUS_ZH.get(d['status'], d['status'])} {d['status']}"
    by_year = rows(con, "unit_spending_by_year", unit_code)
    several_scopes = len({r["scope"] for r in by_year}) > 1
    several_kinds = len({r["kind"] for r in by_year}) > 1
    year_chart = bar_chart(
        [
            (
                f"{r['year']}"
                + (f" {r['kind']}" if several_kinds else "")
                + (f" {r['scope']}" if several_scopes else ""),
                r["amount_yuan"],
            )
            for r in by_year
        ],
        "各年度支出（全部资金）Spending by year, all funds",
    )
    class_chart, by_class = _class_chart(con, unit_code, by_year)
    findings = _findings(con, unit_code=unit_code)
    return Page(
        "unit.html",
        name,
        (
            section("disclosures", "公开文件 Disclosures", UNIT_DISCLOSURE_COLUMNS, documents),
            section("spending_by_year", "各年度支出 Spending by year", SPENDING_COLUMNS, by_year),
            section("spending_by_class", class_chart.title, CLASS_COLUMNS, by_class),
            section("findings", "对账问题 Findings", FINDING_COLUMNS, findings, "没有问题。"),
        ),
        {"unit": head, "name": name, "year_chart": year_chart, "class_chart": class_chart},
    )


UNIT_DISCLOSURE_COLUMNS = (
    Column("year", "年度", "integer"),
    Column("kind", "预算/决算"),
    Column("scope"),
    Column("file_name", link="href"),
    Column("status_zh", "状态"),
    Column("reason"),
    Column("page_count", "页数", "integer"),
    Column("table_count", "表数", "integer"),
    Column("errors", "错误", "integer"),
    Column("warnings", "警告", "integer"),
)
SPENDING_COLUMNS = (
    Column("year", "年度", "integer"),
    Column("kind", "预算/决算"),
    Column("scope"),
    Column("amount_yuan", "支出（元）", "amount"),
)
CLASS_COLUMNS = (
    Column("class_code", "功能分类 类"),
    Column("class_name", "名称"),
    Column("amount_yuan", "支出（元）", "amount"),
)


def _class_chart(
    con: duckdb.DuckDBPyConnection, unit_code: str, by_year: list[dict[str, Any]]
) -> tuple[BarChart, list[dict[str, Any]]]:
    """The latest year's spending by 功能分类 类: of all funds, else (a 支出总表 printing no
    subject) of the general public budget; of the department's 部门预算 where it has one, and of
    its 预算 where it has one (else its 决算)."""
    if not by_year:
        return bar_chart([], "功能分类支出 Spending by function"), []
    year = max(r["year"] for r in by_year)
    latest = [r for r in by_year if r["year"] == year]
    scope = sorted({r["scope"] for r in latest}, key=lambda s: s != "部门")[0]
    kind = sorted({r["kind"] for r in latest}, key=lambda k: k != "预算")[0]
    for fund_scope in ("全部资金", "一般公共预算"):
        found = rows(con, "unit_spending_by_class", unit_code, year, fund_scope, scope, kind)
        if found:
            what = f"{year}年{kind or ''}功能分类支出（{fund_scope}，按类）"
            title = f"{what}Spending by function, {year}"
            chart = bar_chart(
                [(f"{r['class_code']} {r['class_name']}", r["amount_yuan"]) for r in found], title
            )
            return chart, found
    return bar_chart([], f"{year}年功能分类支出 Spending by function"), []


FINDING_COLUMNS = (
    Column("year", "年度", "integer"),
    Column("file_name", link="href"),
    Column("severity_zh", "级别"),
    Column("rule_id"),
    Column("table_code"),
    Column("row_label"),
    Column("subject_code"),
    Column("column_path"),
    Column("actual", kind="amount"),
    Column("expected", kind="amount"),
    Column("difference", kind="amount"),
    Column("page_no", "页码", "integer", link="page_href"),
    Column("message"),
)


def _findings(
    con: duckdb.DuckDBPyConnection, *, unit_code: str | None = None, doc_id: str | None = None
) -> list[dict[str, Any]]:
    found = rows(con, "findings", unit_code, doc_id)
    for f in found:
        f["href"] = disclosure_href(f["doc_id"])
        f["page_href"] = pdf_href(f["doc_id"], f["page_no"])
        f["severity_zh"] = f"{SEVERITY_ZH.get(f['severity'], f['severity'])} {f['severity']}"
    return found


# --- a disclosure -----------------------------------------------------------------------------


def disclosure(con: duckdb.DuckDBPyConnection, doc_id: str) -> Page:
    """A document: its file, unit, status, warnings and findings, and every table as printed."""
    head = first(con, "disclosure", doc_id)
    if head is None:
        raise NotFound(f"no disclosure {doc_id}")
    head["unit_href"] = unit_href(head["unit_code"]) if head["unit_code"] else None
    head["pdf"] = pdf_href(doc_id)
    head["status_zh"] = STATUS_ZH.get(head["status"], head["status"])
    if head["superseded_by"]:
        head["superseded_href"] = disclosure_href(head["superseded_by"])
    cells = rows(con, "disclosure_cells", doc_id)
    by_table: dict[int, list[dict[str, Any]]] = {}
    for c in cells:
        by_table.setdefault(int(c["table_no"]), []).append(c)
    tables = [
        printed_table(t, by_table.get(int(t["table_no"]), []))
        for t in rows(con, "disclosure_tables", doc_id)
    ]
    warnings = rows(con, "disclosure_warnings", doc_id)
    for w in warnings:
        w["severity_zh"] = f"{SEVERITY_ZH.get(w['severity'], w['severity'])} {w['severity']}"
    findings = _findings(con, doc_id=doc_id)
    title = head["file_name"]
    return Page(
        "disclosure.html",
        title,
        (
            *(table_section(t) for t in tables),
            section("warnings", "校验警告 Warnings", WARNING_COLUMNS, warnings, "全部通过。"),
            section(
                "findings", "对账问题 Findings", DOCUMENT_FINDING_COLUMNS, findings, "没有问题。"
            ),
        ),
        {"doc": head, "tables": tables, "warnings": warnings, "findings": findings},
    )


# On a document's own page its file and year go without saying.
DOCUMENT_FINDING_COLUMNS = tuple(c for c in FINDING_COLUMNS if c.name not in ("year", "file_name"))
WARNING_COLUMNS = (
    Column("severity_zh", "级别"),
    Column("reason"),
    Column("suite"),
    Column("explanation"),
)


def table_section(table: PrintedTable) -> Section:
    """A printed table as a section: its columns as printed, amounts as amounts."""
    amounts = table.amount_columns
    columns = tuple(
        Column(f"c{i + 1}", path or f"列{i + 1}", "amount" if amounts[i] else "text")
        for i, path in enumerate(table.columns)
    )
    body = [
        {
            f"c{i + 1}": (None if cell is None else cell.amount if amounts[i] else cell.text)
            for i, cell in enumerate(row)
        }
        for row in table.rows
    ]
    name = " ".join(p for p in (table.table_code, table.title) if p)
    return section(f"table-{table.table_no}", name, columns, body)


# --- search -----------------------------------------------------------------------------------


def search(con: duckdb.DuckDBPyConnection | None, text: str) -> Page:
    """Units and disclosures whose name holds the text."""
    text = text.strip()
    units: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    if con is not None and len(text) >= SEARCH_MIN:
        units = rows(con, "search_units", text)
        documents = rows(con, "search_disclosures", text)
    for u in units:
        u["href"] = unit_href(u["unit_code"])
    for d in documents:
        d["href"] = disclosure_href(d["doc_id"])
        d["status_zh"] = f"{STATUS_ZH.get(d['status'], d['status'])} {d['status']}"
    return Page(
        "search.html",
        f"查找“{text}” Search" if text else "查找 Search",
        (
            section("units", "单位 Units", SEARCH_UNIT_COLUMNS, units, "没有找到单位。"),
            section(
                "disclosures",
                "公开文件 Disclosures",
                SEARCH_DISCLOSURE_COLUMNS,
                documents,
                "没有找到公开文件。",
            ),
        ),
        {"q": text},
    )


SEARCH_UNIT_COLUMNS = (
    Column("province"),
    Column("city", "城市"),
    Column("level", "层级"),
    Column("unit_name", link="href"),
    Column("years", "年度"),
    Column("unit_code"),
)
SEARCH_DISCLOSURE_COLUMNS = (
    Column("file_name", link="href"),
    Column("unit_name"),
    Column("year", "年度", "integer"),
    Column("kind", "预算/决算"),
    Column("scope"),
    Column("status_zh", "状态"),
    Column("reason"),
)
