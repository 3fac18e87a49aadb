"""Performance forms in the warehouse: performance_forms, performance_facts and
performance_indicators loaded with their document, superseded with it, and the typed
project_performance view — on generated disclosures printing forms, in real DuckDB and Parquet."""

from __future__ import annotations

import dataclasses
import hashlib
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from disclosure.extract import extract_disclosure
from disclosure.model import Disclosure
from samplegen.forms import FormSpec, sample_forms
from samplegen.hunan_xinfang_2024 import spec as seed_spec
from samplegen.render import render_disclosure
from warehouse import store
from warehouse.documents import Document
from warehouse.settings import WarehouseSettings

DEPARTMENT = "湖南省信访局"


def _doc(tmp_path_factory: pytest.TempPathFactory, name: str, forms: tuple[FormSpec, ...]) -> Path:
    seed = seed_spec()
    layout = sample_forms(DEPARTMENT, "grid", rows_per_page=14)
    spec = dataclasses.replace(
        seed, tables=seed.tables[:2], appendices=(dataclasses.replace(layout, forms=forms),)
    )
    path = tmp_path_factory.mktemp(name) / spec.file_name
    render_disclosure(spec, path)
    return path


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Disclosure]]:
    """The 2024 disclosure with three project forms, and a re-issue that drops the last one."""
    forms = sample_forms(DEPARTMENT).forms
    paths = {
        "first": _doc(tmp_path_factory, "first", forms),
        "reissue": _doc(tmp_path_factory, "reissue", forms[:2]),
    }
    return {name: (path, extract_disclosure(path)) for name, path in paths.items()}


def _load(settings: WarehouseSettings, path: Path, disclosure: Disclosure) -> str:
    data = path.read_bytes()
    document = Document(path, hashlib.sha256(data).hexdigest(), len(data))
    store.load_disclosure(settings, document, disclosure)
    return document.doc_id


def _query(settings: WarehouseSettings, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(settings.database), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_forms_load_with_their_document_and_leave_with_it(
    tmp_path: Path, documents: dict[str, tuple[Path, Disclosure]]
) -> None:
    settings = WarehouseSettings(tmp_path / "data")
    first = _load(settings, *documents["first"])
    assert _query(
        settings,
        "SELECT form_no, form_kind, project_name, funds, funds_unit, funds_yuan, indicator_count "
        "FROM performance_forms ORDER BY form_no",
    ) == [
        (1, "项目", "办公楼物业管理", Decimal("25.89"), "万元", Decimal("258900"), 8),
        (2, "项目", "信息系统运行维护", Decimal("1097.02"), "万元", Decimal("10970200"), 8),
        (3, "项目", "来访接待中心运行", Decimal("145.00"), "万元", Decimal("1450000"), 8),
    ]
    files = sorted(
        p.relative_to(settings.parquet_dir) for p in settings.parquet_dir.rglob("*.parquet")
    )
    assert [str(f) for f in files if not str(f).startswith("budget_cells")] == [
        f"{relation}/year=2024/unit_code=010/{first}.parquet"
        for relation in ("performance_facts", "performance_forms", "performance_indicators")
    ]

    reissue = _load(settings, *documents["reissue"])
    assert _query(settings, "SELECT DISTINCT doc_id FROM performance_indicators") == [(reissue,)]
    assert _query(settings, "SELECT count(*) FROM performance_forms") == [(2,)]
    # the superseded version's files are gone with its cells
    assert not any(first in p.name for p in settings.parquet_dir.rglob("*.parquet"))


def test_project_performance_lists_each_projects_funds_with_its_indicators(
    tmp_path: Path, documents: dict[str, tuple[Path, Disclosure]]
) -> None:
    settings = WarehouseSettings(tmp_path / "data")
    _load(settings, *documents["first"])
    rows = _query(
        settings,
        """
        SELECT unit_name, project_name, funds_yuan, level1, level2, level3, target_text,
               comparator, target_value, target_unit
        FROM project_performance
        WHERE project_name = '办公楼物业管理'
        ORDER BY indicator_no
        """,
    )
    assert len(rows) == 8
    assert rows[0] == (
        DEPARTMENT,
        "办公楼物业管理",
        Decimal("258900"),
        "成本指标",
        "经济成本指标",
        "项目成本控制",
        "≤25.89万元",
        "≤",
        Decimal("25.89"),
        "万元",
    )
    assert rows[4][6:] == ("年底前完成", None, None, None)


def test_facts_keep_every_printed_number_exact_and_mark_the_reprinted_ones(
    tmp_path: Path, documents: dict[str, tuple[Path, Disclosure]]
) -> None:
    settings = WarehouseSettings(tmp_path / "data")
    _load(settings, *documents["first"])
    # the grid breaks inside the second project: its cells are printed again overleaf
    assert _query(
        settings,
        """
        SELECT page_no, amount, amount_yuan, is_repeated FROM performance_facts
        WHERE form_no = 2 AND label_path = '资金总额' ORDER BY page_no
        """,
    ) == [
        (5, Decimal("1097.02"), Decimal("10970200"), False),
        (6, Decimal("1097.02"), Decimal("10970200"), True),
    ]
    # a quantity a goal quotes, as a fact of its own; counted once when summing money
    assert _query(
        settings,
        """
        SELECT text, amount, unit FROM performance_facts
        WHERE form_no = 1 AND is_quoted AND label_path = '绩效目标' ORDER BY fact_no
        """,
    ) == [("13459.00平方米", Decimal("13459.00"), "平方米"), ("90%以上", Decimal("90"), "%")]
    (total,) = _query(
        settings,
        "SELECT sum(amount_yuan) FROM performance_facts "
        "WHERE label_path = '资金总额' AND NOT is_repeated AND NOT is_quoted",
    )
    assert total == (Decimal("12679100"),)  # 25.89 + 1,097.02 + 145.00 万元


def test_targets_stated_in_a_goal_load_as_indicators_of_no_level(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    seed = seed_spec()
    forms = sample_forms(DEPARTMENT, "list")
    spec = dataclasses.replace(seed, tables=seed.tables[:2], appendices=(forms,))
    path = tmp_path_factory.mktemp("list") / spec.file_name
    render_disclosure(spec, path)
    settings = WarehouseSettings(tmp_path / "data")
    _load(settings, path, extract_disclosure(path))
    assert _query(
        settings,
        "SELECT indicator_no, level1, level2, level3, target_text, comparator, target_value, "
        "target_unit FROM performance_indicators WHERE form_no = 1 ORDER BY indicator_no LIMIT 2",
    ) == [
        (1, None, None, None, "保障办公面积不低于13459.00平方米", "≥", Decimal("13459"), "平方米"),
        (2, None, None, None, "开展培训4次", "=", Decimal("4"), "次"),
    ]
    assert _query(settings, "SELECT indicator_count FROM performance_forms ORDER BY form_no") == [
        (6,),
        (6,),
        (6,),
    ]
