"""The layout of every relation the warehouse stores: its columns (one Arrow schema), and, for
Parquet relations, its hive partition keys and where its files are.

This is the one place a stored relation's columns are listed. The Parquet writers use the schema;
the views read the files with `Relation.source_sql` (or an empty placeholder of the same columns
before the first file exists); DuckDB tables are created from `Relation.columns_ddl`. SQL files
under `warehouse/sql/` select `*` from those sources rather than listing columns again.

Amounts are `decimal128(18, 2)` in Arrow and Parquet, `DECIMAL(18,2)` in DuckDB, never float.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pyarrow as pa

from warehouse.connection import sql_literal

AMOUNT = pa.decimal128(18, 2)
# An amount as printed: up to six decimals (Beijing prints 万元 to the 元 cent: 590.715374), and
# digits to spare for arithmetic on it in 元 (amount × 10000) on any printed amount.
PRINTED_AMOUNT = pa.decimal128(38, 6)
PARQUET_SUFFIX = ".parquet"

_SQL_TYPES = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    pa.timestamp("us"): "TIMESTAMP",
    AMOUNT: "DECIMAL(18,2)",
    PRINTED_AMOUNT: "DECIMAL(38,6)",
    pa.list_(pa.string()): "VARCHAR[]",
    pa.list_(pa.int32()): "INTEGER[]",
}


def sql_type(arrow_type: pa.DataType) -> str:
    return _SQL_TYPES[arrow_type]


@dataclass(frozen=True)
class Relation:
    """A stored relation. `keys` are its hive partition keys, in path order (none for a table
    kept inside warehouse.duckdb); they are not stored in the files."""

    name: str
    schema: pa.Schema
    keys: tuple[pa.Field, ...] = ()

    @property
    def columns(self) -> list[str]:
        """Every column a reader sees: the keys, then the file's own columns."""
        return [k.name for k in self.keys] + list(self.schema.names)

    def directory(self, parquet_dir: Path) -> Path:
        return parquet_dir / self.name

    def partition_dir(self, parquet_dir: Path, *values: object) -> Path:
        if len(values) != len(self.keys):
            raise ValueError(f"{self.name} is partitioned by {len(self.keys)} keys")
        parts = [f"{k.name}={v}" for k, v in zip(self.keys, values, strict=True)]
        return self.directory(parquet_dir).joinpath(*parts)

    def files(self, parquet_dir: Path) -> Iterator[Path]:
        depth = "/".join(f"{k.name}=*" for k in self.keys)
        pattern = f"{depth}/*{PARQUET_SUFFIX}" if depth else f"*{PARQUET_SUFFIX}"
        return self.directory(parquet_dir).glob(pattern)

    def has_files(self, parquet_dir: Path) -> bool:
        return next(self.files(parquet_dir), None) is not None

    def glob(self, parquet_dir: Path) -> str:
        """The absolute glob a view reads, so that it works from any working directory."""
        parts = ["*"] * len(self.keys) + [f"*{PARQUET_SUFFIX}"]
        return str(self.directory(parquet_dir).joinpath(*parts))

    def source_sql(self, parquet_dir: Path, files_in: Path | None = None) -> str:
        """What a view selects from: the files, or (DuckDB refuses a glob matching no file)
        an empty relation of the same columns until the first file exists — in `files_in`
        when given (a folder that is to become `parquet_dir`), else in `parquet_dir`."""
        columns = [f"CAST(NULL AS {sql_type(f.type)}) AS {f.name}" for f in self.schema]
        columns += [f"CAST(NULL AS {sql_type(k.type)}) AS {k.name}" for k in self.keys]
        empty = f"SELECT {', '.join(columns)} LIMIT 0"
        if self.has_files(files_in or parquet_dir):
            types = ", ".join(f"'{k.name}': {sql_type(k.type)}" for k in self.keys)
            hive = f", hive_partitioning = true, hive_types = {{{types}}}" if self.keys else ""
            # Files written before a column was added read it as NULL: union_by_name among the
            # files, and the empty relation of every column for when no file has it yet.
            glob = sql_literal(self.glob(parquet_dir))
            files = f"SELECT * FROM read_parquet({glob}{hive}, union_by_name = true)"
            # … in the layout's column order, whatever order older files have them in
            ordered = ", ".join(f.name for f in [*self.schema, *self.keys])
            return f"(SELECT {ordered} FROM ({files} UNION ALL BY NAME ({empty})))"
        return f"({empty})"

    def columns_ddl(self) -> str:
        """The column list of a `CREATE TABLE` for this relation."""
        return ",\n    ".join(
            f"{f.name} {sql_type(f.type)}{'' if f.nullable else ' NOT NULL'}"
            for f in [*self.keys, *self.schema]
        )


def _fields(*specs: tuple[object, ...]) -> pa.Schema:
    """(name, type[, nullable[, description]]) as a schema; nullable unless said otherwise. The
    description, in plain words, is kept as the field's `description` metadata."""
    fields = []
    for spec in specs:
        name, arrow_type = str(spec[0]), cast(pa.DataType, spec[1])
        nullable = bool(spec[2]) if len(spec) > 2 else True
        description = str(spec[3]) if len(spec) > 3 else ""
        metadata = {"description": description} if description else None
        fields.append(pa.field(name, arrow_type, nullable, metadata=metadata))
    return pa.schema(fields)


def description(field: pa.Field) -> str:
    """A field's description in plain words ('' when it has none)."""
    return (field.metadata or {}).get(b"description", b"").decode("utf-8")


_YEAR_AND_UNIT = (pa.field("year", pa.int32()), pa.field("unit_code", pa.string()))
_RUN = (pa.field("run_id", pa.string(), metadata={"description": "the reconciliation run"}),)

# 预算单元格: every printed body cell of a loaded disclosure (see warehouse/sql/budget_cells.sql).
BUDGET_CELLS = Relation(
    "budget_cells",
    _fields(
        ("doc_id", pa.string()),
        ("table_no", pa.int32()),
        ("table_code", pa.string()),
        ("row_no", pa.int32()),
        ("column_no", pa.int32()),
        ("column_path", pa.string(), True, "the leaf column as printed: header texts joined by /"),
        (
            "template_path",
            pa.string(),
            True,
            "the template column the printed column means; NULL when it means none",
        ),
        (
            "measure",
            pa.string(),
            True,
            "what a money column means in every format: total, basic, project, personnel, "
            "carried_over/general_budget, … (disclosure/measures.py); NULL when its header "
            "names nothing known",
        ),
        ("column_kind", pa.string()),
        ("row_label", pa.string()),
        ("row_kind", pa.string()),
        ("subject_code", pa.string()),
        ("entity_code", pa.string()),
        (
            "owner_code",
            pa.string(),
            True,
            "the entity whose block of rows the row is printed in (its code, or its name where "
            "none is printed); NULL at the department's own level",
        ),
        ("text", pa.string()),
        (
            "amount",
            PRINTED_AMOUNT,
            True,
            "the amount as printed (up to six decimals), in its table's unit_label (元 or 万元)",
        ),
        ("amount_yuan", AMOUNT, True, "the amount in 元, exact (×10000 for 万元)"),
        ("page_no", pa.int32()),
        ("bbox_x0", pa.float64()),
        ("bbox_top", pa.float64()),
        ("bbox_x1", pa.float64()),
        ("bbox_bottom", pa.float64()),
    ),
    keys=_YEAR_AND_UNIT,
)

# 预算表: one row per table of a loaded disclosure (a DuckDB table; budget_tables.sql).
BUDGET_TABLES = Relation(
    "budget_tables",
    _fields(
        ("doc_id", pa.string(), False),
        ("year", pa.int32(), False),
        ("unit_code", pa.string(), False),
        ("table_no", pa.int32(), False),
        ("table_code", pa.string()),
        (
            "template",
            pa.string(),
            True,
            "the format whose title named it: its document's (hunan, jiangsu, …) for a table of "
            "the format's own; national for a standard table named by its words",
        ),
        (
            "standard_table",
            pa.string(),
            True,
            "the national-standard table it is (收支总表, 一般公共预算支出表, …), one key "
            "across templates; NULL for a table with no national counterpart",
        ),
        (
            "classification",
            pa.string(),
            True,
            "what its amounts are broken down by when not 功能分类: 经济分类, 部门预算经济分类, "
            "政府预算经济分类; NULL for 功能分类 or neither",
        ),
        ("kind", pa.string(), True, "预算 (budget) | 决算 (final accounts), from its title"),
        ("title", pa.string(), False),
        ("unit_label", pa.string(), True, "the unit its amounts are printed in: 元, 万元"),
        ("page_from", pa.int32(), False),
        ("page_to", pa.int32(), False),
        ("header_rows", pa.int32(), False),
        ("column_count", pa.int32(), False),
        ("row_count", pa.int32(), False),
        ("cell_count", pa.int32(), False),
        ("is_empty", pa.bool_(), False),
        ("notes", pa.list_(pa.string()), False, "printed notes (注：…, 备注：…), in order"),
    ),
)

# 校验结果: every check the Great Expectations gate ran (a DuckDB table; validation_results.sql).
VALIDATION_RESULTS = Relation(
    "validation_results",
    _fields(
        ("doc_id", pa.string(), False, "sha256 of the file, as in disclosures"),
        ("file_name", pa.string(), False),
        ("year", pa.int32(), True, "NULL when the document was refused before extraction"),
        ("unit_code", pa.string()),
        ("flow_run_id", pa.string(), True, "the Prefect flow run, when run by Prefect"),
        ("validated_at", pa.timestamp("us"), False, "UTC"),
        ("suite", pa.string(), False, "screen | documents | tables | cells"),
        ("expectation", pa.string(), False, "Great Expectations expectation type"),
        ("column_name", pa.string(), True, "the column checked (header=expected_header: a pair)"),
        ("severity", pa.string(), False, "critical | warning | info"),
        ("reason", pa.string(), False, "stable short code, e.g. schema_drift"),
        ("success", pa.bool_(), False),
        ("element_count", pa.int64(), False),
        ("unexpected_count", pa.int64(), False),
        ("examples", pa.list_(pa.string()), False, "a few unexpected values, as printed"),
        ("explanation", pa.string(), False),
    ),
)

# 对账结果: one row per violated identity, one file per reconciliation run.
RECONCILIATION_FINDINGS = Relation(
    "reconciliation_findings",
    _fields(
        ("checked_at", pa.timestamp("us"), True, "when the run checked (UTC)"),
        ("year", pa.int32(), True, "budget year"),
        ("unit_code", pa.string(), True, "单位代码 of the disclosing unit"),
        ("unit_name", pa.string(), True, "单位名称"),
        ("doc_id", pa.string(), True, "sha256 of the disclosure file (raw/<doc_id>.pdf)"),
        ("rule_id", pa.string(), True, "the identity broken (reconcile/rules/…/<rule_id>.sql)"),
        ("family", pa.string(), True, "within_row | between_rows | balance | across_tables | …"),
        ("severity", pa.string(), True, "error | warning | info"),
        ("table_code", pa.string(), True, "the table of the printed cell it points at"),
        ("standard_table", pa.string(), True, "the standard table it is (支出总表, …)"),
        ("table_title", pa.string(), True, "that table's title as printed"),
        ("row_no", pa.int32(), True, "body row of that cell (1-based, across pages)"),
        ("column_no", pa.int32(), True, "leaf column of that cell (1-based)"),
        ("row_label", pa.string(), True, "the row's printed label"),
        ("subject_code", pa.string(), True, "the row's full subject code, if any"),
        ("entity_code", pa.string(), True, "the row's unit or entity code, if any"),
        ("column_path", pa.string(), True, "the column's header path as printed"),
        ("expected", PRINTED_AMOUNT, True, "what the identity says the cell should print"),
        ("actual", PRINTED_AMOUNT, True, "what the cell prints"),
        ("difference", PRINTED_AMOUNT, True, "actual − expected"),
        ("message", pa.string(), True, "the identity, in words, with the amounts"),
        ("page_no", pa.int32(), True, "the PDF page the cell is printed on"),
        ("bbox_x0", pa.float64(), True, "cell's left edge (PDF points)"),
        ("bbox_top", pa.float64(), True, "cell's top edge (PDF points from the page's top)"),
        ("bbox_x1", pa.float64(), True, "cell's right edge (PDF points)"),
        ("bbox_bottom", pa.float64(), True, "cell's bottom edge (PDF points from the top)"),
    ),
    keys=_RUN,
)

# 对账运行记录: one row per rule per reconciliation run, one file per run.
RECONCILIATION_RUNS = Relation(
    "reconciliation_runs",
    _fields(
        ("checked_at", pa.timestamp("us"), True, "when the run checked (UTC)"),
        ("documents", pa.int32(), True, "documents checked by the run"),
        ("years", pa.list_(pa.int32()), True, "budget years checked by the run"),
        ("rule_id", pa.string()),
        ("family", pa.string()),
        ("severity", pa.string()),
        ("tables", pa.string(), True, "the table codes the rule reads, e.g. '07, 08'"),
        ("scope", pa.string(), True, "each (table by table) | together | document"),
        ("status", pa.string(), True, "evaluated (for at least one unit) | not_evaluated"),
        ("evaluated", pa.int32(), True, "units (documents, or tables for scope each) checked"),
        ("not_evaluated", pa.int32(), True, "units the rule could not be evaluated for"),
        ("findings", pa.int32()),
        ("seconds", pa.float64()),
        ("not_evaluated_for", pa.list_(pa.string()), True, "those units: year/unit_code[/table]"),
        (
            "not_evaluated_why",
            pa.list_(pa.string()),
            True,
            "why, for each of not_evaluated_for (same order): e.g. 'table 04 not printed', "
            "'no previous year loaded (2023)'",
        ),
        ("description_zh", pa.string()),
        ("description_en", pa.string()),
    ),
    keys=_RUN,
)

# 对账覆盖: one row per document checked per reconciliation run, one file per run.
RECONCILIATION_DOCUMENTS = Relation(
    "reconciliation_documents",
    _fields(
        ("checked_at", pa.timestamp("us"), True, "when the run checked (UTC)"),
        ("year", pa.int32(), True, "budget year"),
        ("unit_code", pa.string(), True, "单位代码"),
        ("unit_name", pa.string(), True, "单位名称"),
        ("doc_id", pa.string(), True, "sha256 of the disclosure file"),
        ("template", pa.string(), True, "the disclosure format it was read with"),
        ("rules", pa.int32(), True, "rules that apply to the document"),
        ("rules_evaluated", pa.int32(), True, "rules evaluated for the whole document"),
        (
            "rules_not_evaluated",
            pa.int32(),
            True,
            "rules not evaluated for some or all of it (rules = evaluated + not evaluated)",
        ),
        (
            "not_evaluated",
            pa.list_(pa.string()),
            True,
            "each rule (and table) not evaluated, with why: 'rule_id [table]: reason'",
        ),
    ),
    keys=_RUN,
)

_BBOX = (
    ("page_no", pa.int32(), True, "the PDF page it is printed on"),
    ("bbox_x0", pa.float64(), True, "cell's left edge (PDF points)"),
    ("bbox_top", pa.float64(), True, "cell's top edge (PDF points from the page's top)"),
    ("bbox_x1", pa.float64(), True, "cell's right edge (PDF points)"),
    ("bbox_bottom", pa.float64(), True, "cell's bottom edge (PDF points from the page's top)"),
)

# 绩效目标表 / 绩效自评表: one row per printed form (see warehouse/sql/performance_forms.sql).
PERFORMANCE_FORMS = Relation(
    "performance_forms",
    _fields(
        ("doc_id", pa.string(), False),
        ("form_no", pa.int32(), False, "the form's number in its document, in printed order"),
        ("form_kind", pa.string(), False, "项目 | 部门整体 | 自评"),
        ("title", pa.string(), True, "the form's title as printed"),
        ("project_name", pa.string(), True, "项目名称 (NULL on a 部门整体 form)"),
        ("department", pa.string(), True, "主管部门 / 部门名称 as printed"),
        ("implementing_unit", pa.string(), True, "实施单位 / the unit the form is for"),
        ("page_first", pa.int32(), False),
        ("page_last", pa.int32(), False),
        ("goal_text", pa.string(), True, "年度目标 / 总体目标 / 绩效目标, as printed"),
        ("funds_label", pa.string(), True, "the label path of the form's total funds"),
        ("funds", PRINTED_AMOUNT, True, "the form's total funds as printed (in funds_unit)"),
        ("funds_unit", pa.string(), True, "the unit the funds are printed in: 万元, 元"),
        ("funds_yuan", AMOUNT, True, "the form's total funds in 元, exact"),
        ("fact_count", pa.int32(), False),
        ("indicator_count", pa.int32(), False),
    ),
    keys=_YEAR_AND_UNIT,
)

# 绩效表的值: every labelled value printed on a form, and each quantity a printed text quotes.
PERFORMANCE_FACTS = Relation(
    "performance_facts",
    _fields(
        ("doc_id", pa.string(), False),
        (
            "form_no",
            pa.int32(),
            True,
            "the form it is printed on; NULL for a row of a grid of forms that totals several "
            "(合计, a unit's subtotal)",
        ),
        ("fact_no", pa.int32(), False, "1-based, in printed order within the document"),
        ("label_path", pa.string(), False, "the labels naming the value, outer to inner, by /"),
        ("text", pa.string(), False, "as printed, whitespace removed"),
        ("amount", PRINTED_AMOUNT, True, "the number the value states, as printed"),
        ("unit", pa.string(), True, "the unit of amount: 万元, 元, %, 平方米 …"),
        ("amount_yuan", AMOUNT, True, "the amount in 元, exact, when unit is money"),
        ("is_quoted", pa.bool_(), False, "a quantity quoted inside a longer printed text"),
        ("is_repeated", pa.bool_(), False, "printed again on a continuation page"),
        *_BBOX,
    ),
    keys=_YEAR_AND_UNIT,
)

# 绩效指标: one row per indicator of a form (一级 / 二级 / 三级指标 and the target).
PERFORMANCE_INDICATORS = Relation(
    "performance_indicators",
    _fields(
        ("doc_id", pa.string(), False),
        ("form_no", pa.int32(), False),
        ("indicator_no", pa.int32(), False, "1-based, in printed order within the form"),
        ("level1", pa.string(), True, "一级指标: 产出指标, 效益指标, 满意度指标, 成本指标"),
        ("level2", pa.string(), True, "二级指标: 数量指标, 质量指标, 时效指标, …"),
        ("level3", pa.string(), True, "三级指标: the indicator itself"),
        ("target_text", pa.string(), True, "the target as printed, e.g. ≥13459.00(平方米)"),
        ("comparator", pa.string(), True, "≥ ≤ = > < ≠; NULL when none is printed (定性)"),
        ("target_value", PRINTED_AMOUNT, True, "the target's number"),
        ("target_unit", pa.string(), True, "the target's unit: %, 万元, 平方米 …"),
        ("actual_text", pa.string(), True, "绩效自评: what was achieved, as printed"),
        ("actual_value", PRINTED_AMOUNT, True),
        ("actual_unit", pa.string(), True),
        ("weight", PRINTED_AMOUNT, True, "分值: the points the indicator is worth"),
        ("score", PRINTED_AMOUNT, True, "得分"),
        *_BBOX,
    ),
    keys=_YEAR_AND_UNIT,
)

# Relations keeping one Parquet file per loaded document in its (year, unit) partition.
DOCUMENT_RELATIONS = (
    BUDGET_CELLS,
    PERFORMANCE_FORMS,
    PERFORMANCE_FACTS,
    PERFORMANCE_INDICATORS,
)

PARQUET_RELATIONS = (
    BUDGET_CELLS,
    PERFORMANCE_FORMS,
    PERFORMANCE_FACTS,
    PERFORMANCE_INDICATORS,
    RECONCILIATION_FINDINGS,
    RECONCILIATION_RUNS,
    RECONCILIATION_DOCUMENTS,
)


# What the columns many relations share mean, for readers of exported files (`warehouse.export`):
# a stored relation's own field description, or a view's `-- comment`, says more where given.
COLUMN_GLOSSARY = {
    "doc_id": "sha256 of the disclosure file (raw/<doc_id>.pdf)",
    "file_name": "the file's name where it was found",
    "status": "loaded | quarantined | superseded | duplicate",
    "page_count": "pages of the PDF",
    "parser": "what read the pages: playa | pdfminer | mixed",
    "table_count": "tables extracted",
    "cell_count": "cells extracted",
    "byte_size": "size of the file in bytes",
    "year": "budget year printed on the cover",
    "unit_code": "单位代码 of the disclosing department, e.g. 010",
    "unit_name": "单位名称 of the disclosing department",
    "province": "the unit's province (省级), as its printed name says; NULL for a central body",
    "city": "the unit's city (地级); NULL at province level or in a 直辖市",
    "county": "the unit's county or district (县级); NULL above",
    "region_code": "GB/T 2260 area code of the lowest level the unit's name names",
    "level": "中央 | 省 | 市 | 区县: the level of government the unit belongs to",
    "table_no": "the table's position in the document",
    "table_code": "the table's number within its template ('01'..'23' for Hunan)",
    "row_no": "body row, 1-based, in printed order across pages",
    "column_no": "leaf column, 1-based",
    "column_path": "the column's header texts from the top row down, joined by /",
    "column_kind": "what the column holds: amount | code | name | text",
    "row_label": "the row's printed label",
    "row_kind": "total (合计) | unit (the department) | entity | subject | item | …",
    "subject_code": "full 功能/经济分类 code: 3 digits 类, 5 款, 7 项",
    "subject_level": "类 | 款 | 项",
    "subject_name": "科目名称 as printed",
    "entity_code": "the unit (3 digits) or entity (6 digits) the row is about",
    "entity_name": "the unit's or entity's printed name",
    "text": "the cell's printed text, whitespace removed",
    "amount": "the printed amount",
    "page_no": "the PDF page it is printed on",
    "page_from": "first PDF page of the table",
    "page_to": "last PDF page of the table",
    "bbox_x0": "cell's left edge (PDF points)",
    "bbox_top": "cell's top edge (PDF points from the page's top)",
    "bbox_x1": "cell's right edge (PDF points)",
    "bbox_bottom": "cell's bottom edge (PDF points from the page's top)",
    "fund_scope": "全部资金 (table 03) | 一般公共预算 (table 07)",
    "errors": "error findings of the latest reconciliation run",
    "warnings": "warning findings of the latest reconciliation run",
    "info": "info findings of the latest reconciliation run",
}
