"""Disclosure templates: a province's format as data — its tables, their titles and header trees,
how their tables are labelled and declared empty, the unit their amounts are printed in, which
national-standard table each one is, and how the publishing body is identified.

One YAML file per format in `disclosure/templates/` (`hunan.yaml`, `jiangsu.yaml`,
`shanghai.yaml`); a new province is one more file. A document's template is detected from the
titles it prints (`detect_template`), never from its file name.

A template also says how the same header is worded by other printing software (`synonyms`):
`header_key` folds a printed header text to the template's own word for it, which is how a
printed column is matched to the template column it means (`disclosure.template_paths`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from disclosure.columns import column_kind
from disclosure.headers import HeaderNode, nodes_from_yaml, tree_to_paths
from disclosure.model import ColumnKind
from disclosure.text import squeeze, title_key
from disclosure.titles import TitleRule, rule_from_yaml, split_title
from disclosure.yamltext import read_yaml

# Folded before any comparison: bracket and colon widths, quotes, trailing colons.
_HEADER_FOLD = str.maketrans({"（": "(", "）": ")", "：": ":", "【": "[", "】": "]", "　": ""})
_QUOTES = re.compile(r"[“”\"'‘’「」]")
_LEADING_YEAR = re.compile(r"^20\d{2}年度?")
SUBTOTAL_WORDS = frozenset({"小计", "合计", "总计"})
_SUBTOTAL_KEY = "合计"
# What may stand before a title on its line: a year, or a unit's name.
_TITLE_LEAD = re.compile(r"(?:20\d{2}年度?|省|市|县|区|局|厅|委|院|办|会|部|处|署|中心|单位|部门)$")
# What some software prints after a title on the same line.
_UNIT_SUFFIX = re.compile(r"(?:(?:(?:填报|编制)(?:部门|单位)|部门):.*|(?:金额)?单位:[^:]*)$")
# A numbered heading or table label before a title: `一、`, `表五`, `5．`, `公开01表：`, `附表3`.
_NUMBERING = re.compile(r"(?:[一二三四五六七八九十]+、|表[一二三四五六七八九十]+|附表\d+)[:.、]?")
# A line of a table of contents: a number, then the title, maybe dots and a page number.
_CONTENTS = re.compile(r"^\d+[.．、]|[.…·]{3,}\d*$")
_LEADERS = re.compile(r"[.…·]{3,}\d*$")

# Printed codes in the national formats: a unit's 3 to 9 digits (`101001`, `1010001`,
# `101001001`, printed with or without dots; a department's own code may be 3, as in Wuxi's
# 部门代码 column), an entity's 3 to 12 (its department's code and groups of three digits).
NATIONAL_CODES = {"unit": r"\d{3,9}", "entity": r"\d{3,12}"}

# A unit of money, as printed after `单位：`, and what one of it is in 元.
YUAN_PER = {"元": 1, "千元": 1_000, "万元": 10_000, "百万元": 1_000_000, "亿元": 100_000_000}


def fold_header(text: str) -> str:
    """A header text without wording-neutral differences: whitespace, widths, quotes, colons,
    a year in front (`2024年“三公”经费预算数`)."""
    folded = _QUOTES.sub("", squeeze(text).translate(_HEADER_FOLD)).rstrip(":")
    folded = _LEADING_YEAR.sub("", folded) or folded
    return _SUBTOTAL_KEY if folded in SUBTOTAL_WORDS else folded


@dataclass(frozen=True)
class TableTemplate:
    code: str
    title: str
    header: tuple[HeaderNode, ...]
    other_titles: tuple[str, ...] = ()  # the same table printed under another title
    standard_table: str | None = None  # the national-standard table it is (收支总表, …)
    # The economic classification its amounts are broken down by (部门预算经济分类 or
    # 政府预算经济分类); None for a table by 功能分类 or by neither.
    classification: str | None = None
    unit_label: str = "万元"  # the unit its amounts are printed in, unless it says otherwise
    label_columns: tuple[str, ...] = ()  # columns of words whose header reads like money
    total_row: bool = True  # prints a 合计 / 总计 row
    # What a column means across provinces: template path → a measure shared by every
    # template's table of the same standard table (`total`, `basic`, `project`, …).
    measures: Mapping[str, str] = field(default_factory=dict)
    form: bool = False  # a performance form (绩效目标表 / 绩效自评表), read as forms too
    # Within-row sums its header states other than by subtotal words: `TOTAL = PART + PART`
    # (`X/*`: every column under X), checked with the header's own (reconcile, header_sums).
    sums: tuple[str, ...] = ()

    @property
    def numbered_as_printed(self) -> bool:
        """A table the national template names by its words: its code is the number printed
        before or after its title (`表3` → `03`), not the template's."""
        return not self.code

    @property
    def column_paths(self) -> list[str]:
        return tree_to_paths(self.header)

    def kind(self, path: str) -> ColumnKind:
        """What the template column `path` holds: its own word when the template gives one."""
        return ColumnKind.LABEL if path in self.label_columns else column_kind(path)

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.other_titles)


@dataclass(frozen=True)
class Template:
    name: str
    province: str
    tables: tuple[TableTemplate, ...]
    empty_markers: tuple[str, ...] = ("本部门无相关情况，故为空表",)  # regular expressions
    # folded printed wording → folded template wording
    synonyms: Mapping[str, str] = field(default_factory=dict)
    # A table label before a title (`预算07表`); `enforced`: it must be the table's own code.
    label: str | None = None
    label_enforced: bool = False
    unit_code: str = "printed"  # printed on the cover | derived from the unit's name
    # What its printed codes look like: `unit`, the 单位代码 a document prints for its unit;
    # `entity`, the code of a body a table lists. Regular expressions on the digits (dots, as
    # some print them, dropped); a unit that prints none gets a derived code.
    codes: Mapping[str, str] = field(default_factory=lambda: dict(NATIONAL_CODES))
    scope: str = "部门"  # 部门 | 单位 | titles (read from the titles: 部门… or 单位…)
    rule_families: tuple[str, ...] = ()
    # The national template's standard tables, named by their words (disclosure.titles); an
    # overlay (a province's template) reads what its own tables do not name with its base's.
    title_rules: tuple[TitleRule, ...] = ()
    base: Template | None = None
    unit_label: str = "万元"  # what a table's amounts are printed in when it prints no `单位：`
    # The standard tables a document read by this template prints (the national template's).
    expected_tables: tuple[str, ...] = ()
    # Identities of the format's own, as data its rules check (`for_each:` rules, reconcile).
    identities: Mapping[str, tuple[Mapping[str, Any], ...]] = field(default_factory=dict)

    @cached_property
    def _rule_tables(self) -> tuple[TableTemplate, ...]:
        return tuple(
            TableTemplate(
                code="",
                title=rule.standard_table,
                header=(),
                standard_table=rule.standard_table,
                classification=rule.classification,
                unit_label=self.default_unit_label,
                form=rule.form,
            )
            for rule in self.title_rules
        )

    @property
    def default_unit_label(self) -> str:
        return self.unit_label

    def named_by(self, table: TableTemplate) -> str:
        """Which template's title named `table`: this one for a table of its own, the national
        template for a standard table named by its words."""
        return NATIONAL if table.numbered_as_printed else self.name

    def standard_match(self, line: str) -> TableTemplate | None:
        """The standard table a title names by its words (the national template's rules)."""
        if self.base is not None:
            return self.base.standard_match(line)
        title = split_title(line)
        if not title.is_table_name or _LEADERS.search(title_key(line)):
            return None
        for rule, table in zip(self.title_rules, self._rule_tables, strict=True):
            if rule.matches(title):
                return table
        return None

    @cached_property
    def _markers(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{m})" for m in self.empty_markers))

    @cached_property
    def _label(self) -> re.Pattern[str] | None:
        return re.compile(self.label) if self.label else None

    @cached_property
    def _titles(self) -> dict[str, TableTemplate]:
        return {title_key(t): table for table in self.tables for t in table.titles}

    def warm(self) -> Template:
        """Work out now what is otherwise worked out on first use: a worker does it once
        before it forks, instead of every child again (`bounded.jobs.warm_up`)."""
        _ = (self._rule_tables, self._markers, self._label, self._titles, self.distinctive_codes)
        if self.base is not None:
            self.base.warm()
        return self

    @property
    def empty_marker(self) -> str:
        """The marker this template's own tables print (the first)."""
        return self.empty_markers[0]

    def is_empty_marker(self, text: str) -> bool:
        """Whether printed text declares its table empty (`本部门无相关情况，故为空表`, …)."""
        return bool(self._markers.search(squeeze(text)))

    def table(self, code: str) -> TableTemplate:
        for table in self.tables:
            if table.code == code:
                return table
        raise KeyError(f"template {self.name!r} has no table {code!r}")

    def label_code(self, line: str) -> str | None:
        """The table code a label line alone gives (`预算07表` → '07'), when labels decide."""
        if self._label is None or not self.label_enforced:
            return None
        match = self._label.fullmatch(title_key(line))
        return match.group(1) if match else None

    def match_title(self, line: str) -> TableTemplate | None:
        """The table whose title this printed line is.

        The line may add a table label (`预算07表`; where labels are enforced, it must be the
        table's), a number (`一、`, `表五`), a year or the unit's name before the title
        (`2024年收支总表`, `湖南省信访局收支总表`), and the `单位：万元` or `填报部门：…` that some
        software prints on the title's line. A line of a table of contents is no title.
        """
        key = title_key(line)
        if _CONTENTS.search(key):
            # A numbered line (`1.项目支出绩效目标表`) may still name a standard table; a line
            # of a table of contents (dot leaders, a page number) names none.
            return None if _LEADERS.search(key) else self.standard_match(line)
        key = _UNIT_SUFFIX.sub("", key)
        code = None
        if self._label is not None and (m := self._label.match(key)):
            code = m.group(1) if self.label_enforced else None
            key = key[m.end() :].lstrip(":.、")
        found = None
        for rest in _unnumbered(key):
            found = self._title_in(rest)
            if found is not None:
                break
        if found is None and code is None:
            return self.standard_match(line)
        if found is None or (code is not None and code != found.code):
            return None
        return found

    def _title_in(self, key: str) -> TableTemplate | None:
        """The table whose title `key` is, or ends with behind a year or the unit's name."""
        tables = self._titles
        found = tables.get(key)
        if found is None:
            # A title behind a year or the unit's name: the longest title the line ends with.
            behind = [
                (title, table)
                for title, table in tables.items()
                if key.endswith(title) and _TITLE_LEAD.search(key[: -len(title)])
            ]
            found = max(behind, key=lambda pair: len(pair[0]), default=(None, None))[1]
        return found

    def header_key(self, text: str) -> str:
        """The template's own (folded) word for a printed header text."""
        folded = fold_header(text)
        return self.synonyms.get(folded, folded)

    def title_matches(self, lines: Iterable[str]) -> set[str]:
        """The codes of this template's own tables whose titles some of these lines print
        (contents lines included): how well the template fits a document."""
        codes = set()
        for line in lines:
            found = self.match_title(_CONTENTS.sub("", title_key(line)))
            if found is not None and found.code:
                codes.add(found.code)
        return codes

    @cached_property
    def distinctive_codes(self) -> frozenset[str]:
        """Its own tables whose titles the national template cannot name: printed, they say
        the document is of this format, however few of its tables it prints."""
        return frozenset(
            t.code
            for t in self.tables
            if all(self.standard_match(title) is None for title in (t.title, *t.other_titles))
        )

    def labelled_matches(self, lines: Iterable[str]) -> tuple[set[str], int]:
        """Where this template's table labels decide (`预算07表`): the codes of own tables
        printed under their own label, and how many labelled titles name another table of
        this template (a format numbering the same titles otherwise: 预算04表 财政拨款收支总表)."""
        if self._label is None or not self.label_enforced:
            return set(), 0
        consistent: set[str] = set()
        conflicts = 0
        for line in lines:
            key = _UNIT_SUFFIX.sub("", title_key(line))
            if _CONTENTS.search(key) or not (m := self._label.match(key)):
                continue
            rest = key[m.end() :].lstrip(":.、")
            found = next((t for r in _unnumbered(rest) if (t := self._title_in(r))), None)
            if found is None:
                continue
            if found.code == m.group(1):
                consistent.add(found.code)
            else:
                conflicts += 1
        return consistent, conflicts

    def standard_tables_printed(self, lines: Iterable[str]) -> set[str]:
        """The standard tables whose titles some of these lines print, by their words."""
        found = (self.standard_match(line) for line in lines)
        return {t.standard_table for t in found if t is not None and t.standard_table}


def _unnumbered(key: str) -> Iterable[str]:
    """`key`, then `key` without each numbering it may start with, shortest first: `表九一般…`
    is `表九` + `一般…` (一 is a numeral too, so every split is tried)."""
    yield key
    for end in range(2, min(len(key), 10)):
        if _NUMBERING.fullmatch(key[:end]):
            yield key[end:]


def _synonyms(classes: list[list[str]]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for words in classes:
        own = fold_header(words[0])
        for word in words[1:]:
            folded = fold_header(word)
            if mapping.get(folded, own) != own:
                raise ValueError(f"synonym {word!r} means both {mapping[folded]!r} and {own!r}")
            mapping[folded] = own
    return mapping


def _check_measures(template: Template) -> None:
    for table in template.tables:
        unknown = set(table.measures) - set(table.column_paths)
        if unknown:
            raise ValueError(f"{template.name} table {table.code}: measures of no column {unknown}")


NATIONAL = "national"


@cache
def load_template(name: str) -> Template:
    """A template by name (`disclosure/templates/<name>.yaml`). A province's template is an
    overlay on the national one: what its own tables do not name is read by the national
    template's standard tables, with its header wordings and empty-table markers too."""
    text = resources.files("disclosure.templates").joinpath(f"{name}.yaml").read_text("utf-8")
    return template_from_text(text)


def template_from_file(path: str | os.PathLike[str]) -> Template:
    """A template from a YAML file anywhere (a format being written, a test's own)."""
    return template_from_text(Path(path).read_text("utf-8"))


def template_from_text(text: str) -> Template:
    """A template from its YAML text (see `load_template`)."""
    data = read_yaml(text)
    name = str(data["name"])
    default_unit = str(data.get("unit_label") or "万元")
    own = [t for t in data["tables"] if "code" in t]
    tables = tuple(
        TableTemplate(
            code=str(t["code"]),
            title=t["title"],
            header=nodes_from_yaml(t["header"]),
            other_titles=tuple(t.get("other_titles", ())),
            standard_table=t.get("standard_table"),
            classification=t.get("classification"),
            unit_label=str(t.get("unit_label", default_unit)),
            label_columns=tuple(t.get("label_columns", ())),
            total_row=bool(t.get("total_row", True)),
            measures=dict(t.get("measures", {})),
            form=bool(t.get("form", False)),
            sums=tuple(t.get("sums", ())),
        )
        for t in own
    )
    rules = tuple(rule_from_yaml(t) for t in data["tables"] if "code" not in t)
    base = None if name == NATIONAL else load_template(NATIONAL)
    markers = tuple(data.get("empty_markers", ("本部门无相关情况，故为空表",)))
    synonyms = data.get("synonyms", [])
    if base is not None:
        markers += tuple(m for m in base.empty_markers if m not in markers)
    label = data.get("label") or {}
    template = Template(
        name=data["name"],
        province=data.get("province") or "",
        tables=tables,
        empty_markers=markers,
        synonyms={**(base.synonyms if base else {}), **_synonyms(synonyms)},
        label=label.get("pattern"),
        label_enforced=bool(label.get("enforced", False)),
        unit_code=str(data.get("unit_code", "printed")),
        codes={**NATIONAL_CODES, **data.get("codes", {})},
        scope=str(data.get("scope", "部门")),
        rule_families=tuple(data.get("rule_families", ())),
        title_rules=rules,
        base=base,
        unit_label=default_unit,
        expected_tables=tuple(data.get("expected_tables", ())),
        identities={
            name: tuple(entries) for name, entries in (data.get("identities") or {}).items()
        },
    )
    _check_measures(template)
    return template


def template_names() -> list[str]:
    root = resources.files("disclosure.templates")
    return sorted(p.name.removesuffix(".yaml") for p in root.iterdir() if p.name.endswith(".yaml"))


def overlay_names() -> list[str]:
    """The provinces' templates, each an overlay on the national one."""
    return [name for name in template_names() if name != NATIONAL]


# What a document that follows no template is read with: tables found, none named.
NO_TEMPLATE = Template(name="", province="", tables=())

# An overlay claims a document whose titles name this share of its own tables (and two at
# least): a province's format prints most of its tables; another format that shares a few
# standard titles with it (收支总表, 收入总表) is read with the national template.
CLAIM_SHARE = 0.6
MIN_TITLES = 2
# A table only the format names is claim enough among this many of its titles (one such title
# alone may be another province's table of the same name).
MIN_TITLES_BESIDE_DISTINCTIVE = 3
# A document is read with the national template when its titles name this many standard tables.
MIN_STANDARD_TABLES = 1


def detect_template(lines: Iterable[str]) -> Template | None:
    """The overlay whose table titles a document prints most, when it claims the document;
    else the national template when the document names a standard table; else None."""
    texts = list(lines)
    scored = []
    for overlay in map(load_template, overlay_names()):
        codes = overlay.title_matches(texts)
        matched = len(codes)
        labelled, conflicts = overlay.labelled_matches(texts)
        # Most of its tables by title; or, for a document printing only some of them, a table
        # only it names among several of its titles; or, where its labels decide, tables each
        # printed under its own label and none under another's.
        claims = (
            matched >= max(MIN_TITLES, CLAIM_SHARE * len(overlay.tables))
            or (codes & overlay.distinctive_codes and matched >= MIN_TITLES_BESIDE_DISTINCTIVE)
            or len(labelled) >= MIN_TITLES
        )
        if claims and not conflicts:
            scored.append((matched / len(overlay.tables), matched, overlay.name))
    if scored:
        best = max(scored)
        if [s[:2] for s in scored].count(best[:2]) == 1:
            return load_template(best[2])
    national = load_template(NATIONAL)
    if len(national.standard_tables_printed(texts)) >= MIN_STANDARD_TABLES:
        return national
    return None
