"""The reconciliation rule catalog: the accounting identities a format's documents obey, as data.

Each identity is written once, as a file with a header of `-- key: value` lines (id, severity,
tables, scope, description_zh, description_en, and for within-row rules the `sums:` they check)
followed by one DuckDB query that returns the violations:

- `reconcile/rules/<family>/<rule_id>.sql`: the identities of the national standard model —
  standard tables (`tables: 支出总表, 收支总表`), measures, subject levels, row kinds, entities —
  that every format's documents obey. `tables: own` reads each of a format's own tables (the
  sums its header trees state, the columns its template names).
- `reconcile/rules/formats/<template>/<family>/<rule_id>.sql`: what exists in one format only (a
  cross-check between two tables that only Hunan prints), naming that format's table codes
  (`tables: 07, 08`). A rule with `for_each: NAME` is one identity checked several ways: the
  format's template lists them under `identities: NAME:` (each with its id, tables,
  descriptions and the values the query's `{{placeholders}}` take).

A template's catalog is the standard rules that read tables it prints, and its own rules
(`load_catalog`). A template says which rule families it evaluates (`rule_families`); a test keeps
that list equal to the families its catalog holds. The engine (`reconcile.evaluation`) knows no
rule; this module reads and checks them, and derives the within-row sums a template's header
trees state (`header_sums`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from disclosure.columns import column_kind
from disclosure.headers import HeaderNode
from disclosure.model import ColumnKind
from disclosure.template import NATIONAL, Template, load_template, template_names
from disclosure.text import squeeze
from reconcile.measure_sums import MeasureSum, parse_measure_sum

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
KINDS = ("预算", "决算")  # `kind:` a budget's identity, or a final account's
OWN_TABLES = "own"  # `tables: own`: every table of the format's own
# `tables: all`: every table a format names — its own, or every standard table
ALL_TABLES = "all"
FORMATS = "formats"  # reconcile/rules/formats/<template>/: a format's own rules

_HEADER_LINE = re.compile(r"^--\s?(\w+):\s*(.*)$")
_CONTINUATION = re.compile(r"^--\s{2,}(\S.*)$")
_TABLE_CODE = re.compile(r"^\d{2}$")
_SUBTOTAL = re.compile(r"(小计|合计|总计)$")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
# Standard tables whose amounts are by 功能分类 unless the title says otherwise: one printed by
# 经济分类 is its own key (see reconcile/sql/inputs.sql, `standard_key`).
_FUNCTION_CLASSIFIED = (
    "支出总表", "一般公共预算支出表", "政府性基金预算支出表", "国有资本经营预算支出表",
    "财政拨款支出表", "项目支出表", "收入总表",
)  # fmt: skip


class CatalogError(ValueError):
    """A rule file that does not say what it checks in the expected form."""


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
    tables: tuple[str, ...]  # table keys: `code:07` (a format's own) or `std:支出总表`
    description_zh: str
    description_en: str
    sql: str
    scope: str = "together"  # each | together | document
    compares: str = "same_year"  # same_year | previous_year
    sums: tuple[RowSum, ...] = ()
    own: bool = False  # a format's own rule: it checks documents of that format only
    # identities between the measures of a table read by its header's meaning (`measures:`)
    measure_sums: tuple[MeasureSum, ...] = ()
    kind: str | None = None  # 预算 | 决算: the documents it holds for (None: both)

    @property
    def table_names(self) -> tuple[str, ...]:
        """The tables it reads, as a person names them (`07`, `支出总表`)."""
        return tuple(key.split(":", 1)[1] for key in self.tables)


@dataclass(frozen=True)
class Catalog:
    template: Template
    rules: tuple[Rule, ...]

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    @property
    def families(self) -> set[str]:
        return {r.family for r in self.rules}

    @property
    def previous_year_tables(self) -> tuple[str, ...]:
        """The table keys the across-year rules read (of the year before, as context)."""
        keys = {k for r in self.rules if r.compares == "previous_year" for k in r.tables}
        return tuple(sorted(keys))

    @property
    def expected_tables(self) -> tuple[str, ...]:
        """The table keys a document of this format prints (or declares empty): its own
        tables, or the national template's expected standard tables."""
        if self.template.tables:
            return tuple(f"code:{t.code}" for t in self.template.tables)
        return tuple(f"std:{name}" for name in self.template.expected_tables)


def standard_key(standard_table: str, classification: str | None = None) -> str:
    if classification and standard_table in _FUNCTION_CLASSIFIED:
        return f"std:{standard_table}（经济分类）"
    return f"std:{standard_table}"


def _rules_root() -> Traversable:
    return resources.files("reconcile").joinpath("rules")


def _rule_files(root: Traversable) -> Iterable[tuple[str, Traversable]]:
    for family in FAMILIES:
        folder = root.joinpath(family)
        if not folder.is_dir():
            continue
        files = sorted(
            (f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name
        )
        for file in files:
            yield family, file


def _printed_keys(template: Template) -> Counter[str]:
    """How many of a format's own tables carry each table key (codes once each)."""
    keys: Counter[str] = Counter()
    for table in template.tables:
        keys[f"code:{table.code}"] += 1
        if table.standard_table:
            keys[standard_key(table.standard_table, table.classification)] += 1
    return keys


def _applies(rule: Rule, template: Template) -> bool:
    """Whether a standard rule can be evaluated for the format's documents: no table it reads
    is two of the format's own tables (a rule reading each table on its own reads them all).
    A standard table the format has no table of its own for is named by the national
    template's words when a document prints it."""
    if not rule.tables:
        return False
    if not template.tables:  # the national template names every standard table
        return all(key.startswith("std:") for key in rule.tables)
    if all(key.startswith("code:") for key in rule.tables):  # `own` / `all`: its own tables
        return True
    own = _printed_keys(template)
    return rule.scope == "each" or all(own[key] <= 1 for key in rule.tables)


@cache
def load_catalog(template_name: str) -> Catalog:
    """The rules a template's documents are checked by: the standard rules that read tables
    it prints, then its own (`reconcile/rules/formats/<template>/`), in family then id order."""
    return catalog_for(load_template(template_name), _rules_root().joinpath(FORMATS, template_name))


def catalog_for(template: Template, own: Traversable | None = None) -> Catalog:
    """The catalog of a template (one loaded from a file, too), its own rules under `own`."""
    rules = [
        rule
        for family, file in _rule_files(_rules_root())
        for rule in _standard_rules(file, family, template)
        if _applies(rule, template)
    ]
    if own is not None and own.is_dir():
        rules += [
            rule
            for family, file in _rule_files(own)
            for rule in _own_rules(file.read_text("utf-8"), family, file.name, template)
        ]
    rules.sort(key=lambda r: (FAMILIES.index(r.family), r.id))
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CatalogError(f"rule ids used twice: {duplicates}")
    return Catalog(template, tuple(rules))


def _standard_rules(file: Traversable, family: str, template: Template) -> list[Rule]:
    rule = parse_rule(file.read_text("utf-8"), family, file.name, template)
    return [rule]


def _own_rules(text: str, family: str, file_name: str, template: Template) -> list[Rule]:
    """A format's own rule, or, with `for_each:`, one rule per identity its template lists."""
    header = _header(text)[0]
    if "for_each" not in header:
        return [parse_rule(text, family, file_name, template, own=True)]
    name = header["for_each"][0]
    entries = template.identities.get(name)
    if not entries:
        raise CatalogError(
            f"{family}/{file_name}: template {template.name} lists no identities {name!r}"
        )
    rules = []
    for entry in entries:
        filled = _fill(text, entry, f"{family}/{file_name}")
        rules.append(parse_rule(filled, family, f"{entry['id']}.sql", template, own=True))
    return rules


def _fill(text: str, entry: Mapping[str, Any], where: str) -> str:
    """A `for_each` rule's text for one identity: its header values and placeholders."""
    header = "\n".join(
        f"-- {key}: {_header_value(value)}"
        for key, value in entry.items()
        if key in ("id", "severity", "tables", "scope", "description_zh", "description_en")
    )

    def literal(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in entry:
            raise CatalogError(f"{where}: identity {entry.get('id')!r} gives no {key!r}")
        return _sql_value(entry[key])

    body = "\n".join(
        line for line in text.splitlines() if not _HEADER_LINE.match(line) or "for_each" in line
    )
    return header + "\n" + _PLACEHOLDER.sub(literal, body)


def _header_value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _sql_value(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, list):
        return "[" + ", ".join(_sql_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def catalog_templates() -> list[str]:
    """Every template: each has a catalog (the standard rules, and its own if any)."""
    return template_names()


def load_catalogs(templates: Sequence[str] | None = None) -> tuple[Catalog, ...]:
    """The catalogs of `templates` (default: every template). The same standard rule is one
    rule in every catalog it belongs to: a run counts it once."""
    catalogs = tuple(load_catalog(name) for name in (templates or catalog_templates()))
    seen: dict[str, Rule] = {}
    for rule in (r for c in catalogs for r in c.rules):
        if rule.id in seen and (seen[rule.id].own or rule.own):
            raise CatalogError(f"rule id {rule.id} used by more than one template")
        seen.setdefault(rule.id, rule)
    return catalogs


def _header(text: str) -> tuple[dict[str, list[str]], int]:
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
    return header, body_start


def parse_rule(
    text: str, family: str, file_name: str, template: Template, own: bool = False
) -> Rule:
    """A rule from its file: the leading `-- key: value` lines, then the query."""
    header, body_start = _header(text)
    lines = text.splitlines()
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
    codes, keys = _table_keys(one("tables"), template, own, where)
    scope = one("scope", "together")
    if scope not in SCOPES:
        raise CatalogError(f"{where}: scope {scope!r} is not one of {SCOPES}")
    compares = one("compares", "same_year")
    if compares not in COMPARES:
        raise CatalogError(f"{where}: compares {compares!r} is not one of {COMPARES}")
    kind = one("kind", "") or None
    if kind not in (None, *KINDS):
        raise CatalogError(f"{where}: kind {kind!r} is not one of {KINDS}")
    sql = "\n".join(lines[body_start:]).strip().rstrip(";").strip()
    if not sql:
        raise CatalogError(f"{where}: no query after the header")
    sums = tuple(
        s for line in header.get("sums", []) for s in _parse_sums(line, codes, template, where)
    )
    try:
        measure_sums = tuple(parse_measure_sum(line) for line in header.get("measures", []))
    except ValueError as error:
        raise CatalogError(f"{where}: {error}") from None
    return Rule(
        id=rule_id,
        family=family,
        severity=severity,
        tables=keys,
        description_zh=one("description_zh"),
        description_en=one("description_en"),
        sql=sql,
        scope=scope,
        compares=compares,
        sums=sums,
        own=own,
        measure_sums=measure_sums,
        kind=kind,
    )


def _table_keys(
    text: str, template: Template, own: bool, where: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The own table codes a rule reads, and every table key: a format's own rule names its
    table codes (`02, 03, 07` or a range `01-23`); a standard rule names standard tables, or
    `own` (every own table of the format)."""
    items = [t for t in re.split(r"[,，\s]+", text) if t]
    if not own:
        if items == [OWN_TABLES]:
            own_codes = tuple(t.code for t in template.tables)
            return own_codes, tuple(f"code:{c}" for c in own_codes)
        if items == [ALL_TABLES]:
            if template.tables:
                own_codes = tuple(t.code for t in template.tables)
                return own_codes, tuple(f"code:{c}" for c in own_codes)
            return (), tuple(
                key
                for name in sorted(_standard_tables(forms=False))
                for key in (f"std:{name}", f"std:{name}（经济分类）")
            )
        for item in items:
            name = item.removesuffix("（经济分类）")
            if name not in _standard_tables():
                raise CatalogError(f"{where}: {item!r} is not a standard table")
        return (), tuple(f"std:{item}" for item in items)
    codes: list[str] = []
    also: list[str] = []  # a format's own rule may read standard tables beside its own
    for item in items:
        bounds = item.split("-")
        if len(bounds) == 2 and all(_TABLE_CODE.match(b) for b in bounds):
            codes += [f"{n:02d}" for n in range(int(bounds[0]), int(bounds[1]) + 1)]
        elif _TABLE_CODE.match(item):
            codes.append(item)
        elif item.removesuffix("（经济分类）") in _standard_tables():
            also.append(f"std:{item}")
        else:
            raise CatalogError(f"{where}: {item!r} is not a table code or a range of them")
    known = {t.code for t in template.tables}
    for code in codes:
        if code not in known:
            raise CatalogError(f"{where}: {code!r} is not a table of template {template.name}")
    unique = tuple(dict.fromkeys(codes))
    return unique, (*(f"code:{c}" for c in unique), *dict.fromkeys(also))


@cache
def _standard_tables(forms: bool = True) -> frozenset[str]:
    """The standard tables (without the performance forms, which are read as forms)."""
    national = load_template(NATIONAL)
    return frozenset(r.standard_table for r in national.title_rules if forms or not r.form)


def _parse_sums(line: str, tables: Sequence[str], template: Template, where: str) -> list[RowSum]:
    """`header` (every subtotal of the header tree), or `TOTAL = PART + PART…` (`*` globs)."""
    if line == "header":
        return [
            s
            for code in tables
            for s in [
                *header_sums(code, template),
                *(
                    found
                    for declared in template.table(code).sums
                    for found in _parse_sums(declared, [code], template, where)
                ),
            ]
        ]
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
