"""Who published a disclosure, and which document it is: the unit's code, name and region, and
whether it is a department's 部门预算 or a body's 单位预算 (its scope).

**The unit code** is the 单位代码 the document prints (`单位代码：010`, Hunan's 3 digits;
`101.001` and other 6- to 9-digit forms elsewhere, stored as digits). Where none is printed (or
its template says the format prints none, `unit_code: derived`), it is derived from the unit's
printed name and the place that name names (`disclosure.regions`):

    unit_code = <region code> "-" <the first 10 hex digits of sha256(folded name)>
    e.g. 杭州市气象局 → 330100-…, 上海市财政局 → 310000-…, 江苏省人民检察院 → 320000-…

The region code is the GB/T 2260 area code of the lowest level the name names (its province,
city or county); `000000` when it names none (a central body, or a name without a place). So a
derived code names the place the unit is from and no other: a Hangzhou bureau's code is never a
Jiangsu one, whichever template read it.

The name is folded first (whitespace removed, bracket widths folded, a trailing `（单位）` or
`（部门）` dropped, and the standard short forms used: 中国共产党 → 中共, 中共…省委员会 → 中共…省委,
中国人民政治协商会议…省委员会 → …省政协, 人民代表大会常务委员会 → 人大常委会), so the same body
gets the same code every year and in every document however it spells itself (Jiangsu's 2017
tables print 中国共产党江苏省委员会办公厅, its 2018 ones 中共江苏省委办公厅), which is what
supersede and year-over-year comparisons key on. A renamed body gets a new code; the unit's
printed name is kept beside it (`units`, `disclosures.unit_name`).

**The scope** comes from the words the titles print before the table's name (`2026年部门收支总体
情况表`, `表1：2026年市级部门…` → 部门; `2026年预算单位财务收支预算总表`, `2026年单位“三公”经费…` →
单位), else from the cover or headings (`福州市仓山生态环境局 / 单位预算`), else 部门.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from disclosure.cover import Cover
from disclosure.regions import UNKNOWN, Region, place_named_by, province_region, region_of
from disclosure.template import Template
from disclosure.text import squeeze, title_key

_FOLD = str.maketrans({"（": "(", "）": ")", "　": ""})
_ROLE = re.compile(r"\((?:单位|部门|本级)\)$")
SCOPES = ("部门", "单位")
NO_AREA = "000000"  # the region part of a derived code whose name names no place
# What a derived code looks like (the gate's rule for a unit code where none is printed).
DERIVED_CODE = r"\d{6}-[0-9a-f]{10}"


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


def derived_unit_code(region: Region, unit_name: str) -> str:
    """The unit code of a unit that prints none, from its printed name and its region."""
    digest = hashlib.sha256(fold_unit_name(unit_name).encode("utf-8")).hexdigest()
    return f"{region.region_code or NO_AREA}-{digest[:10]}"


@dataclass(frozen=True)
class Publisher:
    """Who published a document: its unit's code (printed or derived), name and region."""

    unit_code: str | None
    unit_name: str | None
    region: Region


# A heading that says where the document is from (`上海市2026年市级单位预算`), or a title.
_HEADING = re.compile(r"预算|决算")
_HEADING_LENGTH = 40


def read_publisher(template: Template, cover: Cover, lines: Sequence[str]) -> Publisher:
    """The publishing unit: the name its cover or captions print (else its titles), the code
    printed (else derived), the region its name names — or, for a name that names none, the
    place the document's headings name, else its template's province."""
    name = cover.unit_name or unit_name_from_titles(template, lines)
    headings = [t for t in map(squeeze, lines) if len(t) <= _HEADING_LENGTH and _HEADING.search(t)]
    place = place_named_by(headings) or province_region(template.province)
    region = region_of(name, within=place)
    if region == UNKNOWN and name and place is not None:
        region = place  # a body of the place its document is from (`省人大办公厅`)
    printed = cover.unit_code if template.unit_code != "derived" else None
    code = printed or (derived_unit_code(region, name) if name else None)
    return Publisher(unit_code=code, unit_name=name, region=region)


# Where a title's own name starts: the words of the standard tables' names.
_TABLE_WORDS = re.compile(
    r"收支|收入|支出|财政拨款|一般公共|政府性基金|国有资本|三公|项目|政府采购|政府购买|机关运行"
    r"|基本|绩效|财务|整体"
)
_SCOPE_HEADING = re.compile(r"(部门|单位)(?:预算|决算)")
# What may stand before the qualifier: a number, a year, a colon; the qualifier itself.
_LEAD_SEPARATOR = re.compile(r"[年度、:.．,\d表]")
_QUALIFIER = re.compile(r"(?:市级|省级|区级|县级|本级)?(?:预算)?(单位|部门)(?:预算)?")
_QUOTES = re.compile(r"[“”\"'‘’]")


def title_scope(title: str) -> str | None:
    """部门 or 单位 as a title says it right before the table's name, after its number and year
    (`表1：2026年市级部门收支预算总表` → 部门, `2026年预算单位财务收支预算总表` → 单位); None
    when it says neither (`口岸单位补贴项目绩效目标表` is a project's name)."""
    key = title_key(title)
    words = _TABLE_WORDS.search(key)
    lead = _QUOTES.sub("", key[: words.start()] if words else key)
    qualifier = _QUALIFIER.fullmatch(_LEAD_SEPARATOR.split(lead)[-1])
    return qualifier.group(1) if qualifier else None


def read_scope(template: Template, titles: Iterable[str], lines: Iterable[str] = ()) -> str:
    """部门 or 单位: fixed by the template, or read from the titles (the most frequent), else
    from the cover and headings (`单位预算`, `2026年部门预算公开`), else 部门."""
    if template.scope in SCOPES:
        return template.scope
    for votes in (
        Counter(s for s in map(title_scope, titles) if s),
        Counter(
            m.group(1)
            for line in map(squeeze, lines)
            if len(line) <= _HEADING_LENGTH and (m := _SCOPE_HEADING.search(line))
        ),
    ):
        ranked = votes.most_common()
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
    return "部门"


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
