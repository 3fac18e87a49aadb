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

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

import yaml

from disclosure.columns import column_kind
from disclosure.headers import HeaderNode, nodes_from_yaml, tree_to_paths
from disclosure.model import ColumnKind
from disclosure.text import squeeze, title_key

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

    @cached_property
    def _markers(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{m})" for m in self.empty_markers))

    @cached_property
    def _label(self) -> re.Pattern[str] | None:
        return re.compile(self.label) if self.label else None

    @cached_property
    def _titles(self) -> dict[str, TableTemplate]:
        return {title_key(t): table for table in self.tables for t in table.titles}

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
            return None
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
        """The codes of this template's tables whose titles some of these lines print (contents
        lines included): how well the template fits a document."""
        codes = set()
        for line in lines:
            found = self.match_title(_CONTENTS.sub("", title_key(line)))
            if found is not None:
                codes.add(found.code)
        return codes


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


@cache
def load_template(name: str) -> Template:
    text = resources.files("disclosure.templates").joinpath(f"{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    default_unit = str(data.get("unit_label", "万元"))
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
        )
        for t in data["tables"]
    )
    label = data.get("label") or {}
    template = Template(
        name=data["name"],
        province=data["province"],
        tables=tables,
        empty_markers=tuple(data.get("empty_markers", ("本部门无相关情况，故为空表",))),
        synonyms=_synonyms(data.get("synonyms", [])),
        label=label.get("pattern"),
        label_enforced=bool(label.get("enforced", False)),
        unit_code=str(data.get("unit_code", "printed")),
        codes={**NATIONAL_CODES, **data.get("codes", {})},
        scope=str(data.get("scope", "部门")),
        rule_families=tuple(data.get("rule_families", ())),
    )
    _check_measures(template)
    return template


def template_names() -> list[str]:
    root = resources.files("disclosure.templates")
    return sorted(p.name.removesuffix(".yaml") for p in root.iterdir() if p.name.endswith(".yaml"))


# What a document that follows no template is read with: tables found, none named.
NO_TEMPLATE = Template(name="", province="", tables=())

# Fewer titles than this matched, and a document follows no template.
MIN_TITLES = 2


def detect_template(lines: Iterable[str]) -> Template | None:
    """The template whose table titles a document prints most (two at least), or None."""
    texts = list(lines)
    scored = [(len(t.title_matches(texts)), t.name) for t in map(load_template, template_names())]
    best = max(scored, default=(0, ""))
    if best[0] < MIN_TITLES or [s for s, _ in scored].count(best[0]) > 1:
        return None
    return load_template(best[1])
