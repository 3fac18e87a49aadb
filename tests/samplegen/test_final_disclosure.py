"""Hunan-style 决算 disclosures and 预算/决算 pairs: every 决算 identity holds from the printed
values alone, the pair's figures are the printed ones, and the PDFs read back as specified.

The checks below read printed cells by column meaning (`TableSpec.columns`) and row label or
code; they know nothing of samplegen.final_accounts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest

from samplegen.final_disclosure import ExecutionPair, execution_pair, final_disclosure
from samplegen.planted import plant_errors
from samplegen.render import render_disclosure
from samplegen.spec import DisclosureSpec, RowSpec, TableSpec, Value
from samplegen.standard import FINAL_TABLES, MEASURES, STAGES
from tests.samplegen.pdf_tables import expected_header, printed_rows, read_back

ZERO = Decimal("0.00")
SEEDS = range(30)
NUMBERED = re.compile(r"^[一二三四五六七八九十]+、")


def n(value: Value) -> Decimal:
    return value if isinstance(value, Decimal) else ZERO


def keyed(table: TableSpec, row: RowSpec) -> dict[tuple[str | None, str | None], Value]:
    """A row's amounts keyed by (measure, stage); side-by-side duplicates get the first."""
    assert table.columns is not None
    out: dict[tuple[str | None, str | None], Value] = {}
    for meaning, value in zip(table.columns, row.values, strict=True):
        if meaning.kind == "amount":
            out.setdefault((meaning.measure, meaning.stage), value)
    return out


def at(amounts: dict[tuple[str | None, str | None], Value], stage: str) -> Callable[[str], Decimal]:
    """measure → the row's amount at `stage`."""
    return lambda measure: n(amounts[(measure, stage)])


def body(table: TableSpec) -> list[RowSpec]:
    return [r for r in table.rows if not r.merged and not r.numbering]


def subjects(table: TableSpec) -> dict[str, RowSpec]:
    return {r.subject_code: r for r in body(table) if r.kind == "subject" and r.subject_code}


def total_row(table: TableSpec) -> RowSpec:
    return next(r for r in body(table) if r.kind == "total")


def amount_columns(table: TableSpec) -> list[int]:
    assert table.columns is not None
    return [i for i, m in enumerate(table.columns) if m.kind == "amount"]


def column(table: TableSpec, measure: str, stage: str | None = "final") -> int:
    assert table.columns is not None
    return next(i for i, m in enumerate(table.columns) if m.measure == measure and m.stage == stage)


def sides(
    table: TableSpec, amount_key: str = ""
) -> tuple[dict[str, Decimal], dict[str, list[Value]]]:
    """01 / 04: income label → amount, spending label → its amounts (left to right)."""
    income: dict[str, Decimal] = {}
    spending: dict[str, list[Value]] = {}
    for row in body(table):
        if row.values[0]:
            income[str(row.values[0])] = n(row.values[2])
        if row.values[3]:
            spending[str(row.values[3])] = list(row.values[5:])
    return income, spending


def tree_problems(table: TableSpec) -> list[str]:
    """类 = Σ 款 = Σ 项 in every amount column; 合计 = Σ 类."""
    problems = []
    rows = subjects(table)
    columns = amount_columns(table)
    for code, row in rows.items():
        children = [r for c, r in rows.items() if c.startswith(code) and len(c) == len(code) + 2]
        for i in columns:
            if len(code) < 7 and n(row.values[i]) != sum((n(r.values[i]) for r in children), ZERO):
                problems.append(f"{table.code} {code} column {i + 1} ≠ Σ children")
    classes = [r for c, r in rows.items() if len(c) == 3]
    total = total_row(table)
    for i in columns:
        if n(total.values[i]) != sum((n(r.values[i]) for r in classes), ZERO):
            problems.append(f"{table.code} 合计 column {i + 1} ≠ Σ 类")
    return problems


def check_final(doc: DisclosureSpec) -> list[str]:
    t = {table.code: table for table in doc.tables}
    problems: list[str] = []

    def expect(what: str, a: Decimal, b: Decimal) -> None:
        if a != b:
            problems.append(f"{what}: {a} ≠ {b}")

    # 01 收入支出决算总表
    income, spending = sides(t["01"])
    lines_in = [v for k, v in income.items() if NUMBERED.match(k)]
    expect("01 本年收入合计", income["本年收入合计"], sum(lines_in, ZERO))
    expect(
        "01 收入 总计",
        income["总计"],
        income["本年收入合计"] + income["使用非财政拨款结余"] + income["年初结转和结余"],
    )
    out = {k: n(v[0]) for k, v in spending.items()}
    expect(
        "01 本年支出合计",
        out["本年支出合计"],
        sum((v for k, v in out.items() if NUMBERED.match(k)), ZERO),
    )
    expect(
        "01 支出 总计", out["总计"], out["本年支出合计"] + out["结余分配"] + out["年末结转和结余"]
    )
    expect("01 balance", income["总计"], out["总计"])

    # 02, 03, 05, 08, 09: within rows, and the subject trees
    for code, parts in {
        "02": ("income", ["income_fiscal", "income_higher_level_grants", "income_business",
                          "income_operating", "income_affiliates", "income_other"]),
        "03": ("total", ["basic", "project", "paid_to_higher_level", "institution_business",
                         "grants_to_affiliates"]),
        "09": ("total", ["basic", "project"]),
    }.items():  # fmt: skip
        whole, items = parts
        for row in body(t[code]):
            k = keyed(t[code], row)
            expect(
                f"{code} row sum",
                n(k[(whole, "final")]),
                sum((n(k[(p, "final")]) for p in items), ZERO),
            )
        problems += tree_problems(t[code])
    for row in body(t["05"]):
        k = keyed(t["05"], row)
        expect(
            "05 全年 = 年初 + 调整",
            n(k[("total", "full_year_budget")]),
            n(k[("total", "initial_budget")]) + n(k[("total", "adjustment")]),
        )
        expect(
            "05 决算 合计",
            n(k[("total", "final")]),
            n(k[("basic", "final")]) + n(k[("project", "final")]),
        )
    problems += tree_problems(t["05"])
    for row in body(t["08"]):
        f = at(keyed(t["08"], row), "final")
        expect("08 支出 小计", f("total"), f("basic") + f("project"))
        expect("08 年末", f("closing_balance"), f("opening_balance") + f("income") - f("total"))
    if not t["08"].is_empty:
        problems += tree_problems(t["08"])

    # 04 财政拨款收入支出决算总表
    fin, fout = sides(t["04"])
    expect(
        "04 本年收入合计",
        fin["本年收入合计"],
        sum((v for k, v in fin.items() if NUMBERED.match(k)), ZERO),
    )
    budgets = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    expect("04 年初", fin["年初财政拨款结转和结余"], sum((fin[b] for b in budgets), ZERO))
    expect("04 收入 总计", fin["总计"], fin["本年收入合计"] + fin["年初财政拨款结转和结余"])
    for label, values in fout.items():
        expect(f"04 {label} 合计", n(values[0]), sum((n(v) for v in values[1:]), ZERO))
    for i in range(4):
        classes = sum((n(v[i]) for k, v in fout.items() if NUMBERED.match(k)), ZERO)
        expect(f"04 本年支出合计 column {i}", n(fout["本年支出合计"][i]), classes)
        expect(
            f"04 支出 总计 column {i}",
            n(fout["总计"][i]),
            n(fout["本年支出合计"][i]) + n(fout["年末财政拨款结转和结余"][i]),
        )
    expect("04 balance", fin["总计"], n(fout["总计"][0]))

    # 06 基本支出 by economic item: three lists side by side
    assert t["06"].columns is not None
    listed: dict[str, Decimal] = {}
    for row in body(t["06"]):
        for start in (0, 3, 6):
            code = row.values[start]
            if code:
                listed[str(code)] = n(row.values[start + 2])
    for cls in [c for c in listed if len(c) == 3]:
        items = sum((v for c, v in listed.items() if len(c) == 5 and c.startswith(cls)), ZERO)
        expect(f"06 {cls}", listed[cls], items)
    last = body(t["06"])[-1]
    personnel, public = n(last.values[2]), n(last.values[8])
    expect("06 人员经费合计", personnel, listed["301"] + listed["303"])
    expect("06 公用经费合计", public, sum((listed[c] for c in ("302", "307", "310", "399")), ZERO))

    # 07 三公
    (sangong,) = body(t["07"])
    k = keyed(t["07"], sangong)
    for stage in ("full_year_budget", "final"):
        g = at(k, stage)
        expect(f"07 {stage} 小计", g("vehicles"), g("vehicle_purchase") + g("vehicle_operation"))
        expect(
            f"07 {stage} 合计",
            g("total"),
            g("overseas_travel") + g("vehicles") + g("official_reception"),
        )

    # across tables
    t02, t03 = keyed(t["02"], total_row(t["02"])), keyed(t["03"], total_row(t["03"]))
    expect("01/02 本年收入合计", income["本年收入合计"], n(t02[("income", "final")]))
    fiscal_lines = [v for k, v in income.items() if "财政拨款收入" in k]
    expect("01/02 财政拨款收入", sum(fiscal_lines, ZERO), n(t02[("income_fiscal", "final")]))
    expect("01/02 事业收入", income["五、事业收入"], n(t02[("income_business", "final")]))
    expect("01/03 本年支出合计", out["本年支出合计"], n(t03[("total", "final")]))
    by_name = {
        str(r.values[1]): n(r.values[2])
        for r in subjects(t["03"]).values()
        if len(r.subject_code or "") == 3
    }
    for label, value in out.items():
        if NUMBERED.match(label):
            expect(f"01/03 {label}", value, by_name.get(NUMBERED.sub("", label), ZERO))
    for i, label in enumerate(
        [
            "一、一般公共预算财政拨款收入",
            "二、政府性基金预算财政拨款收入",
            "三、国有资本经营预算财政拨款收入",
        ]
    ):
        expect(
            f"04/01 income {i}",
            list(v for k, v in fin.items() if NUMBERED.match(k))[i],
            income[label],
        )
    t05 = {
        str(r.values[1]): keyed(t["05"], r)
        for r in subjects(t["05"]).values()
        if len(r.subject_code or "") == 3
    }
    for label, values in fout.items():
        if NUMBERED.match(label):
            name = NUMBERED.sub("", label)
            expect(f"04/05 {name}", n(values[1]), n(t05.get(name, {}).get(("total", "final"))))
    t05_total = keyed(t["05"], total_row(t["05"]))
    expect("05/06 基本支出", n(t05_total[("basic", "final")]), personnel + public)
    expect("07/06 公务接待费", n(k[("official_reception", "final")]), listed["30217"])
    expect("07/06 公务用车运行维护费", n(k[("vehicle_operation", "final")]), listed["30231"])
    t08 = keyed(t["08"], total_row(t["08"]))
    expect("04/08 年初", fin["政府性基金预算财政拨款"], n(t08[("opening_balance", "final")]))
    expect("04/08 收入", fin["二、政府性基金预算财政拨款"], n(t08[("income", "final")]))
    expect("04/08 年末", n(fout["年末财政拨款结转和结余"][2]), n(t08[("closing_balance", "final")]))
    return problems


@cache
def pair(seed: int) -> ExecutionPair:
    return execution_pair(seed)


@cache
def final(seed: int) -> DisclosureSpec:
    return final_disclosure(seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_final_accounts_identity_holds(seed: int) -> None:
    assert check_final(final(seed)) == []


def test_a_planted_error_breaks_an_identity() -> None:
    for seed in range(15):
        doc, (error,) = plant_errors(final(seed), seed)
        assert check_final(doc), error


def test_the_nine_tables_name_their_standard_table_measures_and_stages() -> None:
    for seed in range(10):
        doc = final(seed)
        assert doc.kind == "决算"
        assert [t.standard_table for t in doc.tables] == list(FINAL_TABLES)
        for table in doc.tables:
            assert table.label == f"公开{table.code}表"
            assert table.columns is not None
            for meaning in table.columns:
                if meaning.kind == "amount":
                    assert meaning.measure in MEASURES and meaning.stage in STAGES
    stages = {m.stage for t in final(0).tables for m in t.columns or () if m.stage}
    assert stages == {"initial_budget", "adjustment", "full_year_budget", "final"}


def test_numbering_rows_and_columns_print_numbers_never_amounts() -> None:
    doc = final(3)
    for table in doc.tables:
        first = table.rows[0]
        assert first.numbering and ("栏次" in first.values or table.code == "07")
        numbers = [v for v in first.values if v not in (None, "栏次")]
        assert numbers == [str(i) for i in range(1, len(numbers) + 1)]
        assert not any(isinstance(v, Decimal) for v in first.values)
    t01 = doc.tables[0]
    assert t01.columns is not None
    line_numbers = [i for i, m in enumerate(t01.columns) if m.kind == "numbering"]
    assert line_numbers == [1, 4]
    printed = [int(str(r.values[1])) for r in body(t01)] + [
        int(str(r.values[4])) for r in body(t01)
    ]
    assert printed == list(range(1, len(printed) + 1))


def test_some_adjustments_are_negative_and_some_tables_empty() -> None:
    adjustments = [
        r.values[column(t, "total", "adjustment")]
        for s in SEEDS
        for t in final(s).tables
        if t.code == "05"
        for r in body(t)
    ]
    assert any(n(v) < 0 for v in adjustments) and any(n(v) > 0 for v in adjustments)
    empty = {t.code for s in SEEDS for t in final(s).tables if t.is_empty}
    full = {t.code for s in SEEDS for t in final(s).tables if not t.is_empty}
    assert {"08", "09"} <= empty and {"08", "09"} <= full


# ---------------------------------------------------------------------------------------------
# The pair: the same unit and year, figures a test can check by hand


def printed(table: TableSpec, subject: str, path: str) -> Decimal:
    row = next(r for r in table.rows if r.subject_code == subject)
    return n(row.values[table.column_paths.index(path)])


@pytest.mark.parametrize("seed", range(0, 40, 8))
def test_the_pair_is_one_unit_and_year(seed: int) -> None:
    p = pair(seed)
    assert (p.budget.kind, p.final.kind) == ("预算", "决算")
    assert (p.budget.year, p.budget.unit_code, p.budget.unit_name) == (
        p.final.year,
        p.final.unit_code,
        p.final.unit_name,
    )
    assert p.budget.file_name != p.final.file_name
    assert p.final.front is not None
    assert f"单位代码： {p.final.unit_code}" in p.final.front.cover


@pytest.mark.parametrize("seed", range(0, 40, 8))
def test_the_pairs_figures_are_the_printed_ones(seed: int) -> None:
    p = pair(seed)
    budget = {t.code: t for t in p.budget.tables}
    final = {t.code: t for t in p.final.tables}
    for subject in p.subjects:
        assert p.budgeted(subject) == printed(budget["03"], subject, "合计")
        if any(r.subject_code == subject for r in final["03"].rows):
            assert p.spent(subject) == printed(final["03"], subject, "本年支出合计")
        general = [r for r in budget["07"].rows if r.subject_code == subject]
        if general:
            assert p.budgeted(subject, "general") == printed(budget["07"], subject, "合计")
            # the 决算 prints the same budget as its 年初预算数
            assert printed(final["05"], subject, "年初预算数") == p.budgeted(subject, "general")
            assert printed(final["05"], subject, "决算数/合计") == p.spent(subject, "general")


def test_an_execution_rate_checked_by_hand() -> None:
    p = pair(1)
    budget = {t.code: t for t in p.budget.tables}
    final = {t.code: t for t in p.final.tables}
    subject = p.designated_subject
    assert subject == "2140101"  # 交通运输支出 / 公路水路运输 / 行政运行 of 湖南省交通运输厅
    budgeted = printed(budget["03"], subject, "合计")
    spent = printed(final["03"], subject, "本年支出合计")
    assert (budgeted, spent) == (Decimal("1435.03"), Decimal("1363.28"))
    assert round(spent / budgeted * 100, 2) == Decimal("95.00")
    assert round(float(p.rate(subject)) * 100, 2) == 95.00
    for scope in ("all", "general"):
        assert abs(p.rate(subject, scope) - Fraction(95, 100)) < Fraction(1, 20_000)
    others = [round(float(p.rate(s)) * 100, 2) for s in p.subjects if s != subject]
    assert len(set(others)) > 3  # the other subjects are executed at rates of their own


# ---------------------------------------------------------------------------------------------
# The PDF


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[DisclosureSpec, Path, object]:
    spec = final_disclosure(2)
    path = tmp_path_factory.mktemp("final") / spec.file_name
    return spec, path, render_disclosure(spec, path)


def test_the_pdf_embeds_the_font_and_reads_back_cell_for_cell(rendered) -> None:  # type: ignore[no-untyped-def]
    spec, path, report = rendered
    assert b"/FontFile2" in path.read_bytes()
    read = read_back(spec, path, report)
    for table in spec.tables:
        header, rows = read[table.code]
        assert rows == printed_rows(table), table.code
        assert header == expected_header(table), table.code


def test_the_pdf_prints_labels_titles_and_the_unit(rendered) -> None:  # type: ignore[no-untyped-def]
    import pdfplumber

    spec, path, report = rendered
    with pdfplumber.open(path) as pdf:
        cover = pdf.pages[0].extract_text().splitlines()
        assert cover == list(spec.front.cover)
        for table in spec.tables:
            text = pdf.pages[report.table_pages[table.code][0] - 1].extract_text()
            assert f"公开{table.code}表" in text and table.title in text
            assert table.info_line in text and table.unit_line in text
