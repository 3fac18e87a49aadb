"""Printed header trees whose leaves say what they mean, and rows filled by meaning.

The 决算 and national generators describe a table's header as groups and leaves, each leaf
with a key (unique within the table) and a `ColumnMeaning`; `Header` gives the `HeaderNode`
tree a `TableSpec` prints, the leaf meanings (`TableSpec.columns`), and builds a row's values
from a `{key: value}` mapping. Two leaves may print the same text (`科目编码` twice, as a
table printing two lists side by side does): keys keep them apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from disclosure.headers import HeaderNode
from samplegen.spec import ColumnMeaning, RowSpec, Value

CODE = ColumnMeaning("code")
LABEL = ColumnMeaning("label")
TEXT = ColumnMeaning("text")
NUMBERING = ColumnMeaning("numbering")


def amount(measure: str | None, stage: str | None = None) -> ColumnMeaning:
    return ColumnMeaning("amount", measure, stage)


@dataclass(frozen=True)
class Leaf:
    key: str
    text: str
    meaning: ColumnMeaning


@dataclass(frozen=True)
class Group:
    text: str
    children: tuple[Leaf | Group, ...]


Node = Leaf | Group


def group(text: str, *children: Node) -> Group:
    return Group(text, tuple(children))


@dataclass(frozen=True)
class Header:
    nodes: tuple[Node, ...]

    @classmethod
    def of(cls, *nodes: Node) -> Header:
        header = cls(tuple(nodes))
        keys = header.keys
        if len(set(keys)) != len(keys):
            raise ValueError(f"leaf keys repeat: {keys}")
        return header

    @property
    def leaves(self) -> list[Leaf]:
        out: list[Leaf] = []

        def walk(node: Node) -> None:
            if isinstance(node, Leaf):
                out.append(node)
            else:
                for child in node.children:
                    walk(child)

        for node in self.nodes:
            walk(node)
        return out

    @property
    def keys(self) -> list[str]:
        return [leaf.key for leaf in self.leaves]

    @property
    def tree(self) -> tuple[HeaderNode, ...]:
        def to_node(node: Node) -> HeaderNode:
            if isinstance(node, Leaf):
                return HeaderNode(node.text)
            return HeaderNode(node.text, tuple(to_node(c) for c in node.children))

        return tuple(to_node(n) for n in self.nodes)

    @property
    def meanings(self) -> tuple[ColumnMeaning, ...]:
        return tuple(leaf.meaning for leaf in self.leaves)

    def values(self, by_key: Mapping[str, Value]) -> tuple[Value, ...]:
        unknown = set(by_key) - set(self.keys)
        if unknown:
            raise KeyError(f"no column {sorted(unknown)}")
        return tuple(by_key.get(key) for key in self.keys)

    def row(self, by_key: Mapping[str, Value], kind: str = "item", **meaning: object) -> RowSpec:
        return RowSpec(self.values(by_key), kind=kind, **meaning)  # type: ignore[arg-type]

    def numbering_row(self, label_key: str, start: int = 1) -> RowSpec:
        """The 栏次 row: `栏次` in `label_key`, then each amount column's number from `start`."""
        values: dict[str, Value] = {label_key: "栏次"}
        number = start
        for leaf in self.leaves:
            if leaf.meaning.kind == "amount":
                values[leaf.key] = str(number)
                number += 1
        return RowSpec(self.values(values), kind="item", numbering=True)
