"""Disclosure templates: a province's numbered tables, their titles and header trees (data)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from disclosure.headers import HeaderNode, nodes_from_yaml, tree_to_paths
from disclosure.text import title_key


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

    def table(self, code: str) -> TableTemplate:
        for table in self.tables:
            if table.code == code:
                return table
        raise KeyError(f"template {self.name!r} has no table {code!r}")

    def match_title(self, line: str) -> TableTemplate | None:
        """The table whose title this printed line is (optionally prefixed by `预算NN表`)."""
        key = title_key(line)
        prefix = re.match(r"^预算(\d{2})表", key)
        if prefix:
            key = key[prefix.end() :]
        for table in self.tables:
            if title_key(table.title) == key and (not prefix or prefix.group(1) == table.code):
                return table
        return None


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
    )


def template_names() -> list[str]:
    root = resources.files("disclosure.templates")
    return sorted(p.name.removesuffix(".yaml") for p in root.iterdir() if p.name.endswith(".yaml"))
