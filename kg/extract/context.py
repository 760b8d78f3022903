"""The document context the extractors share: jurisdiction, its level and its parents.

The level comes from the GB/T 2260 code when the jurisdiction is a known division, else
from its suffix (省/自治区 → province, 市 → city, 区 → district, 县/旗 → county, 镇/乡 → town).
"""

from __future__ import annotations

from kg.divisions import Division, by_name, division_by_code
from kg.extract.lexicon import division_short_names
from kg.extract.model import DocContext
from kg.loaders.model import Metadata

__all__ = ["doc_context", "find_division", "level_of"]

_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_SUFFIX_LEVELS = (
    ("特别行政区", "province"),
    ("自治区", "province"),
    ("省", "province"),
    ("自治州", "city"),
    ("地区", "city"),
    ("盟", "city"),
    ("街道", "town"),
    ("自治县", "county"),
    ("自治旗", "county"),
    ("镇", "town"),
    ("乡", "town"),
    ("区", "district"),
    ("县", "county"),
    ("旗", "county"),
    ("市", "city"),
)


def find_division(name: str | None, parents: tuple[str, ...] = ()) -> Division | None:
    """The GB/T 2260 division called ``name`` (full or short), disambiguated by ``parents``."""
    if not name:
        return None
    found = by_name(name) or division_short_names().get(name) or ()
    if len(found) > 1 and parents:
        parent_divs = [d for p in parents for d in by_name(p)]
        narrowed = [d for d in found if any(d.code.startswith(_prefix(p)) for p in parent_divs)]
        found = tuple(narrowed) or found
    return found[0] if len(found) == 1 else None


def _prefix(d: Division) -> str:
    if d.kind == "province":
        return d.code[:2]
    if d.kind == "city":
        return d.code[:4]
    return d.code


def level_of(name: str | None, parents: tuple[str, ...] = ()) -> str | None:
    """The administrative level of a place name: province, city, district, county or town."""
    if not name:
        return None
    if name in _MUNICIPALITIES:
        return "province"
    div = find_division(name, parents)
    if div is not None:
        return div.kind
    for suffix, level in _SUFFIX_LEVELS:
        if name.endswith(suffix):
            if level == "city" and any(level_of(p) == "city" for p in parents):
                return "county"  # a county-level city inside a prefecture
            return level
    return None


def _parents_from_code(div: Division) -> tuple[str, ...]:
    out: list[str] = []
    code = div.parent_code
    while code:
        parent = division_by_code(code)
        if parent is None:
            break
        out.append(parent.name)
        code = parent.parent_code
    return tuple(out)


def doc_context(meta: Metadata) -> DocContext:
    """Build the :class:`DocContext` of a report from its metadata."""
    parents = tuple(meta.parents)
    if meta.jurisdiction and not parents:
        div = find_division(meta.jurisdiction)
        if div is not None:
            parents = _parents_from_code(div)
    return DocContext(
        jurisdiction=meta.jurisdiction,
        level=level_of(meta.jurisdiction, parents),
        parents=parents,
        plan_year=meta.plan_year,
        kind=meta.kind,
    )
