"""The disclosure's identity as printed on its cover, headings and table captions: year, unit
code, unit name.

Where each is printed differs by format; read in this order, the first that says wins:

- the unit's name: a labelled line (`单位名称：…`, `部门名称：…`, `部门（单位）名称：…`), else
  a filer line (`编制单位：…`, `填报部门：…`, `部门：…`, `部门（单位）：…`, `预算单位：…`), else a
  heading that names it (`2026年深圳市信访局部门预算`, or a cover printing the name on the line
  above `2026年部门预算公开`), else a form's `部门名称 | …` row; the one printed most, on a tie
  the first printed;
- the unit code: `单位代码：010`, `部门编码：101.001` — its digits (dots, as some formats print
  them, are dropped: `101001`);
- the year: a heading's or title's `20xx年` (`2026年部门预算`, `（2026年度）`,
  `2026年部门收支总体情况表`), else any `20xx年` printed, else the file name (`…_2026_…`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby, pairwise
from operator import attrgetter

from disclosure.grid import Grid
from disclosure.text import squeeze

_YEAR = re.compile(r"(?<!\d)(20\d{2})(?:年|度)")
_FILE_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")
# A heading or a title: short, and about a budget, an account or a table.
_HEADING_WORDS = re.compile(r"预算|决算|表")
_HEADING_LENGTH = 40
# `部门（单位）`, printed as one word by some formats.
_UNIT_WORD = r"(?:单位|部门)(?:[(（](?:单位|部门)[)）])?"
_UNIT_CODE = re.compile(rf"{_UNIT_WORD}(?:代码|编码)[:：](\d+(?:[.．]\d+)*)")
_MIN_CODE_DIGITS = 3
_AFTER = r"(?:(?:金额)?单位[:：].*)?$"  # the `单位：万元` some print after the name
_UNIT_NAME = re.compile(rf"{_UNIT_WORD}名称[:：](.+?){_AFTER}")
# `填报部门：…`, `编制单位：…`, `编制部门：…`, `部门：…` (Jiangsu), `部门（单位）：…` (Shandong),
# `预算单位：…` (Shanghai's cover), with or without the `单位：万元` printed after it.
_FILER = re.compile(
    rf"(?:(?:填报|编制|编报){_UNIT_WORD}|部门(?:[(（]单位[)）])?|预算单位)[:：](.+?){_AFTER}"
)
_UNIT_LABEL = re.compile(r"(?:金额)?单位[:：](亿元|百万元|万元|千元|元)$")
# A cover or running heading: `2026年深圳市信访局部门预算`, `无锡市信访局2025年度部门预算公开`,
# `2026年部门预算公开` (the name on the line above), `第二部分2026年度单位预算表`.
_PART = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、)")
_HEADING_TAIL = re.compile(
    r"(?:(?:市|省|区|县)级|本级)?(?:部门|单位)?(?:预算|决算)(?:信息)?(?:公开)?(?:表|文件|报表)?$"
)
_HEADING_YEAR = re.compile(r"20\d{2}年?度?")
# What a unit's name never holds: numbers, punctuation, the words of a table's or a chapter's
# title (`政府采购预算表` ends like a heading but names no unit), of a sentence (`…批复的部门预算`).
_NOT_A_NAME = re.compile(
    r"[\d:：,，。;；、…·.]|目录|说明|部分|预算|决算|支出|收入|收支|经费|拨款|采购|项目|资金|表"
    r"|合计|公开|的|关于|^.{0,3}$|^.{31,}$"
)
# A form's row that names the unit: its label cell, then the name.
_FORM_LABEL = re.compile(rf"^{_UNIT_WORD}名称[:：]?$")
_HEADER_WORD = re.compile(r"(?:名称|性质|代码|编码|级次|类型|级别|合计|序号)$")


@dataclass(frozen=True)
class Cover:
    year: int | None
    unit_code: str | None
    unit_name: str | None


def code_digits(text: str) -> str | None:
    """A printed code's digits (`101.001` → `101001`), None when the text is not a code."""
    squeezed = squeeze(text).replace("．", ".")
    if re.fullmatch(r"\d+(?:\.\d+)*", squeezed):
        return squeezed.replace(".", "")
    return None


def heading_name(line: str, above: str | None = None) -> str | None:
    """The unit a cover or running heading names: `2026年深圳市信访局部门预算` → 深圳市信访局;
    `2026年部门预算公开` names the one on the line `above` it (`长沙市信访局`)."""
    text = squeeze(line)
    if len(text) > _HEADING_LENGTH or not _HEADING_TAIL.search(text):
        return None
    rest = _HEADING_TAIL.sub("", _PART.sub("", text))
    rest = _HEADING_YEAR.sub("", rest)
    if rest:
        return None if _NOT_A_NAME.search(rest) else rest
    if above is not None:
        name = squeeze(above)
        if not _NOT_A_NAME.search(name):
            return name
    return None


def _heading_names(lines: Sequence[str]) -> list[str]:
    names = []
    for at, line in enumerate(lines):
        name = heading_name(line, lines[at - 1] if at else None)
        if name is not None:
            names.append(name)
    return names


def lines_to_cover(
    lines: Iterable[str], file_name: str | None = None, forms: Iterable[str] = ()
) -> Cover:
    """Read year, unit code and unit name from a disclosure's lines (cover first).

    The cover prints `2024 年省级单位预算公开表`, `单位代码： 010`, `单位名称： 湖南省信访局`;
    without a cover, the `填报部门：…` caption or a heading names the unit and a title's
    `20xx年` gives the year; `file_name`, the year when nothing printed says it. `forms`: the
    `部门名称：…` lines of forms (`form_lines`), the unit's name when nothing else prints it (a
    form may name one of its bodies).
    """
    texts = [squeeze(line) for line in lines]
    code = None
    names: Counter[str] = Counter()
    filers: Counter[str] = Counter()
    for text in texts:
        if code is None and (m := _UNIT_CODE.search(text)):
            digits = code_digits(m.group(1))
            code = digits if digits and len(digits) >= _MIN_CODE_DIGITS else None
        if m := _UNIT_NAME.match(text):
            names[m.group(1)] += 1
        if m := _FILER.match(text):
            filers[m.group(1)] += 1
    # The name printed most often: one caption may print it cut short (江苏省人大 for
    # 江苏省人大常委会办公厅); on a tie, the first printed (the cover's).
    formed = Counter(m.group(1) for m in map(_UNIT_NAME.match, forms) if m)
    printed = names or filers or Counter(_heading_names(texts)) or formed
    name = printed.most_common(1)[0][0] if printed else None
    return Cover(year=_year(texts, file_name), unit_code=code, unit_name=name)


def _year(texts: Sequence[str], file_name: str | None) -> int | None:
    headings = (
        t for t in texts if (len(t) <= _HEADING_LENGTH and _HEADING_WORDS.search(t)) or _bare(t)
    )
    for candidates in (headings, texts):
        for text in candidates:
            if m := _YEAR.search(text):
                return int(m.group(1))
    if file_name and (m := _FILE_YEAR.search(file_name)):
        return int(m.group(1))
    return None


def _bare(text: str) -> bool:
    """A year printed alone: `（2026年度）`, `2026年`."""
    return bool(re.fullmatch(r"[(（]?20\d{2}年度?[)）]?", text))


def form_lines(grids: Iterable[Grid]) -> list[str]:
    """`部门名称：…` lines from the rows of a form that name the unit in a cell beside the label
    (`部门名称 | 北京市信访办公室`; `单位编码 | 126001 | 单位名称 | 长沙市信访局`). A table's header
    row (`单位名称 | 单位性质`) names no unit."""
    found = []
    rows = (row for grid in grids for _, row in groupby(grid.cells, key=attrgetter("row")))
    for row in rows:
        cells = [text for cell in row if (text := squeeze(cell.text))]
        for label, value in pairwise(cells):
            if _FORM_LABEL.match(label) and len(value) >= 4 and not _HEADER_WORD.search(value):
                found.append(f"{label.rstrip(':：')}：{value}")
    return found


def filer_name(line: str) -> str | None:
    """The unit named by a `填报部门：…` caption line."""
    m = _FILER.match(squeeze(line))
    return m.group(1) if m else None


def unit_label(line: str) -> str | None:
    """`万元` from a `单位：万元` / `金额单位：万元` caption (alone or after 填报部门)."""
    m = _UNIT_LABEL.search(squeeze(line))
    return m.group(1) if m else None
