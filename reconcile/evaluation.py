"""Evaluation: run a catalog's rules over the documents under check, in one in-memory DuckDB.

The engine knows no rule: it loads the documents (`reconcile.inputs`), builds the relations the
rules read (`reconcile/sql/inputs.sql`), registers the catalog's template and rules as tables,
decides where each rule can be evaluated (`reconcile/sql/rule_units.sql`), runs each rule's
query once for all documents, and keeps a violation only where the rule could be evaluated.

A rule is *evaluated* for a document (or, with `scope: each`, for a document's table) when every
table it reads is usable there: printed once, and either declared empty or carrying every column
of the template (and, for a comparison with the previous year, the same unit's document of that
year is loaded with those tables usable). Otherwise it is *not evaluated* — counted as such, never
as passed — with the reason the engine found (`rule_units.sql`: a table not printed, printed
twice or lacking template columns; no previous year loaded; another template). Per document,
`Evaluation.documents_status` says how many rules were evaluated for it and which were not, why.

Everything is exact: amounts are DECIMAL(18,6) in DuckDB (as printed: two decimals, or six) and
Decimal in Python.

    evaluation = evaluate_warehouse(settings, [2024], catalog)  # current documents of a data dir
    evaluation = evaluate(disclosures_to_inputs(pairs))  # extracted disclosures, in memory
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from importlib import resources
from time import perf_counter

import duckdb
import pyarrow as pa

from disclosure.measures import vocabulary
from disclosure.model import ColumnKind
from reconcile.catalog import SEVERITIES, Catalog, Rule, load_catalog
from reconcile.inputs import Inputs, load_arrow, load_warehouse
from reconcile.measure_sums import by_stage
from warehouse.connection import in_memory, sql_literal
from warehouse.ledger import now
from warehouse.relations import RECONCILIATION_DOCUMENTS, RECONCILIATION_FINDINGS
from warehouse.settings import WarehouseSettings

# What a rule's query returns, in this order (the engine adds everything else).
RULE_COLUMNS = ("doc_id", "table_no", "row_no", "column_no", "expected", "actual", "detail")


@cache
def _sql(name: str) -> str:
    return resources.files("reconcile").joinpath("sql", f"{name}.sql").read_text("utf-8")


@dataclass(frozen=True)
class RuleStatus:
    """How a rule fared over the documents of one evaluation."""

    rule: Rule
    evaluated: int  # units (documents, or document tables for scope `each`) checked
    not_evaluated: int  # units where a table the rule reads was missing or unusable
    findings: int
    seconds: float
    not_evaluated_for: tuple[str, ...] = ()  # 'year/unit_code' or 'year/unit_code/table_code'
    not_evaluated_why: tuple[str, ...] = ()  # the reason for each of not_evaluated_for

    @property
    def reasons(self) -> dict[str, int]:
        """Each distinct reason it was not evaluated, with how many units it held for."""
        counted: dict[str, int] = {}
        for why in self.not_evaluated_why:
            counted[why] = counted.get(why, 0) + 1
        return counted

    @property
    def status(self) -> str:
        return "evaluated" if self.evaluated else "not_evaluated"


@dataclass(frozen=True)
class Evaluation:
    findings: pa.Table  # RECONCILIATION_FINDINGS.schema
    statuses: tuple[RuleStatus, ...]
    documents: int  # documents checked
    seconds: float
    years: tuple[int, ...] = field(default=())
    # One row per document checked (RECONCILIATION_DOCUMENTS.schema): rules evaluated, not, why.
    documents_status: pa.Table = field(
        default_factory=lambda: RECONCILIATION_DOCUMENTS.schema.empty_table()
    )

    def counts(self) -> dict[str, int]:
        severities = self.findings.column("severity").to_pylist()
        return {s: severities.count(s) for s in SEVERITIES}


def evaluate(
    inputs: Inputs, catalog: Catalog | None = None, *, checked_at: datetime | None = None
) -> Evaluation:
    """Run every rule of the catalog (by default, that of the template the documents follow)
    over the in-run documents of `inputs` (in memory)."""
    catalog = catalog or load_catalog(_template_of(inputs))
    con = in_memory()
    try:
        started = perf_counter()
        load_arrow(con, inputs)
        _prepare(con, catalog)
        evaluation = _check(con, catalog, checked_at)
        return replace(evaluation, seconds=perf_counter() - started)
    finally:
        con.close()


def _template_of(inputs: Inputs) -> str:
    templates = {t for t in inputs.documents.column("template").to_pylist() if t}
    if len(templates) != 1:
        raise ValueError(
            f"documents of {len(templates)} templates ({sorted(templates)}): name the catalog"
        )
    return templates.pop()


def evaluate_warehouse(
    settings: WarehouseSettings,
    years: Sequence[int],
    catalog: Catalog,
    *,
    checked_at: datetime | None = None,
) -> Evaluation:
    """Run every rule of the catalog over the warehouse's current documents of `years` that
    follow its template."""
    con = in_memory()
    try:
        started = perf_counter()
        load_warehouse(con, settings, years, catalog)
        _prepare(con, catalog)
        evaluation = _check(con, catalog, checked_at)
        return replace(evaluation, seconds=perf_counter() - started)
    finally:
        con.close()


def _prepare(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    """The relations the rules read (rules/inputs.sql), built from `cells`, `tables` and
    `documents`, and the catalog's template and rules as tables."""
    _register_template(con, catalog)
    _register_row_sums(con, catalog)
    con.execute(_sql("inputs"))
    _register_measure_sums(con, catalog)
    _register_rules(con, catalog)
    con.execute(_sql("rule_units"))


def _check(
    con: duckdb.DuckDBPyConnection, catalog: Catalog, checked_at: datetime | None
) -> Evaluation:
    started = perf_counter()
    con.execute(
        """
        CREATE TEMP TABLE raw_findings (
            rule_id VARCHAR, doc_id INTEGER, table_no INTEGER, table_code VARCHAR, row_no INTEGER,
            column_no INTEGER, expected DECIMAL(18, 6), actual DECIMAL(18, 6), detail VARCHAR
        )
        """
    )
    timings = {rule.id: _run_rule(con, rule) for rule in catalog.rules}
    statuses = _statuses(con, catalog, timings)
    checked_at = checked_at or now()
    findings = _findings(con, checked_at)
    documents_status = _documents_status(con, checked_at)
    ((documents,),) = con.execute("SELECT count(*) FROM documents WHERE in_run").fetchall()
    years = tuple(
        y
        for (y,) in con.execute(
            "SELECT DISTINCT year FROM documents WHERE in_run ORDER BY year"
        ).fetchall()
    )
    return Evaluation(
        findings=findings,
        statuses=tuple(statuses),
        documents=documents,
        seconds=perf_counter() - started,
        years=years,
        documents_status=documents_status,
    )


def _register_template(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    """The template the rules check against: its tables and their non-text columns."""
    template = catalog.template
    con.execute(f"CREATE TEMP MACRO template_name() AS {sql_literal(template.name)}")
    _create_table(
        con,
        "template_tables",
        {
            "table_code": [t.code for t in template.tables],
            "title": [t.title for t in template.tables],
            "standard_table": [t.standard_table for t in template.tables],
        },
    )
    # A table is usable when it prints every amount column: codes, names and free text are
    # read through the rows (row_kind, subject_code, row_label), not by column.
    columns = [
        (t.code, path)
        for t in template.tables
        for path in t.column_paths
        if t.kind(path) is ColumnKind.AMOUNT
    ]
    _create_table(
        con,
        "template_columns",
        {"table_code": [c for c, _ in columns], "column_path": [p for _, p in columns]},
    )
    _create_table(con, "expected_tables", {"table_key": list(catalog.expected_tables)})


def _register_row_sums(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    rows = [
        (rule.id, s.table_code, i, s.total, part, s.detail)
        for rule in catalog.rules
        for i, s in enumerate(rule.sums)
        for part in s.parts
    ]
    names = ("rule_id", "table_code", "identity_no", "total_path", "part_path", "detail")
    _create_table(
        con, "row_sum_parts", {name: [r[i] for r in rows] for i, name in enumerate(names)}
    )


def _register_measure_sums(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    """Where each rule's measure identities (`measures:`) hold in this evaluation: per table
    read by its header's meaning, the columns of the total and of its parts as printed there
    (`reconcile.measure_sums`), as `measure_sum_parts` (rule_id, doc_id, table_no,
    identity_no, total_measure, part_measure, detail)."""
    rules = [r for r in catalog.rules if r.measure_sums]
    printed: dict[tuple[int, int], dict[str, int]] = {}
    if rules:
        for doc_id, table_no, measure, columns in con.execute(
            """
            SELECT doc_id, table_no, measure, count(DISTINCT column_no)
            FROM amount_cells
            WHERE column_path IS NULL AND measure IS NOT NULL
            GROUP BY ALL
            """
        ).fetchall():
            printed.setdefault((doc_id, table_no), {})[measure] = columns
    stages = vocabulary().qualifiers
    rows = [
        (rule.id, doc_id, table_no, n, found.total, part, found.detail)
        for rule in rules
        for (doc_id, table_no), measures in printed.items()
        for n, found in enumerate(by_stage(rule.measure_sums, measures, stages))
        for part in found.parts
    ]
    names = (
        "rule_id", "doc_id", "table_no", "identity_no", "total_measure", "part_measure", "detail"
    )  # fmt: skip
    _create_table(
        con, "measure_sum_parts", {name: [r[i] for r in rows] for i, name in enumerate(names)}
    )


def _create_table(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, list]) -> None:
    types = {
        "identity_no": pa.int32(),
        "identity": pa.bool_(),
        "own": pa.bool_(),
        "doc_id": pa.int32(),
        "table_no": pa.int32(),
    }
    data = pa.table({k: pa.array(v, types.get(k, pa.string())) for k, v in columns.items()})
    con.register(f"{name}_in", data)
    con.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM {name}_in")
    con.unregister(f"{name}_in")


def _register_rules(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    rules = catalog.rules
    _create_table(
        con,
        "rule_meta",
        {
            "rule_id": [r.id for r in rules],
            "family": [r.family for r in rules],
            "severity": [r.severity for r in rules],
            "scope": [r.scope for r in rules],
            "compares": [r.compares for r in rules],
            "description_zh": [r.description_zh for r in rules],
            # An identity's message ends with the printed and the expected amount; an
            # across-year observation's detail already says both years' amounts.
            "identity": [r.compares == "same_year" for r in rules],
            "own": [r.own for r in rules],
            "kind": [r.kind for r in rules],
        },
    )
    pairs = [(r.id, key) for r in rules for key in r.tables]
    _create_table(
        con,
        "rule_tables",
        {"rule_id": [r for r, _ in pairs], "table_key": [k for _, k in pairs]},
    )


def _run_rule(con: duckdb.DuckDBPyConnection, rule: Rule) -> float:
    """Run one rule's query, keeping its violations where it was evaluable; its seconds."""
    started = perf_counter()
    keep = "s.doc_id = f.doc_id"
    if rule.scope == "each":
        keep += " AND s.table_no = f.table_no"
    source = f"({rule.sql})"
    returned = {row[0] for row in con.execute(f"DESCRIBE {rule.sql}").fetchall()}
    if "table_no" not in returned:
        # A format's own rule may name the table by its code: the document's table of it.
        source = f"""(
            SELECT r.*, (
                SELECT min(k.table_no) FROM table_keys AS k
                WHERE k.doc_id = r.doc_id AND k.table_key = 'code:' || r.table_code
            ) AS table_no
            FROM ({rule.sql}) AS r
        )"""
    columns = ", ".join(f"f.{c}" for c in RULE_COLUMNS)
    # A finding that names a table printed nowhere (a missing table) says which by its code.
    named = "f.table_code" if "table_code" in returned else "NULL"
    con.execute(
        f"""
        INSERT INTO raw_findings (
            rule_id, doc_id, table_no, row_no, column_no, expected, actual, detail, table_code
        )
        SELECT '{rule.id}', {columns}, {named}
        FROM {source} AS f
        SEMI JOIN (
            SELECT doc_id, table_no FROM rule_units WHERE rule_id = '{rule.id}' AND evaluable
        ) AS s ON {keep}
        """
    ).fetchall()
    return perf_counter() - started


def _statuses(
    con: duckdb.DuckDBPyConnection, catalog: Catalog, seconds: Mapping[str, float]
) -> list[RuleStatus]:
    """Per rule: units evaluated, units not (and which), findings."""
    rows = con.execute(
        """
        WITH found AS (SELECT rule_id, count(*) AS n FROM raw_findings GROUP BY rule_id)
        SELECT
            u.rule_id,
            count(*) FILTER (WHERE u.evaluable),
            count(*) FILTER (WHERE NOT u.evaluable),
            coalesce(list(u.label ORDER BY u.label) FILTER (WHERE NOT u.evaluable), []),
            coalesce(list(u.reason ORDER BY u.label) FILTER (WHERE NOT u.evaluable), []),
            any_value(coalesce(f.n, 0))
        FROM rule_units u LEFT JOIN found f ON f.rule_id = u.rule_id
        GROUP BY u.rule_id
        """
    ).fetchall()
    counted = {r[0]: r[1:] for r in rows}
    statuses = []
    for rule in catalog.rules:
        evaluated, not_evaluated, missing, why, found = counted.get(rule.id, (0, 0, [], [], 0))
        statuses.append(
            RuleStatus(
                rule=rule,
                evaluated=evaluated,
                not_evaluated=not_evaluated,
                findings=found,
                seconds=seconds[rule.id],
                not_evaluated_for=tuple(missing),
                not_evaluated_why=tuple(why),
            )
        )
    return statuses


def _documents_status(con: duckdb.DuckDBPyConnection, checked_at: datetime) -> pa.Table:
    """Per document checked: the rules that apply, those evaluated for all of it, those not
    evaluated for some or all of it (a per-table rule counts as not evaluated when any of its
    tables could not be checked), and why (`rule_id [table]: reason`)."""
    table = con.sql(_sql("documents_status"), params={"checked_at": checked_at}).to_arrow_table()
    return table.cast(RECONCILIATION_DOCUMENTS.schema)


def _findings(con: duckdb.DuckDBPyConnection, checked_at: datetime) -> pa.Table:
    table = con.sql(_sql("findings"), params={"checked_at": checked_at}).to_arrow_table()
    return table.cast(RECONCILIATION_FINDINGS.schema)
