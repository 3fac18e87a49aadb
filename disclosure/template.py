"""Disclosure templates: a province's numbered tables, their titles and header trees (data).

A template also says how the same header is worded by other printing software (`synonyms`):
`header_key` folds a printed header text to the template's own word for it, which is how a
printed column is matched to the template column it means (`disclosure.template_paths`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from disclosure.headers import HeaderNode, nodes_from_yaml, tree_to_paths
from disclosure.text import squeeze, title_key

# Folded before any comparison: bracket and colon widths, quotes, trailing colons.
_HEADER_FOLD = str.maketrans({"（": "(", "）": ")", "：": ":", "【": "[", "】": "]", "　": ""})
_QUOTES = re.compile(r"[“”\"'‘’「」]")
SUBTOTAL_WORDS = frozenset({"小计", "合计", "总计"})
# What may stand before a title on its line: a year, or a unit's name.
_TITLE_LEAD = re.compile(r"(?:20\d{2}年度?|省|市|县|区|局|厅|委|院|办|会|部|处|署|中心|单位|部门)$")
# What some software prints after a title on the same line.
_UNIT_SUFFIX = re.compile(r"(?:填报(?:部门|单位):.*|(?:金额)?单位:[^:]*)$")
_SUBTOTAL_KEY = "合计"


def fold_header(text: str) -> str:
    """A header text without wording-neutral differences: whitespace, widths, quotes, colons."""
    folded = _QUOTES.sub("", squeeze(text).translate(_HEADER_FOLD)).rstrip(":")
    return _SUBTOTAL_KEY if folded in SUBTOTAL_WORDS else folded


@dataclass(frozen=True)
class TableTemplate:
    code: str
    title: str
    header: tuple[HeaderNode, ...]

    @property
    def column_paths(self) -> list[str]:
        return tree_to_paths(self.header)


@dataclass(frozen=True)
class Template:
    name: str
    province: str
    unit_label: str
    empty_marker: str
    tables: tuple[TableTemplate, ...]
    # folded printed wording → folded template wording
    synonyms: Mapping[str, str] = field(default_factory=dict)

    def table(self, code: str) -> TableTemplate:
        for table in self.tables:
            if table.code == code:
                return table
        raise KeyError(f"template {self.name!r} has no table {code!r}")

    def match_title(self, line: str) -> TableTemplate | None:
        """The table whose title this printed line is.

        The line may add a `预算NN表` label (which must then be the table's), a year or the unit's
        name before the title (`2024年收支总表`, `湖南省信访局收支总表`), and the `单位：万元` or
        `填报部门：…` that some software prints on the title's line.
        """
        key = _UNIT_SUFFIX.sub("", title_key(line))
        prefix = re.match(r"^预算(\d{2})表[:.、]?", key)
        if prefix:
            key = key[prefix.end() :]
        tables = [t for t in self.tables if not prefix or prefix.group(1) == t.code]
        for table in tables:
            if title_key(table.title) == key:
                return table
        # A title behind a year or the unit's name: the longest title the line ends with.
        behind = [
            t
            for t in tables
            if key.endswith(title_key(t.title))
            and _TITLE_LEAD.search(key[: -len(title_key(t.title))])
        ]
        return max(behind, key=lambda t: len(title_key(t.title)), default=None)

    def header_key(self, text: str) -> str:
        """The template's own (folded) word for a printed header text."""
        folded = fold_header(text)
        return self.synonyms.get(folded, folded)


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


@cache
def load_template(name: str = "hunan") -> Template:
    text = resources.files("disclosure.templates").joinpath(f"{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    tables = tuple(
        TableTemplate(code=str(t["code"]), title=t["title"], header=nodes_from_yaml(t["header"]))
        for t in data["tables"]
    )
    return Template(
        name=data["name"],
        province=data["province"],
        unit_label=data["unit_label"],
        empty_marker=data["empty_marker"],
        tables=tables,
        synonyms=_synonyms(data.get("synonyms", [])),
    )


def template_names() -> list[str]:
    root = resources.files("disclosure.templates")
    return sorted(p.name.removesuffix(".yaml") for p in root.iterdir() if p.name.endswith(".yaml"))
