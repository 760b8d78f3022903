"""Enterprises and non-government organisations (某某公司, 某某集团, 工会).

Five rules over the sentence's tokens: a name ending in an organisation suffix
(公司/集团/银行/大学/医院/交易所 …, ``data/org_suffixes.txt``) on a word end, whose stem runs left to
the verb, function word or punctuation in front of it and is not a level or count only
(市级医院, 三大油气公司) nor kind words only (``data/org_kind_words.txt``: 中小银行, 保险公司);
the elements of a list closed by 等(重点)企业 (围绕甲汽、乙客等重点企业), or one element before a count of
enterprises (甲乙等5户企业, 甲乙等一批领军企业), unless they are all common words (计量、检测等服务企业) or
bodies yet to be founded (组建|…等企业); a trade name and an industry word with 公司 dropped
(``data/org_industry_words.txt``: 某某药业); the people's organisations of ``data/org_names.txt``, the
intergovernmental organisations of ``data/org_international.txt`` and the academies of ``data/org_academies.txt``;
alliances with a proper stem (``data/org_proper_suffixes.txt``: 长三角某某联盟); the enterprise that owns a named
project (甲市乙县圣钘科技|固态电池项目); and national bodies named 国家…中心 / 中国…中心, with the field in
brackets when given (国家医学中心（中医类）), but not the designation kinds (``data/org_designations.txt``:
国家区域医疗中心) nor the hubs and sites (``data/org_facility_centres.txt``: 国家…物流中心, …数据中心); a group of
states before such a name opens it (``data/org_blocs.txt``: 甲乙国家…中国中心, a bloc's centre in China). A branch
named after its parent joins it (甲大学附属医院乙医院); a body of the agency table (中国人民银行) is an agency, and a
hospital the place finder holds is a place.
A name that opens on a division runs over a verb inside it (江苏农商|联合|银行), unless that verb founds or grows
bodies (``data/org_founding_verbs.txt``: 支持某省|打造|一流大学), and over 与 between two fields (某市信息与智慧医学
研究院); a founded body opens on its trade name (组建|甲乙具身…公司); laboratories listed with one suffix are each a
body (甲山、乙湖等实验室), and a state key laboratory is named by its field (某某材料全国重点实验室), as a division
or region before a national designation names one centre (长三角|国家技术创新中心).
Research institutes named 创新院 need a proper stem (甲江科技创新院), a forum is a body only before its own organs
or work (甲乙论坛年会), and an enterprise may be named right before a product in Latin capitals (甲乙科技|PCB) or
before the division of its project in a list (甲乙|某县、丙丁电气|某市等一批项目).
Older reports name state factories in full (行政区划 + 字号 + 行业 + 厂: 甲市第一机床厂, 乙钢铁总厂), utility plants
aside (``data/org_plant_facilities.txt``). A parent named only where it opens its unit's name (中国甲学院|乙研究所,
甲国家实验室|乙省创新中心) is part of that name, an intergovernmental body named only before a meeting's head
(``data/org_meeting_heads.txt``: 甲组织|领导人非正式会议) names that meeting, and what a verb of
``data/org_bid_verbs.txt`` bids for (争创|国家甲中心) is a title sought: none of them is a body of its own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from functools import cache

from kg.extract.agencies import parse_agency_mentions
from kg.extract.lexicon import CJK, CJK_RUN, is_cjk, word_re, word_set, word_union
from kg.extract.model import DocContext, Organization, Place
from kg.extract.places import HOSPITAL_ENDS, place_word
from kg.extract.policies import head_spans, is_verbal, lead_verbs
from kg.extract.tokens import UNKNOWN_WORD_TAGS, Token, opens_name, segmenter, tokenize, tokens_in
from kg.loaders.model import Report

__all__ = ["find_organizations", "is_designation_kind", "organization_names"]

_LIST_RE = re.compile(
    rf"((?:[{CJK}]{{2,8}}、)*[{CJK}]{{2,8}})等(?P<count>[一二三四五六七八九十两\d]+[大家户]|一批)?(?:重点|龙头|骨干|大型|[{CJK}]{{2,4}})?(?:企业|公司|集团|央企|国企|民企|外企|车企|药企|房企)"
)
_CREATING_VERBS = frozenset({"组建", "成立", "设立", "新设", "筹建", "创办", "兴办", "新建"})
"""Verbs that create a body: what they take is a body yet to exist, named by its business (组建|能源、数据等企业)."""
_BODY_COUNT_RE = re.compile(r".*[家户]|一批")
"""等5家企业, 等3户企业, 等一批企业: a count of enterprises, so even one member before 等 is one of them."""
_COUNT_RE = re.compile(r"[一二三四五六七八九十两百千万\d]+[大家级]")
_NATIONAL_RE = re.compile(rf"(?:国家|中国)[{CJK}—]{{2,20}}?(?:中心|重点实验室)(?:（[{CJK}]{{1,6}}类）)?")
_MAX_STEM = 10
_DESCRIPTIVE_ENDS = ("型", "式", "性", "化")  # endings of descriptive words (开放型, 区域性), never of a name


_UNDER = ("所属", "直属", "下属")


def _stops(token: Token) -> bool:
    """A word an organisation's name cannot run over on its left: a verb, function word or punctuation."""
    return token.pos == "x" or token.is_function or is_verbal(token)


def _is_grade(token: Token) -> bool:
    """A level or count word (市级, 县级, 三级以上, 三大): it grades a kind of body, it does not name one."""
    text = token.text
    counted = token.pos.startswith("m") or bool(_COUNT_RE.fullmatch(text))
    return counted or text.endswith("级") or text in ("以上", "以下")


def _opens(words: Sequence[Token], i: int, k: int, hs: int) -> bool:
    """Whether a name may open at ``words[i]``, the suffix starting at ``hs`` in ``words[k]``.

    Not on a word of ``data/org_not_opening.txt`` (所有, 新建/ns, 新一轮/nz: a determiner or a verb the
    segmenter tags as a name), nor on a one-character adjective right after a verb, which is the
    verb's complement (建|好|某研究院, 做|强|某集团).
    """
    t = words[i]
    if _mistagged_adverb(words, i):
        return True
    after_verb = i > 0 and is_verbal(words[i - 1])
    after_lead = after_verb or (i > 0 and words[i - 1].pos == "p")  # 用/p|好/a: the segmenter splits the verb 用好
    if t.text in word_set("org_not_opening.txt") or (after_lead and len(t.text) == 1 and t.pos == "a"):
        return False
    if t.pos.startswith("q") or (t.pos == "vn" and (after_verb or (i + 1 < len(words) and _counted(words[i + 1])))):
        return False  # 个|国家…医院, 建设|一批…学院
    if (i + 1 < k or words[k].start < hs) and (t.pos in _PREDICATE_TAGS or t.text in word_set("predicate_adverbs.txt")):
        return False  # 发展/vn|民营银行, 严厉查处/i|某公司, 今年/t|某银行: a predicate or time before the name
    if len(t.text) >= 4 and segmenter().has_word(t.text) and _ends_in_verb(t.text):
        return False  # 充分发挥/l, 严肃查处/l, 统筹安排/nz: an adverb and a verb the segmenter made one word
    return opens_name(t) and not is_verbal(t)


def _mistagged_adverb(words: Sequence[Token], i: int) -> bool:
    """Whether ``words[i]`` is tagged an adverb but stands before a noun where only a noun can be: opening its clause
    (，陆相/d|页岩油…实验室) or naming a division (中国科学院|大连/d|化学物理研究所). An adverb modifies a verb, never
    a noun, so the segmenter mis-tagged a word of the name. Not a word of ``data/predicate_adverbs.txt`` (持续, 全面),
    which are adverbs whatever follows."""
    t = words[i]
    if t.pos != "d" or len(t.text) < 2 or i + 1 >= len(words) or t.text in word_set("predicate_adverbs.txt"):
        return False
    opening = i == 0 or words[i - 1].pos == "x" or place_word(t.text)
    return opening and words[i + 1].pos.startswith("n")


def _ends_in_verb(word: str) -> bool:
    """Whether the last two characters of ``word`` read as a verb in dictionary words (发挥, 查处, 安排)."""
    return any(tag.startswith("v") for _, tag in segmenter().tag(word[-2:], False))


_PREDICATE_TAGS = frozenset({"vn", "i", "l", "t", "ad", "d"})


@cache
def _kind_words() -> frozenset[str]:
    return word_set("org_kind_words.txt") | word_set("org_suffixes.txt") | word_set("org_generic.txt")


_BLOC_RE = re.compile(r"[一二三四五六七八九十百两\d]+国$")


def _clique(stem: str) -> bool:
    """Whether the stem of a 集团 names a clique or bloc: a word of ``data/org_clique_words.txt``, a count of
    states (七十七国, 二十国), or ending in one person's full name (某某某集团, 南某某某某集团: the clique around a
    politician)."""
    if _BLOC_RE.search(stem) or any(w in stem for w in word_set("org_clique_words.txt")):
        return True
    words = tokenize(stem)
    last = words[-1] if words else None  # 南某|李某某集团: a clique named after its leader, after its country
    return last is not None and len(last.text) == 3 and last.pos == "nr" and segmenter().has_word(last.text)


_FIELD_LAB_RE = re.compile(rf"[{CJK}]{{2,12}}(?:国家|全国)重点实验室")
"""A state key laboratory (国家重点实验室, since 2022 全国重点实验室) after its field: one laboratory."""


def _generic_kind(name: str, generic: frozenset[str]) -> bool:
    """Whether ``name`` is a generic body (``data/org_generic.txt``) after words that name nothing: 城市|公立医院,
    区县级|社区学院. A division, a proper or a new word before it makes it one body (甲乙|实验室, 湛江|技师学院)."""
    if _FIELD_LAB_RE.fullmatch(name):
        return False  # 某某材料|全国重点实验室: a state key laboratory is named by its field
    for g in generic:
        if len(g) >= 3 and name.endswith(g) and not any(_names_something(w) for w in tokenize(name[: -len(g)])):
            return True
    return False


def _names_something(token: Token) -> bool:
    """Whether a word can make a generic body one body: a division of two characters or more, a proper or new
    word; not a kind word (高水平/nr, 世界一流), a descriptive one (开放型) nor the country (中国特色)."""
    text = token.text
    if text in _kind_words() or text.endswith(_DESCRIPTIVE_ENDS) or text == "中国" or len(text) < 2:
        return False
    return place_word(text) or token.pos in _PROPER_TAGS or not segmenter().has_word(text)


def _kind_only(words: Sequence[Token], start: int, end: int, stem: str = "") -> bool:
    """Whether the words from ``start`` to ``end`` are kind words only (``data/org_kind_words.txt``) and a suffix:
    国有|大型|商业银行 names a kind of bank, not one. ``stem``, when given, is also read on its own words, so a
    kind the segmenter glued to its suffix (中小银行, 保险公司) is one too. A descriptive word (区域性, 竞争性)
    is a kind word."""
    inside = [t for t in words if start <= t.start and t.end <= end]
    if inside and inside[0].start == start and inside[-1].end == end and all(_kind_word(t.text) for t in inside):
        return True
    return bool(stem) and all(_kind_word(t.text) for t in tokenize(stem))


def _kind_word(word: str) -> bool:
    """Whether ``word`` says what kind of body is meant: a word of the kind lists, or a descriptive 某某性 word."""
    return word in _kind_words() or (len(word) >= 3 and word.endswith("性"))


def _counted(token: Token) -> bool:
    """一批, 一些, 多家: a quantity of bodies, so the words after it describe a kind, not name one."""
    return token.pos.startswith("m") and token.text[0] in "一多几数"


def _stem_start(words: Sequence[Token], k: int, hs: int) -> int:
    """Offset where the name whose suffix starts at ``hs`` (inside or at ``words[k]``) begins."""
    i = k
    while i > 0 and hs - words[i - 1].start <= _MAX_STEM and not _founds(words, i - 1, hs):
        if _stops(words[i - 1]) and not _mistagged_adverb(words, i - 1):
            break
        i -= 1
    i = _division_opening(words, i, hs)
    while i < k and not _opens(words, i, k, hs):
        i += 1
    return words[i].start if i < k else min(hs, words[k].start)


_MAX_DIVISION_STEM = 12


def _founds(words: Sequence[Token], j: int, hs: int) -> bool:
    """Whether ``words[j]`` is a verb of founding or growing bodies (``data/org_founding_verbs.txt``), however tagged,
    with more of the stem after it: the predicate over a kind of body (海南|建设/vn|研究型医院, 广东|发展/vn|民营银行),
    not a word of the name; right before the suffix it is one (某某建设|银行, 某某发展|银行)."""
    return words[j].text in word_set("org_founding_verbs.txt") and j + 1 < len(words) and words[j + 1].start < hs


def _division_opening(words: Sequence[Token], i: int, hs: int) -> int:
    """Index where a name opens on a place before the verb that stopped its stem at ``words[i]``, else ``i``.

    A name of the shape 行政区划 + 字号 + 行业 + 组织形式 (《企业名称登记管理规定》) may hold a word jieba tags a
    verb: 江苏农商|联合|银行, 某市生物|制造|研究院, 宁夏某江|应用|技术学院, 海南|警察/v|学院. When only nouns stand
    between a division's name (or a word tagged a place, 某江) and that verb, the name opens on the place.
    Not after a verb that takes bodies as its object (``data/org_founding_verbs.txt``, the lead and pivot verbs:
    支持江苏|打造|一流大学): there the place is the verb's subject. Two fields joined by 与 inside a name opened by a
    division are one name too (某市信息|与|智慧医学研究院), when a common noun stands before 与 and a noun, no place,
    after it (not 甲市|与|乙…: two partners). A new body's name may open on its trade name right after the verb that
    founds it, the segmenter tagging a word of its field a verb (组建|甲乙/nr|具身/v|…公司).
    """
    if i == 0 or i >= len(words):
        return i
    after = words[i]
    joined = words[i - 1].text == "与" and _field_noun(words[i - 2]) and _plain_noun(after) and not _names_place(after)
    if not joined and (not is_verbal(words[i - 1]) or words[i - 1].is_function):
        return i
    verb = words[i - 1].text
    if verb in word_set("org_founding_verbs.txt") or verb in lead_verbs() or verb in word_set("plan_pivot_verbs.txt"):
        return i
    m = i - 1
    while m > 0 and _plain_noun(words[m - 1]) and hs - words[m - 1].start <= _MAX_DIVISION_STEM:
        m -= 1
    bodies = [p for p in range(m, i - 1) if words[p].text.endswith(_suffixes())]
    m = bodies[-1] + 1 if bodies else m  # 某江学院|更名|大学: no run over a body; 中国科学院|某江创新研究院: its unit
    place = next((p for p in range(m, i - 1) if _names_place(words[p])), None)
    if place is not None:
        return place
    founded = not joined and m > 0 and m < i - 1 and words[m - 1].text in _CREATING_VERBS
    return m if founded and _names_something(words[m]) else i


def _field_noun(token: Token) -> bool:
    """A common noun of two characters or more (信息, 材料科学): a field a name may join to another with 与."""
    text = token.text
    return token.pos == "n" and len(text) >= 2 and segmenter().has_word(text) and not place_word(text)


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(word_set("org_suffixes.txt"))


def _plain_noun(token: Token) -> bool:
    """A noun, place or abbreviation that can stand inside a name (not a verb, function word nor punctuation)."""
    return (token.pos.startswith("n") or token.pos == "j") and not _stops(token)


def _names_place(token: Token) -> bool:
    """Whether ``token`` names a division (江苏, 重庆市) or, tagged a place by the segmenter, a river or area."""
    text = token.text
    if len(text) < 2 or text in word_set("org_not_opening.txt") or _is_grade(token):
        return False
    return place_word(text) or token.pos == "ns"


def _graded_only(stem: str, words: Sequence[Token]) -> bool:
    """Whether a stem opens with a grade or count (三大油气|公司) or holds nothing else (市县级|医院)."""
    return not words or _is_grade(words[0]) or all(_is_grade(t) or len(t.text) == 1 for t in words)


def _after_count(words: Sequence[Token], start: int) -> bool:
    """Whether a count stands right before the name (3个|国家…医院): a number of bodies of a kind."""
    before = [t for t in words if t.end == start]
    return bool(before) and before[0].pos.startswith(("q", "m"))


def _list_members(text: str, words: Sequence[Token]) -> list[tuple[int, str]]:
    """The members of 甲、乙等重点企业; the first starts after the verb or function word before it.

    Not a list of bodies: one whose noun is the object of a verb between 等 and it (计量、检测等|服务|企业:
    services that serve enterprises); nor members that name kinds (高新技术企业, 科技型中小企业) or
    activities, a phrase ending in a verb (火箭总装测试, 卫星数据应用).
    """
    found: list[tuple[int, str]] = []
    if "等" not in text:
        return found  # no list: _LIST_RE needs its 等 (a search of it tries a CJK run at every position)
    for m in _LIST_RE.finditer(text):
        if any(is_verbal(t) or t.pos == "vn" for t in tokens_in(words, m.end(1) + 1, m.end() - 2)):
            continue
        parts = m.group(1).split("、")
        if len(parts) == 1 and not (m.group("count") and _BODY_COUNT_RE.fullmatch(m.group("count"))):
            continue  # 甲乙等企业: one member needs a count of enterprises to be one (甲乙等5家企业)
        first_end = m.start() + len(parts[0])
        first = tokens_in(words, m.start(), first_end)
        start = m.start()
        for t in first:
            if _stops(t) or not opens_name(t):
                start = t.end
        split = first_end - start < 2 and len(parts) > 1 and not all(_common_words(p) for p in parts[1:])
        if split:
            start = _after_predicate(first, start)  # 支持|超/v|聚变/v、甲乙等企业: a name split into verbs
            split = _split_name(text[start:first_end])
        parts[0] = text[start:first_end]
        if all(_common_words(p) for p in parts) or _fields_of_business(parts):
            continue  # 计量、标准、检测等服务企业, 环境保护、节能节水等企业所得税: fields of business, not bodies
        before = [t for t in words if t.end == start]
        if before and before[0].text in _CREATING_VERBS:
            continue  # 组建|甲、乙等一批企业: enterprises yet to be founded, named by their business
        if len(parts) == 1 and not _named_member(parts[0]):
            continue  # 带动|上下游等30家企业: one member alone must be a name
        named = [len(p) >= 2 and ((k == 0 and split) or not _names_a_kind(p)) for k, p in enumerate(parts)]
        found += [(m.start() + k, p) for k, p in enumerate(parts) if named[k]]
    return found


@cache
def _list_takers() -> frozenset[str]:
    """Verbs that take bodies as their object: lead verbs, pivot verbs and founding verbs (支持, 培育)."""
    return frozenset(lead_verbs()) | word_union("plan_pivot_verbs.txt", "org_founding_verbs.txt")


def _after_predicate(first: Sequence[Token], start: int) -> int:
    """Offset where the first member of a list of names opens when all its words read as verbs (支持|超/v|聚变/v、…):
    after the last punctuation, function word or verb that takes bodies as its object (``data/lead_verbs.tsv``,
    ``data/plan_pivot_verbs.txt``, ``data/org_founding_verbs.txt``: 支持, 培育), so the words after it, the segmenter's
    split of a name it does not know, are the member; ``start`` when no such word stands in the item or the member
    would be a single word the dictionary knows."""
    takers = _list_takers()
    cut = next((i for i in range(len(first) - 1, -1, -1) if first[i].text in takers or first[i].is_function), None)
    if cut is None or first[cut].pos == "x" or len(first) - cut - 1 < 2:
        return start
    return first[cut].end


def _split_name(member: str) -> bool:
    """Whether ``member`` is a name the segmenter split into pieces (超|聚变): no dictionary word as a whole and
    opening on a single character it reads as a verb or adjective, which no activity (研发|制造) does."""
    words = tokenize(member)
    opening = bool(words) and len(words[0].text) == 1 and words[0].pos in ("v", "a")
    return opening and len(words) >= 2 and not segmenter().has_word(member)


_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt", "nz", "j"})
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "nt", "nz"})


def _named_member(member: str) -> bool:
    """Whether a list member alone is an enterprise's own name: no verb in it, not a place, and holding a name the
    segmenter tags so or a word the dictionary does not know (甲乙|睿), not common words or an abbreviation only
    (上下游/j, 龙头)."""
    words = tokenize(member)
    if not words or place_word(member) or any(is_verbal(t) or t.pos == "vn" for t in words):
        return False
    return any(t.pos in _NAME_TAGS or not segmenter().has_word(t.text) for t in words)


def _common_words(member: str) -> bool:
    """Whether a list member is made of common dictionary words only (no proper, abbreviated or new word)."""
    words = tokenize(member)
    return bool(words) and all(segmenter().has_word(w.text) and w.pos not in _PROPER_TAGS for w in words)


def _fields_of_business(parts: Sequence[str]) -> bool:
    """Whether the members of a list before 等企业 are fields of business (采掘、运输、建筑和商业等企业; 发电、冶炼、
    化工等企业): every member is made of dictionary words, none a name the segmenter tags so (an abbreviation, 工矿/j,
    may be a field) nor a body of the named lists (``_NAMED_BODIES``: 甲石化/j), and one at least reads as a field:
    an activity (a word tagged a verb), an industry word (``data/org_industry_words.txt``), a kind of enterprise
    (…企业), two fields joined (建筑和商业) or a phrase with an adverb (彻底清理…)."""
    industries = word_set("org_industry_words.txt")
    field = False
    for member in (p for p in parts if p):  # the first is empty when a verb opened it (举办|采煤、…)
        words = tokenize(member)
        if member in word_union(*_NAMED_BODIES) or not all(_dictionary_word(t) for t in words):
            return False
        field = field or member.endswith("企业") or any(_field_word(t, industries) for t in words)
    return field


def _field_word(token: Token, industries: frozenset[str]) -> bool:
    """A word that makes a list member a field of business: a verb, an industry word, a conjunction or an adverb."""
    return is_verbal(token) or token.pos in ("vn", "c", "d", "ad") or token.text in industries


def _dictionary_word(token: Token) -> bool:
    """Whether ``token`` is a word of the dictionary and no name (a place, a person's or an organisation's name)."""
    return segmenter().has_word(token.text) and token.pos not in _NAME_TAGS and token.pos != "ns"


def _names_a_kind(member: str) -> bool:
    """Whether a list member names a kind of enterprise (…企业) or an activity: dictionary words ending in a
    verb (火箭|总装|测试). A word the dictionary does not know is a name (天河|超算, 黔晟|国资)."""
    if member.endswith("企业"):
        return True
    words = tokenize(member)
    if len(words) < 2 or len(words[-1].text) < 2 or not (is_verbal(words[-1]) or words[-1].pos == "vn"):
        return False
    return all(segmenter().has_word(w.text) for w in words)


_SHARED_LAB_RE = re.compile(
    rf"((?:[{CJK}]{{2,5}}、)+[{CJK}]{{2,5}}?)(?:等)?(?:[一二三四五六七八九十两\d]+[个家])?(?:省|自治区)?(重点实验室|实验室)"
)


def _shared_suffix_members(text: str, words: Sequence[Token]) -> list[tuple[int, str]]:
    """(start, name) of each member of a list of laboratories that share one suffix (甲山、乙湖、丙江等实验室, 甲、乙3个
    省实验室): provincial laboratories are named by a landmark, and reports list them with the suffix said once, as
    they do agencies (GUIDELINES.md clarifications: each item of an elliptical list is a body).

    Each member is made of words that can open a name and ends on a proper word (a place, a name, a word the
    dictionary does not know): not common words (高校、科研等实验室, 某地|基地), a kind (国有、民营), a scope or
    function word (在某|全国重点实验室). The 省 and the count before the suffix grade the list, they are no part of a
    name. The first member starts on a word, after the verb or function word in front of it (建设|甲山、乙湖…)."""
    if "实验室" not in text or "、" not in text:
        return []  # the list and the suffix _SHARED_LAB_RE needs
    starts = {t.start for t in words}
    out: list[tuple[int, str]] = []
    for m in _SHARED_LAB_RE.finditer(text):
        parts = m.group(1).split("、")
        first_end = m.start(1) + len(parts[0])
        start = m.start(1)
        for t in words:
            leading = _stops(t) or t.pos == "vn" or t.text in word_set("org_founding_verbs.txt") or not opens_name(t)
            if start <= t.start < first_end and leading:
                start = t.end
        while start < first_end and start not in starts:
            start += 1
        parts[0] = text[start:first_end]
        if all(_lab_member(p) for p in parts):
            at = start
            for part in parts:
                out.append((at, part + m.group(2)))
                at += len(part) + 1
    return out


def _lab_member(member: str) -> bool:
    """Whether one member of a shared-suffix list can be a laboratory's own name: see :func:`_shared_suffix_members`."""
    inner = tokenize(member)
    if len(member) < 2 or not inner or _common_words(member):
        return False
    not_opening = word_set("org_not_opening.txt")
    if any(_stops(t) or t.pos == "vn" or _kind_word(t.text) or t.text in not_opening for t in inner):
        return False
    last = inner[-1]
    return last.pos in _PROPER_TAGS or not segmenter().has_word(last.text)


def organization_names(text: str, words: Sequence[Token] | None = None) -> list[str]:
    """Organisation names in one string, in order of appearance; ``words`` are its tokens (computed when None)."""
    words = tokenize(text) if words is None else words
    generic = word_set("org_generic.txt")
    found = _list_members(text, words) + _shared_suffix_members(text, words)
    suffixed: list[tuple[int, str]] = []
    for k, hs, he in head_spans(text, words, "org_suffixes.txt"):
        start = _stem_start(words, k, hs)
        stem, name = text[start:hs], text[start:he]
        if len(stem) < 2 or name in generic or stem in generic or _generic_kind(name, generic):
            continue
        if name.endswith(tuple(word_set("org_role_ends.txt"))):
            continue  # 科创板上市公司, 某账户试点银行: bodies in a role, not one body
        if any(u in stem for u in _UNDER):
            continue  # 教育部直属|师范大学, 某部所属|医院: the bodies under a parent, a class
        inside = [t for t in words if start <= t.start < hs]  # with a word the suffix starts inside (妇幼保健|院)
        counts = any(_counted(t) or (t.pos in ("m", "mq") and t.text[0] != "第") for t in inside)  # 第三: an ordinal
        if _graded_only(stem, inside) or counts:
            continue  # 三大油气|公司, 甲乙2个|省实验室: a count of bodies, not a name
        if _after_count(words, start):
            continue
        if len(inside) == 1 and inside[0].end == hs and inside[0].pos == "t":
            continue  # 现在|银行, 今年|银行: a time word before the suffix, not a name
        if _kind_only(words, start, he, stem):
            continue
        if text.startswith("集团", hs) and _clique(stem):
            continue  # 某某反党集团, 七十七国集团: a political clique or a bloc of states, no enterprise
        if text.startswith(("科技园", "园", "城"), he) or "排名" in text[he : he + 4] or "排行" in text[he : he + 4]:
            continue  # 大学科技园, 大学城: a place; 中国大学排名: a ranking
        suffixed.append((start, name))
    located = _joined_branches(suffixed)
    for m in _NATIONAL_RE.finditer(text):
        phrase = "的" in m.group() or m.group().startswith("中国式")  # 中国式现代化…的中心(任务): a phrase
        inner = tokens_in(words, m.start(), m.end())
        phrase = phrase or any(t.pos.startswith(("u", "p")) for t in inner)  # 国家已进入了以…为中心: a clause
        phrase = phrase or _two_bodies(inner)  # 国家甲园和乙市丙中心, 国家实验室和全国重点实验室: a list
        hub = m.group().endswith(tuple(word_set("org_facility_centres.txt")))  # 国家…物流中心: a hub, no body
        if not phrase and not hub and not is_designation_kind(m.group()):
            start = _bloc_start(text, m.start())
            located.append((start, text[start : m.end()]))
    located += _named_bodies(text, words)
    if word_re("org_industry_words.txt").search(text):  # its cue: one scan of the text, not a test of every word
        located += _industry_names(words)
    if any(head in text for head in _PROJECT_HEADS):  # both need a clause that reaches a project head
        reach = _project_clauses(words)
        located += _project_owners(words, reach)
        located += _located_owners(words, reach)
    located += _designated_bodies(text, words)
    if _LATIN_CAPITAL_RE.search(text):  # a product code opens on a Latin capital
        located += _product_makers(words)
    if "厂" in text:
        located += _named_factories(words)
    located += _proper_stem_bodies(text, words)
    if any(verb in text for verb in word_set("org_bid_verbs.txt")):
        located = [(start, name) for start, name in located if not _bid_for(words, start)]
    found += _with_affiliates(_joined_branches(sorted(located)))  # list members are placed by their order only
    names = [n for _, n in sorted(found) if not _is_agency(n)]
    names = [n for n in dict.fromkeys(names) if not any(n != o and n in o and o.endswith(n[-2:]) for o in names)]
    return [n for n in names if not _only_as_parent(n, names, text)]


def _only_as_parent(name: str, names: Sequence[str], text: str) -> bool:
    """Whether every time ``text`` names ``name`` it opens the name of one of its units among ``names``
    (中国甲学院|乙研究所, 甲国家实验室|乙省创新中心, 甲大学|附属医院): the parent is then part of its unit's name, not
    named as a body of its own, as a place named only inside a company's name is no place (GUIDELINES.md places)."""
    units = [o for o in names if o != name and o.startswith(name)]
    if not units:
        return False
    at = text.find(name)
    while at >= 0:
        if not any(text.startswith(o, at) for o in units):
            return False
        at = text.find(name, at + 1)
    return True


def _bid_for(words: Sequence[Token], start: int) -> bool:
    """Whether the name opening at ``start`` is what a verb of ``data/org_bid_verbs.txt`` bids for, right after it or
    through the list it closes (争创|甲乙、丙丁等领域国家甲中心、国家乙中心): a title sought, no body yet. The search
    runs back over nouns, 、 and 等 to that verb; punctuation or any other verb ends it, but for a verb between two
    nouns, a word of an earlier name of the list (国家制造业|创新/v|中心)."""
    bids = word_set("org_bid_verbs.txt")
    before = [t for t in words if t.end <= start]
    for n in range(len(before) - 1, -1, -1):
        t = before[n]
        if t.text in bids:
            return True
        inner = 0 < n < len(before) - 1 and before[n - 1].pos.startswith("n") and before[n + 1].pos.startswith("n")
        if (t.pos == "x" and t.text != "、") or (is_verbal(t) and not inner):
            return False
    return False


def _bloc_start(text: str, start: int) -> int:
    """Where a national body found at ``start`` (国家…中心) starts: at the group of states of ``data/org_blocs.txt``
    written before it or ending in its 国家 (甲乙国家|…中国中心: the bloc's centre in China, no national centre)."""
    for bloc in word_set("org_blocs.txt"):
        for a in (start - len(bloc), start + 2 - len(bloc)):
            if a >= 0 and text.startswith(bloc, a) and a + len(bloc) >= start:
                return a
    return start


_NAMED_BODIES = ("org_names.txt", "org_international.txt", "org_academies.txt", "org_central_enterprises.txt")
"""Bodies named without a suffix: people's organisations, intergovernmental organisations, national academies and
central state-owned enterprises."""


def _named_bodies(text: str, words: Sequence[Token]) -> list[tuple[int, str]]:
    """(start, name) of the bodies of the ``_NAMED_BODIES`` lists in ``text``, each on word boundaries or inside one
    word (全国工商联, 联合国总部), never across two (the 国投 of 外国|投资, the 作协 of 工作|协同); an organisation
    suffix right after one is part of its name (中国甲乙|集团, which the suffix rule misses when jieba tags 甲乙 a
    verb)."""
    starts: set[int] | None = None  # built on the first name found: most sentences have none
    suffix = word_re("org_suffixes.txt")
    out: list[tuple[int, str]] = []
    for lexicon in _NAMED_BODIES:
        for m in word_re(lexicon).finditer(text):
            if starts is None:
                starts, ends = {t.start for t in words}, {t.end for t in words}
            aligned = m.start() in starts and m.end() in ends
            inside = any(t.start <= m.start() and m.end() <= t.end for t in words)
            if (aligned or inside) and not _names_a_meeting(m.group(), text, m.end()):
                closing = suffix.match(text, m.end())  # 中国甲乙|集团: the body under its full name
                out.append((m.start(), m.group() + (closing.group() if closing else "")))
    return out


_BEFORE_MEETING_RE = re.compile(
    rf"(?:（[A-Za-z]{{2,8}}）)?(?:第[一二三四五六七八九十百\d]+[次届])?(?:[{CJK}]{{2,4}}(?=部长))?"
)
"""What may stand between a body and its meeting's head: its Latin short name in brackets (（APEC）), an ordinal
(第九次) and the field of a ministers' meeting (贸易|部长会议)."""


def _names_a_meeting(name: str, text: str, end: int) -> bool:
    """Whether the body ``name``, named up to ``end``, only names a meeting: a meeting's head
    (``data/org_meeting_heads.txt``) follows it, after its Latin short name, an ordinal or a ministers' field or not
    (甲组织|领导人非正式会议, 甲组织（ABC）第九次|领导人非正式会议, 甲组织|贸易|部长会议, 甲组织|高官会).
    A body named after a division (上海合作组织) is kept: dropping it would leave its city a place of its own,
    which only the meeting's name holds (the place finder masks organisations only)."""
    if place_word(name[:2]) or place_word(name[:3]):
        return False
    between = _BEFORE_MEETING_RE.match(text, end)
    return word_re("org_meeting_heads.txt").match(text, between.end() if between else end) is not None


def _is_agency(name: str) -> bool:
    """Whether ``name`` is, as a whole, a government body of the agency table (中国人民银行, 海关总署): an agency
    (GUIDELINES.md agencies), not an organisation too."""
    return any(m.start == 0 and m.end == len(name) for m in parse_agency_mentions(name))


_GRADED_RE = re.compile(r"国家(?:级省级|和省级|级|[一二三四五六七八九十两\d]+大)?(.+)")


_NATIONS = frozenset({"国家", "全国", "中国"})
_AND = frozenset({"和", "及", "与"})


def _two_bodies(words: Sequence[Token]) -> bool:
    """Whether 和/及/与 among ``words`` opens a second body: a place or the nation right after it (国家甲园和|乙市…中心,
    国家实验室和|全国重点实验室), not a second field of one body (国家药品和|医疗器械…中心)."""
    pairs = itertools.pairwise(words)
    return any(a.text in _AND and (b.text in _NATIONS or place_word(b.text)) for a, b in pairs)


def is_designation_kind(name: str) -> bool:
    """Whether ``name`` is a kind of national designation (国家区域医疗中心, 国家级技术创新中心): the programme
    that many bodies are named under (``data/org_designations.txt``), graded or counted or not; a field, place or
    bracket makes it one body (国家大豆技术创新中心, 国家医学中心（中医类）)."""
    m = _GRADED_RE.fullmatch(name)
    return m is not None and "国家" + m.group(1) in word_set("org_designations.txt")


_MAX_DESIGNATED_STEM = 8


def _designated_bodies(text: str, words: Sequence[Token]) -> list[tuple[int, str]]:
    """(start, name) of the bodies named by a place or proper word before a kind of national designation
    (``data/org_designations.txt``): 长三角|国家技术创新中心, 甲乙湾|国家实验室. The designation alone is a programme
    (:func:`is_designation_kind`); the word before it names the one centre, as a field names a state key laboratory.

    The designation starts on a word; the stem runs left over nouns, at most eight characters, to a verb, function
    word or punctuation, and every word of it names something (:func:`_names_something`: a division, a proper or a new
    word) or the stem as a whole is a division or region (大湾|区), so a field of common words (深海领域|…, 企业|…) or a
    count (5个|…) names a kind. A stem that is a body (甲大学|国家医学中心) names the title it holds, not a new body."""
    out: list[tuple[int, str]] = []
    starts: dict[int, int] | None = None  # built on the first designation found: most sentences have none
    for m in word_re("org_designations.txt").finditer(text):
        if starts is None:
            starts = {t.start: n for n, t in enumerate(words)}
        k = starts.get(m.start())
        if k is None:
            continue
        i = k
        while i > 0 and _plain_noun(words[i - 1]) and m.start() - words[i - 1].start <= _MAX_DESIGNATED_STEM:
            i -= 1
        stem = words[i:k]
        named = place_word(text[words[i].start : m.start()]) if stem else False  # 长株|潭, 大湾|区: a split region
        if text[words[i].start : m.start()].endswith(_suffixes()):
            continue  # 甲大学|国家医学中心: the title the body holds, that body is the organisation
        if stem and (named or all(_names_something(t) and not _is_grade(t) for t in stem)):
            out.append((words[i].start, text[words[i].start : m.end()]))
    return out


_TRADE_NAME_TAGS = frozenset({"nz", "nr", "nrt", "nrfg", "j"})


def _industry_names(words: Sequence[Token]) -> list[tuple[int, str]]:
    """Enterprises named by a trade name and an industry word, the 公司 dropped (甲乙药业, 丙丁重工).

    The trade name is one word of two to four characters that the dictionary does not know or tags as a
    name or abbreviation, no division or place name (山东|化工 is a province's industry), nothing that
    reads as a verb or adjective in dictionary words (大力发展|汽车), standing after a verb, function word
    or punctuation. The industry words are ``data/org_industry_words.txt``.
    """
    industries = word_set("org_industry_words.txt")
    out: list[tuple[int, str]] = []
    for i in [n for n, t in enumerate(words) if n and t.text in industries]:  # the industry words first: few
        name, industry = words[i - 1], words[i]
        if not _trade_name(name):
            continue
        if i >= 2 and not _stops(words[i - 2]):
            continue
        out.append((name.start, name.text + industry.text))
    return out


def _trade_name(token: Token) -> bool:
    """Whether ``token`` can be an enterprise's trade name (字号): see :func:`_industry_names`."""
    text = token.text
    if not 2 <= len(text) <= 4 or not all(is_cjk(c) for c in text) or place_word(text):
        return False
    if text in word_set("org_industry_words.txt") or text.endswith(_DESCRIPTIVE_ENDS):
        return False  # 石化|化工 is two industries, 开放型|汽车 a kind of car
    if is_verbal(token) or (segmenter().has_word(text) and token.pos not in _TRADE_NAME_TAGS):
        return False
    if len(text) >= 4 and _ends_in_verb(text):
        return False  # 大力发展/nz: a phrase ending in a verb
    if _COUNT_RE.fullmatch(text):
        return False  # 十大|钢铁: a count of firms
    if len(text) == 2 and token.pos in _TRADE_NAME_TAGS and not segmenter().has_word(text):
        return True  # 甲建/nr, 乙建/j: a name the segmenter made of two characters it knows no word for, however tagged
    return not any(tag[0] in "vadp" for _, tag in segmenter().tag(text, False))  # 大力发展|汽车: no name


def _proper_stem_bodies(text: str, words: Sequence[Token]) -> list[tuple[int, str]]:
    """(start, name) of the alliances (``data/org_proper_suffixes.txt``) whose stem holds a proper word: a division or
    place, a name the segmenter tags so or a word the dictionary does not know (长三角|大科学装置联盟, 甲乙|旅游城市
    合作联盟). Common words only name a kind (产业联盟, 创新联盟). Forums are left out: a report holds them
    (举办…论坛), they are events, as the dev gold leaves 举办中国某某文化论坛 out; but a forum named before its own
    organs or work (``_FORUM_ORGANS``: 甲乙论坛年会, 甲乙论坛牵头) is the standing body."""
    out: list[tuple[int, str]] = []
    for k, hs, he in head_spans(text, words, "org_proper_suffixes.txt"):
        if text[hs:he] == "论坛" and not text.startswith(_FORUM_ORGANS, he):
            continue  # 举办甲乙论坛: an event; 甲乙论坛|年会: the standing forum that holds it, a body
        start = _over_partner(words, _stem_start(words, k, hs))
        inside = [t for t in words if start <= t.start and t.end <= hs]
        if hs - start < 2 or not any(_names_something(t) for t in inside):
            continue
        if _graded_only(text[start:hs], inside) or any(t.pos.startswith("m") for t in inside):
            continue  # 某某50家|医院联盟: a count in the stem
        if any(w in text[start:hs] for w in word_set("org_clique_words.txt")):
            continue  # 某某反党联盟: a political clique, no body (not a person's name: 高新区/nr is no clique)
        out.append((start, text[start:he]))
    return out


_FORUM_ORGANS = ("年会", "秘书处", "理事会", "国际合作项目", "合作项目", "牵头")
"""What only a standing forum has or does: its annual meeting, secretariat, council, cooperation projects, a lead."""


def _over_partner(words: Sequence[Token], start: int) -> int:
    """Offset where a bilateral name opens when its stem starts at ``start`` after a dash (中国—|东盟某某合作联盟,
    中国-北欧…): over the dash and the partner before it, a place or proper word; ``start`` otherwise."""
    n = next((n for n, t in enumerate(words) if t.start == start), None)
    if n is not None and n >= 2 and words[n - 1].text in _NAME_DASHES and _partner(words[n - 2]):
        return words[n - 2].start
    return start


_NAME_DASHES = frozenset({"—", "-", "－", "——"})


def _partner(token: Token) -> bool:
    """Whether ``token`` can be the first partner of a bilateral name: the country, a division or a proper word."""
    return token.text == "中国" or place_word(token.text) or _names_something(token)


_PROJECT_HEADS = ("项目", "基地", "工厂")
_OWNER_NAME_TAGS = frozenset({"nz", "nr", "nrt", "nrfg", "nt", "j", "ns"})  # 蓝湾/ns: a place word, not a division
_CLAUSE_ENDS = frozenset("，。；：！？,;:!?")


def _project_owners(words: Sequence[Token], reach: Sequence[bool]) -> list[tuple[int, str]]:
    """(start, name) of the enterprises that own a named project: 行政区划 + 字号 + 行业 + product + 项目/基地/工厂
    (甲市乙县圣钘科技|固态电池项目, 丙丁集团|年产…项目, 甲科技X、乙科技Y等项目).

    The trade name (字号) opens the item: after the project's places, a verb, function word or punctuation. It is
    made of characters the dictionary knows no word for (tags x/zg/g, two characters or more), optionally closed by
    an owner word (``data/org_project_owner_words.txt``: 科技, 集团, 股份, or an industry word of
    ``data/org_industry_words.txt``: 化工, 石化); or it is one word the segmenter tags a name or abbreviation
    (蓝思/nr, 华天/nz), not a division, and then the owner word must follow. An owner word before an industry word
    (电子|化工) belongs to the product. The clause must run on to a project head (项目, 基地, 工厂), so a trade name
    in other prose is left to the other rules; ``reach`` is :func:`_project_clauses` of ``words``."""
    industries = word_set("org_industry_words.txt")
    owner_words = word_union("org_project_owner_words.txt", "org_industry_words.txt")
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(words):
        if not reach[i]:
            i += 1  # no project head ahead in the clause: no owner can open here (nor before its end)
            continue
        before = words[i - 1] if i > 0 else None
        if before is not None and not (_stops(before) or before.pos == "vn" or place_word(before.text)):
            i += 1
            continue
        j = i
        while j < len(words) and words[j].pos in UNKNOWN_WORD_TAGS and CJK_RUN.fullmatch(words[j].text):
            j += 1
        unknown = j > i and sum(len(t.text) for t in words[i:j]) >= 2
        named = j == i and words[i].pos in _OWNER_NAME_TAGS and _trade_name(words[i])
        if not (unknown or named):
            i = max(j, i + 1)
            continue
        end = j if unknown else i + 1
        if end >= len(words):
            break
        closed = words[end].text in owner_words and not _product_after(words, end + 1, industries)
        if closed:
            end += 1
        bare = unknown and not closed and words[end].pos == "x"  # 宜|涪段|、: a stretch of a line, no product follows
        if (closed or unknown) and end < len(words) and not bare and reach[end]:
            out.append((words[i].start, "".join(t.text for t in words[i:end])))
        i = end
    return out


_MAX_LOCATED_STEM = 5


def _located_owners(words: Sequence[Token], reach: Sequence[bool]) -> list[tuple[int, str]]:
    """(start, name) of the enterprises named before the division where their project stands, in a clause that runs
    on to a project head: 字号 + 行政区划 + product (甲乙|某县、丙丁电气|某市…等一批项目, 甲乙|某市400万吨煤制油…项目).
    Reports list the projects of large groups by the group's short name and the county or city of the plant.

    The item opens after punctuation, a function word or a verb of two characters or more; the stem, two to five
    ideographs up to a division's name (:func:`_located_division`), is a trade name (:func:`_located_firm`); the
    clause from the division on reaches 项目/基地/工厂 (``reach``: :func:`_project_clauses` of ``words``)."""
    out: list[tuple[int, str]] = []
    for i in range(len(words)):
        if not reach[i] or (i > 0 and not _item_opening(words[i - 1])):
            continue
        for k in range(i + 1, len(words)):
            length = words[k].start - words[i].start
            if length > _MAX_LOCATED_STEM or _item_opening(words[k - 1]) or not CJK_RUN.fullmatch(words[k - 1].text):
                break
            if length >= 2 and _located_division(words[k]) and _located_firm(words[i:k]) and reach[k]:
                out.append((words[i].start, "".join(t.text for t in words[i:k])))
                break
    return out


def _item_opening(token: Token) -> bool:
    """Whether a list item may open after ``token``: punctuation, a function word or a verb of two characters or
    more (开工|甲乙某县…); a one-character verb is more often the segmenter's piece of a name it does not know."""
    return token.pos == "x" or token.is_function or (is_verbal(token) and len(token.text) >= 2)


def _located_division(token: Token) -> bool:
    """Whether ``token`` names a division of the gazetteer (two characters or more) that is no common word
    (``data/place_short_stop.txt``), so a name before it is the owner of a project there."""
    text = token.text
    return len(text) >= 2 and place_word(text) and text not in word_set("place_short_stop.txt")


def _located_firm(stem: Sequence[Token]) -> bool:
    """Whether the words of ``stem`` make an enterprise's short name before its project's place: a place and an
    owner or industry word (甲省|电气; ``data/org_project_owner_words.txt``, ``data/org_industry_words.txt``), or a
    word the tagger does not read as one common word, closing on a proper or unknown word or on a one-character piece
    of the segmenter's split (甲乙/j, 甲/n|乙/v). Not a place (甲市|乙县 is two divisions), a range (甲至乙) nor a
    facility or common word before it (甲乙高铁|某市段, 甲乙枢纽|某市东站); no verb opens it (建|好|某市…)."""
    text = "".join(t.text for t in stem)
    if place_word(text) or "至" in text or _COUNT_RE.search(text):
        return False
    if any(t.text in word_set("org_not_opening.txt") for t in stem):
        return False  # 新一轮|某地区…基地: a determiner the segmenter tags a name
    last = stem[-1]
    owners = word_union("org_project_owner_words.txt", "org_industry_words.txt")
    if last.text in owners:
        return len(stem) >= 2 and all(place_word(t.text) or _trade_name(t) for t in stem[:-1])
    whole = list(segmenter().tag(text, False))
    if len(whole) == 1 and whole[0][1] not in _TRADE_NAME_TAGS:
        return False  # 时代, 某花山/ns: a common word or a feature the tagger reads whole
    if place_word(stem[0].text) or is_verbal(stem[0]) or stem[0].pos == "vn":
        return False  # 甲市|乙县, 建|好…, 投用/vn|…: a place or a verb opens the item
    if any(t.pos in ("m", "q", "t", "f") for t in stem[1:]):
        return False
    if any(len(t.text) >= 2 and t.pos not in _TRADE_NAME_TAGS and segmenter().has_word(t.text) for t in stem):
        return False  # 锣鼓/n|山|矿区: a common word in the stem names a feature, not a firm
    return len(last.text) == 1 or last.pos in _TRADE_NAME_TAGS or not segmenter().has_word(last.text)


_FACTORY_HEADS = ("总厂", "厂")
_MAX_FACTORY = 12
_LIST_LEADS = frozenset({"例如", "如", "特别是", "包括"})


def _named_factories(words: Sequence[Token]) -> list[tuple[int, str]]:
    """(start, name) of the factories named in full: 行政区划 + 字号 + 行业 + 厂/总厂 (《企业名称登记管理规定》: the
    organisational form of a state factory), as older reports name state enterprises (甲市第一机床厂, 甲市|乙|钢铁厂,
    甲省|氮肥厂), or one word jieba tags an organisation (甲乙钢铁总厂/nt).

    The name opens on a division's name (two characters or more) after punctuation, a verb, function word or a word
    that opens an example (例如, 特别是), and runs over nouns, a 字号 or an ordinal (第一, 八一) to the word ending in
    厂, at most twelve characters; a count (三大, 十个), punctuation, a function word or a lead verb ends it, and a
    division before 厂 alone (甲市|厂) names none. Utility plants (``data/org_plant_facilities.txt``: 电厂, 水厂,
    污水处理厂) are facilities, and 工厂 is the common word (甲市|工厂)."""
    plants = tuple(word_set("org_plant_facilities.txt"))
    out: list[tuple[int, str]] = []
    for i, t in enumerate(words):
        if t.pos == "nt" and t.text.endswith(_FACTORY_HEADS) and not t.text.endswith(plants) and len(t.text) >= 4:
            out.append((t.start, t.text))
            continue
        if len(t.text) < 2 or not place_word(t.text):
            continue
        if i > 0 and not (_stops(words[i - 1]) or words[i - 1].text in _LIST_LEADS):
            continue
        end = _factory_end(words, i, plants)
        if end is not None:
            out.append((t.start, "".join(w.text for w in words[i : end + 1])))
    return out


def _factory_end(words: Sequence[Token], i: int, plants: tuple[str, ...]) -> int | None:
    """Index of the word ending in 厂 that closes a factory's name opened by the division ``words[i]``, else None:
    see :func:`_named_factories`."""
    for j in range(i + 1, len(words)):
        w = words[j]
        if w.end - words[i].start > _MAX_FACTORY:
            return None
        if w.text.endswith(_FACTORY_HEADS):
            generic = w.text == "工厂" or w.text.endswith(plants)  # 甲市|工厂: the common word; 甲乙|电厂: a utility
            return None if generic or (j == i + 1 and w.text in _FACTORY_HEADS) else j
        if w.pos == "x" or w.is_function or w.text in lead_verbs() or (is_verbal(w) and len(w.text) == 1):
            return None
        if _COUNT_RE.fullmatch(w.text) or _counted(w) or (j + 1 < len(words) and words[j + 1].pos.startswith("q")):
            return None
    return None


_PRODUCT_CODE_RE = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_LATIN_CAPITAL_RE = re.compile(r"[A-Z]")  # PCB, OLED, SiC is mixed case: a product written in Latin


def _product_makers(words: Sequence[Token]) -> list[tuple[int, str]]:
    """(start, name) of the enterprises named right before a product written in Latin capitals (甲乙科技|PCB, 丙丁电子|
    OLED): a trade name (:func:`_trade_name`, no place word) after a division, verb, function word or punctuation,
    then an owner word (``data/org_project_owner_words.txt`` or an industry word), then the product code; a
    common word before 科技 (数字科技|AI) is no trade name."""
    owner_words = word_union("org_project_owner_words.txt", "org_industry_words.txt")
    out: list[tuple[int, str]] = []
    for i in [n - 2 for n, t in enumerate(words) if n >= 2 and t.pos == "eng"]:  # the Latin words first: few
        name, owner, product = words[i], words[i + 1], words[i + 2]
        if owner.text not in owner_words or not _PRODUCT_CODE_RE.fullmatch(product.text):
            continue
        before = words[i - 1] if i > 0 else None
        if before is not None and not (_stops(before) or place_word(before.text)):
            continue
        if name.pos in _OWNER_NAME_TAGS and name.pos != "ns" and _trade_name(name):
            out.append((name.start, name.text + owner.text))
    return out


def _product_after(words: Sequence[Token], k: int, industries: frozenset[str]) -> bool:
    """Whether ``words[k]`` makes the owner word before it part of a product: an industry word (电子|化工)."""
    return k < len(words) and words[k].text in industries


def _project_clauses(words: Sequence[Token]) -> list[bool]:
    """For each index ``k`` (and ``len(words)``), whether the clause from ``words[k]`` runs on to a project head (项目,
    基地, 工厂) before its comma or full stop, over the product (研发|生产) and the other items of a list (甲科技X、
    乙科技Y等项目), so the name before ``k`` is a project's owner. One scan from the end serves every index."""
    reach = [False] * (len(words) + 1)
    for k in range(len(words) - 1, -1, -1):
        text = words[k].text
        reach[k] = False if text in _CLAUSE_ENDS else text.endswith(_PROJECT_HEADS) or reach[k + 1]
    return reach


def _with_affiliates(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``found`` (sorted by start) with a name that starts right where another ends joined to it: the body's own
    unit (中国甲学院|乙研究所, 甲大学|乙研究院), whose stem the length limit cut off its parent. The parent stays
    here; :func:`_only_as_parent` drops it when the sentence names it nowhere else. Agencies' units are left alone
    (教育部|甲研究院 is found whole)."""
    ends = {start + len(name): name for start, name in found}
    out: list[tuple[int, str]] = []
    for start, name in found:
        parent = ends.get(start)
        if parent is not None and not _is_agency(parent):
            out.append((start - len(parent), parent + name))
        else:
            out.append((start, name))
    return out


def _joined_branches(found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``found`` with a name that starts inside the one before it and runs past it joined to that one: the branch
    of a hospital or a university's affiliate (甲大学附属医院|乙医院), whose own stem is cut by the length limit."""
    out: list[tuple[int, str]] = []
    for start, name in found:
        prev = next(((s, n) for s, n in reversed(out) if s < start < s + len(n) < start + len(name)), None)
        if prev is not None:
            out.append((prev[0], prev[1][: start - prev[0]] + name))
        else:
            out.append((start, name))
    return out


def _hospital(facility: str) -> bool:
    """Whether a facility's name is a hospital's or one of its campuses' (甲医院, 甲医院乙院区, 甲医院丙分院)."""
    return any(end in facility for end in HOSPITAL_ENDS)


def find_organizations(
    report: Report,
    ctx: DocContext,
    tokens: Mapping[int, Sequence[Token]] | None = None,
    places: Sequence[Place] = (),
) -> list[Organization]:
    """The named enterprises and non-government organisations of ``report``.

    A hospital that ``places`` already holds as a facility of the same sentence (甲医院, or the 甲医院 of
    甲医院乙医院) is that place, not an organisation as well: one name, one kind (GUIDELINES.md places); so is
    any body named only inside such a facility's name (the 中国甲科学院 of 中国甲科学院乙医院丙医院), as a place
    named only inside a company's name is no place. Only hospitals hide the bodies in their names: a research base
    named after its laboratory (甲实验室乙试验基地) is a facility of that laboratory, which stays a body.
    """
    facilities: dict[int, list[str]] = {}
    for place in places:
        if place.type == "Facility":
            for index in place.sentences:
                facilities.setdefault(index, []).append(place.name)
    found: dict[str, Organization] = {}
    for sentence in report.sentences:
        words = tokens[sentence.index] if tokens is not None else None
        here = facilities.get(sentence.index, ())
        for name in organization_names(sentence.text, words):
            if any(name in facility and _hospital(facility) for facility in here):
                continue  # 甲医院, or 中国甲科学院 of 中国甲科学院乙医院丙医院: that place's name
            org = found.setdefault(name, Organization(name))
            if sentence.index not in org.sentences:
                org.sentences.append(sentence.index)
    return list(found.values())
