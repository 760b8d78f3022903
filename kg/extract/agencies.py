"""Government and Party bodies named in a report (市发展改革委, 区委, 省政府 …).

A mention is a jurisdiction prefix (省/市/区/县/镇, a division name such as 某某市, or 中共)
followed by a standard body name from ``data/agency_aliases.tsv`` or a name ending in a
body suffix (局/办/办公室/委员会/厅/署). A bare body name right after another mention in a
list (市建委、交通局) shares that mention's prefix. Mentions of one body are merged into one
:class:`Agency` whose aliases hold the other correct names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from kg.divisions import all_divisions
from kg.extract.context import level_of
from kg.extract.lexicon import CJK, NameIndex, alternation, rows, word_set
from kg.extract.model import Agency, DocContext
from kg.loaders.model import Report

__all__ = [
    "AgencyMention",
    "agency_mentions",
    "find_agencies",
    "parse_agency_mentions",
    "resolve_jurisdiction",
    "sentence_mentions",
]

_LEVEL_PREFIXES = ("自治区", "省", "市", "区", "县", "旗", "镇", "乡")
_NATIONAL = "中国"
# characters that, before 市/区/县/省, make it part of another word (全市, 城市, 小区 …)
_BLOCK_BEFORE = set("城全本各超都上门夜早该我两省市区县园社景片小街新辖山乡外分内地")
# what may follow a body name built from a suffix alone (市督考办牵头, 市督考办、…)
_GENERIC_FOLLOW = set("、，,。；;：:）)”和与及等要负牵会联配的在将对按向")
# a prefix followed by these is an adjective (区域, 市级, 市属, 县内)
_GENERIC_NOT_AFTER_PREFIX = set("域级属内外直辖民场")
_GENERIC_BODY = re.compile(rf"(?:委|政府)?[{CJK}]{{1,5}}?(?:委员会|办公室|局|厅|办|署)")
_GENERIC_STOP = set("的和与及等各全级属内外在是了要把对将为有所")
_NATIONAL_RE = re.compile(r"党中央|中共中央|国务院|中央(?=[、和与]?(?:省委|决策|部署|精神|要求|八项|“八项|环保督察))")


@dataclass(frozen=True)
class AgencyMention:
    """One mention: span, text, the prefix as written and the canonical body name."""

    start: int
    end: int
    text: str
    prefix: str  # 市, 某某市, 中共某某市, "" for a bare list continuation or national body
    level: str | None  # 市/省/区/县/镇/乡, "national", or None for a named place prefix
    body: str  # the body as written after the prefix
    canonical: str


@cache
def _alias_table() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Surface form → canonical, and canonical → all its forms."""
    surface: dict[str, str] = {}
    forms: dict[str, tuple[str, ...]] = {}
    for row in rows("agency_aliases.tsv"):
        canonical, *short = row
        forms[canonical] = (canonical, *short)
        for f in (canonical, *short):
            surface.setdefault(f, canonical)
    return surface, forms


_PARTIES = ("中共", "中国共产党")
_NATIONAL_BODIES = {"党中央", "中共中央", "中央", "国务院"}
_LEVELS_LONGEST_FIRST = sorted(_LEVEL_PREFIXES, key=len, reverse=True)


@cache
def _places() -> NameIndex:
    """Division names that may open a mention (某某市发改委)."""
    return NameIndex(d.name for d in all_divisions() if len(d.name) >= 2)


@cache
def _bodies() -> str:
    """The regex of the dictionary body names a prefixed mention ends in."""
    surface, _ = _alias_table()
    return alternation(s for s in surface if s not in _NATIONAL_BODIES)


@cache
def _body_re() -> re.Pattern[str]:
    return re.compile(_bodies())


@cache
def _body_start_re() -> re.Pattern[str]:
    """Matches, with zero width, every position where a dictionary body name starts."""
    return re.compile(f"(?={_bodies()})")


@cache
def _longest_prefix() -> int:
    """The longest prefix a dictionary mention can have (中国共产党 + the longest place name)."""
    return max(map(len, _PARTIES)) + max(4, *map(len, _LEVEL_PREFIXES), *map(len, _places().names))


@cache
def _prefix_re() -> re.Pattern[str]:
    """A level prefix (市, 区, 中共县 …) that may open a body name built from a suffix."""
    return re.compile(alternation(party + level for party in ("", *_PARTIES) for level in _LEVEL_PREFIXES))


@dataclass(frozen=True)
class _Prefixed:
    """A dictionary mention: [party] (place | level) body, and where each part is."""

    start: int
    end: int
    pre: str  # everything before the body
    place: str | None
    level: str | None
    body: str


def _prefix_ends(text: str, pos: int) -> Iterator[tuple[int, bool]]:
    """``(end, is_level)`` of each prefix at ``pos``, in the order a regex would try them.

    Division names longest first, then an anonymised place (XXX市, XX县), then a level
    word (自治区, 市 …).
    """
    for end in _places().ends(text, pos):
        yield end, False
    for xs in (3, 2):
        if text.startswith("X" * xs, pos) and text[pos + xs : pos + xs + 1] in ("省", "市", "区", "县"):
            yield pos + xs + 1, False
    for level in _LEVELS_LONGEST_FIRST:
        if text.startswith(level, pos):
            yield pos + len(level), True


def _prefixed_at(text: str, start: int) -> _Prefixed | None:
    """The dictionary mention starting at ``start``: the first prefix a body name follows.

    Prefixes are tried in the order of the regex ``(中共|中国共产党)?(place|level)body``
    with backtracking, so the result is the one that regex would match.
    """
    parties = [party for party in _PARTIES if text.startswith(party, start)]
    for party in (*parties, ""):
        pos = start + len(party)
        for end, is_level in _prefix_ends(text, pos):
            body = _body_re().match(text, end)
            if body:
                place, level = (None, text[pos:end]) if is_level else (text[pos:end], None)
                return _Prefixed(start, body.end(), text[start:end], place, level, body.group())
    return None


def _mention_search(text: str) -> Callable[[int], _Prefixed | None]:
    """The leftmost dictionary mention starting at or after a position, as a search would find it.

    Only starts a body name closely follows are tried: a prefix is never longer than
    :func:`_longest_prefix`, and body names are rare, while a regex search would try
    thousands of place names at every position of the text (and take longer to compile
    than a report takes to build).
    """
    body_starts = [m.start() for m in _body_start_re().finditer(text)]
    reach = _longest_prefix()

    def search(pos: int) -> _Prefixed | None:
        tried = pos
        for body in body_starts[bisect_right(body_starts, pos) :]:
            for start in range(max(tried, body - reach), body):
                found = _prefixed_at(text, start)
                if found:
                    return found
            tried = body
        return None

    return search


@cache
def _bare_re() -> re.Pattern[str]:
    surface, _ = _alias_table()
    bare = [s for s in surface if len(s) >= 2 and not s.startswith(("委", "政府", "中", "党", "国务"))]
    return re.compile(rf"[、和及与](?P<body>{alternation(bare)})")


def _generic_body(text: str, pos: int) -> str | None:
    m = _GENERIC_BODY.match(text, pos)
    if not m or set(m.group()) & _GENERIC_STOP or text[pos] in _GENERIC_NOT_AFTER_PREFIX:
        return None
    if m.end() < len(text) and text[m.end()] not in _GENERIC_FOLLOW:
        return None
    body = m.group()
    return None if body in word_set("agency_generic.txt") else body


def parse_agency_mentions(text: str) -> list[AgencyMention]:
    """All agency mentions in ``text`` with their prefix and canonical body, in order."""
    surface, _ = _alias_table()
    out: list[AgencyMention] = []
    taken = [False] * (len(text) + 1)

    def add(m: AgencyMention) -> None:
        if not any(taken[m.start : m.end]):
            out.append(m)
            for i in range(m.start, m.end):
                taken[i] = True

    for m in _NATIONAL_RE.finditer(text):
        canonical = "国务院" if m.group() == "国务院" else "党中央"
        add(AgencyMention(m.start(), m.end(), m.group(), "", "national", m.group(), canonical))

    pos = 0
    prefix_re = _prefix_re()
    search = _mention_search(text)
    while pos < len(text):
        m = search(pos)
        gm = prefix_re.search(text, pos)
        # a generic body (市政府督考办, 市城管执法局) may start before the next dictionary match
        if gm and (m is None or gm.start() < m.start):
            found = _generic_at(text, gm)
            if found:
                add(found)
                pos = found.end
                continue
        if m is None:
            break
        start, level, body, end = m.start, m.level, m.body, m.end
        if level and start > 0 and text[start - 1] in _BLOCK_BEFORE and not m.pre.startswith("中"):
            pos = start + 1
            continue
        if body in {"政府", "委"}:  # 市委、市政府督考办: the office of the committee/government
            ext = _generic_body(text, end)
            if ext and ext not in surface:
                body, end = body + ext, end + len(ext)
        canonical = surface.get(body, body)
        add(AgencyMention(start, end, text[start:end], m.pre, level, body, canonical))
        pos = end
    out.sort(key=lambda a: a.start)
    out.extend(_continuations(text, out, taken))
    out.sort(key=lambda a: a.start)
    return out


def _generic_at(text: str, gm: re.Match[str]) -> AgencyMention | None:
    start = gm.start()
    level = gm.group().removeprefix("中国共产党").removeprefix("中共")
    if start > 0 and text[start - 1] in _BLOCK_BEFORE and gm.group() == level:
        return None
    body = _generic_body(text, gm.end())
    if body is None:
        return None
    surface, _ = _alias_table()
    if any(body.startswith(s) and s in surface and len(s) < len(body) for s in (body[:1], body[:2])):
        return None  # 市委书记 … handled by the dictionary regex
    end = gm.end() + len(body)
    canonical = surface.get(body, body)
    return AgencyMention(start, end, text[start:end], gm.group(), level, body, canonical)


def _continuations(text: str, found: list[AgencyMention], taken: list[bool]) -> list[AgencyMention]:
    """Bare body names listed right after a mention (市建委、交通局) share its prefix."""
    surface, _ = _alias_table()
    extra: list[AgencyMention] = []
    for prev in list(found):
        cur = prev
        while True:
            m = _bare_re().match(text, cur.end)
            if not m or any(taken[m.start("body") : m.end()]):
                break
            body = m.group("body")
            mention = AgencyMention(m.start("body"), m.end(), body, "", cur.level, body, surface.get(body, body))
            extra.append(mention)
            for i in range(mention.start, mention.end):
                taken[i] = True
            cur = mention
    return extra


def agency_mentions(text: str) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, mention)`` of the government bodies named in ``text``."""
    return [(m.start, m.end, m.text) for m in parse_agency_mentions(text)]


def sentence_mentions(report: Report) -> dict[int, list[AgencyMention]]:
    """The agency mentions of every sentence by index: parsed once, read by several extractors."""
    return {sentence.index: parse_agency_mentions(sentence.text) for sentence in report.sentences}


def resolve_jurisdiction(mention: AgencyMention, ctx: DocContext) -> str | None:
    """The place whose body the mention names, given the document's context."""
    if mention.level == "national":
        return _NATIONAL
    if mention.level is None:
        place = mention.prefix.removeprefix("中国共产党").removeprefix("中共")
        return place or None
    chain = [(ctx.jurisdiction, ctx.level)] + [(p, level_of(p, ctx.parents)) for p in ctx.parents]
    want = {
        "省": ("province",),
        "自治区": ("province",),
        "市": ("city",),
        "区": ("district", "county"),
        "县": ("county", "district"),
        "旗": ("county",),
        "镇": ("town",),
        "乡": ("town",),
    }.get(mention.level, ())
    for name, level in chain:
        if name and level in want:
            return name
    if (
        mention.level == "市"
        and ctx.level == "province"
        and ctx.jurisdiction
        in {
            "北京市",
            "天津市",
            "上海市",
            "重庆市",
        }
    ):
        return ctx.jurisdiction
    return None


def _aliases(m: AgencyMention, jurisdiction: str | None, forms: tuple[str, ...]) -> list[str]:
    level = m.level if m.level not in (None, "national") else ""
    out: list[str] = []
    for f in forms:
        out.append(f)
        if level:
            out.append(level + f)
        if jurisdiction and jurisdiction != _NATIONAL:
            out.append(jurisdiction + f)
    if m.canonical == "党委" and jurisdiction and jurisdiction != _NATIONAL:
        out += [f"中共{jurisdiction}委", f"中共{jurisdiction}委员会", f"中国共产党{jurisdiction}委员会"]
    for office in ("委", "政府"):
        if m.body.startswith(office) and len(m.body) > len(office) + 1 and m.body == m.canonical:
            out += [m.body[len(office) :], level + m.body[len(office) :]]
    if (m.canonical.startswith("委") or m.body.startswith("委")) and jurisdiction and jurisdiction != _NATIONAL:
        out.append(f"中共{jurisdiction}{m.body}")
    return out


def find_agencies(
    report: Report, ctx: DocContext, mentions: Mapping[int, Sequence[AgencyMention]] | None = None
) -> list[Agency]:
    """The government and Party bodies named in ``report``, one :class:`Agency` per body.

    ``mentions`` are the sentences' mentions if already parsed (:func:`sentence_mentions`).
    """
    mentions = mentions if mentions is not None else sentence_mentions(report)
    _, forms = _alias_table()
    generic = word_set("agency_generic.txt")
    by_key: dict[tuple[str | None, str], Agency] = {}
    for sentence in report.sentences:
        for m in mentions[sentence.index]:
            if m.body in generic or m.text in generic:
                continue
            if sentence.text.startswith("工作报告", m.end):
                continue  # the report's own title names its issuer, not an actor
            jurisdiction = resolve_jurisdiction(m, ctx)
            key = (jurisdiction or m.level or m.prefix, m.canonical)
            agency = by_key.get(key)
            if agency is None:
                agency = Agency(mention=m.text, name=m.canonical, jurisdiction=jurisdiction)
                by_key[key] = agency
            elif not agency.mention.startswith(("市", "省", "区", "县")) and m.text.startswith(
                ("市", "省", "区", "县")
            ):
                agency.aliases.append(agency.mention)
                agency.mention = m.text
            names = [m.text, *_aliases(m, jurisdiction, forms.get(m.canonical, (m.canonical,)))]
            for name in names:
                if name != agency.mention and name not in agency.aliases:
                    agency.aliases.append(name)
            if sentence.index not in agency.sentences:
                agency.sentences.append(sentence.index)
    return list(by_key.values())
