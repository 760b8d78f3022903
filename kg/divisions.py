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
import importlib.util
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "COUNTRY",
    "Division",
    "all_divisions",
    "by_name",
    "by_short_name",
    "division",
    "division_by_code",
    "parents_of",
    "short_name",
    "split_chain",
]

COUNTRY = "中国"
"""The country: the jurisdiction of national bodies and of the State Council's reports (no code, no parents)."""

_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗", "林区",
             "地区", "新区", "省", "市", "区", "县", "盟", "旗")
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_MUNICIPALITIES = ("11", "12", "31", "50")


@dataclass(frozen=True)
class Division:
    """One administrative division: six-digit GB/T 2260 code, official name, coordinates."""

    code: str
    name: str
    longitude: float | None = None
    latitude: float | None = None

    @property
    def level(self) -> int:
        """1 for a province, 2 for a prefecture-level city, 3 for a county-level division."""
        if self.code[2:] == "0000":
            return 1
        if self.code[4:] == "00":
            return 2
        return 3

    @property
    def is_municipality(self) -> bool:
        """Whether this is a province-level city (北京, 天津, 上海, 重庆) or one of its parts."""
        return self.code[:2] in _MUNICIPALITIES

    @property
    def short(self) -> str:
        """The name without its generic suffix (聊城市 -> 聊城); the full name if too short."""
        return short_name(self.name) or self.name

    @property
    def kind(self) -> str:
        """"province", "city" (prefecture level), "district" or "county" (county level)."""
        if self.level < 3:
            return ("province", "city")[self.level - 1]
        return "district" if self.name.endswith("区") else "county"

    @property
    def province_code(self) -> str:
        """The code of the province the division is in."""
        return self.code[:2] + "0000"

    @property
    def parent_code(self) -> str | None:
        """Code of the enclosing division, or ``None`` for a province.

        Districts of the four municipalities have no prefecture row, so their parent is
        the municipality itself.
        """
        if self.level == 1:
            return None
        if self.level == 3 and self.code[:4] + "00" in _table():
            return self.code[:4] + "00"
        return self.province_code

    @property
    def type(self) -> str:
        """The guideline place type: Province, City, District or County."""
        if self.level == 1:
            return "City" if self.name.endswith("市") else "Province"  # 直辖市 are cities
        if self.level == 2:
            return "City"
        return "District" if self.name.endswith("区") else "County" if self.name.endswith(("县", "旗")) else "City"


def _table_text() -> str:
    """The CSV inside the installed ``cpca`` package, found without importing it.

    Importing ``cpca`` (which ``importlib.resources.files`` does) loads ``pkg_resources``
    and pandas, most of a second of start-up that a one-report rebuild would pay.
    """
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the cpca package (the division table) is not installed")
    return Path(spec.submodule_search_locations[0], "resources", "adcodes.csv").read_text(encoding="utf-8")


@cache
def _table() -> dict[str, Division]:
    text = _table_text()
    table: dict[str, Division] = {}
    for row in csv.DictReader(text.splitlines()):
        name = row["name"].strip()
        if name in _PLACEHOLDERS:
            continue
        lon, lat = row.get("longitude"), row.get("latitude")
        code = row["adcode"][:6]
        table[code] = Division(code, name, float(lon) if lon else None, float(lat) if lat else None)
    return table


def _index(key) -> dict[str, tuple[Division, ...]]:
    index: dict[str, list[Division]] = {}
    for div in _table().values():
        name = key(div)
        if name:
            index.setdefault(name, []).append(div)
    return {name: tuple(sorted(divs, key=lambda d: d.code)) for name, divs in index.items()}


@cache
def _names() -> dict[str, tuple[Division, ...]]:
    return _index(lambda d: d.name)


@cache
def _short_names() -> dict[str, tuple[Division, ...]]:
    return _index(lambda d: d.short if d.level <= 2 else None)


def short_name(name: str) -> str | None:
    """The name without its division suffix (聊城市 -> 聊城, 东昌府区 -> 东昌府); ethnic
    names of autonomous divisions go too. ``None`` when under two characters would remain."""
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if suffix.endswith(("自治区", "自治州", "自治县")):
                stem = re.sub(r"(..)(?:[\u4e00-\u9fff]{0,8}族)+$", r"\1", stem)
            return stem if len(stem) >= 2 else None
    return None


def all_divisions() -> tuple[Division, ...]:
    """Every division of the table, in code order."""
    return tuple(sorted(_table().values(), key=lambda d: d.code))


def division_by_code(code: str) -> Division | None:
    """Return the division with this six-digit (or longer) code, or ``None``."""
    return _table().get(code[:6])


def by_name(name: str) -> tuple[Division, ...]:
    """Every division whose official name is ``name`` (several for 铁西区), in code order."""
    return _names().get(name, ())


def by_short_name(name: str) -> tuple[Division, ...]:
    """Provinces and prefecture-level cities whose short name is ``name`` (辽宁, 聊城)."""
    return _short_names().get(name, ())


def _inside(inner: Division, outer: Division) -> bool:
    prefix = {1: 2, 2: 4}.get(outer.level, 6)
    return inner.code != outer.code and inner.code[:prefix] == outer.code[:prefix]


def division(name: str, *, within: str | None = None) -> Division | None:
    """Return the division officially named ``name``; ``None`` when unknown or ambiguous.

    ``within`` (a name or code of an enclosing division) picks one of several namesakes.
    """
    candidates = by_name(name)
    if within and len(candidates) > 1:
        anchor = division_by_code(within)
        anchors = [anchor] if anchor and within.isdigit() else list(by_name(within))
        candidates = tuple(c for c in candidates if any(_inside(c, a) for a in anchors))
    return candidates[0] if len(candidates) == 1 else None


def parents_of(div: Division) -> tuple[Division, ...]:
    """The divisions above ``div``, nearest first (district -> city -> province)."""
    codes = [div.code[:4] + "00"] if div.level == 3 else []
    if div.level >= 2:
        codes.append(div.code[:2] + "0000")
    return tuple(d for d in map(division_by_code, codes) if d is not None and d.code != div.code)


def split_chain(name: str) -> list[Division]:
    """Split a run of division names (聊城市东昌府区) into divisions, outermost first.

    Each part is resolved so that it lies inside the previous one; an empty list means
    ``name`` is not entirely made of division names.
    """
    chain: list[Division] = []
    rest = name
    while rest:
        for end in range(len(rest), 1, -1):
            candidates = [d for d in by_name(rest[:end]) if not chain or _inside(d, chain[-1])]
            if candidates:
                chain.append(candidates[0])
                rest = rest[end:]
                break
        else:
            return []
    return chain
