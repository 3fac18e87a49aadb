"""Reconciliation: the accounting identities that tie a disclosure's tables together, in SQL.

The rules are data: `warehouse/rules/<family>/<rule_id>.sql`, each a header of `-- key: value`
lines (id, severity, tables, scope, description_zh, description_en, and for within-row rules the
`sums:` they check) followed by one DuckDB query that returns the violations. The engine here
knows no rule: it loads the catalog, builds the relations the rules read (`rules/inputs.sql`) over
the cells of the documents under check, runs each rule's query once for all of them, and keeps a
violation only where the rule could be evaluated.

A rule is *evaluated* for a document (or, with `scope: each`, for a document's table) when every
table it reads is usable there: printed once, and either declared empty or carrying every column
of the template. Otherwise it is *not evaluated* — counted as such, never as passed.

Everything is exact: amounts are DECIMAL(18,2) in DuckDB and Decimal in Python.

    evaluation = evaluate_warehouse(settings, [2024])   # the current documents of a data dir
    evaluation = evaluate(disclosures_to_inputs(pairs))  # extracted disclosures, in memory
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from time import monotonic, perf_counter, sleep

import duckdb
import pyarrow as pa

from disclosure.columns import column_kind
from disclosure.headers import HeaderNode
from disclosure.model import ColumnKind, Disclosure
from disclosure.template import Template, load_template
from disclosure.text import squeeze
from warehouse.catalog import open_reader
from warehouse.ledger import now
from warehouse.relations import (
    CELLS_SCHEMA,
    TABLES_SCHEMA,
    disclosure_to_cells,
    disclosure_to_tables,
)
from warehouse.settings import WarehouseSettings

FAMILIES = (
    "within_row",
    "between_rows",
    "balance",
    "across_tables",
    "completeness",
    "across_years",
)
SEVERITIES = ("error", "warning", "info")
SCOPES = ("each", "together", "document")
COMPARES = ("same_year", "previous_year")

AMOUNT = pa.decimal128(18, 2)

# What a rule's query returns, in this order (the engine adds everything else).
RULE_COLUMNS = ("doc_id", "table_code", "row_no", "column_no", "expected", "actual", "detail")

FINDING_SCHEMA = pa.schema(
    [
        ("checked_at", pa.timestamp("us")),
        ("year", pa.int32()),
        ("unit_code", pa.string()),
        ("unit_name", pa.string()),
        ("doc_id", pa.string()),
        ("rule_id", pa.string()),
        ("family", pa.string()),
        ("severity", pa.string()),
        ("table_code", pa.string()),
        ("row_no", pa.int32()),
        ("column_no", pa.int32()),
        ("row_label", pa.string()),
        ("subject_code", pa.string()),
        ("entity_code", pa.string()),
        ("column_path", pa.string()),
        ("expected", AMOUNT),
        ("actual", AMOUNT),
        ("difference", AMOUNT),  # actual - expected
        ("message", pa.string()),
        ("page_no", pa.int32()),
        ("bbox_x0", pa.float64()),
        ("bbox_top", pa.float64()),
        ("bbox_x1", pa.float64()),
        ("bbox_bottom", pa.float64()),
    ]
)

DOCUMENTS_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("year", pa.int32()),
        ("unit_code", pa.string()),
        ("unit_name", pa.string()),
        ("template", pa.string()),
        ("in_run", pa.bool_()),  # False: context only (the previous year, for across-year rules)
    ]
)

# budget_cells as the rules read it: the Parquet columns plus the two partition keys.
INPUT_CELLS_SCHEMA = pa.schema([*CELLS_SCHEMA, ("year", pa.int32()), ("unit_code", pa.string())])

_HEADER_LINE = re.compile(r"^--\s?(\w+):\s*(.*)$")
_CONTINUATION = re.compile(r"^--\s{2,}(\S.*)$")
_TABLE_CODE = re.compile(r"^\d{2}$")
_SUBTOTAL = re.compile(r"(小计|合计|总计)$")
_LOCK_RETRY_S = 0.1


class CatalogError(ValueError):
    """A rule file that does not say what it checks in the expected form."""


# ---------------------------------------------------------------------------------------------
# The catalog


@dataclass(frozen=True)
class RowSum:
    """One within-row identity: the `total` column equals the sum of the `parts` columns."""

    table_code: str
    total: str
    parts: tuple[str, ...]

    @property
    def detail(self) -> str:
        return f"{self.total} = {' + '.join(self.parts)}"


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    severity: str
    tables: tuple[str, ...]
    description_zh: str
    description_en: str
    sql: str
    scope: str = "together"  # each | together | document
    compares: str = "same_year"  # same_year | previous_year
    sums: tuple[RowSum, ...] = ()


@dataclass(frozen=True)
class Catalog:
    template: Template
    inputs_sql: str
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    @property
    def previous_year_tables(self) -> tuple[str, ...]:
        codes = {c for r in self.rules if r.compares == "previous_year" for c in r.tables}
        return tuple(sorted(codes))


def _rules_root() -> Traversable:
    return resources.files("warehouse").joinpath("rules")


@cache
def load_catalog(template_name: str = "hunan") -> Catalog:
    """Every rule under warehouse/rules/<family>/, in family then id order."""
    template = load_template(template_name)
    root = _rules_root()
    rules = []
    for family in FAMILIES:
        folder = root.joinpath(family)
        files = sorted(
            (f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name
        )
        for file in files:
            rules.append(parse_rule(file.read_text("utf-8"), family, file.name, template))
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CatalogError(f"rule ids used twice: {duplicates}")
    return Catalog(template, root.joinpath("inputs.sql").read_text("utf-8"), tuple(rules))


def parse_rule(text: str, family: str, file_name: str, template: Template) -> Rule:
    """A rule from its file: the leading `-- key: value` lines, then the query."""
    header: dict[str, list[str]] = {}
    lines = text.splitlines()
    last_key = None
    body_start = len(lines)
    for i, line in enumerate(lines):
        match = _HEADER_LINE.match(line)
        continuation = _CONTINUATION.match(line)
        if match:
            last_key = match.group(1)
            header.setdefault(last_key, []).append(match.group(2).strip())
        elif continuation and last_key:
            header[last_key][-1] = f"{header[last_key][-1]} {continuation.group(1).strip()}"
        elif line.startswith("--") or not line.strip():
            last_key = None if not line.strip() else last_key
        else:
            body_start = i
            break
    where = f"{family}/{file_name}"

    def one(key: str, default: str | None = None) -> str:
        values = header.get(key)
        if not values:
            if default is None:
                raise CatalogError(f"{where}: no `-- {key}:` line")
            return default
        if len(values) > 1:
            raise CatalogError(f"{where}: `-- {key}:` given {len(values)} times")
        return values[0]

    rule_id = one("id")
    if f"{rule_id}.sql" != file_name:
        raise CatalogError(f"{where}: id {rule_id!r} is not the file's name")
    severity = one("severity")
    if severity not in SEVERITIES:
        raise CatalogError(f"{where}: severity {severity!r} is not one of {SEVERITIES}")
    tables = _table_codes(one("tables"), where)
    known = {t.code for t in template.tables}
    for code in tables:
        if not _TABLE_CODE.match(code) or code not in known:
            raise CatalogError(f"{where}: {code!r} is not a table of template {template.name}")
    scope = one("scope", "together")
    if scope not in SCOPES:
        raise CatalogError(f"{where}: scope {scope!r} is not one of {SCOPES}")
    compares = one("compares", "same_year")
    if compares not in COMPARES:
        raise CatalogError(f"{where}: compares {compares!r} is not one of {COMPARES}")
    sql = "\n".join(lines[body_start:]).strip().rstrip(";").strip()
    if not sql:
        raise CatalogError(f"{where}: no query after the header")
    sums = tuple(
        s for line in header.get("sums", []) for s in _parse_sums(line, tables, template, where)
    )
    return Rule(
        id=rule_id,
        family=family,
        severity=severity,
        tables=tables,
        description_zh=one("description_zh"),
        description_en=one("description_en"),
        sql=sql,
        scope=scope,
        compares=compares,
        sums=sums,
    )


def _table_codes(text: str, where: str) -> tuple[str, ...]:
    """`02, 03, 07` or a range `01-23`."""
    codes: list[str] = []
    for item in (t for t in re.split(r"[,\s]+", text) if t):
        bounds = item.split("-")
        if len(bounds) == 2 and all(_TABLE_CODE.match(b) for b in bounds):
            codes += [f"{n:02d}" for n in range(int(bounds[0]), int(bounds[1]) + 1)]
        elif _TABLE_CODE.match(item):
            codes.append(item)
        else:
            raise CatalogError(f"{where}: {item!r} is not a table code or a range of them")
    return tuple(dict.fromkeys(codes))


def _parse_sums(line: str, tables: Sequence[str], template: Template, where: str) -> list[RowSum]:
    """`header` (every subtotal of the header tree), or `TOTAL = PART + PART…` (`*` globs)."""
    if line == "header":
        return [s for code in tables for s in header_sums(code, template)]
    if "=" not in line:
        raise CatalogError(f"{where}: sums {line!r} is neither `header` nor `TOTAL = PARTS`")
    total, parts_text = (side.strip() for side in line.split("=", 1))
    sums = []
    for code in tables:
        paths = template.table(code).column_paths
        parts: list[str] = []
        for pattern in (p.strip() for p in parts_text.split("+")):
            if pattern.endswith("/*"):
                prefix = pattern[:-1]
                matched = [p for p in paths if p.startswith(prefix)]
            else:
                matched = [pattern] if pattern in paths else []
            if not matched:
                raise CatalogError(f"{where}: {pattern!r} names no column of table {code}")
            parts += matched
        if total not in paths:
            raise CatalogError(f"{where}: {total!r} is not a column of table {code}")
        sums.append(RowSum(code, total, tuple(parts)))
    return sums


def is_amount_column(path: str) -> bool:
    return column_kind(path) is ColumnKind.AMOUNT


def header_sums(code: str, template: Template) -> list[RowSum]:
    """The within-row identities a table's header tree states.

    Among the children of one header cell (or the top-level cells), a 小计/合计/总计 leaf is the
    sum of its siblings; a sibling that is itself a group counts by its own subtotal column when it
    has one, else by its leaves. Code, name and text columns count for nothing.
    """
    sums: list[RowSum] = []

    def path_of(prefix: tuple[str, ...], node: HeaderNode) -> tuple[str, ...]:
        text = squeeze(node.text)
        return (*prefix, text) if text else prefix

    def subtotal(siblings: Sequence[HeaderNode], prefix: tuple[str, ...]) -> HeaderNode | None:
        for node in siblings:
            path = "/".join(path_of(prefix, node))
            if (
                not node.children
                and _SUBTOTAL.search(squeeze(node.text))
                and is_amount_column(path)
            ):
                return node
        return None

    def carried_by(node: HeaderNode, prefix: tuple[str, ...]) -> list[str]:
        here = path_of(prefix, node)
        if not node.children:
            path = "/".join(here)
            return [path] if is_amount_column(path) else []
        own = subtotal(node.children, here)
        if own is not None:
            return ["/".join(path_of(here, own))]
        return [p for child in node.children for p in carried_by(child, here)]

    def walk(siblings: Sequence[HeaderNode], prefix: tuple[str, ...]) -> None:
        own = subtotal(siblings, prefix)
        if own is not None:
            parts = [p for s in siblings if s is not own for p in carried_by(s, prefix)]
            if parts:
                sums.append(RowSum(code, "/".join(path_of(prefix, own)), tuple(parts)))
        for node in siblings:
            if node.children:
                walk(node.children, path_of(prefix, node))

    walk(template.table(code).header, ())
    return sums


# ---------------------------------------------------------------------------------------------
# Inputs: the documents under check


@dataclass(frozen=True)
class Inputs:
    """The documents to check as Arrow tables, for checking without a data directory:
    `cells` (INPUT_CELLS_SCHEMA), `tables` (budget_tables rows), `documents` (DOCUMENTS_SCHEMA)."""

    cells: pa.Table
    tables: pa.Table
    documents: pa.Table


def disclosures_to_inputs(
    disclosures: Sequence[tuple[str, Disclosure]], *, in_run: bool = True
) -> Inputs:
    """Inputs from extracted disclosures keyed by doc_id, built by the warehouse's own row
    builders (`warehouse.relations`: exactly the rows a load writes)."""
    cells, tables, documents = [], [], []
    for doc_id, disclosure in disclosures:
        rows = disclosure_to_cells(disclosure, doc_id)
        n = rows.num_rows
        rows = rows.append_column("year", pa.array([disclosure.year] * n, pa.int32()))
        rows = rows.append_column("unit_code", pa.array([disclosure.unit_code] * n, pa.string()))
        cells.append(rows)
        tables.append(disclosure_to_tables(disclosure, doc_id))
        documents.append(
            {
                "doc_id": doc_id,
                "year": disclosure.year,
                "unit_code": disclosure.unit_code,
                "unit_name": disclosure.unit_name,
                "template": disclosure.template,
                "in_run": in_run,
            }
        )
    return Inputs(
        cells=pa.concat_tables(cells) if cells else INPUT_CELLS_SCHEMA.empty_table(),
        tables=pa.concat_tables(tables) if tables else TABLES_SCHEMA.empty_table(),
        documents=pa.Table.from_pylist(documents, schema=DOCUMENTS_SCHEMA),
    )


def warehouse_years(settings: WarehouseSettings) -> dict[int, int]:
    """Current (loaded) documents per budget year, oldest year first."""
    con = open_reader(settings)
    if con is None:
        return {}
    try:
        rows = con.execute(
            """
            SELECT year, count(*) FROM disclosures
            WHERE status = 'loaded' AND year IS NOT NULL
            GROUP BY year ORDER BY year
            """
        ).fetchall()
    finally:
        con.close()
    return dict(rows)


def year_batches(documents_per_year: Mapping[int, int], limit: int) -> list[tuple[int, ...]]:
    """Consecutive years grouped so that a batch holds at most `limit` documents (a year with
    more is a batch of its own): one evaluation per batch bounds memory, while few batches keep
    the per-evaluation set-up cost small."""
    batches: list[list[int]] = []
    held = 0
    for year in sorted(documents_per_year):
        count = documents_per_year[year]
        if batches and held + count <= limit and batches[-1][-1] == year - 1:
            batches[-1].append(year)
            held += count
        else:
            batches.append([year])
            held = count
    return [tuple(b) for b in batches]


# Inside an evaluation a document is a small integer key (`doc_id`), not its 64-character
# sha256 (`doc_sha`): every rule joins on it, and integer joins are several times faster.
_DOCUMENT_COLUMNS = "doc_id, doc_sha, year, unit_code, unit_name, template, in_run"
# Cells as the rules read them: free-text columns dropped, the text of amount cells too (their
# amount is what counts) — that is most of the bytes.
_CELL_COLUMNS = (
    "d.doc_id, c.year, c.unit_code, c.table_no, c.table_code, c.row_no, c.column_no, "
    "c.column_path, c.column_kind, c.row_label, c.row_kind, c.subject_code, c.entity_code, "
    "CASE WHEN c.column_kind = 'amount' THEN NULL ELSE c.text END AS text, c.amount, "
    "c.page_no, c.bbox_x0, c.bbox_top, c.bbox_x1, c.bbox_bottom"
)


def _load_arrow(con: duckdb.DuckDBPyConnection, inputs: Inputs) -> None:
    con.register("documents_in", inputs.documents)
    con.register("tables_in", inputs.tables)
    con.register("cells_in", inputs.cells)
    try:
        con.execute(
            f"""
            CREATE TEMP TABLE documents AS
            SELECT row_number() OVER (ORDER BY year, unit_code, doc_id)::INTEGER AS doc_id,
                doc_id AS doc_sha, year, unit_code, unit_name, template, in_run
            FROM documents_in;
            CREATE TEMP TABLE tables AS
            SELECT d.doc_id, t.* EXCLUDE (doc_id)
            FROM tables_in t JOIN documents d ON d.doc_sha = t.doc_id;
            CREATE TEMP TABLE cells AS
            SELECT {_CELL_COLUMNS}
            FROM cells_in c JOIN documents d ON d.doc_sha = c.doc_id
            WHERE c.column_kind IS DISTINCT FROM 'text';
            """
        )
    finally:
        for name in ("documents_in", "tables_in", "cells_in"):
            con.unregister(name)


def _load_warehouse(
    con: duckdb.DuckDBPyConnection,
    settings: WarehouseSettings,
    years: Sequence[int],
    catalog: Catalog,
) -> None:
    """The current documents of `years`, and of the year before each (not in `years`) as
    context for the across-year rules — only the tables those rules read.

    Read through one read-only attachment, detached before the rules run: DuckDB lets no load
    commit while it is attached, so the ledger, tables and cells read belong together.
    """
    if not settings.database.exists():
        raise FileNotFoundError(f"{settings.database}: no warehouse here (run an ingest first)")
    context_tables = list(catalog.previous_year_tables)
    context_years = sorted({y - 1 for y in years} - set(years)) if context_tables else []
    all_years = sorted({int(y) for y in (*years, *context_years)})
    _attach_read_only(con, settings)
    try:
        con.execute(
            """
            CREATE TEMP TABLE documents AS
            SELECT row_number() OVER (ORDER BY year, unit_code, doc_id)::INTEGER AS doc_id,
                doc_id AS doc_sha, year, unit_code, unit_name, template,
                list_contains($years, year) AS in_run
            FROM wh.disclosures
            WHERE status = 'loaded' AND list_contains($all_years, year)
            """,
            {"years": [int(y) for y in years], "all_years": all_years},
        )
        con.execute(
            """
            CREATE TEMP TABLE tables AS
            SELECT d.doc_id, t.* EXCLUDE (doc_id)
            FROM wh.budget_tables t JOIN documents d ON d.doc_sha = t.doc_id
            """
        )
        con.execute(
            f"""
            CREATE TEMP TABLE cells AS
            SELECT {_CELL_COLUMNS}
            FROM wh.budget_cells c JOIN documents d ON d.doc_sha = c.doc_id
            WHERE list_contains($all_years, c.year)  -- prunes other years' partitions
              AND c.column_kind IS DISTINCT FROM 'text'
              AND (d.in_run OR list_contains($context_tables, c.table_code))
            """,
            {"all_years": all_years, "context_tables": context_tables},
        )
    finally:
        con.execute("DETACH wh")


def _attach_read_only(con: duckdb.DuckDBPyConnection, settings: WarehouseSettings) -> None:
    """Attach warehouse.duckdb as `wh`. While a load writes, DuckDB refuses any other process
    at once: wait for it, as `warehouse.catalog.open_reader` does, up to `lock_timeout_s`."""
    deadline = monotonic() + settings.lock_timeout_s
    while True:
        try:
            con.execute(f"ATTACH '{_sql_text(str(settings.database))}' AS wh (READ_ONLY)")
            return
        except duckdb.IOException as error:
            if "Could not set lock" not in str(error) or monotonic() >= deadline:
                raise
            sleep(_LOCK_RETRY_S)


def _sql_text(text: str) -> str:
    return text.replace("'", "''")


# ---------------------------------------------------------------------------------------------
# Evaluation


@dataclass(frozen=True)
class RuleStatus:
    """How a rule fared over the documents of one evaluation."""

    rule: Rule
    evaluated: int  # units (documents, or document tables for scope `each`) checked
    not_evaluated: int  # units where a table the rule reads was missing or unusable
    findings: int
    seconds: float
    not_evaluated_for: tuple[str, ...] = ()  # 'year/unit_code' or 'year/unit_code/table_code'

    @property
    def status(self) -> str:
        return "evaluated" if self.evaluated else "not_evaluated"


@dataclass(frozen=True)
class Evaluation:
    findings: pa.Table  # FINDING_SCHEMA
    statuses: tuple[RuleStatus, ...]
    documents: int  # documents checked
    seconds: float
    years: tuple[int, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        severities = self.findings.column("severity").to_pylist()
        return {s: severities.count(s) for s in SEVERITIES}


def evaluate(
    inputs: Inputs, catalog: Catalog | None = None, *, checked_at: datetime | None = None
) -> Evaluation:
    """Run every rule of the catalog over the in-run documents of `inputs` (in memory)."""
    catalog = catalog or load_catalog()
    con = _connect()
    try:
        started = perf_counter()
        _load_arrow(con, inputs)
        _prepare(con, catalog)
        evaluation = _check(con, catalog, checked_at)
        return replace(evaluation, seconds=perf_counter() - started)
    finally:
        con.close()


def evaluate_warehouse(
    settings: WarehouseSettings,
    years: Sequence[int],
    catalog: Catalog | None = None,
    *,
    checked_at: datetime | None = None,
) -> Evaluation:
    """Run every rule of the catalog over the warehouse's current documents of `years`."""
    catalog = catalog or load_catalog()
    con = _connect()
    try:
        started = perf_counter()
        _load_warehouse(con, settings, years, catalog)
        _prepare(con, catalog)
        evaluation = _check(con, catalog, checked_at)
        return replace(evaluation, seconds=perf_counter() - started)
    finally:
        con.close()


def _connect() -> duckdb.DuckDBPyConnection:
    # No progress bar: a run's output goes to flow logs, not to a terminal.
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    return con


def _prepare(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    """The relations the rules read (rules/inputs.sql), built from `cells`, `tables` and
    `documents`, and the catalog's template and rules as tables."""
    _register_template(con, catalog)
    _register_row_sums(con, catalog)
    con.execute(catalog.inputs_sql)
    _register_rules(con, catalog)
    con.execute(RULE_UNITS_SQL)


def _check(
    con: duckdb.DuckDBPyConnection, catalog: Catalog, checked_at: datetime | None
) -> Evaluation:
    started = perf_counter()
    con.execute(
        """
        CREATE TEMP TABLE raw_findings (
            rule_id VARCHAR, doc_id INTEGER, table_code VARCHAR, row_no INTEGER,
            column_no INTEGER, expected DECIMAL(18, 2), actual DECIMAL(18, 2), detail VARCHAR
        )
        """
    )
    timings = {rule.id: _run_rule(con, rule) for rule in catalog.rules}
    statuses = _statuses(con, catalog, timings)
    findings = _findings(con, checked_at or now())
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
    )


def _register_template(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    """The template the rules check against: its tables and their non-text columns."""
    template = catalog.template
    con.execute(f"CREATE TEMP MACRO template_name() AS '{_sql_text(template.name)}'")
    _create_table(
        con,
        "template_tables",
        {
            "table_code": [t.code for t in template.tables],
            "title": [t.title for t in template.tables],
        },
    )
    # Free-text columns are left out of `cells`: a table is usable without them.
    columns = [
        (t.code, path)
        for t in template.tables
        for path in t.column_paths
        if column_kind(path) is not ColumnKind.TEXT
    ]
    _create_table(
        con,
        "template_columns",
        {"table_code": [c for c, _ in columns], "column_path": [p for _, p in columns]},
    )


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


def _create_table(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, list]) -> None:
    types = {"identity_no": pa.int32(), "identity": pa.bool_()}
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
        },
    )
    pairs = [(r.id, code) for r in rules for code in r.tables]
    _create_table(
        con,
        "rule_tables",
        {"rule_id": [r for r, _ in pairs], "table_code": [c for _, c in pairs]},
    )


# Every unit each rule applies to in this evaluation — a document, or a document's table for
# `scope: each` — and whether the rule can be evaluated there: the document follows the
# catalog's template, and every table the rule reads is usable in it (and, for a comparison with
# the previous year, in the same unit's document of that year).
RULE_UNITS_SQL = """
CREATE OR REPLACE TEMP TABLE rule_units AS
WITH
applies AS (
    SELECT r.rule_id, r.scope, r.compares, d.doc_id, d.year, d.unit_code, d.template,
        t.table_code
    FROM rule_meta r
    JOIN documents d ON d.in_run
    LEFT JOIN rule_tables t ON t.rule_id = r.rule_id AND r.scope = 'each'
),
needed AS (SELECT rule_id, count(*) AS tables FROM rule_tables GROUP BY rule_id),
complete AS (  -- (rule, document) where every table the rule reads is usable
    SELECT t.rule_id, u.doc_id
    FROM rule_tables t
    JOIN usable_tables u ON u.table_code = t.table_code
    JOIN needed n ON n.rule_id = t.rule_id
    GROUP BY t.rule_id, u.doc_id, n.tables
    HAVING count(*) = n.tables
),
judged AS (
    SELECT
        a.*,
        a.template IS NOT DISTINCT FROM template_name() AND CASE a.scope
            WHEN 'document' THEN true
            WHEN 'each' THEN EXISTS (
                SELECT 1 FROM usable_tables u
                WHERE u.doc_id = a.doc_id AND u.table_code = a.table_code
            )
            ELSE EXISTS (
                SELECT 1 FROM complete c WHERE c.rule_id = a.rule_id AND c.doc_id = a.doc_id
            )
        END AS usable,
        a.compares <> 'previous_year' OR EXISTS (
            SELECT 1 FROM documents p JOIN complete c ON c.doc_id = p.doc_id
            WHERE c.rule_id = a.rule_id AND p.unit_code = a.unit_code AND p.year = a.year - 1
        ) AS compared
    FROM applies a
)
SELECT
    rule_id, doc_id, table_code,
    year || '/' || unit_code || coalesce('/' || table_code, '') AS label,
    usable AND compared AS evaluable
FROM judged
"""


def _run_rule(con: duckdb.DuckDBPyConnection, rule: Rule) -> float:
    """Run one rule's query, keeping its violations where it was evaluable; its seconds."""
    started = perf_counter()
    keep = "s.doc_id = f.doc_id"
    if rule.scope == "each":
        keep += " AND s.table_code = f.table_code"
    columns = ", ".join(f"f.{c}" for c in RULE_COLUMNS)
    con.execute(
        f"""
        INSERT INTO raw_findings
        SELECT '{rule.id}', {columns}
        FROM ({rule.sql}) AS f
        SEMI JOIN (
            SELECT doc_id, table_code FROM rule_units WHERE rule_id = '{rule.id}' AND evaluable
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
            any_value(coalesce(f.n, 0))
        FROM rule_units u LEFT JOIN found f ON f.rule_id = u.rule_id
        GROUP BY u.rule_id
        """
    ).fetchall()
    counted = {r[0]: r[1:] for r in rows}
    statuses = []
    for rule in catalog.rules:
        evaluated, not_evaluated, missing, found = counted.get(rule.id, (0, 0, [], 0))
        statuses.append(
            RuleStatus(
                rule=rule,
                evaluated=evaluated,
                not_evaluated=not_evaluated,
                findings=found,
                seconds=seconds[rule.id],
                not_evaluated_for=tuple(missing),
            )
        )
    return statuses


def _findings(con: duckdb.DuckDBPyConnection, checked_at: datetime) -> pa.Table:
    table = con.sql(
        """
        SELECT
            CAST($checked_at AS TIMESTAMP) AS checked_at,
            d.year, d.unit_code, d.unit_name, d.doc_sha AS doc_id, f.rule_id, m.family,
            m.severity,
            f.table_code, f.row_no, f.column_no,
            c.row_label, c.subject_code, c.entity_code, c.column_path,
            f.expected, f.actual,
            CAST(f.actual - f.expected AS DECIMAL(18, 2)) AS difference,
            coalesce(f.detail, m.description_zh)
                || CASE WHEN NOT m.identity OR (f.expected IS NULL AND f.actual IS NULL) THEN ''
                        ELSE format('：印 {}，应为 {}，差 {}', f.actual::VARCHAR,
                                    f.expected::VARCHAR,
                                    CAST(f.actual - f.expected AS DECIMAL(18, 2))::VARCHAR)
                   END AS message,
            c.page_no, c.bbox_x0, c.bbox_top, c.bbox_x1, c.bbox_bottom
        FROM raw_findings f
        JOIN rule_meta m ON m.rule_id = f.rule_id
        JOIN documents d ON d.doc_id = f.doc_id
        LEFT JOIN amount_cells c
            ON c.doc_id = f.doc_id AND c.table_code = f.table_code
            AND c.row_no = f.row_no AND c.column_no = f.column_no
        ORDER BY d.year, d.unit_code, f.table_code, f.row_no, f.column_no,
            CASE m.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.rule_id
        """,
        params={"checked_at": checked_at},
    ).to_arrow_table()
    return table.cast(FINDING_SCHEMA)
