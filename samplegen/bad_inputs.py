"""Bad inputs that real sources deliver, made on demand for tests: each must be refused with
a clear reason naming the file, and never stop a run.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from samplegen.render import cjk_font_path, registered_font_name


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
