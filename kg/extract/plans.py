"""Named action plans, programmes and projects (某产业三年攻坚行动, 某业“百千”工程).

Sources: items of lists whose title names action plans (the name before the colon), quoted
names ending in a plan word (“某某行动”, quotes kept), running-text names ending in a plan
head word (行动/工程/计划/项目/试点 …, ``data/plan_suffixes.txt``) on a word end, and quoted
names before a programme noun (“某某”机制, “某某”综合服务机制 with up to two words of what it does, a run of quotes
whole: “甲”“乙”联动机制; ``data/plan_quoted_heads.txt``). A running-text
name starts where the segmenter's tokens say a name may start (after the predicate verb,
adverb or function word in front of it: :func:`kg.extract.policies.name_start`); coordinated
programmes share their head when each conjunct is a proper stem (国家节水和珠江流域生态修复行动,
甲、乙专项计划 → one each), and so do the items of a list closed by 等 or by the set's size (甲提升、乙培育等行动,
甲、乙、丙三大工程 → one each, a last 和 adding one when the count or both stems say so); a campaign after another
campaign and 和 keeps its own verb (实施甲活动和打击乙专项行动); a built project keeps a stem joined by 和 whole,
unless each conjunct opens on its own place or proper noun and names a work (甲干线扩能升级和乙流域能级提升工程,
甲港乙码头、丙港转型升级工程 → one each; a facility alone, 甲乙高铁, takes no head).
Listed works share a built head when each says what is done to it or which phase is built (甲二期、乙整治等工程, and
after the list's verb with no 等: 加快甲机场三期、乙机场工程前期工作); a work named alone in a 等-list (甲高铁) is the
facility and left out. Listed items share 项目 when most of them name a project by a place, a firm or another proper
noun (甲江航道整治、乙钢二期等重大项目, kinds such as 化工新材料 left out; one named item before 等 too), a kind after
等 (等|通道|项目, 等|外资项目) and a capacity in an item (甲集团60万吨乙醇) dropped; fields (等领域项目) and
examples of a counted set (甲医院等10家…项目) give none. A route's project keeps both ends (甲至乙段铁路扩能改造工程).
A verb the segmenter reads inside a parallel item stays in it (智慧城市、无废城市试点).
Between 等 and the head, class words (重点, 生态: ``data/plan_list_classes.txt``) belong to no item, an activity
(综合治理, 输变电: ``data/plan_activities.txt``) to every item (甲河、乙湖等综合治理工程), and a kind (领域, 铁路) makes
the items fields, not names. Nouns listed before one activity (开展甲地、乙地权属化解试点) are what it is done to,
so the one name holds them; a project's name opens at its place and owner when the name rule stopped at a trade
name jieba does not know or a joint venture's dash (甲市乙县圣钘科技…项目, 甲—乙…项目). Reforms are plans when
quoted (“某某”改革) or named by what they join or separate (甲与乙适度分离改革, 甲、乙、丙贯通联动改革); things listed
before a quoted mechanism are what it joins, not its name (甲港、乙港“两港联动”机制 → “两港联动”机制).
It must be a proper name: quoted, or with a specific modifier that is not generic vocabulary
(``data/plan_generic.txt``), not counted (一批, 26项) or ranked (省级, 省重点, 第一批); a built project (工程,
项目) also needs a proper noun, a number, quotes or a long stem. A round (第二轮, 第三次) after the verb opens
the name of a recurring programme, all up to its head; after a verb that carries a campaign or pilot out, verbs
stay in its name (开展|统筹协调…试点), the place and batch before that verb do not (在全国首批|开展).

A pilot's name starts after the count of its sites (开展首批9个|甲融合试点); the key works of a field (甲林业重点生态
工程, 甲通道重点项目) are a class, not a name. Building a city's international role is a programme named with the city
(甲市国际航运中心建设; roles listed before one 建设, one each).

Names with no head word: quoted names whose shape makes a programme (“煤改电”, “以电代煤”, “一网通办”, “多网合一”,
“一企一策”; unquoted before a head, 煤改气试点), quoted campaigns before 活动 (``data/plan_campaign_heads.txt``),
a quote that is the whole object of 实施/开展 (滚动实施“某某”，), campaigns (运动) named by a proper noun
(爱国卫生运动), national censuses (第五次全国经济普查) and the standing programmes of
``data/plan_standing_names.txt`` (为民办实事项目, 星火计划); the national programmes of
``data/plan_national_programmes.txt`` (南水北调, 退耕还林) named alone or as the subject of what a review reports
of it (，西气东输全面投产; with its head: 南水北调工程进展顺利), not as an amount of work.
Two names the segmenter joined with their own heads are two (甲工程和乙工程), and so are two nouns joined before one
activity and a built head (甲和乙治理工程 → 甲治理工程, 乙治理工程). A verb jieba joined to the manner adverb before
it (逐步推进, 系统实施: :mod:`kg.extract.verbs`) counts as that verb wherever a carrying or lead verb is tested.
A bare quoted name is merged into the one plan of the report named in full with it.

Not plans: five-year plans (“九五”计划: policies), the economy's plans (年度计划, 投资总额计划, 国家收购计划:
``data/plan_economic_plans.txt``) and a plan's projects (“九五”计划项目), the trade of contracting works abroad
(对外承包工程), planned immunisation (计划免疫), criticised works (“形象工程”:
``data/plan_pejorative_names.txt``), clauses (某区纳入国家试点,
产量没有完成计划: ``data/plan_clause_verbs.txt``), the sites of a pilot (试点村, 试点县), works counted right
after their head (某某项目320个), of a stage (续建, 存量: ``data/plan_project_stages.txt``) or of a class (片区类…项目),
quoted counts of project classes (“四个一批”项目) and quoted sentences; a count before a quoted name (一批“某某”项目)
is cut off, and a rating opens the name of a facility named by a place (220千伏某山输变电工程).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from functools import cache

from kg.extract.lexicon import CJK, CJK_RUN, word_re, word_set, word_union
from kg.extract.model import Agency, DocContext, Plan
from kg.extract.numbers import parse_number
from kg.extract.policies import (
    head_spans,
    is_five_year_plan,
    is_phase,
    is_verbal,
    lead_verbs,
    name_start,
    responsible_agency,
    strip_owner,
)
from kg.extract.tokens import UNKNOWN_WORD_TAGS, Token, segmenter, tokenize
from kg.extract.verbs import verb_in
from kg.loaders.model import Report

__all__ = ["find_plans", "plan_names"]

_LIST_TITLE_RE = re.compile(r"行动|计划|工程|项目|攻坚")
_ITEM_NAME_RE = re.compile(r"^\s*([^：:，,。；;]{3,40})[：:]")
_QUOTED_RE = re.compile(r"“([^”]{2,20})”")
_QUOTES_ONLY_RE = re.compile(r"((?:“[^”]+”)+)(?:系列|(?P<count>[一二两三四五六七八九十\d][大项个]))?")
_NOT_AFTER = {"工程": "师化", "计划": "生单经免", "项目": "化库部", "行动": "者车起", "试点": "村镇乡县校户"}
"""工程师, 计划生育, 计划免疫, 项目库, 行动者, 行动起来 (act); 试点村, 试点县: the sites of a pilot, not the pilot."""
_CONTRACTED_WORKS = "承包工程"
"""对外承包工程: the trade of contracting construction abroad (a category of the commerce ministry's statistics, beside
劳务合作), no programme."""
_BUILT = ("工程", "项目")
_PROPER_TAGS = ("ns", "nz", "nr", "nt", "m", "j", "eng")
_COUNTED_RE = re.compile(r"[\d一二三四五六七八九十百千万多]+[个家条座项]|一大?批|一系列|一些|若干|部分")
"""26项, 一大批, 多个, 部分: a count of things, so the words after it describe a kind."""
_SIZE_CLASS_RE = re.compile(r"以上|以下")
_QUOTED_PARTS_RE = re.compile(r"”[\d一二三四五六七八九十百]+[项个]$")
"""“治改提创”25项|行动: the number of a quoted programme's parts, right before its head, is part of its name."""
_AMOUNT_RE = re.compile(r"[0-9][0-9.]*[万亿]*元")  # 专项债券资金1327亿元|支持项目: an amount spent on projects
_PREPOSITIONS = frozenset({"关于", "对于", "对", "围绕", "按照", "通过", "根据"})  # 关于|安居工程: a topic
_NOW_WORDS = frozenset({"现在", "目前", "当前", "今年", "去年", "明年", "近年来", "过去"})
"""现在|许多大中型项目: the time of speaking opens a clause, not a name."""
_DETERMINERS = frozenset({"所有", "一切", "各项", "各类", "各种", "全部", "其他", "其它", "许多", "很多", "众多"})
"""所有|基本建设工程, 许多|项目: a determiner opens a class of works."""
_RANKED_RE = re.compile(r"^(?:国家|省|市|县|区)级?重点")  # 省重点研发项目: a rank of projects, not one
_CLASS_WORD = "类"
_COUNTED_ABBR_RE = re.compile(r"[一二两三四五六七八九十][^\d”]")
_COUNTED_CLASS_RE = re.compile(r"[一二两三四五六七八九十]+[个类张批]")
"""“四个一批”, “三类500强”, “三张清单”: a quoted name that counts classes of projects, not one project's name."""
_COORDINATORS = frozenset({"和", "及", "与", "以及"})
_QUOTES = frozenset("“”")
_OPENING_ADVERBS = frozenset({"深入", "持续", "全面", "继续", "精准", "要", "将", "还"})
_NEW_ROUND = "新一轮"
_ENUMERATOR_RE = re.compile(r"[一二三四五六七八九十]+[是要]")  # 一是, 三要: a report's points, counted
_NATION = frozenset({"国家", "全国"})
_ROUND_GROUP_RE = re.compile(r"[百千万]+名")  # 万名大学生…计划: a round head count names the programme's people
_ORDINAL_ROUND_RE = re.compile(r"第[一二两三四五六七八九十\d]+[轮次期]")
"""第二轮, 第三次, 第六期: the round of a recurring programme is part of its name (a batch, 第一批, ranks pilots)."""
_SCOPE_TAGS = ("ns", "m")  # a jurisdiction or a year in front of a programme's topic (晋城市, 2023-2024)
_QUOTE_RUN_RE = re.compile(r"(?:“[^”]*”)+等?")
_BUILDING = "建设"
_MOVEMENT = "运动"
_CENSUS = "普查"
_CENSUS_RE = re.compile(rf"第[一二三四五六七八九十]+次全国[{CJK}]{{2,8}}?{_CENSUS}")
"""第五次全国经济普查, 第七次全国人口普查: a national census is named by its ordinal."""
_CONVERSION_RE = re.compile(r"[^\d一二三四五六七八九十两][改转][^革造型向变制]|以[^“”]{1,2}代[^“”]{1,2}")
"""煤改电, 公转铁, 以电代煤: a conversion programme named by what it replaces with what (not 三项改革, 转型)."""
_INTEGRATION_RE = re.compile(r"一网[^“”]{2}|[^“”]{1,6}(?:一张网|一件事)")
"""一网通办, 三医一张网, 高效办成一件事: a service-integration programme named by its one network or one matter."""
_PER_UNIT_RE = re.compile(r"一[^“”一]一策")
"""一企一策, 一县一策: a mode of work named by one policy for each unit it covers (not 一村一品: a product)."""


@cache
def _heads() -> tuple[str, ...]:
    return tuple(word_set("plan_suffixes.txt"))


@cache
def _policy_heads() -> tuple[str, ...]:
    return tuple(word_set("policy_suffixes.txt"))


@cache
def _generic_longest_first() -> tuple[str, ...]:
    return tuple(sorted(word_set("plan_generic.txt"), key=len, reverse=True))


def _is_proper(stem: str, words: Sequence[Token], head: str) -> bool:
    """Whether a stem makes a name of its own rather than a description (重点|项目, 民生|工程, 某某续建|项目)."""
    if "“" in stem:
        return True
    if _is_generic(stem) or (head[-2:] in _BUILT and (_staged(stem) or _classed(words))):
        return False
    if head[-2:] in _BUILT:  # a built project is named by a place, a number, a proper noun or a long stem
        return (head[-2:] == "工程" and len(stem) >= 6) or any(t.pos.startswith(_PROPER_TAGS) for t in words)
    return True


def _classed(words: Sequence[Token]) -> bool:
    """Whether a built project's stem holds the word 类 after a noun (片区|类|城市更新项目): works of a class, not one
    project (鸟类, 分类 are words of their own)."""
    return any(t.text == _CLASS_WORD for t in words[1:])


def _staged(stem: str) -> bool:
    """Whether a built project's stem opens or ends with a stage of a project's life (``data/plan_project_stages.txt``:
    高速公路续建|项目, 存量|煤电项目): the projects of that stage, a category."""
    stages = tuple(word_set("plan_project_stages.txt"))
    return stem.startswith(stages) or stem.endswith(stages)


def _is_generic(stem: str) -> bool:
    """Whether a stem is generic vocabulary (``data/plan_generic.txt``) with less than two characters of its own."""
    if stem in word_set("plan_generic.txt") or len(stem) < 3:
        return True
    core = stem
    for w in _generic_longest_first():
        core = core.replace(w, "")
    return len(core) < 2


def _rejects(stem: str, words: Sequence[Token]) -> bool:
    """Stems that describe rather than name: counted (一批, 千项, 26项 outside quotes), listed (等), possessive (的),
    a size class (亿元以上) or an amount (资金100亿元), or opening with a numeral (but 万名|大学生…), a pronoun, a
    determiner (所有, 各类), a time of speaking (现在, 今年), a preposition (关于) or a rank (省级, 省重点)."""
    unquoted = re.sub(r"“[^”]*(?:”|$)", "", _QUOTED_PARTS_RE.sub("”", stem))
    if not words or _lists(words) or "的" in stem or _COUNTED_RE.search(unquoted):
        return True
    if _SIZE_CLASS_RE.search(unquoted) or _AMOUNT_RE.search(unquoted):
        return True  # 亿元以上|项目, 规模以上工业企业, 资金100亿元支持项目: a size class or an amount, not a programme
    if words[0].text in _PREPOSITIONS or words[0].text in _DETERMINERS or words[0].text in _NOW_WORDS:
        return True
    if _RANKED_RE.match(stem):
        return True
    first = words[0]
    graded = first.text.endswith("级") and len(first.text) > 1  # 省级|城市更新试点: a rank of pilots, not one
    if _rated_facility(stem, words):
        return False
    numeral = first.pos.startswith("m") and not (
        _ROUND_GROUP_RE.fullmatch(first.text) or _ORDINAL_ROUND_RE.fullmatch(first.text)
    )
    return first.text != "“" and (numeral or first.pos.startswith("r") or stem[0].isdigit() or graded)


_LISTING_WORD = "等"


def _lists(words: Sequence[Token]) -> bool:
    """Whether 等 closes a list among ``words`` (甲、乙等|行动): a word opening with it, not a word holding it
    (高等教育, 平等, 中等职业)."""
    return any(t.text.startswith(_LISTING_WORD) for t in words)  # 等促|消费活动: jieba may join it to the next word


_RATING_RE = re.compile(r"^[0-9]+(?:千伏|千瓦|兆瓦|吨级)")
"""220千伏, 30兆瓦, 10万吨级: the rating a power line, plant or berth is named with (not a count of things)."""


def _rated_facility(stem: str, words: Sequence[Token]) -> bool:
    """220千伏某山输变电工程: a rating, then a proper noun naming one facility (500千伏输变电工程 is a class)."""
    listed = re.search("[和及与、]", stem)  # 甲变电站及乙输变电工程: two facilities (jieba may join 及 to a name)
    return bool(_RATING_RE.match(stem)) and not listed and any(t.pos in ("ns", "nz", "nr") for t in words[2:])


def _quoted_names(text: str) -> list[str]:
    """Names quoted whole (“某某工程”), quotes kept: they are part of how the name is written. Not a quoted
    sentence (“甲有号令，乙见行动”: a comma inside) nor a quoted clause opening on the verb that carries it out
    (“开展某某试点”)."""
    return [
        m.group()
        for m in _QUOTED_RE.finditer(text)
        if (word_re("plan_suffixes.txt").fullmatch(m.group(1)[-2:]) or m.group(1).endswith(("行动", "工程", "计划")))
        and "，" not in m.group(1)
        and not m.group(1).startswith(tuple(word_set("plan_carry_out_verbs.txt")))
    ]


def _split_quotes(stem: str, head: str) -> list[str] | None:
    """“甲”“乙”项目, “甲”“乙”两大行动 → one plan per quote; None when the stem is not quotes only (and their count)."""
    quotes = _QUOTES_ONLY_RE.fullmatch(stem)
    if not quotes:
        return None
    names = re.findall(r"“([^”]+)”", quotes.group(1))
    if quotes.group("count") and parse_number(quotes.group("count")[:-1]) != len(names):
        return None  # “甲”“乙”三大|行动: the count must be the quotes' number to say each is one programme
    if head == "项目":  # “两高”项目, “四个一批”项目: projects of a counted category, not one named project
        names = [q for q in names if not _COUNTED_ABBR_RE.fullmatch(q) and not _COUNTED_CLASS_RE.match(q)]
    return [q if word_re("plan_suffixes.txt").search(q[-4:]) else f"“{q}”{head}" for q in names]


def _stems(
    text: str, words: Sequence[Token], k: int, hs: int, *, quoted: bool = False, built: bool = False
) -> list[tuple[str, list[Token], bool]]:
    """(stem, its tokens, whether a verb stands before it) for the head word starting at ``hs`` in ``words[k]``.

    A coordinated stem (甲提升和乙提升|行动, 甲、乙|计划) gives one stem per conjunct sharing the head, unless
    the left conjunct has a head of its own (甲行动和乙行动). ``quoted``: the head closes a quote; ``built``: the
    head is a built one (工程, 项目), whose conjunct after 和 may open on a named work (甲枢纽和|乙调水|工程).
    """
    out: list[tuple[str, list[Token], bool]] = []
    partial = words[k].start < hs  # 二期工程 as one word: 二期 is stem
    end_index, end_offset = k, hs
    while True:
        i = name_start(words, end_index, quoted=quoted, nominal=partial)
        i = _after_listed_head(text, words, _from_round(words, _over_owner(words, i)), end_index)
        i = _over_parallel_verb(words, i, end_index)
        start = words[i].start if i < end_index else (words[k].start if partial else end_offset)
        stem_words = list(words[i:end_index]) + ([words[k]] if partial and end_index == k else [])
        led = i > 0 and (is_verbal(words[i - 1]) or words[i - 1].text in _COORDINATORS)
        out.append((text[start:end_offset], stem_words, led))
        partial = quoted = False
        if start == end_offset or not (_shares_head(text, words, i) or (built and _names_second_work(text, words, i))):
            return out
        if words[i - 1].text == "、" and not _whole_conjunct(words, i - 1):
            return out[:1]  # 限额以上批零|住|餐业企业、…: a phrase cut inside is no list of names
        end_index, end_offset = i - 1, words[i - 1].start


def _over_parallel_verb(words: Sequence[Token], i: int, end: int) -> int:
    """Index where a conjunct after 、 opens when the name rule took a verb right after the 、 for the predicate
    (智慧城市、海绵城市、无废|城市|试点: jieba tags 无废 as a verb): the conjunct ends in the same word as the one
    before the 、, so the two are parallel items and the verb is part of the name, as the list's own verb comes
    before its first item. A verb that carries out or builds (、实施|乙行动) opens a clause of its own. ``i``
    otherwise."""
    if not 2 <= i < end or words[i - 2].text != "、" or not is_verbal(words[i - 1]) or i - 3 < 0:
        return i
    verb = words[i - 1].text
    if verb_in(verb, _carrying_verbs()) or verb_in(verb, _BUILDING_VERBS):
        return i
    return i - 1 if words[end - 1].text == words[i - 3].text else i


_NAME_DASHES = frozenset("—-·")
_OWNER_TAGS = ("ns", "nr", "nz", "nt", "j", "eng")


def _over_owner(words: Sequence[Token], i: int) -> int:
    """Index where a named project opens when the name rule stopped inside its owner's name: at a word the
    dictionary does not know (长沙宁乡圣钘|科技…项目: jieba tags 圣钘 as punctuation, x; 垚 as a morpheme, zg)
    or at a joint venture's dash (一汽—|大众…项目). The name extends left over that word and over the place and
    enterprise names before it (长沙|宁乡), the project's place and owner, up to the verb or punctuation that opens
    it; ``i`` otherwise."""
    j = i
    while j > 0:
        before = words[j - 1]
        if before.pos in UNKNOWN_WORD_TAGS and CJK_RUN.fullmatch(before.text):
            j -= 1
        elif before.text in _NAME_DASHES and j > 1 and words[j - 2].pos.startswith(_OWNER_TAGS) and j < len(words):
            j -= 2
        else:
            break
    if j == i:
        return i
    while j > 0 and words[j - 1].pos.startswith(_OWNER_TAGS) and not is_verbal(words[j - 1]):
        j -= 1
    return j


def _from_round(words: Sequence[Token], i: int) -> int:
    """Index of the round (第二轮, 第三次) that opens the object of the verb before it, when the name found at
    ``words[i]`` lies in that object (推进|第二轮土地承包到期后再延长30年试点: 后 and 再 cut the name short): the
    round opens the name of a recurring programme, so all up to the head is its name. ``i`` when none."""
    for j in range(i - 1, 0, -1):
        t = words[j]
        if t.pos == "x" or t.text in _QUOTES or t.text == "的":
            return i
        if _ORDINAL_ROUND_RE.fullmatch(t.text):
            return j if is_verbal(words[j - 1]) else i
    return i


def _without_round(stem: str) -> str:
    """``stem`` without the round that opens it (新一轮, 第二轮)."""
    m = _ORDINAL_ROUND_RE.match(stem)
    return stem[m.end() :] if m else stem.removeprefix(_NEW_ROUND)


def _sharing_the_lead(stems: list[tuple[str, list[Token], bool]]) -> list[tuple[str, list[Token], bool]]:
    """``stems`` (right to left) with the verb before the first conjunct leading every one (实施|甲提升、乙增效、
    丙振兴行动: 丙振兴 follows 、, but 实施 carries it out as it does 甲提升)."""
    if len(stems) < 2 or not stems[-1][2]:
        return stems
    return [(stem, words, True) for stem, words, _ in stems]


def _shares_head(text: str, words: Sequence[Token], i: int) -> bool:
    """Whether the words before ``words[i]`` are another conjunct sharing its head: 甲提升和|乙提升行动 (two
    actions), 甲、|乙计划 (a noun phrase before 、); not 甲行动和|乙行动 (the left one has its own head)."""
    if i < 2 or text[: words[i - 1].start].endswith(_closing_heads() + _policy_heads()):
        return False  # 甲行动和|乙行动, 甲方案、|乙行动: the left one has a head of its own
    if words[i - 1].text == "、":
        return name_start(words, i - 1) < i - 1
    return words[i - 1].text in _COORDINATORS and (is_verbal(words[i - 2]) or words[i - 2].pos == "vn")


def _names_second_work(text: str, words: Sequence[Token], i: int) -> bool:
    """Whether 和/及 before ``words[i]`` joins two named works sharing a built head (甲河乙水利枢纽和|丙调水|工程):
    each conjunct opens on a place or a proper noun of its own (:func:`_opens_named_work`) and says more than a
    place, and the one before ends on a noun or a verb but on no head of its own (甲工程和|乙工程: two names)."""
    if i < 2 or words[i - 1].text not in _COORDINATORS or not _opens_named_work(words[i]):
        return False
    if text[: words[i - 1].start].endswith(_closing_heads() + _policy_heads()):
        return False
    before = words[i - 2]
    if not ((before.pos.startswith(("n", "l")) and before.pos != "vn") or is_verbal(before)):
        return False
    j = name_start(words, i - 1)
    return j < i - 1 and _opens_named_work(words[j]) and not _is_place(words[j : i - 1])


_WORK_NAMING_TAGS = ("ns", "nz", "j")
"""A place, a proper noun or an abbreviation (甲河/ns, 南水北调/nz, 江淮/j) opening a work's name."""


def _opens_named_work(token: Token) -> bool:
    """Whether ``token`` can open the name of one work: a place, a proper noun or an abbreviation of two characters
    or more (a one-character one is mostly the segmenter's cut inside a word), not a generic place noun the segmenter
    tags as a place (城市/ns, 乡村: ``data/place_generic.txt``)."""
    named = token.pos.startswith(_WORK_NAMING_TAGS) and len(token.text) >= 2
    return named and token.text not in word_set("place_generic.txt")


def _named_works(text: str, stems: list[tuple[str, list[Token], bool]]) -> bool:
    """Whether the stems before a built head, joined by 和/及 or 、, name one work each (甲干线扩能升级和乙流域能级
    提升|工程, 甲港乙码头、丙港转型升级|工程): every stem opens on its own place or proper noun
    (:func:`_opens_named_work`), says more than a place (:func:`_is_place`) and is no generic, counted or ranked
    phrase, so each one is a project of its own and takes the head. A stem of kinds (工业设备更新和技术改造|工程)
    opens on none and stays whole."""
    if len(stems) < 2:
        return False
    for stem, words, _ in stems:
        if not words or not _opens_named_work(words[0]) or _is_place(words) or len(stem) < _ITEM_MIN_LEN:
            return False
        if _rejects(stem, words) or _is_generic(stem) or "“" in stem or _facility(words):
            return False
    return True


def _facility(words: Sequence[Token]) -> bool:
    """Whether a stem is a facility's name, a place and the kind of work (甲乙|高铁, 甲|机场): no project of its own
    (:func:`_bare_work`), so a list holding one is left to the rules for lists of works."""
    return len(words) <= 2 and words[-1].pos == "n" and _bare_work(words)


def _whole_conjunct(words: Sequence[Token], end: int) -> bool:
    """Whether the conjunct before ``words[end]`` is a programme's stem of its own: a whole phrase after
    punctuation (、) or a lead verb (实施|甲、乙计划), not cut after a verb inside a phrase (限额以上批零|住|餐业企业),
    not a verb phrase (改进作风、乙|行动: work listed beside the programme) and not places alone (甲地、乙地某|行动:
    the scope of one programme)."""
    j = name_start(words, end)
    if j >= end or is_verbal(words[j]) or _is_place(words[j:end]):
        return False
    return j == 0 or words[j - 1].pos == "x" or verb_in(words[j - 1].text, lead_verbs())


def _is_place(words: Sequence[Token]) -> bool:
    """A place name and at most one noun after it (汾河|谷地, 珠江流域): a scope, not a programme's stem."""
    return words[0].pos == "ns" and len(words) <= 2 and all(t.pos == "n" for t in words[1:])


def _conjuncts(text: str, stems: list[tuple[str, list[Token], bool]], head: str) -> list[tuple[str, list[Token], bool]]:
    """The stems that take ``head`` each: distributed when every conjunct is a proper stem of 4 or more characters
    (国家节水和珠江流域生态修复|行动 → two actions), else the last stem as the phrase gives it
    (居家和社区养老服务提升|试点).

    A built project (工程, 项目) is one thing built: its stem joined by 和/及/与 stays whole
    (甲片区提升和乙片区管网|项目), and a list before it (甲高铁、乙机场|工程, 人工造林21.7万亩、湿地修复|工程)
    is mostly other work. A list done as one (甲、乙、丙一体建设|试点) is one stem. ``stems`` are right to left, as
    :func:`_stems` gives them.
    """
    if head[-2:] in _BUILT:
        listed = _first_listed(text, stems)
        works = [part for stem in stems for part in _split_at_and(text, *stem, scoped=False)]
        if _named_works(text, works):
            return [(stem, words, True) for stem, words, _ in works]
        if _phases_listed(text, stems, listed):
            return [(stem, words, True) for stem, words, _ in stems]
        stems = stems[:listed]
        if any(_is_generic(part[0]) for stem in stems for part in _split_at_and(text, *stem, scoped=False)):
            return []  # 重大基础设施和重点民生|工程: a generic conjunct makes the whole a description
        if len(stems) < 2 or not all(stem[1] for stem in stems):
            return stems
        start, end = stems[-1][1][0].start, stems[0][1][0].start + len(stems[0][0])
        return [(text[start:end], [t for stem in reversed(stems) for t in stem[1]], stems[-1][2])]
    joined = len(stems) > 1 and all(stem[1] for stem in stems)
    if joined and (any(t.text in _JOINING_WORDS for t in stems[0][1][1:]) or _objects_of_one_activity(text, stems)):
        start, end = stems[-1][1][0].start, stems[0][1][0].start + len(stems[0][0])
        return [(text[start:end], [t for stem in reversed(stems) for t in stem[1]], stems[-1][2])]
    parts = [part for stem in stems for part in _split_at_and(text, *stem) if part[0]]
    if len(parts) > 1 and any("“" in p[0] for p in parts):
        return stems[:1]  # 甲协作、乙帮扶和“丙”|行动: the quoted one is the name, the others are listed work
    if len(parts) > 1 and any(_rejects(*p[:2]) for p in parts):
        return []  # 省级卫星镇、县域次中心镇、特色专业镇|试点: a ranked or counted conjunct makes a list of kinds
    if len(parts) == 1 or all(len(p[0]) >= 4 for p in parts):
        return _sharing_the_lead(parts)
    return stems[:1]  # 统一思想、统一意志、统一|行动: short conjuncts are no names; the last one alone is judged


def _objects_of_one_activity(text: str, stems: list[tuple[str, list[Token], bool]]) -> bool:
    """Whether a 、-list of nouns ends in one activity written after its last item (开展甲社区、乙社区、丙社区
    创建|行动): the nouns are what the one activity is done to, so the list is one programme's stem, as
    :func:`_with_listed_objects` reads it (an item alone, 甲社区行动, names nothing done). ``stems`` right to left."""
    *last_nouns, activity = stems[0][1]
    if not _is_activity(activity) or not _is_noun_phrase(last_nouns):
        return False
    for n, (stem, words, _) in enumerate(stems[1:], start=1):
        after = stems[n - 1][1][0].start
        if text[words[0].start + len(stem) : after] != "、" or not _is_noun_phrase(words):
            return False
    return True


def _is_noun_phrase(words: Sequence[Token]) -> bool:
    """Nouns with their modifiers (绿色/n|社区, 完整/a|社区), ending in a noun, no word saying what is done."""
    modifiers = all(t.pos.startswith(("n", "j", "a", "b")) and t.pos != "vn" and not _is_activity(t) for t in words)
    return bool(words) and modifiers and words[-1].pos.startswith(("n", "j")) and words[-1].pos != "vn"


_JOINING_WORDS = frozenset({"一体", "一体化", "协同", "融合", "联动"})
"""甲、乙、丙|一体|建设试点: words saying the listed things are done as one, so the list is one programme's stem."""


def _phases_listed(text: str, stems: list[tuple[str, list[Token], bool]], listed: int) -> bool:
    """Whether a 、-list of works shares a built head written once after its last item (启动甲提升、乙修复|工程,
    加快甲机场三期、乙机场|工程前期工作): the verb before the list carries out every item, and each item but the
    last says what is done to it (提升, 修复: ``data/plan_activities.txt``) or which phase is built (三期), so it names
    one project of its own; the last one is judged as a lone name is. A list of bare works (甲高铁、乙机场|工程) is
    left to the last one's name."""
    if listed != 1 or len(stems) < 2 or not stems[-1][2]:
        return False
    for n, (stem, words, _) in enumerate(stems[1:], start=1):
        after = stems[n - 1][1][0].start if stems[n - 1][1] else -1
        if not words or text[words[0].start + len(stem) : after] != "、":
            return False  # 甲和乙|工程: a conjunction, not a list
        if len(stem) < _ITEM_MIN_LEN or "“" in stem or _rejects(stem, words) or _is_generic(stem):
            return False
        if not (is_phase(words[-1]) or words[-1].text.endswith(tuple(word_set("plan_activities.txt")))):
            return False  # 高水平通用、|垂类大模型|工程: a modifier, not a work of its own
    return True


def _first_listed(text: str, stems: list[tuple[str, list[Token], bool]]) -> int:
    """How many stems (right to left) come before the first one that 、 separates from the next."""
    for n, stem in enumerate(stems[1:], start=1):
        if stem[1] and text[stem[1][0].start + len(stem[0]) :].startswith("、"):
            return n
    return len(stems)


def _split_at_and(
    text: str, stem: str, words: list[Token], led: bool, *, scoped: bool = True
) -> list[tuple[str, list[Token], bool]]:
    """One stem cut at each 和/及/与 outside quotes, left to right; the stem itself when it holds none or a quote.

    ``scoped``: cut only where each side opens with its own scope, a place or the nation (国家节水|和|
    珠江流域生态修复: two programmes for two scopes); 和 between other nouns mostly joins two
    modifiers of one name (农村留守儿童和困境儿童关爱服务提升|计划, 高职学校和专业建设|计划).
    """
    cuts = [j for j, t in enumerate(words) if t.text in _COORDINATORS and 0 < j < len(words) - 1]
    if not cuts or "“" in stem:
        return [(stem, words, led)]
    end = words[0].start + len(stem)  # the last word may run past the stem (二期工程)
    bounds = [-1, *cuts, len(words)]
    parts = [
        (text[words[a + 1].start : min(words[b - 1].end, end)], words[a + 1 : b], led if a < 0 else True)
        for a, b in itertools.pairwise(bounds)
    ]
    if scoped and not all(part[1] and _opens_scope(part[1][0]) for part in parts):
        return [(stem, words, led)]
    return parts


def _opens_scope(token: Token) -> bool:
    """A place (ns) or the nation (国家, 全国): the scope a programme is for."""
    return token.pos == "ns" or token.text in _NATION


def _after_listed_head(text: str, words: Sequence[Token], i: int, end: int) -> int:
    """Index after the last 甲项目和 (or 甲活动和) in ``words[i:end]``: a head before a conjunction closes a name of
    its own."""
    for j in range(end - 1, i + 1, -1):  # 人才和项目联合招引行动: a bare head word is no name of its own
        if words[j].text in _COORDINATORS and text[: words[j].start].endswith(_closing_heads()):
            return j + 1
    return i


@cache
def _closing_heads() -> tuple[str, ...]:
    """Plan heads and campaign nouns (行动, 工程, 活动): a name ending in one is closed, what follows is another."""
    return _heads() + tuple(word_set("plan_campaign_heads.txt"))


def plan_names(text: str, words: Sequence[Token] | None = None) -> list[str]:
    """Plan names written in one string, in order; ``words`` are its tokens (computed when None)."""
    words = tokenize(text) if words is None else words
    out: list[str] = _quoted_names(text) if "“" in text else []
    for k, hs, he in _plan_head_spans(text, words):
        head = text[hs:he]
        if he < len(text) and text[he] in _NOT_AFTER.get(head[-2:], ""):
            continue
        if _object_of_verb(words, k, hs):
            continue
        if head[-2:] in _BUILT and _COUNT_AFTER_RE.match(text, he):
            continue  # 实施城市更新项目|320个: the works of a kind, counted, not one named project
        if head == "项目" and text[:hs].endswith("工程"):  # 某某工程项目: 项目 says what kind of thing it is
            hs, he, head = hs - 2, hs, "工程"
            while k > 0 and words[k].start > hs:
                k -= 1
        listed = _listed_names(text, words, k, hs, head)
        out += listed or _with_opening_verb(
            _names_at_head(text, words, k, hs, head), _carried_out_names(text, words, k, hs, head)
        )
    if "”" in text:
        out += _quoted_programmes(text, words) + _quoted_shapes(text, words) + _carried_out_quotes(text, words)
    if _MOVEMENT in text:
        out += _movements(words)
    if _REFORM in text:
        out += _joining_reforms(text, words)
    if _CENSUS in text:
        out += [m.group() for m in _CENSUS_RE.finditer(text)]
    if _ROLE_CENTRE in text and _BUILDING in text:
        out += _city_role_programmes(text, words)
    out += _standing_names(text, words)
    out = [part for n in out for joined in _joined_names(n) for part in _objects_of_one_work(joined)]
    out = [_past_quote_predicate(_past_subject(_past_verb_chain(text, words, _without_predicate(n)))) for n in out]
    out = [_past_lead_verb(n) for n in out]
    out = [_with_route_start(text, words, n) for n in out]
    out += _national_programmes(text, words)  # fixed names: no verb or subject to cut from them (退牧/v|还草)
    out = [n for n in out if not _compiled(text, words, n)]
    return [
        n
        for n in dict.fromkeys(out)
        if n
        and not any(n != o and n in o for o in out)
        and not _rejected(text, n)
        and not is_five_year_plan(n)
        and not _ends_on_five_year_plan(n)
        and n.replace("“", "").replace("”", "") not in word_set("plan_pejorative_names.txt")
        and n.count("“") == n.count("”")  # 入选“2025全球十大工程成就”: a head inside a quoted title
        and not _is_economic_plan(n)
        and not _projects_acted_on(n)
        and not _projects_of_a_plan(n)
        and not _is_clause(n)
        and not _key_works(n)
        and not n.endswith(_CONTRACTED_WORKS)
    ]


_FIVE_YEAR_OPENING_RE = re.compile(
    r"“[一二三四五六七八九十]{1,3}五”|第[一二三四五六七八九十]{1,3}个五年|[一二三四六七八九十]五计划"
)
"""Where a five-year plan's title opens (“七五”, 第七个五年, unquoted 六五计划)."""


def _ends_on_five_year_plan(name: str) -> bool:
    """Whether ``name`` is a five-year plan's title with words in front (突破国家“七五”计划, 本省“十五”计划): the
    economic plan, a policy document, under a scope or a verb the name rule kept, not an action plan."""
    return any(m.start() > 0 and is_five_year_plan(name[m.start() :]) for m in _FIVE_YEAR_OPENING_RE.finditer(name))


_KEY_WORKS_RE = re.compile(rf"重点[{CJK}]{{0,2}}(?:工程|项目)$")
"""林业|重点|生态工程, 甲通道|重点工程: the key works of a field or a corridor, a class of works."""


def _key_works(name: str) -> bool:
    """Whether a built name ends on 重点 and at most a two-character field before its head (甲林业重点生态工程, 甲通道
    重点项目): the key works of what comes before, a class, not one programme. A count before them (十大重点节能工程)
    makes a fixed set with a name, and a quoted name (“甲乙”重点工程) names its works."""
    m = _KEY_WORKS_RE.search(name)
    if not m or m.start() == 0 or "”" in name:
        return False
    return not _LIST_COUNT_RE.search(name, 0, m.start())


_LIST_COUNT_RE = re.compile(r"[一二两三四五六七八九十百\d]+[大项个]")
"""三大, 六项, 4个: the size of the set of programmes listed before it (甲、乙、丙三大工程)."""
_LIST_CLOSER = "等"


@cache
def _carrying_verbs() -> frozenset[str]:
    """Lead verbs and the verbs that carry a programme out (``data/plan_carry_out_verbs.txt``: 开展, 实施)."""
    return frozenset(lead_verbs()) | word_set("plan_carry_out_verbs.txt")


def _listed_names(text: str, words: Sequence[Token], k: int, hs: int, head: str) -> list[str]:
    """The programmes of a list that shares one head word, one name each: 实施甲提升、乙培育等行动 → 甲提升行动,
    乙培育行动; 推进甲改造、乙治理和丙更新三大工程 → 甲改造工程, 乙治理工程, 丙更新工程; “甲”、“乙”等行动 →
    “甲”行动, “乙”行动.

    The list is closed by 等 or by the size of the set (三大, 六项), which say the words before them are
    items of a kind; a verbal word between that closer and the head (等|提升|行动) belongs to each name, a
    generic one (等|重点|工程) to none. Every item must be a proper stem (:func:`_listed_item`), else the list
    names kinds of work (交通、水利、能源等重大工程) and gives nothing; an item with a head of its own
    (甲工程、乙工程等“九大行动”) is a name already, for the ordinary rule.
    """
    joined_count = _LIST_COUNT_RE.fullmatch(text[words[k].start : hs])  # 十大工程 as one word
    project = head == _PROJECT
    joined = text[words[k].start : hs]  # 等|重大项目, 等|外资项目: jieba joins a class or a kind to the head
    joined_kind = project and bool(CJK_RUN.fullmatch(joined)) and joined not in word_set("plan_list_classes.txt")
    if words[k].start != hs and not joined_count and not (project and CJK_RUN.fullmatch(joined)):
        return []
    j = _list_closer(words, k, project, counted=bool(joined_count))
    modifier = None if j is None else _list_modifier(words, j, k, project, joined_kind)
    if j is None or modifier is None:
        return []
    shared, kind = modifier
    counted = bool(joined_count)
    count = joined_count.group() if joined_count else ""
    if not counted and j > 0 and _list_count_before(words, j):
        n = _list_count_before(words, j)
        j, counted, count = j - n, True, "".join(t.text for t in words[j - n : j])
    if counted and j > 0 and words[j - 1].text == "“" and text.startswith("”", words[k].end):
        j -= 1  # 甲、乙等“十大工程”: the set quoted as one name
    closed = counted
    if j > 0 and words[j - 1].text == _LIST_CLOSER:
        j, closed = j - 1, True
    if not closed or j == 0:
        return []
    bounds = _item_bounds(text, words, j, shared, count)
    if len(bounds) < 2 and not (project and not counted):  # 甲港区航道等项目: one named project of a kind
        return []
    first = _first_item_start(text, words, bounds[-1])
    if first is None:
        return []
    edges = [first - 1, *reversed(bounds)]
    items = [
        (text[words[a + 1].start : words[b - 1].end], list(words[a + 1 : b])) for a, b in itertools.pairwise(edges)
    ]
    if any(not item for item, _ in items):
        return []
    items = _kept_items(items, head, project=project, kind=kind, counted=counted, shared=shared)
    return [item + shared + head for item, _ in items]


def _list_closer(words: Sequence[Token], k: int, project: bool, *, counted: bool) -> int | None:
    """Index of the first word after a list's closer (等, a count: 等|综合治理|工程) before the head in ``words[k]``:
    at most two words (three for a project's kind: 等|跨区域通道|项目) stand between. ``k`` when the count is the
    head's own word (十大工程); None when no closer is that near."""
    j = k
    while not counted and j > 0 and words[j - 1].text not in (_LIST_CLOSER, "”") and not _list_count_before(words, j):
        if k - j >= _MODIFIER_WORDS + project:
            return None
        j -= 1
    return j


def _list_modifier(
    words: Sequence[Token], j: int, k: int, project: bool, joined_kind: bool
) -> tuple[str, bool] | None:
    """(the words between the closer and the head that every item's name takes, whether they name a kind of
    projects: 等|通道|项目) for the list closed before ``words[j]``; None when they name the kind of the listed
    things (甲、乙等|领域|专项计划: fields, not names). A project's kind is no part of the names, nor are fields
    (等|领域|项目) or a count (甲医院等|10家|…项目), which make the items no projects' names."""
    shared = _shared_modifier(words[j:k])
    fields = any(t.text.endswith(_FIELD_WORDS) for t in words[j:k])  # 甲、乙等|领域|项目: fields, not projects
    classes = word_union("plan_list_classes.txt", "plan_generic.txt")  # 等|一批|重大项目: no count
    counted_kind = any(t.pos.startswith("m") and t.text not in classes for t in words[j:k])  # 甲医院等|10家|…项目
    kind = (shared is None or joined_kind) and project and not fields and not counted_kind  # 等|通道|项目: a kind
    if shared is None and not kind:
        return None
    return shared or "", kind


def _item_bounds(text: str, words: Sequence[Token], j: int, shared: str, count: str) -> list[int]:
    """Indexes of the words that close a list's items, right to left: the closer at ``words[j]``, each 、 outside
    quotes before it, and a 和 that joins the last item (甲和乙两大行动; 甲、乙与丙等|综合治理|工程 only with no shared
    activity, as then 乙与丙 may be what the one activity is done to)."""
    bounds = [j]
    i = j
    while i > 0 and (words[i - 1].pos != "x" or words[i - 1].text in _QUOTES or words[i - 1].text == "、"):
        if words[i - 1].text == "、" and not _in_quote(words, i - 1):
            bounds.append(i - 1)
        i -= 1
    if len(bounds) < 2:  # 甲和乙两大行动: two items joined by one conjunction
        bounds += [c for c in range(j - 2, i, -1) if words[c].text in _COORDINATORS][:1]
    elif not shared:  # 甲、乙与丙等|综合治理|工程: 乙与丙 are what the one shared activity is done to
        bounds[1:1] = _last_joined(text, words, bounds[1], j, count, len(bounds))
    return bounds


def _first_item_start(text: str, words: Sequence[Token], end: int) -> int | None:
    """Index of the first word of a list's first item, which the closer or 、 at ``words[end]`` ends: where the name
    rule opens it, past the verb that carries the list out (常态化开展|甲), a clause subject's start and an activity
    joined to the one before (:func:`_subject_list_start`, :func:`_over_joined_activity`). None when the item is cut
    inside (推进甲续建配套与|乙改造、…: no verb, punctuation or building verb before it): no list of names."""
    first = _over_owner(words, name_start(words, end, quoted=words[end - 1].text == "”"))
    verbs = _carrying_verbs()
    first = max([first] + [c + 1 for c in range(first, end) if verb_in(words[c].text, verbs)])  # 常态化开展|甲
    first = _subject_list_start(text, words, first, end, verbs)
    first = _over_joined_activity(words, first, verbs)
    opener = words[first - 1] if first > 0 else None
    if opener and not (is_verbal(opener) or opener.pos == "x" or verb_in(opener.text, verbs | _BUILDING_VERBS)):
        return None
    return first


def _kept_items(
    items: list[tuple[str, list[Token]]], head: str, *, project: bool, kind: bool, counted: bool, shared: str
) -> list[tuple[str, list[Token]]]:
    """The items of a list that take the shared head, or [] when the list names kinds of work: a project list keeps
    its named items (:func:`_named_projects`) without their capacities, a list of built works drops the bare
    facilities (:func:`_bare_work`), and every item left must be a proper stem (:func:`_listed_item`)."""
    if project and (kind or not counted):
        items = _named_projects(items)
    elif head[-2:] in _BUILT and not counted and not shared:
        items = [(item, item_words) for item, item_words in items if not _bare_work(item_words)]
    done = bool(shared)
    if project and (kind or not counted) and not any(_lists(w) for _, w in items):  # 甲、乙等市推进丙…: two lists
        items = [(i, w) for i, w in items if _listed_item(i, w, head, counted=counted, done=done)]
    if not items or not all(_listed_item(i, w, head, counted=counted, done=done) for i, w in items):
        return []
    if project:
        items = [(_without_capacity(item), item_words) for item, item_words in items]
    return items


_PROJECT = "项目"
_NAMING_TAGS = ("ns", "nr")
"""Places and names (jieba reads many firms' names as persons': 比亚迪/nr): a project named anywhere by them."""
_OPENING_NAME_TAGS = ("nz", "nt", "j")
"""Other proper nouns, bodies and abbreviations (京东方/nz, 湘桂/j): jieba also gives these tags to common words
(研发/j, 深加工/nt), so they name a project only where a project's name opens, with its owner or route."""


_FIELD_WORDS = ("领域", "行业")


def _named_project(item: str, words: Sequence[Token]) -> bool:
    """Whether an item listed before a shared 项目 names one project, not a kind of projects: it holds a place or a
    name (甲江航道整治, 乙市机场四期), opens with another proper noun (a firm, a short route: 丙钢|二期, 丁戊|高铁)
    or is quoted whole. Generic nouns (化工新材料, 高速公路提质扩容, 夜经济) and a size or code (300万吨级, 5G)
    describe what kind of works are meant."""
    if item.startswith("“") and item.endswith("”") and item.count("“") == 1:
        return True
    if "“" in item or not words:
        return False
    return words[0].pos.startswith(_OPENING_NAME_TAGS) or any(t.pos.startswith(_NAMING_TAGS) for t in words)


_CAPACITY_RE = re.compile(r"(?:年产)?[0-9][0-9.]*[万亿]?(?:吨|千瓦|兆瓦|吉瓦时|立方米)(?:级)?(?:/年)?(?=[^0-9])")
"""年产60万吨, 400万吨, 20亿立方米/年: the output a project is built for, a quantity (a target), not its name."""


def _without_capacity(item: str) -> str:
    """A listed project's item without the capacity written between its owner and its product (甲集团|60万吨|乙醇 →
    甲集团乙醇): the number is a quantity the report states, and the project is named by who builds what where."""
    m = _CAPACITY_RE.search(item)
    return item[: m.start()] + item[m.end() :] if m and m.start() > 0 else item


def _named_projects(items: list[tuple[str, list[Token]]]) -> list[tuple[str, list[Token]]]:
    """The items of a list before a shared 项目 that name projects (:func:`_named_project`), the first without the
    verbs the name rule left in front of it (共建|甲通道); [] unless most items are named, as a list of mostly kinds
    (甲住房、乙改造等项目) is a list of kinds, where a proper-noun tag is the segmenter's reading of a common word."""
    if items:
        item, item_words = items[0]
        lead = len(list(itertools.takewhile(lambda t: t.pos.startswith("v") and t.pos != "vn", item_words[:-1])))
        if lead:
            items = [(item[item_words[lead].start - item_words[0].start :], item_words[lead:]), *items[1:]]
    named = [(item, item_words) for item, item_words in items if _named_project(item, item_words)]
    return named if 2 * len(named) > len(items) else []


def _bare_work(words: Sequence[Token]) -> bool:
    """Whether a list item before 等 and a built head names a work by its place and kind alone (甲中线高铁、乙高铁、
    丙高速改扩建等|工程: 甲中线高铁 is a railway, a facility): neither what is done to it (改扩建) nor its phase (二期)
    says which project, so it is the facility itself (its last word a noun), left out of the list's projects while the
    others stay."""
    last = words[-1] if words else None
    noun = last is not None and last.pos.startswith("n") and last.pos != "vn"
    return noun and not (_ends_on_activity(words) or is_phase(last))


_MODIFIER_WORDS = 2
"""At most two words between 等 and the head (等|综合治理|工程, 等|重点|工程): more are a phrase of their own."""


def _list_count_before(words: Sequence[Token], j: int) -> int:
    """How many tokens before ``words[j]`` write the size of a listed set (三大, 六项; 8|项 in two tokens), or 0."""
    if j > 0 and _LIST_COUNT_RE.fullmatch(words[j - 1].text):
        return 1
    if j > 1 and words[j - 2].pos.startswith("m") and _LIST_COUNT_RE.fullmatch(words[j - 2].text + words[j - 1].text):
        return 2
    return 0


def _is_activity(token: Token) -> bool:
    """Whether a word says what is done in a programme: a verb, or a word ending with one of the verbal nouns of
    works (``data/plan_activities.txt``: 整治/n, 综合治理/l, 输变电/l, which jieba tags as nouns). Not any verbal
    noun: 旅游/vn, 交通 name a sector (甲、乙等|旅游|工程)."""
    return is_verbal(token) or token.text.endswith(tuple(word_set("plan_activities.txt")))


def _ends_on_activity(words: Sequence[Token]) -> bool:
    """Whether a list item ends on what is done (:func:`_is_activity`), also where the segmenter cut a paired
    action in two (退牧|还|草: 还草 of ``data/plan_activities.txt``)."""
    tail = "".join(t.text for t in words[-2:])
    return bool(words) and (_is_activity(words[-1]) or tail.endswith(tuple(word_set("plan_activities.txt"))))


def _shared_modifier(mods: Sequence[Token]) -> str | None:
    """The words between 等 and a shared head that belong to every item's name: "" for none or class words only
    (等|重点|工程, 等|生态|工程: ``data/plan_list_classes.txt`` and generic words), the activity after any class words
    (等|综合治理|工程 → 甲综合治理工程, 等|重点|提升|行动 → 甲提升行动), or None when they name a kind of things
    (等|领域|计划, 等|铁路|项目): the items are then fields or works, not programmes."""
    classes = word_union("plan_list_classes.txt", "plan_generic.txt")
    rest = list(itertools.dropwhile(lambda t: t.text in classes and not _is_activity(t), mods))
    if not rest:
        return ""
    if all(_is_activity(t) for t in rest):
        return "".join(t.text for t in rest)
    return None


def _over_joined_activity(words: Sequence[Token], first: int, verbs: frozenset[str]) -> int:
    """Where a list's first item opens when the name rule opened it after 与/和/及 joining two activities on one
    work (推进|甲灌区续建配套与|现代化改造、乙河治理等工程: one item, 甲灌区续建配套与现代化改造): at the word after the
    verb that carries the list out, when the words before the conjunction end in an activity of their own.
    ``first`` otherwise."""
    if first < 2 or words[first - 1].text not in _COORDINATORS or not _is_activity(words[first - 2]):
        return first
    j = first - 2
    while j > 0 and words[j - 1].pos != "x" and words[j - 1].text not in verbs:
        j -= 1
    return j if j > 0 and words[j - 1].text in verbs and j < first - 2 else first


_ITEM_MIN_LEN = 4
_SUBJECT_TAGS = ("n", "v", "a", "b", "j", "l", "nz", "ns", "nr", "eng")


def _subject_list_start(text: str, words: Sequence[Token], first: int, comma: int, verbs: frozenset[str]) -> int:
    """Where a list's first item opens when the name rule cut it too short at a verb inside it (，创新|药应用、乙等试点
    深入开展: jieba tags 创新 as a verb): at the clause's start, the list being the clause's subject, when only
    nouns and verbs that carry nothing out (no lead verb, adverb, time or preposition) stand between. ``first``
    otherwise, and whenever the item as cut is a stem already."""
    if words[comma].start - words[first].start >= _ITEM_MIN_LEN:
        return first
    clause = _clause_start(words, first)
    if clause == 0 or words[clause - 1].text in _QUOTES or clause == first:
        return first
    between = words[clause:first]
    if any(verb_in(t.text, verbs) or not t.pos.startswith(_SUBJECT_TAGS) for t in between):
        return first
    return clause


def _last_joined(text: str, words: Sequence[Token], comma: int, closer: int, count: str, items: int) -> list[int]:
    """[index] of the 和/及/与 that joins one more item to the end of a 、-list, or []: 甲、乙和丙三项工程,
    甲提升、乙培育和丙增收等行动.

    A count says it (三项 for what 、 cuts in two); after 等, each side of the conjunction must be four characters
    or more, as a programme's stem is, so two short modifiers of one name stay joined (科技、人才和教育等)."""
    joined = [c for c in range(closer - 2, comma + 1, -1) if words[c].text in _COORDINATORS]
    if len(joined) != 1:
        return []
    if count:
        return joined if parse_number(count[:-1]) == items + 1 else []
    c = joined[0]
    left, right = text[words[comma].end : words[c].start], text[words[c].end : words[closer].start]
    return joined if min(len(left), len(right)) >= _SUBJECT_STEM_LEN else []


def _in_quote(words: Sequence[Token], i: int) -> bool:
    """Whether ``words[i]`` stands inside a quote that opens before it in ``words``."""
    depth = 0
    for t in words[:i]:
        if t.text == "“":
            depth += 1
        elif t.text == "”":
            depth = max(0, depth - 1)
    return depth > 0


def _listed_item(item: str, words: Sequence[Token], head: str, *, counted: bool, done: bool = False) -> bool:
    """Whether one item of a list sharing a head names a programme of its own: quoted whole (“甲乙”), or a stem of
    four characters or more that is not generic, counted or ranked (:func:`_rejects`) and holds no head of its
    own. Unless a count closes the list (三大工程), a 工程's item must say what is done (甲片区|改造, 乙河|治理) or
    which phase is built (甲机场|三期), as a work named alone (乙高铁) is the facility (:func:`_bare_work`), and a
    项目's item must name one (:func:`_named_project`): 研发、制造等项目 are kinds of projects. ``done``: an
    activity shared after 等 (甲河、乙湖等|综合治理|工程) says what is done to every item, so an item may be the short
    name of what it is done to (甲河), but it must be a name (a proper noun, a number, a river or lake), not a kind
    of places (背街小巷)."""
    if item.startswith("“") and item.endswith("”") and item.count("“") == 1:
        return True
    short = done or (head == _PROJECT and not counted)  # 甲河|综合治理工程, 京东方|项目: a short name does
    if len(item) < (_DONE_ITEM_LEN if short else 4) or "“" in item or item.endswith(_heads() + _policy_heads()):
        return False
    named = short and all(t.pos.startswith(_PROPER_TAGS) for t in words)  # 沙湖/ns: short, but a proper name
    if _rejects(item, words) or (_is_generic(item) and not named) or (is_verbal(words[0]) and len(words) == 1):
        return False
    built = head[-2:] in _BUILT
    if built and done and not (any(t.pos.startswith(_PROPER_TAGS) for t in words) or item.endswith(_FEATURE_ENDS)):
        return False  # 老旧街区、背街小巷等|改造提升|工程: kinds of places, no one work named
    if head == _PROJECT and not counted:
        return _named_project(item, words)
    if head[-2:] in _BUILT and not counted:
        last = words[-1]
        return head == _PROGRAMME_HEAD and (done or _ends_on_activity(words) or last.pos == "vn" or is_phase(last))
    return True


_DONE_ITEM_LEN = 2
_FEATURE_ENDS = tuple("河湖江海山渠库")
"""苦水河/n: a river, lake or canal jieba does not tag as a place is still one named feature."""


def _standing_names(text: str, words: Sequence[Token]) -> list[str]:
    """The standing programmes of ``data/plan_standing_names.txt`` in ``text`` (扎实推进年度为民办实事项目), on word
    boundaries; a quoted one (“星火计划”) is the quoted rule's."""
    found = list(word_re("plan_standing_names.txt").finditer(text))
    if not found:
        return []  # the words are indexed only for a name found: most sentences have none
    starts, ends = {t.start for t in words}, {t.end for t in words}
    return [m.group() for m in found if m.start() in starts and m.end() in ends and not text.startswith("”", m.end())]


_PROGRAMME_CLOSERS = frozenset("、，,。；;：:和及与等的”）)")
_PROGRAMME_WORK = ("成果", "工作")
_WORKS_BUILT = "建设"  # 甲工程|建设加快推进: the building of a programme's works
_CLAUSE_OPENERS = frozenset("，,。；;：:、\n")
_AMOUNT_IN_CLAUSE_RE = re.compile(r"[^，,。；;]*?\d")
_ADVERBIAL = "地"


def _national_programmes(text: str, words: Sequence[Token]) -> list[str]:
    """The national programmes of ``data/plan_national_programmes.txt`` named alone in ``text`` (巩固甲、乙等成果,
    甲、乙等重大建设 → 甲, 乙; “甲” keeps its quotes): before a comma, 、, 和, 等, 的, 成果 or 工作, or as the
    subject of what a review reports of it (，甲全面投产; 甲工程进展顺利: :func:`_reported_on`). Written with its
    head 工程 (甲工程, 甲工程建设) the programme is named so. Not the start of a longer name (甲中线工程, “甲”第四通道,
    甲管道: the name rules or the places take it), not a verb (有步骤地|退耕还林), and not an amount of the work done
    (累计甲、乙3191万公顷: a number later in the clause)."""
    out: list[str] = []
    for m in word_re("plan_national_programmes.txt").finditer(text):
        quoted = m.start() > 0 and text[m.start() - 1] == "“" and text.startswith("”", m.end())
        name, end = m.group(), m.end() + quoted
        headed = not quoted and not name.endswith(_PROGRAMME_HEAD) and text.startswith(_PROGRAMME_HEAD, end)
        if headed:
            name, end = name + _PROGRAMME_HEAD, end + len(_PROGRAMME_HEAD)  # 南水北调|工程
        after = text[end : end + 1]
        work = _PROGRAMME_WORK + ((_WORKS_BUILT,) if headed else ())
        alone = not after or after in _PROGRAMME_CLOSERS or text.startswith(work, end)
        subject = headed or m.start() == 0 or text[m.start() - 1] in _CLAUSE_OPENERS
        if not alone and not (subject and _reported_on(words, end)):
            continue
        if text[m.start() - 1 : m.start()] == _ADVERBIAL or _AMOUNT_IN_CLAUSE_RE.match(text, end):
            continue
        out.append(f"“{name}”" if quoted else name)
    return out


def _reported_on(words: Sequence[Token], end: int) -> bool:
    """Whether the word starting at ``end`` is a predicate said of the programme before it (甲|进展顺利, 甲|全面/n|投产,
    甲|防洪/vn、发电…效益): a verb or verbal noun, or a manner adverb, however jieba tags it; not a noun (甲|水源及
    沿线: a region named after it, 甲|规模: an amount)."""
    token = next((t for t in words if t.start == end), None)
    if token is None:
        return False
    adverb = token.text in word_union("verb_adverbs.txt", "predicate_adverbs.txt")
    return adverb or token.pos in ("vn", "d", "ad") or is_verbal(token)


_JOINED_HEADS_RE = re.compile(r"([^“”]*?(工程|项目|计划|行动|试点))(?:和|及|与)([^“”]{2,}?\2)")
"""甲工程和乙工程: two names, each with its own head, that the segmenter joined (三峡工程/nz is one word)."""


def _joined_names(name: str) -> list[str]:
    """``name`` split into the two names it joins when each ends on the same head (甲工程和乙工程 → 甲工程, 乙工程);
    a bare head before 和 is the end of the name before, cut at its verbs, not a word of this one (计划和|乙引领计划
    → 乙引领计划). A name that holds one head stays whole (甲和乙工程: the conjunct rules decide)."""
    m = _JOINED_HEADS_RE.fullmatch(name)
    if not m:
        return [name]
    return [m.group(3)] if m.group(1) == m.group(2) else [m.group(1), m.group(3)]


_OBJECT_TAGS = ("n", "nz", "ns", "j")


def _objects_of_one_work(name: str) -> list[str]:
    """``name`` split into one work per object when two nouns joined by 和 share one activity and the built head
    (甲和乙治理工程 → 甲治理工程, 乙治理工程: each object's own work, as the items of 甲、乙等治理工程 are); the
    name whole when a conjunct is a phrase (甲更新和乙改造提质工程: the conjunct rules decide) or the word before the
    head is no activity (``data/plan_activities.txt``)."""
    if not name.endswith(_BUILT) or not any(c in name for c in _COORDINATORS):
        return [name]
    words = tokenize(name)
    if len(words) != 5 or words[1].text not in _COORDINATORS or words[4].text not in _BUILT:
        return [name]
    first, second, activity = words[0], words[2], words[3].text
    nouns = all(t.pos in _OBJECT_TAGS and not is_verbal(t) for t in (first, second))
    if not nouns or activity not in word_set("plan_activities.txt"):
        return [name]
    return [first.text + activity + words[4].text, second.text + activity + words[4].text]


_ROUTE_WORDS = frozenset({"至", "到"})
_ROUTE_END_TAGS = ("ns", "nr", "nz", "j")


def _with_route_start(text: str, words: Sequence[Token], name: str) -> str:
    """``name`` with the start of the route it names, when the name rule cut it at 至/到 (甲到|乙特高压直流工程,
    甲至|乙段铁路扩能改造工程: the segmenter reads 到 as a verb, 至 as a preposition): a route is named by both its
    ends, so the noun before 至/到 opens the name when the name opens with a place (or a name jieba reads as a
    person's or an abbreviation) and a verb, punctuation or the text's start stands before that noun."""
    at = text.find(name)
    k = next((i for i, t in enumerate(words) if t.start == at), None) if at > 0 else None
    if k is None or k < 2 or words[k - 1].text not in _ROUTE_WORDS or not words[k].pos.startswith(_ROUTE_END_TAGS):
        return name
    start = words[k - 2]
    if not start.pos.startswith("n") or start.pos == "vn" or len(start.text) < 2 or not CJK_RUN.fullmatch(start.text):
        return name
    opened = k == 2 or words[k - 3].pos == "x" or words[k - 3].pos.startswith("v")  # 建设/vn|甲至乙…
    return text[start.start : at] + name if opened else name


_NAMING_ADVERBS = frozenset({"全面", "统筹", "依法", "系统", "率先"})
"""Manner adverbs that also open the noun phrase of a programme's name (全面振兴…行动, 统筹协调…试点, 依法行政…行动)."""


@cache
def _predicate_adverbs() -> tuple[str, ...]:
    """Adverbs that only ever modify a verb (``data/predicate_adverbs.txt``) and the manner adverbs jieba joins to the
    verb after them (``data/verb_adverbs.txt``: 继续抓好, 逐步提高) that open no name, longest first."""
    adverbs = word_union("predicate_adverbs.txt", "verb_adverbs.txt") - _NAMING_ADVERBS
    return tuple(sorted(adverbs, key=len, reverse=True))


def _without_predicate(name: str) -> str:
    """``name`` without an opening adverb and its verb (继续抓好|保障性安居工程, 严格控制/n|…: jieba joins and mis-tags
    them), as no programme name opens with one (``data/predicate_adverbs.txt``); "" when what is left is generic."""
    adverb = next((w for w in _predicate_adverbs() if name.startswith(w)), None)
    if adverb is None:
        return name
    words = tokenize(name)
    if words[0].text != adverb:
        rest = 1  # 继续抓好: adverb and verb in one token
    elif len(words) > 2 and is_verbal(words[1]):
        rest = 2
    else:
        return name
    left = name[words[rest].start :] if rest < len(words) else ""
    return _still_a_name(left, [t for t in words[rest:]], words[rest].start if rest < len(words) else 0)


def _still_a_name(left: str, words: Sequence[Token], offset: int) -> str:
    """``left``, what is left of a name once a predicate in front of it is cut off, when it still names a
    programme, else "". ``words`` are its tokens, at ``offset`` in the string they were cut from."""
    if left.endswith("”") and "“" in left:
        return left  # 工业经济“头号工程”: the quoted name is a name
    head = next((h for h in sorted(_heads(), key=len, reverse=True) if left.endswith(h)), "")
    stem = left[: -len(head)] if head else ""
    if not stem:
        return ""
    split = _split_quotes(stem, head)  # 严格控制|“两高”项目: a counted category, no name
    if split is not None:
        return left if split == [left] else ""
    stem_words = [t for t in words if t.end - offset <= len(left) - len(head)]
    return left if not _rejects(stem, stem_words) and _is_proper(stem, stem_words, head) else ""


def _past_verb_chain(text: str, words: Sequence[Token], name: str) -> str:
    """``name`` without its opening verb when that verb continues a verb chain before it (巩固|提升|甲沙漠阻击战,
    维修|养护|农村供水工程, 持续/vd|推行|甲保护计划): the chain is the predicate, cut inside by the name rule; after
    a verb that carries a programme out (实施|提振消费专项行动) the verb opens the name and stays. "" when what is
    left names nothing."""
    at = text.find(name)
    if at <= 0:
        return name
    first = next((i for i, t in enumerate(words) if t.start == at), None)
    if not first or not is_verbal(words[first]) or not is_verbal(words[first - 1]):
        return name
    if verb_in(words[first - 1].text, _carrying_verbs()):
        return name
    cut = words[first].end
    rest = [t for t in words[first + 1 :] if t.end <= at + len(name)]
    return _still_a_name(text[cut : at + len(name)], rest, cut)


_CARRY_OUT_INSIDE = ("开展", "实施")
_COMPILING = "编制"
_PLAIN_PLAN = "计划"
_PROJECT = "项目"


def _past_subject(name: str) -> str:
    """``name`` after the 开展/实施 inside it that makes the words before it a subject (某市开展|甲试点, 院所开展|
    乙合作专项行动): the programme is what is carried out; "" when what is left names nothing. 实施 right before
    the head stays: 全民健身实施计划 is an implementation plan's name."""
    unquoted = re.sub(r"“[^”]*(?:”|$)", lambda m: "“" * len(m.group()), name)  # same length, no verb inside quotes
    cuts = [unquoted.find(v) + len(v) for v in _CARRY_OUT_INSIDE if unquoted.find(v) > 0]
    if not cuts:
        return name
    left = name[max(cuts) :]
    if any(left == h for h in _heads()):
        return name
    words = tokenize(left)
    return _still_a_name(left, words, 0)


_BUILDING_VERBS = frozenset({"建设", "完成", "新建", "开工"})
_ACTING_VERBS = frozenset({"建立健全", "加强", "支持", "荣获", "获得"})
"""Verbs of handling or winning, whatever jieba tags them (建立健全/nr): no programme's name opens with one."""


@cache
def _opening_verbs() -> tuple[str, ...]:
    """Verbs that carry out, build or act (实施, 推进, 建设): no programme's name opens with one. A tuple, so a name
    that starts with none of them is told by one ``startswith`` before it is segmented."""
    return tuple(sorted(word_set("plan_carry_out_verbs.txt") | _BUILDING_VERBS | _ACTING_VERBS))


def _past_lead_verb(name: str) -> str:
    """``name`` without a verb that carries out or builds (实施, 推进, 建设) opening it (建设|重点水利工程 at a
    clause's start, where no predicate came before to cut it off): no programme's name opens with one; "" when
    what is left names nothing (重点水利工程 is a rank of works)."""
    verbs = _opening_verbs()
    if not name or name[0] == "“" or not name.startswith(verbs):
        return name  # the first word can be one of the verbs only if the name starts with one
    first = tokenize(name)[0]
    if first.text not in verbs or first.end >= len(name):
        return name
    left = name[first.end :]
    return _still_a_name(left, tokenize(left), 0)


def _past_quote_predicate(name: str) -> str:
    """``name`` from its quote when a verb stands right before the quote (荣获|“甲乙工程”, 首创|“甲+乙”模式, 匠心做好|
    “甲乙”项目): what the report did to the named programme, not part of its name."""
    q = name.find("“")
    if q <= 0:
        return name
    before = tokenize(name[:q])
    if not before or not _acts_on(before[-1]):
        return name
    left = name[q:]
    programme_nouns = tuple(word_union("plan_quoted_heads.txt", "plan_campaign_heads.txt"))
    return _still_a_name(left, tokenize(left), 0) or (left if left.endswith(programme_nouns) else "")


def _projects_acted_on(name: str) -> bool:
    """Whether a quoted name and a verb come before 项目 (“甲乙”方式支持|项目, “甲、乙”管|项目): a clause saying how
    projects are handled, not a project's name."""
    if not name.endswith(_PROJECT) or "”" not in name:
        return False
    words = tokenize(name[name.rfind("”") + 1 : -len(_PROJECT)])
    return bool(words) and _acts_on(words[-1])


def _projects_of_a_plan(name: str) -> bool:
    """Whether 项目 follows a plan's own head (“九五”计划|项目, 某某规划|项目, “十二五”规划|重大项目): the projects
    a plan lists, ranked or not, not a programme of their own."""
    if not name.endswith(_PROJECT):
        return False
    stem = _RANK_RE.sub("", name[: -len(_PROJECT)]).rstrip("”")
    return stem.endswith(_PLAN_DOCUMENT_HEADS)


_RANK_RE = re.compile(r"(?:重大|重点)$")


_PLAN_DOCUMENT_HEADS = ("计划", "规划")


_HANDLING_VERBS = frozenset({"加强", "支持", "管理", "首创", "荣获", "获得", "创建", "建立健全"})
_COMPLEMENTS = "好实强优大活"


def _acts_on(token: Token) -> bool:
    """Whether ``token`` is a predicate that acts on a programme rather than names one: a lead verb (实施), a verb
    of handling or winning (加强, 支持, 荣获, 首创), a one-character verb (管) or a verb and its complement (做好,
    抓实); not a verb that names the work (示范, 改造, 治理, 攻关)."""
    text = token.text
    if text in _HANDLING_VERBS:
        return True  # whatever jieba tags them (荣获/nr, 首创/n)
    if not token.is_verb and text not in lead_verbs():
        return False
    one_char = len(text) == 1
    complemented = len(text) == 2 and text[1] in _COMPLEMENTS
    return one_char or complemented or text in lead_verbs() or text in _HANDLING_VERBS


def _compiled(text: str, words: Sequence[Token], name: str) -> bool:
    """Whether a plain 计划 is compiled (编制|全口径政府投资计划): a planning document drawn up each year, not a
    programme carried out."""
    at = text.find(name)
    if at <= 0 or not name.endswith(_PLAIN_PLAN) or name.endswith("行动计划"):
        return False
    return any(t.end == at and t.text.endswith(_COMPILING) for t in words)


_YEAR_PLAN_RE = re.compile(r"(?:[一二三四五六七八九〇零○]{4}|\d{4}|今|明|本)年(?:度)?(?:的)?(?:国民经济)?计划$")


def _is_economic_plan(name: str) -> bool:
    """Whether a 计划 is the economy's plan (国民经济发展计划, 指令性计划, 一九五九年计划, 今年计划): a document of the
    planned economy (``data/plan_economic_plans.txt``), as five-year plans are, not a programme."""
    if not name.endswith(_PLAIN_PLAN) or "“" in name:
        return False
    return bool(_YEAR_PLAN_RE.search(name)) or any(w in name for w in word_set("plan_economic_plans.txt"))


def _is_clause(name: str) -> bool:
    """Whether ``name`` holds, outside quotes, a verb that makes it a clause (``data/plan_clause_verbs.txt``):
    某区纳入国家试点 says what happened to the district, it names no programme."""
    unquoted = re.sub(r"“[^”]*(?:”|$)", "", name)
    return any(w in unquoted for w in word_set("plan_clause_verbs.txt"))


_CLAUSE_ENDS = "，,。；;：:！!？?"


def _rejected(text: str, name: str) -> bool:
    """Whether the clause before ``name`` rejects it (不搞“形象工程”, 坚决防止…、搞“政绩工程”): a thing the report
    refuses is no programme of it (``data/plan_rejecting_words.txt``), nor one read with its rejecting verb
    (杜绝“甲工程”)."""
    rejecting = word_set("plan_rejecting_words.txt")
    if "“" in name and any(name.startswith(w + "“") for w in rejecting):
        return True
    at = text.find(name)
    if at <= 0:
        return False
    clause = text[max(text.rfind(c, 0, at) for c in _CLAUSE_ENDS) + 1 : at]
    return any(w in clause for w in rejecting)


_OBJECT_VERBS = frozenset({"有", "开始", "执行", "开展"})


def _object_of_verb(words: Sequence[Token], k: int, hs: int) -> bool:
    """Whether the head word at ``hs`` is the object of the verb right before it (基层单位执行|计划, 有|计划地,
    某制度开始|试点, 某地开展|试点): these verbs take the head as a common noun, so no name ends there. Other
    verbs there stay in the name (全民健身实施|计划, 绿色消费推进|行动)."""
    before = words[k - 1] if words[k].start == hs and k > 0 else None
    if before is None:
        return False
    joined = len(before.text) >= 4 and before.text[-2:] in _OBJECT_VERBS  # an adverb joined to it: 严格执行/nr
    return (before.is_verb and before.text in _OBJECT_VERBS) or joined


def _plan_head_spans(text: str, words: Sequence[Token]) -> list[tuple[int, int, int]]:
    """:func:`head_spans` of the plan heads, and heads the segmenter joined to the word after them that says what is
    done on the work (“三北”|工程建设, 甲灌区|工程进度, 甲试点|试点工作, 甲通道|项目前期: the building, progress, work
    or preparation of the 工程, 试点 or 项目, which ends inside that word)."""
    spans = head_spans(text, words, "plan_suffixes.txt")
    if not any(w in text for w in _WORK_WORDS) or not _joined_work_re().search(text):
        return spans
    heads = word_set("plan_suffixes.txt")
    joined = [
        (k, t.start, t.start + len(head))
        for k, t in enumerate(words)
        if (head := _joined_head(t.text, heads)) and _work_of_a_name(words, k, t.text[len(head) :])
    ]
    return sorted(spans + joined, key=lambda span: span[1]) if joined else spans


_WORK_WORDS = ("建设", "进度", "工作", "前期")
"""What is done on a named work, written after its head (甲工程|建设, 甲工程|进度, 甲试点|工作, 甲项目|前期工作)."""
_PREPARATION = "前期"


def _joined_head(word: str, heads: frozenset[str]) -> str:
    """The plan head ``word`` opens on when the rest of it is one of the work words (工程进度 → 工程), or ""."""
    rest = next((w for w in _WORK_WORDS if len(word) > len(w) and word.endswith(w)), "")
    return word[: -len(rest)] if rest and word[: -len(rest)] in heads else ""


def _is_stem_word(token: Token) -> bool:
    """A word that may belong to a name's stem (a noun, a place, a direction word), not punctuation, a verb or an
    adverb that would make the verb after it the clause's predicate."""
    return token.pos.startswith(("n", "f", "j", "s", "b", "eng", "m")) and not is_verbal(token)


@cache
def _joined_work_re() -> re.Pattern[str]:
    return re.compile(f"(?:{word_re('plan_suffixes.txt').pattern})(?:{'|'.join(_WORK_WORDS)})")


def _work_of_a_name(words: Sequence[Token], k: int, work: str) -> bool:
    """Whether the word at ``words[k]`` (工程建设, 试点工作) is the work on a named 工程 or 试点: not a verb's object
    alone (推进|工程建设, 积极推进|试点工作: the verb opens its clause or follows an adverb; a verb inside the name,
    甲线上支付|试点工作, follows a word of it) and not a modifier of a noun after it (工程建设|项目); 前期
    (preparation) is followed by the noun it qualifies (项目前期|工作)."""
    before_verb = k > 0 and is_verbal(words[k - 1]) and (k == 1 or not _is_stem_word(words[k - 2]))
    modifies = k + 1 < len(words) and words[k + 1].pos.startswith("n") and work != _PREPARATION
    return k > 0 and not before_verb and not modifies


def _names_at_head(text: str, words: Sequence[Token], k: int, hs: int, head: str) -> list[str]:
    """The names that end in the plan head word ``head`` starting at ``hs`` (inside ``words[k]``)."""
    out: list[str] = []
    closing = text.startswith("”", hs + len(head))  # 某某“攀登计划”: a stem in front of a quoted name
    stems = _stems(text, words, k, hs, quoted=closing, built=head[-2:] in _BUILT)
    for stem, stem_words, led in _conjuncts(text, stems, head):
        if closing:
            stem = _without_round(stem)  # 新一轮基层医疗“登峰计划”, 第二轮“甲”计划: a round of the named programme
            whole = "”" not in stem  # 甲“乙计划”和丙“丁计划”: a stem holding a name closed before is no one name
            if "“" in stem and not stem.startswith("“") and whole and not _rejects(stem, stem_words):
                out.append(stem + head + "”")  # “某某行动” alone: the quoted rule has it
            continue
        stem, stem_words = _quoted_after_count(stem, stem_words)
        if _PILOT in head and not _sites_after(words, hs + len(head)):
            stem, stem_words = _pilot_after_count(stem, stem_words)
        split = _split_quotes(stem.removeprefix(_NEW_ROUND), head)  # 新一轮“三增三减”行动: the quoted name
        if split is not None:
            out += split
        elif _CONVERSION_RE.fullmatch(stem):
            out.append(stem + head)  # 煤改气|试点, 以电代煤|工程: the conversion's shape names the programme
        elif _rejects(stem, stem_words) or (
            not led
            and len(stem) < 6
            and "“" not in stem
            and not _clause_subject(words, stem_words, hs + len(head))
            and not (head[-2:] in _BUILT and any(is_phase(t) for t in stem_words[1:]))
        ):
            continue  # a description, or no verb before it and too short for a subject name (甲|三期|工程 is named)
        elif _is_proper(stem, stem_words, head):
            if head[-2:] in _BUILT:
                listed = _with_listed_sites(text, words, stem_words)
            else:
                listed = _with_listed_objects(text, words, stem_words, pilot=_PILOT in head)
            out.append(listed + stem + head)
    return out


_OBJECT_MAX_LEN = 6
_PILOT = "试点"


def _with_listed_objects(text: str, words: Sequence[Token], stem_words: list[Token], *, pilot: bool = False) -> str:
    """The objects listed right before a programme's stem, with their 、 (开展|甲地、乙地|丙地权属化解|试点 → "甲地、
    乙地、"), or "": nouns with no activity of their own, joined by 、 to a stem that says what is done, are what
    that one activity is done to, so the programme's name holds them (a name cut after them would be part of
    one). The list must open right after the verb that carries the programme out; items that say what is done
    (甲提升、乙振兴|行动) or have a head of their own (甲工程、|乙行动) are programmes of their own, for the list rules,
    and places before a pilot (支持甲市、|乙市某某试点) are its sites, not its objects."""
    i = next((j for j, t in enumerate(words) if stem_words and t.start == stem_words[0].start), None)
    if not i or words[i - 1].text != "、" or not any(_is_activity(t) for t in stem_words[1:]):
        return ""
    opening = i - 1
    while words[opening].text == "、":
        j = opening
        while j > 0 and _is_object(words[j - 1]) and not (pilot and words[j - 1].pos == "ns"):
            j -= 1
        item = text[words[j].start : words[opening].start]
        if j == opening or len(item) > _OBJECT_MAX_LEN or item.endswith(_heads() + _policy_heads()):
            return ""
        opening = j - 1 if j > 0 and words[j - 1].text == "、" else j
    if opening == 0 or not is_verbal(words[opening - 1]):
        return ""
    return text[words[opening].start : words[i].start]


def _is_object(token: Token) -> bool:
    """A noun or a name that does nothing (耕地/n, 汾河谷地/ns, 危化品/n): what a listed activity is done to."""
    return token.pos.startswith(("n", "j")) and token.pos != "vn" and not _is_activity(token)


_SUBJECT_STEM_LEN = 4
_NOT_CLAUSE_ENDS = frozenset("、—-·/")
_MODALS = frozenset({"是", "要", "应", "应当", "应该", "需要", "必须", "可以", "能够", "将"})


def _clause_subject(words: Sequence[Token], stem_words: Sequence[Token], end: int) -> bool:
    """Whether a short stem and its head open their clause as its subject, a predicate right after the head
    (，村庄清洁|行动|实现全覆盖, 兴边富民|行动|深入实施): a campaign the clause reports on. A stem of fewer than
    four characters, or a head followed by a noun (行动|指南, 行动|派), is no such subject."""
    if not stem_words or sum(len(t.text) for t in stem_words) < _SUBJECT_STEM_LEN:
        return False
    first = next(i for i, t in enumerate(words) if t.start == stem_words[0].start)
    if first > 0 and (words[first - 1].pos != "x" or words[first - 1].text in _QUOTES | _NOT_CLAUSE_ENDS):
        return False  # 市、|区两级重大|项目: an item of a list, not a clause's subject
    after = next((t for t in words if t.start == end), None)
    if after is None or any(is_verbal(t) for t in stem_words) or after.text in _MODALS:
        return False  # 某某计划|应当…: a statement about plans of a kind, not a report on one
    return is_verbal(after) or (after.pos in ("d", "ad") and after.text in word_set("predicate_adverbs.txt"))


_CAMPAIGN_HEADS = ("行动", "计划", "攻坚战")
_PROGRAMME_HEAD = "工程"
_IMPLEMENT = "实施"
_COUNT_AFTER_RE = re.compile(r"[\d一二三四五六七八九十百千万]+[多余]?[处个项座条]")
"""某某项目320个, 甲、乙等综合治理工程150多个: works counted right after their head, an approximate count too."""
_CARRIED_STEM_LEN = (4, 16)


def _with_opening_verb(names: list[str], carried: list[str]) -> list[str]:
    """The names at one head, the carried-out campaign's name (:func:`_carried_out_names`) in place of the one name
    it extends with opening verbs (实施|扩大有效投资攻坚行动: jieba cut 扩大 off as the predicate), or alone when the
    ordinary rule found none."""
    if not carried:
        return names
    if not names:
        return carried
    if len(names) == 1 and carried[0].endswith(names[0]) and len(carried[0]) > len(names[0]):
        return carried
    return names


def _carried_out_names(text: str, words: Sequence[Token], k: int, hs: int, head: str) -> list[str]:
    """A campaign named by a verb and its object (实施|提振消费专项行动, 推进|稳岗扩容攻坚行动).

    After a verb that carries a campaign out (``data/plan_carry_out_verbs.txt``) at the opening of its clause,
    or of a 、-list of campaigns (实施|甲行动、乙行动), the words up to the head are the name, verbs included, as
    jieba tags them (开展|统筹协调耕林空间试点); the clause may open with where and in which batch it is done
    (在全国首批|开展). Only for campaign heads (行动, 计划), pilots (试点) and programmes carried out by 实施 (工程),
    not a quoted clause, and only where the ordinary rule found none or a shorter one (:func:`_with_opening_verb`).
    """
    programme = head == _PROGRAMME_HEAD
    if not (head.endswith(_CAMPAIGN_HEADS) or programme or head == _PILOT) or words[k].start != hs:
        return []
    item = i = _clause_start(words, k)
    while i > 1 and words[i - 1].text == "、" and text[: words[i - 1].start].endswith(_heads()):
        i = _clause_start(words, i - 1)  # 实施甲行动、|乙行动: a list of campaigns shares the verb before the first
    verbs = word_set("plan_carry_out_verbs.txt")
    if i > 0 and words[i - 1].text == "“":
        return []  # 推动“开展甲试点”写入规划: a quoted clause, no campaign of the report's
    j = _past_scope(words, i, k)
    while j < k and (
        words[j].text in word_set("predicate_adverbs.txt")
        or words[j].text in _OPENING_ADVERBS
        or _ENUMERATOR_RE.fullmatch(words[j].text)
        or _BATCH_RE.fullmatch(words[j].text)
    ):
        j += 1  # 深入|实施, 大力|推进: an adverb before the verb; 三要|实施: the number of a point; 首批|开展: a batch
    if j >= k or not verb_in(words[j].text, verbs):
        return []
    while j + 1 < k and verb_in(words[j + 1].text, verbs):
        j += 1  # 组织|开展, 深入|推进: a chain of such verbs; the name follows the last one
    if programme and (not words[j].text.endswith(_IMPLEMENT) or _COUNT_AFTER_RE.match(text, hs + len(head))):
        return []  # 推进|某某工程 may be building works, 某某工程500处 are counted works; 实施|某某工程 is a programme
    j = max(j + 1, item)
    if j < k and words[j].text in _COORDINATORS:
        return []  # 推进|和|普及…: the verb is coordinated with another, whose object the name may be
    j = max([j] + [c + 1 for c in range(j, k) if _closes_a_campaign(text, words, c)])  # 实施甲活动和|乙专项行动
    while j < k and (
        words[j].pos.startswith("u")  # 实施|了…: an aspect particle
        or words[j].text in word_set("policy_complements.txt")
        or words[j].text in _OPENING_ADVERBS
        or words[j].text in word_set("predicate_adverbs.txt")
        or words[j].text == _NEW_ROUND
    ):
        j += 1  # 实施|好, 开展|大力|优化…, 实施|新一轮|…: a complement, an adverb or a round is no part of the name
    stem_words = list(words[j:k])
    stem = text[stem_words[0].start : hs] if stem_words else ""
    low, high = _CARRIED_STEM_LEN
    if not low <= len(stem) <= high:
        return []
    if _rejects(stem, stem_words) or _is_generic(stem) or not _one_conjunct(stem_words):
        return []  # 实施26项提升行动: counted; 甲提升和乙提升行动: coordination is the ordinary rule's to split
    return [stem + head]


_BATCH_RE = re.compile(r"首批|第[一二三四五六七八九十\d]+批")
"""首批, 第二批: the batch in which a programme is carried out (在全国首批|开展…试点), said of the doing."""
_SCOPE_PREPOSITION = "在"


def _past_scope(words: Sequence[Token], i: int, k: int) -> int:
    """Index after the place a clause opens with (在全国|首批开展…, 在|甲市|开展…): 在 and the nouns or places after it
    say where the programme is carried out, before its verb; ``i`` when the clause opens otherwise."""
    if i >= k or words[i].text != _SCOPE_PREPOSITION:
        return i
    j = i + 1
    while j < k and words[j].pos in ("n", "ns", "s"):
        j += 1
    return j if j > i + 1 else i


def _closes_a_campaign(text: str, words: Sequence[Token], c: int) -> bool:
    """Whether ``words[c]`` is 和/及/与 right after a campaign's head (实施甲活动|和|乙专项行动): the verb before the
    first campaign carries out the one after the conjunction too, whose name opens after it, its own verb kept."""
    return words[c].text in _COORDINATORS and text[: words[c].start].endswith(_closing_heads())


def _clause_start(words: Sequence[Token], k: int) -> int:
    """Index of the first word of the phrase that ends before ``words[k]``: after punctuation, a quote or 的."""
    i = k
    while i > 0 and words[i - 1].pos != "x" and words[i - 1].text not in _QUOTES and words[i - 1].text != "的":
        i -= 1
    return i


def _one_conjunct(words: Sequence[Token]) -> bool:
    """Whether a carried-out campaign's stem names one campaign: no 、-list, and 和/及/与 only after a conjunct
    too short to name a campaign of its own (孕育和出生缺陷防治能力提升|计划: two objects of one 防治)."""
    if any(t.text == "、" for t in words):
        return False
    cuts = [j for j, t in enumerate(words) if t.text in _COORDINATORS]
    return all(sum(len(t.text) for t in words[:j]) < _CARRIED_STEM_LEN[0] for j in cuts)


_SITE_MAX_LEN = 3
_SITE_TAGS = ("n", "nr", "ns", "nz", "v")


def _with_listed_sites(text: str, words: Sequence[Token], stem_words: list[Token]) -> str:
    """The sites listed right before a built project's stem, with their 、 (甲乡、乙镇|污水管网改造工程 → "甲乡、乙镇"),
    or "": short names joined by 、 are the places the one project covers, so its name holds them, the last one
    maybe cut by the name rule (甲、乙冲|垃圾场…处理工程: jieba reads 冲 as a verb). Longer items (甲高铁、乙机场…) are
    other works, and common words (交通、水利) kinds of works."""
    i = next((j for j, t in enumerate(words) if stem_words and t.start == stem_words[0].start), None)
    if not i:
        return ""
    j = i
    while j > 0 and words[j - 1].text != "、" and words[i].start - words[j - 1].start <= _SITE_MAX_LEN:
        j -= 1
    if j < 2 or words[j - 1].text != "、" or (j < i and not _is_site(words[j : i])):
        return ""
    first = j - 1
    while first >= 2 and words[first - 1].pos != "x" and _is_site(words[first - 1 : first]):
        if words[first - 2].text != "、":
            break
        first -= 2
    if not _is_site(words[first - 1 : first]):
        return ""
    opening = first - 1
    before = words[opening - 1] if opening > 0 else None
    if before is not None and not (is_verbal(before) or before.pos in ("x", "t") or before.is_function):
        return ""  # the list does not open the phrase (after a verb, a time, a function word): words lead into it
    return text[words[opening].start : words[i].start]


def _is_site(tokens: Sequence[Token]) -> bool:
    """Short words (大辛, 甲乡, 老虎|冲) naming a site: at most three characters, opening with a name or a noun the
    dictionary does not know, never a common word (交通, 水利)."""
    if not tokens or sum(len(t.text) for t in tokens) > _SITE_MAX_LEN or tokens[0].pos not in _SITE_TAGS[:4]:
        return False
    head = tokens[0]
    common = segmenter().has_word(head.text) and head.pos in ("n", "v")
    return not common and all(t.pos in _SITE_TAGS for t in tokens)


def _quoted_after_count(stem: str, words: list[Token]) -> tuple[str, list[Token]]:
    """一批“某某”项目, 20个以上“某某”示范项目: the count says how many of the named programme's projects there are;
    the name starts at the quote. Other stems come back as they are."""
    q = stem.find("“")
    counts = list(_COUNTED_RE.finditer(stem, 0, q)) if q > 0 and words else []
    if not counts:
        return stem, words
    cut = words[0].start + counts[-1].end()
    rest = [t for t in words if t.start >= cut]
    while rest and rest[0].text in ("以上", "以下", "左右", "多"):
        rest = rest[1:]
    if not rest or rest[0].start > words[0].start + q:  # the count and the quote are not token-aligned
        return stem, words
    return stem[rest[0].start - words[0].start :], rest


_PILOT_COUNT_RE = re.compile(r"(?:首批|第[一二两三四五六七八九十\d]+批)?[\d一二两三四五六七八九十百]+个")
"""首批9个, 22个: the batch and the number of places that run one named pilot (首批9个|城乡融合试点)."""


def _sites_after(words: Sequence[Token], end: int) -> bool:
    """Whether a noun follows the head ending at ``end`` (5个…试点|地区): a count before it counts those sites."""
    return any(t.start == end and t.pos.startswith("n") for t in words)


def _pilot_after_count(stem: str, words: list[Token]) -> tuple[str, list[Token]]:
    """A pilot's stem without the count of its sites written before it (开展首批9个|城乡融合|试点, 新增22个|新型城镇化
    建设|试点): the count says how many places run the pilot, the name is what follows. The cut must fall on a word
    boundary and leave a stem of four characters or more with no rank in it (22个|县域试点, 10个|甲融合省级试点 name
    kinds of pilots, judged as they are). Other stems come back as they are."""
    m = _PILOT_COUNT_RE.match(stem)
    if not m or not words:
        return stem, words
    rest = [t for t in words if t.start >= words[0].start + m.end()]
    if not rest or rest[0].start != words[0].start + m.end() or len(stem) - m.end() < _ITEM_MIN_LEN:
        return stem, words
    if any(len(t.text) > 1 and t.text.endswith("级") for t in rest):
        return stem, words  # 10个|甲融合省级|试点: pilots of a rank, counted
    return stem[m.end() :], rest


def _quoted_programmes(text: str, words: Sequence[Token]) -> list[str]:
    """Names whose stem holds a quoted name before a programme noun (做实“甲乙联办”机制 → “甲乙联办”机制, 健全农村“甲乙”
    促进机制 → 农村“甲乙”促进机制), or opens with one before a campaign noun (开展“你选我查”质量抽查活动 →
    “你选我查”质量抽查活动)."""
    out: list[str] = []
    for heads, named in (("plan_quoted_heads.txt", _ends_quoted), ("plan_campaign_heads.txt", _opens_quoted)):
        for k, hs, he in head_spans(text, words, heads):
            if text.startswith("”", he):
                continue
            for stem, stem_words, _ in _stems(text, words, k, hs):
                if named is _opens_quoted and _after_opponent_word(words, hs - len(stem)):
                    continue  # 同“某某”|斗争: a struggle against what the quote names, not a campaign
                if named(stem, stem_words, text[hs:he]) and not _rejects(stem, stem_words):
                    if named is _ends_quoted:
                        stem = _past_listed_modifiers(text, _mechanism_stem(stem, stem_words), hs)
                    name = stem + text[hs:he]
                    out += _quoted_reforms(name) if text[hs:he] == _REFORM else [name]
    return out


_OPPONENT_WORDS = frozenset({"同", "与", "跟", "反"})


def _after_opponent_word(words: Sequence[Token], start: int) -> bool:
    """Whether the word ending at offset ``start`` is 同, 与, 跟 or 反 on its own (同|“某某”|斗争: what the quote
    names is fought, not a campaign's name; 参与 is a word of its own)."""
    return any(t.end == start and t.text in _OPPONENT_WORDS for t in words)


def _past_listed_modifiers(text: str, stem: str, end: int) -> str:
    """A quoted programme's stem (ending at ``end``) from its quote when the words before the quote close a 、-list
    (完善甲港、乙港、丙港“四港联动”|机制): the listed things are what the programme joins, written out beside its name,
    not a scope of it as a lone noun is (农村“双创”促进|机制). Other stems come back as they are."""
    q = stem.find("“")
    return stem[q:] if q > 0 and text[: end - len(stem)].endswith("、") else stem


_REFORM = "改革"
_QUOTED_RUN_END_RE = re.compile(r"((?:“[^”]+”){2,})改革$")


_JOINING_RE = re.compile(r"(?:一体化|分离|合一|并轨|贯通|联动)[^“”、]{0,3}$")
"""…与…适度分离|改革, …一体化大水务|改革: what the reform joins or separates, then at most a short noun (大水务)."""


def _joining_reforms(text: str, words: Sequence[Token]) -> list[str]:
    """Reforms named by what they join or separate (启动甲乙供水一体化改革, 探索甲区与乙区适度分离改革): the
    stem after the verb that carries the reform out, ending in a joining word (一体化, 分离, 合一, 并轨, 贯通, 联动)
    and at most a short noun; such a stem says which reform, as a bare field (财税体制|改革) does not."""
    out: list[str] = []
    for k, token in enumerate(words):
        hs, he = token.end - len(_REFORM), token.end
        if not token.text.endswith(_REFORM) or text.startswith(_PILOT, he):
            continue  # 某某改革试点: the pilot rule's
        for stem, stem_words, led in _joined_list(text, _stems(text, words, k, hs)):
            m = _JOINING_RE.search(stem)
            if m and m.start() == 0 and stem_words:
                stem, stem_words, led = _with_what_is_joined(text, words, stem_words, hs)
                m = _JOINING_RE.search(stem)
            if led and m and m.start() >= 2 and not _rejects(stem, stem_words) and not _is_generic(stem):
                out.append(stem + _REFORM)
    return out


def _joined_list(text: str, stems: list[tuple[str, list[Token], bool]]) -> list[tuple[str, list[Token], bool]]:
    """The one stem of a reform whose joining word follows a 、-list (深化甲乙、丙丁、戊己贯通联动|改革: the listed
    things are what it joins, so the list is the reform's name, led by the verb before its first item, as a list done
    as one is one programme's stem); the last stem alone otherwise. ``stems`` are right to left, as :func:`_stems`
    gives them."""
    listed = len(stems) > 1 and all(words for _, words, _ in stems)
    if not listed or not _JOINING_RE.search(stems[0][0]) or any("“" in stem for stem, _, _ in stems):
        return stems[:1]  # 甲建设、“乙”联动|改革: a quoted item, no list of what is joined
    bounds = [(words[0].start, words[0].start + len(stem)) for stem, words, _ in reversed(stems)]
    if any(text[a[1] : b[0]] != "、" for a, b in itertools.pairwise(bounds)):
        return stems[:1]  # 甲和乙…: a conjunction, not a list of what is joined
    start, end = bounds[0][0], bounds[-1][1]
    return [(text[start:end], [t for _, words, _ in reversed(stems) for t in words], stems[-1][2])]


_JOINED_MAX_LEN = 6


def _with_what_is_joined(
    text: str, words: Sequence[Token], stem_words: list[Token], hs: int
) -> tuple[str, list[Token], bool]:
    """A reform's stem that the name rule opened at its joining word (供排污|一体化大水务改革: jieba tags 供, 排污 as
    verbs) extended left over the words it joins, up to the verb that carries it out (启动): (stem, its tokens,
    whether that verb leads it). Stays as it is when no such verb comes within a few characters."""
    i = next(j for j, t in enumerate(words) if t.start == stem_words[0].start)
    carry = _carrying_verbs()
    j = i
    while j > 0 and words[j - 1].pos != "x" and words[j - 1].text not in carry:
        j -= 1
    if j == i or j == 0 or words[j - 1].text not in carry or words[i].start - words[j].start > _JOINED_MAX_LEN:
        return text[stem_words[0].start : hs], stem_words, False
    return text[words[j].start : hs], list(words[j:i]) + stem_words, True


def _quoted_reforms(name: str) -> list[str]:
    """The reforms a quoted reform's name gives: itself (“放管服”改革, 农村“三块地”改革), one per quote when quotes
    follow each other (“甲”“乙”改革 → “甲”改革, “乙”改革: two reforms), none when the quote is a list of principles
    (“精简、赋能”改革 says how, not which) or a programme whose own shape names it (“高效办成一件事”, “拨改投”:
    :func:`_quoted_shapes` names it bare, as the programme it is)."""
    quotes = re.findall(r"“([^”]+)”", name)
    if any("、" in q or "，" in q for q in quotes):
        return []
    if all(_INTEGRATION_RE.fullmatch(q) or _CONVERSION_RE.fullmatch(q) for q in quotes):
        return []
    run = _QUOTED_RUN_END_RE.search(name)
    if run:
        return [f"“{q}”{_REFORM}" for q in re.findall(r"“([^”]+)”", run.group(1))]
    return [name]


def _ends_quoted(stem: str, words: Sequence[Token], head: str = "") -> bool:
    """“一键申报”|机制: the quoted name is the whole stem's last part; before 机制 one or two words may follow it that
    say what the mechanism does, ending on a verb or a verbal noun (“双创”促进|机制, “甲乙”综合服务|机制, “甲”要素
    联动机制: still the named mechanism), not a noun naming a kind of mechanism, a verb and its object, a list (等)
    or a 模式 (“甲”治理|模式: a way of working of a kind)."""
    if stem.endswith("”"):
        return True
    close = stem.rfind("”")
    if head != _MECHANISM or close < 0 or not words:
        return False
    tail = [t for t in words if t.start >= words[0].start + close + 1]
    size = len(stem) - close - 1
    if not tail or len(tail) > _MECHANISM_TAIL_WORDS or not _DONE_ITEM_LEN <= size <= _OBJECT_MAX_LEN:
        return False
    if not all(t.pos.startswith(_MECHANISM_TAIL_TAGS) for t in tail):
        return False  # “甲乙”等|机制, “甲”同|城化…: a list or a phrase, not what the mechanism does
    joined = tail[-1].end > words[0].start + len(stem)  # 联动机制/n: the head joined to the word before it
    if not joined and tail[-1].pos not in ("v", "vn") and tail[-1].text not in _JOINING_WORDS:
        return False  # “甲乙”城市治理体制|机制: a noun before 机制 names a kind of mechanism
    return not (tail[0].pos == "v" and len(tail) > 1 and tail[1].pos.startswith("n"))  # “甲”开辟|县域…: a predicate


_MECHANISM = "机制"
_MECHANISM_TAIL_WORDS = 2
_MECHANISM_TAIL_TAGS = ("n", "v", "b", "a", "d", "l")
_SCOPE_MAX = 4


def _mechanism_stem(stem: str, words: Sequence[Token]) -> str:
    """The stem of a mechanism named by a quote and a verbal noun (农村“双创”促进|机制): the last quoted name (with the
    quotes written right before it: “园”“地”融合发展|机制) and its verbal noun, after at most a short noun scope
    (农村, 专项债券); the verb before them (健全, 优化) and a longer phrase (某某问题|“321”) act on the mechanism or
    describe it. Other stems come back as they are."""
    opening = stem.rfind("“")
    if stem.endswith("”") or opening < 0 or not words:
        return stem
    while opening > 0 and stem[opening - 1] == "”" and "“" in stem[:opening]:
        opening = stem.rfind("“", 0, opening)  # 甲“乙”“丙”联动|机制: the run of quotes names it together
    offset = words[0].start
    before = [t for t in words if t.end - offset <= opening]
    nouns = list(itertools.takewhile(lambda t: t.pos.startswith("n") and not is_verbal(t), reversed(before)))
    scope = sum(len(t.text) for t in nouns)
    return stem[opening - scope :] if scope <= _SCOPE_MAX else stem[opening:]


_DEMONSTRATIVES = ("这", "那")


def _opens_quoted(stem: str, words: Sequence[Token], head: str = "") -> bool:
    """“你点我检”食品抽检|活动: a quoted name, then at most a short noun phrase saying what kind of campaign
    (not a verb and its object: “某某”拓市场抓订单|活动 says what the campaign does)."""
    close = stem.find("”")
    rest = [t for t in words if t.start >= words[0].start + close + 1] if close > 0 else []
    return (
        close > 0
        and stem.startswith("“")
        and len(stem) - close - 1 <= 6
        and "“" not in stem[close:]
        and not any(is_verbal(a) and _is_noun_tag(b) for a, b in itertools.pairwise(rest))
        and not any(t.text.startswith(_DEMONSTRATIVES) for t in rest)  # “某某”这场|斗争: pointed at, not named
    )


def _is_noun_tag(token: Token) -> bool:
    return token.pos.startswith("n")


def _quoted_shapes(text: str, words: Sequence[Token]) -> list[str]:
    """Quoted names whose own shape makes them a programme, with no head word after them (推进“煤改电”改造 →
    “煤改电”; 城区集中供热“热改电” keeps the noun phrase it modifies, without the place and year in front;
    清洁取暖“煤改气”“煤改电”等项目 lists examples of a kind, named bare)."""
    out: list[str] = []
    for m in _QUOTED_RE.finditer(text):
        name = m.group(1)
        if _INTEGRATION_RE.fullmatch(name) or _PER_UNIT_RE.fullmatch(name):
            out.append(m.group())
        elif _CONVERSION_RE.fullmatch(name):
            listed = _QUOTE_RUN_RE.match(text, m.start()).group().endswith("等")  # “甲”“乙”等项目: examples
            topic = "" if listed else _topic_before(text, words, _quote_run_start(text, m.start()))
            out.append(topic + m.group())
    return out


_CARRYING_OUT = ("实施", "开展")
_STRATEGY = ("战略",)
_CLAUSE_CLOSERS = frozenset("，。；,;")


def _carried_out_quotes(text: str, words: Sequence[Token]) -> list[str]:
    """Quoted names that are the whole object of 实施 or 开展 (滚动实施“五个十大”，持续开展“打非治违”。): these verbs
    carry out a programme or a campaign, so the quote closing their clause names one, with no head word (推进 and
    打造 advance goals and slogans: 推进“某某振兴”). Not a quoted list or sentence (“甲、乙”), nor a strategy or a
    document (实施“五大战略”, “某某规划”: no programme of works)."""
    out: list[str] = []
    for m in _QUOTED_RE.finditer(text):
        closes = m.end() == len(text) or text[m.end()] in _CLAUSE_CLOSERS
        listed = "、" in m.group(1) or "，" in m.group(1) or m.group(1).endswith(_STRATEGY + _policy_heads())
        if not closes or listed:
            continue  # the quote's own tests first: the word before it is looked up only for a candidate
        before = next((t for t in reversed(words) if t.end <= m.start()), None)
        carried = before is not None and before.end == m.start() and before.text.endswith(_CARRYING_OUT)
        if carried and verb_in(before.text, word_set("plan_carry_out_verbs.txt")):
            out.append(m.group())
    return out


def _is_predicate(token: Token) -> bool:
    """A verb, verbal noun or adverb: acts on a programme rather than names it (积极|推进|“煤改电”)."""
    return is_verbal(token) or token.pos in ("vn", "ad", "d")


def _quote_run_start(text: str, start: int) -> int:
    """Where the run of adjacent quotes holding the one at ``start`` begins (“煤改气”“煤改电”)."""
    while start > 0 and text[start - 1] == "”":
        opening = text.rfind("“", 0, start - 1)
        if opening < 0:
            break
        start = opening
    return start


def _topic_before(text: str, words: Sequence[Token], start: int) -> str:
    """The noun phrase right before offset ``start`` that a quoted name modifies (冬季清洁取暖|“煤改电”), or "".

    The jurisdiction and the year in front (晋城市, 2023-2024年度) scope the programme and a
    predicate (积极推进, 宣传) acts on it: they are dropped; a stem shorter than 4 characters or one that
    describes (集中式) gives none.
    """
    idx = next((j for j, t in enumerate(words) if t.start == start), None)
    if not idx or words[idx - 1].text == "、":
        return ""
    i = name_start(words, idx)
    i = max([i] + [j + 1 for j in range(i, idx) if verb_in(words[j].text, lead_verbs())])  # 大力推进|“以竹代塑”
    while i < idx and (words[i].pos in _SCOPE_TAGS or words[i].text == "年度" or _is_predicate(words[i])):
        i += 1
    stem = text[words[i].start : start] if i < idx else ""
    return stem if len(stem) >= 4 and not _rejects(stem, words[i:idx]) else ""


def _movements(words: Sequence[Token]) -> list[str]:
    """Campaigns (运动) named by a proper noun the segmenter knows (爱国卫生|运动); a common noun before 运动
    makes a sport (冰雪|运动, 体育运动), not a campaign."""
    return [
        a.text + b.text
        for a, b in itertools.pairwise(words)
        if b.text == _MOVEMENT and a.pos == "nz" and len(a.text) >= 4
    ]


_ROLE_CENTRE = "中心"
_ROLE = r"(?:国际|全球)(?!化)[一-鿿]{1,6}?中心(?:城市)?"
_ROLE_BUILDING_RE = re.compile(rf"{_ROLE}(?:、{_ROLE})*{_BUILDING}")
"""国际航运中心建设, 全球研发中心城市建设, 国际甲中心城市、国际乙中心城市建设: building a city's international role."""
_BRACKETED_RE = re.compile(r"（[^（）]{2,8}）$")


def _city_role_programmes(text: str, words: Sequence[Token]) -> list[str]:
    """Programmes of building a city's international or global role (推动甲市国际航运中心建设, 参与甲市（乙区域）国际
    科技创新中心建设, 推进国际研发中心城市、国际会展中心城市建设 → one each): the role is a state-assigned title a
    city is built up to, and its 建设 the programme, named with the city (and the region in brackets) written right
    before it. Not when a plan or policy head follows (…中心建设|方案, …中心建设|试点: that head names the thing),
    nor a role turned adjective (国际化…中心)."""
    out: list[str] = []
    for m in _ROLE_BUILDING_RE.finditer(text):
        if text.startswith(_heads() + _policy_heads(), m.end()):
            continue
        roles = m.group()[: -len(_BUILDING)].split("、")
        if len(roles) == 1:
            roles = [_role_city(text, words, m.start()) + roles[0]]
        out += [role + _BUILDING for role in roles]
    return out


def _role_city(text: str, words: Sequence[Token], start: int) -> str:
    """The city named right before a role at ``start`` (甲市|国际…中心, 甲市（乙区域）|国际…中心), or ""."""
    bracket = _BRACKETED_RE.search(text, 0, start)
    end = bracket.start() if bracket else start
    city = next((t for t in words if t.end == end and t.pos == "ns"), None)
    return text[city.start : start] if city else ""


def _item_description(text: str, words: Sequence[Token]) -> tuple[str, list[Token]]:
    """The part of a list item after its name and colon, with its tokens shifted to it."""
    m = re.search(r"[：:]", text)
    if not m:
        return "", []
    cut = m.end()
    return text[cut:], [Token(t.text, t.pos, t.start - cut, t.end - cut) for t in words if t.start >= cut]


def find_plans(
    report: Report, ctx: DocContext, agencies: list[Agency], tokens: Mapping[int, Sequence[Token]] | None = None
) -> list[Plan]:
    """The named action plans, programmes and projects of ``report``."""
    found: dict[str, Plan] = {}

    def add(name: str, sentence: int, agency: str | None) -> None:
        plan = found.get(name)
        if plan is None:
            plan = found[name] = Plan(name, agency=agency)
        elif agency and not plan.agency:
            plan.agency = agency
        if sentence not in plan.sentences:
            plan.sentences.append(sentence)

    for item in report.items:
        if not _LIST_TITLE_RE.search(item.list_title) or "政策" in item.list_title:
            continue
        m = _ITEM_NAME_RE.match(item.text)
        if m:
            add(m.group(1).strip(), item.sentence, item.owner or strip_owner(item.text)[1])

    list_titles = {item.list_title.strip() for item in report.items}
    listed = {i.sentence for i in report.items if re.search(r"政策|文件|行动|计划|工程|项目", i.list_title)}
    for sentence in report.sentences:
        if sentence.text.strip() in list_titles:
            continue
        text = sentence.text
        words = tokens[sentence.index] if tokens is not None else tokenize(text)
        if sentence.index in listed:  # the item's own name is taken above; read its description
            text, words = _item_description(text, words)
        agency = responsible_agency(text)
        for name in plan_names(text, words):
            if not any(name in p for p in found if p != name and name in p and len(p) - len(name) <= 2):
                add(name, sentence.index, agency)
    return _short_forms_merged(found)


def _short_forms_merged(found: dict[str, Plan]) -> list[Plan]:
    """The plans, a bare quoted name (“煤改电”) merged into the one plan of the report named in full with it
    (城区集中供热“热改电”): the document's short form of that programme, not another one."""
    for name in [n for n in found if n.startswith("“") and n.endswith("”")]:
        full = [p for p in found.values() if p.name != name and p.name.endswith(name)]
        if len(full) == 1:
            full[0].sentences.extend(i for i in found.pop(name).sentences if i not in full[0].sentences)
    return list(found.values())
