"""China's administrative divisions (GB/T 2260 codes): names, levels, parents, coordinates.

The table ships inside the PyPI package ``cpca`` (``cpca/resources/adcodes.csv``: the
Ministry of Civil Affairs' province, prefecture and county list with 12-digit codes whose
first six digits are the GB/T 2260 code). It is read with :mod:`csv` rather than by
importing ``cpca``, which would pull in pandas. Nothing is downloaded at run time.

Names are not unique (铁西区 exists in several cities), so lookups take an optional
``within`` code or name to disambiguate.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Division", "division", "division_by_code", "divisions_named", "parents_of", "short_name"]

_LEVELS = {0: "province", 1: "city", 2: "county"}
_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "省", "市",
             "地区", "盟", "区", "县", "旗")
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True)
class Division:
    """One administrative division: six-digit code, official name, level, coordinates."""

    code: str
    name: str
    level: str  # "province", "city" (prefecture level) or "county" (district, county, county-level city)
    longitude: float | None = None
    latitude: float | None = None

    @property
    def parent_code(self) -> str | None:
        """Code of the enclosing division, or ``None`` for a province."""
        if self.level == "province":
            return None
        if self.level == "city":
            return self.code[:2] + "0000"
        return self.code[:4] + "00"

    @property
    def type(self) -> str:
        """The guideline place type: Province, City, District or County."""
        if self.level == "province":
            return "City" if self.name.endswith("市") else "Province"  # 直辖市 are cities
        if self.level == "city":
            return "City"
        return "District" if self.name.endswith("区") else "County" if self.name.endswith(("县", "旗")) else "City"


def _level(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "city"
    return "county"


@cache
def _table() -> dict[str, Division]:
    text = resources.files("cpca").joinpath("resources/adcodes.csv").read_text(encoding="utf-8")
    table: dict[str, Division] = {}
    for row in csv.DictReader(text.splitlines()):
        name = row["name"].strip()
        if name in _PLACEHOLDERS:
            continue
        code = row["adcode"][:6]
        lon, lat = row.get("longitude"), row.get("latitude")
        table[code] = Division(code, name, _level(code), float(lon) if lon else None, float(lat) if lat else None)
    return table


@cache
def _by_name() -> dict[str, tuple[Division, ...]]:
    index: dict[str, list[Division]] = {}
    for div in _table().values():
        index.setdefault(div.name, []).append(div)
    return {name: tuple(divs) for name, divs in index.items()}


def short_name(name: str) -> str:
    """Drop the administrative suffix: 聊城市 -> 聊城, 山东省 -> 山东, 东昌府区 -> 东昌府."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def division_by_code(code: str) -> Division | None:
    """Return the division with this six-digit (or longer) code, or ``None``."""
    return _table().get(code[:6])


def divisions_named(name: str) -> tuple[Division, ...]:
    """Return every division whose official name is ``name`` (several for 铁西区)."""
    return _by_name().get(name, ())


def _is_within(div: Division, ancestor: Division) -> bool:
    current: Division | None = div
    while current is not None:
        if current.code == ancestor.code:
            return True
        current = division_by_code(current.parent_code) if current.parent_code else None
    return False


def division(name: str, *, within: str | None = None) -> Division | None:
    """Return the division officially named ``name``; ``None`` when unknown or ambiguous.

    ``within`` (a name or code of an enclosing division) picks one of several namesakes.
    """
    candidates = divisions_named(name)
    if within and len(candidates) > 1:
        anchors = [division_by_code(within)] if within.isdigit() else list(divisions_named(within))
        candidates = tuple(c for c in candidates if any(a and _is_within(c, a) for a in anchors))
    return candidates[0] if len(candidates) == 1 else None


def parents_of(div: Division) -> list[Division]:
    """Return the enclosing divisions of ``div``, nearest first (district -> city -> province)."""
    chain: list[Division] = []
    code = div.parent_code
    while code:
        parent = division_by_code(code)
        if parent is None:
            break
        chain.append(parent)
        code = parent.parent_code
    return chain
