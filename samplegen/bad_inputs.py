"""Bad inputs that real sources deliver, made on demand for tests: each must be refused with
a clear reason naming the file, and never stop a run.

Files that cannot be extracted (empty, HTML saved as .pdf, truncated, encrypted, scanned, prose),
and disclosures that extract but must not load (a drifted table header, a non-numeric token in
an amount column, an absurd page count).
"""

from __future__ import annotations

import dataclasses
import io
from decimal import Decimal
from pathlib import Path

import pikepdf
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from disclosure.headers import HeaderNode
from samplegen.render import cjk_font_path, registered_font_name
from samplegen.spec import DisclosureSpec, RowSpec, TableSpec


def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def html_saved_as_pdf(path: Path) -> Path:
    """What a download gets when the server answers with an error or login page."""
    path.write_text(
        "<!DOCTYPE html>\n<html><head><title>404 页面不存在</title></head>"
        "<body><h1>404</h1><p>您访问的页面不存在</p></body></html>\n",
        encoding="utf-8",
    )
    return path


def truncated_pdf(source: Path, path: Path, keep: float = 0.4) -> Path:
    """The first `keep` fraction of a real PDF's bytes: an interrupted download."""
    data = source.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def encrypted_pdf(source: Path, path: Path, password: str = "secret") -> Path:
    """A real disclosure that needs a password to open."""
    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user=password, owner=password + "-owner"))
    return path


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages that are pictures of a table (a scan): no text layer at all."""
    font = ImageFont.truetype(str(cjk_font_path()), 28, index=0)
    canvas = Canvas(str(path), pagesize=landscape(A4))
    width, height = landscape(A4)
    for _ in range(pages):
        image = Image.new("L", (1600, 1100), 255)
        draw = ImageDraw.Draw(image)
        draw.text((560, 60), "一般公共预算支出表", font=font, fill=0)
        for row in range(12):
            y = 160 + row * 70
            draw.line((80, y, 1520, y), fill=0, width=2)
            draw.text((100, y + 18), f"2010{row:03d}  行政运行  {1000 + 17 * row:,}.00", font=font)
        for x in (80, 500, 1000, 1520):
            draw.line((x, 160, x, 160 + 11 * 70), fill=0, width=2)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        canvas.drawImage(ImageReader(buffer), 20, 20, width - 40, height - 40)
        canvas.showPage()
    canvas.save()
    return path


def prose_pdf(path: Path) -> Path:
    """A narrative disclosure: text paragraphs, no ruled table."""
    font_name = registered_font_name()
    canvas = Canvas(str(path), pagesize=A4)
    lines = [
        "湖南省信访局2024年部门预算情况说明",
        "一、部门基本情况",
        "本部门主要职责是处理群众来信来访，2024年收入预算4,114.76万元。",
        "二、收支预算情况的总体说明",
        "按照综合预算的原则，本部门所有收入和支出均纳入部门预算管理。",
    ]
    y = 780
    for line in lines:
        canvas.setFont(font_name, 12)
        canvas.drawString(60, y, line)
        y -= 28
    canvas.showPage()
    canvas.save()
    return path


# --- disclosures that extract, but must not load ---------------------------------------------


def _rename_leaf(nodes: tuple[HeaderNode, ...], old: str, new: str) -> tuple[HeaderNode, ...]:
    return tuple(
        dataclasses.replace(
            node,
            text=new if node.text == old and not node.children else node.text,
            children=_rename_leaf(node.children, old, new),
        )
        for node in nodes
    )


def _drift(table: TableSpec, kind: str) -> TableSpec:
    paths = table.column_paths
    if kind == "renamed":
        # The last leaf, renamed: `…/其他支出` printed as `…/其他支出（调整）`.
        old = paths[-1].rsplit("/", 1)[-1]
        header = _rename_leaf(table.header, old, f"{old}（调整）")
        return dataclasses.replace(table, header=header)
    if kind == "added":
        # A column the template does not have, printed last; every row gets an empty cell.
        rows = tuple(
            row if row.merged else dataclasses.replace(row, values=(*row.values, None))
            for row in table.rows
        )
        widths = table.column_widths and (*table.column_widths, table.column_widths[-1])
        return dataclasses.replace(
            table,
            header=(*table.header, HeaderNode("备用金")),
            rows=rows,
            column_widths=widths,
        )
    raise ValueError(f"unknown header drift {kind!r}: renamed or added")


def header_drift(spec: DisclosureSpec, code: str = "07", kind: str = "renamed") -> DisclosureSpec:
    """The same disclosure with one table's header changed: a leaf `renamed` or `added`."""
    if not any(t.code == code for t in spec.tables):
        raise ValueError(f"the spec has no table {code}")
    tables = tuple(_drift(t, kind) if t.code == code else t for t in spec.tables)
    return dataclasses.replace(spec, tables=tables)


def non_numeric_amount(
    spec: DisclosureSpec, code: str = "07", token: str = "l,204.00"
) -> DisclosureSpec:
    """The same disclosure with its first amount in table `code` printed as `token` (an OCR-like
    slip: `l` for `1`, `O` for `0`), which extraction keeps as text with no amount."""
    done = False

    def slip(row: RowSpec) -> RowSpec:
        nonlocal done
        if done or row.merged:
            return row
        values = list(row.values)
        for i, value in enumerate(values):
            if isinstance(value, Decimal):
                values[i] = token
                done = True
                break
        return dataclasses.replace(row, values=tuple(values))

    tables = tuple(
        dataclasses.replace(t, rows=tuple(slip(r) for r in t.rows)) if t.code == code else t
        for t in spec.tables
    )
    if not done:
        raise ValueError(f"table {code} prints no amount to replace")
    return dataclasses.replace(spec, tables=tables)


def padded_pdf(source: Path, path: Path, blank_pages: int) -> Path:
    """A real disclosure followed by `blank_pages` empty pages: an absurd page count."""
    with pikepdf.open(source) as pdf:
        size = pdf.pages[-1].mediabox
        for _ in range(blank_pages):
            pdf.add_blank_page(page_size=(float(size[2]), float(size[3])))
        pdf.save(path)
    return path
