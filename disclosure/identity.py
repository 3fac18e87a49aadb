"""Who published a disclosure, and which document it is: the unit's code and name, and whether it
is a department's 部门预算 or a body's 单位预算 (its scope).

Hunan prints a unit code on the cover (`单位代码：010`). Jiangsu and Shanghai print none: their
templates say `unit_code: derived`, and the code is derived from the unit's name as printed
(`编制单位：上海市财政局`, `部门：江苏省人民检察院`):

    unit_code = <province initials> "-" <the first 10 hex digits of sha256(folded name)>
    e.g. 上海市财政局 → SH-…, 江苏省人民检察院 → JS-…

The name is folded first (whitespace removed, bracket widths folded, a trailing `（单位）` or
`（部门）` dropped, and the standard short forms used: 中国共产党 → 中共, 中共…省委员会 → 中共…省委,
中国人民政治协商会议…省委员会 → …省政协, 人民代表大会常务委员会 → 人大常委会), so the same body
gets the same code every year and in every document however it spells itself (Jiangsu's 2017
tables print 中国共产党江苏省委员会办公厅, its 2018 ones 中共江苏省委办公厅), which is what
supersede and year-over-year comparisons key on. A renamed body gets a new code; the unit's
printed name is kept beside it (`units`, `disclosures.unit_name`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable

from disclosure.template import Template
from disclosure.text import squeeze, title_key

PROVINCE_INITIALS = {"湖南省": "HN", "江苏省": "JS", "上海市": "SH"}
_FOLD = str.maketrans({"（": "(", "）": ")", "　": ""})
_ROLE = re.compile(r"\((?:单位|部门|本级)\)$")
SCOPES = ("部门", "单位")


# Official short forms, applied in order (the long forms appear only in full names).
_SHORT_FORMS = (
    (re.compile("中国共产党"), "中共"),
    (re.compile(r"^中共(.{2,6}?[省市区县])委员会"), r"中共\1委"),
    (re.compile("人民代表大会常务委员会"), "人大常委会"),
    (re.compile(r"^中国人民政治协商会议(.{2,6}?[省市区县])委员会"), r"\1政协"),
)


def fold_unit_name(name: str) -> str:
    """The form of a unit's name its code is derived from."""
    folded = _ROLE.sub("", squeeze(name).translate(_FOLD))
    for long_form, short_form in _SHORT_FORMS:
        folded = long_form.sub(short_form, folded)
    return folded


def derived_unit_code(template: Template, unit_name: str) -> str:
    """The unit code of a template that prints none, from the unit's printed name."""
    initials = PROVINCE_INITIALS.get(template.province, template.name[:2].upper())
    digest = hashlib.sha256(fold_unit_name(unit_name).encode("utf-8")).hexdigest()
    return f"{initials}-{digest[:10]}"


def read_scope(template: Template, titles: Iterable[str]) -> str:
    """部门 or 单位: fixed by the template, or read from what its titles print before the table
    title (`2024年部门财务收支预算总表` → 部门, `2025年预算单位…` → 单位), the most frequent."""
    if template.scope in SCOPES:
        return template.scope
    votes: Counter[str] = Counter()
    for printed in titles:
        key = title_key(printed)
        table = template.match_title(printed)
        lead = key
        if table is not None:
            for title in table.titles:
                if title_key(title) in key:
                    lead = key[: key.index(title_key(title))]
        if "单位" in lead:
            votes["单位"] += 1
        elif "部门" in lead:
            votes["部门"] += 1
    return votes.most_common(1)[0][0] if votes else "部门"


_LEAD_NOISE = re.compile(r"^(?:.*?20\d{2}年度?)|(?:部门|单位|预算单位)$")


def unit_name_from_titles(template: Template, titles: Iterable[str]) -> str | None:
    """The unit's name as its titles print it before the table title
    (`一、2018年度江苏省高级人民法院收支预算总表` → 江苏省高级人民法院), the most frequent; None
    when the titles print no name."""
    names: Counter[str] = Counter()
    for printed in titles:
        key = title_key(printed)
        table = template.match_title(printed)
        if table is None:
            continue
        for title in table.titles:
            at = key.rfind(title_key(title))
            if at > 0:
                lead = _LEAD_NOISE.sub("", key[:at])
                lead = _LEAD_NOISE.sub("", lead)  # a year, then 部门 after the name
                if len(lead) >= 4:
                    names[lead] += 1
                break
    return names.most_common(1)[0][0] if names else None
