"""National-format budget disclosures: the standard tables under many titles, numberings and
layouts; every identity holds from the printed values (read by each column's stated meaning);
the variety is there; and the PDFs read back as specified.

The oracle converts every printed amount to fen through its table's printed unit, so tables
printing 元 and 万元 compare with each other.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from samplegen.national_disclosure import national_disclosure
from samplegen.planted import plant_errors
from samplegen.regions import REGIONS
from samplegen.render import render_disclosure
from samplegen.spec import DisclosureSpec, RowSpec, TableSpec, Value
from samplegen.standard import BUDGET_TABLES, MEASURES, STAGES
from tests.samplegen.pdf_tables import expected_header, printed_rows, read_back

SEEDS = range(60)
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)")
YUAN = {"元": 100, "万元": 1_000_000}


@cache
def generated(seed: int) -> DisclosureSpec:
    return national_disclosure(seed)


def by_standard(doc: DisclosureSpec) -> dict[str, TableSpec]:
    return {t.standard_table or "": t for t in doc.tables}


def per_fen(table: TableSpec) -> int:
    unit = "万元" if table.unit_line.endswith("万元") else "元"
    assert table.unit_line.endswith(unit)
    return YUAN[unit]


def fen(table: TableSpec, value: Value) -> int:
    if not isinstance(value, Decimal):
        return 0
    scaled = value * per_fen(table)
    assert scaled == scaled.to_integral_value(), (table.code, value)
    return int(scaled)


def body(table: TableSpec) -> list[RowSpec]:
    return [r for r in table.rows if not r.merged and not r.numbering]


class Row:
    """A printed row read by measure: `row[m]` is the fen of the (first) column measuring m."""

    def __init__(self, table: TableSpec, row: RowSpec) -> None:
        assert table.columns is not None
        self.row = row
        self.by: dict[str, int] = {}
        self.present: set[str] = set()
        for meaning, value in zip(table.columns, row.values, strict=True):
            if meaning.kind == "amount" and meaning.measure:
                self.present.add(meaning.measure)
                self.by.setdefault(meaning.measure, fen(table, value))

    def __getitem__(self, measure: str) -> int:
        return self.by.get(measure, 0)

    def has(self, *measures: str) -> bool:
        return all(m in self.present for m in measures)


def rows(table: TableSpec, kind: str | None = None) -> list[Row]:
    return [Row(table, r) for r in body(table) if kind is None or r.kind == kind]


def total(table: TableSpec) -> Row:
    (row,) = rows(table, "total")
    return row


def label(row: RowSpec) -> str:
    return next((v for v in row.values if isinstance(v, str) and v and not v.isdigit()), "")


def two_sided(table: TableSpec) -> tuple[list[tuple[str, int]], dict[str, list[int]]]:
    """收支总表 / 财政拨款收支总表: the income lines (label, fen) in order, and spending label →
    its amounts. Income labels repeat (`(一)一般公共预算拨款` this year and carried over)."""
    assert table.columns is not None
    labels = [i for i, m in enumerate(table.columns) if m.kind == "label"]
    split = labels[1]
    income: list[tuple[str, int]] = []
    spending: dict[str, list[int]] = {}
    for row in body(table):
        if row.values[0]:
            income.append((str(row.values[0]), fen(table, row.values[1])))
        if row.values[split]:
            spending[str(row.values[split])] = [fen(table, v) for v in row.values[split + 1 :]]
    return income, spending


def check_national(doc: DisclosureSpec) -> list[str]:
    problems: list[str] = []

    def expect(what: str, a: int, b: int) -> None:
        if a != b:
            problems.append(f"{what}: {a} ≠ {b}")

    def sums(what: str, row: Row, whole: str, parts: Iterable[str]) -> None:
        present = [p for p in parts if row.has(p)]
        if row.has(whole) and present:
            expect(f"{what} {whole}", row[whole], sum(row[p] for p in present))

    t = by_standard(doc)
    for table in doc.tables:
        where = f"{table.code} {table.standard_table}"
        for row in rows(table):
            sums(where, row, "basic", ["personnel", "public"])
            if table.standard_table in (
                "支出总表",
                "一般公共预算支出表",
                "政府性基金预算支出表",
                "国有资本经营预算支出表",
            ):
                sums(
                    where,
                    row,
                    "total",
                    [
                        "basic",
                        "project",
                        "institution_business",
                        "paid_to_higher_level",
                        "grants_to_affiliates",
                    ],
                )
            if table.standard_table == "一般公共预算基本支出表":
                sums(where, row, "total", ["personnel", "public"])
            if table.standard_table == "收入总表":
                sources = [m for m in MEASURES if m.startswith("income_")]
                sums(where, row, "income", sources)
                if row.has("income"):
                    sums(where, row, "total", ["income", "carried_over"])
                else:
                    sums(where, row, "total", [*sources, "carried_over"])
            if table.standard_table == "项目支出表":
                sums(
                    where,
                    row,
                    "total",
                    [
                        "general_budget",
                        "government_funds",
                        "state_capital",
                        "special_account",
                        "unit_funds",
                    ],
                )
            if table.standard_table == "政府采购预算表":
                sums(where, row, "procurement", ["fiscal_funds", "other_funds"])
            if table.standard_table == "三公经费":
                sums(where, row, "vehicles", ["vehicle_purchase", "vehicle_operation"])
                sums(where, row, "total", ["overseas_travel", "vehicles", "official_reception"])
        problems += between_rows(table)
    problems += two_sided_problems(t)
    problems += across(t)
    return problems


def between_rows(table: TableSpec) -> list[str]:
    problems: list[str] = []
    assert table.columns is not None
    amounts = [i for i, m in enumerate(table.columns) if m.kind == "amount"]
    printed = body(table)
    totals = [r for r in printed if r.kind == "total"]

    def same(what: str, whole: RowSpec, parts: list[RowSpec]) -> None:
        for i in amounts:
            got = sum(fen(table, p.values[i]) for p in parts)
            if fen(table, whole.values[i]) != got:
                problems.append(
                    f"{table.code} {what} column {i + 1}: {fen(table, whole.values[i])} ≠ {got}"
                )

    subjects = {r.subject_code: r for r in printed if r.kind == "subject" and r.subject_code}
    if subjects:
        for code, row in subjects.items():
            children = [
                r for c, r in subjects.items() if c.startswith(code) and len(c) == len(code) + 2
            ]
            if len(code) < 7:
                same(f"{code} = Σ children", row, children)
        same("合计 = Σ 类", totals[0], [r for c, r in subjects.items() if len(c) == 3])
    economic = {r.economic_code: r for r in printed if r.economic_code}
    if economic:
        for code, row in economic.items():
            if len(code) == 3:
                same(
                    f"{code} = Σ items",
                    row,
                    [r for c, r in economic.items() if len(c) == 5 and c.startswith(code)],
                )
        same("合计 = Σ classes", totals[0], [r for c, r in economic.items() if len(c) == 3])
    entities = [r for r in printed if r.kind == "entity"]
    if entities and totals and table.standard_table != "项目支出表":
        same("合计 = Σ units", totals[0], entities)
        for unit in (r for r in printed if r.kind == "unit"):
            same("合计 = the department", totals[0], [unit])
    if table.standard_table in ("项目支出表", "政府采购预算表") and totals:
        same("合计 = Σ items", totals[0], [r for r in printed if r.kind == "item"])
        block: list[RowSpec] = []
        for row in [*printed, RowSpec((), kind="end")]:
            if row.kind in ("entity", "end"):
                if block:
                    same("unit = Σ its projects", block[0], block[1:])
                block = [row]
            elif block and row.kind == "item":
                block.append(row)
    if table.standard_table == "三公经费" and not any(
        m.measure for m in table.columns if m.kind == "amount"
    ):
        lines = {label(r): fen(table, r.values[1]) for r in printed}
        parts = [v for k, v in lines.items() if re.match(r"^\d\.", k)]
        if lines["合计"] != sum(parts):
            problems.append(f"{table.code} 三公 合计 ≠ 1 + 2 + 3")
        vehicles = next(v for k, v in lines.items() if k.startswith("2."))
        purchase = next(v for k, v in lines.items() if k.startswith("其中"))
        running = next(v for k, v in lines.items() if "运行" in k and not k.startswith("2."))
        if vehicles != purchase + running:
            problems.append(f"{table.code} 三公 公务用车 ≠ 购置 + 运行")
    return problems


def two_sided_problems(t: dict[str, TableSpec]) -> list[str]:
    problems: list[str] = []

    def expect(what: str, a: int, b: int) -> None:
        if a != b:
            problems.append(f"{what}: {a} ≠ {b}")

    lines, spending = two_sided(t["收支总表"])
    income = dict(lines)
    numbered = [v for k, v in lines if NUMBERED.match(k) and "、" in k]
    expect("收支总表 本年收入合计", income["本年收入合计"], sum(numbered))
    head: tuple[str, int] | None = None
    parts: list[int] = []
    for k, v in [*lines, ("本年收入合计", 0)]:  # a numbered line = Σ the unnumbered below it
        if NUMBERED.match(k) or k == "本年收入合计":
            if head and parts:
                expect(f"收支总表 {head[0]}", head[1], sum(parts))
            head, parts = ((k, v), []) if k != "本年收入合计" else (None, [])
        elif head:
            parts.append(v)
    expect("收支总表 收入总计", income["收入总计"], income["本年收入合计"] + income["上年结转结余"])
    summary = {"本年支出合计", "年终结转结余", "支出总计"}
    classes = [v[0] for k, v in spending.items() if k not in summary]
    expect("收支总表 本年支出合计", spending["本年支出合计"][0], sum(classes))
    expect(
        "收支总表 支出总计",
        spending["支出总计"][0],
        spending["本年支出合计"][0] + spending["年终结转结余"][0],
    )
    expect("收支总表 balance", income["收入总计"], spending["支出总计"][0])

    lines, spending = two_sided(t["财政拨款收支总表"])
    labels = [k for k, _ in lines]
    values = [v for _, v in lines]
    this_year, carried = labels.index("一、本年收入"), labels.index("二、上年结转")
    end = labels.index("收入总计")
    expect("财政拨款 本年收入", values[this_year], sum(values[this_year + 1 : carried]))
    expect("财政拨款 上年结转", values[carried], sum(values[carried + 1 : end]))
    expect("财政拨款 收入总计", values[end], values[this_year] + values[carried])
    income = {"收入总计": values[end]}
    width = len(spending["一、本年支出"])
    for i in range(width):
        lines = [v[i] for k, v in spending.items() if k.startswith("(")]
        expect(f"财政拨款 本年支出 column {i}", spending["一、本年支出"][i], sum(lines))
        expect(
            f"财政拨款 支出总计 column {i}",
            spending["支出总计"][i],
            spending["一、本年支出"][i] + spending["二、年终结转结余"][i],
        )
    for k, v in spending.items():
        if width > 1:
            expect(f"财政拨款 {k} 合计", v[0], sum(v[1:]))
    expect("财政拨款 balance", income["收入总计"], spending["支出总计"][0])
    return problems


def across(t: dict[str, TableSpec]) -> list[str]:
    problems: list[str] = []

    def expect(what: str, a: int, b: int) -> None:
        if a != b:
            problems.append(f"{what}: {a} ≠ {b}")

    lines, spending = two_sided(t["收支总表"])
    income = dict(lines)
    expect("收支总表/收入总表", income["收入总计"], total(t["收入总表"])["total"])
    expect(
        "收支总表/收入总表 上年结转", income["上年结转结余"], total(t["收入总表"])["carried_over"]
    )
    spent = total(t["支出总表"])
    expect("收支总表/支出总表", spending["支出总计"][0], spent["total"])
    by_class = {
        label(r.row): r["total"]
        for r in rows(t["支出总表"], "subject")
        if r.row.subject_code and len(r.row.subject_code) == 3
    }
    for name, values in spending.items():
        stripped = NUMBERED.sub("", name)
        if stripped in by_class or NUMBERED.match(name):
            expect(f"收支总表/支出总表 {stripped}", values[0], by_class.get(stripped, 0))
    general = total(t["一般公共预算支出表"])
    _, fiscal = two_sided(t["财政拨款收支总表"])
    if len(fiscal["一、本年支出"]) > 1:
        expect("财政拨款/一般公共预算支出表", fiscal["一、本年支出"][1], general["total"])
        expect(
            "财政拨款/政府性基金",
            fiscal["一、本年支出"][2],
            total(t["政府性基金预算支出表"])["total"],
        )
        expect(
            "财政拨款/国有资本经营",
            fiscal["一、本年支出"][3],
            total(t["国有资本经营预算支出表"])["total"],
        )
    basic = total(t["一般公共预算基本支出表"])
    expect("基本支出表/一般公共预算支出表", basic["total"], general["basic"])
    if basic.has("personnel") and general.has("personnel"):
        expect("基本支出表/一般公共预算支出表 人员", basic["personnel"], general["personnel"])
    if "项目支出表" in t:
        projects = total(t["项目支出表"])
        expect("项目支出表/支出总表", projects["total"], spent["project"])
        expect("项目支出表/一般公共预算支出表", projects["general_budget"], general["project"])
    if "机关运行经费" in t:
        running = next(r for r in rows(t["机关运行经费"]) if r.row.kind in ("total", "item"))
        public = basic["public"] if basic.has("public") else basic["total"]
        if running["office_running"] > public:
            problems.append("机关运行经费 > 公用经费")
    return problems


# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS[::2])
def test_every_identity_holds(seed: int) -> None:
    assert check_national(generated(seed)) == []


def test_a_planted_error_breaks_an_identity() -> None:
    for seed in range(20):
        doc, (error,) = plant_errors(generated(seed), seed)
        assert check_national(doc), error


def test_every_table_says_what_it_is_and_what_its_columns_measure() -> None:
    for seed in SEEDS:
        doc = generated(seed)
        assert doc.template == "national" and doc.kind == "预算" and doc.scope in ("部门", "单位")
        names = [t.standard_table for t in doc.tables]
        assert names[:9] == list(BUDGET_TABLES[:9]) and set(names) <= set(BUDGET_TABLES)
        for table in doc.tables:
            assert table.columns is not None
            for meaning in table.columns:
                if meaning.kind == "amount":
                    assert meaning.stage in STAGES
                    assert meaning.measure in MEASURES or table.standard_table == "三公经费"
            for row in body(table):
                for meaning, value in zip(table.columns, row.values, strict=True):
                    if isinstance(value, Decimal):
                        assert meaning.kind == "amount"
                        assert -value.as_tuple().exponent == table.amount_format.decimals  # type: ignore[operator]


def test_the_publisher_is_a_real_place() -> None:
    places = {(r.province, r.city, r.county): r for r in REGIONS}
    levels: Counter[str] = Counter()
    provinces = set()
    for seed in SEEDS:
        p = generated(seed).publisher
        assert p is not None
        region = places[(p.province, p.city, p.county)]
        assert p.region_code == region.code and p.level == region.level
        assert p.name.startswith(region.prefix)
        levels[p.level] += 1
        provinces.add(p.province)
    assert set(levels) == {"省", "市", "区县"} and len(provinces) >= 10
    assert len({r.province for r in REGIONS}) >= 15


def test_the_printings_vary_as_the_real_ones_do() -> None:
    docs = [generated(s) for s in SEEDS]
    tables = [t for d in docs for t in d.tables]
    titles = [t.title for t in tables]
    labels = {t.label or "" for t in tables}

    def some(pattern: str, texts: Iterable[str]) -> bool:
        return any(re.search(pattern, x) for x in texts)

    assert some(r"^表\d+：\d{4}年", titles)  # 表1：2026年市级部门收支预算总表
    assert some(r"^预算\d\d表 ", titles) and some(r"\(预算表\d+\)$", titles)
    assert some(r"^表\d+$", labels) and some(r"^表[一二三四五六七八九十]+$", labels)
    assert some(r"^公开表\d+$", labels) and some(r"^部门公开表\d+$", labels)
    assert some(r"^公开\d\d表$", labels) and some(r"^[一二三四五六七八九十]+、", labels)
    assert some("总体情况表", titles) and some("市级部门", titles) and some("预算单位", titles)
    assert some(r"^\d{4}年度", titles) and any("\n" in x for x in titles)
    assert any(t.title_in_grid for t in tables) and not all(t.title_in_grid for t in tables)
    units = {t.unit_line for t in tables}
    assert {"单位:万元", "金额单位：元", "单位：万元"} <= units
    formats = {(t.unit_line[-2:] == "万元", t.amount_format.decimals) for t in tables}
    assert {(True, 2), (True, 6), (False, 0), (False, 2)} <= formats
    infos = {re.sub(r"：.*", "：", t.info_line or "") for t in tables}
    assert {
        "部门名称：",
        "编制单位：",
        "填报单位：",
        "单位名称：",
        "部门（单位）：",
        "部门：",
    } <= infos
    codes = [d.publisher.printed_code for d in docs if d.publisher]
    digits = {len(c.replace(".", "")) for c in codes if c}
    assert digits == {6, 7, 9} and any(c and "." in c for c in codes) and None in codes
    headers = {leaf for t in tables for leaf in (p.rsplit("/", 1)[-1] for p in t.column_paths)}
    assert {"预算数", "金额", "合计", "本年预算", "小计", "总计", "支出总计"} <= headers
    assert {"类", "款", "项"} <= headers  # codes in three columns at times
    sangong = [t for t in tables if t.standard_table == "三公经费"]
    assert any(t.unit_line[-2:] == "万元" for t in sangong if t.amount_format.decimals == 2)


def test_a_seed_always_gives_the_same_disclosure() -> None:
    assert national_disclosure(11) == national_disclosure(11)
    assert national_disclosure(11) != national_disclosure(12)
    only = national_disclosure(11, tables=["收支总表", "三公经费"])
    assert [t.standard_table for t in only.tables] == ["收支总表", "三公经费"]
    with pytest.raises(ValueError, match="no national standard table"):
        national_disclosure(11, tables=["收支总表", "总账"])


# ---------------------------------------------------------------------------------------------
# The PDF: a few documents chosen for their features


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


FEATURES: dict[str, Callable[[TableSpec], bool]] = {
    "a wrapped title in the grid": lambda t: t.title_in_grid and "\n" in t.title,
    "a wrapped title above the grid": lambda t: not t.title_in_grid and "\n" in t.title,
    "万元 with six decimals": lambda t: t.amount_format.decimals == 6,
    "元 without decimals": lambda t: t.amount_format.decimals == 0 and t.unit_line.endswith("元"),
    "a label line of its own": lambda t: t.label_at == "above_centre" and bool(t.label),
    "the 三公 in 万元 beside 元 tables": lambda t: (
        t.standard_table == "三公经费"
        and t.unit_line.endswith("万元")
        and t.amount_format.decimals == 2
    ),
}


def featured(feature: str) -> DisclosureSpec:
    """The first generated document printing `feature`, cut to that table and two others
    (each table prints the same whichever others are printed)."""
    for seed in SEEDS:
        found = [t for t in generated(seed).tables if FEATURES[feature](t)]
        if found:
            names = {found[0].standard_table, "收支总表", "三公经费"}
            return national_disclosure(seed, tables=names)
    raise AssertionError(f"no generated document prints {feature}")


@pytest.mark.parametrize("feature", FEATURES)
def test_the_pdf_reads_back_as_specified(feature: str, tmp_path: Path) -> None:
    spec = featured(feature)
    path = tmp_path / spec.file_name
    report = render_disclosure(spec, path)
    assert b"/FontFile2" in path.read_bytes()
    read = read_back(spec, path, report)
    with pdfplumber.open(path) as pdf:
        for table in spec.tables:
            header, printed = read[table.code]
            assert printed == printed_rows(table), table.code
            assert header == expected_header(table), table.code
            page = pdf.pages[report.table_pages[table.code][0] - 1]
            lines = [squeezed(x) for x in page.extract_text().splitlines()]
            for line in [*table.title_lines, table.printed_label]:
                if line and not table.title_in_grid:
                    assert squeezed(line) in lines, (table.code, line)
            assert any(squeezed(table.unit_line) in x for x in lines)
            assert any(squeezed(table.info_line or "") in x for x in lines)
        if spec.front and spec.front.cover:
            assert pdf.pages[0].extract_text().splitlines() == list(spec.front.cover)
