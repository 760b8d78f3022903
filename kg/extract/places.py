"""Named places: administrative divisions, rivers, roads, towns, zones, parks, facilities.

Administrative places are matched against the GB/T 2260 names (full names anywhere; short
names such as 聊城 for provinces and prefecture cities anywhere, for counties and districts
only inside the document's province). Other places are a name stem plus a place suffix from
``data/place_suffixes.tsv``; the stem runs left to the nearest boundary word
(``data/boundary_words.txt``) or punctuation. Generic nouns (``data/place_generic.txt``) are
dropped. In a list closed by a count (A河、B渠、C河3条河道) the count is checked against the
list, and an agreeing list gives every element the type of the counted noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.divisions import Division, all_divisions, by_name, division_by_code, parents_of, short_name
from kg.extract.context import find_division
from kg.extract.lexicon import CJK, NameIndex, alternation, division_short_names, is_cjk, rows, word_re, word_set
from kg.extract.model import DocContext, Place
from kg.loaders.model import Report

__all__ = ["PlaceMention", "cut_left", "find_places", "place_mentions"]

_LEVEL_TYPES = {"province": "Province", "city": "City", "district": "District", "county": "County"}
_MAX_STEM = 12
_CLASSIFIERS = "个条座处家所名次项批类种"
_BAD_STEM_END = "之整各每全级的"
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_NUMERALS = "一二三四五六七八九十两几百千万0123456789"
# counted nouns closing a list (4条河道) and the type they give the list elements
_COUNT_NOUNS = (
    ("河道", "River"),
    ("河流", "River"),
    ("水系", "River"),
    ("道路", "Road"),
    ("街路", "Road"),
    ("断头路", "Road"),
    ("镇", "Town"),
    ("社区", "Community"),
    ("村", "Village"),
    ("公园", "Park"),
    ("湖", "Lake"),
)
_COUNT_RE = re.compile(rf"(等)?([{_NUMERALS}]+)(?:条|个|座|处|家|所)([{CJK}]{{0,6}})")
_RING_RE = re.compile(r"(?<![一二三四五六七八九十\d])([一二三四五六七])环(?=[内外线路以沿,，、。；]|$)")
_METRO_RE = re.compile(r"(?:地铁|轨道交通)(\d+(?:、\d+)*)号线((?:[东南西北]延)?线|[一二三]期)?")
_METRO_LIST_RE = re.compile(r"(?<![\d号])(\d+(?:、\d+)+)号线")


@dataclass(frozen=True)
class PlaceMention:
    """A place found in one string: span, name, type and GB/T 2260 code if administrative."""

    start: int
    end: int
    name: str
    type: str
    code: str | None = None
    nested: bool = False  # may sit inside a longer place name


@cache
def _suffixes() -> tuple[tuple[str, str, frozenset[str]], ...]:
    table = rows("place_suffixes.tsv")
    out = [(r[0], r[1], frozenset(r[2]) if len(r) > 2 else frozenset()) for r in table]
    return tuple(sorted(out, key=lambda r: -len(r[0])))


@cache
def _suffix_rows() -> dict[str, tuple[str, str, frozenset[str]]]:
    """The rows of ``_suffixes`` by suffix."""
    out: dict[str, tuple[str, str, frozenset[str]]] = {}
    for row in _suffixes():
        out.setdefault(row[0], row)
    return out


@cache
def _suffix_re() -> re.Pattern[str]:
    return re.compile(alternation(s for s, _, _ in _suffixes()))


def cut_left(left: str, *, min_stem: int = 1, boundary: re.Pattern[str] | None = None) -> str:
    """The part of ``left`` after its rightmost boundary word that leaves ``min_stem`` chars."""
    boundary = boundary or word_re("boundary_words.txt")
    best = left
    for i in range(len(left)):
        m = boundary.match(left, i)
        if m and len(left) - m.end() >= min_stem:
            best = left[m.end() :]
    return best


@cache
def _admin_names() -> NameIndex:
    """Division names and short names (two characters or more) that are not common words."""
    generic = word_set("place_generic.txt")
    names = {d.name for d in all_divisions() if len(d.name) >= 2 and d.name not in generic}
    return NameIndex(names | set(division_short_names()))


@cache
def _province_of(ctx: DocContext | None) -> str | None:
    """The province code of the document's place (read once per document context)."""
    if ctx is None:
        return None
    for name in (ctx.jurisdiction, *ctx.parents):
        div = find_division(name, ctx.parents)
        if div is not None:
            return div.province_code
    return None


def _admin_candidates(text: str, ctx: DocContext | None) -> list[PlaceMention]:
    province = _province_of(ctx)
    out: list[PlaceMention] = []
    for start, end in _admin_names().spans(text):
        name = text[start:end]
        full = by_name(name)
        if full and len(name) == 2:
            divs = tuple(d for d in full if d.province_code == province)  # 和县, 兴县: near home only
        elif full:
            divs = full
        else:
            divs = division_short_names().get(name, ())
            # county-level short names only near home; cities and provinces anywhere
            divs = tuple(d for d in divs if d.kind in ("province", "city") or d.province_code == province)
        if not divs:
            continue
        if len(divs) > 1 and province:
            divs = tuple(d for d in divs if d.province_code == province) or divs
        div = divs[0]
        code = div.code if len(divs) == 1 else None
        typ = "City" if div.name in _MUNICIPALITIES else _LEVEL_TYPES[div.kind]
        out.append(PlaceMention(start, end, name, typ, code))
    return out


def _suffix_type(name: str) -> tuple[str, str] | None:
    for suffix, typ, _ in _suffixes():
        if name.endswith(suffix):
            return suffix, typ
    return None


def _is_generic(name: str, suffix: str) -> bool:
    generic = word_set("place_generic.txt")
    stem = name[: -len(suffix)]
    if name in generic or stem in generic or not stem:
        return True
    if stem[-1] in "城乡农市县区省" and suffix in ("乡", "镇", "村"):
        return True
    if stem[0] in _NUMERALS or stem[-1] in _NUMERALS or stem[-1] in _BAD_STEM_END:
        return True
    if any(w in stem for w in ("集团", "公司", "项目")):
        return True
    return any(name[-k:] in generic for k in range(len(suffix) + 1, len(name) + 1))  # a longer generic ending


def _suffix_candidates(text: str) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in _all_suffixes(text):
        suffix = m.group()
        _, typ, not_after = _suffix_rows()[suffix]
        if m.end() < len(text) and text[m.end()] in not_after:
            continue
        i = m.start()
        while i > 0 and m.start() - i < _MAX_STEM and is_cjk(text[i - 1]):
            i -= 1
        if i > 0 and text[i - 1].isdigit() and i < m.start() and text[i] in _CLASSIFIERS:
            i += 1  # 12个社区 → 社区
        stem = cut_left(text[i : m.start()], min_stem=0)
        name = stem + suffix
        if _is_generic(name, suffix):
            continue
        start = m.start() - len(stem)
        out.append(PlaceMention(start, m.end(), name, typ))
        inner = _inner_place(stem) if typ != "Road" else None
        if inner:  # 甲湖 in 甲湖公园, 乙冈 in 乙冈文化景区
            out.append(PlaceMention(start, start + len(inner[0]), *inner, nested=True))
    for m in _RING_RE.finditer(text):
        out.append(PlaceMention(m.start(), m.end(), m.group(), "Road"))
    for m in _METRO_RE.finditer(text):
        tail = m.group(2) or ""
        for k, num in enumerate(m.group(1).split("、")):
            out.append(PlaceMention(m.start() + k, m.start() + k + 1, f"地铁{num}号线{tail}", "Facility"))
    if "地铁" in text:
        for m in _METRO_LIST_RE.finditer(text):
            for k, num in enumerate(m.group(1).split("、")):
                out.append(PlaceMention(m.start() + k, m.start() + k + 1, f"地铁{num}号线", "Facility"))
    return out


def _all_suffixes(text: str) -> list[re.Match[str]]:
    """Every suffix occurrence, overlapping ones included (城 and 河 in 甲城乙河)."""
    out = []
    pos = 0
    while True:
        m = _suffix_re().search(text, pos)
        if m is None:
            return out
        out.append(m)
        pos = m.start() + 1


def _inner_place(stem: str) -> tuple[str, str] | None:
    """A place name that opens a longer place's stem: (name, type) or ``None``."""
    for k in range(len(stem), 1, -1):
        found = _suffix_type(stem[:k])
        if (
            found
            and len(found[0]) < k
            and found[1] in ("Park", "Lake", "Landmark")
            and not _is_generic(stem[:k], found[0])
        ):
            return stem[:k], found[1]
    return None


def _list_candidates(text: str) -> list[PlaceMention]:
    """Elements of a counted list (A河、B渠、C河4条河道): all of them when the count agrees."""
    out: list[PlaceMention] = []
    for m in _COUNT_RE.finditer(text):
        noun = m.group(3)
        typ = next((t for n, t in _COUNT_NOUNS if noun.startswith(n)), None)
        if typ is None:
            continue
        j = m.start()
        parts: list[tuple[int, str]] = []
        seg_end = j
        k = j
        while k > 0:
            k -= 1
            ch = text[k]
            if ch == "、":
                parts.append((k + 1, text[k + 1 : seg_end]))
                seg_end = k
            elif not is_cjk(ch):
                k += 1
                break
        first = cut_left(text[k:seg_end])
        parts.append((seg_end - len(first), first))
        parts.reverse()
        count = _count_value(m.group(2))
        if not parts or any(not p for _, p in parts):
            continue
        if m.group(1) is None and count != len(parts):
            continue  # the count disagrees: trust only the per-name suffix rule
        if len(parts) < 2 and m.group(1) is None:
            continue
        for start, name in parts:
            if 2 <= len(name) <= _MAX_STEM + 2 and name not in word_set("place_generic.txt"):
                found = _suffix_type(name)
                out.append(PlaceMention(start, start + len(name), name, found[1] if found else typ))
    return out


def _count_value(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    digits = dict(zip("一二三四五六七八九", range(1, 10), strict=True)) | {"两": 2, "十": 10}
    if len(s) == 1:
        return digits.get(s)
    if len(s) == 2 and s[0] == "十":
        return 10 + digits.get(s[1], 0)
    return None


def place_mentions(text: str, ctx: DocContext | None = None) -> list[PlaceMention]:
    """Places named in one string, longest non-overlapping spans first (nested divisions kept)."""
    admin = _admin_candidates(text, ctx)
    rest = _list_candidates(text) + _suffix_candidates(text)
    chosen: list[PlaceMention] = []
    for cand in sorted(rest + admin, key=lambda c: (-(c.end - c.start), c.start)):
        if any(c.start < cand.end and cand.start < c.end for c in chosen):
            if cand.nested:
                chosen.append(cand)
            elif cand.code is not None or (cand in admin and cand.type in ("Province", "City")):
                outer = [c for c in chosen if c.start <= cand.start and cand.end <= c.end]
                if outer and all(c.code is None and c.type == "Area" for c in outer):
                    chosen.append(cand)  # a city inside 某某都市圈 is a place of its own
            continue
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _within(mention: PlaceMention, ctx: DocContext) -> str | None:
    if mention.code:
        div: Division | None = division_by_code(mention.code)
        chain = {ctx.jurisdiction, *ctx.parents}
        parents = parents_of(div) if div else ()
        return next((p.name for p in parents if p.name in chain), parents[0].name if parents else None)
    if mention.type == "Province":
        return None
    return ctx.jurisdiction


def find_places(report: Report, ctx: DocContext) -> list[Place]:
    """The specific named places of ``report``, the document's own jurisdiction chain included."""
    places: dict[str, Place] = {}
    chain = [n for n in (ctx.jurisdiction, *ctx.parents) if n]
    for i, name in enumerate(chain):
        div = find_division(name, ctx.parents)
        typ = _LEVEL_TYPES.get(div.kind) if div else None
        if typ is None:
            typ = "Province" if name.endswith(("省", "自治区")) else "City" if name.endswith("市") else "District"
        within = chain[i + 1] if i + 1 < len(chain) else None
        places[name] = Place(name, typ, within, div.code if div else None)
    for sentence in report.sentences:
        for m in place_mentions(sentence.text, ctx):
            place = places.get(m.name) or _by_alias(places, m.name, m.code)
            if place is None:
                place = Place(m.name, m.type, _within(m, ctx), m.code, aliases=_admin_aliases(m))
                places[m.name] = place
            if sentence.index not in place.sentences:
                place.sentences.append(sentence.index)
    return list(places.values())


def _admin_aliases(m: PlaceMention) -> list[str]:
    """The other form of a division name: 北京 for 北京市, 北京市 for 北京."""
    div = division_by_code(m.code or "")
    if div is None:
        return []
    if div.name != m.name:
        return [div.name]
    short = short_name(div.name)
    return [short] if short else []


def _by_alias(places: dict[str, Place], name: str, code: str | None) -> Place | None:
    """The place a division name or short name stands for (某某 → 某某区), recording the alias."""
    for place in places.values():
        same = code is not None and place.code == code
        if same or (place.code and len(name) >= 2 and place.name.startswith(name) and len(place.name) - len(name) <= 3):
            if name not in place.aliases:
                place.aliases.append(name)
            return place
    return None
