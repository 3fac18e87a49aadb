"""pdfplumber pages whose objects come from PLAYA (`playa-pdf`), pdfminer's compiled descendant,
the same to the last bit as pdfminer makes them.

    with playa.open(path, space="page") as document:
        fonts = FontReadings()
        page = playa_page(document.pages[0], 1, fonts)   # a pdfplumber Page; or NotExact

PLAYA interprets the content streams in compiled code; what it yields (text shown with a font,
paths painted, images) is turned here into the dicts pdfplumber's table finder and this project's
grid code read: chars (text, x0, x1, top, bottom, size, upright), lines, rects and curves (with
their edges' geometry and fill colour), images. Every coordinate is computed with pdfminer's own
arithmetic (`pdfminer.utils`), in pdfminer's order, from pdfminer's font metrics — not PLAYA's,
which differ where pdfminer has behaviours of its own:

- character spacing comes between the glyphs of a string, never after its last one;
- a TrueType or Type 1 font named like one of pdfminer's built-in metrics (Arial,
  TimesNewRoman, CourierNew, Helvetica, …) is measured with those metrics, not its /Widths;
- a font without /Descent has a descent of 0 (PLAYA assumes -120); a glyph missing from
  /Widths is 0 wide unless /MissingWidth says otherwise (PLAYA assumes 1000);
- a fill with a pattern is reported by the pattern's name.

What PLAYA cannot reproduce exactly raises `NotExact` and that page is read with pdfminer
(`disclosure.extract.read_pages`): vertical writing, Type 3 fonts, CID fonts whose CMap is
embedded in the file, glyphs without a Unicode mapping (pdfminer prints them `(cid:N)`), and a
text position moved by a text operator that shows nothing (PLAYA does not report it, so its
exact sum is unknown). `tests/disclosure/test_parsers.py` holds the proof: every char, edge and
cell of every sample and real PDF is the same either way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.utils import apply_matrix_pt, get_bound, mult_matrix
from pdfplumber._typing import T_bbox
from pdfplumber.page import Page, _invert_box, _normalize_box
from playa.content import ImageObject, PathObject, TextObject
from playa.font import CIDFont, Font, Type3Font
from playa.page import Page as SourcePage
from playa.pdftypes import ContentStream, resolve1, resolve_all

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]


class NotExact(Exception):
    """The page holds something PLAYA does not read as pdfminer does; read it with pdfminer."""


@dataclass(frozen=True, slots=True)
class FontReading:
    """How pdfminer measures a font: its glyph widths (1/1000 of the size) and descent."""

    widths: dict[Any, Any]  # by character code, or, for built-in metrics, by character
    by_text: bool  # pdfminer's built-in metrics: widths are looked up by the glyph's text
    default_width: float
    descent: float  # in text space units (negative or 0)
    multibyte: bool


def _number(value: Any, default: float = 0) -> Any:
    value = resolve1(value)
    return value if isinstance(value, int | float) and not isinstance(value, bool) else default


def font_reading(font: Font) -> FontReading:
    """pdfminer's reading of `font` (`pdfminer.pdffont`), or NotExact for the fonts it reads in
    ways of its own."""
    if font.vertical:
        raise NotExact(f"vertical writing ({font.basefont})")
    if isinstance(font, Type3Font):
        raise NotExact(f"Type 3 font ({font.fontname})")
    descriptor: Mapping[str, Any]
    widths: dict[Any, Any]
    if isinstance(font, CIDFont):
        encoding = resolve1(font.spec.get("Encoding"))
        if isinstance(encoding, ContentStream):
            raise NotExact(f"CID font with an embedded CMap ({font.basefont})")
        descriptor = font.descriptor
        widths, by_text = dict(font.widths), False
        default = font.default_width
    else:
        # Type 1, TrueType and any other simple font: pdfminer's PDFType1Font
        builtin = FONT_METRICS.get(font.basefont)
        if builtin is not None:
            descriptor, widths = builtin
            by_text = True
        else:
            descriptor = font.descriptor
            widths, by_text = dict(font.widths), False
        default = _number(descriptor.get("MissingWidth"), 0)
    descent = _number(descriptor.get("Descent"), 0)
    if descent > 0:
        descent = -descent
    return FontReading(widths, by_text, default, descent * 0.001, bool(font.multibyte))


class FontReadings:
    """Each font's reading, worked out once per document."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Font, FontReading | NotExact]] = {}

    def __call__(self, font: Font) -> FontReading:
        found = self._known.get(id(font))
        if found is None or found[0] is not font:
            try:
                reading: FontReading | NotExact = font_reading(font)
            except NotExact as refused:
                reading = refused
            found = (font, reading)
            self._known[id(font)] = found
        if isinstance(found[1], NotExact):
            raise found[1]
        return found[1]


def pdfminer_ctm(mediabox: tuple[float, float, float, float], rotate: int) -> Matrix:
    """The initial CTM pdfminer gives a page (`PDFPageInterpreter.process_page`)."""
    (x0, y0, x1, y1) = mediabox
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


class _Placement:
    """Where pdfplumber puts a point of pdfminer's device space on the page."""

    def __init__(self, mediabox: tuple[float, float, float, float], height: float) -> None:
        self.x0, self.top = mediabox[0], mediabox[1]
        self.height = height


class _Reader:
    """Turns one page's content objects into pdfplumber's object dicts, in content order."""

    def __init__(self, placement: _Placement, page_number: int, fonts: FontReadings) -> None:
        self.at = placement
        self.page_number = page_number
        self.fonts = fonts
        self.chars: list[dict] = []
        self.lines: list[dict] = []
        self.rects: list[dict] = []
        self.curves: list[dict] = []
        self.images: list[dict] = []
        # The pen positions (pdfminer's, with the line matrix) handed back to PLAYA's
        # interpreter at the end of each text object: where the next one may start.
        self._pens: set[tuple[Matrix, Point]] = set()

    # text -----------------------------------------------------------------------------------

    def text(self, obj: TextObject) -> None:
        gstate = obj.gstate
        font = gstate.font
        if font is None:  # pdfminer shows nothing either, nor moves the pen
            return
        reading = self.fonts(font)
        start = obj._glyph_offset
        line_matrix = obj.line_matrix
        x: float
        y: float
        if start == (0, 0):
            x, y = 0, 0  # pdfminer's pen after BT, Td, TD, Tm, T*
        elif (line_matrix, start) in self._pens:
            x, y = start  # where the text object before left it (or q saved it)
        else:  # moved by PLAYA's own arithmetic, for a TJ that shows nothing
            raise NotExact("text position moved by a text operator that shows nothing")
        # pdfminer.pdfdevice.PDFTextDevice.render_string(_horizontal), step for step
        matrix = mult_matrix(line_matrix, obj.ctm)
        fontsize = gstate.fontsize
        scaling = gstate.scaling * 0.01
        charspace = gstate.charspace * scaling
        wordspace = 0 if reading.multibyte else gstate.wordspace * scaling
        rise = gstate.rise
        dxscale = 0.001 * fontsize * scaling
        descent = reading.descent * fontsize
        a, b, c, d, e, f = matrix
        upright = a * d * scaling > 0 and b * c <= 0
        # pdfminer's LTChar box, (0, descent + rise, adv, descent + rise + fontsize) through the
        # glyph's matrix (apply_matrix_rect): each corner is a * x + c * y + e, b * x + d * y +
        # f, summed in that order; the terms that do not change from glyph to glyph are summed
        # once here.
        low = descent + rise
        high = low + fontsize
        left_low, left_high = a * 0 + c * low, a * 0 + c * high
        bottom_left, top_left = b * 0 + d * low, b * 0 + d * high
        c_low, c_high, d_low, d_high = c * low, c * high, d * low, d * high
        widths, default = reading.widths, reading.default_width
        at_x0, at_top, at_height = self.at.x0, self.at.top, self.at.height
        chars = self.chars
        needcharspace = False
        for item in obj.args:
            if isinstance(item, int | float):
                x -= item * dxscale
                needcharspace = True
                continue
            for cid, text in font.decode(item):
                if needcharspace:
                    x += charspace
                if not text:
                    raise NotExact(f"a glyph without a Unicode mapping ({font.basefont} {cid})")
                width = widths.get(text if reading.by_text else cid)
                if width is None:
                    width = default
                adv = width * 0.001 * fontsize * scaling
                ge = x * a + y * c + e
                gf = x * b + y * d + f
                l1, l2 = left_low + ge, left_high + ge
                aa, ba = a * adv, b * adv
                r1, r2 = aa + c_low + ge, aa + c_high + ge
                b1, t2 = bottom_left + gf, top_left + gf
                b2, t1 = ba + d_low + gf, ba + d_high + gf
                x0, x1 = min(l1, l2, r1, r2), max(l1, l2, r1, r2)
                y0, y1 = min(b1, b2, t1, t2), max(b1, b2, t1, t2)
                chars.append(
                    {
                        "object_type": "char",
                        "text": text,
                        "x0": x0 + at_x0,
                        "x1": x1 + at_x0,
                        "top": at_height - y1 + at_top,
                        "bottom": at_height - y0 + at_top,
                        "size": y1 - y0,
                        "upright": upright,
                    }
                )
                x += adv
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
        # The interpreter starts the next text object where this one ends: at pdfminer's pen,
        # which spares PLAYA working out its own (decoding the strings a second time).
        obj._next_glyph_offset = (x, y)
        self._pens.add((line_matrix, (x, y)))

    # paths ----------------------------------------------------------------------------------

    def path(self, obj: PathObject) -> None:
        """pdfminer.converter.PDFLayoutAnalyzer.paint_path, then pdfplumber's process_object."""
        segments = obj.raw_segments
        if not segments or segments[0].operator != "m":
            return  # pdfminer ignores a path that does not begin with m
        start = 0
        for i in range(1, len(segments) + 1):
            if i == len(segments) or segments[i].operator == "m":
                if i - start > 1:  # pdfminer's m[^m]+: a lone m paints nothing
                    self._subpath(obj, segments[start:i])
                start = i

    def _subpath(self, obj: PathObject, segments: list) -> None:
        ctm = obj.ctm
        first = segments[0].points[-1]
        shape = "".join(seg.operator for seg in segments)
        pts = [
            apply_matrix_pt(ctm, first if seg.operator == "h" else seg.points[-1])
            for seg in segments
        ]
        if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
            shape = shape[:-2] + "h"
            pts.pop()
        if shape in ("mlh", "ml"):
            self.lines.append(self._curve("line", obj, [pts[0], pts[1]]))
            return
        if shape in ("mlllh", "mllll"):
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
            closed = pts[0] == pts[4]
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            )
            if closed and square:
                (rx0, ry0), (rx1, ry1) = pts[0], pts[2]
                corners = [(rx0, ry0), (rx1, ry0), (rx1, ry1), (rx0, ry1)]
                self.rects.append(self._curve("rect", obj, corners))
                return
        self.curves.append(self._curve("curve", obj, pts))

    def _curve(self, kind: str, obj: PathObject, pts: list[Point]) -> dict:
        (x0, y0, x1, y1) = get_bound(pts)
        at = self.at
        gstate = obj.gstate
        top = at.height - y1 + at.top
        made = {
            "object_type": kind,
            "page_number": self.page_number,
            "x0": x0 + at.x0 if at.x0 else x0,
            "y0": y0,
            "x1": x1 + at.x0 if at.x0 else x1,
            "y1": y1,
            "width": x1 - x0,
            "height": y1 - y0,
            "top": top,
            "bottom": at.height - y0 + at.top,
            "doctop": top,
            "linewidth": gstate.linewidth,
            "stroke": obj.stroke,
            "fill": obj.fill,
            "evenodd": obj.evenodd,
            "stroking_color": _color(gstate.scolor),
            "non_stroking_color": _color(gstate.ncolor),
            "pts": [(at.x0 + px, at.top + at.height - py) for px, py in pts],
        }
        return made

    def image(self, obj: ImageObject) -> None:
        if obj.bbox is None:
            return
        (x0, y0, x1, y1) = obj.bbox
        at = self.at
        self.images.append(
            {
                "object_type": "image",
                "page_number": self.page_number,
                "x0": x0 + at.x0,
                "x1": x1 + at.x0,
                "top": at.height - y1 + at.top,
                "bottom": at.height - y0 + at.top,
            }
        )

    def objects(self) -> dict[str, list[dict]]:
        found = {
            "char": self.chars,
            "line": self.lines,
            "rect": self.rects,
            "curve": self.curves,
            "image": self.images,
        }
        return {kind: objs for kind, objs in found.items() if objs}


def _color(color: Any) -> Any:
    """A colour as pdfminer gives it: its components, or a pattern fill by its name."""
    if color is None:
        return None
    if color.pattern is not None:
        return color.pattern
    values = tuple(color.values)
    return values[0] if len(values) == 1 else values


class PlayaPage(Page):
    """A pdfplumber Page whose objects PLAYA read (see the module docstring). It has no
    pdfminer document behind it: what pdfplumber derives from objects (edges, filters, crops,
    tables) works; what reads the file itself (annotations, structure, images' pixels) does
    not."""

    def __init__(self, page: SourcePage, page_number: int, fonts: FontReadings) -> None:
        self.pdf = None  # type: ignore[assignment]
        self.root_page = self
        self.page_obj = page  # type: ignore[assignment]
        self.page_number = page_number
        self.initial_doctop = 0
        attrs = page.attrs
        self.rotation = int(_number(resolve_all(attrs.get("Rotate")), 0)) % 360
        raw = resolve_all(attrs.get("MediaBox"))
        mb_raw = _normalize_box(cast(T_bbox, raw), self.rotation)
        mb_height = mb_raw[3] - mb_raw[1]
        self.mediabox = _invert_box(mb_raw, mb_height)
        self.cropbox = self.mediabox
        if "CropBox" in attrs:
            cropbox = cast(T_bbox, resolve_all(attrs.get("CropBox")))
            self.cropbox = _invert_box(_normalize_box(cropbox, self.rotation), mb_height)
        self.bbox = self.mediabox
        self.get_textmap = lru_cache()(self._get_textmap)
        self._objects = read_objects(page, self, fonts)

    @property
    def objects(self) -> dict[str, list[dict]]:
        return self._objects


def read_objects(page: SourcePage, plumbed: Page, fonts: FontReadings) -> dict[str, list[dict]]:
    """The page's chars, lines, rects, curves and images as pdfplumber's dicts."""
    page.ctm = pdfminer_ctm(page.mediabox, page.rotate)
    height = plumbed.height
    if not math.isfinite(height):
        raise NotExact("a page box that is not a number")
    reader = _Reader(_Placement(plumbed.mediabox, height), plumbed.page_number, fonts)
    for obj in page.flatten():
        if isinstance(obj, TextObject):
            reader.text(obj)
        elif isinstance(obj, PathObject):
            reader.path(obj)
        elif isinstance(obj, ImageObject):
            reader.image(obj)
    return reader.objects()


def playa_page(page: SourcePage, page_number: int, fonts: FontReadings) -> PlayaPage:
    """pdfplumber's page `page_number` (1-based) read by PLAYA, or NotExact."""
    return PlayaPage(page, page_number, fonts)
