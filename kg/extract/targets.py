"""Targets: the quantities a report states (新建口袋公园10处, 优良天数比例达到85%以上).

Each number with a counting unit (:func:`kg.extract.numbers.find_quantities`) becomes a
:class:`~kg.extract.model.Target` unless it is an ordinal, a date, a footnote mark, part
of a name (十五条硬措施, 稳经济30项举措), a size class (20万吨级), a back-reference (这两项) or a
written-out count of ideas (两个阶级, ``data/target_abstract_heads.txt``). The sentence around it
gives the rest:

- ``text``: the list segment (split at 、/和 between quantities) or clause holding it;
- ``role``: change (增长5%, and every item of 分别增长A、B; 增量; a rate an earlier clause names,
  …涨幅…，力争控制在15%), a streak (连续16年) and, outside the plan, a comparison (高于全国7个百分点,
  占全国23%) are statistics, else the report part (review → achievement), else tense and modal
  words (``data/target_cues.tsv``); a forecast (预计…), the starting figure of a planned change
  (由A提高到B), the base-year figure of a rise (比1958年的2050亿元增长…), a duration (长达2600年), a count joined
  to things already named (这些…和四个经济特区) and, in a look back, a level stated with 为 are statistics;
  a paragraph opening on a year or period over (一九八三年，…, 去年，…) looks back as a review does;
  a cut done (取消了…) is an achievement; in a look back the figure a rise starts from (由A提高到B) and a bound
  of a measure defining the class a later count counts (引进亿元以上项目90个) are statistics, and a review
  part's section on the situation (关于经济形势) reports done work, not the present state;
- ``deadline``: 到2025年 → "2025", 6月底前 → plan year's 06-30 (2025年6月底前 → 2025-06-30),
  上半年/三季度末/9月中旬前 → that half's, quarter's or ten days' last day, 年底前/年内/全年 or a
  list titled "2023年…清单" → "2023-12-31", 3年内/今后三年 → plan year + 2, 今年/明年 → the year the
  report is delivered in and the next (a December report's 明年 is its plan year), “九五”期间 → the
  plan period's last year, 主要预期目标是：… and 比去年/同比 → the plan year; the rises and bounded
  figures of the rest of a paragraph that a dated 主要预期目标是：/计划要求， opens share its year;
- ``agency``: the owner of a list item, or the body made responsible by 由…负责/牵头
  earlier in the sentence or section; bodies that 配合 are ``supporting``;
- ``places``: known places named in the same segment, or the place the clause or
  sentence opens with.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from kg.extract.agencies import AgencyMention, agency_mentions
from kg.extract.lexicon import alternation, rows, word_set, words
from kg.extract.model import Agency, DocContext, Place, Target
from kg.extract.numbers import CHINESE_DIGITS, Quantity, find_quantities
from kg.extract.ownership import Owner, carried_owner, item_owner, note_owner, noted_owner, owner_in
from kg.loaders.model import ListItem, Report, Sentence
from kg.loaders.structure import turns_ahead

__all__ = ["find_targets", "indicator_direction", "indicator_variants", "standard_indicator", "targets_in_sentence"]

_CLAUSE_BREAKS = "，,；;。：:！!？?"
_BREAK = re.compile(f"[{re.escape(_CLAUSE_BREAKS)}]")
_LAST_BREAK = re.compile(f"[{re.escape(_CLAUSE_BREAKS)}][^{re.escape(_CLAUSE_BREAKS)}]*$")
_QUOTES = {"“": "”", "《": "》", "「": "」", "『": "』", "‘": "’", '"': '"'}
_OPENING_QUOTE = re.compile("|".join(map(re.escape, _QUOTES)))
_LIST_SPLIT = re.compile(r"、|和|及|以及|与|（|\(")
"""Where a segment ends between two quantities: a list joiner, or a parenthesis opening its own (（最高1200元）)."""
_LEAD_FRAME = re.compile(r"(?:自[^，。；]{1,16}?起)?(?:对[^，。；]{1,24}?(?=按照|依照))?(?:按照|依照)")
"""自2019年起对本年度用户按照…: start, beneficiary and 按照 open the clause before what the quantity measures."""
_MASKED_YEAR = re.compile(r"[12][0-9]{1,2}\*年")
_CN_SMALL_NUM = {ch: n for ch, n in CHINESE_DIGITS.items() if n} | {"十": 10}
_CHANGE_UNITS = {"%", "个百分点", "倍", "‰"}
_TIME_UNITS = {"年", "个月", "月", "周", "天", "日", "小时"}
_FIRST_PLAN_ENDS = {1: 1957, 2: 1962}
"""The first two five-year plans ended in 1957 and 1962; from the third (1966–1970) on, the N-th ends in 1955 + 5N."""


def _five_year_plan_end(ordinal: str) -> int:
    """The last year of the five-year plan 十四五, 九五, 十五 (the tenth) names: 2025, 2000, 2005."""
    if len(ordinal) == 3:  # 十四五
        return 1955 + 5 * (10 + _CN_SMALL_NUM[ordinal[1]])
    n = 10 if ordinal == "十五" else _CN_SMALL_NUM[ordinal[0]]  # 十五 is the tenth, 九五 the ninth
    return _FIRST_PLAN_ENDS.get(n, 1955 + 5 * n)


_NOT_MODAL_YAO = re.compile(r"(?:需|主|重|必|纪|只|不)要|要(?:求|素|点|害|件)")
_PAST_LE = re.compile(rf"[{chr(0x4E00)}-{chr(0x9FFF)}]了(?!解|结|如指掌)")
_NOT_PAST_LE = re.compile(r"(?:为|除|不|得|罢|受不|少不|免不)了")
_ORDINAL_AFTER = re.compile(r"^(?:次|届)(?:全会|会议|全体会议|代表大会|党代会)")
_BARE_MULTIPLIER = re.compile(
    r"(?<![0-9零〇一二两三四五六七八九十百千万亿])"
    r"(?:(过|超过|超|突破|逾|接近|近)(万亿|千亿|百亿|亿|千万|百万|万)元|(万亿|千亿|百亿|亿|千万|百万|万)元(以上))"
)
"""过亿元, 突破万亿元, 近千亿元, 亿元以上: a magnitude written without a digit (one of it)."""
_BARE_ABOUT = ("接近", "近")
_FUTURE_PATTERN = re.compile(r"到[0-9]{4}年|[0-9一二两三四五]年内")
_BARE_FACTORS = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    cues: dict[str, list[str]] = {}
    for word, kind, *_ in rows("target_cues.tsv"):
        cues.setdefault(kind, []).append(word)
    return {k: tuple(v) for k, v in cues.items()}


@cache
def _cue_re(kind: str) -> re.Pattern[str]:
    return re.compile(alternation(_cues()[kind]))


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


@dataclass
class _Responsible:
    """The body a section has made responsible so far (由市执法局负责 …)."""

    agency: str | None = None
    supporting: tuple[str, ...] = ()


# --- finding quantities that are targets ---------------------------------------------


def _quoted_spans(text: str) -> list[_Span]:
    """Spans of up to 30 characters from an opening quote to its closing one, left to right."""
    spans = []
    opening = _OPENING_QUOTE.search(text)
    while opening:
        i = opening.start()
        j = text.find(_QUOTES[text[i]], i + 1)
        if j != -1 and j - i <= 30:
            spans.append(_Span(i, j + 1))
            opening = _OPENING_QUOTE.search(text, j + 1)
        else:
            opening = _OPENING_QUOTE.search(text, i + 1)
    return spans


def _bare_multipliers(text: str) -> list[Quantity]:
    """过亿元项目, 投资亿元以上项目, 突破万亿元, 近千亿元: a multiplier without a digit counts as one."""
    found: list[Quantity] = []
    if "元" not in text:
        return found  # every form names 元; the pattern opens with a look-behind, tried at every position
    for m in _BARE_MULTIPLIER.finditer(text):
        mult = m.group(2) or m.group(3)
        num_start = m.start(2) if m.group(2) else m.start(3)
        found.append(
            Quantity(
                value=_BARE_FACTORS[mult],
                unit="元",
                start=m.start(),
                end=m.end(),
                num_start=num_start,
                num_end=num_start + len(mult),
                comparator="~" if m.group(1) in _BARE_ABOUT else ">=",
                raw_unit="元",
                arabic=False,
                unit_end=num_start + len(mult) + 1,
            )
        )
    return found


def _name_spans(text: str) -> list[_Span]:
    """Quoted spans (“五纵六横”, 《…》) and set phrases (八项规定): numbers in them are names."""
    spans = _quoted_spans(text)
    for phrase in words("target_names.txt"):
        if phrase in text:
            spans.extend(_Span(m.start() - 1, m.end()) for m in re.finditer(re.escape(phrase), text))
    return spans


_SET_UNITS = frozenset({"个", "项", "条", "类", "件", "批"})
"""Measure words a collective count is written with (三项指标, 四个方面, 五个城市)."""
_SET_HEAD = re.compile(
    r"[\u4e00-\u9fff]{0,6}?分别|[\u4e00-\u9fff]{0,3}?(?:方面|字|句话|点|部分)(?:的)?(?:工作|内容)?[：:]"
)
"""三项指标分别为…; 十个方面工作：, 12个字： (the parts of the text itself, announced before a colon)."""
_AMONG_TAIL = re.compile(r"[\u4e00-\u9fff]{1,8}?之?中(?=[，,]|排名|位居|居|名列)")


def _is_set_size(text: str, q: Quantity) -> bool:
    """A count that names the set the sentence then enumerates or ranks within: no quantity of its own.

    做好以下十个方面工作：… (the report's own structure; 办好10件民生实事：… stays a target),
    三项指标分别为31%、36%… (the items follow, they are the quantities),
    在东北地区的四个副省级城市中，我市排名… (the comparison frame, not a thing counted).
    """
    if q.unit not in _SET_UNITS or q.value_max is not None:
        return False
    if _SET_HEAD.match(text, q.unit_end):
        return True
    if not _AMONG_TAIL.match(text, q.unit_end):
        return False
    return "在" in text[_clause(text, q.num_start).start : q.num_start]


_PACKAGE_UNITS = frozenset({"条", "项"})
_PACKAGE_HEAD = re.compile(r"(?:政策)?(?:硬措施|措施|举措|意见|规定|禁令)")
"""十五条硬措施, 稳经济30项举措, 20条政策措施: a policy package named by the number of its articles."""


def _is_package_name(text: str, q: Quantity) -> bool:
    """A count of articles that names a policy package (落实十二条措施): part of the name, no quantity."""
    return q.unit in _PACKAGE_UNITS and q.value_max is None and bool(_PACKAGE_HEAD.match(text, q.unit_end))


_DEMONSTRATIVES = frozenset("这那")


@cache
def _abstract_heads_re() -> re.Pattern[str]:
    return re.compile(alternation(words("target_abstract_heads.txt")))


def _is_abstract_count(text: str, q: Quantity) -> bool:
    """两个阶级, 三个世界, 四项原则, 两条路线: a numeral written out before an idea (``data/target_abstract_heads.txt``)
    counts the parts of an argument, not the report's subject matter."""
    if q.arabic or q.unit not in _SET_UNITS or q.value_max is not None:
        return False
    return bool(_abstract_heads_re().match(text, q.unit_end))


def _is_size_class(text: str, q: Quantity) -> bool:
    """20万吨级泊位, 30万千瓦级机组: a size class names the kind of thing, it counts nothing."""
    return text[q.unit_end : q.unit_end + 1] == "级"


def _size_classes(text: str) -> list[Quantity]:
    """The size classes of ``text`` (no targets, but each ends the list item it stands in)."""
    if "级" not in text:
        return []
    return [q for q in find_quantities(text) if _is_size_class(text, q)]


_RANK_UNITS = frozenset({"位", "名", "强"})
_MEASURE_IN_NAME = frozenset({"小时", "分钟", "天", "岁", "%"})
_NAME_HEAD_AFTER = re.compile(r"(?:(?!的)[\u4e00-\u9fff]){0,8}?(?:政策|圈)(?![\u4e00-\u9fff])")
"""…免签政策, …经济圈, …便民生活圈: the head of a policy or of a named area, right after the words a measure
of time, age or rate opens."""


def _is_in_name(text: str, q: Quantity) -> bool:
    """72小时过境免签政策, 2小时经济圈, 15分钟便民生活圈: a measure of time, age or rate that opens the name of a
    policy or of a service or commuting circle (GUIDELINES: names that contain digits) is no quantity; counts of
    policies (出台10项政策) stay quantities."""
    return q.unit in _MEASURE_IN_NAME and q.value_max is None and bool(_NAME_HEAD_AFTER.match(text, q.end))


def _is_excluded(text: str, q: Quantity, names: list[_Span]) -> bool:
    """Ordinals, names with digits, quoted names, the article 一个, 十三届六次全会, set sizes, per-bases.

    A number right after 每 is the base a rate is counted per (每10万人口拥有…, 每50公斤提高7元):
    the quantity is the figure that follows, not the base.
    """
    if any(s.start < q.num_start < s.end for s in names) or _is_set_size(text, q) or _is_package_name(text, q):
        return True
    before = text[max(0, q.num_start - 1) : q.num_start]
    if before == "每" or (before in _DEMONSTRATIVES and not q.arabic):
        return True  # 这两项, 那三个: a set the text has named already, counted again
    if _is_abstract_count(text, q) or _is_size_class(text, q):
        return True
    if before == "第" or (before and (before.isascii() and (before.isalpha() or before in "_{"))):
        return True
    if (before == "前" and q.unit in _RANK_UNITS) or _is_in_name(text, q):
        return True  # 进入全国前10位, 包揽前三名: a rank, an ordinal
    if before == "届" or _ORDINAL_AFTER.match(text[q.unit_end - len(q.raw_unit) :]):
        return True
    if not q.arabic and text[q.num_start : q.num_end] == "一" and q.value_max is None:
        return True  # 一个信息平台, 一张蓝图: an article, not a count
    return bool(text[q.num_start : q.num_end] == "一" and text[q.num_end : q.num_end + 1] == "体")


def _quantities(text: str) -> list[Quantity]:
    counted, bare = find_quantities(text), _bare_multipliers(text)
    if not counted and not bare:
        return []
    quoted = _name_spans(text)
    found = [q for q in counted if not _is_excluded(text, q, quoted)]
    taken = [(q.num_start, q.end) for q in found]
    for q in bare:
        if not any(s <= q.num_start < e for s, e in taken) and not any(s.start < q.num_start < s.end for s in quoted):
            found.append(q)
    return sorted(found, key=lambda q: q.num_start)


# --- spans: clause and list segment ----------------------------------------------------


def _clause(text: str, pos: int) -> _Span:
    """From after the last clause break before ``pos`` to the first one at or after it."""
    last = _LAST_BREAK.search(text, 0, pos)
    following = _BREAK.search(text, pos)
    return _Span(last.start() + 1 if last else 0, following.start() if following else len(text))


def _segments(text: str, quantities: list[Quantity]) -> list[_Span]:
    """The clause of each quantity, cut at 、/和 between neighbouring quantities."""
    segs = []
    for k, q in enumerate(quantities):
        clause = _clause(text, q.num_start)
        start, end = clause.start, clause.end
        prev = quantities[k - 1] if k else None
        if prev is not None and prev.end > start:
            cut = _last_split(text, prev.end, q.start)
            if cut is not None:
                start = cut
        nxt = quantities[k + 1] if k + 1 < len(quantities) else None
        if nxt is not None and nxt.start < end:
            cut = _first_split(text, q.end, nxt.start)
            if cut is not None:
                end = cut[0]
        segs.append(_Span(start, end))
    return segs


def _splits(text: str, a: int, b: int) -> list[re.Match[str]]:
    """The list joiners between ``a`` and ``b``; a 和/及/与 inside a word (涉及, 惠及, 参与, 和谐,
    ``data/joiner_words.txt``) joins nothing."""
    inside = word_set("joiner_words.txt")
    return [
        m
        for m in _LIST_SPLIT.finditer(text, a, b)
        if len(m.group()) > 1
        or m.group() not in "和及与"
        or not (text[m.start() - 1 : m.end()] in inside or text[m.start() : m.end() + 1] in inside)
    ]


def _last_split(text: str, a: int, b: int) -> int | None:
    matches = _splits(text, a, b)
    return matches[-1].end() if matches else None


def _first_split(text: str, a: int, b: int) -> tuple[int, int] | None:
    matches = _splits(text, a, b)
    return (matches[-1].start(), matches[-1].end()) if matches else None


def _trim(text: str, span: _Span) -> _Span:
    start, end = span.start, span.end
    while start < end and text[start] in " \u3000、（(":
        start += 1
    while end > start and text[end - 1] in " \u3000)）":
        end -= 1
    m = re.match(r"(?:并且|并|和|及|以及|与|同时|让|使)", text[start:end])
    if m and end - start - m.end() >= 2:
        start += m.end()
    m = _LEAD_FRAME.match(text, start, end)
    if m and end - m.end() >= 2:
        start = m.end()
    m = re.search(r"\[[^\]]{1,8}\]$", text[start:end])
    if m:
        end = start + m.start()
    return _Span(start, end)


def _before_open_bracket(text: str, span: _Span, q: Quantity) -> _Span:
    """``span`` ending before a bracket opened after the quantity and not closed in it: 培训40万人次（牵头单位 is
    培训40万人次, 7.4万套（间 is 7.4万套 — the note in brackets says who or what else, not what is measured."""
    for k in range(q.end, span.end):
        if text[k] in "（(" and not any(c in "）)" for c in text[k + 1 : span.end]):
            return _Span(span.start, k)
    return span


# --- role, deadline, agency, places, indicator ----------------------------------------


def _has_cue(text: str, kind: str) -> bool:
    if kind == "future":
        cleaned = _NOT_MODAL_YAO.sub("", text)
        return bool(_cue_re("future").search(cleaned) or _FUTURE_PATTERN.search(text))
    if kind == "statistic":
        return any(
            not re.match(r"不|下限|上限", text[max(0, m.start() - 1) : m.start()])
            for m in _cue_re("statistic").finditer(text)
        )
    if kind == "past":
        if _cue_re("past").search(text):
            return True
        return any(not _NOT_PAST_LE.match(text, m.start() - 1) for m in _PAST_LE.finditer(text))
    return bool(_cue_re(kind).search(text))


def _has_perfective(text: str, start: int, end: int) -> bool:
    """A verb with 了 between ``start`` and ``end`` (梳理了, 建成了): the action is done."""
    return any(not _NOT_PAST_LE.match(text, m.start() - 1) for m in _PAST_LE.finditer(text, start, end))


def _is_change(text: str, q: Quantity, seg_start: int) -> bool:
    """A rise or fall: 增长5%, 下降2个百分点 (a few words may intervene); 提高30元 (cue right before); 增量39亿斤;
    保持20%以上增长 (the rise written after the rate); a rate the clause before names and this one sets
    (涨幅…，力争控制在15%左右)."""
    if _increment_before_re().search(text, max(0, q.start - 6), q.start):
        return True
    if q.unit in _CHANGE_UNITS and _RISE_AFTER.match(text, q.end):
        return True
    before = text[max(seg_start, q.start - 8) : q.start]
    found = list(_cue_re("change").finditer(before))
    if not found:
        if q.unit not in _CHANGE_UNITS:
            return False
        return _is_goal_rise(text[max(seg_start, q.start - 16) : q.start]) or _sets_rate(text, q)
    between = _GOAL_FRAME.sub("", before[found[-1].end() :])
    if q.unit not in _CHANGE_UNITS:
        return _is_amount_change(text, q, seg_start)
    return (not re.search(r"[到至为达]", between) and len(between) <= 3) or _sets_rate(text, q)


_RISE_AFTER = re.compile(r"的?(?:(?:预期|经济)*(?:增长|增速)(?:预期)?目标|增长|增幅|下降|降幅|涨幅|回落)")
"""保持20%以上增长, 5.5%左右的预期增长目标: a rate with the rise it measures written after it."""


@cache
def _increment_before_re() -> re.Pattern[str]:
    """增量39.7亿斤, 减量达5万吨: the noun of a rise's amount right before the number."""
    return re.compile(f"(?:{_cue_re('increment').pattern})(?:为|达到|达|约|近)?$")


_RATE_FRAME = re.compile(
    r"(?:今年|全年|明年|力争|确保|争取|努力|务必|必须|要|拟|初步|预期|预计|主要|宏观调控|调控|目标是|目标|定为|定在|设定为|设为"
    r"|调整为|控制在|保持在|稳定在|达到|达|实现|为|在|是|约|大约|的|，|,)*"
)
"""What may stand between a rate and its percentage when it only sets it (增速…的预期目标，定为; 保持在; 要达到)."""


def _sets_rate(text: str, q: Quantity) -> bool:
    """经济增长速度保持在7%左右, 今年经济增长速度的宏观调控目标，定为8%至9%; 确保物价上涨幅度明显回落，力争控制在15%:
    a percentage set for a rate of rise or fall (``rate`` cues) named before it with only the words of setting a
    goal between, or named in an earlier clause of the sentence when this clause only sets the figure: that rate,
    a change."""
    rates = list(_cue_re("rate").finditer(text, 0, q.start))
    if not rates or re.search(r"[0-9０-９]|百分之", text[rates[-1].end() : q.start]):
        return False
    if _RATE_FRAME.fullmatch(text, rates[-1].end(), q.start):
        return True
    clause = _clause(text, q.num_start)
    return clause.start > rates[-1].end() and _RATE_FRAME.fullmatch(text, clause.start, q.start) is not None


_GOAL_FRAME = re.compile(r"^(?:速度|速)?的?(?:主要)?(?:预期)?目标(?:设定为|定为|定在|为|是)?")
"""增长预期目标为5%左右: the goal the rise is set as stands between the change word and its number."""


def _is_goal_rise(before: str) -> bool:
    """经济增长速度预期目标为7%: a change word, then only the words of the goal it is set as."""
    found = list(_cue_re("change").finditer(before))
    return bool(found) and _GOAL_FRAME.fullmatch(before[found[-1].end() :]) is not None


def _is_amount_change(text: str, q: Quantity, seg_start: int) -> bool:
    """补助标准提高30元: an amount cue right before the number, after the thing that changes.

    A cue that opens the clause (增加5000个学位) adds things: a target, not a change.
    """
    cue = _amount_before_re().search(text, seg_start, q.start)
    if cue is None:
        return False
    subject = _strip_verbs(text[seg_start : cue.start()])
    return len(subject) >= 2


@cache
def _amount_before_re() -> re.Pattern[str]:
    return re.compile(f"(?:{_cue_re('amount').pattern})$")


def _modal_before(text: str, clause: _Span, pos: int) -> bool:
    """A commitment word (要, 力争, 确保, 到2025年 …) in the clause before ``pos``."""
    return _has_cue(text[clause.start : pos], "future")


_EARLIER_YEAR = re.compile(
    r"(?<![到至自从比较与同])(?P<year>(?:19|20)[0-9]{2}|[一二][九〇零][〇零一二三四五六七八九]{2})年(?!底?前|以前|末前)"
)
"""2022年粮食产量达到…, 一九八四年增加…: a year named as the time of the fact (not 到2025年, 比2020年, 年底前)."""


def _year_number(written: str) -> int:
    """2022 or 一九八四 as a number."""
    return int(written) if written.isdigit() else int("".join(str(CHINESE_DIGITS[c]) for c in written))


def _names_earlier_year(text: str, plan_year: int | None) -> bool:
    """Whether ``text`` dates its fact to a year before the plan year: the fact is past, whatever the part."""
    if plan_year is None:
        return False
    return any(_year_number(m.group("year")) < plan_year for m in _EARLIER_YEAR.finditer(text))


_LEAD_YEAR = r"(?:19|20)[0-9]{2}|[一二][九〇零][〇零一二三四五六七八九]{2}"
_PAST_LEAD = re.compile(
    rf"^(?:各位代表[，！]?)?(?:在|从|自)?(?:(?:{_LEAD_YEAR})年?(?:到|至|—|－|-|～))?(?P<year>{_LEAD_YEAR}|去|上)年"
    r"(?:以来|间|期间|中|的[一二两三四五六七八九十几]+年(?:中|里|间))?(?:[，,]|(?=是))"
)
"""一九八三年，…, 2025年，…, 去年，…, 2024年是…, 从一九六六年到一九七六年的十一年中，…, 2021年以来，…: a sentence
opening with the time of its facts, a year or years over."""
_AHEAD_LEAD = re.compile(r"^(?:各位代表[，！]?)?(?:今年|本年|明年|今后|未来|下一步|新的一年|到(?:19|20)[0-9]{2}年)")
_MODAL_VERB = re.compile(r"(?<![需主重必纪只不])要(?![求素点件害])|将(?!近)|力争|争取|确保|务必|必须|拟")
"""The modal verbs that make a clause an aim even among the facts of a year over (…，今后要…)."""


def _opens_past_year(text: str, plan_year: int | None) -> bool:
    """Whether a sentence opens with a year before the plan year (一九八三年，…; 去年，…): its facts, and those
    of the rest of its paragraph, are of that year, whatever part the heading gave it (older national reports
    review the past year with no review heading)."""
    m = _PAST_LEAD.match(text)
    if m is None or plan_year is None:
        return False
    year = m.group("year")
    return year in ("去", "上") or _year_number(year) < plan_year


def _turns_ahead(text: str) -> bool:
    """Whether a sentence after a look back turns to the work ahead (今年…, 要…, 我们将…): the look back ends."""
    return bool(_AHEAD_LEAD.match(text)) or turns_ahead(text)


def _role(
    sentence: Sentence,
    q: Quantity,
    clause: _Span,
    *,
    descriptive: bool,
    normative: bool = False,
    plan_year: int | None = None,
    told_past: bool = False,
) -> str:
    """change, then the report part, then tense and modal words around the quantity.

    ``descriptive`` marks a section about the present state (存在的问题, 现状): its
    quantities are statistics unless a commitment word precedes them. ``normative`` marks a
    notice, plan or measure (通知, 实施方案, 办法): outside a review, its quantities are the
    rules it sets (targets) unless the clause reports something done (已, 去年 …). ``told_past`` marks a
    sentence of a paragraph that looks back on a year over (:func:`_opens_past_year`): as in a review, its
    quantities are done unless a modal verb of the clause makes one an aim.
    """
    text = sentence.text
    compared = sentence.part not in ("plan", "appendix") and _is_comparison(text, q, clause)
    if compared and not _modal_before(text, clause, q.start):
        return "statistic"  # 增速比全国高2个百分点: the gap to another figure, though a rate is compared
    if _is_change(text, q, clause.start):
        return "change"
    if _is_streak(text, q) and not _modal_before(text, clause, q.start):
        return "statistic"
    if _is_given(text, q, clause) or _is_comparison_base(text, q) or _is_stock_to_remove(text, q, clause):
        return "statistic"
    if q.raw_unit.endswith(_whole_peoples()):
        return "statistic"  # 把13亿多中国人的饭碗端牢: the population, whatever the clause aims at
    if not normative and _is_identity(text, q, clause):
        return "statistic"  # 这座城市是500万人生活的家园: what the subject is, a fact about the present
    if q.comparator in (">=", "<=") and _CLASS_OF_COUNT.match(text, q.end):
        return "statistic"  # 66人以上的16个超大班额: the bound says what is counted, the count is the figure
    looks_back = sentence.part == "review" or (told_past and not _MODAL_VERB.search(text, clause.start, q.start))
    if looks_back and q.comparator in (">=", "<=") and _is_class_bound(text, q):
        return "statistic"  # 引进亿元以上项目90个: in a look back the bound says what was counted (in a plan, the aim)
    if looks_back:
        return "statistic" if descriptive or _is_level(text, q, clause) else "achievement"
    if normative and not descriptive and not _cue_re("done").search(text[clause.start : clause.end]):
        return "target"
    if _is_forecast(text, clause, q.start):
        return "statistic"
    clause_text = text[clause.start : clause.end]
    future = _modal_before(text, clause, q.start) or _has_cue(text[: q.start], "future")
    past = _has_cue(clause_text, "past") or _names_earlier_year(text[clause.start : q.start], plan_year)
    stated = _has_cue(text[clause.start : q.start], "statistic")
    if sentence.part in ("plan", "appendix"):
        if _has_perfective(text, clause.start, q.start) and not _modal_before(text, clause, q.start):
            # 今年，我们梳理了30项事项: the state the plan starts from; 取消了336亿元的税赋: a cut done, an achievement
            return "achievement" if _CUT_DONE.search(text, clause.start, q.start) else "statistic"
        bound = q.comparator != "=" and not _only_rough(text, q)
        if _modal_before(text, _Span(0, clause.end), q.start) or (bound and not past):
            return "target"  # a planned 5%左右 / 8万元以上 is an aim even without a modal word
        if past or stated or descriptive:
            return "statistic"
        return "target"
    if future:
        return "target"
    if past:
        return "achievement"
    return "statistic"


@cache
def _whole_peoples() -> tuple[str, ...]:
    """The nouns of ``data/target_people_nouns.tsv`` that name a whole people (人民, 中国人): their count is the
    population."""
    return tuple(noun for noun, _, *whole in rows("target_people_nouns.tsv") if whole == ["y"])


_CUT_DONE = re.compile(r"(?:取消|免除|减免|减轻|废止|废除|削减|压减|核减|撤销)了")
"""取消了336亿元的农业税赋: a cut or abolition reported as done; what it removed is gone, an achievement."""
_GIVEN = re.compile(r"(?:这些|那些|上述|前述|以上)[^，,；;。：:]*?[、和与及]")
"""这些港口城市和四个经济特区: a count joined to things the text has named already (a demonstrative)."""
_LEVEL_LINK = re.compile(
    r"[\u4e00-\u9fff]{2}(?<![成作认改变定列评升降增减扩并合整确视称分转划化共计])(?:仅|分别|均)?为(?:约|近)?$"
)
"""浓度为25.9微克, 比重仅为8%: a linking 为 after the measured noun (not 成为, 调整为, 评为, 分为, 优化为, nor a
total of what was done: 共为, 累计为)."""
_TOTAL = re.compile(r"合计|共计|累计|总计|总共")
_LEVEL_END = re.compile(r"\s*(?:[、，,；;。）)]|$)")
"""What follows a level the clause states (…为4.2%。, …为25.9微克/立方米、优于…); 为29个省份保供 goes on (a
preposition)."""


_BASE_OPEN = re.compile(
    r"(?:比|较)(?:上年|去年|前一年|(?:19|20)[0-9]{2}年|[一二][九〇零][〇零一二三四五六七八九]{2}年)(?:同期)?的$"
)
_BASE_CLOSE = re.compile(r"(?:又|再|还|将|要)?(?:增长|增加|提高|上升|下降|减少|降低|扩大|缩小|翻)")


def _is_class_bound(text: str, q: Quantity) -> bool:
    """Whether a bound of a measure defines the class a later count of the clause counts (:data:`_CLASS_THEN_COUNT`).
    Only in a look back: the dev gold reads such a bound in a plan (落地过亿元项目230个) as part of the aim."""
    return q.unit not in _ITEM_COUNTERS and q.unit != "%" and _CLASS_THEN_COUNT.match(text, q.end) is not None


def _is_comparison_base(text: str, q: Quantity) -> bool:
    """比一九五八年的二千零五十亿元增长百分之四十: the figure of the base year a rise is counted from, a fact of
    that year (GUIDELINES: a comparison), neither the aim nor what was done since."""
    return bool(_BASE_OPEN.search(text, max(0, q.start - 12), q.start)) and _BASE_CLOSE.match(text, q.end) is not None


_NUMBER_START = re.compile(r"[0-9０-９一二两三四五六七八九十百千万]")
_IDENTITY = re.compile(r"[\u4e00-\u9fff](?<![标务点求的键向划但于还总就要或凡可只倒若真老])是$")
"""城市是500万人生活的家园: a linking 是 right before the count says what the subject is (not 目标是, 任务是, 但是)."""
_CLASS_OF_COUNT = re.compile(r"的[0-9０-９一二两三四五六七八九十百千万]")
"""66人以上的16个超大班额, 亿元以上的30个项目: a bound right before 的 and a count defines the class counted."""
_CLASS_THEN_COUNT = re.compile(r"(?:(?![和及与超])[\u4e00-\u9fff“”]){1,12}?(?:达到|达|共有|有|为|增至|突破)?[0-9０-９]")
"""年销售收入超10亿元的龙头企业达100家, 营收50亿元以上企业12家: a bound of a measure, the class it defines, then
that class's count in Arabic digits in the same clause: the bound says what is counted, the count is the figure. Not
a bound of counted things (100家以上企业和100个…: a list of aims), nor one joined to the next figure (和3000亿元) or
before another bound (95%以上的村…超过10万元: the share of a class)."""
_ITEM_COUNTERS = frozenset("个家项种所座条处户")
_STOCK_MODAL = re.compile(
    r"[^，,；;。：:要将]{0,16}?(?:要|将|需要|需)(?:在[^，,；;。要将]{0,8}?)?(?:全部|全面|逐步|基本|彻底|尽快)?"
)


def _is_stock_to_remove(text: str, q: Quantity, clause: _Span) -> bool:
    """容量10吨以下的85台锅炉要淘汰40台: a count in the subject of a clause whose modal verb does away with an amount
    of it (``remove`` cues) is the stock there now, a statistic; the amount removed is the aim. Without an amount
    (12台锅炉要全部淘汰) the count is what is to go, the aim."""
    if re.search("要|将", text[clause.start : q.start]):
        return False
    m = _STOCK_MODAL.match(text, q.end)
    verb = _cue_re("remove").match(text, m.end()) if m is not None and m.end() > q.end else None
    return verb is not None and _NUMBER_START.match(text, verb.end()) is not None


def _is_identity(text: str, q: Quantity, clause: _Span) -> bool:
    """这座城市是500万人生活的家园: a count after a linking 是 that goes on to the noun it measures says what the
    subject is, a fact; 补贴标准是5000元 (the figure ends the clause) states a value, and 目标是 an aim."""
    if not _IDENTITY.search(text, clause.start, q.start) or _modal_before(text, clause, q.start):
        return False
    return q.end < clause.end and "\u4e00" <= text[q.end] <= "\u9fff"


def _is_given(text: str, q: Quantity, clause: _Span) -> bool:
    """这些港口城市和四个经济特区，在沿海联成一线: a count conjoined to a demonstrative phrase at the head of its
    clause describes what is there already (GUIDELINES: a fact about the present), a statistic."""
    return _GIVEN.fullmatch(text, clause.start, q.start) is not None


def _is_level(text: str, q: Quantity, clause: _Span) -> bool:
    """PM2.5浓度为25.9微克/立方米, 总装机规模1.1亿千瓦: in a look back, a level stated with a linking 为 or with no
    verb at all is a measured state (a statistic), not something done; 达到, 完成, 建成 report what was achieved."""
    if _TOTAL.search(text, clause.start, q.start):
        return False  # 五年合计财政支出为…: a total of what was spent or done
    if _is_verbless_level(text, q, clause):
        return True
    return _LEVEL_LINK.search(text, clause.start, q.start) is not None and _LEVEL_END.match(text, q.end) is not None


@cache
def _level_noun_end_re() -> re.Pattern[str]:
    return re.compile(f"(?:{alternation(words('target_level_nouns.txt'))})$")


def _is_verbless_level(text: str, q: Quantity, clause: _Span) -> bool:
    """新能源装机1.1亿千瓦, 科技进步贡献率60.5%: a figure right after a noun of a level, stock or ratio
    (``data/target_level_nouns.txt``) in a clause with no verb before it, the figure ending the statement;
    新增光伏装机200万千瓦 adds (a verb), and a comparator word before the figure (近, 约) is no verb."""
    head = _ROUGH_BEFORE.sub("", text[clause.start : q.num_start])
    if not _level_noun_end_re().search(head):
        return False
    if _LEVEL_END.match(text, q.end) is None:
        return False  # 总规模1000亿元的基金: the size names what was set up
    return not _cue_re("verb").search(head) and not _has_cue(head, "past")


_ROUGH_BEFORE = re.compile(r"(?:约|近)$")


@cache
def _comparison_re() -> re.Pattern[str]:
    """A gap to another figure (高于全国约, 快于2024年, 比全省平均高, 增速比各项贷款平均增速分别高), a share of a
    wider whole (占全国, 占全省的) or a part's share of a whole named with 比重/比例/份额 (占规上工业比重达),
    ending where the number stands; 提高, 降低, 加快 are no 高, 低, 快."""
    scope = _cue_re("scope").pattern
    return re.compile(
        rf"(?<!不)(?:{_cue_re('compare').pattern})(?P<than>[^，,；;。：:、每]{{1,12}}?)(?:约|近)?$"
        rf"|(?:比|较)(?P<base>[^，,；;。：:、每]{{1,12}}?)(?:分别)?(?<![提降减升压调拉加放])(?:高|低|快|慢)(?:出)?(?:约|近)?$"
        rf"|占(?:{scope})(?P<share>[^，,；;。：:、0-9]{{0,8}}?)(?:的)?(?:比重|份额|总量|比例)?(?:为|达到|达|超过|近|约)?$"
        rf"|占(?P<part_of>[^，,；;。：:、0-9]{{1,10}}?)(?:的)?(?:比重|份额|比例)(?:分别)?(?:为|达到|达|超过|近|约)?$"
    )


_MULTIPLE_OF = re.compile(
    r"(?:为|是|相当于)[^，,；;。：:、]{1,14}?的(?:[0-9.]+倍(?:、|和|与))*(?:约|近)?$"
)
"""为2015年的2.5倍, 是十年前的4倍, 分别为…的2.6倍和1.8倍: a figure as a multiple of a base, a comparison."""


def _is_comparison(text: str, q: Quantity, clause: _Span) -> bool:
    """高于全国约7个百分点, 快于2024年1.8个百分点, 占全国23.6%: what a jurisdiction's figure is next to another
    one, a statistic (GUIDELINES: a fact about the present or a comparison), not something done. What it is
    compared to is a name, a scope or a year; a class and a verb after it (优于Ⅲ类水体比例达94.8%) or a base
    (低于每立方米19微克) make the verb a bound of the figure, not a comparison."""
    if q.unit == "倍" and _MULTIPLE_OF.search(text, clause.start, q.start):
        return True
    m = _comparison_re().search(text, clause.start, q.start)
    if m is None:
        return False
    if m.group("share") is not None or m.group("part_of") is not None:
        return not _cue_re("change").search(m.group())  # 占全国比重提高2个百分点: the share rises, a change
    than = m.group("than") if m.group("than") is not None else m.group("base")
    return not re.search(r"[0-9]", re.sub(r"(?:19|20)[0-9]{2}年", "", than)) and not _cue_re("link").search(than)


def _is_streak(text: str, q: Quantity) -> bool:
    """连续16年位居全国首位, 连续三年下降, 连续11个季度, 连续3次, 8连增, 长达2600年: how long a state has lasted, a fact
    about the present or the past (even in a review), unless the clause aims to keep it going (力争连续5年…).
    长达4000公里 is a length, no duration."""
    before = text[max(0, q.num_start - 2) : q.num_start]
    if q.unit.startswith("连"):
        return True  # 实现8连增, 十连丰: a streak written short
    return before == "连续" or (before == "长达" and q.unit in _TIME_UNITS)


def _only_rough(text: str, q: Quantity) -> bool:
    """40多位, 3000余人: the floor comes from 多/余 alone, which round a figure off; it sets no bound an aim has."""
    return q.start == q.num_start and q.end == q.unit_end and any(c in "多余" for c in text[q.num_end : q.unit_end])


_FORECAST = re.compile("预计(?!的)")
"""预计 as the verb of the clause; 今年预计的44% only names the estimate a planned figure starts from."""
_TIME_CUES = re.compile(r"今年|全年|年内|年底前|月底前|本年")


def _is_forecast(text: str, clause: _Span, pos: int) -> bool:
    """预计今年高校毕业生超过1170万人: what the clause expects to happen (预计), no aim of the government.

    A commitment word between 预计 and the number (预计…要/力争/确保…) still makes an aim.
    """
    last = None
    for m in _FORECAST.finditer(text, clause.start, pos):
        last = m
    if last is None:
        return False
    return not _has_cue(_TIME_CUES.sub("", text[last.end() : pos]), "future")


def _month_end(year: int, month: int) -> str:
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


_MONTH = r"1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九]"
_DEADLINE_RE = re.compile(
    r"(?P<masked>[12][0-9]{1,2}\*年)"
    rf"|(?:(?<![自从])(?P<pyear>20[0-9]{{2}})年)?(?:(?P<half>上|下)半年|第?(?P<quarter>[一二三四1-4])季度)(?:末|底)?(?:前|以前)?"
    rf"|(?:到|至|在)?(?<![自从])(?P<year>{_LEAD_YEAR})年(?:度|底|末)?(?:前|以前)?(?!以来|起|开始|[0-9一-十]+月|[上下]半年|第?[一二三四1-4]季度)"
    rf"|(?:(?<![自从])(?P<myear>20[0-9]{{2}})年)?(?P<month>{_MONTH})月(?:(?P<day>[0-9]{{1,2}})日|底|末|份|(?P<xun>[上中下])旬)?(?:前|以前)"
    r"|(?<![0-9一二两三四五六七八九十])(?P<span>[0-9]|[一二两三四五六七八九十])年内|(?:今后|未来|用)(?P<ahead>[1-9]|[一二两三四五])年(?:时间)?"
    r"|(?P<yearend>年底前|年底|年度内|年内|年末)|(?P<thisyear>全年|(?<![从自])今年|本年)|(?P<nextyear>(?<![从自])明年)"
    r"|(?:(?<![比较])“?(?P<fyp>十[一二三四五]五)”?|(?<![比较])“(?P<fyp2>[六七八九]五|十五)”)(?:期间|末|时期|年均)"
)
"""Deadline cues: 到2025年, 2025年6月底前, 9月中旬前, 上半年, 三季度末, 年底前, 3年内, 今后三年, 今年, 明年."""
_DEADLINE_CHAR = re.compile("[年季月五]")
"""A character every deadline cue holds (年, 季度, 月, the 五 of a five-year plan): no cue without one."""
_QUARTER_ENDS = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}
_XUN_DAYS = {"上": 10, "中": 20}


def _deadline_from(
    text: str, plan_year: int | None, *, before: int, this_year: int | None = None
) -> tuple[bool, str | None]:
    """The deadline the nearest cue before ``before`` gives: (found a cue, value)."""
    if _DEADLINE_CHAR.search(text, 0, before) is None:
        return False, None  # the pattern tries every position; most texts before a figure hold no cue
    last = None
    for m in _DEADLINE_RE.finditer(text, 0, before):
        last = m
    if last is None:
        return False, None
    return True, _deadline_value(last, plan_year, this_year)


def _month_number(written: str) -> int:
    """6 or 十一 as a month number."""
    if written.isdigit():
        return int(written)
    return 10 + (_CN_SMALL_NUM[written[1]] if len(written) > 1 else 0) if written[0] == "十" else _CN_SMALL_NUM[written]


def _within_year(m: re.Match[str], year: int) -> str:
    """The last day of the month, ten days, half or quarter a cue names in ``year``."""
    if m.group("half"):
        return f"{year}-06-30" if m.group("half") == "上" else f"{year}-12-31"
    if m.group("quarter"):
        return _month_end(year, _QUARTER_ENDS[m.group("quarter")])
    month = _month_number(m.group("month"))
    if m.group("day"):
        return f"{year}-{month:02d}-{int(m.group('day')):02d}"
    if m.group("xun") in _XUN_DAYS:
        return f"{year}-{month:02d}-{_XUN_DAYS[m.group('xun')]:02d}"
    return _month_end(year, month)


def _deadline_value(m: re.Match[str], plan_year: int | None, this_year: int | None = None) -> str | None:
    """The date a deadline cue gives; 今年 and 明年 count from ``this_year``, the year the report is delivered in
    (a report of December plans the next year: its 明年 is the plan year), the plan year when not given."""
    if m.group("masked"):
        return None
    if m.group("year"):
        year = _year_number(m.group("year"))  # 2025年, and 1997年 or 一九九七年 of the older national reports
        return str(year) if plan_year is None or year >= plan_year else None
    if m.group("fyp") or m.group("fyp2"):
        return str(_five_year_plan_end(m.group("fyp") or m.group("fyp2")))
    written = m.group("pyear") or m.group("myear")
    if written:  # 2025年6月底前, 2025年上半年: the year is the text's own
        year = int(written)
        return _within_year(m, year) if plan_year is None or year >= plan_year else None
    if plan_year is None:
        return None
    if m.group("month") or m.group("half") or m.group("quarter"):
        return _within_year(m, plan_year)
    if m.group("span") or m.group("ahead"):
        n = m.group("span") or m.group("ahead")
        years = int(n) if n.isdigit() else _CN_SMALL_NUM[n]
        return str(plan_year + years - 1)
    if m.group("thisyear"):
        return str(this_year or plan_year)
    if m.group("nextyear"):
        return str((this_year or plan_year) + 1)
    return f"{plan_year}-12-31"


def _deadline(
    text: str, q: Quantity, clause: _Span, plan_year: int | None, default: str | None, this_year: int | None = None
) -> str | None:
    found, value = _deadline_from(text, plan_year, before=q.start, this_year=this_year)
    if found:
        return value
    found, value = _deadline_from(text[: clause.end], plan_year, before=clause.end, this_year=this_year)
    if found:
        return value
    found, value = _completion_deadline(text, clause.end, plan_year, this_year)
    if found:
        return value
    return _annual_goal_year(text, q.start, plan_year) or _year_after_base(text, clause.end, plan_year) or default


_COMPLETION_OPEN = re.compile(r"[，,]\s*(?:力争|确保|务必|要|并|均|须|必须)?(?:于|在)?")
_COMPLETION_VERB = re.compile(r"(?:全面|全部|基本|逐步|陆续)?(?:完成|建成|完工|竣工|投用|投运|投产|到位|落地|实现)")


_BY_ENDS = ("前", "底", "末", "内")  # 2025年底前完成 is a deadline; 2026年完成12公里 is the next figure's year


def _completion_deadline(
    text: str, end: int, plan_year: int | None, this_year: int | None = None
) -> tuple[bool, str | None]:
    """The deadline of the clause right after a task that says when it is done (新建管网120公里，2025年底前完成;
    改造50户，力争6月底前全部完工), as 实施方案 write a task's date after it: (found one, value)."""
    m = _COMPLETION_OPEN.match(text, end)
    cue = _DEADLINE_RE.match(text, m.end()) if m else None
    if cue is None or not cue.group().endswith(_BY_ENDS) or not _COMPLETION_VERB.match(text, cue.end()):
        return False, None
    return True, _deadline_value(cue, plan_year, this_year)


_LAST_YEAR_BASE = re.compile(
    r"(?:比|较|低于|高于|快于|慢于|好于|超过|少于|多于)(?:上年|去年|上一年)(?:同期)?|同比|与(?:上年|去年)(?:基本|大体)?持平"
)
"""比去年, 较上年同期, 同比, 与去年大体持平: a planned figure measured against last year's is this year's."""


def _year_after_base(text: str, until: int, plan_year: int | None) -> str | None:
    """The plan year, when a planned figure is measured against last year's (物价涨幅比去年明显回落，力争控制在15%):
    the sentence speaks of this year though it does not name it; a period word (今后五年, 规划) makes it the
    period's, so nothing is dated then."""
    if plan_year is None or not _LAST_YEAR_BASE.search(text, 0, until) or _PERIOD_WORDS.search(text, 0, until):
        return None
    return str(plan_year)


_ANNUAL_GOAL = re.compile("预期目标")
_PERIOD_WORDS = re.compile(r"期间|时期|五年|年均|规划|纲要|中长期|[0-9一二三四五六七八九十]+年内")


def _annual_goal_year(text: str, until: int, plan_year: int | None) -> str | None:
    """The plan year, when the quantity is one of the report's expected goals (主要预期目标是：…) and the text
    names no other time: a work report's 预期目标 are the goals of the year it plans; a period (“十五”期间,
    今后五年, 规划) makes them the period's."""
    if plan_year is None or not _ANNUAL_GOAL.search(text, 0, until) or _PERIOD_WORDS.search(text, 0, until):
        return None
    return str(plan_year)


_Spans = Sequence[tuple[int, int, str]]


def _responsible(text: str, until: int, state: _Responsible, spans: _Spans) -> _Responsible:
    """The body the sentence ``text`` itself makes responsible for what stands at ``until``.

    Ownership comes only from the sentence's own syntax (:mod:`kg.extract.ownership`);
    ``state`` is the owner of the sentence ``text`` continues after a semicolon. With
    ``until`` at the end, the result is what the next sentence inherits (nothing after 。).
    """
    inherited = Owner(state.agency, state.supporting)
    at_end = until >= len(text)
    owner = carried_owner(text, spans, inherited) if at_end else owner_in(text, until, spans, inherited)
    return _Responsible(owner.agency, owner.supporting)


def _place_names(places: Iterable[Place], sentence_index: int) -> list[str]:
    names = []
    for p in places:
        if p.sentences and sentence_index not in p.sentences:
            continue
        names.extend([p.name, *p.aliases])
    return sorted(set(names), key=len, reverse=True)


def _canonical_names(places: Iterable[Place]) -> dict[str, str]:
    """Every name and alias of the places, mapped to the place's name."""
    return {n: p.name for p in places for n in (p.name, *p.aliases)}


class _PlaceLookup:
    """A report's places indexed once by sentence, so each sentence reads its own names
    without scanning every place of the report (what :func:`_place_names` would do)."""

    def __init__(self, places: Sequence[Place]) -> None:
        self.places = places
        self.canonical = _canonical_names(places)
        self.everywhere: list[int] = [k for k, p in enumerate(places) if not p.sentences]
        self.by_sentence: dict[int, list[int]] = {}
        for k, p in enumerate(places):
            for index in set(p.sentences):
                self.by_sentence.setdefault(index, []).append(k)

    def names(self, sentence_index: int) -> list[str]:
        """The same list as ``_place_names(places, sentence_index)``: names in place order, longest first."""
        own = self.by_sentence.get(sentence_index)
        positions = sorted(self.everywhere + own) if own else self.everywhere
        names: list[str] = []
        for k in positions:
            p = self.places[k]
            names.extend([p.name, *p.aliases])
        return sorted(set(names), key=len, reverse=True)


def _places_in(
    text: str, span: _Span, names: list[str], canonical: dict[str, str], blocked: list[_Span] = ()
) -> list[str]:
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = [(b.start, b.end) for b in blocked]
    for name in names:
        for s in _occurrences(text, name, span):
            e = s + len(name)
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            found.append((s, canonical[name]))
    out: list[str] = []
    for _, name in sorted(found):
        if name not in out:
            out.append(name)
    return out


def _occurrences(text: str, word: str, span: _Span) -> Iterator[int]:
    """Starts of the non-overlapping occurrences of ``word`` (not empty) inside ``span``, left to right."""
    at = text.find(word, span.start, span.end)
    while at != -1:
        yield at
        at = text.find(word, at + len(word), span.end)


def _places(
    text: str,
    seg: _Span,
    clause: _Span,
    q: Quantity,
    quantities: list[Quantity],
    names: list[str],
    canonical: dict[str, str],
) -> list[str]:
    """Places named in the segment, else the place the clause or sentence opens with."""
    if not names:
        return []
    blocked = [_Span(x.num_start, x.unit_end) for x in quantities]
    own = _places_in(text, seg, names, canonical, blocked)
    if own:
        return own
    if _has_cue(text[clause.start : clause.end], "self"):
        return []
    for head in (_Span(clause.start, min(clause.start + 12, q.start)), _Span(0, min(12, q.start))):
        opening = [p for p in _places_in(text, head, names, canonical, blocked) if _starts_with(text, head.start, p)]
        if opening:
            return opening
    return []


def _starts_with(text: str, start: int, name: str) -> bool:
    head = text[start : start + len(name) + 3]
    return head.startswith(name) or head.lstrip("在对从据如").startswith(name)


_TIME_WORDS = re.compile(
    r"^(?:(?:到|在)?[0-9]{4}年(?:底|末)?(?:前)?|[0-9一二两三四五六七八九十]+年内|(?:今年)?[0-9]{1,2}月(?:底|末)?前"
    r"|年底前|年内|全年|今年|全市|全区|全县|全省|我市|我区|我县|我们|对|由|其中|[一二三四五六七八九十]+是)"
)
_AFTER_STOP = re.compile(
    r"作为|进行|投入|交付|享受|用于|通过|全部|有序|纳入|不达标|缺少|需要|需|(?<![主重必只不纪])要(?![求素点害件])|让|使|达到|达"
    r"|提供|完成|实现"
)


_MARKS = re.compile(r"\[[^\]]*\]|[“”‘’\"《》]")
_UNIT_NOTE = re.compile(r"^(?:[（(][^）)]{0,4}[）)]?|/[^的，。、]{1,4})")  # 万套（间）, 元/户
_FROM_BEFORE = re.compile(r"[从由]$")
_TO_AFTER = re.compile(r"(?:到|至|为)$")
_COMPARED_TAIL = re.compile(
    r"(?:比上年|较上年|同比)?(?:高于|低于|快于|慢于|超过|超出)(?:全国|全省|全市|全区)?(?:平均水平|平均)?$"
)
_ADVERB_TAIL = re.compile(r"(?:再|又|还|也|拟)$")
_INDICATOR_TAIL = re.compile(r"(?:分别|预期目标)$")
_BASE_ONLY = re.compile(r"(?:按可比价格计算)?(?:(?:比|较)(?:上年|去年|前一年|[0-9]{4}年)(?:同期)?|同比)")
"""A comparison base names no indicator: in 生产总值30万亿元，比上年增长9% the rise is the previous figure's."""
_BASE_END = re.compile(r"(?:按可比价格计算)?(?:(?:比|较)(?:上年|去年|前一年|[0-9]{4}年)(?:同期)?|同比)$")
"""…and after the indicator it is no part of it: 国内生产总值比上年增长9.1% counts 国内生产总值."""


def _indicator(text: str, seg: _Span, q: Quantity, quantities: list[Quantity]) -> str | None:
    """What the quantity counts, as the key of a standard indicator (``data/indicators.tsv``)
    when it is one, else the noun phrase cut from the segment; ``None`` when the segment names
    nothing (``、增长5%``: the caller takes the previous quantity's indicator)."""
    return _indicator_phrase(text, seg, q, quantities)


def _indicator_phrase(text: str, seg: _Span, q: Quantity, quantities: list[Quantity]) -> str | None:
    """The noun after the unit (40条市政道路建设), else the one before the number, as a key when
    standard; other phrases are cut to 16 characters (the end of one before the number)."""
    lo, hi = seg.start, seg.end
    prev: Quantity | None = None
    for x in quantities:
        if x.end <= q.start and x.end > lo:
            lo, prev = x.end, x
        if x.start >= q.end and x.start < hi:
            hi = x.start
    before = _MARKS.sub("", text[lo : q.start])
    if prev is not None and _TO_AFTER.search(before) and _FROM_BEFORE.search(text[: prev.start]):
        return None  # 从4.16万亿元增加到5.67万亿元: the second number measures the same thing
    phrase = _strip_links(_strip_verbs(_FROM_BEFORE.sub("", before)))
    phrase = _ADVERB_TAIL.sub("", _BASE_END.sub("", _COMPARED_TAIL.sub("", phrase))).strip("的、等和及 ")
    if not phrase or _link_end_re().fullmatch(phrase) or _BASE_ONLY.fullmatch(phrase):
        phrase = ""
    if phrase and (_FROM_BEFORE.search(before) or _link_end_re().search(before.rstrip("约近超"))):
        return standard_indicator(phrase)[-16:]  # 生产总值增长5%, 国企由51家整合为33家: the noun before the verb
    after = _UNIT_NOTE.sub("", _MARKS.sub("", text[q.end : hi]))
    if after.startswith(("、", "，", ",")):
        after = ""  # 新增就业14万人、超额完成任务: what follows is another clause
    after = _AFTER_STOP.split(re.sub(r"^[的之]", "", after))[0]
    after = _strip_links(after).strip("的、等和及 ")
    if len(after) >= 2 and not _lead_link_re().match(after):
        return standard_indicator(after)[:16]
    return standard_indicator(phrase)[-16:] if phrase else None


def standard_indicator(phrase: str) -> str:
    """The key of the standard indicator ``phrase`` names (全省地区生产总值 → 生产总值), else ``phrase``.

    The longest variant the phrase ends with decides, so 人均地区生产总值 is not 生产总值.
    """
    core = _INDICATOR_TAIL.sub("", phrase)
    variants = _indicator_variants()
    for i in range(len(core)):  # the longest ending first
        key = variants.get(core[i:])
        if key is not None:
            return key
    return core


@cache
def _indicator_variants() -> dict[str, str]:
    """Variant → key of ``data/indicators.tsv``."""
    return {variant: row[0] for row in rows("indicators.tsv") for variant in (row[0], *row[2:])}


def indicator_variants(key: str) -> tuple[str, ...]:
    """The wordings of the standard indicator ``key`` (itself first); ``()`` when it is not one."""
    return tuple(v for v, k in _indicator_variants().items() if k == key)


def indicator_direction(key: str) -> str | None:
    """The good direction of the standard indicator ``key``: "up" (growth, jobs) or "down" (prices, unemployment)."""
    return _indicator_directions().get(key)


@cache
def _indicator_directions() -> dict[str, str]:
    return {row[0]: row[1] for row in rows("indicators.tsv")}


@cache
def _lead_link_re() -> re.Pattern[str]:
    """A phrase that opens with a linking or change word is no noun: 增加到…, 提升至…"""
    return re.compile(f"(?:{_cue_re('link').pattern}|{_cue_re('change').pattern}|到|至|分别|累计)")


def _strip_verbs(s: str) -> str:
    verbs = _cue_re("verb")
    prev = None
    while prev != s:
        prev = s
        s = s.strip(" ，,、的")
        m = _TIME_WORDS.match(s) or verbs.match(s)
        if m and not s.startswith("建成区"):
            s = s[m.end() :]
    return s


@cache
def _link_end_re() -> re.Pattern[str]:
    return re.compile(f"(?:{_cue_re('link').pattern}|{_cue_re('change').pattern}|超|突破)$")


def _strip_links(s: str) -> str:
    """Drop a trailing linking or change word: 覆盖率达到 → 覆盖率, 浓度下降 → 浓度."""
    ends = _link_end_re()
    prev = None
    while prev != s:
        prev = s
        m = ends.search(s)
        if m and m.start() > 0:
            s = s[: m.start()]
        s = s.rstrip("的")
    return s


# --- public ---------------------------------------------------------------------------


def targets_in_sentence(
    sentence: Sentence,
    ctx: DocContext,
    *,
    agencies: Sequence[Agency] = (),
    places: Sequence[Place] = (),
    item: ListItem | None = None,
    responsible: _Responsible | None = None,
    default_deadline: str | None = None,
    descriptive: bool = False,
    mentions: _Spans | None = None,
    normative: bool = False,
    lookup: _PlaceLookup | None = None,
    goals_deadline: str | None = None,
    this_year: int | None = None,
    told_past: bool = False,
) -> list[Target]:
    """The targets one sentence states.

    ``item`` is the list item the sentence is (its owner becomes the agency);
    ``responsible`` the body made responsible earlier in the section;
    ``default_deadline`` the deadline of the list the sentence belongs to;
    ``descriptive`` says the sentence's section describes the present (存在的问题);
    ``mentions`` the sentence's agency mentions if already found;
    ``normative`` says the document sets rules (通知, 实施方案): its quantities are targets;
    ``lookup`` the report's places indexed by sentence (built from ``places`` when not given);
    ``goals_deadline`` the year of the expected goals the paragraph announced before the sentence: a rise
    or a bounded figure (增长6%左右, 47万人以上) the sentence does not date otherwise is one of them;
    ``this_year`` the year the report is delivered in, which 今年 and 明年 count from (the plan year when not given);
    ``told_past`` says the sentence's paragraph looks back on a year over (:func:`_opens_past_year`).
    """
    del agencies  # mentions come from the text; the Agency list is not needed here
    text = sentence.text
    quantities = _quantities(text)
    if not quantities:
        return []
    spans = mentions if mentions is not None else agency_mentions(text)
    plan_year = None if _MASKED_YEAR.search(text) else ctx.plan_year
    classes = _size_classes(text)
    if classes:  # a size class still ends the list item before it (甲300万吨级…、乙100吉瓦时…)
        bounds = sorted([*quantities, *classes], key=lambda x: x.num_start)
        segs = [seg for x, seg in zip(bounds, _segments(text, bounds), strict=True) if x not in classes]
    else:
        segs = _segments(text, quantities)
    if lookup is not None:
        names, canonical = lookup.names(sentence.index), lookup.canonical
    else:
        names, canonical = _place_names(places, sentence.index), _canonical_names(places)
    state = responsible or _Responsible()
    out: list[Target] = []
    for k, (q, raw_seg) in enumerate(zip(quantities, segs, strict=True)):
        clause = _clause(text, q.num_start)
        seg = _trim(text, raw_seg)
        if seg.end - seg.start <= (q.end - q.start) + 1:
            seg = _trim(text, clause)
        seg = _before_open_bracket(text, seg, q)
        if k and out and out[-1].role == "change" and _continues_list(text, quantities[k - 1], q):
            role = "change"  # 分别增长9.7%、15.3%: the later items rise as the first does
        elif k and out and out[-1].role == "change" and _RESTATES.match(text, clause.start):
            role = "change"  # 增长了107%，即增加了573万吨: the same rise said again in other terms
        elif k and out and out[-1].role == "statistic" and _continues_list(text, quantities[k - 1], q) and (
            _is_comparison(text, quantities[k - 1], _clause(text, quantities[k - 1].num_start))
        ):
            role = "statistic"  # 分别高于全国12.7个、12个百分点: the later items are compared as the first is
        else:
            role = _role(sentence, q, clause, descriptive=descriptive, normative=normative, plan_year=plan_year,
                         told_past=told_past)
            if role in ("target", "achievement") and _is_from_value(text, quantities, k, clause):
                role = "statistic"  # 上限由30万元提高到50万元: 30万元 is the figure it starts from
        deadline = None
        planned = role == "target" or (role == "change" and not told_past) or _is_forecast(text, clause, q.start)
        if sentence.part != "review" and planned:
            deadline = _deadline(text, q, clause, plan_year, default_deadline, this_year if plan_year else None)
            if deadline is None and goals_deadline and (role == "change" or q.comparator != "="):
                deadline = None if _tells_the_past(text, clause, plan_year) else goals_deadline
        owner = item_owner(item.owner) if item is not None else None
        who = _Responsible(owner, ()) if owner else _responsible(text, q.start, state, spans)
        if who.agency is None and owner is None and ("（" in text or "(" in text):
            later = [o.num_start for o in quantities if o.num_start >= q.end]
            noted = noted_owner(text, q.end, spans, min(later, default=len(text)))
            who = _Responsible(noted.agency, noted.supporting) if noted.agency else who
        indicator = _indicator(text, seg, q, quantities)
        if indicator is None and out and out[-1].sentence == sentence.index:
            indicator = out[-1].indicator
        out.append(
            Target(
                text=text[seg.start : seg.end],
                value=q.value,
                unit=q.unit,
                sentence=sentence.index,
                value_max=q.value_max,
                comparator=q.comparator,
                role=role,
                deadline=deadline,
                agency=who.agency,
                supporting=list(who.supporting),
                places=_places(text, seg, clause, q, quantities, names, canonical),
                indicator=indicator,
                start=sentence.start + seg.start,
                end=sentence.start + seg.end,
            )
        )
    return out


_FROM_OPEN = re.compile(r"[由从]")
_TO_CLOSE = re.compile(
    r"[^，,；;。]{0,4}?(?:(?:提高|增加|提升|上升|上调|下降|降低|下调|减少|扩大|缩小|压减|压缩|增长)?(?:到|至)"
    r"|(?:调整|调增|调减|提高|提升|增加|上调|降低|下调|减少|压减|压缩|缩减|扩大|缩小|整合|合并|精简|改|变|增|降|减)为)"
)
"""What closes a change between its starting figure and its end: 提高到/至, and a verb with 为 (由4.5元调整为5.1元,
由51家整合为33家), as price notices and 办法 write a new level; a bare 为 (由A为B) is no change."""


def _is_from_value(text: str, quantities: list[Quantity], k: int, clause: _Span) -> bool:
    """Whether ``quantities[k]`` is where a change starts (由A提高到B, 分别从A、B提高到C、D): the figure of today."""
    i = k
    while i > 0 and _LIST_JOINER.fullmatch(text, quantities[i - 1].end, quantities[i].start):
        i -= 1  # 从209元、|280元: the 从 stands before the list's first figure
    lo = max([clause.start, *(x.end for x in quantities[:i])])
    if not _FROM_OPEN.search(text, lo, quantities[i].start):
        return False
    j = k
    while j + 1 < len(quantities) and _LIST_JOINER.fullmatch(text, quantities[j].end, quantities[j + 1].start):
        j += 1  # 从209元、280元|提高到…: the list of starting figures
    nxt = quantities[j + 1] if j + 1 < len(quantities) else None
    if nxt is None or nxt.start > clause.end:
        return False
    return _TO_CLOSE.fullmatch(text, quantities[j].end, nxt.start) is not None


_LIST_JOINER = re.compile(r"(?:、|和|与|及)")
_RESTATES = re.compile(r"\s*(?:即|也就是说|也就是|亦即)")
"""A clause that opens by restating the rise before it in other terms (…增长了107%，即增加了573万吨)."""


def _continues_list(text: str, prev: Quantity, q: Quantity) -> bool:
    """Whether ``q`` only continues a list of the same unit opened by ``prev`` (分别下降13.5%、8.6%和2.7%): nothing
    but a joiner between them, so one verb governs both."""
    return prev.unit == q.unit and _LIST_JOINER.fullmatch(text, prev.end, q.start) is not None


def _list_deadline(title: str | None, plan_year: int | None) -> str | None:
    """A list titled 2023年重点民生事项清单 is due by the end of 2023."""
    if not title:
        return None
    m = re.search(r"(20[0-9]{2})年", title)
    if m and (plan_year is None or int(m.group(1)) >= plan_year):
        return f"{m.group(1)}-12-31"
    return None


_DESCRIPTIVE_TITLE = re.compile(r"问题|不足|差距|现状|形势|挑战|困难|基本情况")
_ACTION_TITLE = re.compile(r"解决|破解|补齐|弥补|应对|克服|整改|找准|缩小")


def _is_descriptive(section_id: str | None, sections: dict) -> bool:
    """Whether the section or one of its ancestors is about problems or the present state; a review part's
    section on the situation (关于经济形势) tells how the year went, so its own figures are done work."""
    while section_id:
        section = sections.get(section_id)
        found = _DESCRIPTIVE_TITLE.search(section.title) if section is not None else None
        if found and not (found.group() == "形势" and section.part == "review"):
            return not _ACTION_TITLE.search(section.title)
        section_id = section_id.rpartition(".")[0]
    return False


def find_targets(
    report: Report,
    ctx: DocContext,
    agencies: list[Agency],
    places: list[Place],
    mentions: Mapping[int, Sequence[AgencyMention]] | None = None,
) -> list[Target]:
    """Every target in ``report``, in text order.

    ``mentions`` are the sentences' agency mentions if already parsed
    (:func:`~kg.extract.agencies.sentence_mentions`).
    """
    if _MASKED_YEAR.search(report.text):
        ctx = DocContext(ctx.jurisdiction, ctx.level, ctx.parents, None, ctx.kind)
    items = {it.sentence: it for it in report.items}
    sections = report.section_by_id()
    out: list[Target] = []
    state = _Responsible()
    current_section: str | None = None
    normative = _is_normative(report, ctx)
    lookup = _PlaceLookup(places)
    carried: str | None = None
    goals: str | None = None  # the year of the expected goals the paragraph so far has announced
    told_past = False  # the paragraph so far looks back on a year over
    unnoted = 0  # out[unnoted:] are the section's targets since its last responsibility note
    previous_end = 0
    this_year = _delivery_year(report.meta.date, ctx.plan_year)
    descriptive_by_section: dict[str | None, bool] = {}  # a section's sentences share its titles
    for sentence in report.sentences:
        if sentence.section != current_section:
            current_section, state, carried, unnoted = sentence.section, _Responsible(), None, len(out)
        if report.text.find("\n", previous_end, sentence.start) != -1:
            goals, told_past = None, False
        if sentence.part != "review" and _opens_past_year(sentence.text, ctx.plan_year):
            told_past = True
        elif told_past and _turns_ahead(sentence.text):
            told_past = False
        previous_end = sentence.end
        item = items.get(sentence.index)
        title = item.list_title if item else None
        if title is None and sentence.part == "appendix" and sentence.section in sections:
            title = sections[sentence.section].title
        default = _list_deadline(title, ctx.plan_year) or carried
        if (descriptive := descriptive_by_section.get(sentence.section)) is None:
            descriptive = descriptive_by_section[sentence.section] = _is_descriptive(sentence.section, sections)
        spans = _spans(sentence, mentions)
        if _owns_targets_before(out, unnoted, note_owner(sentence.text, spans)):
            unnoted = len(out)
            continue
        out.extend(
            targets_in_sentence(
                sentence,
                ctx,
                agencies=agencies,
                places=places,
                item=item,
                responsible=state,
                default_deadline=default,
                descriptive=descriptive,
                mentions=spans,
                normative=normative,
                lookup=lookup,
                goals_deadline=goals,
                this_year=this_year,
                told_past=told_past,
            )
        )
        state = _responsible(sentence.text, len(sentence.text), state, spans)
        carried = _lead_deadline(sentence.text, carried, ctx.plan_year, this_year)
        goals = _goals_year(sentence.text, ctx.plan_year, this_year) or goals
    return out


def _tells_the_past(text: str, clause: _Span, plan_year: int | None) -> bool:
    """去年增长5.2%, 2025年达到…, 已完成…: a clause about what is done, though it stands among the year's goals."""
    own = text[clause.start : clause.end]
    return bool(_cue_re("done").search(own)) or _names_earlier_year(own, plan_year)


def _delivery_year(date: str | None, plan_year: int | None) -> int | None:
    """The year a report is delivered in, when it is the year before its plan year (a report of December 2022 planning
    2023); else ``None``: 今年 is the plan year itself."""
    if plan_year is None or not date or not date[:4].isdigit():
        return None
    return int(date[:4]) if int(date[:4]) == plan_year - 1 else None


_GOALS_LEAD = re.compile(r"(?:预期目标|主要目标|调控目标)(?:是|为|如下)?[：:]|计划要求[：:，,]")
"""今年经济社会发展主要预期目标是：, 今年计划要求，: the lead of the year's goals (older reports name the plan's)."""


def _goals_year(text: str, plan_year: int | None, this_year: int | None = None) -> str | None:
    """The year of the expected goals a sentence announces (今年经济社会发展主要预期目标是：…, 今年计划要求，…): the
    goals the rest of its paragraph lists, sentence after sentence, are that year's, as those of the announcing
    sentence."""
    lead = _GOALS_LEAD.search(text)
    if lead is None:
        return None
    found, value = _deadline_from(text, plan_year, before=lead.start(), this_year=this_year)
    return value if found else _annual_goal_year(text, lead.end(), plan_year)


def _owns_targets_before(out: list[Target], since: int, note: Owner) -> bool:
    """Give the body of a responsibility note standing as its own sentence (…120公里。（责任单位：县水利局）) the
    targets of the tasks it closes, ``out[since:]``, that name no owner of their own; whether it was a note."""
    if note.agency is None:
        return False
    for target in out[since:]:
        if target.agency is None:
            target.agency, target.supporting = note.agency, list(note.supporting)
    return True


def _lead_deadline(
    text: str, carried: str | None, plan_year: int | None, this_year: int | None = None
) -> str | None:
    """The deadline the next sentence inherits from a list it continues.

    A lead ``今年主要预期目标是：…；`` dates the items split from it at ``；`` until the list
    ends (a sentence not ending in ``；``); a lead without a dating cue dates nothing.
    """
    if not text.endswith(("；", ";")):
        return None
    colon = max(text.rfind("："), text.rfind(":"))
    if colon == -1:
        return carried
    found, value = _deadline_from(text, plan_year, before=colon, this_year=this_year)
    return value if found else _annual_goal_year(text, colon, plan_year)


def _is_normative(report: Report, ctx: DocContext) -> bool:
    """Whether the document sets rules: its kind (or, unknown, its title line) is a 通知, 方案, 办法 …"""
    kinds = _cues()["normative"]
    if ctx.kind:
        return ctx.kind.endswith(kinds)
    title = report.meta.title or report.text.partition("\n")[0][:80]
    return bool(re.search(f"(?:{alternation(kinds)})(?:》|\\s|$)", title))


def _spans(sentence: Sentence, mentions: Mapping[int, Sequence[AgencyMention]] | None) -> _Spans:
    """The agency mention spans of one sentence: from ``mentions`` if given, else parsed now."""
    if mentions is None:
        return agency_mentions(sentence.text)
    return [(m.start, m.end, m.text) for m in mentions[sentence.index]]
