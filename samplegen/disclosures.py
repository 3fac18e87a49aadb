"""Sample disclosures as extraction returns them, without rendering a PDF.

`spec_to_disclosure(spec)` turns a `samplegen` spec into the `Disclosure` that extracting its
rendered PDF gives (the round-trip tests hold extraction to exactly `expected_cells(spec)`), so the
reconciliation tests and benchmark can check hundreds of generated disclosures in seconds. Page
numbers and bounding boxes are placeholders on a regular grid: one page per table.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from decimal import Decimal

from disclosure.columns import column_kind as path_kind
from disclosure.model import BBox, Cell, Column, ColumnKind, Disclosure, ExtractedTable, RowKind
from disclosure.tables import rows_to_owners, with_measures
from disclosure.template import TableTemplate, Template, load_template
from disclosure.text import squeeze
from samplegen.spec import ColumnMeaning, DisclosureSpec, TableSpec

_LEFT, _TOP, _WIDTH, _HEIGHT = 30.0, 90.0, 40.0, 14.0


def spec_to_disclosure(spec: DisclosureSpec) -> Disclosure:
    template = load_template(spec.template)
    tables = [
        _table(table, page_no, template, spec.kind)
        for page_no, table in enumerate(spec.tables, start=1)
    ]
    return Disclosure(
        path=spec.file_name,
        page_count=len(spec.tables),
        template=spec.template,
        year=spec.year,
        unit_code=spec.unit_code,
        unit_name=spec.unit_name,
        tables=tables,
        scope=spec.scope,
        kind=spec.kind,
    )


def spec_doc_id(spec: DisclosureSpec, salt: str = "") -> str:
    """A stable stand-in for the sha256 of the rendered file."""
    return hashlib.sha256(f"{salt}{spec!r}".encode()).hexdigest()


# A 行次 column holds numbers that are no amounts; until the extraction model names such a
# column, it reads as a code column (never parsed as money).
_KINDS = {
    "code": ColumnKind.CODE,
    "label": ColumnKind.LABEL,
    "amount": ColumnKind.AMOUNT,
    "text": ColumnKind.TEXT,
    "numbering": ColumnKind.CODE,
}
_UNIT = re.compile(r"(万元|元)\s*$")


def column_kind(path: str, means: str | None, meaning: ColumnMeaning | None) -> ColumnKind:
    """What extraction reads a column as: its stated meaning, else its template path or header."""
    return _KINDS[meaning.kind] if meaning else path_kind(means or path)


def _table_template(table: TableSpec, template: Template) -> TableTemplate | None:
    """The template table extraction reads a printed table as: the format's own, by code, else
    the standard table its title names."""
    own = {t.code: t for t in template.tables}
    if table.code in own and table.standard_table in (None, own[table.code].standard_table):
        return own[table.code]
    return template.standard_match("".join(table.title_lines))


def _table(table: TableSpec, page_no: int, template: Template, kind: str) -> ExtractedTable:
    paths = table.column_paths
    read_as = _table_template(table, template)
    meanings = table.meanings
    if table.template_paths is None and read_as is not None and not read_as.header:
        # a standard table named by its title's words has no template columns: extraction
        # reads its columns by their headers' meaning alone (template_path None)
        meanings = [None] * len(paths)
    stated = table.columns or [None] * len(paths)
    columns = with_measures(
        [
            Column(i, path, column_kind(path, means, meaning), means)
            for i, (path, means, meaning) in enumerate(
                zip(paths, meanings, stated, strict=True), start=1
            )
        ],
        read_as,
        kind,
    )
    texts_by_row = [[squeeze(table.text_of(v)) for v in row.values] for row in table.rows]
    # What extraction reads of each row's entity: the code where the row prints it, and the
    # block it is printed in (disclosure.tables.rows_to_owners).
    printed = [
        row.entity_code if row.entity_code and row.entity_code in texts else None
        for row, texts in zip(table.rows, texts_by_row, strict=True)
    ]
    owners = rows_to_owners(
        [
            (RowKind(row.kind), code or _first_label(columns, texts))
            for row, code, texts in zip(table.rows, printed, texts_by_row, strict=True)
        ]
    )
    amounts = [c.kind is ColumnKind.AMOUNT for c in columns]
    labels = [c.column_no - 1 for c in columns if c.kind is ColumnKind.LABEL]
    cells: list[Cell] = []
    for row_no, row in enumerate(table.rows, start=1):
        row_kind = RowKind(row.kind)
        texts = texts_by_row[row_no - 1]
        names = [None] * len(texts) if row.merged else row_labels(labels, texts)
        for col, (value, text) in enumerate(zip(row.values, texts, strict=True)):
            cells.append(
                Cell(
                    row_no=row_no,
                    column_no=col + 1,
                    column_path=paths[col],
                    template_path=meanings[col],
                    row_label=names[col],
                    row_kind=row_kind,
                    subject_code=row.subject_code,
                    entity_code=printed[row_no - 1],
                    text=text,
                    amount=value
                    if amounts[col] and isinstance(value, Decimal) and not row.numbering
                    else None,
                    page_no=page_no,
                    bbox=_bbox(row_no, col, len(paths) if row.merged else 1),
                    owner_code=owners[row_no - 1],
                )
            )
    return ExtractedTable(
        table_code=table.code,
        title="".join(table.title_lines),
        unit_label=unit.group(1) if (unit := _UNIT.search(table.unit_line)) else "万元",
        page_from=page_no,
        page_to=page_no,
        header_rows=max(_depth(n) for n in table.header),
        columns=columns,
        cells=cells,
        is_empty=table.is_empty,
        notes=list(table.notes),
        # as extraction names it (a 决算's 收入支出决算总表 is the 收支总表)
        standard_table=(read_as.standard_table if read_as else None) or table.standard_table,
        classification=read_as.classification if read_as else None,
        kind=kind,
        named_by=template.named_by(read_as) if read_as else None,
    )


def _first_label(columns: Sequence[Column], texts: Sequence[str]) -> str | None:
    labels = (
        texts[c.column_no - 1]
        for c in columns
        if c.kind is ColumnKind.LABEL and c.column_no <= len(texts)
    )
    return next((text for text in labels if text), None)


def row_labels(labels: Sequence[int], texts: Sequence[str]) -> list[str | None]:
    """Each cell's row label as extraction names it: the nearest label column at or left of
    the cell that has text, else the first label column with text."""
    first = next((texts[i] for i in labels if i < len(texts) and texts[i]), None)
    out: list[str | None] = []
    nearest: str | None = None
    for col in range(len(texts)):
        if col in labels and texts[col]:
            nearest = texts[col]
        out.append(nearest or first)
    return out


def _bbox(row_no: int, col: int, span: int) -> BBox:
    x0 = _LEFT + col * _WIDTH
    top = _TOP + (row_no - 1) * _HEIGHT
    return BBox(x0, top, x0 + span * _WIDTH, top + _HEIGHT)


def _depth(node: object) -> int:
    children = getattr(node, "children", ())
    return 1 + max((_depth(c) for c in children), default=0)
