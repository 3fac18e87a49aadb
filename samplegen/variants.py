"""The same disclosure as other printing software prints it: what varies between departments,
years and the programs that print their tables, with the numbers unchanged.

A variant changes how a disclosure is printed, never what it says:

- page furniture: a page number in one of its common forms (`第 6 页`, `第 6 页 共 23 页`,
  `- 6 -`, `6/23`, a bare centred number), at the foot or the head of the page, and a running
  header or footer on every page but the cover;
- the drawing: another embedded CJK font, rules drawn as thin filled rectangles instead of
  lines, another line pitch (row heights), amounts centred instead of right-aligned;
- titles: a year or the unit's name printed before a table's title (`2024年收支总表`);
- headers: a synonym for a header text (`单位代码` for `部门(单位)代码`), an amount column printed
  split into `小计` and two parts that add up to it, subject codes printed in one 科目编码 column
  where the template has 类 | 款 | 项 or the other way round, and a `项目` group printed above
  the code and name columns.

Each printed table says which template column each of its printed columns means
(`TableSpec.template_paths`), which is what extraction must find. Everything is drawn from the
seed, table by table, so a disclosure's variant is the same whichever tables it prints.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Mapping, Sequence
from decimal import Decimal

from disclosure.columns import column_kind, split_code_columns, subject_code_column
from disclosure.headers import HeaderNode, tree_to_paths
from disclosure.model import ColumnKind, RowKind
from disclosure.tables import rows_to_owners
from disclosure.template import SUBTOTAL_WORDS, Template, fold_header, load_template
from samplegen.spec import DisclosureSpec, Layout, RowSpec, TableSpec, Value

PAGE_NUMBERS = (
    "第 {n} 页",
    "第{n}页",
    "第 {n} 页 共 {total} 页",
    "共{total}页 第{n}页",
    "- {n} -",
    "— {n} —",
    "{n}/{total}",
    "{n}",
)
FONTS = (None, "wqy-microhei.ttc", "uming.ttc", "ukai.ttc")
# Names for the two parts of a column printed split, drawn so that neither is a header text of
# the table already.
SPLIT_PARTS = (
    ("工资福利支出", "商品和服务支出"),
    ("本级", "所属单位"),
    ("财政拨款", "其他资金"),
    ("当年安排", "上年结转"),
)
CODE_GROUP = "科目编码"
FOOTER = "本表数据来源：部门预算"
SPLIT_CODES = ("类", "款", "项")


@dataclasses.dataclass(frozen=True)
class Variation:
    """How likely each variation is, per disclosure (layout) or per table (headers)."""

    furniture: float = 0.8
    running_line: float = 0.5
    other_font: float = 0.5
    rect_rules: float = 0.35
    synonym: float = 0.35  # per header text that has a synonym
    split_column: float = 0.3
    flip_codes: float = 0.4
    project_group: float = 0.25
    title_lead: float = 0.2  # a year or the unit's name printed before a table's title


def vary_disclosure(
    spec: DisclosureSpec, seed: int | str, variation: Variation = Variation()
) -> DisclosureSpec:
    """`spec` as other software prints it (numbers, rows and tables unchanged)."""
    template = load_template(spec.template)
    layout = vary_layout(spec.layout, random.Random(f"{seed}:printing"), spec, variation)
    tables = []
    for table in spec.tables:
        rng = random.Random(f"{seed}:printing:{table.code}")
        printed = vary_table(table, rng, template, variation)
        if rng.random() < variation.title_lead:
            lead = rng.choice((f"{spec.year}年", f"{spec.year}年度", spec.unit_name))
            printed = dataclasses.replace(printed, title=f"{lead}{printed.title}")
        tables.append(printed)
    return dataclasses.replace(spec, layout=layout, tables=tuple(tables))


def vary_layout(
    layout: Layout, rng: random.Random, spec: DisclosureSpec, variation: Variation
) -> Layout:
    furniture = rng.random() < variation.furniture
    running = f"{spec.unit_name}{spec.year}年部门预算公开"
    return dataclasses.replace(
        layout,
        font=rng.choice(FONTS[1:]) if rng.random() < variation.other_font else None,
        ruling="rects" if rng.random() < variation.rect_rules else "lines",
        leading=rng.choice((1.1, 1.25, 1.4, 1.6)),
        amount_align="centre" if rng.random() < 0.2 else "right",
        page_number=rng.choice(PAGE_NUMBERS) if furniture else None,
        page_number_at="top" if rng.random() < 0.15 else "bottom",
        running_header=running if rng.random() < variation.running_line else None,
        running_footer="本表数据来源：部门预算公开"
        if rng.random() < variation.running_line / 2
        else None,
        # Room in the margins for the furniture, as printing software leaves it.
        margin_top=max(layout.margin_top, 30.0),
        margin_bottom=max(layout.margin_bottom, 30.0),
    )


def vary_table(
    table: TableSpec, rng: random.Random, template: Template, variation: Variation
) -> TableSpec:
    """One table's header printed another way; its rows follow, its numbers unchanged."""
    printed = _Printed.of(table)
    if rng.random() < variation.flip_codes:
        printed.flip_codes()
    if rng.random() < variation.split_column:
        printed.split_a_column(rng)
    if rng.random() < variation.project_group:
        printed.group_code_and_name()
    printed.use_synonyms(rng, template, variation.synonym)
    return printed.to_table(table)


@dataclasses.dataclass
class _Printed:
    """A table's header and rows being reprinted: the header tree, each row's values, and the
    template path of each leaf column (in printed order)."""

    header: list[HeaderNode]
    rows: list[RowSpec]
    meanings: list[str | None]

    @classmethod
    def of(cls, table: TableSpec) -> _Printed:
        return cls(list(table.header), list(table.rows), table.meanings)

    def to_table(self, table: TableSpec) -> TableSpec:
        header = tuple(self.header)
        meanings = tuple(self.meanings)
        same = meanings == tuple(tree_to_paths(header))
        return dataclasses.replace(
            table,
            header=header,
            rows=tuple(self.rows),
            template_paths=None if same else meanings,
            column_widths=None if len(meanings) != len(table.column_paths) else table.column_widths,
        )

    @property
    def paths(self) -> list[str]:
        return tree_to_paths(self.header)

    # --- subject codes ------------------------------------------------------------------------

    def flip_codes(self) -> None:
        """Codes in one column ↔ in 类 | 款 | 项."""
        paths = self.paths
        single = subject_code_column(paths)
        split = split_code_columns(paths)
        top = [n.text for n in self.header]
        if single is not None and paths[single] in top:
            at = top.index(paths[single])
            self.header[at] = HeaderNode(paths[single], tuple(HeaderNode(t) for t in SPLIT_CODES))
            self.meanings[single : single + 1] = [self.meanings[single], None, None]
            self.rows = [_split_code_row(row, single) for row in self.rows]
        elif split is not None and list(split) == [split[0], split[0] + 1, split[0] + 2]:
            group = next(
                (
                    n
                    for n in self.header
                    if len(n.children) == 3 and all(c.text in SPLIT_CODES for c in n.children)
                ),
                None,
            )
            if group is None:
                return
            at = self.header.index(group)
            self.header[at] = HeaderNode(CODE_GROUP)
            first = split[0]
            self.meanings[first : first + 3] = [self.meanings[first]]
            self.rows = [_join_code_row(row, first) for row in self.rows]

    # --- a column printed split -------------------------------------------------------------

    def split_a_column(self, rng: random.Random) -> None:
        paths = self.paths
        texts = {fold_header(p) for path in paths for p in path.split("/")}
        parts = [pair for pair in SPLIT_PARTS if not {fold_header(t) for t in pair} & texts]
        candidates = [
            i
            for i, path in enumerate(paths)
            if column_kind(path) is ColumnKind.AMOUNT
            and not path.rsplit("/", 1)[-1].endswith(tuple(SUBTOTAL_WORDS))
            and self.meanings[i] is not None
            and all(
                row.merged or row.values[i] is None or isinstance(row.values[i], Decimal)
                for row in self.rows
            )
        ]
        if not candidates or not parts:
            return
        a, b = rng.choice(parts)
        self.split_column(rng.choice(candidates), (rng.choice(("小计", "合计")), a, b), rng)

    def split_column(self, column: int, names: tuple[str, str, str], rng: random.Random) -> None:
        """Print leaf column `column` as (subtotal, part, part): the subtotal keeps the column's
        values and meaning, the parts split each amount and mean no template column. A row that
        sums others (a 类 its 款, the 合计 its units) has the sums of their parts: the parts add
        up down the column as the column does."""
        if not _split_leaf(self.header, column, names):
            raise ValueError(f"column {column + 1} is no leaf to split")
        self.meanings[column : column + 1] = [self.meanings[column], None, None]
        firsts = _first_parts(self.rows, column, rng)
        self.rows = [
            _split_value_row(row, column, first)
            for row, first in zip(self.rows, firsts, strict=True)
        ]

    # --- a 项目 group above the code and name columns ----------------------------------------

    def group_code_and_name(self) -> None:
        first = self.header[:2]
        if len(first) < 2 or any(n.children for n in first):
            return
        kinds = [column_kind(n.text) for n in first]
        if kinds[1] is not ColumnKind.LABEL or kinds[0] not in (ColumnKind.CODE, ColumnKind.LABEL):
            return
        self.header[:2] = [HeaderNode("项目", tuple(first))]

    # --- synonyms -------------------------------------------------------------------------------

    def rename(self, names: Mapping[str, str]) -> None:
        """Print header texts another way (`{template text: printed text}`)."""
        self.header = [_renamed_to(node, names) for node in self.header]

    def use_synonyms(self, rng: random.Random, template: Template, chance: float) -> None:
        alternatives: dict[str, list[str]] = {}
        for printed, own in template.synonyms.items():
            alternatives.setdefault(own, []).append(printed)
        self.header = [_renamed(node, alternatives, rng, chance) for node in self.header]


def reprint(
    table: TableSpec,
    *,
    rename: Mapping[str, str] | None = None,
    split: str | None = None,
    split_names: tuple[str, str, str] = ("小计", "工资福利支出", "商品和服务支出"),
    flip_codes: bool = False,
    group_code_and_name: bool = False,
    seed: int = 0,
) -> TableSpec:
    """`table` printed with the given differences — a fixture for one named layout: header
    texts renamed, the leaf column `split` (its path) printed split, codes flipped between one
    column and 类 | 款 | 项, a 项目 group above the code and name columns."""
    printed = _Printed.of(table)
    if flip_codes:
        printed.flip_codes()
    if split is not None:
        printed.split_column(printed.paths.index(split), split_names, random.Random(seed))
    if group_code_and_name:
        printed.group_code_and_name()
    if rename:
        printed.rename(rename)
    return printed.to_table(table)


def _renamed_to(node: HeaderNode, names: Mapping[str, str]) -> HeaderNode:
    children = tuple(_renamed_to(c, names) for c in node.children)
    return HeaderNode(names.get(node.text, node.text), children)


def _renamed(
    node: HeaderNode, alternatives: dict[str, list[str]], rng: random.Random, chance: float
) -> HeaderNode:
    children = tuple(_renamed(c, alternatives, rng, chance) for c in node.children)
    options = alternatives.get(fold_header(node.text), [])
    text = rng.choice(options) if options and rng.random() < chance else node.text
    return HeaderNode(text, children)


def _split_leaf(nodes: list[HeaderNode], leaf: int, parts: tuple[str, str, str]) -> bool:
    """Give the `leaf`-th leaf column (0-based, left to right) three children — subtotal, part,
    part — in place."""
    for i, node in enumerate(nodes):
        if leaf >= node.leaf_count:
            leaf -= node.leaf_count
            continue
        if not node.children:
            nodes[i] = HeaderNode(node.text, tuple(HeaderNode(t) for t in parts))
            return True
        children = list(node.children)
        if _split_leaf(children, leaf, parts):
            nodes[i] = HeaderNode(node.text, tuple(children))
            return True
        return False
    return False


def _cents(value: Value) -> int:
    return int(value * 100) if isinstance(value, Decimal) else 0


def _summed_rows(rows: Sequence[RowSpec]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Which rows each row sums, as extraction and the rules read the printed table
    (disclosure.tables.rows_to_owners): a subject its next level's subjects of the same block;
    an entity that opens a block its block's top subjects or projects (an entity printed on
    each subject row: those rows'); the unit and the 合计 the department's own top subjects,
    else its entities. Second: where the unit's entities are listed without rows of their own
    and the department prints its own subjects, the last entity is what the unit's rows leave
    to it (entity row → the unit's other entity rows), so both sums hold."""
    body = [i for i, r in enumerate(rows) if not r.merged and r.kind != "empty_marker"]
    owners = dict(
        zip(
            body,
            rows_to_owners([(RowKind(rows[i].kind), rows[i].entity_code) for i in body]),
            strict=True,
        )
    )

    def top(candidates: list[int]) -> list[int]:
        subjects = [j for j in candidates if rows[j].kind == "subject" and rows[j].subject_code]
        if subjects:
            shortest = min(len(str(rows[j].subject_code)) for j in subjects)
            return [j for j in subjects if len(str(rows[j].subject_code)) == shortest]
        return [j for j in candidates if rows[j].kind == "item"]

    def owned_by(owner: str | None) -> list[int]:
        return [
            j for j in body
            if rows[j].kind not in ("entity", "unit", "total") and owners[j] == owner
        ]  # fmt: skip

    entities = [j for j in body if rows[j].kind == "entity"]
    units = [j for j in body if rows[j].kind == "unit"]
    own = top(owned_by(None))
    summed: dict[int, list[int]] = {}
    for i in body:
        row = rows[i]
        if row.kind == "subject" and row.subject_code and len(row.subject_code) < 7:
            code = row.subject_code
            level = {3: 5, 5: 7}[len(code)]
            summed[i] = [
                j
                for j in owned_by(owners[i])
                if str(rows[j].subject_code or "").startswith(code)
                and len(str(rows[j].subject_code)) == level
                and rows[j].kind == "subject"
            ]
        elif row.kind == "entity":
            printed = [
                j for j in body
                if j != i and rows[j].kind != "entity" and row.entity_code
                and rows[j].entity_code == row.entity_code
            ]  # fmt: skip
            summed[i] = top(printed or owned_by(row.entity_code))
        elif row.kind in ("unit", "total"):
            summed[i] = own or entities or ([] if row.kind == "unit" else units)
    summed = {i: kids for i, kids in summed.items() if kids}
    listed = [e for e in entities if e not in summed]
    remainders: dict[int, list[int]] = {}
    if own and listed and len(listed) == len(entities):
        remainders[listed[-1]] = listed[:-1]
    return summed, remainders


def _first_parts(rows: Sequence[RowSpec], column: int, rng: random.Random) -> list[int]:
    """Each row's first part of `column` in cents: random for a row that sums no others, the
    sum of its rows' first parts for one that does (and for a listed entity that completes the
    unit, what the unit's rows leave)."""
    summed, remainders = _summed_rows(rows)
    unit = next((i for i, r in enumerate(rows) if r.kind == "unit"), None)
    firsts: dict[int, int] = {}

    def first(i: int) -> int:
        if i not in firsts:
            if i in summed:
                firsts[i] = sum(first(j) for j in summed[i])
            elif i in remainders and unit is not None:
                firsts[i] = first(unit) - sum(first(j) for j in remainders[i])
            elif rows[i].kind == "item":
                # a line of a 收支总表 (or a project): the lines' own sums (本年收入合计 =
                # Σ 一、二、…, 总计 = 合计 + 结转) are not rows summing rows here, so the amount
                # goes whole to the second part and every sum holds in both
                firsts[i] = 0
            else:
                cents = _cents(rows[i].values[column]) if not rows[i].merged else 0
                firsts[i] = rng.randint(min(0, cents), max(0, cents))
        return firsts[i]

    return [first(i) for i in range(len(rows))]


def _split_value_row(row: RowSpec, column: int, first: int) -> RowSpec:
    if row.merged:
        return row
    value = row.values[column]
    if (isinstance(value, Decimal) and value != 0) or first:
        cents = _cents(value)
        a: Value = Decimal(first).scaleb(-2) or None
        b: Value = Decimal(cents - first).scaleb(-2) or None
        parts: tuple[Value, ...] = (value, a, b)
    else:
        parts = (value, None, None)
    values = (*row.values[:column], *parts, *row.values[column + 1 :])
    return dataclasses.replace(row, values=values)


def _split_code_row(row: RowSpec, column: int) -> RowSpec:
    if row.merged:
        return row
    printed = row.values[column]
    code = row.subject_code
    if row.kind == "subject" and code:
        pieces: tuple[Value, ...] = (code[:3], code[3:5], code[5:7])
    else:  # the unit or an entity prints its code in the first column; totals print none
        pieces = (printed, "", "")
    values = (*row.values[:column], *pieces, *row.values[column + 1 :])
    return dataclasses.replace(row, values=values)


def _join_code_row(row: RowSpec, first: int) -> RowSpec:
    if row.merged:
        return row
    code = row.subject_code if row.kind == "subject" and row.subject_code else ""
    values = (*row.values[:first], code, *row.values[first + 3 :])
    return dataclasses.replace(row, values=values)
