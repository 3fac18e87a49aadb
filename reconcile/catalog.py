"""The reconciliation rule catalog: the accounting identities of a template, as data.

Each rule is a file, `reconcile/rules/<template>/<family>/<rule_id>.sql`: a header of
`-- key: value` lines (id, severity, tables, scope, description_zh, description_en, and for
within-row rules the `sums:` they check) followed by one DuckDB query that returns the
violations. The engine (`reconcile.evaluation`) knows no rule; this module reads and checks
them, and derives the within-row sums a template's header trees state (`header_sums`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from disclosure.columns import column_kind
from disclosure.headers import HeaderNode
from disclosure.model import ColumnKind
from disclosure.template import Template, load_template
from disclosure.text import squeeze

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

_HEADER_LINE = re.compile(r"^--\s?(\w+):\s*(.*)$")
_CONTINUATION = re.compile(r"^--\s{2,}(\S.*)$")
_TABLE_CODE = re.compile(r"^\d{2}$")
_SUBTOTAL = re.compile(r"(小计|合计|总计)$")


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


def _rules_root(template_name: str) -> Traversable:
    return resources.files("reconcile").joinpath("rules", template_name)


@cache
def load_catalog(template_name: str) -> Catalog:
    """Every rule of a template, under reconcile/rules/<template>/<family>/, in family then id
    order."""
    template = load_template(template_name)
    root = _rules_root(template_name)
    rules = []
    for family in FAMILIES:
        folder = root.joinpath(family)
        if not folder.is_dir():
            continue
        files = sorted(
            (f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name
        )
        for file in files:
            rules.append(parse_rule(file.read_text("utf-8"), family, file.name, template))
    ids = [r.id for r in rules]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CatalogError(f"rule ids used twice: {duplicates}")
    return Catalog(template, tuple(rules))


def catalog_templates() -> list[str]:
    """The templates that have rules (a folder under reconcile/rules/)."""
    root = resources.files("reconcile").joinpath("rules")
    return sorted(f.name for f in root.iterdir() if f.is_dir() and not f.name.startswith("_"))


def load_catalogs(templates: Sequence[str] | None = None) -> tuple[Catalog, ...]:
    """The catalogs of `templates` (default: every template with rules), checked to share no
    rule id: a run's findings and rule statuses name rules by id alone."""
    catalogs = tuple(load_catalog(name) for name in (templates or catalog_templates()))
    ids = [r.id for c in catalogs for r in c.rules]
    shared = sorted({i for i in ids if ids.count(i) > 1})
    if shared:
        raise CatalogError(f"rule ids used by more than one template: {shared}")
    return catalogs


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
