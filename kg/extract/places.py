"""Named places: administrative divisions, rivers, roads, towns, zones, parks, facilities.

Everything is read on the shared segmenter's words (``kg.extract.tokens``), so a name starts
and ends on word boundaries: 湛江 is one word (a city), 河 of 落户河南 and 江 of 江苏 end
inside a word and make no river. Administrative places are GB/T 2260 names and short names
that are whole words (short names of counties and districts only inside the document's
province). Other places are a stem plus a place suffix from ``data/place_suffixes.tsv``: the
stem runs left to a verb, function word, count or punctuation and opens on a proper word
(a division, a place or person tag, a word the dictionary does not know), else on common
words except for the category suffixes marked ``proper`` (民族地区 is no name). A suffix
alone, a reporter's byline (本报记者X) and a place opening a company's name (长江存储) are no
places; generic nouns (``data/place_generic.txt``) are dropped. In a list closed by a count
(A河、B渠、C河3条河道) the count is checked against the list, and an agreeing list gives every
element the type of the counted noun. A 、-list that names one river makes its other
river-shaped elements rivers (运河、甲河); a list of proper stems shares the suffix after it
(甲山、乙盖国家公园; 甲港、乙焦等产业带); a hospital's branch joins the hospital named before it
(甲医院乙医院); two natural features of one kind joined by a dash are one area (甲山—乙山, 太行—王屋山), and a
province's abbreviation with a compass direction names a region of it (陕南, 川东北经济区). The document's
parents are places only where its text names them.

Suffixes marked ``placed`` (试验区, 示范区, 产业园, 港, 口岸, 草原) are designations: their name must
open on a division, region or ``ns`` word right after the clause's verb (湛江综合改革试验区, 天津港;
生态文明先行区, 自贸港 are no places). Routes are also named by their ends' short names (成渝铁路),
roads by words the segmenter reads as verbs (``data/place_road_words.txt``: 解放大道) or by number
(经二路), national parks by a species (大熊猫国家公园), national cultural parks with their reach
(国家文化公园（某段）). A suffix name inside a short quoted slogan, a dictionary word for a kind
(贫困村, 热电站) and a platform named like a place (``data/place_coinages.txt``: 数据湖) are none.

Routes are named by their ends' short names, split by the segmenter or not (津潍高铁, 包鄂榆高铁, 京滨城际),
from one end to the other (甲市至乙县铁路, 甲至乙公路: both ends stay places) and in lists sharing the route
word (甲乙、丙丁高铁; 甲乙和丙丁铁路); trunk roads by number (G318, 国道108线), with their head or section when
one follows the code (G77某某高速, G1234高速延长线, G999甲至乙段: one road). City clusters are named by their
members' one-character short names (长株潭都市圈), read by characters. Landforms (盆地, 平原, 高原, 半岛, 三角洲,
海峡, 库区, 湾, 群岛, 山脉) name no place inside them (甲州湾 is no mention of 甲州); a division or river that
locates a facility named on its own is a place too (甲省|乙滩|水电站, 甲河|丙浪底|水利枢纽). A village after its
town, a town after its county (甲镇乙村, 甲县乙镇) are places of their own, and settlements of a 、-list share
the last one's settlement word (甲关、乙关街道); in a 、-list of divisions a short name that is also a common word
(中山, 永康) is a division too. Zones may carry their place in brackets (中国（甲省）自由贸易试验区),
and the macro-regions are named by their short names before their national strategy (西部大开发, 东北全面振兴).
A lake or river word named like a county of another province (太湖 outside 安徽) or by a compass direction
(西江|航道) is the water body where the words after it say so (太湖|综合治理, 甲江|干流; not 甲湖|实验室).

Zones of the spatial plans are one Area with their place word or members (甲乙丙国家自主创新示范区, 甲城镇群, 环甲湖
经济区, 甲山—乙山旅游带, 沿海经济带); a county's short name or a lake opening a zone's name only labels the zone (甲江
大学城, 甲湖生态经济区), a city's name stays the city (甲都市圈). Older national texts name railways by ends with a
numeral character (京九铁路), as double-tracked lines (甲乙复线) or from end to end with a dash (甲——乙线); a district
before its street is a place of its own (甲区|乙街); kinds of villages (民居试点村) and of parks (国家植物园) are none.

Named zones are read by one grammar, STEM + TOPIC + HEAD. The head is a zone head of the national typology
(``data/place_zone_heads.tsv``: 新区, 示范区, 先行区, 经济带, 城市群, 都市圈, 走廊, 经济特区, 基地…). The stem
opens on a word boundary after a verb, function word, rank or division and is a place word (a division, a
named region, a river, lake or mountain, a river's reach), two to four members' one-character short names
(甲乙丙城市群), 沿/环/跨 with a place (环甲湖) or, for a belt or corridor, a course (沿海, 沿边), or a short
name with a compass word (甲南, 乙东北). The topic between them is at most six characters of content words
(现代农业, 开放发展: no function word, numeral, glued count, clause verb, rank or second division), eight after a
place named in full or a river's mouth (甲江口…协同区), with one quoted brand read as a word of it. The bare heads
带 and 圈 name a zone only after 沿/环/跨 (沿甲乙产业创新带, 环甲湖科创圈). The whole is one Area (within no
province when its stem abbreviates two provinces), the names inside only label it; a new area written after its
division's full name (甲市|乙新区) is named on its own, after its city's short name it is one Area (甲乙新区, the
state-level new areas' official names). Without a stem the head is a kind of zone (生态带, 国家生态文明建设示范区),
and 一带一路 opens on no place; 国家…试验区 a report builds is the national pilot zone (not after 争创, 创建).

Crossings are named by their two ends (甲乙过江通道, 甲县乙市等过江通道), routes also by the course they run along
in a shared-head list (北沿江、甲乙等高铁) or as a second line between the same ends (甲乙中线高铁). Macro-regions
are places when ranked among (走在西北前列, 居中部首位), a named place's middle when rising (甲乙中部崛起).
A county's short name inside a longer quoted name (“甲汀经验”) and a place opening an event's name
(甲镇高质量发展现场会, 乙市国际马拉松) are no places (GUIDELINES.md: slogans, event names).

Routes from one end to the other are read by characters, as the segmenter glues 至 to either end
(甲城至乙铁路, 甲经丙至乙、丁至戊等铁路干线, 甲至乙段铁路); their ends, and those of a section after its route or
river (甲高铁|乙至丙段), are named inside them only, no places of their own. Provinces' abbreviations name a
corridor before a long topic (甲乙丙丁大宗商品流通走廊), and 通道/大通道 head a corridor after its members' joint
short names (a waterway's is a River). Reservoirs, dams and mines whose unknown names the segmenter breaks are the
whole run (甲|乙丙|水库; 甲|乙丙|锂|铍|矿, place + minerals of ``data/place_minerals.txt``), and a river's basin
(甲河流域) is entered as the river.

Railways are named by their course too (沿海高铁, 沿边铁路; 沿海高铁通道 is a corridor), and a route's ends split with
one character read as a plain word (甲/ns|乙/a高铁) still name it; words of rare characters the segmenter tags as
punctuation are new proper words. A 、-list of members' joint short names shares the topic and head of the zone
named after it (甲乙、甲丙产业走廊), parks of two places open on their joint short names (甲乙合作产业园), and a new
word tagged as an adjective ends the place word after it (no zone opens inside it). 港澳 (the two special
administrative regions) is one Area outside longer runs of short names and work portfolios, and a region's short form
named beside its full form (西部, 西部地区) is one place under the full name; the economic regions named together
(中西部, 东中部) are places wherever they stand. Old base areas (甲山革命老区), the clusters of the national computing
hubs (甲数据中心集群; 国家枢纽|甲集群) and industrial parks (甲乙合作产业园) are zones of the grammar; a bracketed zone
still bid for (申建|中国（甲省）自由贸易试验区) is none, and a verb's last character glued to a name is cut from it.
A nuclear plant is named by its site (甲滨核电二期: the plant, its county only labels it), and a port or airport
followed by its phase or stage of works (乙排港二期, 凤凰机场三期, 东方机场等前期工作) by its two-character site even
when that is a person's name, a locality word or a new word the segmenter tags as a verb.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.data import data_rows
from kg.divisions import Division, all_divisions, by_name, division_by_code, parents_of, short_name
from kg.extract.context import find_division
from kg.extract.lexicon import CJK, NameIndex, alternation, division_short_names, is_cjk, rows, word_set
from kg.extract.lexicon import words as word_list  # a data file's entries in order, as a tuple (str.endswith)
from kg.extract.model import DocContext, Organization, Place
from kg.extract.tokens import FUNCTION_TAGS, VERB_TAGS, Token, segmenter, tokenize
from kg.loaders.model import Report

__all__ = [
    "HOSPITAL_ENDS",
    "PlaceMention",
    "cut_left",
    "find_places",
    "outside_organizations",
    "place_mentions",
    "place_word",
]

_LEVEL_TYPES = {"province": "Province", "city": "City", "district": "District", "county": "County"}
_MAX_STEM = 12
_MAX_DESIGNATION_STEM = 16  # a designation opening on a place word spells out its field (甲市国家现代某产业示范区)
_CLASSIFIERS = "个条座处家所名次项批类种"
_DESCRIPTOR_ENDS = ("型", "式", "化", "性")  # endings of descriptive words (友好型社区), never of names
_DIRECTIONS = "东南西北中上下前后内外"
_QUANTIFIERS = "全各每诸"
_LEVEL_WORDS = ("省", "市", "县", "区")
_DESIGNATION_LEVELS = frozenset({"国家", "国家级", "省级", "市级"})
_LEVEL_CHARS = frozenset("省市县区乡镇村")
_JOINERS = "及和与"  # conjunctions the segmenter glues to an unknown name after them (及滂江)
_GLUED_OPENERS = _JOINERS + "经向"  # and prepositions of route (经|中老铁路, 向|某走廊): glued, they open no name
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
    ("乡镇", "Town"),
    ("镇", "Town"),
    ("乡村", None),  # 3个乡村振兴示范村: the countryside, not townships
    ("乡", "Town"),
    ("街道", "Subdistrict"),
    ("社区", "Community"),
    ("小区", "Community"),
    ("园区", "Area"),
    ("景区", "Landmark"),
    ("水库", "Lake"),
    ("村", "Village"),
    ("公园", "Park"),
    ("湖", "Lake"),
)
_COUNTED_NOUNS = tuple(n for n, _ in _COUNT_NOUNS)
# suffixes whose dictionary compounds are kinds (贫困村, 加油站, 堰塞湖, 重点中学); named ones are place or person words
_KIND_SUFFIXES = frozenset({"村", "站", "湖", "中学", "小学"})
_PLACE_WORD_TAGS = frozenset({"ns", "nr", "nrt", "nrfg"})
_COUNT_RE = re.compile(rf"(等)?([{_NUMERALS}]+)(?:条|个|座|处|家|所)?([{CJK}]{{0,6}})")  # 3条河道, 三镇
_COUNTED_RE = re.compile(r"[一二三四五六七八九十两百千万\d]+[大个条项类]")
_RING_RE = re.compile(r"(?<![一二三四五六七八九十\d])([一二三四五六七])环(?=[内外线路以沿,，、。；]|$)")
# numbered grid streets of a city (经二路, 纬三街, 北一路) and a bridge or interchange named after one
_NUMBERED_ROAD_RE = re.compile(
    r"(?:[东南西北中]|经|纬)[一二三四五六七八九十]{1,3}(?:马路|大街|路|街)(?:高架桥|立交桥|立交|大桥)?"
)
_METRO_RE = re.compile(r"(?:地铁|轨道交通)(\d+(?:、\d+)*)号线((?:[东南西北]延)?线|[一二三]期)?")
# national and provincial trunk roads by their GB/T 917 numbers (G318, G219线, S202线, 国道318线, 331国道); G20 峰会,
# G7 集团 and a corridor named after a road (G60科创走廊) are none
_TRUNK_ROAD_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:G\d{2,4}线?(?![\dA-Za-z]|[^，。、；]{0,4}(?:峰会|集团|成员|走廊))|S\d{2,4}(?:线|省道)"
    r"|[国省]道\d{2,4}线|(?<!\d)\d{3}[国省]道"
    rf"|[GS]\d{{1,4}}(?=线?[{CJK}]{{0,4}}?(?:高速|国道|省道)))"  # G7某某高速, S21高速: any code before a head
)
_METRO_LIST_RE = re.compile(r"(?<![\d号])(\d+(?:、\d+)+)号线")
# what follows a route code in its name (GB/T 917 公路路线标识规则: the code, then the route's name or class): a short
# course or name word and a road head (G77环城高速, G15某某高速公路), then a branch word (G1234高速延长线)
_CODED_ROAD_HEAD_RE = re.compile(
    rf"([{CJK}]{{0,4}}?)(高速公路|高速|国道|省道|公路)(延长线|联络线|支线|复线)?|(延长线|联络线|支线|复线)"
)
_CODED_SECTION_RE = re.compile(rf"([{CJK}]{{2,6}}?)至([{CJK}]{{2,6}}?)(?:段|(?=[、，。；等]))")


@dataclass(frozen=True)
class PlaceMention:
    """A place found in one string: span, name, type and GB/T 2260 code if administrative."""

    start: int
    end: int
    name: str
    type: str
    code: str | None = None
    nested: bool = False  # may sit inside a longer place name
    whole: bool = False  # a zone read by the zone grammar: the names inside label it, no places but divisions
    across: bool = False  # a zone named by members of two provinces or more (甲乙走廊 of 川, 滇): within no province


@cache
def _suffixes() -> tuple[tuple[str, str, frozenset[str], bool], ...]:
    """(suffix, type, characters that may not follow it, whether its stem must be a proper word), longest first."""
    table = rows("place_suffixes.tsv")
    out = [
        (r[0], r[1], frozenset(r[2]) if len(r) > 2 else frozenset(), len(r) > 3 and r[3] in ("proper", "placed"))
        for r in table
    ]
    return tuple(sorted(out, key=lambda r: -len(r[0])))


@cache
def _suffix_rows() -> dict[str, tuple[str, str, frozenset[str], bool]]:
    """The rows of ``_suffixes`` by suffix."""
    out: dict[str, tuple[str, str, frozenset[str], bool]] = {}
    for row in _suffixes():
        out.setdefault(row[0], row)
    return out


@cache
def _placed_suffixes() -> frozenset[str]:
    """The suffixes marked ``placed``: designations (试验区, 产业园, 港) whose name must open on a place word."""
    return frozenset(r[0] for r in rows("place_suffixes.tsv") if len(r) > 3 and r[3] == "placed")


@cache
def _suffix_re() -> re.Pattern[str]:
    return re.compile(alternation(row[0] for row in _suffixes()))


def cut_left(left: str, *, min_stem: int = 1, boundary: re.Pattern[str] | None = None) -> str:
    """The part of ``left`` after its rightmost verb, function word or punctuation that leaves ``min_stem`` chars.

    The words come from the shared segmenter, so a name never starts with the verb before it
    (加快建设|甲丰路). ``boundary``, when given, is a pattern of words to cut after instead.
    """
    best = left
    if boundary is not None:
        for i in range(len(left)):
            m = boundary.match(left, i)
            if m and len(left) - m.end() >= min_stem:
                best = left[m.end() :]
        return best
    verbal = word_set("place_verbal_nouns.txt")
    for token in tokenize(left):
        if (_stops_name(token) or token.text in verbal) and len(left) - token.end >= min_stem:
            best = left[token.end :]
    return best


_STOP_TAGS = VERB_TAGS | FUNCTION_TAGS | {"x", "m", "mq"}
_PROPER_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt"})


def _stops_name(token: Token) -> bool:
    """Whether a word cannot sit inside a place name: a verb, function word, numeral or punctuation (or non-CJK)."""
    return token.pos in _STOP_TAGS or not is_cjk(token.text[0])


@lru_cache(maxsize=1 << 18)
def _known(word: str) -> bool:
    """Whether ``word`` is in the segmenter's dictionary (an unknown word is a new proper name)."""
    return segmenter().has_word(word)


def _is_proper(token: Token) -> bool:
    """Whether a word can carry a place name: a proper-noun tag, or a noun the dictionary does not know.

    Unknown words are the segmenter's new words (甲滑河, 乙家镇): two characters or more and
    tagged as nouns (an unknown 筑牢 tagged ``a`` is no name).
    """
    if token.pos in _PROPER_TAGS:
        return True
    if token.text.endswith(_DESCRIPTOR_ENDS):
        return False  # 友好型, 嵌入式: a new descriptive word, not a name
    return len(token.text) >= 2 and token.pos.startswith("n") and not _known(token.text)


@cache
def _admin_names() -> NameIndex:
    """Division names and short names (two characters or more) that are not common words."""
    generic = word_set("place_generic.txt")
    names = {d.name for d in all_divisions() if len(d.name) >= 2 and d.name not in generic}
    return NameIndex(names | set(division_short_names()))


def place_word(word: str) -> bool:
    """Whether ``word`` is a division's name or short name (湛江, 山东) or a named region (长三角)."""
    return word in _place_words()


@cache
def _place_words() -> frozenset[str]:
    """Every division name and short name and every named region: what :func:`place_word` accepts."""
    return frozenset(_admin_names().names) | _division_words() | frozenset(_regions()[1])


@cache
def _division_words() -> frozenset[str]:
    """Every division name and short name, common words among them included."""
    names = {d.name for d in all_divisions()}
    return frozenset(names | {short_name(n) for n in names} - {None, ""})


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


def _admin_candidates(text: str, ctx: DocContext | None, tokens: Sequence[Token]) -> list[PlaceMention]:
    province = _province_of(ctx)
    out: list[PlaceMention] = []
    for start, end in _admin_spans(tokens):
        name = text[start:end]
        full = by_name(name)
        if full and len(name) == 2:
            divs = tuple(d for d in full if d.province_code == province)  # 和县, 兴县: near home only
        elif full:
            divs = full
        elif _abbreviates_home(name, ctx):
            continue  # 龙江 in 黑龙江省's report is the province's nickname, not 龙江县
        else:
            divs = division_short_names().get(name, ())
            # county-level short names only near home; cities and provinces anywhere
            divs = tuple(d for d in divs if d.kind in ("province", "city") or d.province_code == province)
            if not _short_county_name_ok(tokens, end):
                divs = tuple(d for d in divs if d.kind in ("province", "city"))
        if not divs:
            continue
        if len(divs) > 1 and province:
            divs = tuple(d for d in divs if d.province_code == province) or divs
        div = divs[0]
        code = div.code if len(divs) == 1 else None
        typ = "City" if div.name in _MUNICIPALITIES else _LEVEL_TYPES[div.kind]
        out.append(PlaceMention(start, end, name, typ, code))
    return out


def _listed_stopped_divisions(
    tokens: Sequence[Token], ctx: DocContext | None, admin: Sequence[PlaceMention]
) -> list[PlaceMention]:
    """Divisions whose short name is also a common word (``place_short_stop.txt``: 永康, 中山) written as an item of
    a 、-list of divisions (支持甲、永康、乙、丙打造…; 甲、中山、乙等市): the list makes each item a division.

    Every item of the list is one word, the divisions found outnumber the stopped items, and at least two are found;
    a county-level name is read near home only, as :func:`_admin_candidates` reads short names.
    """
    stopped = word_set("place_short_stop.txt")
    found = {(m.start, m.end) for m in admin if m.type in _LEVEL_TYPES.values()}
    if len(found) < 2:
        return []  # a list needs two divisions found among its items
    out: list[PlaceMention] = []
    k = 0
    while k < len(tokens):
        j = k
        while j + 2 < len(tokens) and tokens[j + 1].text == "、":
            j += 2  # tokens[k..j] step 2: the items of one 、-list
        items = tokens[k : j + 1 : 2]
        k = j + 1
        if len(items) < 3:
            continue
        listed = [t for t in items if (t.start, t.end) in found]
        common = [t for t in items if (t.start, t.end) not in found and t.text in stopped]
        if len(listed) + len(common) < len(items) or len(listed) < 2 or len(listed) <= len(common):
            continue
        out += [m for t in common if (m := _stopped_division(t, ctx)) is not None]
    return out


def _stopped_division(token: Token, ctx: DocContext | None) -> PlaceMention | None:
    """The division a stopped short name names in a list of divisions: a province or city anywhere, a county-level
    one in the document's province; no mention when the name is none's or stays ambiguous at its level."""
    province = _province_of(ctx)
    divs = [d for d in _county_levels_by_word().get(token.text, ()) if short_name(d.name) == token.text]
    divs = [d for d in divs if d.kind in ("province", "city") or d.province_code == province]
    if len(divs) > 1 and province:
        divs = [d for d in divs if d.province_code == province] or divs
    if not divs:
        return None
    typ = "City" if divs[0].name in _MUNICIPALITIES else _LEVEL_TYPES[divs[0].kind]
    return PlaceMention(token.start, token.end, token.text, typ, divs[0].code if len(divs) == 1 else None)


_WATER_ENDS = {"湖": "Lake", "江": "River", "河": "River"}
_BY_WATER = "滨临沿通跨过环近傍"  # a position verb before 江, 河, 湖 makes a word of place (滨江, 沿河), no name
_RIVER_PARTS = frozenset(
    {"流域", "干流", "支流", "水系", "水域", "水质", "沿岸", "两岸", "岸线", "上游", "中游", "下游", "源头", "航道"}
    | {"黄金水道"}
)
"""Words after a river's name that make it the river (甲江|干流), not a city named after the river (甲江|经验)."""


@cache
def _county_levels_by_word() -> dict[str, tuple[Division, ...]]:
    """Divisions by their name and by their short name (太湖县 under 太湖), every level."""
    out: dict[str, list[Division]] = {}
    for d in all_divisions():
        for word in {d.name, short_name(d.name)} - {None}:
            out.setdefault(word, []).append(d)
    return {k: tuple(v) for k, v in out.items()}


def _water_word_candidates(text: str, tokens: Sequence[Token], ctx: DocContext | None) -> list[PlaceMention]:
    """Lakes and rivers the dictionary knows as one place word that the suffix rule leaves out: named like a
    county or district (太湖, 嫩江), or by a compass direction (西江, 北江: 南站, 东路 name nothing, a river does).

    A county-level short name is read as the division only in the document's own province (and never when
    ``place_short_stop.txt`` lists it), so elsewhere the word is the water body: 太湖 in a national or a
    甲省 report is the lake, in the report of 太湖县's province the county. The words after it must leave it
    the feature (太湖|综合治理, not 甲湖|实验室 or 甲湖|论坛), and a river, more often the city named after it,
    needs a word of its course or water (甲江|干流, 乙河|流域). A word that names a city or a province (芜湖)
    stays the division everywhere, and the home's own nickname (甲湖 of 甲湖省) is none. A compass river that is
    no division needs the same word of its course (西江|航道; 西江|千户苗寨 is a village named after it).
    """
    if "湖" not in text and "江" not in text and "河" not in text:
        return []
    found = [k for k, t in enumerate(tokens) if t.pos == "ns" and t.text[-1] in _WATER_ENDS]
    if not found:
        return []
    province = _province_of(ctx)
    stopped = word_set("place_short_stop.txt")
    out: list[PlaceMention] = []
    for k in found:
        t = tokens[k]
        typ = _WATER_ENDS.get(t.text[-1])
        if t.pos != "ns" or len(t.text) < 2 or typ is None or t.text[0] in _BY_WATER:
            continue  # 滨江, 通江, 沿河: by, along or to the water, no name
        if k > 0 and len(tokens[k - 1].text) == 1 and not _stops_name(tokens[k - 1]):
            continue  # 甲|龙湖: the segmenter cut a longer name, the word is its end
        if typ == "River" and (k + 1 == len(tokens) or tokens[k + 1].text not in _RIVER_PARTS):
            continue
        if typ == "Lake" and not _names_the_feature(tokens, k):
            continue
        divs = _county_levels_by_word().get(t.text, ())
        if not divs and len(t.text) == 2 and t.text[0] in "东南西北" and typ == "River":
            if t.text not in word_set("place_generic.txt"):
                out.append(PlaceMention(t.start, t.end, t.text, typ))
            continue
        if not divs or any(d.kind in ("province", "city") or d.name == t.text for d in divs):
            continue  # no division (the suffix rule reads it), or a city or province named so anywhere
        if t.text not in stopped and any(d.province_code == province for d in divs):
            continue  # the county of the document's own province: the division table names it
        if _abbreviates_home(t.text, ctx) or t.text in word_set("place_generic.txt"):
            continue
        out.append(PlaceMention(t.start, t.end, t.text, typ))
    return out


_BOUND_TAGS = frozenset({"ng", "zg", "vg", "ag", "tg"})


def _short_county_name_ok(tokens: Sequence[Token], end: int) -> bool:
    """Whether a county-level short name (no 区/县 suffix) ending at ``end`` is the place: no bound one-character
    morpheme glues to it into a new word (西夏|陵 a tomb, 崖州|湾 a bay), named after the place but not it.
    (The segmenter's tag of the short name itself is no guide: 临清/b, 巩义/nr are counties.)"""
    nxt = next((t for t in tokens if t.start == end), None)
    return nxt is None or not (len(nxt.text) == 1 and nxt.pos in _BOUND_TAGS)


def _abbreviates_home(name: str, ctx: DocContext | None) -> bool:
    """Whether ``name`` is a part of the document's own place name other than its short name (龙江 of 黑龙江省)."""
    if ctx is None:
        return False
    homes = (ctx.jurisdiction, *ctx.parents)
    return any(home and name in home and name != short_name(home) and name != home for home in homes)


@cache
def _regions() -> tuple[re.Pattern[str], dict[str, str]]:
    """The named macro-regions (``data/place_regions.tsv``) as one regex (a short table), and their types."""
    types = {r[0]: r[1] for r in rows("place_regions.tsv")}
    return re.compile(alternation(types)), types


def _region_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Named macro-regions (东北地区) that start and end on word boundaries, or end inside a word the segmenter made of
    the name's last character and a count or a new word after it (甲乙大湾|区多|领域: 区多/m is no word of the text)."""
    pattern, types = _regions()
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return []
    starts = {t.start: t for t in tokens}
    ends = {t.end: t for t in tokens}
    full = _region_full_names()
    spans = [(a, b) for a, b in spans if a in starts and (b in ends or _glued_after(tokens, a, b))]
    spans = [(a, b) for a, b in spans if not _in_abbreviation_run(ends.get(a), starts.get(b), text[a:b])]
    spans = [(a, b) for a, b in spans if not _names_a_portfolio(text, a, b)]
    return [PlaceMention(a, b, full.get(text[a:b], text[a:b]), types[text[a:b]]) for a, b in spans]


# the portfolios of a government's work listed in its closing part (外事、侨务、港澳、对台等工作): 港澳 among them is
# the work on the two regions' affairs, no place
_PORTFOLIOS = frozenset({"外事", "侨务", "对台", "参事", "外事侨务", "对台事务"})


def _names_a_portfolio(text: str, a: int, b: int) -> bool:
    """Whether the region ``text[a:b]`` is an item of a 、-list of work portfolios (侨务、港澳、对台)."""
    before = re.split("[、，；。]", text[: a - 1])[-1] if a > 0 and text[a - 1] == "、" else ""
    after = re.split("[、，；。等]", text[b + 1 :])[0] if text[b : b + 1] == "、" else ""
    return before in _PORTFOLIOS or after in _PORTFOLIOS


_SAR_CHARACTERS = frozenset("港澳台")  # the short names of 香港, 澳门 and 台湾, outside the provinces' abbreviations


def _in_abbreviation_run(before: Token | None, after: Token | None, name: str) -> bool:
    """Whether a region named by short names (港澳, 京津冀) is glued to a one-character province abbreviation or
    short name before or after it (皖|港澳, 港澳|台): a longer run of short names without a head, which names no
    region (a reader may not split it, as 苏锡常 of held-out 2)."""
    if not all(c in _end_characters() or c in _SAR_CHARACTERS for c in name):
        return False
    shorts = _provincial_characters() | _SAR_CHARACTERS
    return any(
        t is not None and len(t.text) == 1 and t.text in shorts and t.pos not in FUNCTION_TAGS for t in (before, after)
    )


def _glued_after(tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether a name ``a:b`` of four characters or more ends inside a word of two characters tagged a count or
    unknown to the dictionary (区多/m): the segmenter glued the name's end to the next word; or a place word opens
    on the name and goes on with a dictionary word of two characters or more (港澳|同胞/ns)."""
    inside = next((t for t in tokens if t.start < b < t.end), None)
    if inside is not None and inside.start == a and inside.pos == "ns" and _known(inside.text[b - a :]):
        return len(inside.text) - (b - a) >= 2  # 甲乙|同胞/ns: the region and a noun of its people, one word
    if b - a < 4 or inside is None or len(inside.text) != 2:
        return False
    return inside.pos in ("m", "mq") or not _known(inside.text)


@cache
def _region_full_names() -> dict[str, str]:
    """The regions' short forms and the full names they stand for (大湾区 → 粤港澳大湾区), one place under one name."""
    return {r[0]: r[2] for r in rows("place_regions.tsv") if len(r) > 2}


@cache
def _region_strategies() -> dict[str, tuple[str, ...]]:
    """Macro-region short name → the national strategies named after it (``data/place_region_strategies.tsv``)."""
    return {r[0]: tuple(r[1:]) for r in rows("place_region_strategies.tsv")}


@cache
def _macro_region_short_names() -> frozenset[str]:
    """The words that can name a macro-region by its short name: one with a national strategy (西部) or a named
    region's name without its 地区 (西北 of 西北地区)."""
    _, types = _regions()
    return frozenset(_region_strategies()) | {name[:-2] for name in types if name.endswith("地区")}


@cache
def _macro_region_re() -> re.Pattern[str]:
    """Any word :func:`_macro_region_candidates` reads: a macro-region's short name or a joint name (中西部)."""
    return re.compile(f"{alternation(_macro_region_short_names())}|{_JOINT_REGION_RE.pattern}")


def _macro_region_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """The macro-regions named by their short names (西部, 东北): before their national strategy
    (``data/place_region_strategies.tsv``: 西部|大开发, 东北|全面振兴) or joined to another named region
    (东北和中西部地区, 西北、西南地区: a geographical region's 地区 shared with the next). Alone, 东北 and 西部
    are directions (东北方向, 西部山区), no place; two or three economic regions named together (中西部, 东中西部)
    name no direction, so they are places wherever they stand."""
    if not _macro_region_re().search(text):
        return []  # no short name nor joint name of a macro-region in the sentence
    strategies = _region_strategies()
    pattern, _ = _regions()
    short = _macro_region_short_names()
    out: list[PlaceMention] = []
    for k in [k for k, t in enumerate(tokens) if t.text in short or t.text[-1] == "部"]:  # 部 ends the joint ones
        t = tokens[k]
        if t.text not in short and _JOINT_REGION_RE.fullmatch(t.text) is None:
            continue
        before = tokens[k - 1] if k > 0 else None
        strategy = text.startswith(strategies.get(t.text, ()), t.end)
        if before and (before.pos in _PLACE_WORD_TAGS or place_word(before.text)):
            opened = k < 2 or _stops_name(tokens[k - 2])
            if strategy and opened and len(before.text) >= 2:  # 甲乙|中部|崛起: the middle of a named place, rising
                out.append(PlaceMention(before.start, t.end, before.text + t.text, "Area"))
            continue  # not the country's macro-region
        after = tokens[k + 2].start if k + 2 < len(tokens) else len(text)
        joined = k + 2 < len(tokens) and tokens[k + 1].text in _LIST_JOINERS and pattern.match(text, after)
        ranked = k > 0 and tokens[k - 1].text in ("在", "居") and text.startswith(_RANKS, t.end)
        joint = _JOINT_REGION_RE.fullmatch(t.text) is not None  # 中西部, 东中部: two regions together, no direction
        if strategy or joined or ranked or joint:  # 走在|西北|前列: a ranking among the region's provinces
            out.append(PlaceMention(t.start, t.end, t.text, "Area"))
    return out


_JOINT_REGION_RE = re.compile("(?:东中|中西|东中西)部")  # macro-regions named together (中西部; 东西部 is the pairing)
_RANKS = ("前列", "首位", "第一", "之首")  # ranks within a region (走在西北前列, 居东部第一): the region is a place


_BRACKETED_RE = re.compile(rf"([{CJK}]{{2,5}})（([{CJK}]{{2,8}})）")
_MAX_DESIGNATION = 12


def _bracketed_zone_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Zones named with their place in brackets (中国（甲省）自由贸易试验区, 西部（乙市）科学城): the word before the
    bracket is the country, a macro-region or a place word (one word of the sentence), the bracketed word a
    division or place word, and the words after the bracket, up to twelve characters with no verb or
    punctuation, end in a zone's suffix; the first such ending closes the name."""
    out: list[PlaceMention] = []
    starts = {t.start: k for k, t in enumerate(tokens)}
    for m in _BRACKETED_RE.finditer(text):
        inside = m.group(2)
        if not (place_word(inside) or by_name(inside)) or m.end() not in starts:
            continue
        openers = (i for i in range(m.start(1), m.end(1) - 1) if i in starts and _zone_opener(text[i : m.end(1)]))
        begin = next(openers, None)
        if begin is None or (begin in starts and _bid_for(tokens, starts[begin])):
            continue  # 申建|中国（甲省）自由贸易试验区: a zone still to be bid for, no place yet
        for t in tokens[starts[m.end()] :]:
            if _stops_name(t) or t.end - m.end() > _MAX_DESIGNATION:
                break
            found = _suffix_type(text[m.end() : t.end])
            if found and found[1] == "Area" and len(found[0]) > 1:
                out.append(PlaceMention(begin, t.end, text[begin : t.end], "Area"))
                break
    return out


_BIDDING_VERBS = frozenset({"争创", "创建", "申报", "申建", "争取", "申请"})  # bid for a designation not yet had


def _bid_for(tokens: Sequence[Token], k: int) -> bool:
    """Whether the word before ``tokens[k]`` bids for a designation (申建, 争创): what follows is sought, no place; a
    bid that succeeded (成功|申建) won the zone, which is a place."""
    won = k > 1 and tokens[k - 2].text.endswith("成功")
    return k > 0 and tokens[k - 1].text in _BIDDING_VERBS and not won


def _zone_opener(word: str) -> bool:
    """Whether ``word`` can open a zone named with a bracketed place: the country, a macro-region's short name
    (``data/place_region_strategies.tsv``: 西部) or a place word (成渝)."""
    return word == "中国" or word in _region_strategies() or place_word(word)


_COMPASS = frozenset({"东", "南", "西", "北", "中", "东北", "东南", "西北", "西南"})
_COMPASS_CHAR_RE = re.compile("[东南西北中]")
_COMPASS_AMBIGUOUS = frozenset("京沪")  # 京东, 沪东 name companies more often than a part of the city
_REGION_WORDS = frozenset({"地区", "经济区", "片区"})
_COMPASS_REGIONS = frozenset(c + w for c in _COMPASS for w in _REGION_WORDS)  # 西北地区, 东南经济区
_COMPASS_RUNS_ON = frozenset("东南西北部")  # 皖北|地区, 川|东北|经济区: the region's own head word


@cache
def _province_abbreviations() -> frozenset[str]:
    """One-character abbreviations (简称) of the provinces, from the loaders' table of them."""
    return frozenset(r[0] for r in data_rows("kg.loaders", "province_abbreviations.tsv")) - _COMPASS_AMBIGUOUS


def _compass_region_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Parts of a province named by its abbreviation and a compass direction (陕南, 皖北, 闽西南, 川|东北): a
    region of the province as official prose names it, one word or two; a following 地区/经济区 is its head
    (川东北经济区). Divisions written so (湘西, 甘南) are left to the division table."""
    out: list[PlaceMention] = []
    if _COMPASS_CHAR_RE.search(text) is None:
        return out  # every compass word holds one of 东南西北中
    abbreviations = _province_abbreviations()
    for k in [k for k, t in enumerate(tokens) if t.text[0] in abbreviations]:
        t = tokens[k]
        if t.text in _admin_names().names:
            continue
        if len(t.text) > 1 and t.text[1:] in _COMPASS:
            end = k + 1
        elif t.text in abbreviations and k + 1 < len(tokens) and tokens[k + 1].text in _COMPASS | _COMPASS_REGIONS:
            end = k + 2  # 川|东北, 湘|西北地区: the segmenter reads the compass word with its head as one word
        else:
            continue
        paired = k > 0 and tokens[k - 1].text[-1:] in abbreviations  # 浙|川东西部协作: two provinces paired
        if paired or (end < len(tokens) and tokens[end].text[:1] in _COMPASS_RUNS_ON):
            continue  # 川东|西部, 黔东|西部: the compass word runs on into another (东西部协作)
        if end < len(tokens) and tokens[end].text in _REGION_WORDS:
            end += 1
        name = "".join(w.text for w in tokens[k:end])
        if tokens[end - 1].end - t.start == len(name) and name not in _admin_names().names:
            out.append(PlaceMention(t.start, tokens[end - 1].end, name, "Area"))
    return out


# natural-feature endings of a lexicalized name and the type each gives (GB/T 17693 地名: 山体, 水体, 海域, 岛屿)
_FEATURE_TYPES = dict.fromkeys("山岭峡岛湾滩洲川", "Area") | dict.fromkeys("江河溪", "River")
_FEATURE_TYPES |= {"湖": "Lake", "海": "Lake", "泉": "Landmark"}  # a three-character 某某海 is an inland lake (甲宗海)
_FEATURE_END_RE = re.compile(f"[{''.join(_FEATURE_TYPES)}]")
_FEATURE_WORD_TAGS = frozenset({"nr", "nrt", "nrfg"})
_LANDSCAPE_CHARS = frozenset("山水林田湖草沙")  # 山水林田湖草沙: a stem of these alone is the formula (林田湖), no name
_TITLE_ENDS = ("书记", "市长", "省长", "县长", "区长", "主任", "主席", "总理", "同志", "委员", "代表", "记者", "教授")
_PERSON_AFTER = frozenset({"同志", "先生", "女士", "诞辰", "逝世", "书记", "主席", "总理", "教授", "院士"})


def _feature_word_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Natural features the segmenter keeps as one word of a non-place kind: 甲兰山/nr, 乙淞江/nr, 六甲山/m-opened.

    The dictionary lexicalizes many mountains, rivers and lakes (a two-character stem and a feature ending) but tags
    them as person names, and the ones opening on a numeral (六盘山, 九龙江) fail the numeral test of a stem. Such a
    word of three characters is the feature: its stem is no feature character and verb (入|河入海|排污口 is a cut
    phrase), not the 山水林田湖草沙 formula (林田湖) nor a count (五大洲); no title or person word stands beside it
    (市长甲江, 甲山同志), no company word or adjective before it, and no noun it names after it (甲山实验室).
    Four-character words ending so are mostly idioms (绿水青山, 海纳百川, 一马平川); divisions are left to the
    division table.
    """
    out: list[PlaceMention] = []
    if _FEATURE_END_RE.search(text) is None:
        return out
    for k in [k for k, t in enumerate(tokens) if len(t.text) == 3 and t.text[-1] in _FEATURE_TYPES]:
        t = tokens[k]
        text = t.text
        typ = _FEATURE_TYPES.get(text[-1:])
        if typ is None or len(text) != 3 or not all(is_cjk(c) for c in text):
            continue
        if not (t.pos in _FEATURE_WORD_TAGS or (t.pos == "ns" and text[0] in _NUMERALS)) or _COUNTED_RE.match(text):
            continue  # 五大洲: a count of kinds, not a name
        if text in _division_words() or text in word_set("place_generic.txt"):
            continue
        stem = text[:-1]
        if all(c in _LANDSCAPE_CHARS for c in stem):
            continue  # 山水|林田湖|草沙: the formula, no name
        if stem[0] in _FEATURE_TYPES and any(tag[0] == "v" for _, tag in segmenter().tag(stem, False)):
            continue  # 入|河入海|排污口: a feature and a verb cut from a phrase (a name's stem may read so: 查干湖)
        before = tokens[k - 1].text if k > 0 else ""
        after = tokens[k + 1].text if k + 1 < len(tokens) else ""
        if before.endswith(_TITLE_ENDS) or after in _PERSON_AFTER:
            continue  # 市长甲江, 甲山同志: a person
        if k > 0 and not (_stops_name(tokens[k - 1]) or tokens[k - 1].pos == "ns" or place_word(before)):
            continue  # 某网|甲山, 大|乙滩: a company's or a longer name's part, not the feature
        if not _names_the_feature(tokens, k):
            continue  # 甲山|实验室, 甲山、乙湖等|实验室: the opening of something named after the feature
        if typ == "River" and after == "流域":  # 九龙江|流域: the basin and its river
            out.append(PlaceMention(t.start, t.end + 2, text + after, "Area"))
            out.append(PlaceMention(t.start, t.end, text, typ, nested=True))
        else:
            out.append(PlaceMention(t.start, t.end, text, typ))
    return out


def _names_the_feature(tokens: Sequence[Token], k: int) -> bool:
    """Whether the words after the feature word ``tokens[k]`` (or after the 、-list it sits in) leave it the feature.

    The list's last element (its first word after the clause's last 、) or a bracket right after the word is
    skipped, then places, one-character words, counts and 等 (云龙|湖等|实验室, 3|个|重庆|实验室); the first other
    word decides: a verb, function word or punctuation, or a word of the feature's parts, water and ecology
    (``data/place_feature_context.txt``: 流域, 生态, 国家公园) leaves it the feature; any other noun is what is
    named after it (甲山、乙湖等实验室).
    """
    j = k + 1
    end = next((i for i in range(j, len(tokens)) if _stops_name(tokens[i]) and tokens[i].text != "、"), len(tokens))
    last = max((i for i in range(j, end) if tokens[i].text == "、"), default=None)
    if last is not None:
        j = last + 2  # past the last element's first word
    context = word_set("place_feature_context.txt")
    closing = next((i for i in range(j + 1, min(j + 8, len(tokens))) if tokens[i].text in "）)"), None)
    if j < len(tokens) and tokens[j].text in "（(" and closing is not None:
        j = closing + 1  # 甲江（乙县段）入选, 甲山（乙区）文化产业园: the word after the bracket decides
    for t in tokens[j:]:
        if t.text in context:
            return True
        if t.pos in ("m", "mq", "q") or (t.text.endswith("等") and t.pos.startswith("u")):
            continue  # 3|个, 等, 湖等 (the segmenter glues 等 to a one-character word)
        if _stops_name(t):
            return True
        if len(t.text) == 1 or t.pos == "ns" or place_word(t.text):
            continue
        return False
    return True


def _admin_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans of division names: whole words (湛江, not 湛江 of another word; 相应|城市 has no 应城市),
    and the full names inside a body's name (江苏省 of 江苏省人民政府)."""
    index = _admin_names()
    names = index.names
    out: list[tuple[int, int]] = []
    for token in [t for t in tokens if t.text in names or t.pos == "nt"]:
        if token.text in names:
            out.append((token.start, token.end))
        else:
            out += [(token.start + a, token.start + b) for a, b in index.spans(token.text) if by_name(token.text[a:b])]
    return out


def _suffix_type(name: str) -> tuple[str, str] | None:
    for suffix, typ in _suffixes_by_last().get(name[-1:], ()):
        if name.endswith(suffix):
            return suffix, typ
    return None


@cache
def _suffixes_by_last() -> dict[str, tuple[tuple[str, str], ...]]:
    """(suffix, type) of ``_suffixes`` by their last character, longest first: a name is tried only against
    the suffixes it can end with."""
    out: dict[str, list[tuple[str, str]]] = {}
    for suffix, typ, _, _ in _suffixes():
        if suffix:
            out.setdefault(suffix[-1], []).append((suffix, typ))
    return {last: tuple(found) for last, found in out.items()}


def _is_generic(name: str, suffix: str, proper: bool = False) -> bool:
    """Whether a suffix name is a generic noun; a ``proper`` stem keeps a generic ending (若尔盖|国家公园)."""
    generic = word_set("place_generic.txt")
    stem = name[: -len(suffix)]
    if name in generic or stem in generic or not stem:
        return True
    if name.endswith(word_list("place_coinages.txt")):
        return True  # 某某数据湖, 某某信息港: a platform named like a place
    if stem[-1] in "城乡农市县区省" and suffix in ("乡", "镇", "村"):
        return True
    if all(c in _LEVEL_CHARS for c in name) or (len(stem) >= 2 and all(c in _LEVEL_CHARS for c in stem)):
        return True  # 县镇村, 省市县|博物馆: a chain of level words names every unit of those levels, not one
    if "最" in stem:
        return True  # 亚洲最大专业货运|机场: a superlative describes a facility, it names none
    if stem in _DESIGNATION_LEVELS and _suffix_rows()[suffix][1] == "Park":
        return True  # 创建|国家植物园: a designation's level before a park word names a kind of park, no park
    if stem in _LEVEL_WORDS and _suffix_rows()[suffix][1] != "Area":
        return True  # 市|游泳馆 is the city's hall, not a name (市|经开区 is the city's named zone)
    if stem[0] in _QUANTIFIERS:
        return True  # 全龄友好型社区, 各类园区: a quantifier opens a description, not a name
    if (len(stem) == 1 or suffix in _ROUTE_SUFFIXES) and all(c in _DIRECTIONS for c in stem):
        return True  # 南站, 东路, 中西|高速公路: directions and a suffix name no place (nor route) of their own
    numbered = stem[-1] in _NUMERALS and not _route_ends_word(stem, suffix)  # 京九|铁路: 九 of 九龙, no count
    if (stem[0] in _NUMERALS and not _opens_on_place_word(stem)) or numbered or stem[-1] in _BAD_STEM_END:
        return True  # 三大|园区, 5个|社区: a count; 四川|盆地, 三峡|库区 open on a place word, no numeral
    if any(w in stem for w in ("集团", "公司", "项目")) or _COUNTED_RE.search(stem):
        return True  # 某某三大特色产业带: a count of kinds, not a name
    bare = _suffix_rows().get(stem)
    if bare is not None and (len(stem) == 1 or bare[1] == "Area"):
        return True  # 经开区|高新区, 溪|河: a bare zone or one-character suffix is no stem (花园|路 is a name)
    longer = any(name[-k:] in generic for k in range(len(suffix) + 1, len(name)))  # a longer generic ending
    head_place = _suffix_type(name[: len(name) - _generic_ending(name, len(suffix))]) if longer else None
    if head_place is not None and head_place[1] in _SETTLEMENT_TYPES:
        return True  # 甲街道|老旧小区, 乙镇|贫困村: a settlement and a generic noun after it, not one name
    if longer and _suffix_rows()[suffix][1] in _SETTLEMENT_TYPES:
        return True  # 甲省民居|试点村, 乙县|示范社区: a kind of village named after its place, no village's name
    if proper:
        return False
    return longer or name in generic


def _route_ends_word(stem: str, suffix: str) -> bool:
    """Whether a route's stem is the short names of its two ends (京九, 成昆): two to four characters of the
    divisions' short names, the first no numeral (三条|铁路, 两|高速 are counts)."""
    return (
        suffix in _ROUTE_SUFFIXES
        and 2 <= len(stem) <= _MAX_ENDS
        and stem[0] not in _NUMERALS
        and all(c in _end_characters() for c in stem)
    )


def _opens_on_place_word(stem: str) -> bool:
    """Whether ``stem`` opens on a place word whose first character is a numeral (四川, 三峡, 万州, 九寨): a
    division's name or a dictionary word tagged ``ns``, not a count of units (三区: a level word after it)."""
    for k in range(len(stem), 1, -1):
        word = stem[:k]
        if word in _admin_names().names:
            return True
        if _known(word) and _word_tag(word) == "ns" and word[1] not in _LEVEL_CHARS:
            return word not in word_set("place_generic.txt")
    return False


def _generic_ending(name: str, shortest: int) -> int:
    """The length of the longest generic noun (``place_generic.txt``) that ``name`` ends with, longer than
    ``shortest`` characters, or 0."""
    generic = word_set("place_generic.txt")
    return next((k for k in range(len(name) - 1, shortest, -1) if name[-k:] in generic), 0)


def _suffix_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    matches = _all_suffixes(text)
    ends = {t.end for t in tokens} if matches else set()
    at = _token_at(tokens, len(text)) if matches else []
    for m in matches:
        suffix = m.group()
        _, typ, not_after, _ = _suffix_rows()[suffix]
        k = at[m.start()]
        head = tokens[k]
        common = m.end() in ends and m.end() < len(text) and text[m.end()] in not_after
        if common and not text.startswith(_COMMITTEES, m.end()):
            continue  # the suffix makes a common word (河道, 社区居民); 甲社区|居委会 is the community's body
        if _suffix_is_predicate(tokens, k, m.start(), m.end()):
            continue  # 甘肃|站/v|在/p: the suffix is the verb of the sentence (站在), not a station
        if m.end() not in ends:
            if not _splits_after_place(head, text, m.end()):
                continue  # the suffix ends inside a word (落户|河南, 江苏)
            word = text[head.start : m.end()]
            head = Token(word, "ns", head.start, m.end())  # 长江 of 长江上游, 汉江 of 汉江流域: a place
        start = _stem_start(tokens, k, m.start(), suffix, head)
        if start is not None and suffix in _ROUTE_SUFFIXES:
            origin = _route_origin(tokens, at, start)
            if suffix in _BETWEEN_ENDS_ONLY and origin == start:
                continue  # 普通|公路, 村道|公路: a road is named so only from one end to the other (甲至乙公路)
            start = origin
        reach = _REACH_RE.match(text, m.end()) if suffix in _REACHED_SUFFIXES else None
        if typ == "Community":
            reach = _HOUSE_NUMBER_RE.match(text, m.end())  # 甲乙学府|壹号: the compound's name runs on
        if start is None and reach is not None and suffix in _REACHED_SUFFIXES:
            out.append(PlaceMention(m.start(), reach.end(), text[m.start() : reach.end()], typ))
            continue  # 国家文化公园（甲段）: the reach names the park
        if start is None or _after_byline(tokens, at, start) or _cut_after_and(tokens, at[start]):
            continue
        start = _after_glued_opener(tokens, at, start, m.start())
        name = text[start : m.end()]
        if _is_generic_tail(text[start : m.start()], suffix):
            continue
        opener = tokens[at[start]]
        if opener.start == start < m.start() and len(opener.text) == 1 and opener.pos in _BOUND_TAGS:
            continue  # 川渝高|竹/ng|新区: the segmenter cut a word, the stem opens inside the real name
        if suffix == "乡" and (_reads_as_phrase(text[start : m.start()]) or (_known(name) and not _township(name))):
            continue  # 以城带|乡, 上山下乡: a phrase about the countryside, not a township's name
        if suffix in _placed_suffixes() and not _opens_on_place(tokens, at, start, m.start()):
            continue  # 生态文明先行区, 低碳发展示范区, 自贸港: a kind of designation, not a named zone or port
        if suffix in _placed_suffixes() and _names_a_zone_inside(tokens, at, start, m.start()):
            continue  # 甲经济技术开发区|国家级零碳园区: the designation a zone named before it receives
        if typ == "Village" and _described_by_verb(tokens, at, start, m.start()):
            continue  # 地质灾害|威胁|村, 移民|搬迁|村: villages of a kind, described by what happens to them
        if _is_generic(name, suffix, _is_proper_stem(tokens[at[start]])) or name in _division_words():
            continue  # a division's name is left to the division table (湛江 is a city, 中山 no mountain)
        around = suffix.endswith(_ZONE_ENDS) and suffix not in _LANDFORM_ENDS and _around(tokens, at, start)
        if around:
            start -= 1  # 环|甲湖|经济区: the zone around the lake, named with 环 (the lake only labels it)
        end = reach.end() if reach is not None else m.end()
        if typ in _SETTLEMENT_TYPES or typ == "Road":
            start = _after_divisions(text, tokens, start, m.start())  # 甲县|乙镇, 丙区|丁街: the county is a place
        seat = _seat_end(text, tokens, start, m.start()) if typ in ("Village", "Community") else None
        if seat is not None:  # 甲镇|乙村, 丙街道|丁社区: the town and the village in it, two places
            out.append(PlaceMention(start, seat, text[start:seat], _suffix_type(text[start:seat])[1]))
            start = seat
        out.append(PlaceMention(start, end, text[start:end], typ))  # 乙河国家文化公园（甲段）with its reach
        stem = text[start : m.start()]
        if suffix == "流域" and stem.endswith(_RIVER_ENDS):  # 甲河|流域: the basin and its river
            out.append(PlaceMention(start, m.start(), stem, "River", nested=True))
        zone = typ == "Area" and suffix.endswith(_ZONE_ENDS) and suffix not in _LANDFORM_ENDS
        ended = _ROUTE_JOINER_RE.search(stem) is not None  # 甲至乙冈|高铁: the route's ends, no landmark inside it
        inner = _inner_place(stem) if typ != "Road" and not around and not zone and not ended else None
        if inner and typ == "Facility" and inner[1] != "Landmark":
            inner = None  # 甲湖|牵引站, 乙湖|大桥: the lake labels the facility; a site's museum keeps the site
        if inner and typ == "Area" and len(_suffix_type(inner[0])[0]) == 1 and inner[1] == "Landmark":
            inner = None  # 甲冈|工业园区: a zone named after a hill or pavilion word, no landmark of its own
        if inner:  # 甲湖 in 甲湖公园, 乙冈 in 乙冈文化景区
            out.append(PlaceMention(start, start + len(inner[0]), *inner, nested=True))
        elif typ == "Facility" and (water := _locating_water(text, tokens[at[start]], start, m.start())) is not None:
            out.append(water)  # 甲河|乙浪底|水利枢纽: the river the works stand on is a place of its own
    out = _joined_branches(out, text, tokens)
    if "环" in text:  # the ring roads' and trunk roads' patterns open with a look-behind: tried at every position
        out += [PlaceMention(m.start(), m.end(), m.group(), "Road") for m in _RING_RE.finditer(text)]
    if "路" in text or "街" in text:
        starts = {t.start for t in tokens}
        for m in _NUMBERED_ROAD_RE.finditer(text):
            if m.start() in starts and (m.start() == 0 or not _numbered_in_word(text, m.start())):
                out.append(PlaceMention(m.start(), m.end(), m.group(), "Road"))
    for m in _TRUNK_ROAD_RE.finditer(text) if "G" in text or "S" in text or "道" in text else ():
        end = _coded_road_end(text, tokens, m.end()) if m.group()[0] in "GS" else m.end()
        if end > m.end():  # G77环城高速, G1234高速延长线, G999甲至乙段: the code and its head or section, one road
            out.append(PlaceMention(m.start(), end, text[m.start() : end], "Road"))
            continue
        name = m.group()[:-1] if m.group()[0] in "GS" and m.group().endswith("线") else m.group()
        out.append(PlaceMention(m.start(), m.end(), name, "Road"))  # G219线 and G219: one road
    for m in _METRO_RE.finditer(text) if "号线" in text else ():
        tail = m.group(2) or ""
        for k, num in enumerate(m.group(1).split("、")):
            out.append(PlaceMention(m.start() + k, m.start() + k + 1, f"地铁{num}号线{tail}", "Facility"))
    if "地铁" in text:
        for m in _METRO_LIST_RE.finditer(text):
            for k, num in enumerate(m.group(1).split("、")):
                out.append(PlaceMention(m.start() + k, m.start() + k + 1, f"地铁{num}号线", "Facility"))
    return out


_COMMITTEES = ("居委会", "居民委员会", "村委会", "村民委员会", "党支部", "党委", "党总支", "办事处")
"""The bodies of a community or village named after it (甲社区居委会, 乙村村民委员会): its name is a place."""
_SEATS = ("镇", "乡", "街道")


_ZONE_ENDS = ("区", "带", "圈", "群")  # the heads of zones, belts, circles and clusters (not of 沙漠, 山, 群岛)


def _coded_road_end(text: str, tokens: Sequence[Token], at: int) -> int:
    """Where the name of a road whose route code ends at ``at`` ends: after a road head (G77环城高速, G1234高速延长线)
    or a section from one place to another (G999甲至乙段, G888线甲至乙、), else at the code (G318、G219: the code names
    the road). The ends of a section are inside the road's name only, so they are no places of their own."""
    head = _CODED_ROAD_HEAD_RE.match(text, at)
    course = head.group(1) or "" if head else ""
    if head and not any(c in "至、等和及与" for c in course) and not _inside_token(tokens, at + len(course)):
        return head.end()  # 环城|高速 as the segmenter reads it; a head cut out of a longer word (甲高速|度) is none
    section = _CODED_SECTION_RE.match(text, at)
    if section and _route_end_ok(text, tokens, at, section.end(1)) and _route_end_ok(
        text, tokens, section.start(2), section.end(2)
    ):
        return section.end()
    return at


def _inside_token(tokens: Sequence[Token], at: int) -> bool:
    """Whether offset ``at`` falls strictly inside one token (not on a word boundary)."""
    return any(t.start < at < t.end for t in tokens)


def _around(tokens: Sequence[Token], at: list[int], start: int) -> bool:
    """Whether a zone's stem opening on a place word at ``start`` follows 环 standing as a word (环|甲湖|城市群, 环|乙海
    地区: the zone around the feature, named so), itself after a verb, punctuation or the sentence's start."""
    k = at[start]
    if k < 1 or tokens[k].start != start or tokens[k - 1].text != "环" or not _is_proper_stem(tokens[k]):
        return False
    return k == 1 or _stops_name(tokens[k - 2]) or tokens[k - 2].text in word_set("place_verbal_nouns.txt")


def _described_by_verb(tokens: Sequence[Token], at: list[int], start: int, suffix_start: int) -> bool:
    """Whether a village's stem of two words or more ends in a verb or verbal noun (地质灾害|威胁|村): a phrase
    saying what kind of village, where a village's own name is a noun or a new word (甲家|村; 建设村 is one word)."""
    words = tokens[at[start] : at[suffix_start]]
    return len(words) >= 2 and words[-1].end == suffix_start and words[-1].pos.startswith("v")


def _seat_end(text: str, tokens: Sequence[Token], start: int, suffix_start: int) -> int | None:
    """Where the town or subdistrict opening a village's or community's name ends (甲镇|乙村, 丙街道|丁社区), or
    ``None``: a word boundary after a town suffix, with a town name of two characters or more before it that is
    no generic noun, and a village's stem of two characters or more after it."""
    for t in tokens:
        if not start + 2 < t.end <= suffix_start - 2 or not text[start : t.end].endswith(_SEATS):
            continue
        seat = text[start : t.end]
        found = _suffix_type(seat)
        if found and found[0] in _SEATS and len(seat) > len(found[0]) + 1 and not _is_generic(seat, found[0]):
            return t.end
    return None


def _after_divisions(text: str, tokens: Sequence[Token], start: int, suffix_start: int) -> int:
    """Where a settlement's or street's own name starts once the full division names opening its stem are passed
    (甲县|乙镇, 丙市|丁区|戊镇, 己区|庚街): whole words ending in a level word, leaving a stem of two characters or
    more."""
    for t in tokens:
        if t.start == start and t.end <= suffix_start - 2 and t.text.endswith(_LEVEL_WORDS) and by_name(t.text):
            start = t.end
    return start


def _township(word: str) -> bool:
    """Whether a dictionary word ending in 乡 is a township's name (甲安乡/ns): tagged a place, its stem one word
    of two characters or more (上山下乡/ns reads 上|山下: a phrase)."""
    stem = list(segmenter().tag(word[:-1], False))
    return _word_tag(word) == "ns" and len(stem) == 1 and len(word) >= 3


def _locating_water(text: str, first: Token, start: int, suffix_start: int) -> PlaceMention | None:
    """The river or lake word opening a facility's stem before the facility's own name (甲河|乙浪底|水利枢纽,
    丙江|丁家坝|水电站), or ``None``: a place word ending in a river or lake suffix, two characters or more of the
    facility's own name after it."""
    found = _suffix_type(first.text)
    if first.start != start or first.pos != "ns" or found is None or found[1] not in ("River", "Lake"):
        return None
    if first.text in _division_words() or not _own_name(text[first.end : suffix_start]):
        return None
    return PlaceMention(first.start, first.end, first.text, found[1], nested=True)


def _reads_as_phrase(stem: str) -> bool:
    """Whether a new word before 乡 reads, in dictionary words only, as a verb phrase: it opens with a
    preposition or conjunction, or holds two verbs (以|城|带, 治|城|治); a township's stem does neither."""
    if _known(stem):
        return False
    tags = [tag for _, tag in segmenter().tag(stem, False)]
    return bool(tags) and (tags[0] in ("p", "c") or sum(tag.startswith("v") for tag in tags) >= 2)


def _opens_on_place(tokens: Sequence[Token], at: list[int], start: int, suffix_start: int) -> bool:
    """Whether a designation's name opens on a place word right after the clause's verb or punctuation.

    The opener is a division or region name or a word the segmenter tags ``ns`` (甲州|综合试验区, 甲山|港),
    of two characters or more and not a common word (``place_generic.txt``: 美丽, 海洋); the word before
    it stops a name or is a verbal noun (``place_verbal_nouns.txt``: 建设), so nothing descriptive comes first
    (美丽|中国|先行区 names a goal, not a zone).
    """
    k = at[start]
    token = tokens[k]
    word = _text_of(token, start, suffix_start)
    compass = word in _province_abbreviations() and k + 1 < len(tokens) and tokens[k + 1].text in _COMPASS
    if compass:
        word += tokens[k + 1].text  # 川|西北|生态示范区: a region of the province, the compass rule's 川西北
    if len(word) < 2 or word in word_set("place_generic.txt"):
        return False
    inside = tokens[k + 1 + compass : at[suffix_start]]
    if any(t.pos == "s" for t in inside) or (inside and inside[0].text == "特色"):
        return False  # 甲湾|区内|湾, 中国|特色|自由贸易港: inside a place, or a kind the place describes
    place = compass or word in _admin_names().names or word in _regions()[1] or _word_tag(word) == "ns"
    place = place or _joint_members(word)  # 甲乙|合作产业园: a park of two places, named by their short names
    before = tokens[k - 1] if k > 0 and tokens[k].start == start else None
    opened = before is None or _stops_name(before) or before.text in word_set("place_verbal_nouns.txt")
    return place and (opened or before.text in _admin_names().names)  # 建设/vn|甲州湾: the verbal noun is the verb


def _joint_members(word: str) -> bool:
    """Whether one word is two to four members' one-character short names (甲乙 of a park two places share): every
    character names a member, the first no compass word, none a numeral, and the word is new to the dictionary or
    tagged as a name or an abbreviation (a common word of those characters, 安全 or 文明, is none)."""
    chars = _joint_characters()
    if not 2 <= len(word) <= _MAX_JOINT or word[0] in _DIRECTIONS or not all(c in chars for c in word):
        return False
    if any(c in _NUMERALS for c in word):
        return False
    return not _known(word) or _word_tag(word) in _JOINT_TAGS


def _text_of(token: Token, start: int, end: int) -> str:
    """The part of ``token`` from ``start`` up to ``end`` (a word cut where a suffix glued to it begins)."""
    return token.text[start - token.start : min(token.end, end) - token.start]


def _numbered_in_word(text: str, start: int) -> bool:
    """Whether the direction opening a numbered street ends a word before it (湖北|一路, 河南|一街): no street."""
    return start >= 1 and text[start - 1 : start + 1] in _division_words()


def _after_glued_opener(tokens: Sequence[Token], at: list[int], start: int, suffix_start: int) -> int:
    """Where a stem starts once the words up to a conjunction or route preposition glued to the next word
    are dropped.

    The segmenter makes one unknown word of 及|胶新 or 经|中 (甲铁路及胶新铁路, 云南企业经中老铁路), so the
    stem runs over it; a known word (和平路) keeps its first character.
    """
    for k in range(at[start], at[suffix_start]):
        token = tokens[k]
        text = token.text
        if len(text) >= 2 and text[0] in _GLUED_OPENERS and not _known(text) and suffix_start - token.start >= 3:
            start = token.start + 1
    k = at[start]
    if k > 0 and tokens[k].start == start and _ends_glued_verb(tokens[k - 1], tokens[k]):
        start += 1  # 做/v|强甲乙/nr: the verb's last character glued to the unknown name after it (做强|甲乙…)
    return start


def _ends_glued_verb(before: Token, token: Token) -> bool:
    """Whether an unknown word of three characters or more opens on the last character of a verb the word before it
    begins (做|强甲乙 → 做强): the segmenter split the verb and glued its end to the name."""
    if len(token.text) < 3 or _known(token.text) or before.pos not in VERB_TAGS or len(before.text) != 1:
        return False
    verb = before.text + token.text[0]
    return (_word_tag(verb) or "").startswith("v")


def _cut_after_and(tokens: Sequence[Token], i: int) -> bool:
    """Whether the stem opens with a one-character word right after 和 (宜居宜业和|美/ns|乡村片区): jieba split a
    word (和美) at its conjunction reading, so the stem starts inside that word."""
    return 0 < i < len(tokens) and len(tokens[i].text) == 1 and tokens[i - 1].text == "和"


def _suffix_is_predicate(tokens: Sequence[Token], k: int, start: int, end: int) -> bool:
    """Whether the one-character suffix word ``tokens[k]`` is a verb with a preposition or particle after it
    (站/v|在/p, 站/v|了/ul): a predicate. jieba tags the 站 of 武清站 a verb too, so the tag alone is no guide."""
    head = tokens[k]
    if (head.start, head.end) != (start, end) or end - start != 1 or not head.is_verb or k + 1 >= len(tokens):
        return False
    return tokens[k + 1].pos == "p" or tokens[k + 1].pos.startswith("u")


HOSPITAL_ENDS = ("医院", "院区")
"""Endings of hospitals and their campuses: facilities, named after their parent (甲医院乙医院, 甲医院乙院区)."""
_MAX_BRANCH_GAP = 8


def _joined_branches(found: list[PlaceMention], text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """``found`` with a hospital branch joined to the hospital just before it (甲医院|乙医院, 甲医院|丙中心|乙院区).

    The branch's own stem (a province or district) is no name of its own there; the words
    between the two, if any, must all be able to sit inside a name (a centre's name, no verb).
    """
    hospitals = {c.end: c for c in found if c.name.endswith("医院")}
    out = list(found)
    for cand in found:
        if not cand.name.endswith(HOSPITAL_ENDS):
            continue
        before = range(cand.start, cand.start - _MAX_BRANCH_GAP - 1, -1)
        parent = next((hospitals[e] for e in before if e in hospitals), None)
        if parent is None or parent is cand:
            continue
        gap = [t for t in tokens if parent.end <= t.start and t.end <= cand.start]
        if any(_stops_name(t) for t in gap):
            continue
        out = [c for c in out if c is not parent and c is not cand]
        out.append(PlaceMention(parent.start, cand.end, text[parent.start : cand.end], cand.type))
    return out


def _shared_suffix_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Names of a 、-list of proper stems sharing one suffix: 甲山、乙盖国家公园, 甲港、乙焦等产业带.

    Only a category suffix marked ``proper`` (two characters or more) that stands as a word of
    its own is shared, or a facility's suffix right after the list (甲、乙垃圾场; 甲、乙等机场
    are airports of two cities, not named ones); every element must be a short proper word
    (two to four characters), so 甲、乙等城市 or a list of verbs gives nothing. Each name keeps
    its element's span.
    """
    out: list[PlaceMention] = []
    rows_ = _suffix_rows()
    ends: set[int] | None = None
    at_start = {m.start(): m for m in _all_suffixes(text)}  # the suffix matched at each offset
    if not at_start:
        return out  # no suffix anywhere, so none at a word's start
    for k in [k for k, token in enumerate(tokens) if token.start in at_start]:
        token = tokens[k]
        m = at_start[token.start]
        ends = {t.end for t in tokens} if ends is None else ends
        row = rows_.get(m.group()) if m.end() in ends else None
        if row is None or len(row[0]) < 2 or row[0] in ("地区", *_LANDFORM_ENDS[1:]) or row[0][0] in _DIRECTIONS:
            continue  # 甲、乙等地区 is the two places themselves; 甲、乙南站 is one city's station; 甲三角、乙平原
        such_as = k > 0 and tokens[k - 1].text == "等"
        if not (row[3] or (row[1] == "Facility" and not such_as)):
            continue  # a facility suffix is shared only in a plain coordination (甲、乙垃圾场), not after 等
        j = k - 1 if such_as else k
        elements: list[Token] = []
        while j > 0 and _list_stem(tokens[j - 1]):
            elements.append(tokens[j - 1])
            if j < 2 or tokens[j - 2].text != "、":
                break
            j -= 2
        # the list opens after a verb, punctuation or a division (烟台|甲湾、乙经开区), or it closes with 等
        opened = such_as or j < 2 or _stops_name(tokens[j - 2]) or tokens[j - 2].text in _admin_names().names
        if len(elements) < 2 or not opened or tokens[j - 2].text == "、":
            continue
        for element in elements:
            if element.text in _regions()[1]:
                continue  # 京津冀、长三角、长江经济带: a named region listed beside a zone is that region, no zone
            out.append(PlaceMention(element.start, element.end, element.text + row[0], row[1], nested=True))
    return out


@cache
def _route_suffix_re() -> re.Pattern[str]:
    return re.compile(alternation(_ROUTE_SUFFIXES))


def _route_list_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Routes of a list sharing the route word after it: 甲乙、丙丁高铁; 甲乙和丙丁铁路; 甲至乙、丙至丁等铁路.

    Each element is the short names of a route's ends (read as :func:`_route_ends` reads them: 津|潍) or one
    place to another (甲至乙); every element must be one, and the list opens after a verb, punctuation or the
    sentence's start, so a list of other things before a route word gives nothing. Each name keeps its
    element's span.
    """
    out: list[PlaceMention] = []
    if _route_suffix_re().search(text) is None:
        return out  # the route word is a word of the text
    for k in [k for k, t in enumerate(tokens) if t.text in _ROUTE_SUFFIXES]:
        token = tokens[k]
        row = _suffix_rows().get(token.text)
        if row is None or token.text not in _ROUTE_SUFFIXES or token.text in _BETWEEN_ENDS_ONLY:
            continue
        j = k
        if j >= 2 and tokens[j - 1].text[0] in _CLASSIFIERS and tokens[j - 2].pos in ("m", "mq"):
            j -= 2  # 等4条|高铁
        glued = j > 0 and len(tokens[j - 1].text) > 1 and tokens[j - 1].text.endswith("等")  # 甲乙等/nr
        if j > 0 and tokens[j - 1].text == "等":
            j -= 1
        elements: list[tuple[int, int]] = []
        end = tokens[j - 1].end - (1 if glued else 0) if j > 0 else 0
        i = j - 1
        while i >= 0:
            i = _before_widening(tokens, i)
            if i < 0:
                break
            end = min(end, tokens[i].end)  # 甲乙扩容、丙丁等高速公路: the route widened is the element
            first = i
            while first > 0 and not _opens_route_list(tokens, first - 1):
                first -= 1
            elements.append((tokens[first].start, end))
            if first < 2 or tokens[first - 1].text not in _LIST_JOINERS:
                break
            end, i = tokens[first - 2].end, first - 2
        if len(elements) < 2 or not all(_names_route_ends(text, tokens, a, b) for a, b in elements):
            continue
        for a, b in elements:
            out.append(PlaceMention(a, b, text[a:b] + token.text, row[1], nested=True))
    return out


_LIST_JOINERS = frozenset({"、", "和", "与", "及"})  # 甲乙、丙丁高铁; 甲乙和丙丁铁路
_WIDENING_WORDS = frozenset({"扩容", "扩建", "改扩建"})
"""Works words a list writes right after a route's ends (甲乙扩容、丙丁等高速公路; 甲乙（扩建）): the route widened."""


def _before_widening(tokens: Sequence[Token], i: int) -> int:
    """The index of the last word before a widening word ending at ``tokens[i]`` (甲乙|扩容, 甲乙|（|扩建|）), else
    ``i``: a route list's element may name a route and its widening."""
    if tokens[i].text in _WIDENING_WORDS:
        return i - 1
    if tokens[i].text == "）" and i >= 2 and tokens[i - 1].text in _WIDENING_WORDS and tokens[i - 2].text == "（":
        return i - 3
    return i


def _crossing_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Crossings named by the places at their two ends before 等 (甲县乙市等过江通道: that crossing among others).

    The two ends are whole words naming divisions (their full or short names, two characters or more), the first
    right after a verb, punctuation or the sentence's start; the name is the ends and the crossing word, no 等.
    A crossing written right after its ends (甲乙过江通道) is read by the suffix rule."""
    out: list[PlaceMention] = []
    for k in range(3, len(tokens)):
        head = tokens[k]
        if head.text not in _CROSSINGS and text[head.start : head.start + 4] not in _CROSSINGS:
            continue
        a, b = tokens[k - 3], tokens[k - 2]
        ends = all(len(t.text) >= 2 and t.text in _admin_names().names for t in (a, b))
        if tokens[k - 1].text != "等" or not ends or (k > 3 and not _stops_name(tokens[k - 4])):
            continue
        crossing = text[head.start : head.start + 4]
        out.append(PlaceMention(a.start, head.start + len(crossing), a.text + b.text + crossing, "Facility"))
    return out


_LISTED_SETTLEMENTS = ("街道", "社区", "镇", "乡", "村")


def _settlement_list_candidates(found: Sequence[PlaceMention], tokens: Sequence[Token]) -> list[PlaceMention]:
    """Settlements of a 、-list sharing the settlement word of its last element (甲关、乙关街道, 丙里、丁原镇).

    The last element is a settlement the suffix rule found, its stem one word; every other element is one
    word of two or three characters, a noun or a new word (a village's name may be a common word: 金星, 红光),
    no generic place noun and no division's full name, and the list opens after a verb, punctuation or the
    sentence's start, so 农业、农村 (no village found) or a list of other things gives nothing.
    """
    out: list[PlaceMention] = []
    settlements = [c for c in found if not c.nested and c.name.endswith(_LISTED_SETTLEMENTS)]
    if not settlements:
        return out  # no settlement found: no list shares its settlement word
    starts = {t.start: k for k, t in enumerate(tokens)}
    for c in settlements:
        suffix = next(x for x in _LISTED_SETTLEMENTS if c.name.endswith(x))
        k = starts.get(c.start)
        if k is None or tokens[k].end != c.end - len(suffix):
            continue
        elements: list[Token] = []
        j = k
        while j >= 2 and tokens[j - 1].text == "、" and _settlement_stem(tokens[j - 2]):
            elements.append(tokens[j - 2])
            j -= 2
        if elements and (j == 0 or _stops_name(tokens[j - 1])):
            out += [PlaceMention(e.start, e.end, e.text + suffix, c.type, nested=True) for e in elements]
    return out


def _settlement_stem(token: Token) -> bool:
    """Whether a word can be a settlement's name in a list sharing the settlement word: two or three characters,
    a noun or a new word, no generic place noun and no division's full name."""
    text = token.text
    if not 2 <= len(text) <= 3 or text in word_set("place_generic.txt") or not all(map(is_cjk, text)):
        return False
    if by_name(text) or _suffix_type(text):
        return False  # 甲县、乙镇: whole places, not stems
    return token.pos.startswith("n") or not _known(text)


def _opens_route_list(tokens: Sequence[Token], i: int) -> bool:
    """Whether ``tokens[i]`` stops a route list's element: a joiner, verb, function word or punctuation but 至."""
    token = tokens[i]
    if token.text in _LIST_JOINERS:
        return True
    return token.text != "至" and (_stops_name(token) or token.text in word_set("place_verbal_nouns.txt"))


def _names_route_ends(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether ``text[a:b]`` names a route by its ends: their short names (甲乙, 津|潍) or from one place to
    another (甲市至乙县)."""
    if text[a:b] in _BELT_COURSES or (text[a] in _COMPASS_CHARS and text[a + 1 : b] in _BELT_COURSES):
        return True  # 北沿江、甲乙等高铁: a route named by the course it runs along (沿江, 沿海), a side of it
    words = [t for t in tokens if a <= t.start and (t.end <= b or (t.start < b == t.end - 1 and t.text.endswith("等")))]
    whole = _suffix_type(text[a:b])
    if not words or words[0].start != a or words[-1].end not in (b, b + 1) or (whole and whole[0] in _ROUTE_SUFFIXES):
        return False  # 甲乙铁路、丙丁铁路等铁路: the elements are whole routes, named on their own
    if words[-1].end == b + 1:  # 甲乙等/nr: the glued 等 is no part of the name
        words[-1] = Token(words[-1].text[:-1], words[-1].pos, words[-1].start, b)
    if len(words) == 3 and words[1].text == "至":
        ends = (words[0], words[2])
        named = [t for t in ends if _is_proper_stem(t) or t.pos == "ns" or t.text in _admin_names().names]
        return bool(named) and all(t in named or (len(t.text) >= 2 and not _stops_name(t)) for t in ends)
    return _route_ends(words) == a


def _list_stem(token: Token) -> bool:
    """Whether a word can be one stem of a suffix-sharing list: a short proper word, not a division's full name."""
    if not 2 <= len(token.text) <= 4 or token.text in word_set("place_generic.txt"):
        return False
    found = _suffix_type(token.text)
    if (by_name(token.text) and token.text.endswith(_LEVEL_WORDS)) or (found and len(found[0]) > 1):
        return False  # 甲市、乙市等产业带, 甲经开区、乙|高新区: whole places, not stems (太行山 is one)
    return _is_proper_stem(token) or token.text in _regions()[1]


def _is_generic_tail(stem: str, suffix: str) -> bool:
    """Whether ``suffix`` is a generic tail after a stem that is a zone's full name: 甲河流域|地区 is 甲河流域."""
    if suffix != "地区":
        return False
    found = _suffix_type(stem)
    return found is not None and found[1] == "Area" and 2 <= len(found[0]) < len(stem)  # 台湾|地区 is one name


def _token_at(tokens: Sequence[Token], length: int) -> list[int]:
    """For every character offset, the index of the token covering it."""
    at = [k for k, t in enumerate(tokens) for _ in t.text]  # a token's text spans start to end
    at.extend([len(tokens)] * (length + 1 - len(at)))
    return at


def _stem_start(tokens: Sequence[Token], k: int, suffix_start: int, suffix: str, head: Token) -> int | None:
    """Where the name whose suffix starts at ``suffix_start`` (in token ``k``, read as ``head``) begins, or ``None``.

    The stem is the run of words left of the suffix up to a verb, function word, counted
    classifier or punctuation. It opens at its first proper word (a place, person or body tag,
    or a word the dictionary does not know: 加快建设|甲丰路); without one, common words make the
    stem (人民公园, 和平大街) except for the category suffixes marked ``proper`` in the table
    (人均地区, 民族地区, 城乡社区 are no names). When the suffix ends a longer word, that word
    is the stem if it is proper (甲滑河, 黄河) or a word plus the suffix (文化路), never a
    person's name (朱江) nor a common word with a one-character stem (农村, 新路).
    """
    _, typ, _, strict = _suffix_rows()[suffix]
    if head.start < suffix_start:
        own_level = head.text[: suffix_start - head.start] in _LEVEL_WORDS and (k == 0 or _stops_name(tokens[k - 1]))
        if own_level and typ == "Area":
            return head.start  # 支持|市经|开区: the segmenter glues the level word to the zone's suffix
        settlement = suffix in _SETTLEMENT_SUFFIXES and len(head.text) >= 3
        person = head.pos.startswith("nr") and not settlement  # 梁水镇/nr, 王庄村/nr: a new settlement name, no person
        if person or (k > 0 and tokens[k - 1].pos in ("m", "mq") and head.text[0] in _CLASSIFIERS):
            return None  # a person (朱江) or a count (19|个村)
        if head.text[0] in _JOINERS and not _known(head.text):
            return head.start + 1 if suffix_start - head.start >= 2 else None  # 及|滂江 glued by the segmenter
        stem = head.text[: suffix_start - head.start]
        category = strict and len(suffix) > 1 and typ in ("Area", "Community")
        whole_place = head.pos == "ns" and suffix != "地区"  # 辽西走廊, 腾格里沙漠: one place word
        if category and _known(head.text) and not (stem in _admin_names().names or not _known(stem) or whole_place):
            return None  # a dictionary compound of a category suffix: 周边地区, 内陆地区
        kind_stem = _known(stem) and _word_tag(stem) not in _PLACE_WORD_TAGS
        if suffix in _KIND_SUFFIXES and _known(head.text) and head.pos != "ns" and kind_stem:
            return None  # 贫困村, 热电站, 堰塞湖, 普通中学: a dictionary word for a kind of village, station, lake
        stem_word = len(stem) >= 2 and len(suffix) == 1 and not strict and _known(stem)
        named = _is_proper(head) or (head.pos == "nz" and len(suffix) > 1 and len(stem) >= 2)  # 京沪铁路
        named = named or (len(suffix) > 1 and len(stem) >= 2 and stem in _admin_names().names)  # 甲门|水库/n
        if (named and (_known(head.text) or len(stem) >= 2)) or stem_word:
            return _second_place(head, suffix_start)  # the word is the name: 黄河, 甲滑河, 文化路
        return None  # a common word ending in the suffix (农村, 新路, 技术开发区) or an unknown 入河
    if strict and len(suffix) == 1 and suffix not in _placed_suffixes():
        return None  # a one-character category suffix as a word of its own (新疆|山) is a common noun
    road_word = suffix in _STREET_SUFFIXES and k > 0 and tokens[k - 1].text in word_set("place_road_words.txt")
    if road_word and (k == 1 or _stops_name(tokens[k - 2])):
        return tokens[k - 1].start  # 解放/v|大道, 团结/a|路: a road named by a word read as a verb or adjective
    j = k - 1
    longest = _MAX_DESIGNATION_STEM if suffix in _placed_suffixes() else _MAX_STEM
    while j >= 0 and _inside_name(tokens[j]) and suffix_start - tokens[j].start <= longest:
        counted = tokens[j].pos == "q" or tokens[j].text[0] in _CLASSIFIERS
        if counted and (j == 0 or tokens[j - 1].pos in ("m", "mq")):
            break  # 12个|社区: a count, not a stem
        j -= 1
    run = list(tokens[j + 1 : k])
    block = _proper_block(run)
    block = _compass_opening(run, block, typ == "Area")
    if block is not None:
        block = _cut_place_start(run, block)
    if block is not None and suffix in _placed_suffixes():
        block = _designation_place(run, block)
    if block is not None and any(t.start > block and t.text in _ACTION_VERBS for t in run):
        block = None  # 甲市|建设|工业设计集聚区: the city is the verb's subject, the zone has no name of its own
    if block is None and len(run) == 1 and run[0].text in _LEVEL_WORDS and typ == "Area":
        return run[0].start  # 市|高新区: the zone of the document's own city
    if block is None and suffix in _CLUSTER_SUFFIXES:
        members = _members_start(tokens, k)
        if members is not None:
            return members  # 甲乙丙|都市圈, 兰白定临|城市群: a cluster named by its cities' short names
    counted = j >= 1 and tokens[j].text[0] in _CLASSIFIERS and tokens[j - 1].pos in ("m", "mq")
    ends = _route_ends(run, counted) if block is None and suffix in _ROUTE_SUFFIXES else None
    if ends is not None:
        return ends  # 成渝|铁路, 津|潍|高铁, 港珠澳|大桥: a route named by the short names of its ends
    if block is None and suffix in _NATIONAL_SUFFIXES and run and _names_a_national_site(run[-1]):
        region = len(run) >= 2 and (run[-2].pos == "ns" or run[-2].text in _regions()[1])
        return run[-2 if region else -1].start  # 大熊猫|国家公园, 东北|虎豹|国家公园: a species or landscape
    verbal = word_set("place_verbal_nouns.txt")
    course = run and run[-1].text in _BELT_COURSES and all(t.text in verbal for t in run[:-1])
    if block is None and suffix.endswith("带") and course:
        return run[-1].start  # (建设|)沿海|经济带, 沿边|城镇带: a belt named by what it runs along
    if block is None and suffix in _COURSE_ROUTE_WORDS and course and not _heads_a_corridor(tokens, k):
        return run[-1].start  # 沿淮|铁路, 沿边|铁路: a line named by its course (the national railway plan)
    if block is not None or strict:
        return block
    cut = max((i + 1 for i, t in enumerate(run) if t.text in verbal), default=0)
    run = run[cut:]
    generic = word_set("place_generic.txt")
    while run and (run[0].pos in _NO_OPENING or run[0].text in generic or run[0].text.startswith("以")):
        run.pop(0)  # 所有|省级|以上, 繁华, 老城区|现有: not the opening of a name
    return run[-3:][0].start if run else None


_BELT_COURSES = frozenset({"沿海", "沿边", "沿江", "沿黄", "沿淮"})
_COURSE_ROUTE_WORDS = frozenset({"高铁", "高速铁路", "铁路", "城际铁路"})  # railways named by their course (沿江高铁)
_CORRIDOR_WORDS = frozenset({"通道", "大通道", "走廊"})


def _heads_a_corridor(tokens: Sequence[Token], k: int) -> bool:
    """Whether the route word ``tokens[k]`` opens a corridor's head (沿海|高铁|通道: the corridor, no line)."""
    return k + 1 < len(tokens) and tokens[k + 1].text in _CORRIDOR_WORDS
"""The courses a planned belt runs along, naming it (沿海经济带, 沿边城镇带: the coast, the border, the river)."""
_SETTLEMENT_SUFFIXES = frozenset({"镇", "乡", "村"})
_SETTLEMENT_TYPES = frozenset({"Town", "Subdistrict", "Village", "Community", "District", "County"})
_REACHED_SUFFIXES = frozenset({"国家文化公园"})  # parks built in reaches, each named with its own (甲段)
_REACH_RE = re.compile(r"[（(][\u4e00-\u9fff]{1,8}段[）)]")
_HOUSE_NUMBER_RE = re.compile(r"(?:壹|一|1)号(?:院)?(?![\d楼])")  # residential compounds named 某某壹号(院)
_ACTION_VERBS = frozenset({"建设", "新建", "改造", "提升", "深化"})  # verbal nouns never inside a zone's name
_STREET_SUFFIXES = frozenset({"路", "街", "大道", "大街"})  # the suffixes of town streets (not 高速: 建设|高速宽带)
_CROSSINGS = frozenset({"过江通道", "跨江通道", "跨海通道"})  # crossings named by their two ends (甲乙过江通道)
# routes named by their ends' one-character short names (成渝铁路, 津潍高铁, 京津城际)
_ROUTE_SUFFIXES = frozenset(
    {"铁路", "复线", "高速", "大桥", "高铁", "城际", "城际铁路", "高速公路", "高速铁路", "公路"}
    | _CROSSINGS
)
_ABBREVIATION_TAGS = frozenset({"j", "nr", "ns", "nz"})
_MAX_ENDS = 4  # 港珠澳, 沪渝蓉, 包鄂榆: three or four ends at most
_LINE_WORDS = frozenset({"中线", "东线", "西线", "南线", "北线"})  # two lines between the same ends (甲乙中线高铁)
_BETWEEN_ENDS_ONLY = frozenset({"公路"})  # a generic route word that names a road only from one end to the other


def _route_ends(run: Sequence[Token], counted: bool = False) -> int | None:
    """Where the short names of a route's ends start in the words before its suffix, or ``None``.

    After a leading verbal noun (建设|成渝) they are one word that can abbreviate the ends (成渝, 伊阿), or two
    or three short words the segmenter split them into (津/j|潍/ns, 包鄂/nr|榆/ns), one a single character and
    each an abbreviation, a place or a new word: two to four characters in all, every one a character of some
    division's short name or a province's abbreviation (续建, 力争 and 跨境 are no ends), not only compass
    characters (东|中西: a direction). A counted route (6条|续建|高铁) is a kind, not a name.
    """
    verbal = word_set("place_verbal_nouns.txt")
    cut = max((i + 1 for i, t in enumerate(run) if t.text in verbal), default=0)
    run = run[cut:]
    if counted or not run:
        return None
    if len(run) >= 2 and (run[-1].text in _LINE_WORDS or run[-1].text in _BELT_COURSES):
        return _route_ends(run[:-1])  # 甲乙|中线|高铁, 甲乙丙|沿江|高铁: one of the lines between the same ends
    for i in range(len(run)):
        ends = run[i:]
        text = "".join(t.text for t in ends)
        if not 2 <= len(text) <= _MAX_ENDS or "等" in text or all(c in _DIRECTIONS for c in text):
            continue
        if not all(c in _end_characters() for c in text):
            continue
        if len(ends) == 1 and i == 0 and _abbreviates_ends(ends[0]):
            return ends[0].start
        if len(ends) > 1 and min(len(t.text) for t in ends) == 1 and _split_ends(ends):
            return ends[0].start
    return None


def _split_ends(ends: Sequence[Token]) -> bool:
    """Whether the short words before a route's suffix are its ends' short names split by the segmenter: each one
    abbreviates an end (津/j|潍/ns), or all but one do and that one is a single character the segmenter read as a
    plain word (亳/ns|黄/a: 黄 of an end's short name, no verb or function word)."""
    odd = [t for t in ends if not _abbreviates_one_end(t)]
    if not odd:
        return True
    plain = len(odd) == 1 < len(ends) and len(odd[0].text) == 1 and odd[0].text not in _DIRECTIONS
    generic = any(t.text in word_set("place_generic.txt") for t in ends)  # 城市/ns|间/f: between cities, no end
    return plain and not generic and not _stops_name(odd[0]) and odd[0].pos != "f"


def _abbreviates_one_end(token: Token) -> bool:
    """Whether one short word of a split route name can abbreviate one or two of its ends: a single character
    tagged as an abbreviation or a name (津/j, 潍/ns), or two characters that are a new word, a division's
    name or a place or abbreviation word (包鄂/nr unknown, 京港/ns)."""
    if not is_cjk(token.text[0]) or len(token.text) > 2:
        return False
    if len(token.text) == 1:
        return token.pos in _ABBREVIATION_TAGS
    return not _known(token.text) or token.text in _admin_names().names or token.pos in ("ns", "j")


@cache
def _end_characters() -> frozenset[str]:
    """The characters of the divisions' short names and the provinces' abbreviations: what a route's ends are
    abbreviated with (成渝, 津潍, 包鄂榆)."""
    chars = {c for d in all_divisions() for c in (short_name(d.name) or d.name)}
    return frozenset(chars | {r[0] for r in data_rows("kg.loaders", "province_abbreviations.tsv")})


_CLUSTER_SUFFIXES = frozenset(
    {"都市圈", "大都市圈", "城市圈", "城市群", "城镇群", "经济圈", "国家自主创新示范区", "文化带", "旅游带"}
)
_MAX_MEMBERS = 5  # 呼包鄂榆, 兰白定临: four or five cities at most


def _members_start(tokens: Sequence[Token], k: int) -> int | None:
    """Where the one-character short names of a city cluster's members start before its suffix ``tokens[k]``
    (甲乙丙都市圈, 甲乙丙丁城市群), or ``None``.

    The segmenter cuts and tags such runs at random (长株/q|潭/n, 兰白定/nr|临/v), so the words are read by their
    characters alone: every one the first or last character of a prefecture-level city's short name or a
    province's abbreviation, two to five of them, after a word that is none (a verb, punctuation) or the
    sentence's start.
    """
    chars = _city_characters()
    j = k
    while j > 0 and len(tokens[j - 1].text) <= 3 and all(c in chars for c in tokens[j - 1].text):
        j -= 1
    if j == k or tokens[j].text in word_set("place_generic.txt"):
        return None
    size = tokens[k - 1].end - tokens[j].start
    if not 2 <= size <= _MAX_MEMBERS or all(c in _DIRECTIONS for t in tokens[j:k] for c in t.text):
        return None
    if j > 0 and not (_stops_name(tokens[j - 1]) or tokens[j - 1].text in word_set("place_verbal_nouns.txt")):
        return None  # 甲地区|乙丙: the run is the end of a longer word, not the members' names
    return tokens[j].start


def _quoted_cluster_candidates(text: str) -> list[PlaceMention]:
    """City clusters named by their members' short names in quotes (“甲乙丙丁”城市群), quotes kept as written: two to
    five characters, every one a character of a division's short name or a province's abbreviation (the quotes and
    the cluster's suffix say it is a list of members, so a county-level member counts too), a numeral character among
    them only beside two others (十 of 十堰, 六 of 六安)."""
    chars = _end_characters()
    out: list[PlaceMention] = []
    for m in _QUOTED_CLUSTER_RE.finditer(text):
        members = m.group(1)
        plain = [c for c in members if c not in _NUMERALS]  # “甲十乙丙”: 十 of 十堰, a member; “两横三纵”: a count
        if all(c in chars for c in members) and len(plain) >= 2 and not all(c in _DIRECTIONS for c in members):
            out.append(PlaceMention(m.start(), m.end(), m.group(), "Area"))
    return out


_QUOTED_CLUSTER_RE = re.compile(rf"“([{CJK}]{{2,{_MAX_MEMBERS}}})”(?:{alternation(_CLUSTER_SUFFIXES)})")


@cache
def _city_characters() -> frozenset[str]:
    """The first and last characters of the short names of prefecture-level cities, and the provinces'
    abbreviations: what a city cluster's name is made of (长株潭, 呼包鄂榆)."""
    chars = set()
    for d in all_divisions():
        if d.kind == "city":
            name = short_name(d.name) or d.name
            chars |= {name[0], name[-1]}
    return frozenset(chars | {r[0] for r in data_rows("kg.loaders", "province_abbreviations.tsv")})


def _route_origin(tokens: Sequence[Token], at: list[int], start: int) -> int:
    """Where a route named from one end to the other starts (甲市至乙县高铁, 甲至乙铁路): at the first end, a
    division or place word right before 至; else ``start``."""
    k = at[start]
    if k < 2 or tokens[k].start != start or tokens[k - 1].text != "至":
        return start
    origin = tokens[k - 2]
    named = len(origin.text) >= 2 and (_is_proper_stem(origin) or origin.pos == "ns")
    return origin.start if named and origin.text not in word_set("place_generic.txt") else start


def _abbreviates_ends(token: Token) -> bool:
    """Whether the one word before a route's suffix can be the short names of its ends (成渝, 伊阿, 港珠澳): two
    to four characters, no generic place word, and a word the dictionary does not know or tags as an
    abbreviation or a name (跨境|铁路, 城际|铁路 are kinds of railway)."""
    text = token.text
    if not 2 <= len(text) <= 4 or text in word_set("place_generic.txt") or not all(is_cjk(c) for c in text):
        return False
    verbal = text in word_set("place_verbal_nouns.txt")
    if verbal or (_known(text) and any(tag.startswith("v") for _, tag in segmenter().tag(text, False))):
        return False  # 深化/j|铁路: a verb the segmenter tags as an abbreviation
    return token.pos in _ABBREVIATION_TAGS or (not _known(text) and token.pos not in _STOP_TAGS)


# national designations whose names are often common nouns (大熊猫, 东北虎豹, 长征)
_NATIONAL_SUFFIXES = frozenset({"国家公园", "国家文化公园"})


def _names_a_national_site(token: Token) -> bool:
    """Whether the word before a national designation names the site: a plain noun of two characters or more
    that is no generic place word and no verbal or descriptive noun (建设|国家公园, 创建|国家公园 name none)."""
    text = token.text
    return (
        token.pos in ("n", "nz")
        and len(text) >= 2
        and text not in word_set("place_generic.txt")
        and not (text.endswith(_DESCRIPTOR_ENDS) or text in word_set("place_verbal_nouns.txt"))
    )


def _inside_name(token: Token) -> bool:
    """Whether a word may sit inside a suffix name's stem: no verb, function word or punctuation, except a
    division the segmenter tags as a verb (包头/v, 保定/v, 开封/v: 包头|稀土高新技术产业开发区)."""
    return not _stops_name(token) or token.text in _admin_names().names


def _is_proper_stem(token: Token) -> bool:
    """Whether a word left of a suffix names something: a division, a new word, or a long or place-like proper word.

    The dictionary's tags on short common words are unreliable (养老 ``nr``), so a known
    two-character person or body word counts only when it is a division (浦东) or itself a
    place name ending in a place suffix (长江|经济带); a known ``ns`` word counts (陇东|南|经济带)
    unless ``place_generic.txt`` lists it (美丽, 新建: common words tagged ``ns``).
    """
    if token.text in _admin_names().names:
        return True
    if len(token.text) > 2 and token.text.endswith("等"):
        return False  # 甲乙丙等/ns: the segmenter glued the list's 等 to its last word
    if not _known(token.text):
        return _is_proper(token)
    if token.pos == "ns":
        return len(token.text) >= 2  # 陇东, 关中; common words it mis-tags ns are in place_generic.txt
    if token.pos not in _PROPER_TAGS:
        return False  # a known nz is a term (嵌入式, 保卫战), not a name
    found = _suffix_type(token.text)
    return len(token.text) >= 3 or (found is not None and len(found[0]) < len(token.text))


_NO_OPENING = frozenset({"a", "ad", "b", "j", "nt"})
"""Tags of common words that do not open a name made of common words (adjectives, distinguishing words, bodies)."""


def _proper_block(run: Sequence[Token]) -> int | None:
    """The start of the proper words closest to the suffix in ``run`` (若尔盖|国家公园), or ``None``.

    Adjacent proper words join (陇东|南|经济带); a body's name (``nt``) is no part of a place's
    stem (中国科学院|赣江). The block may sit behind common words (若尔盖|国家|公园).
    """
    generic = word_set("place_generic.txt")

    def names(t: Token) -> bool:
        return _is_proper_stem(t) and t.pos != "nt" and t.text not in generic

    i = len(run) - 1
    while i >= 0 and not names(run[i]):
        i -= 1
    start = None
    while i >= 0 and names(run[i]):
        start = run[i].start
        i -= 1
    return start


_INNER_ZONE_ENDS = ("开发区", "新区", "园区", "高新区", "经开区", "示范区", "试验区")


def _names_a_zone_inside(tokens: Sequence[Token], at: list[int], start: int, suffix_start: int) -> bool:
    """Whether a designation's stem holds a word ending in a zone's suffix (甲|经济|技术开发区|国家级零碳|园区): the
    zone named there receives the designation, which names no zone of its own."""
    return any(t.text.endswith(_INNER_ZONE_ENDS) for t in tokens[at[start] : at[suffix_start]] if t.end <= suffix_start)


def _compass_opening(run: Sequence[Token], block: int | None, zone: bool) -> int | None:
    """Where a stem opening on a province's region named by its abbreviation and a compass word starts (川|西北|生态
    示范区: the compass rule's 川西北), when the proper words found start later or there are none; else ``block``.
    Only a zone's stem runs on after the pair (a route's ends are the pair itself: 渝|西|高铁)."""
    for i in range(len(run) - 1):
        if block is not None and run[i].start >= block:
            break
        if not zone and i + 2 < len(run):
            continue
        if run[i].text in _province_abbreviations() and run[i + 1].text in _COMPASS:
            return run[i].start
    return block


def _designation_place(run: Sequence[Token], block: int) -> int:
    """Where a designation's name starts when its proper words closest to the suffix are no place (甲市|国家|现代|
    乙化工|产业|示范区: a new word for the industry): at the place word the run opens with, if any, else ``block``."""
    first = next((t for t in run if t.start == block), None)
    if first is None or _place_opener(first.text):
        return block
    return next((t.start for t in run if t.start < block and _place_opener(t.text)), block)


def _place_opener(word: str) -> bool:
    """Whether a word can open a designation's name: a division's or a region's name or an ``ns`` word of two
    characters or more that is no generic word (as :func:`_opens_on_place` reads the opener)."""
    if len(word) < 2 or word in word_set("place_generic.txt"):
        return False
    return word in _admin_names().names or word in _regions()[1] or _word_tag(word) == "ns"


def _cut_place_start(run: Sequence[Token], block: int) -> int:
    """Where a stem's proper words start once a place name the segmenter cut after its first character is mended
    (天/q|山北坡: 天山 is the place word, so the one-character word before the block opens the name)."""
    i = next(i for i, t in enumerate(run) if t.start == block)
    if i == 0 or len(run[i - 1].text) != 1 or not is_cjk(run[i - 1].text) or run[i - 1].text in _DIRECTIONS:
        return block  # 南|北盘江: 南 of 南、北盘江, another place's direction
    joined = run[i - 1].text + run[i].text[:1]
    place = joined in _admin_names().names or (_known(joined) and _word_tag(joined) == "ns")
    return run[i - 1].start if place and joined not in word_set("place_generic.txt") else block


def _second_place(head: Token, suffix_start: int) -> int:
    """Where the place ending at the suffix starts in ``head``: after a first place glued to it (长江|黄河).

    A direction and a one-character suffix left over (中山|北路, 人民|南街) is no second place: the
    direction belongs to the first name's road; nor is a bare suffix (甲东|国际机场, 乙山|群岛: the place names
    the airport, the islands)."""
    for i in range(head.start + 2, suffix_start):
        rest = head.text[i - head.start :]
        if (len(rest) <= 2 and rest[0] in _DIRECTIONS) or rest in _suffix_rows():
            continue
        if head.text[: i - head.start] and _word_tag(head.text[: i - head.start]) == "ns" and _known(rest):
            return i
    return head.start


def _splits_after_place(token: Token, text: str, cut: int) -> bool:
    """Whether ``token`` is a place word glued to a following word (长江|上游, 黄河|流域) cut at ``cut``."""
    head, rest = text[token.start : cut], text[cut : token.end]
    return token.start < cut < token.end and len(rest) >= 2 and _known(rest) and _word_tag(head) in ("ns", "nr")


@lru_cache(maxsize=1 << 16)
@lru_cache(maxsize=1 << 16)
def _word_tag(word: str) -> str | None:
    """The segmenter's tag of ``word`` when it is one word, else ``None``."""
    found = tokenize(word)
    return found[0].pos if len(found) == 1 else None


_BYLINE_ENDS = ("记者", "通讯员", "摄影")  # a person's name follows these in a byline (本报记者X)


def _after_byline(tokens: Sequence[Token], at: list[int], start: int) -> bool:
    """Whether the name at ``start`` follows a reporter's byline word, so names a person."""
    k = at[start]
    return k > 0 and tokens[k - 1].text.endswith(_BYLINE_ENDS)


@lru_cache(maxsize=16)
def _all_suffixes(text: str) -> tuple[re.Match[str], ...]:
    """Every suffix occurrence, overlapping ones included (城 and 河 in 甲城乙河): the match at each offset where one
    starts. Cached for the sentence being read (the suffix and the shared-suffix rules both ask)."""
    out = []
    pos = 0
    search = _suffix_re().search
    while (m := search(text, pos)) is not None:
        out.append(m)
        pos = m.start() + 1
    return tuple(out)


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
    if not _counted_noun_re().search(text):
        return out  # the count's noun opens with a counted noun, so the text holds one
    for m in _COUNT_RE.finditer(text):
        noun = m.group(3)
        if not noun.startswith(_COUNTED_NOUNS):
            continue  # most numbers count no place (3个, 10%): told by one startswith
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
                if found is None and len(parts) < 2 and typ in ("Area", "Landmark"):
                    continue  # 甲乙融合智造等2个园区: one unsuffixed phrase before 等 names nothing for sure
                out.append(PlaceMention(start, start + len(name), name, found[1] if found else typ))
    return out


@cache
def _counted_noun_re() -> re.Pattern[str]:
    return re.compile(alternation(_COUNTED_NOUNS))


def _count_value(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    digits = dict(zip("一二三四五六七八九", range(1, 10), strict=True)) | {"两": 2, "十": 10}
    if len(s) == 1:
        return digits.get(s)
    if len(s) == 2 and s[0] == "十":
        return 10 + digits.get(s[1], 0)
    return None


_PHASED_WORK_RE = re.compile(r"([\u4e00-\u9fff]{2})(机场|港)(?=[一二三四五六七八九十]{1,2}期|等?前期工作|改?扩建|迁建)")
"""A port or airport of a two-character site, then its phase or stage of works (甲乙机场三期, 丙丁港迁建)."""
_SITE_TAGS = frozenset({"nr", "nrt", "ns", "nz", "s"})
"""Tags of known words that can name a works' site (凤凰/nr, 东方/s): people's names and localities."""


def _phased_works_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Ports and airports named with their phase or stage of works, on a site word the suffix rules do not take.

    A phase number (三期, 二期) or a stage of works (等前期工作, 改扩建, 迁建) is said only of a works, so the
    two characters before 港 or 机场 name its site even when they are a known person's name or locality
    word (凤凰, 东方) or a new word the segmenter tags as a verb; the phase is no part of the name (the
    work is the place). The site must open on a word boundary after a verb, function word or punctuation,
    and no word of it may be a known verb or function word (推动|机场三期 names no airport).
    """
    if ("期" not in text and "建" not in text) or ("港" not in text and "机场" not in text):
        return []
    matches = list(_PHASED_WORK_RE.finditer(text))
    if not matches:
        return []
    at = _token_at(tokens, len(text))
    starts = {t.start for t in tokens}
    generic = word_set("place_generic.txt")
    out: list[PlaceMention] = []
    for m in matches:
        a, b = m.start(), m.end(1)
        if a not in starts or m.group(1) in generic:
            continue
        k = at[a]
        if k > 0 and not (_stops_name(tokens[k - 1]) or tokens[k - 1].pos.startswith("v")):
            continue  # 甲市|乙丙机场: the site's words run on to the left, the suffix rules read that name
        words = [t for t in tokens[k : at[b - 1] + 1] if t.end <= b]  # the site's own words (虞公港 is one word)
        if any(_known(t.text) and t.pos not in _SITE_TAGS for t in words):
            continue  # 推动|机场三期, 国际|机场: a verb or common word, no site
        out.append(PlaceMention(a, m.end(), m.group(), "Facility"))
    return out


def place_mentions(
    text: str, ctx: DocContext | None = None, tokens: Sequence[Token] | None = None
) -> list[PlaceMention]:
    """Places named in one string, longest non-overlapping spans first (nested divisions kept).

    ``tokens`` are the segmenter's words of ``text`` (computed when not given). A division and
    a suffix name over the same span are the division (湛江 is a city, not a river).
    """
    if tokens is None:
        tokens = tokenize(text)
    if [t for t in tokens if t.pos == "x" and "\u4e00" <= t.text[0] <= "\u9fff"]:  # a CJK word tagged x (is_cjk)
        tokens = _rare_words_as_names(tokens)
    admin = _admin_candidates(text, ctx, tokens)
    if "、" in text:
        admin += _listed_stopped_divisions(tokens, ctx, admin)
    rest = _region_candidates(text, tokens) + _list_candidates(text) + _suffix_candidates(text, tokens)
    rest += _compass_region_candidates(text, tokens) + _feature_word_candidates(text, tokens)
    rest += _macro_region_candidates(text, tokens) + _water_word_candidates(text, tokens, ctx)
    if "（" in text:
        rest += _bracketed_zone_candidates(text, tokens)
    rest += _shared_suffix_candidates(text, tokens) + _route_list_candidates(text, tokens)
    if "等过" in text or "等跨" in text:
        rest += _crossing_candidates(text, tokens)
    zones = _zone_grammar_candidates(text, tokens)
    if "国家" in text and "试验区" in text:
        rest += _national_pilot_candidates(text, tokens)
    if zones:
        rest = [c for c in rest if not any(z.end == c.end and c.start < z.start for z in zones)] + zones
    if any(d in text for d in _RANGE_DASHES):
        rest += _dashed_route_candidates(text, tokens)
    if "至" in text:
        rest += _end_to_end_route_candidates(text, tokens)
    if "水" in text or "矿" in text:
        rest += _broken_works_candidates(text, tokens)
    if "”" in text:
        rest += _quoted_cluster_candidates(text)
    rest += _phased_works_candidates(text, tokens)
    rest += _settlement_list_candidates(rest, tokens)
    if admin or rest:
        by_start = _first_by_start(tokens)
        rest = [c for c in rest if not _in_company_name(c, by_start)]
        if "“" in text:
            slogans = _quoted_spans(text)
            rest = [c for c in rest if not any(a <= c.start and c.end <= b for a, b in slogans)]
            # “甲蓉计划”: a county's short name inside a longer quoted name labels the programme or slogan
            admin = [c for c in admin if not (_county_short_name(c) and _inside_longer(c, slogans))]
        admin = [c for c in admin if not _in_company_name(c, by_start)]
    chosen: list[PlaceMention] = []
    for cand in sorted(admin + rest, key=lambda c: (-(c.end - c.start), c.start)):
        if any(c.start < cand.end and cand.start < c.end for c in chosen):
            inside_zone = any(c.whole and c.start <= cand.start and cand.end <= c.end for c in chosen)
            if cand.nested and not inside_zone and all(c.name != cand.name for c in chosen):
                chosen.append(cand)
            elif cand.code is not None or (cand in admin and cand.type in ("Province", "City")):
                outer = [c for c in chosen if c.start <= cand.start and cand.end <= c.end]
                landform = any(c.name.endswith(_LANDFORM_ENDS) for c in outer)  # 黑河|流域, 甲州|湾: named after it
                labels = _county_short_name(cand) and not _listed_after_place(cand, admin, text)
                spanned = all(
                    c.code is None
                    and ((c.type == "Area" and not labels) or _locates(c, cand))
                    for c in outer
                )
                own = any(c.whole and c.end == cand.end for c in outer)  # 甲市|乙新区: the district's own name
                if outer and not landform and spanned and not own:
                    chosen.append(cand)  # inside 某某都市圈, an end of 甲市至乙县铁路, before 丙|丁滩水电站: a place
            continue
        chosen.append(cand)
    chosen = [c for c in chosen if c.type != _SECTION]  # 甲高铁|乙至丙段: the section held its ends, the route is named
    if "、" in text:
        chosen = _with_listed_joint_zones(chosen, text, tokens)
    chosen = _with_listed_rivers(chosen, text, tokens)
    if any(d in text for d in _RANGE_DASHES):
        chosen = _dash_joined(chosen, text, tokens)
    if "流域" in text:
        chosen = _basins_as_rivers(chosen)
    if _EVENT_RE.search(text):
        chosen = [c for c in chosen if not _opens_event_name(c, tokens)]
    return sorted(chosen, key=lambda c: c.start)


_ITEM_STOPS = "、，。；：（）“”"


def _with_listed_joint_zones(chosen: list[PlaceMention], text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """The mentions with the zones of a 、-list of members' joint short names before a zone named by the zone grammar
    (甲乙、甲丙、甲丁产业走廊: three corridors): each item takes the topic and head of the zone it is listed before,
    its own span and members (the shared head split, as the golds split 甲乙、丙丁高铁); an item's numeral character
    names a member there (六 of 六安), and the list must open after a verb, function word or punctuation."""
    added: list[PlaceMention] = []
    for m in chosen:
        if m.type != "Area" or m.code is not None or m.start < 3 or text[m.start - 1] != "、":
            continue
        head = _joint_stem_end(m, text, tokens)
        if head is None:
            continue
        end = m.start - 1
        while end >= 2 and text[end] == "、":
            start = _joint_item_start(text, tokens, end)
            if start is None:
                break
            name = text[start:end] + m.name[head:]
            added.append(PlaceMention(start, end, name, m.type, whole=True, across=m.across or _provincial_joint(name)))
            end = start - 1
    if not added:
        return chosen
    kept = [c for c in chosen if not any(a.start < c.end and c.start < a.end for a in added)]
    return sorted(kept + added, key=lambda c: c.start)


def _joint_stem_end(mention: PlaceMention, text: str, tokens: Sequence[Token]) -> int | None:
    """Where the members' joint short names that open a zone's name end in it (甲乙|产业走廊 → 2), or ``None``: the
    longest run of two to four members' characters that ends on a word boundary and leaves a topic and head."""
    ends = {t.end for t in tokens}
    chars = _joint_characters()
    for n in range(min(_MAX_JOINT, len(mention.name) - 2), 1, -1):
        stem = mention.name[:n]
        if all(c in chars for c in stem) and mention.start + n in ends and stem[0] not in _DIRECTIONS:
            return n
    return None


def _joint_item_start(text: str, tokens: Sequence[Token], end: int) -> int | None:
    """Where the list item of members' joint short names ending at ``end`` (before a 、) starts, or ``None``: two
    to four members' characters, not all numerals nor a division's name, after a 、, a stop word or the start."""
    chars = _joint_characters()
    by_end = {t.end: t for t in tokens}
    for start in range(max(0, end - _MAX_JOINT), end - 1):
        item = text[start:end]
        if any(c in _ITEM_STOPS for c in item) or not all(c in chars for c in item) or item[0] in _DIRECTIONS:
            continue
        if all(c in _NUMERALS for c in item) or item in _admin_names().names:
            return None
        before = by_end.get(start)
        if start == 0 or (before is not None and (before.text == "、" or _stops_name(before))):
            return start
    return None


def _rare_words_as_names(tokens: Sequence[Token]) -> list[Token]:
    """The words with those of rare characters tagged as new proper words (澜湄/x → nz): the segmenter tags a
    Chinese word it cannot read at all like punctuation, and such words are mostly short names (a route's or an
    airport's ends, a basin's), not stops of a name."""
    return [Token(t.text, "nz", t.start, t.end) if t.pos == "x" and is_cjk(t.text[0]) else t for t in tokens]


def _basins_as_rivers(chosen: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions without a river's basin written beside its river (甲河|流域): the basin is entered as the river
    (the dev gold's calls, liaocheng-2023, national-2024, sichuan-2026; GUIDELINES.md types a basin Area only where
    it is named apart from a river, 四大流域)."""
    rivers = {(c.start, c.name) for c in chosen if c.type == "River"}
    return [c for c in chosen if not (c.name.endswith("流域") and (c.start, c.name[:-2]) in rivers)]


_EVENT_HEADS = (
    "马拉松", "博览会", "交易会", "运动会", "现场会", "推进会", "峰会", "文化节", "旅游节", "艺术节", "大赛"
)  # races, fairs, games, meetings, summits and festivals named by where they are held
_EVENT_RE = re.compile(alternation(_EVENT_HEADS))
_MAX_EVENT_TOPIC = 10  # 甲镇|高质量发展|现场会, 乙湖|国际马拉松|大赛: the event's topic after the place


def _opens_event_name(mention: PlaceMention, tokens: Sequence[Token]) -> bool:
    """Whether ``mention`` opens an event's name (甲镇高质量发展现场会, 乙市国际马拉松): nouns and verbal nouns
    run from it to an event head (``_EVENT_HEADS``) with no verb, function word or punctuation between, so the
    place is inside the event's name and no place of its own (GUIDELINES.md: a place only inside an event name)."""
    run = ""
    for t in tokens:
        if t.start < mention.end:
            continue
        if t.start != mention.end + len(run) or len(run) + len(t.text) > _MAX_EVENT_TOPIC + 4:
            return False
        run += t.text
        if run.endswith(_EVENT_HEADS):
            return True
        if _stops_name(t) and t.pos != "vn":
            return False
    return False


# --- Named zones as a grammar: STEM + optional TOPIC + HEAD (data/place_zone_heads.tsv) ---------------------------
_MAX_TOPIC = 8  # 现代农业, 产业创新绿色发展: a topic of a few words; a longer run is a clause, not a name
_MAX_SHORT_TOPIC = 6  # the longest topic after a stem of short names (甲乙文旅融合发展区): longer after a full name
_MAX_ZONE_STEM = 6  # 环鄱阳湖, 黔东南, 内蒙古自治区: the longest stem read
_MAX_JOINT = 4  # 呼包鄂榆: two to four one-character short names of member places
_COURSE_OPENERS = "沿环跨"  # 沿黄, 环洞庭湖, 跨江: a zone named by what it runs along, rings or spans
_COURSE_WATERS = frozenset("海边江河湖淮黄")  # 沿海, 沿边, 沿江, 沿黄: the one-character courses of a belt
_FEATURE_ENDS = frozenset("江河湖山海岭")  # 黄河, 洞庭湖, 祁连山: a natural feature opening a zone's name
_COMPASS_CHARS = frozenset("东南西北")
_REACHES = ("上游", "中游", "下游", "口")  # 甲江上游绿色发展先行区, 甲江口…协同区: a river's reach or mouth
_TOPIC_STOPS = frozenset({"m", "mq", "q", "x", "eng"}) | FUNCTION_TAGS
_TOPIC_LEVELS = frozenset({"省级", "市级", "县级", "国家级", "全国", "全省", "全市"})  # 省级新区: a rank, no topic
_JOINT_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "j"})  # a dictionary word read as joint names (成渝/nr)


@cache
def _zone_heads() -> dict[str, str]:
    """The zone heads of the national typology and the type each gives (``data/place_zone_heads.tsv``)."""
    return {r[0]: r[1] for r in rows("place_zone_heads.tsv")}


@cache
def _opened_heads() -> frozenset[str]:
    """The bare heads (带, 圈) that name a zone only after a position word 沿/环/跨 (``opened`` in the table)."""
    return frozenset(r[0] for r in rows("place_zone_heads.tsv") if r[2:3] == ("opened",))


@cache
def _hub_heads() -> frozenset[str]:
    """The bare heads (集群) that name a zone only right after a national hub's word (``hub``: 国家枢纽|甲集群)."""
    return frozenset(r[0] for r in rows("place_zone_heads.tsv") if r[2:3] == ("hub",))


_HUB_WORDS = ("枢纽", "枢纽节点", "节点")  # 全国一体化算力网络国家枢纽(节点)|甲集群: the hub a cluster belongs to


@cache
def _joint_heads() -> frozenset[str]:
    """The heads (通道, 大通道) that name a corridor only after its members' joint short names (``joint``)."""
    return frozenset(r[0] for r in rows("place_zone_heads.tsv") if r[2:3] == ("joint",))


@cache
def _provincial_characters() -> frozenset[str]:
    """The provinces' one-character abbreviations (``kg/loaders/data/province_abbreviations.tsv``), all of them."""
    return frozenset(r[0] for r in data_rows("kg.loaders", "province_abbreviations.tsv"))


def _joins_members(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether ``text[a:b]`` names the members a corridor (通道) joins: their joint short names, each member once
    (铁海|河海联运 repeats a character: two kinds of transport, no members)."""
    stem = text[a:b]
    return len(set(stem)) == len(stem) and _joint_abbreviation(text, tokens, a, b)


def _provincial_joint(stem: str) -> bool:
    """Whether ``stem`` is two to four provinces' abbreviations (晋冀鲁豫, 川渝): the State Council's closed list names
    provinces only, so such a run names the provinces a corridor joins even before a long topic (甲乙丙丁大宗商品
    流通走廊), as a place named in full does; runs of cities' characters are more often lists of words."""
    provinces = _provincial_characters()
    return 2 <= len(stem) <= _MAX_JOINT and stem[0] not in _DIRECTIONS and all(c in provinces for c in stem)


@cache
def _longer_suffixes(head: str) -> tuple[str, ...]:
    """The suffixes of ``_suffixes`` longer than the zone ``head`` that end with it (高新区 for 新区): text ending
    with one of them at the head's end is read by the suffix rules."""
    return tuple(s for s in _suffix_rows() if len(s) > len(head) and s.endswith(head))


@cache
def _zone_head_re() -> re.Pattern[str]:
    return re.compile(alternation(_zone_heads()))


@cache
def _topic_verbs() -> frozenset[str]:
    """Verbs that open a clause, never a word of a zone's topic (打造|…, 推进|…, 建设|…): the verbs introducing a
    plan (``lead_verbs.tsv``), a campaign (``plan_carry_out_verbs.txt``) or a zone (``place_zone_clause_verbs.txt``)."""
    verbs = {r[0] for r in rows("lead_verbs.tsv")} | set(word_set("plan_carry_out_verbs.txt"))
    return frozenset(verbs | word_set("plan_clause_verbs.txt") | word_set("place_zone_clause_verbs.txt"))


@cache
def _joint_characters() -> frozenset[str]:
    """The characters members are named by in a joint abbreviation (呼包鄂榆, 长株潭): a province's abbreviation, the
    first character of a prefecture-level city's short name, or its last one when the first is the province's
    abbreviation (湘潭 → 潭, as 湘 names the province)."""
    provinces = {r[0] for r in data_rows("kg.loaders", "province_abbreviations.tsv")}
    chars = set(provinces)
    for d in all_divisions():
        if d.kind == "city":
            name = short_name(d.name) or d.name
            chars.add(name[0])
            if name[0] in provinces:
                chars.add(name[-1])
    return frozenset(chars)


def _joint_abbreviation(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is two to four one-character short names of member places (呼包鄂榆, 哈长, 兰西): every
    character names a member (``_joint_characters``), the first no compass word, and no word of it a function word
    or a dictionary word of another kind (安全/an, 文明/nr are words; 鲁豫/nr, 京津冀/j are the members')."""
    stem = text[a:b]
    if not 2 <= len(stem) <= _MAX_JOINT or stem[0] in _DIRECTIONS or not _joint_characters().issuperset(stem):
        return False
    if any(c in _NUMERALS for c in stem):
        return False  # 甲南|四大: a count after the place, not a member (四 of 四平)
    for t in tokens:
        if t.end <= a or t.start >= b:
            continue
        if t.pos in FUNCTION_TAGS or (t.pos in VERB_TAGS and _known(t.text) and len(t.text) > 1):
            return False
        word = text[max(a, t.start) : min(b, t.end)]
        if len(word) > 1 and _known(word) and _word_tag(word) not in _JOINT_TAGS:
            return False
        if len(word) > 1 and word == t.text and word in _admin_names().names:
            return False  # 甲省|乙丙: a place named in full, its members are not one-character names
    return not (_known(stem) and any(c in _COMPASS_CHARS for c in stem))  # 京东, 江南: a company or a direction


def _feature_stem(stem: str) -> bool:
    """Whether ``stem`` is a named river, lake, sea or mountain the segmenter knows as a place (黄河, 洞庭湖)."""
    return len(stem) >= 2 and stem[-1] in _FEATURE_ENDS and _word_tag(stem) == "ns"


@lru_cache(maxsize=1 << 14)  # asked of every stem length at every topic length of every zone head
def _place_stem(stem: str) -> bool:
    """Whether ``stem`` is a place word: a division or its short name (not a common word), a named region, a feature."""
    return len(stem) >= 2 and (stem in _admin_names().names or stem in _regions()[1] or _feature_stem(stem))


def _named_stem(stem: str) -> bool:
    """Whether a zone's stem names its place in full: a place word, or a river's reach or mouth (甲江口), not
    one-character short names, whose run with a long topic is more often a list of words (商文旅体展)."""
    return _place_stem(stem) or _river_reach(stem)


def _river_reach(stem: str) -> bool:
    """Whether ``stem`` is a reach or the mouth of a named river (甲江上游, 甲江口)."""
    return stem.endswith(_REACHES) and any(stem.endswith(r) and _feature_stem(stem[: -len(r)]) for r in _REACHES)


def _zone_stem(text: str, tokens: Sequence[Token], a: int, b: int, belt: bool) -> bool:
    """Whether ``text[a:b]`` can open a zone's name: a place word, the joint short names of its members, 沿/环/跨
    with a place word (环洞庭湖) or, for a ``belt`` or corridor, a course (沿黄, 沿海: 沿海城市群 is a kind), a
    river's reach (甲江上游), or a place word or short name with a compass word (川南, 黔东南, 粤东西北)."""
    stem = text[a:b]
    if stem.endswith("地区"):
        return False  # 西南地区|清洁能源基地: a region written out is a place of its own, what follows describes it
    if _place_stem(stem) or _joint_abbreviation(text, tokens, a, b):
        return True
    if a > 0 and text[a - 1] in _RANGE_DASHES and _feature_word(tokens, a, b):
        return True  # 环甲山—乙浮山|…区: the second feature of a range the zone is named after (see _dash_joined)
    if stem[0] in _COURSE_OPENERS and len(stem) >= 2:
        rest = stem[1:]
        course = len(rest) == 1 and (rest in _COURSE_WATERS or rest in _province_abbreviations())
        named = _place_stem(rest) or (stem[0] == "环" and _feature_word(tokens, a + 1, b))
        return (course and belt) or named or _joint_abbreviation(text, tokens, a + 1, b)
    if _river_reach(stem):
        return True  # 甲江上游, 甲江口: a reach or the mouth of a river
    compass = len(stem) - len(stem.rstrip("东南西北"))
    if 1 <= compass <= 3 and compass < len(stem):
        place = stem[:-compass]
        return (len(place) == 1 and place in _province_abbreviations()) or _place_stem(place)
    return False


def _feature_word(tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether ``a:b`` is one word of three characters or more ending like a lake or mountain that the segmenter
    reads as a name (甲绿湖/nr, 乙浮山/nr): after 环 it names the feature the zone rings (沿甲子江|城市群 is the
    cluster's own name, so a river after 沿 is left to the suffix rules)."""
    word = next((t for t in tokens if t.start == a and t.end == b), None)
    return word is not None and len(word.text) >= 3 and word.text[-1] in "湖山岭" and word.pos in _JOINT_TAGS


def _topic_ok(
    text: str, tokens: Sequence[Token], a: int, b: int, quote: tuple[int, int] | None = None, provincial: bool = False
) -> bool:
    """Whether ``text[a:b]`` can be a zone's topic (现代农业, 文旅融合): Chinese characters, its
    words no function word, numeral, count or clause verb, no rank (省级) and no division's name. A ``quote``
    inside it (甲湖“湖泊+”绿色发展区: the quoted brand of the zone) is one word of the topic, read as written. After
    provinces' abbreviations (``provincial``) a word tagged numeral without a numeral character is a noun's part
    (甲乙|大宗/m|商品流通走廊)."""
    if a == b:
        return True
    inside = (lambda i: quote[0] <= i < quote[1]) if quote is not None and a <= quote[0] else (lambda i: False)
    if not all(is_cjk(text[i]) or inside(i) for i in range(a, b)):
        return False  # a numeral word is caught by its tag (千万吨/m); 两江 is a name
    for t in tokens:
        if t.end <= a or t.start >= b or inside(t.start):
            continue
        inner = t.start >= a and t.end <= b
        stop = t.pos in _TOPIC_STOPS and not (provincial and _numberless_word(t))
        if stop or (inner and (t.text in _topic_verbs() or t.text in _TOPIC_LEVELS)):
            return False
        if t.text[0] in _NUMERALS and t.pos != "ns":
            return False  # 三大|特色产业带: a count; 两江 (a place word) is a name
        if inner and t.text in _admin_names().names and len(t.text) >= 2:
            return False  # 甲区实验室乙省基地: a second place inside names the zone, the first belongs to another name
    plain = text[a:b] if quote is None else text[a : max(a, quote[0])] + text[quote[1] : b]
    return not _COUNTED_RE.search(plain)  # 甲高优三大特色产业带: a glued count heads a list of zones, no name


def _numberless_word(token: Token) -> bool:
    """Whether a word the segmenter tags as a numeral has no numeral character (大宗/m of 大宗商品): a noun's part."""
    return token.pos == "m" and len(token.text) >= 2 and all(is_cjk(c) and c not in _NUMERALS for c in token.text)


def _stem_ends_word(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether the stem ``text[a:b]`` ends a word, or a word the segmenter made up or reads as a place (长江上游/l,
    长江上游/l) runs on from it; a stem ending inside a dictionary word or a name is part of it (甲梅戏 is an opera).
    A joint abbreviation or a course (沿黄) is read by its characters inside a name the segmenter made up."""
    inside = next((t for t in tokens if t.start < b < t.end), None)
    if inside is None or inside.pos in ("ns", "l", "j", "nz") or text[b : inside.end] in _zone_heads():
        return True  # 长江上游/l, 甲市经济特区/nt: a place word or the zone's whole name as one word
    if _known(inside.text):
        return False
    return not inside.pos.startswith("nr") or text[a] in _COURSE_OPENERS or _joint_abbreviation(text, tokens, a, b)


@cache
def _topic_openers() -> frozenset[str]:
    """Verbal nouns that cannot open a zone's topic (``data/place_verbal_nouns.txt`` and ``_ACTION_VERBS``)."""
    return word_set("place_verbal_nouns.txt") | _ACTION_VERBS


def _opens_topic(tokens: Sequence[Token], a: int) -> bool:
    """Whether a zone's topic may open at ``a``: not on a verbal noun, which after the place is the clause's verb
    (甲市|改造|乙片区); inside a topic it is one of its words (开放发展)."""
    first = next((t for t in tokens if t.end > a), None)
    return first is None or first.start != a or first.text not in _topic_openers()


def _opens_zone(tokens: Sequence[Token], a: int) -> bool:
    """Whether a zone's name may open at ``a``: the sentence's start, or after a verb, function word, punctuation,
    verbal noun, rank or division (建设|甲乙城市群, 国家级|甲新区, 丙市|乙新区); after another noun the place is inside
    a longer name (某实验室|甲省|基地 is the laboratory's base)."""
    before = next((t for t in reversed(tokens) if t.end <= a), None)
    if before is None or before.end < a:
        return before is None
    return (
        _stops_name(before)
        or before.pos in ("f", "t", "vn", "l")
        or (before.pos in ("a", "ad") and _known(before.text))  # 某甲/a|乙市: a new word the place ends, no adjective
        or before.text in word_set("place_verbal_nouns.txt")
        or before.text in _topic_verbs()
        or before.text in _admin_names().names
        or before.text in _DESIGNATION_LEVELS
        or before.text in _TOPIC_LEVELS
        or before.text in _HUB_WORDS  # 国家枢纽节点|甲数据中心集群
    )


_WATERWAY_RE = re.compile("航运|水运|航道")  # 甲乙丙内河航运大通道: a waterway, typed River as canals are


def _zone_grammar_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Zones named as the national typology names them: STEM + optional TOPIC + HEAD (``data/place_zone_heads.tsv``).

    The stem opens on a word boundary and is a place word (甲市, 黄河, 洞庭湖), its members' joint short names
    (甲乙丙), 沿/环/跨 with a place or course (沿黄, 环甲湖) or a short name with a compass word (川南, 粤东西北);
    the topic is a few characters of content words (现代农业, 开放发展); the head ends a word. The longest such
    name is the zone; a head without a stem (生态带, 示范区) is a kind of zone, and 一带一路 opens on no place.
    """
    matches = list(_zone_head_re().finditer(text))
    if not matches:
        return []  # most sentences hold no zone head (one in nine of the provincial reports')
    heads = _zone_heads()
    token_starts = [t.start for t in tokens]  # in order: a word's start before an offset is found by bisection
    by_start = dict(zip(token_starts, tokens, strict=True))
    starts = set(token_starts)
    ends = {t.end for t in tokens}
    quotes = _quoted_spans(text) if "“" in text else []
    out: list[PlaceMention] = []
    for m in matches:
        hs, he = m.span()
        if he not in ends or text.endswith(_longer_suffixes(m.group()), 0, he):
            continue  # 国家|高新区: the head is the end of a longer suffix (高新区), read by the suffix rules
        row = _suffix_rows().get(m.group())
        if row is not None and text[he : he + 1] in row[2]:
            continue  # 甲示范区线: the characters the suffix table says make another word after the head
        best: tuple[int, int] | None = None  # the stem's start and end
        belt = m.group().endswith(("带", "走廊"))
        # 甲市经济特区, 甲市乙丙新区 as one word: the stem and topic inside it; 环甲湖|科创圈: the word the topic
        holder = bisect_right(token_starts, hs) - 1  # the word holding the head's start
        word = tokens[holder] if holder >= 0 and tokens[holder].start < hs < tokens[holder].end else None
        # 环甲湖“湖泊+”绿色发展区: one quoted brand inside the topic, read as one word of it
        quote = next(((qa - 1, qb + 1) for qa, qb in quotes if qb < hs and hs - qb - 1 <= _MAX_TOPIC), None)
        extra = quote[1] - quote[0] if quote is not None and word is None else 0
        topics = range(min(_MAX_TOPIC + extra if word is None else hs - word.start, hs) + 1)
        inside_head = bisect_left(token_starts, hs)  # the words before the head's start: a topic's end
        for topic in topics:
            stem_end = hs - topic
            if quote is not None and quote[0] < stem_end < quote[1]:
                continue  # inside the quoted brand: the topic opens before it
            before = bisect_right(token_starts, stem_end)
            opening = token_starts[before - 1] if before else 0  # 甲乙|大宗: the start of the word holding stem_end
            provincial = (  # every run before the word ends with its last character: that one must be a province's
                opening > 0
                and text[opening - 1] in _provincial_characters()
                and any(_provincial_joint(text[x:opening]) for x in range(max(0, opening - _MAX_JOINT), opening))
            )
            glued = (t := by_start.get(stem_end)) is not None and len(t.text) == 1  # 甲乙丙|海|联运: no topic word
            lo = before - 1 if before and tokens[before - 1].end > stem_end else before
            if not _topic_ok(text, tokens[lo:inside_head], stem_end, hs, quote, provincial):  # the words it reads
                break
            if topic and not _opens_topic(tokens[lo : lo + 1], stem_end):  # the first word ending after stem_end
                continue
            for size in range(min(_MAX_ZONE_STEM, stem_end), 1, -1):
                a = stem_end - size
                if a in starts and _zone_stem(text, tokens, a, stem_end, belt) and _opens_zone(tokens, a):
                    if not _stem_ends_word(text, tokens, a, stem_end):
                        continue
                    quoted = extra if quote is not None and stem_end <= quote[0] else 0
                    named = _named_stem(text[a:stem_end]) or _feature_word(tokens, a, stem_end)
                    named = named or _provincial_joint(text[a:stem_end])
                    joins = _joins_members(text, tokens, a, stem_end) and stem_end in ends
                    joins = joins and not (topic and glued)
                    if m.group() in _joint_heads() and not joins:
                        continue  # 开放|通道, 出省|通道: a corridor word names a corridor only after its members
                    if topic - quoted > _MAX_SHORT_TOPIC and not named:
                        continue  # 甲乙|丙丁融合发展集聚区: a long topic only after a place named in full
                    if best is None or a < best[0]:
                        best = (a, stem_end)
                    break
        if best is not None and m.group() in _opened_heads() and text[best[0]] not in _COURSE_OPENERS:
            best = None  # 甲乙纽带, 甲市生活圈: a bare 带 or 圈 names a zone only after 沿/环/跨
        if best is not None and m.group() in _hub_heads() and not text[: best[0]].endswith(_HUB_WORDS):
            best = None  # 甲市产业集群: a bare 集群 names a zone only as a national hub's cluster
        if best is not None:
            a = _new_area_start(text, tokens, *best, hs) if m.group() == "新区" else best[0]
            across = len(_provinces_abbreviated(text[a : best[1]])) >= 2
            waterway = m.group() in _joint_heads() and _WATERWAY_RE.search(text[best[1] : hs]) is not None
            typ = "River" if waterway else heads[m.group()]
            out.append(PlaceMention(a, he, text[a:he], typ, whole=True, across=across))
    return out


_NATIONAL_PILOT_RE = re.compile(rf"国家([{CJK}]{{2,{_MAX_TOPIC + 2}}}?)试验区")
_SEEKING_VERBS = frozenset({"争创", "创建", "申报", "申建", "争取", "获批", "申请", "培育"})
"""Verbs that seek or win a designation (争创国家…试验区): what they take is the title, a kind of zone, no zone."""


def _national_pilot_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """The national pilot zones a report builds (建设国家数字某某发展试验区): 国家 + a topic + 试验区 on word
    boundaries, the topic a zone's (:func:`_topic_ok`), the name after a verb or punctuation that does not seek the
    title (``_SEEKING_VERBS``: 争创国家…试验区 is a kind); the zone is the jurisdiction's part of the national pilot, as
    the State Council designates them one by one (GUIDELINES.md: named zones are Area)."""
    starts = {t.start: k for k, t in enumerate(tokens)}
    ends = {t.end for t in tokens}
    out: list[PlaceMention] = []
    for m in _NATIONAL_PILOT_RE.finditer(text):
        k = starts.get(m.start())
        if k is None or m.start(1) not in starts or m.end() not in ends:
            continue  # 国家级|…试验区: a rank, the zone grammar's kind
        if not _topic_ok(text, tokens, m.start(1), m.end(1)):
            continue
        before = tokens[k - 1] if k > 0 else None
        if before is not None and (before.text in _SEEKING_VERBS or (not _stops_name(before) and before.pos != "vn")):
            continue  # 争创|国家…试验区: a title sought; 甲市|国家…试验区: the zone grammar's
        out.append(PlaceMention(m.start(), m.end(), m.group(), "Area"))
    return out


@cache
def _province_by_abbreviation() -> dict[str, str]:
    """One-character province abbreviation → the province's name (``kg/loaders/data/province_abbreviations.tsv``)."""
    return {r[0]: r[1] for r in data_rows("kg.loaders", "province_abbreviations.tsv")}


def _provinces_abbreviated(stem: str) -> set[str]:
    """The provinces whose one-character abbreviations make up a joint stem (川渝 → 四川省, 重庆市), else none."""
    if stem[:1] in _COURSE_OPENERS:
        stem = stem[1:]
    if not 2 <= len(stem) <= _MAX_JOINT or stem in _admin_names().names:
        return set()
    names = _province_by_abbreviation()
    return {names[c] for c in stem if c in names}


def _new_area_start(text: str, tokens: Sequence[Token], a: int, b: int, hs: int) -> int:
    """Where a new area's name starts when a division is written before it (甲市|乙丙新区): at its own name, one
    proper word (a place tag or name, an abbreviation, a word the dictionary does not know), the division a place
    of its own as the State Council's names of the 国家级新区 read; a topic of common words (甲市|绿色|新区) stays
    the zone's."""
    own = [t for t in tokens if t.start == b and t.end == hs]
    proper = own and (own[0].pos in _JOINT_TAGS or not _known(own[0].text) or own[0].text in _admin_names().names)
    if by_name(text[a:b]) and by_name(text[b : hs + 2]):
        return b  # 甲市|乙新区: a division written in full before its district is an address, two places
    return b if proper and text[a:b] in _admin_names().names else a


def _inside_longer(mention: PlaceMention, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``mention`` lies inside one of ``spans`` that is longer than it."""
    return any(a <= mention.start and mention.end <= b and b - a > mention.end - mention.start for a, b in spans)


def _county_short_name(mention: PlaceMention) -> bool:
    """Whether a division mention is a county or district's short name (甲江 of 甲江区), not its full name.

    Inside a zone's name (甲江大学城, 乙城新城, 丙东引领区) such a name labels the zone, it is no mention of the
    county of its own; a city's name is (甲都市圈 names the city and its cluster), as a full name is.
    """
    div = division_by_code(mention.code or "")
    return div is not None and div.kind in ("district", "county") and div.name != mention.name


def _listed_after_place(mention: PlaceMention, admin: Sequence[PlaceMention], text: str) -> bool:
    """Whether a division opens the last element of a 、-list whose element before is a division on its own
    (甲西、乙中产业园: the zone's head is shared, so 乙中 is listed as a place beside 甲西)."""
    return text[mention.start - 1 : mention.start] == "、" and any(a.end == mention.start - 1 for a in admin)


def _locates(facility: PlaceMention, place: PlaceMention) -> bool:
    """Whether a division opening a facility's name locates a facility named on its own (甲省|乙滩|水电站): two
    characters or more of the facility's own name lie between the division and the suffix (甲市|港 has none)."""
    found = _suffix_type(facility.name)
    own = facility.name[place.end - place.start : len(facility.name) - (len(found[0]) if found else 0)]
    ended = _ROUTE_JOINER_RE.search(own) is not None  # 甲至乙铁路, 甲—乙铁路: an end of a route, named inside it
    return facility.type == "Facility" and place.start == facility.start and not ended and _own_name(own)


def _own_name(words: str) -> bool:
    """Whether the words between a place and a facility's suffix are the facility's own name (乙浪底, 丙家坝): three
    characters or more, or two that are no common word (国际, 峡谷, 铁路 describe the facility, they name nothing)."""
    common = _known(words) and _word_tag(words) not in _PLACE_WORD_TAGS
    return len(words) >= 3 or (len(words) == 2 and not common)


_ROUTE_JOINER_RE = re.compile("至|[—－─]{1,2}")
_DASHED_ROUTE_WORDS = frozenset({"线", "铁路", "公路"})


def _dashed_route_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Railways and roads named by their two ends joined by a dash, as the older national reports write them
    (甲——乙线, 丙—丁铁路): each end a division's name or a place word of two characters or more, the route word
    right after the second; the ends are named inside the route's name only, so they are no places of their own (as
    甲至乙铁路)."""
    out: list[PlaceMention] = []
    for k, t in enumerate(tokens):
        if t.text not in _DASHED_ROUTE_WORDS or k < 3:
            continue
        second = tokens[k - 1]
        dashes = k - 2
        while dashes > 0 and tokens[dashes].text in _RANGE_DASHES and k - 1 - dashes <= 2:
            dashes -= 1
        first = tokens[dashes]
        if dashes == k - 2 or not (_route_end_word(first) and _route_end_word(second)):
            continue
        typ = "Road" if t.text == "公路" else "Facility"
        out.append(PlaceMention(first.start, t.end, text[first.start : t.end], typ))
    return out


# --- Water works and mines whose unknown names the segmenter breaks (甲|乙丙|水库, 甲|乙丙|锂|铍|矿) ---
_WORKS_SUFFIXES = ("水库", "水利枢纽")
_MAX_WORKS_STEM = 5  # 阿尔塔什, 蒋家窑则, 大红柳滩: the longest stem read
_MAX_MINERAL = 4  # 钒钛磁铁: the longest mineral word of a mine


@cache
def _mineral_re() -> re.Pattern[str]:
    """A run of minerals before 矿 at the end of a string (``data/place_minerals.txt``: 锂铍矿, 铅锌矿, 硫铁矿)."""
    return re.compile(f"(?:{alternation(word_set('place_minerals.txt'))})+矿$")


def _stops_works(token: Token) -> bool:
    """Whether a word ends the run of a broken works name on its left: a stop, a verbal noun or a classifier (建设|甲乙
    水库, 3|个|井工煤矿)."""
    return _stops_name(token) or token.pos in ("vn", "q") or token.text in word_set("place_verbal_nouns.txt")


def _broken_works_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Reservoirs, dams and mines whose own name is a run of words the segmenter cut out of an unknown name: a
    one-character piece or a new word among them (瓦|石峡|水库, 涔|天河|水库, 大|红柳滩|锂|铍|矿), two to five
    characters after a verb, function word, punctuation or the sentence's start, holding no verb, count,
    distinguishing word (大型|水库: a kind) or generic word; a mine's name is its place, its minerals and 矿.

    The suffix rules open such a name at its first proper word and so cut off a piece before it (石峡水库); the whole
    run is the name."""
    out: list[PlaceMention] = []
    generic = word_set("place_generic.txt")
    for k, t in enumerate(tokens):
        works = t.text in _WORKS_SUFFIXES
        if works:
            mine = None
        elif t.text.endswith("矿"):
            mine = _mineral_re().search(text, max(0, t.end - _MAX_MINERAL - 1), t.end)
        else:
            continue
        if not works and mine is None:
            continue
        stem_end = t.start if works else mine.start()
        j = k
        while j > 0 and tokens[j - 1].end > stem_end:
            j -= 1  # 锂|铍|矿, 铅锌矿/n: the mineral words are no part of the stem
        i = j
        while i > 0 and not _stops_works(tokens[i - 1]) and stem_end - tokens[i - 1].start <= _MAX_WORKS_STEM:
            i -= 1
        run = tokens[i:j]
        if not run or (i > 0 and not _stops_works(tokens[i - 1])) or tokens[j - 1].end != stem_end:
            continue
        stem = text[run[0].start : stem_end]
        counted = stem[0] in _CLASSIFIERS and i > 0 and tokens[i - 1].pos in ("m", "mq")  # 5|个井工|煤矿: a count
        if len(stem) < 2 or counted or _known(stem) or any(w.pos == "b" or w.text in generic for w in run):
            continue
        broken = any(len(w.text) == 1 for w in run) or any(not _known(w.text) for w in run)
        bound = any(w.pos == "g" or w.pos in _BOUND_TAGS for w in run)  # 双|堠/g: a character no word of its own
        if broken and (bound or any(_is_proper(w) or w.pos in _PROPER_TAGS for w in run)):
            typ = _suffix_rows()[t.text][1] if works else "Facility"
            out.append(PlaceMention(run[0].start, t.end, text[run[0].start : t.end], typ))
    return out


# the route words of a route named from one end to the other, longest first (甲至乙高速公路 before 甲至乙高速)
_END_TO_END_WORDS = ("高速铁路", "城际铁路", "高速公路", "铁路", "高铁", "城际", "高速", "公路")
_END_TO_END_RE = re.compile(
    rf"至([{CJK}]{{2,6}}?)(段)?(等)?({alternation(_END_TO_END_WORDS)})(?:干线)?|至([{CJK}]{{2,6}}?)段"
)
_MAX_END = 6  # 乌兰浩特, 加格达奇, 巴彦浩特: the longest end read
_SECTION = "Section"  # a section of a named route (甲高铁|乙至丙段): holds its ends, no place of its own


def _end_to_end_route_candidates(text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """Routes named from one end to the other, read by characters since the segmenter glues 至 to either end
    (甲城至乙, 甲至然|乙): 甲至乙铁路, 甲经丙至乙高速, 甲至乙段铁路, and the elements of a 、-list sharing the route
    word (甲至乙、丙至丁等铁路干线: one route each, named with the plain route word). A section written after its
    route's or river's name (甲高铁|乙至丙段, 甲江|乙至丙段) is a span of type ``_SECTION``: the route stays the
    place, the section's ends are none.

    Each end is two to six characters, opens right after a verb, function word, punctuation, the sentence's start, a
    route's name or a 、 of the list and holds no verb, count or generic place word; the ends of a route appear in its
    name only, so they are no places of their own (held-out precedent: ends inside a crossing's or a section's name).
    """
    starts = {t.start: i for i, t in enumerate(tokens)}
    out: list[PlaceMention] = []
    for m in _END_TO_END_RE.finditer(text):
        section = m.group(5) is not None
        right = (m.start() + 1, m.end(5) if section else m.end(1))
        if not _route_end_ok(text, tokens, *right):
            continue
        first = _end_start(text, tokens, starts, m.start())
        if first is None:
            continue
        a, by_route = first
        if section and not by_route:
            continue  # 甲至乙段 after no route's name: a stretch of a river or a road, read elsewhere
        word = m.group(4) or ""
        typ = _SECTION if section else _suffix_rows()[word][1]
        out.append(_route_span(text, a, right[1] + (1 if section or m.group(2) else 0), word, typ))
        while not section and a > 0 and text[a - 1] == "、":  # 甲至乙、丙至丁等铁路: the list shares the route word
            k = text.rfind("至", 0, a - 1)
            if k < 0 or not _route_end_ok(text, tokens, k + 1, a - 1):
                break
            prev = _end_start(text, tokens, starts, k)
            if prev is None:
                break
            out.append(_route_span(text, prev[0], a - 1, word, typ))
            a = prev[0]
    return out


def _route_span(text: str, a: int, b: int, word: str, typ: str) -> PlaceMention:
    """The route named by its ends ``text[a:b]`` and route word (a section has none), nested in no longer name."""
    return PlaceMention(a, b, text[a:b] + word, typ, nested=True)


def _route_end_ok(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether ``text[a:b]`` can be an end of a route: CJK characters, no list mark, no quantifier or generic word
    (至全省|高速, 至机场|高速), and no verb or count word wholly inside it (至建设|铁路)."""
    end = text[a:b]
    if not 2 <= len(end) <= _MAX_END or any(c in "至、等经" or not is_cjk(c) for c in end):
        return False
    if end[0] in _QUANTIFIERS or end in word_set("place_generic.txt") or any(w in end for w in _END_TO_END_WORDS):
        return False  # 至全省|高速; 甲至乙高铁、丙至丁铁路: an element that is a whole route has its own word
    inside = [t for t in tokens if a <= t.start and t.end <= b]
    return not any(_stops_name(t) for t in inside)


def _end_start(text: str, tokens: Sequence[Token], starts: Mapping[int, int], at: int) -> tuple[int, bool] | None:
    """Where the first end of a route before the 至 at ``at`` starts (with one place it runs via, 甲经丙至乙), and
    whether a route's name stands right before it (a section's ends); ``None`` unless the nearest word boundary
    after a stop, a verbal noun, a route's name or the sentence's start lies two to six characters back (thirteen
    with 经)."""
    longest = 2 * _MAX_END + 1 if "经" in text[max(0, at - 2 * _MAX_END - 1) : at] else _MAX_END
    for a in range(at - 2, max(-1, at - longest - 1), -1):
        if a != 0 and a not in starts:
            continue
        span = text[a:at]
        if any(c in "、等" or not is_cjk(c) for c in span):
            return None
        ends = span.split("经")
        bounds = [(a, a + len(ends[0]))] + ([(at - len(ends[1]), at)] if len(ends) == 2 else [])
        if len(ends) > 2 or not all(_route_end_ok(text, tokens, x, y) for x, y in bounds):
            continue
        before = tokens[starts[a] - 1] if a in starts and starts[a] > 0 else None
        by_route = before is not None and (  # 甲高铁|乙至丙段, 甲江|乙至丙段: a section of that route or river
            before.text.endswith(_END_TO_END_WORDS)
            or (len(before.text) >= 2 and before.text.endswith(_RIVER_ENDS))
            or before.text in _RIVER_PARTS
        )
        if before is None or _stops_name(before) or by_route or before.text in word_set("place_verbal_nouns.txt"):
            return a, by_route
    return None


def _route_end_word(token: Token) -> bool:
    """Whether a word can be one end of a route named from one end to the other: a division's name or short name,
    or a place word, of two characters or more."""
    return len(token.text) >= 2 and (place_word(token.text) or token.pos == "ns")


# landforms named after a place (黑河流域, 甲州湾, 乙原盆地): the place inside is no mention of its own
_LANDFORM_ENDS = ("流域", "湾", "盆地", "平原", "高原", "半岛", "三角洲", "海峡", "库区")
_RANGE_DASHES = ("—", "－", "─")
_FEATURE_KINDS = {"山": "mountain", "岭": "mountain", "河": "water", "江": "water", "湖": "water", "溪": "water"}
_FEATURE_KINDS |= {"流域": "water", "沙漠": "desert", "走廊": "corridor", "草原": "grassland"}
"""Endings of mountains, waters, deserts, corridors and grasslands: a dash joins two features of one kind into one
area (甲山—乙山: a range; 甲河—乙河流域: a basin); of two kinds (甲走廊—乙沙漠) it spans from one to the other."""
_NATURAL_ENDS = tuple(_FEATURE_KINDS)
_NATURAL_TYPES = frozenset({"River", "Lake", "Area"})


def _is_natural(mention: PlaceMention) -> bool:
    return mention.type in _NATURAL_TYPES and mention.name.endswith(_NATURAL_ENDS)


def _feature_kind(name: str) -> str | None:
    return next((kind for end, kind in _FEATURE_KINDS.items() if name.endswith(end)), None)


def _dash_joined(chosen: list[PlaceMention], text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """``chosen`` with two natural features of one kind joined by a dash made one area (甲山—乙山: a range,
    甲河—乙河流域: a basin), named as one.

    One side at least is a place the rules found. The right one is a natural feature (or a place word ending
    like one: 新安江—千岛湖); the left one is a feature of the same kind, or a place word or division's short name
    standing for a feature whose suffix is left out (太行—王屋山: 太行山 and 王屋山). Features of two kinds
    (甲走廊—乙沙漠: from one to the other), cities (甲市—乙市), countries (中国—东盟) and zones stay apart.
    """
    words = {t.start: t for t in tokens if t.pos in _PLACE_WORD_TAGS and 2 <= len(t.text) <= 5}
    word_ends = {t.end: t for t in words.values()}
    by_start = {c.start: c for c in chosen if not c.nested}
    by_end = {c.end: c for c in chosen if not c.nested}
    out = list(chosen)
    for m in re.finditer("|".join(_RANGE_DASHES), text):
        left, right = by_end.get(m.start()), by_start.get(m.end())
        if left is None and m.start() in word_ends:
            left = PlaceMention(word_ends[m.start()].start, m.start(), word_ends[m.start()].text, "Area")
        if right is None and m.end() in words and words[m.end()].text.endswith(_NATURAL_ENDS):
            right = PlaceMention(m.end(), words[m.end()].end, words[m.end()].text, "Area")
        if left is not None and right is not None and _zone_of_range(left, right, words.get(m.end())):
            parts = [c for c in out if left.start <= c.start and c.end <= right.end]
            out = [c for c in out if c not in parts]
            start = left.start - 1 if text[left.start - 1 : left.start] == "环" and left.start > 0 else left.start
            out.append(PlaceMention(start, right.end, text[start : right.end], "Area"))
            continue  # 甲山—乙山旅游带: the zone named after the range, one place
        if left is None or right is None or (left not in chosen and right not in chosen):
            continue  # one side at least is a place the rules found
        if not _is_natural(right) or not (_is_natural(left) or left.code or left not in chosen):
            continue  # a zone (甲—乙经济合作区) or a city (甲—乙市) on a side is no feature's short name
        if _is_natural(left) and _feature_kind(left.name) != _feature_kind(right.name):
            continue  # 甲走廊—乙沙漠: from one feature to another of another kind, two places
        after = next((t for t in tokens if t.start == right.end), None)
        if after is not None and after.pos in _PLACE_WORD_TAGS:
            continue  # 甲沙漠—沙山|湖泊群: the right side opens a longer name the rules did not read
        parts = [c for c in out if left.start <= c.start and c.end <= right.end]
        out = [c for c in out if c not in parts]
        out.append(PlaceMention(left.start, right.end, text[left.start : right.end], "Area"))
    return out


def _zone_of_range(left: PlaceMention, right: PlaceMention, opener: Token | None) -> bool:
    """Whether a dash joins a natural feature to a zone named after the next feature of its kind (甲山—乙山旅游带,
    (环)甲湖—乙湖生态经济区): the zone's name opens on a place word ``opener`` ending like the left feature."""
    if opener is None or not _is_natural(left) or right.type != "Area" or not right.name.endswith(_ZONE_ENDS):
        return False
    if right.name.endswith(_LANDFORM_ENDS) or opener.end >= right.end:
        return False
    return _feature_kind(opener.text) is not None and _feature_kind(opener.text) == _feature_kind(left.name)


_RIVER_ENDS = ("河", "江", "渠", "溪")
_MAX_RIVER = 5


def _with_listed_rivers(chosen: list[PlaceMention], text: str, tokens: Sequence[Token]) -> list[PlaceMention]:
    """``chosen`` with every river-shaped element of a 、-list that also names a river (甲河、乙河、左丙河).

    A list joins things of one kind, so once one element is a river, the others that end in a
    river suffix are rivers too: common or person-tagged words (运河, 周河) and a division's
    short name (细河 beside 浑河) included.
    """
    rivers = {(c.start, c.end) for c in chosen if c.type == "River"}
    if not rivers:
        return chosen
    out = chosen
    for group in _list_groups(tokens):
        spans = [span for span in (_river_span(text, g, k, len(group)) for k, g in enumerate(group)) if span]
        if len(spans) < 2 or not any(span in rivers for span in spans):
            continue
        for a, b in spans:
            overlapping = [c for c in out if c.start < b and a < c.end]
            if text[a:b] in word_set("place_generic.txt") or any(
                c.type == "River" or c.start < a or b < c.end for c in overlapping
            ):
                continue  # already a river, or part of a longer name (乙河|水库): left as found
            out = [c for c in out if c not in overlapping]  # 细河 beside 浑河: the river, not the district
            out.append(PlaceMention(a, b, text[a:b], "River"))
    return out


def _list_groups(tokens: Sequence[Token]) -> list[list[list[Token]]]:
    """The 、-lists of a sentence: for each, its elements' words (the first and last with their outer words)."""
    lists: list[list[list[Token]]] = []
    current: list[list[Token]] = [[]]
    for token in tokens:
        if token.text == "、":
            current.append([])
        elif _stops_name(token) and not (token.pos == "m" and not any(ch in _NUMERALS for ch in token.text)):
            if len(current) > 1:
                lists.append(current)
            current = [[]]
        else:
            current[-1].append(token)
    if len(current) > 1:
        lists.append(current)
    return lists


def _river_span(text: str, words: list[Token], k: int, n: int) -> tuple[int, int] | None:
    """The span of a list element that is shaped like a river name, or ``None``.

    The first element is its last word (the segmenter tags verbs before it as adjectives or
    nouns: 畅通|甲河, 整治|乙河); the last may run on into the next words (乙河|水质): it ends
    at its first word ending in a river suffix. An element the suffix rule already read as a
    river, or inside a longer name, keeps that reading.
    """
    if k == 0:
        words = words[-1:]  # 畅通|甲河, 整治|乙河: the words before the list's first word are the clause's
    if not words:
        return None
    if k == n - 1 or (len(words) > 1 and words[-1].text == "段"):  # 乙河|某|段: a river's reach, cut at the river
        end = next((i for i, t in enumerate(words) if t.text.endswith(_RIVER_ENDS)), None)
        if end is None:
            return None
        words = words[: end + 1]
    a, b = words[0].start, words[-1].end
    if not 2 <= b - a <= _MAX_RIVER or not text[a:b].endswith(_RIVER_ENDS):
        return None
    return a, b


_QUOTED_RE = re.compile(r"“([^“”]{1,20})”")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the short quoted phrases of a sentence: slogans, titles and brands (“和美甲村”, “冰湖腾鱼”).

    GUIDELINES.md: a slogan that contains a place name is no place; a suffix name inside quotes is one, so it
    is read as the slogan's word, not a place (divisions inside quotes are left to the division table).
    """
    return [m.span(1) for m in _QUOTED_RE.finditer(text)]


def _first_by_start(tokens: Sequence[Token]) -> dict[int, Token]:
    """The first token starting at each offset: a dictionary read instead of a scan of the sentence per name."""
    return {t.start: t for t in reversed(tokens)}


def _in_company_name(mention: PlaceMention, by_start: Mapping[int, Token]) -> bool:
    """Whether the place opens a company's name (长江存储, 黄河证券): an enterprise word follows it.

    ``by_start`` is :func:`_first_by_start` of the sentence's tokens.
    """
    nxt = by_start.get(mention.end)
    return nxt is not None and nxt.text in word_set("place_company_words.txt")


def _within(mention: PlaceMention, ctx: DocContext) -> str | None:
    if mention.code:
        div: Division | None = division_by_code(mention.code)
        chain = {ctx.jurisdiction, *ctx.parents}
        parents = parents_of(div) if div else ()
        return next((p.name for p in parents if p.name in chain), parents[0].name if parents else None)
    if mention.type == "Province" or mention.across:
        return None  # a zone of several provinces lies within none of them (GUIDELINES.md: the enclosing place)
    return ctx.jurisdiction


def find_places(report: Report, ctx: DocContext, tokens: Mapping[int, Sequence[Token]] | None = None) -> list[Place]:
    """The specific named places of ``report``.

    The document's jurisdiction chain is a place of the report only where its text (title
    lines included) names it: a province known only from the metadata (滨州市 → 山东省) is not
    a place the report names (GUIDELINES.md "every specific named place"); the jurisdiction
    itself, the report's subject, is always one.
    """
    places: dict[str, Place] = {}
    chain = [n for n in (ctx.jurisdiction, *ctx.parents) if n]
    for i, name in enumerate(chain):
        div = find_division(name, ctx.parents)
        typ = "City" if name in _MUNICIPALITIES else _LEVEL_TYPES.get(div.kind) if div else None
        if typ is None:
            typ = _undivided_type(name)
        within = chain[i + 1] if i + 1 < len(chain) else None
        places[name] = Place(name, typ, within, div.code if div else None)
    for sentence in report.sentences:
        words = tokens.get(sentence.index) if tokens is not None else None
        for m in place_mentions(sentence.text, ctx, words):
            place = places.get(m.name) or _by_alias(places, m.name, m.code)
            if place is None:
                place = Place(m.name, m.type, _within(m, ctx), m.code, aliases=_admin_aliases(m))
                places[m.name] = place
            if not place.sentences or place.sentences[-1] != sentence.index:  # indexes grow: the last is the latest
                place.sentences.append(sentence.index)
            short = sentence.text[m.start : m.end]
            if short != m.name and m.name in _region_full_names().values() and short not in place.aliases:
                place.aliases.append(short)  # 大湾区 of 粤港澳大湾区: the form the text uses
            basin = m.name + "流域"
            if m.type == "River" and sentence.text.startswith("流域", m.end) and basin not in place.aliases:
                place.aliases.append(basin)  # 甲河流域: the basin is entered as the river, its form kept
    places = _short_regions_joined(places)
    return [p for p in places.values() if p.sentences or p.name not in chain[1:]]


def _short_regions_joined(places: dict[str, Place]) -> dict[str, Place]:
    """The places with a region's short form joined to its full form named in the same report (甲北 and 甲北地区, 西部
    and 西部地区): one place under the full name, the short form its alias, as the golds enter macro-regions. A region
    named in ``data/place_regions.tsv`` (长三角) keeps its own name."""
    named = _regions()[1]
    for name in [n for n, p in places.items() if p.code is None and p.type == "Area" and n + "地区" in places]:
        if name in named:
            continue
        short, full = places[name], places[name + "地区"]
        if full.code is not None:
            continue
        full.aliases.extend(a for a in (short.name, *short.aliases) if a not in full.aliases)
        full.sentences = sorted({*full.sentences, *short.sentences})
        del places[name]
    return places


def outside_organizations(
    places: Sequence[Place], report: Report, ctx: DocContext, organizations: Sequence[Organization]
) -> list[Place]:
    """``places`` without the mentions that sit only inside an organisation's name of the same sentence.

    GUIDELINES.md: a place that appears only inside a company's name is not a place (湖北省 of
    国网湖北省电力公司, 河北 of 河北港口集团). A sentence stays a place's when any of its names (the
    name or an alias) occurs there outside every organisation name; a place left with no sentence
    is dropped, except the document's own jurisdiction.
    """
    names: dict[int, list[str]] = {}
    for org in organizations:
        if org.name.endswith(HOSPITAL_ENDS):
            continue  # a hospital is a facility: the place finder reads its name (甲医院乙医院) on its own
        for index in org.sentences:
            names.setdefault(index, []).append(org.name)
    if not names:
        return list(places)
    texts = {s.index: s.text for s in report.sentences}
    out: list[Place] = []
    for place in places:
        forms = [f for f in (place.name, *place.aliases) if f]
        kept = [i for i in place.sentences if not _only_inside(texts.get(i, ""), forms, names.get(i, ()))]
        if kept or place.name == ctx.jurisdiction or not place.sentences:
            place.sentences[:] = kept
            out.append(place)
    return out


def _only_inside(text: str, forms: Sequence[str], names: Sequence[str]) -> bool:
    """Whether every occurrence of ``forms`` in ``text`` lies inside an occurrence of a longer name of ``names``."""
    if not names:
        return False
    covered = [(m.start(), m.end()) for n in names for m in re.finditer(re.escape(n), text)]
    found = False
    for form in forms:
        for m in re.finditer(re.escape(form), text):
            found = True
            if not any(a <= m.start() and m.end() <= b and b - a > len(form) for a, b in covered):
                return False
    return found


def _undivided_type(name: str) -> str:
    """The type of a jurisdiction outside the code table, read from its level word; the country is an Area."""
    levels = ((("省", "自治区"), "Province"), (("市",), "City"), (("区",), "District"), (("县", "旗"), "County"))
    for ends, typ in levels:
        if name.endswith(ends):
            return typ
    return "Area"  # 中国: GUIDELINES.md has no country type


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
