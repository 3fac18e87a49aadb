"""Units, subjects, levels and the one way to sum, on a warehouse of the bundled samples and of
real Jiangsu and Shanghai disclosures: every table's leaves add up to its printed 合计."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from disclosure.model import Disclosure
from tests.real_files import REPO, extracted, table_pdfs
from warehouse import store
from warehouse.documents import Document, Status
from warehouse.raw import keep_raw, sha256_of
from warehouse.settings import WarehouseSettings

# Printed inconsistencies in real tables, each checked against the PDF: the leaves do not add up
# to the printed total there, and the warehouse must show it rather than hide it.
# - 上海市财政局 2025 一般公共预算基本支出表: 302 商品和服务支出 prints 24,840,779 元, its 款
#   add up to 24,840,778; the 合计 (127,642,039) follows the 类.
# - 湖南省信访局 2024 (the seed) 预算09表, 行政运行: 工资津补贴 合计 1,353.00 but only
#   基本工资 518.00 and 385.00 under 津贴补贴 printed; 450.00 missing
#   (finding header_sums, table 09).
PRINTED_ERRORS = {
    ("上海市财政局", 2025, "部门预算经济分类"): Decimal("-1.00"),
    ("湖南省信访局", 2024, "部门预算经济分类"): Decimal("-450.00"),
}


def load_all(settings: WarehouseSettings, pdfs: list[Path], extracted: list[Disclosure]) -> None:
    for path, disclosure in zip(pdfs, extracted, strict=True):
        doc = Document(path.resolve(), sha256_of(path), path.stat().st_size)
        doc = dataclasses.replace(doc, kept_at=keep_raw(doc.path, doc.sha256, settings))
        assert store.load_disclosure(settings, doc, disclosure).status == Status.LOADED


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    """The bundled samples (Hunan) and the real Jiangsu and Shanghai disclosures, loaded."""
    settings = WarehouseSettings(tmp_path_factory.mktemp("dimensions") / "data")
    pdfs = [
        *sorted((REPO / "samples").glob("*.pdf")),
        *table_pdfs("jiangsu"),
        *table_pdfs("shanghai"),
    ]
    load_all(settings, pdfs, [extracted(p) for p in pdfs])
    con = duckdb.connect(str(settings.database), read_only=True)
    yield con
    con.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_summing_expenditure_by_function_where_is_leaf_gives_each_tables_printed_total(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    checked = rows(
        warehouse,
        """
        SELECT template, unit_name, year, fund_scope,
               sum(amount) FILTER (WHERE is_leaf) AS leaves,
               any_value(amount) FILTER (WHERE row_kind = 'total') AS printed
        FROM expenditure_by_function
        WHERE measure = 'total'
        GROUP BY template, doc_id, unit_name, year, fund_scope, table_code
        HAVING printed IS NOT NULL
        """,
    )
    assert {template for template, *_ in checked} == {"hunan", "jiangsu", "shanghai"}
    assert [row for row in checked if row[4] != row[5]] == []


def test_a_table_without_a_total_row_sums_to_its_one_department_row(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    # Jiangsu's 支出总表 prints one row, the department, with no label: 江苏省人民检察院 2017
    # spends its 收入合计, 17,996.68 万元. The row is labelled with what it means.
    (row,) = rows(
        warehouse,
        """
        SELECT sum(amount) FILTER (WHERE is_leaf), sum(amount_yuan) FILTER (WHERE is_leaf),
               count(*), any_value(row_label)
        FROM expenditure_by_function
        WHERE unit_name = '江苏省人民检察院' AND year = 2017 AND fund_scope = '全部资金'
            AND measure = 'total'
        """,
    )
    assert row == (Decimal("17996.68"), Decimal("179966800.00"), 1, "支出合计")


def test_economic_classes_where_is_leaf_add_up_to_the_printed_total_per_classification(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    leaves = dict(
        ((unit, year, classification), total)
        for unit, year, classification, total in rows(
            warehouse,
            """
            SELECT printed_unit_name, year, classification, sum(amount)
            FROM basic_expenditure_by_economic_class WHERE is_leaf GROUP BY ALL
            """,
        )
    )
    # The printed total of each table: its 合计 row's total column, or where a table prints no
    # 合计 row (Hunan's 13) its department's row; summed over the tables of one classification
    # (Hunan prints each in three tables).
    printed = rows(
        warehouse,
        """
        WITH tables AS (
            SELECT unit_name, year, classification, doc_id, table_no,
                coalesce(max(amount) FILTER (WHERE row_kind = 'total'),
                         max(amount) FILTER (WHERE row_kind = 'unit')) AS total
            FROM budget_facts
            WHERE standard_table = '一般公共预算基本支出表' AND measure = 'total'
            GROUP BY ALL
        )
        SELECT unit_name, year, classification, sum(total) FROM tables GROUP BY ALL
        """,
    )
    assert len(printed) >= 10
    for unit, year, classification, total in printed:
        error = PRINTED_ERRORS.get((unit, year, classification), Decimal(0))
        assert leaves[(unit, year, classification)] - total == error, (unit, year)


def test_every_typed_view_names_the_unit_and_the_subject(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    for view in ("expenditure_by_function", "income", "government_funds", "budget_facts"):
        assert rows(warehouse, f"SELECT count(*) FROM {view} WHERE unit_name IS NULL") == [(0,)]
        named = rows(
            warehouse,
            f"SELECT count(*) FILTER (WHERE subject_name IS NULL), count(*) FROM {view} "
            "WHERE subject_code IS NOT NULL",
        )
        assert named[0][0] == 0 and named[0][1] > 0, view
    (levels,) = rows(
        warehouse,
        "SELECT list(DISTINCT subject_level ORDER BY subject_level) FROM expenditure_by_function",
    )
    assert levels[0] == ["款", "类", "项", None] or set(levels[0]) >= {"类", "款", "项"}


TYPED_VIEWS = (
    "expenditure_by_function",
    "income",
    "basic_expenditure_by_economic_class",
    "sangong_costs",
    "government_funds",
    "performance_targets",
)


def test_every_typed_view_is_long_with_the_same_names_and_who_published_it(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    shared = ["year", "province", "unit_name", "printed_unit_name", "unit_code"]
    for view in TYPED_VIEWS:
        columns = [c for (c,) in rows(warehouse, f"SELECT column_name FROM (DESCRIBE {view})")]
        assert columns[:5] == shared, view  # who, names before codes
        assert {"measure", "amount", "amount_yuan", "file_name", "page_no"} <= set(columns), view
        assert columns[-1] == "doc_id", view
        missing = rows(
            warehouse,
            f"SELECT count(*) FILTER (WHERE province IS NULL OR file_name IS NULL "
            f"OR unit_name IS NULL), count(*) FROM {view}",
        )
        assert missing[0][0] == 0 and missing[0][1] > 0, view


def test_a_renamed_unit_has_one_name_its_latest_and_keeps_the_printed_one(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    names = rows(
        warehouse,
        """
        SELECT DISTINCT year, unit_name, printed_unit_name FROM expenditure_by_function
        WHERE printed_unit_name LIKE '%江苏省委%办公厅' ORDER BY year
        """,
    )
    assert names == [
        (2017, "中共江苏省委办公厅", "中国共产党江苏省委员会办公厅"),
        (2018, "中共江苏省委办公厅", "中共江苏省委办公厅"),
    ]
    # One name for a publisher, the same as units has.
    assert rows(
        warehouse,
        """
            SELECT count(*) FROM current_disclosures AS d JOIN units AS u USING (unit_code)
            WHERE d.unit_name <> u.unit_name
            """,
    ) == [(0,)]


def test_no_single_row_table_leaves_its_amounts_unlabelled(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    unlabelled = rows(
        warehouse,
        """
        SELECT view, count(*) FROM (
            SELECT 'expenditure_by_function' AS view, row_label, subject_name, is_leaf
            FROM expenditure_by_function
            UNION ALL SELECT 'sangong_costs', row_label, NULL, is_leaf FROM sangong_costs
        )
        WHERE is_leaf AND row_label IS NULL AND subject_name IS NULL
        GROUP BY view
        """,
    )
    assert unlabelled == []
    sangong = rows(
        warehouse,
        """
        SELECT DISTINCT template, row_label FROM sangong_costs
        WHERE template <> 'hunan' ORDER BY ALL
        """,
    )
    assert sangong == [("jiangsu", "“三公”经费合计"), ("shanghai", "“三公”经费合计")]


def test_units_lists_departments_bodies_and_entities_with_their_parent(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    units = {
        code: rest
        for code, *rest in rows(
            warehouse,
            "SELECT unit_code, unit_name, parent_code, kind, province, city, county, region_code, "
            "level, first_year, last_year FROM units",
        )
    }
    hunan = ["湖南省", None, None, "430000", "省"]
    assert units["117"] == ["湖南省水利厅", None, "部门", *hunan, 2023, 2024]
    # An entity is where the department listing it is.
    assert units["117001"] == ["湖南省水利厅本级", "117", "单位", *hunan, 2023, 2024]
    office = [(c, u) for c, u in units.items() if u[0] == "中共江苏省委办公厅"]
    assert [u for _, u in office] == [
        ["中共江苏省委办公厅", None, "部门", "江苏省", None, None, "320000", "省", 2017, 2018]
    ]
    assert office[0][0].startswith("320000-")  # derived: the region, then the name's hash
    finance = [u for u in units.values() if u[0] == "上海市财政局"]
    shanghai = ["上海市", None, None, "310000", "省"]  # a 直辖市: province level, no city
    assert finance == [["上海市财政局", None, "单位", *shanghai, 2025, 2025]]


def test_subjects_take_printed_names_over_the_reference_list_and_know_their_parents(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    subjects = {
        code: rest
        for code, *rest in rows(
            warehouse,
            "SELECT code, classification, level, name, parent_code, path_name, reference_name, "
            "first_year FROM subjects",
        )
    }
    assert subjects["2130304"][:5] == [
        "功能分类",
        "项",
        "水利行业业务管理",
        "21303",
        "农林水支出 / 水利 / 水利行业业务管理",
    ]
    # 2017 Jiangsu prints 207 under its name of the time; the latest printed name wins.
    assert subjects["30101"][:4] == ["部门预算经济分类", "款", "基本工资", "301"]
    assert subjects["501"] == [
        "政府预算经济分类",
        "类",
        "机关工资福利支出",
        None,
        "机关工资福利支出",
        "机关工资福利支出",
        None,
    ]  # reference only
    printed_only = [code for code, s in subjects.items() if s[5] is None]
    assert printed_only, "codes printed but not in the reference list are listed too"
