"""Government and Party bodies named in a report (市发展改革委, 区委, 省政府 …).

A mention is a jurisdiction prefix (省/市/区/县/镇, a division name such as 某某市, or 中共)
followed by a standard body name from ``data/agency_aliases.tsv`` or a functional stem
and an organ suffix (局/办/办公室/委员会/厅/署). The sentence's segmenter tokens
(:mod:`kg.extract.tokens`) decide what is a word: a prefix is a word of its own (not the
市 of 全市, 城市, 我市), a mention ends where a word ends, and a suffix inside another
word (布局, 部署, 通办) makes no organ. A bare body name right after another mention in a
list (市建委、交通局) shares that mention's prefix; an elliptical list (市发展改革、财政等部门)
and a finance payer (市财政, 市、区两级财政) name the bodies of that level. National bodies
(财政部, 国家统计局, and the former ones older reports name: 国家计委, 第一机械工业部) need no prefix, nor do the
committees that found a region's institutions (甲特别行政区基本法起草委员会). Mentions of one body are merged into one
:class:`Agency` whose aliases hold the other correct names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.divisions import COUNTRY, all_divisions, division_by_code
from kg.extract.context import find_division, level_of
from kg.extract.lexicon import CJK, CJK_RUN, NameIndex, alternation, rows, word_set, words
from kg.extract.model import Agency, DocContext
from kg.extract.tokens import Token, tokenize
from kg.loaders.model import Report

__all__ = [
    "AgencyMention",
    "agency_mentions",
    "find_agencies",
    "parse_agency_mentions",
    "resolve_jurisdiction",
    "sentence_mentions",
]

_LEVEL_PREFIXES = ("自治区", "自治州", "省", "市", "州", "盟", "区", "县", "旗", "镇", "乡")
_NATIONAL = COUNTRY
# organ suffixes; 中心 is left out (服务中心, 福利中心 are institutions: the table lists the
# centres that are organs, 疾控中心, 公共资源交易中心), and 部门 names a body only after a
# stem the table knows (公安部门)
_ORGAN_SUFFIXES = ("委员会", "办公室", "局", "厅", "办", "署")
_LONG_SUFFIXES = ("委员会", "办公室")
_ANONYMISED = re.compile(r"X{2,3}[省市区县]")
_LABEL_LIST_END = re.compile(r"[）)；;。，,：:]")
_UNIT_LABEL = re.compile(r"(?:牵头|责任|配合|主责|协办|参与|承办|实施)(?:单位|部门)[：:]")
_TASK_AFTER = re.compile(r"牵头|负责|配合|会同|协助|协同")
_LEVEL_LIST = re.compile(r"[省市区县镇乡旗][、和及与]?$")
_GLUED_YAO = re.compile(r"[局厅办署]要")
_ANY_SUFFIX = re.compile(r"局|厅|办|署|委员会")
# tags of a character that makes one word with a following level (两市, 各市: numeral, pronoun)
_NOT_GLUED_TAGS = frozenset({"m", "mq", "q", "r", "rr", "rz"})
_FINANCE_RE = re.compile(
    r"(?P<levels>[省市区县镇乡](?:[、和及与][省市区县镇乡])+(?:[两三四五]级)?|[省市区县镇乡]{2,3}[两三四五]级)财政"
    r"|(?P<level>[省市区县镇乡])(?P<grade>级)?财政|(?P<national>中央|国家)财政"
)
_ELLIPSIS_RE = re.compile(rf"(?P<level>[省市区县])(?P<items>[{CJK}]{{2,8}}?(?:、[{CJK}]{{2,8}}?)+)等?(?:部门|单位)")
_NATIONAL_RE = re.compile(r"党中央|中共中央|国务院|中央(?=[、和与]?(?:省委|决策|部署|精神|要求|八项|“八项))")


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
    return alternation(s for s, c in surface.items() if s not in _NATIONAL_BODIES and not _is_national(c))


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
    if end := _town_prefix_end(text, pos):
        yield end, False
    for level in _LEVELS_LONGEST_FIRST:
        if text.startswith(level, pos):
            yield pos + len(level), True


_TOWN_BODIES = ("人民政府", "政府", "党委")
_SUBDISTRICT_BODIES = ("办事处", "党工委", "党工作委员会")
_TOWN_STEM = re.compile(rf"[{CJK}]{{2,3}}")
_GLUED_FUNCTION_CHARS = "由在对向经和与及把将从为让被给跟同"


def _town_prefix_end(text: str, pos: int) -> int | None:
    """The end of a town, township or subdistrict named before its government, Party committee or office
    (青石镇|人民政府, 白马乡|党委, 城关街道|办事处), or ``None``. They are no GB/T 2260 divisions, so only
    these bodies open on them; a stem that is a level, quantifier or kind word (各乡镇, 重点镇:
    ``data/agency_town_stems.txt``) names no place."""
    for n in (3, 2):
        end = pos + n + 1
        if text.startswith("街道", end - 1) and text.startswith(_SUBDISTRICT_BODIES, end + 1):
            end += 1
        elif text[end - 1 : end] not in ("镇", "乡") or not text.startswith(_TOWN_BODIES, end):
            continue
        stem = text[pos : pos + n]
        if n == 3 and stem[0] in _GLUED_FUNCTION_CHARS:
            continue  # 由|甲石镇: a preposition before a two-character name (和平镇, 向阳镇 keep theirs)
        levels = any(c in "省市区县乡镇村各全本该每" for c in stem)
        if _TOWN_STEM.fullmatch(stem) and not levels and stem not in word_set("agency_town_stems.txt"):
            return end
    return None


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
    bare = [
        s for s, c in surface.items() if len(s) >= 2 and not s.startswith(("委", "政府", "中", "党", "国务"))
        and not _is_national(c)
    ]
    return re.compile(rf"[、和及与](?P<body>{alternation(bare)})")


@dataclass(frozen=True)
class _Words:
    """The segmenter's words of a text, by the offset where each starts and where each ends."""

    by_start: dict[int, Token]
    by_end: dict[int, Token]

    @classmethod
    def of(cls, tokens: Sequence[Token], text: str) -> _Words:
        words = [part for t in tokens for part in _unglued(t)] if _GLUED_YAO.search(text) else tokens
        return cls({t.start: t for t in words}, {t.end: t for t in words})


def _unglued(tok: Token) -> tuple[Token, ...]:
    """A word the segmenter is known to glue wrongly, split: its HMM joins a one-character organ
    suffix to a following 要 (督考办要 → 督考/办要), which must read 办 + 要."""
    if len(tok.text) == 2 and tok.text[1] == "要" and tok.text[0] in _ORGAN_SUFFIXES:
        return Token(tok.text[0], "n", tok.start, tok.start + 1), Token("要", "v", tok.start + 1, tok.end)
    return (tok,)


@cache
def _glued(word: str) -> bool:
    """Whether ``word`` (a character + a level: 由市, 请市, 经市) is only the segmenter's guess.

    Its HMM glues an unknown pair into one word; a pair that is no dictionary word and
    does not open with a numeral or pronoun (两市, 各市) is the character + a level prefix.
    全市, 我市, 城市, 超市, 跨省 are dictionary words and stay words.
    """
    if _dictionary_word(word):
        return False
    found = tokenize(word[0])
    return len(found) == 1 and found[0].pos not in _NOT_GLUED_TAGS


def _opens_prefix(start: int, size: int, words: _Words) -> bool:
    """Whether the prefix ``[start, start + size)`` is a word of its own.

    It is when it starts where a word starts and ends where a word ends, or where the
    segmenter glued it to a body name (市委, 市建委, 四川省人民政府, 滨州 + 市委), or when
    it guessed a word of a character and the level (由市, 请市: :func:`_glued`). The 市 of
    全市, 城市, 我市 or 市场 is not.
    """
    end = start + size
    if _counts_levels(words.by_end.get(start)):
        return False  # 各市政府, 两市政府: every city's government, not one body
    tok = words.by_start.get(start)
    if tok is None:
        tok = words.by_end.get(end)
        return tok is not None and len(tok.text) == size + 1 and _glued(tok.text)
    while tok.end < end:
        tok = words.by_start.get(tok.end)
        if tok is None:
            return False
    if tok.end == end:
        return True
    rest = tok.text[end - tok.start :]
    surface, _ = _alias_table()
    return any(rest[:n] in surface for n in range(1, len(rest) + 1))


def _counts_levels(before: Token | None) -> bool:
    """Whether the word before a level makes it a count or a distribution (各, 两, 三), not one place.

    A date (2026年) is a numeral word too, but only dates what follows.
    """
    if before is None or before.pos not in _NOT_GLUED_TAGS:
        return False
    return not (before.text[:1].isdigit() or before.text.endswith(("年", "月", "日")))


def _stem_ok(start: int, end: int, words: _Words) -> bool:
    """Whether ``[start, end)`` is whole words, none a function word, punctuation or number.

    Verbs are allowed: organ stems are verbal (审批, 执法, 督查), and the segmenter tags
    clipped compounds as verbs (督考 = 督查考核); the organ word at the end
    (:func:`_organ_word`) is what keeps 布局 and 部署 out.
    """
    tok = words.by_start.get(start)
    if tok is None or not _opens_stem(tok):
        return False
    while tok.end < end:
        tok = words.by_start.get(tok.end)
        if tok is None or tok.is_function or tok.pos in ("x", "m"):
            return False
    return tok.end == end


def _opens_stem(tok: Token) -> bool:
    """Whether a stem may start with this word: not a function word, punctuation or number."""
    return not (tok.is_function or tok.pos in ("x", "m"))


def _organ_word(start: int, end: int, words: _Words) -> bool:
    """Whether the word ending at ``end`` is an organ: a body name, the suffix alone (督考/办), or a longer word.

    A word whose last two characters are a dictionary word (布局, 部署, 格局 in 新格局) is
    another word that merely ends in a suffix character, whatever its tag.
    """
    tok = words.by_end.get(end)
    if tok is None or tok.start < start:
        return False
    surface, _ = _alias_table()
    if tok.text in surface or tok.text in _ORGAN_SUFFIXES:
        return True
    return len(tok.text) >= 3 and not _dictionary_word(tok.text[-2:])


@cache
def _dictionary_word(text: str) -> bool:
    """Whether the segmenter's dictionary (no HMM guessing) reads ``text`` as one word."""
    from kg.extract.tokens import segmenter

    return len(segmenter().tag(text, False)) == 1


def _generic_body(text: str, pos: int, words: _Words) -> str | None:
    """The shortest stem + organ suffix at ``pos`` made of whole words (督考办, 城管执法局, 领导小组办公室).

    A stem is at most 7 characters (政府 + 5), or 12 before a long suffix (委员会, 办公室):
    coordinating offices carry their task in the name (煤电油气供应保障办公室).
    """
    for n in range(1, 13):
        for suffix in _ORGAN_SUFFIXES:
            end = pos + n + len(suffix)
            if n > 7 and suffix not in _LONG_SUFFIXES:
                continue
            if not text.startswith(suffix, pos + n) or not CJK_RUN.fullmatch(text, pos, end):
                continue
            if _organ_word(pos, end, words) and _stem_ok(pos, end, words):
                body = text[pos:end]
                return None if body in word_set("agency_generic.txt") else body
    return None


def _prefix_ok(m: _Prefixed, words: _Words) -> bool:
    """Whether a dictionary mention's prefix is a word of its own and the mention ends where a word ends."""
    if m.end not in words.by_end:
        return False
    party = next((p for p in _PARTIES if m.pre.startswith(p)), "")
    if party and not _opens_prefix(m.start, len(party), words) and m.start not in words.by_start:
        return False
    if len(m.pre) == len(party):
        return True
    if m.place and m.place.endswith(("镇", "乡", "街道")) and m.place not in _places().names:
        first = words.by_start.get(m.start + len(party))
        if first is None or first.is_function or first.is_verb or first.pos in ("d", "r"):
            return False  # 由|青石镇人民政府: the town's name opens on a word after the preposition
    # 中共 + 聊城市, or one glued word 中共上海市委
    return _opens_prefix(m.start + len(party), len(m.pre) - len(party), words) or (
        bool(party) and _opens_prefix(m.start, len(m.pre), words)
    )


@cache
def _body_end_re() -> re.Pattern[str]:
    """The last characters a mention can have: of the table's names, the organ suffixes, 财政, 部门, 中央."""
    surface, _ = _alias_table()
    last = {form[-1] for form in surface} | {suffix[-1] for suffix in _ORGAN_SUFFIXES} | set("政门央")
    return re.compile(f"[{''.join(sorted(last))}]")


def parse_agency_mentions(text: str, tokens: Sequence[Token] | None = None) -> list[AgencyMention]:
    """All agency mentions in ``text`` with their prefix and canonical body, in order.

    ``tokens`` are the segmenter's words of ``text`` if already computed.
    """
    if not _body_end_re().search(text):
        return []  # every mention ends in one of these characters: most sentences name no body
    words = _Words.of(tokens if tokens is not None else tokenize(text), text)
    surface, _ = _alias_table()
    out: list[AgencyMention] = []
    taken = [False] * (len(text) + 1)

    def add(m: AgencyMention) -> None:
        if not any(taken[m.start : m.end]):
            out.append(m)
            taken[m.start : m.end] = [True] * len(taken[m.start : m.end])

    for found in _national_bodies(text, words):  # before 国务院 alone: 国务院国资委, 国务院办公厅
        add(found)
    for m in _NATIONAL_RE.finditer(text):
        canonical = "国务院" if m.group() == "国务院" else "党中央"
        add(AgencyMention(m.start(), m.end(), m.group(), "", "national", m.group(), canonical))
    for found in _founding_committees(text):  # before the region's own name opens a prefixed mention
        add(found)
    for found in (*_finance_payers(text, words), *_elliptical(text, words), *_labelled(text, words)):
        add(found)

    pos = 0
    prefix_re = _prefix_re()
    search = _mention_search(text)
    while pos < len(text):
        m = search(pos)
        gm = prefix_re.search(text, pos)
        # a generic body (市政府督考办, 市城管执法局) may start before the next dictionary match
        if gm and (m is None or gm.start() < m.start):
            found = _generic_at(text, gm, words)
            if found:
                add(found)
                pos = found.end
                continue
        if m is None:
            break
        start, level, body, end = m.start, m.level, m.body, m.end
        if not _prefix_ok(m, words) or (level and body in ("政府", "人民政府") and _LEVEL_LIST.search(text, 0, start)):
            pos = start + 1  # 省、市、县政府: a list of levels, not one body
            continue
        if body in {"政府", "委"}:  # 市委、市政府督考办: the office of the committee/government
            ext = _generic_body(text, end, words)
            if ext and ext not in surface:
                body, end = body + ext, end + len(ext)
        canonical = surface.get(body, body)
        add(AgencyMention(start, end, text[start:end], m.pre, level, body, canonical))
        pos = end
    for found in (*_place_bodies(text, words), *_departments(text, words)):
        add(found)
    out.sort(key=lambda a: a.start)
    out.extend(_continuations(text, out, taken, words))
    out.sort(key=lambda a: a.start)
    return out


def _generic_at(text: str, gm: re.Match[str], words: _Words) -> AgencyMention | None:
    start = gm.start()
    level = gm.group().removeprefix("中国共产党").removeprefix("中共")
    party = gm.group()[: len(gm.group()) - len(level)]
    if party and start not in words.by_start:
        return None
    if not _opens_prefix(start + len(party), len(level), words):
        return None
    body = _generic_body(text, gm.end(), words)
    if body is None:
        return None
    surface, _ = _alias_table()
    if any(body.startswith(s) and s in surface and len(s) < len(body) for s in (body[:1], body[:2])):
        return None  # 市委书记 … handled by the dictionary regex
    end = gm.end() + len(body)
    canonical = surface.get(body, body)
    return AgencyMention(start, end, text[start:end], gm.group(), level, body, canonical)


@cache
def _national_re() -> re.Pattern[str]:
    """The State Council's bodies, named without a prefix (财政部, 国家统计局, 海关总署)."""
    _, forms = _alias_table()
    national = [f for canonical, fs in forms.items() if _is_national(canonical) for f in fs]
    national += [f for fs in forms.values() for f in fs if f.startswith(("国家", "国务院", "中国")) and len(f) > 3]
    return re.compile(alternation(set(national)))


def _is_national(canonical: str) -> bool:
    """A central body: a ministry (X部), an administration (X总局, X署), a 国家/国务院/中国/中共中央 body."""
    if canonical.startswith(("委", "国务院")) and canonical != "国务院国有资产监督管理委员会":
        return False
    return canonical.endswith(("部", "总局", "署")) or canonical.startswith(("国家", "国务院", "中国", "中共中央"))


def _national_bodies(text: str, words: _Words) -> Iterator[AgencyMention]:
    surface, _ = _alias_table()
    for m in _national_re().finditer(text):
        if m.group().endswith("部") and text.startswith("门", m.end()):
            continue  # 铁道部|门: the segmenter's split of 部门 (a department of a field), no ministry
        if m.start() in words.by_start and m.end() in words.by_end:
            name = m.group()
            yield AgencyMention(m.start(), m.end(), name, "", "national", name, surface.get(name, name))


_PAYER_ADVERBS = r"(?:还|将|拟|要|也|再|共|共计|全年|每年|今年|当年|累计|已经|已|进一步|继续|直接|先后|为此|新增)*"
"""What may stand between a finance body and the paying it does (中央财政还将安排, 今年中央财政为此新增支出)."""


@cache
def _payer_after_re() -> re.Pattern[str]:
    """The paying a finance body named without a local level does right after it (中央财政用于, 省级财政安排)."""
    return re.compile(_PAYER_ADVERBS + f"(?:{alternation(words('agency_finance_payments.txt'))})")


def _finance_payers(text: str, words: _Words) -> Iterator[AgencyMention]:
    """市财政, 区财政承担, 市、区两级财政, 省级财政, 中央财政用于…, 国家财政安排…: the finance body of each level
    named as a payer (GUIDELINES: a finance payer is the finance bureau of that level; the country's is 财政部).

    A noun after it makes it money or the budget (市财政资金, 中央财政赤字), unless the noun is the payment
    itself (中央财政转移支付, 省财政投入: ``data/agency_finance_payments.txt``). The country's and a grade's
    finance (中央财政, 国家财政, 省级财政) is as often the budget itself (国家财政还有困难), so it is a payer only
    with a word of paying after it.
    """
    if "财政" not in text:
        return  # every form of _FINANCE_RE ends with 财政
    payments = word_set("agency_finance_payments.txt")
    for m in _FINANCE_RE.finditer(text):
        nxt = words.by_start.get(m.end())
        if nxt is not None and (nxt.pos.startswith("n") or nxt.pos == "vn") and nxt.text not in payments:
            continue  # 市财政资金, 三级财政科技投入: money, not a payer
        if (m.group("national") or m.group("grade")) and not _payer_after_re().match(text, m.end()):
            continue  # 国家财政还有困难, 中央财政要开源节流: the budget, not a payer of a sum
        if m.group("national"):
            if m.start() in words.by_start and m.end() in words.by_end:
                yield AgencyMention(m.start(), m.end(), m.group(), "", "national", "财政", "财政部")
            continue
        if m.group("levels"):
            if m.start() not in words.by_start and not _opens_prefix(m.start(), 1, words):
                continue
            levels = [(m.start() + i, ch) for i, ch in enumerate(m.group("levels")) if ch in "省市区县镇乡"]
            for k, (i, level) in enumerate(levels):
                end = m.end() if k == len(levels) - 1 else i + 1
                yield AgencyMention(i, end, level + "财政", level, level, "财政", "财政局")
            continue
        size = 2 if m.group("grade") else 1
        money = words.by_start.get(m.start() + size)
        if not _opens_prefix(m.start(), size, words) or money is None:
            continue
        if money.text != "财政" and money.text.removeprefix("财政") not in payments:
            continue  # 市财政局 is a body the alias table knows; 财政投入 glued is still the payer
        yield AgencyMention(m.start(), m.end(), m.group(), m.group("level"), m.group("level"), "财政", "财政局")


def _elliptical(text: str, words: _Words) -> Iterator[AgencyMention]:
    """市发展改革、财政、国土资源等部门 → 市发展改革委, 市财政局, 市国土资源局: each item a body of that level."""
    for m in _ELLIPSIS_RE.finditer(text):
        level = m.group("level")
        if not _opens_prefix(m.start(), 1, words):
            continue
        items, pos = [], m.start("items")
        for item in m.group("items").split("、"):
            items.append((pos, pos + len(item), item))
            pos += len(item) + 1
        if not all(_stem_of_nouns(s, e, words) for s, e, _ in items):
            continue
        for k, (s, e, item) in enumerate(items):
            body = _elliptic_body(item, level)
            start = m.start() if k == 0 else s
            yield AgencyMention(start, e, level + body, level, level, body, _alias_table()[0].get(body, body))


_FOUNDING_BODIES = {
    "基本法起草委员会": "基本法起草委员会",
    "第一届政府推选委员会": "第一届政府推选委员会",
    "筹委会预备工作委员会": "筹备委员会预备工作委员会",
    "筹备委员会": "筹备委员会",
    "筹委会": "筹备委员会",
}
"""The committees the central state sets up to found a region's institutions, as written → canonical (筹委会 is
the short form of 筹备委员会)."""


@cache
def _founding_committee_re() -> re.Pattern[str]:
    regions = (d.name for d in all_divisions() if d.name.endswith(("特别行政区", "自治区")))
    return re.compile(f"({alternation(regions)})({alternation(_FOUNDING_BODIES)})")


def _founding_committees(text: str) -> Iterator[AgencyMention]:
    """The committees that found a special administrative region's or an autonomous region's institutions: its
    basic-law drafting committee, preparatory committee (筹备委员会, 筹委会) and its preliminary working committee,
    the selection committee of its first government (甲特别行政区基本法起草委员会, 乙自治区筹备委员会). The central
    state sets them up before the region has a government of its own, so they are national bodies, as the Party's
    and the State Council's are."""
    if "委" not in text or ("特别行政区" not in text and "自治区" not in text):
        return  # the committee and the region its name opens on
    for m in _founding_committee_re().finditer(text):
        canonical = m.group(1) + _FOUNDING_BODIES[m.group(2)]
        yield AgencyMention(m.start(), m.end(), m.group(), "", "national", m.group(), canonical)


def _labelled(text: str, words: _Words) -> Iterator[AgencyMention]:
    """牵头单位：人社厅、民政厅: after a unit label each bare body name is the document's own body."""
    surface, _ = _alias_table()
    for label in _UNIT_LABEL.finditer(text):
        end = _LABEL_LIST_END.search(text, label.end())
        pos = label.end()
        for item in text[pos : end.start() if end else len(text)].split("、"):
            name = item.strip()
            start = pos + item.find(name) if name else pos
            pos += len(item) + 1
            canonical = surface.get(name)
            if canonical and not _is_national(canonical) and start in words.by_start:
                yield AgencyMention(start, start + len(name), name, "", None, name, canonical)


def _stem_of_nouns(start: int, end: int, words: _Words) -> bool:
    """Whether ``[start, end)`` is whole words, all nouns or verbal nouns (发展/改革, 国土资源)."""
    tok = words.by_start.get(start)
    while tok is not None and tok.end <= end:
        if not (tok.pos.startswith("n") or tok.pos in ("vn", "j")):
            return False
        if tok.end == end:
            return True
        tok = words.by_start.get(tok.end)
    return False


def _elliptic_body(stem: str, level: str) -> str:
    """The body a stem names: the first stem+委/局/厅/委员会 the alias table knows, else stem+局 (省: 厅)."""
    surface, _ = _alias_table()
    for suffix in ("委", "局", "厅", "委员会", "办"):
        if stem + suffix in surface:
            return stem + suffix
    return stem + ("厅" if level == "省" else "局")


def _is_place_word(tok: Token) -> bool:
    """A division name as one word (忻州市, 山西省) or an anonymised one (XX市)."""
    if tok.text.startswith("X"):
        return bool(_ANONYMISED.fullmatch(tok.text))
    return tok.pos == "ns" and tok.text in _places().names


def _place_bodies(text: str, words: _Words) -> Iterator[AgencyMention]:
    """A stem + organ suffix after one or more division names (山西省忻州市清洁取暖工作领导小组办公室)."""
    if not _ANY_SUFFIX.search(text):
        return
    surface, _ = _alias_table()
    for tok in words.by_start.values():
        if not _is_place_word(tok) or (tok.start in words.by_end and _is_place_word(words.by_end[tok.start])):
            continue
        end = tok.end
        while end in words.by_start and _is_place_word(words.by_start[end]):
            end = words.by_start[end].end
        body = _generic_body(text, end, words)
        if body:
            prefix = text[tok.start : end]
            yield AgencyMention(tok.start, end + len(body), prefix + body, prefix, None, body, surface.get(body, body))


def _innermost(prefix: str) -> str:
    """The last division of a chain of division names (山西省忻州市 → 忻州市)."""
    names = _places().names
    for i in range(1, len(prefix) - 1):
        if prefix[:i] in names and (prefix[i:] in names or _innermost(prefix[i:]) != prefix[i:]):
            return _innermost(prefix[i:])
    return prefix


def _given_a_task(text: str, start: int, end: int) -> bool:
    """由公安部门…, 公安部门牵头/负责/配合/会同: the agent of a task, so one body rather than a sector."""
    return text[start - 1 : start] == "由" or bool(_TASK_AFTER.match(text, end))


def _departments(text: str, words: _Words) -> Iterator[AgencyMention]:
    """公安部门, 市教育部门: a functional stem the alias table knows (公安局) + 部门 names that body."""
    if "部门" not in text:
        return
    surface, _ = _alias_table()
    for tok in words.by_start.values():
        if not tok.text.endswith("部门"):
            continue
        stem_tok = tok if len(tok.text) > 2 else words.by_end.get(tok.start)
        if stem_tok is None:
            continue
        start = stem_tok.start
        stem = text[start : tok.end - 2]
        body = next((stem + s for s in ("局", "厅", "委") if stem + s in surface), None)
        if body is None or len(stem) < 2:
            continue
        level = text[start - 1] if start > 0 and text[start - 1] in "省市区县" else ""
        if level and _opens_prefix(start - 1, 1, words):
            start -= 1
        elif _given_a_task(text, start, tok.end):
            level = ""
        else:
            continue  # 教育部门 alone is a sector (各级政府和教育部门要…), a body only when given a task
        yield AgencyMention(start, tok.end, text[start : tok.end], level, level or None, body, surface[body])


def _continuations(
    text: str, found: list[AgencyMention], taken: list[bool], words: _Words
) -> list[AgencyMention]:
    """Bare body names listed right after a mention (市建委、交通局) share its prefix."""
    surface, _ = _alias_table()
    extra: list[AgencyMention] = []
    for prev in list(found):
        cur = prev
        while True:
            m = _bare_re().match(text, cur.end)
            if not m or any(taken[m.start("body") : m.end()]) or m.end() not in words.by_end:
                break
            body = m.group("body")
            mention = AgencyMention(m.start("body"), m.end(), body, "", cur.level, body, surface.get(body, body))
            extra.append(mention)
            for i in range(mention.start, mention.end):
                taken[i] = True
            cur = mention
    return extra


def agency_mentions(text: str) -> list[tuple[int, int, str]]:
    """Spans ``(start, end, mention)`` of the government bodies named in ``text``.

    Cached by text: policies, plans and owners ask again about sentences already parsed.
    """
    return list(_mention_spans(text))


@lru_cache(maxsize=1 << 14)
def _mention_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start, m.end, m.text) for m in parse_agency_mentions(text))


def sentence_mentions(
    report: Report, tokens: Mapping[int, Sequence[Token]] | None = None
) -> dict[int, list[AgencyMention]]:
    """The agency mentions of every sentence by index: parsed once, read by several extractors.

    ``tokens`` are the sentences' segmenter words (:func:`~kg.extract.tokens.sentence_tokens`) if computed.
    """
    return {
        s.index: parse_agency_mentions(s.text, tokens.get(s.index) if tokens is not None else None)
        for s in report.sentences
    }


_LEVEL_WANTS = {
    "省": ("province",),
    "自治区": ("province",),
    "市": ("city",),
    "自治州": ("city",),
    "州": ("city",),
    "盟": ("city",),
    "区": ("district", "county"),
    "县": ("county", "district"),
    "旗": ("county",),
    "镇": ("town",),
    "乡": ("town",),
}
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


def resolve_jurisdiction(
    mention: AgencyMention, ctx: DocContext, named: Mapping[str, str] | None = None
) -> str | None:
    """The place whose body the mention names: always a key a reader of the document would give.

    A named place prefix gives its place (the innermost of 山西省忻州市); a bare body
    (公安部门, a list continuation without level) is the document's own; a level word
    (市, 省) is the document's place or parent of that level, else ``named``'s place of
    that level (level → the place another mention of the document names, 四川省人民政府
    for 省委, or for a document without a jurisdiction the division of that level its
    text names most), else ``None`` rather than a place of another level.
    """
    if mention.level == "national":
        return _NATIONAL
    if mention.level is None:
        place = _innermost(mention.prefix.removeprefix("中国共产党").removeprefix("中共"))
        return place or ctx.jurisdiction
    want = _LEVEL_WANTS.get(mention.level, ())
    chain = [(ctx.jurisdiction, ctx.level)] + [(p, level_of(p, ctx.parents)) for p in ctx.parents]
    for name, level in chain:
        if name and level in want:
            return name
    if mention.level == "市" and ctx.level == "province" and ctx.jurisdiction in _MUNICIPALITIES:
        return ctx.jurisdiction
    for level in want:
        if named and level in named:
            return named[level]
    return None  # a town's body in a district report, with no town known: no place to guess


def _named_places(mentions: Iterator[AgencyMention]) -> dict[str, str]:
    """Level → the one place of that level the document's mentions name as a prefix (四川省人民政府 → 四川省)."""
    seen: dict[str, set[str]] = {}
    for m in mentions:
        if m.level is None and m.prefix:
            place = _innermost(m.prefix.removeprefix("中国共产党").removeprefix("中共"))
            level = level_of(place)
            if level:
                seen.setdefault(level, set()).add(place)
    return {level: next(iter(places)) for level, places in seen.items() if len(places) == 1}


def _text_places(text: str) -> dict[str, str]:
    """Level → the division of that level the text names most often, for a document whose context has no place.

    Only division names of three or more characters count (城区, 郊区 are also common nouns);
    an anonymised place (XX市) counts as a place of its level. A place named once is more
    often a comparison (武汉市有8个) than the document's own, so it takes two mentions.
    """
    counts: dict[str, dict[str, int]] = {}
    spans = [(s, e) for s, e in _places().spans(text) if e - s >= 3]
    for start, end in [*spans, *((m.start(), m.end()) for m in _ANONYMISED.finditer(text))]:
        name = text[start:end]
        level = level_of(name)
        if level:
            by_name = counts.setdefault(level, {})
            by_name[name] = by_name.get(name, 0) + 1
    best = {level: max(by_name, key=by_name.__getitem__) for level, by_name in counts.items()}
    return {level: name for level, name in best.items() if counts[level][name] >= 2}


def _with_parents(named: dict[str, str]) -> dict[str, str]:
    """``named`` with the levels above each place filled from GB/T 2260 (滨州市 → 山东省)."""
    out = dict(named)
    for place in list(named.values()):
        division = find_division(place)
        code = division.parent_code if division else None
        while code:
            parent = division_by_code(code)
            if parent is None:
                break
            out.setdefault(parent.kind, parent.name)
            code = parent.parent_code
    return out


def _level_name(canonical: str, jurisdiction: str | None) -> str:
    """The standard name at the body's level: a province's bureaus are 厅 (教育局 → 教育厅) where the table says so."""
    if not jurisdiction or not canonical.endswith("局") or level_of(jurisdiction) != "province":
        return canonical
    _, forms = _alias_table()
    hall = canonical[:-1] + "厅"
    return hall if hall in forms.get(canonical, ()) else canonical


def _second_nameplate(text: str, prev: AgencyMention | None, m: AgencyMention) -> bool:
    """市发展改革委（市能源局）: a body in brackets right after another is a second nameplate of it."""
    return (
        prev is not None
        and m.start == prev.end + 1
        and text[prev.end] in "（("
        and text[m.end : m.end + 1] in ("）", ")")
    )


def _aliases(m: AgencyMention, jurisdiction: str | None, forms: tuple[str, ...]) -> list[str]:
    level = m.level if m.level not in (None, "national") else ""
    if m.level is None and not m.prefix and jurisdiction and jurisdiction[-1] in "省市区县":
        level = jurisdiction[-1]  # a bare body (公安部门) is the document's: 市公安局 in a city
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
    named = _named_places(m for ms in mentions.values() for m in ms)
    if not ctx.jurisdiction:
        named = _with_parents({**_text_places(report.text), **named})
    by_key: dict[tuple[str | None, str], Agency] = {}
    for sentence in report.sentences:
        prev: AgencyMention | None = None
        prev_key: tuple[str | None, str] | None = None
        for m in mentions[sentence.index]:
            if m.body in generic or m.text in generic:
                continue
            if sentence.text.startswith("工作报告", m.end):
                continue  # the report's own title names its issuer, not an actor
            if ctx.jurisdiction == _NATIONAL and m.level in _LEVEL_WANTS:
                continue  # 省政府 in the State Council's report: every provincial government, not one body
            jurisdiction = resolve_jurisdiction(m, ctx, named)
            key = (jurisdiction or m.level or m.prefix, m.canonical)
            if prev_key is not None and _second_nameplate(sentence.text, prev, m):
                key, jurisdiction = prev_key, by_key[prev_key].jurisdiction
            prev, prev_key = m, key
            agency = by_key.get(key)
            if agency is None:
                agency = Agency(mention=m.text, name=_level_name(m.canonical, jurisdiction), jurisdiction=jurisdiction)
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
