"""Targets: the quantities a report states (新建口袋公园10处, 优良天数比例达到85%以上).

Each number with a counting unit (:func:`kg.extract.numbers.find_quantities`) becomes a
:class:`~kg.extract.model.Target` unless it is an ordinal, a date, a footnote mark or part
of a name. The sentence around it gives the rest:

- ``text``: the list segment (split at 、/和 between quantities) or clause holding it;
- ``role``: change (增长5%), else the report part (review → achievement), else tense and
  modal words (``data/target_cues.tsv``);
- ``deadline``: 到2025年 → "2025", 6月底前 → plan year's 06-30, 年底前/年内/全年 or a list
  titled "2023年…清单" → "2023-12-31", 3年内 → plan year + 2;
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
from kg.extract.lexicon import alternation, rows, words
from kg.extract.model import Agency, DocContext, Place, Target
from kg.extract.numbers import CHINESE_DIGITS, Quantity, find_quantities
from kg.loaders.model import ListItem, Report, Sentence

__all__ = ["find_targets", "targets_in_sentence"]

_CLAUSE_BREAKS = "，,；;。：:！!？?"
_BREAK = re.compile(f"[{re.escape(_CLAUSE_BREAKS)}]")
_LAST_BREAK = re.compile(f"[{re.escape(_CLAUSE_BREAKS)}][^{re.escape(_CLAUSE_BREAKS)}]*$")
_QUOTES = {"“": "”", "《": "》", "「": "」", "『": "』", "‘": "’", '"': '"'}
_OPENING_QUOTE = re.compile("|".join(map(re.escape, _QUOTES)))
_LIST_SPLIT = re.compile(r"、|和|及|以及|与")
_MASKED_YEAR = re.compile(r"[12][0-9]{1,2}\*年")
_CN_SMALL_NUM = {ch: n for ch, n in CHINESE_DIGITS.items() if n} | {"十": 10}
_CHANGE_UNITS = {"%", "个百分点", "倍", "‰"}
_FIVE_YEAR_PLANS = {"十四五": 2025, "十五五": 2030, "十三五": 2020}
_NOT_MODAL_YAO = re.compile(r"(?:需|主|重|必|纪|只|不)要|要(?:求|素|点|害|件)")
_PAST_LE = re.compile(rf"[{chr(0x4E00)}-{chr(0x9FFF)}]了(?!解|结|如指掌)")
_NOT_PAST_LE = re.compile(r"(?:为|除|不|得|罢|受不|少不|免不)了")
_ORDINAL_AFTER = re.compile(r"^(?:次|届)(?:全会|会议|全体会议|代表大会|党代会)")
_BARE_MULTIPLIER = re.compile(
    r"(?<![0-9零〇一二两三四五六七八九十百千万亿])(?:(过|超过|超)(亿|千万|百万|万)元|(亿|千万|百万|万)元(以上))"
)
_FUTURE_PATTERN = re.compile(r"到[0-9]{4}年|[0-9一二两三四五]年内")
_BARE_FACTORS = {"亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}


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
    """过亿元项目, 投资亿元以上项目: a multiplier without a digit counts as one."""
    found = []
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
                comparator=">=",
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


def _is_excluded(text: str, q: Quantity, names: list[_Span]) -> bool:
    """Ordinals, names with digits, quoted names, the article 一个, 十三届六次全会."""
    if any(s.start < q.num_start < s.end for s in names):
        return True
    before = text[max(0, q.num_start - 1) : q.num_start]
    if before == "第" or (before and (before.isascii() and (before.isalpha() or before in "_{"))):
        return True
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


def _last_split(text: str, a: int, b: int) -> int | None:
    matches = list(_LIST_SPLIT.finditer(text, a, b))
    return matches[-1].end() if matches else None


def _first_split(text: str, a: int, b: int) -> tuple[int, int] | None:
    matches = list(_LIST_SPLIT.finditer(text, a, b))
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
    m = re.search(r"\[[^\]]{1,8}\]$", text[start:end])
    if m:
        end = start + m.start()
    return _Span(start, end)


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


def _is_change(text: str, q: Quantity, seg_start: int) -> bool:
    if q.unit not in _CHANGE_UNITS:
        return False
    before = text[max(seg_start, q.start - 8) : q.start]
    found = list(_cue_re("change").finditer(before))
    if not found:
        return False
    m = found[-1]
    between = before[m.end() :]
    return not re.search(r"[到至为达]", between) and len(between) <= 3


def _modal_before(text: str, clause: _Span, pos: int) -> bool:
    """A commitment word (要, 力争, 确保, 到2025年 …) in the clause before ``pos``."""
    return _has_cue(text[clause.start : pos], "future")


def _role(sentence: Sentence, q: Quantity, clause: _Span, *, descriptive: bool) -> str:
    """change, then the report part, then tense and modal words around the quantity.

    ``descriptive`` marks a section about the present state (存在的问题, 现状): its
    quantities are statistics unless a commitment word precedes them.
    """
    text = sentence.text
    if _is_change(text, q, clause.start):
        return "change"
    if sentence.part == "review":
        return "statistic" if descriptive else "achievement"
    clause_text = text[clause.start : clause.end]
    future = _modal_before(text, clause, q.start) or _has_cue(text[: q.start], "future")
    past = _has_cue(clause_text, "past")
    stated = _has_cue(text[clause.start : q.start], "statistic")
    if sentence.part in ("plan", "appendix"):
        if _modal_before(text, _Span(0, clause.end), q.start):
            return "target"
        if past or stated or descriptive:
            return "statistic"
        return "target"
    if future:
        return "target"
    if past:
        return "achievement"
    return "statistic"


def _month_end(year: int, month: int) -> str:
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


_DEADLINE_RE = re.compile(
    r"(?P<masked>[12][0-9]{1,2}\*年)"
    r"|(?:到|至|在)?(?P<year>20[0-9]{2})年(?:底|末)?(?:前|以前)?(?!以来|[0-9一-十]+月|度)"
    r"|(?P<month>1[0-2]|[1-9])月(?:(?P<day>[0-9]{1,2})日|底|末|份)?(?:前|以前)"
    r"|(?P<span>[0-9]|[一二两三四五六七八九十])年内"
    r"|(?P<yearend>年底前|年底|年内|全年|今年|本年|年末)"
    r"|“?(?P<fyp>十[三四五]五)”?(?:期间|末|时期)"
)


def _deadline_from(text: str, plan_year: int | None, *, before: int) -> tuple[bool, str | None]:
    """The deadline the nearest cue before ``before`` gives: (found a cue, value)."""
    last = None
    for m in _DEADLINE_RE.finditer(text, 0, before):
        last = m
    if last is None:
        return False, None
    return True, _deadline_value(last, plan_year)


def _deadline_value(m: re.Match[str], plan_year: int | None) -> str | None:
    if m.group("masked"):
        return None
    if m.group("year"):
        year = int(m.group("year"))
        return str(year) if plan_year is None or year >= plan_year else None
    if m.group("fyp"):
        return str(_FIVE_YEAR_PLANS[m.group("fyp")])
    if plan_year is None:
        return None
    if m.group("month"):
        month = int(m.group("month"))
        if m.group("day"):
            return f"{plan_year}-{month:02d}-{int(m.group('day')):02d}"
        return _month_end(plan_year, month)
    if m.group("span"):
        n = m.group("span")
        years = int(n) if n.isdigit() else _CN_SMALL_NUM[n]
        return str(plan_year + years - 1)
    return f"{plan_year}-12-31"


def _deadline(text: str, q: Quantity, clause: _Span, plan_year: int | None, default: str | None) -> str | None:
    found, value = _deadline_from(text, plan_year, before=q.start)
    if found:
        return value
    found, value = _deadline_from(text[: clause.end], plan_year, before=clause.end)
    if found:
        return value
    return default


_Spans = Sequence[tuple[int, int, str]]


def _responsible(text: str, until: int, state: _Responsible, spans: _Spans) -> _Responsible:
    """Update ``state`` with 由X负责/X牵头/X要 … and generic subjects found before ``until``.

    ``spans`` are the agency mentions of ``text`` (:func:`~kg.extract.agencies.agency_mentions`).
    """
    mentions = [(s, e, m) for s, e, m in spans if e <= until]
    events: list[tuple[int, str, tuple[str, ...]]] = []
    for m in _cue_re("lead").finditer(text, 0, until):
        group = _group_after_you(text, mentions, m.start()) or _group_before(text, mentions, m.start())
        if group:
            events.append((m.start(), "lead", group))
    for m in _cue_re("support").finditer(text, 0, until):
        group = _group_before(text, mentions, m.start())
        if group:
            events.append((m.start(), "support", group))
    for s, e, mention in mentions:
        if re.match(r"[、和及与]?[^，,；;。]{0,2}?要", text[e : e + 4]) and not any(
            ev[0] >= s and ev[0] <= e + 12 for ev in events
        ):
            events.append((s, "lead", (mention,)))
    for m in _cue_re("generic").finditer(text, 0, until):
        if re.match(r"[^，,；;。]{0,12}?(?:要|负责|牵头)", text[m.end() : m.end() + 14]):
            events.append((m.start(), "generic", ()))
    result = _Responsible(state.agency, state.supporting)
    for _, kind, group in sorted(events):
        if kind == "lead":
            result = _Responsible(group[0], group[1:])
        elif kind == "support":
            extra = tuple(g for g in group if g not in result.supporting and g != result.agency)
            result = _Responsible(result.agency, result.supporting + extra)
        else:
            result = _Responsible(None, ())
    return result


def _group_after_you(text: str, mentions: list[tuple[int, int, str]], pos: int) -> tuple[str, ...]:
    """由市环保局和相关地区负责 → (市环保局,): the bodies between 由 and the lead verb."""
    clause = _clause(text, pos)
    you = text.rfind("由", clause.start, pos)
    if you == -1:
        return ()
    return tuple(m for s, e, m in mentions if you < s and e <= pos)


def _group_before(text: str, mentions: list[tuple[int, int, str]], pos: int) -> tuple[str, ...]:
    """The bodies listed right before ``pos``: 由市建委、交通局负责 → (市建委, 交通局)."""
    group: list[str] = []
    end = pos
    for s, e, mention in reversed(mentions):
        gap = text[e:end]
        if e > end or len(gap) > 2 or re.search(r"[，,；;。]", gap):
            if group:
                break
            if e <= end and len(gap) > 2:
                break
            continue
        group.insert(0, mention)
        end = s
        if text[max(0, s - 1) : s] == "由":
            break
    return tuple(group)


def _place_names(places: Iterable[Place], sentence_index: int) -> list[str]:
    names = []
    for p in places:
        if p.sentences and sentence_index not in p.sentences:
            continue
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
    r"|年底前|年内|全年|今年|全市|全区|全县|全省|我市|我区|我县|我们|对|由|其中)"
)
_AFTER_STOP = re.compile(
    r"作为|进行|投入|交付|享受|用于|通过|全部|有序|纳入|不达标|缺少|需要|需|要|让|使|达到|达|提供|完成|实现"
)


def _indicator(text: str, seg: _Span, q: Quantity, quantities: list[Quantity]) -> str | None:
    """What the quantity counts: the noun after the unit (40条市政道路建设), else before it."""
    lo, hi = seg.start, seg.end
    for x in quantities:
        if x.end <= q.start and x.end > lo:
            lo = x.end
        if x.start >= q.end and x.start < hi:
            hi = x.start
    before = re.sub(r"\[[^\]]*\]|[“”‘’\"《》]", "", text[lo : q.start])
    after = re.sub(r"\[[^\]]*\]|[“”‘’\"《》]", "", text[q.end : hi])
    after = _AFTER_STOP.split(re.sub(r"^[的之]", "", after))[0]
    after = _strip_links(after).strip("的、等和及 ")
    if len(after) >= 2:
        return after[:16]
    phrase = _strip_links(_strip_verbs(before)).strip("的、等和及 ")
    return phrase[-16:] or None


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
) -> list[Target]:
    """The targets one sentence states.

    ``item`` is the list item the sentence is (its owner becomes the agency);
    ``responsible`` the body made responsible earlier in the section;
    ``default_deadline`` the deadline of the list the sentence belongs to;
    ``descriptive`` says the sentence's section describes the present (存在的问题);
    ``mentions`` the sentence's agency mentions if already found.
    """
    del agencies  # mentions come from the text; the Agency list is not needed here
    text = sentence.text
    quantities = _quantities(text)
    if not quantities:
        return []
    spans = mentions if mentions is not None else agency_mentions(text)
    plan_year = None if _MASKED_YEAR.search(text) else ctx.plan_year
    segs = _segments(text, quantities)
    names = _place_names(places, sentence.index)
    canonical = {n: p.name for p in places for n in (p.name, *p.aliases)}
    state = responsible or _Responsible()
    out: list[Target] = []
    for q, raw_seg in zip(quantities, segs, strict=True):
        clause = _clause(text, q.num_start)
        seg = _trim(text, raw_seg)
        if seg.end - seg.start <= (q.end - q.start) + 1:
            seg = _trim(text, clause)
        role = _role(sentence, q, clause, descriptive=descriptive)
        deadline = None
        if role in ("target", "change"):
            deadline = _deadline(text, q, clause, plan_year, default_deadline)
        owner = item.owner if item is not None else None
        who = _Responsible(owner, ()) if owner else _responsible(text, q.start, state, spans)
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


def _list_deadline(title: str | None, plan_year: int | None) -> str | None:
    """A list titled 2023年重点民生事项清单 is due by the end of 2023."""
    if not title:
        return None
    m = re.search(r"(20[0-9]{2})年", title)
    if m and (plan_year is None or int(m.group(1)) >= plan_year):
        return f"{m.group(1)}-12-31"
    return None


_DESCRIPTIVE_TITLE = re.compile(r"问题|不足|差距|现状|形势|挑战|困难|基本情况")
_ACTION_TITLE = re.compile(r"解决|破解|补齐|弥补|应对|克服|整改|找准")


def _is_descriptive(section_id: str | None, sections: dict) -> bool:
    """Whether the section or one of its ancestors is about problems or the present state."""
    while section_id:
        section = sections.get(section_id)
        if section is not None and _DESCRIPTIVE_TITLE.search(section.title):
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
    for sentence in report.sentences:
        if sentence.section != current_section:
            current_section, state = sentence.section, _Responsible()
        item = items.get(sentence.index)
        title = item.list_title if item else None
        if title is None and sentence.part == "appendix" and sentence.section in sections:
            title = sections[sentence.section].title
        default = _list_deadline(title, ctx.plan_year)
        descriptive = _is_descriptive(sentence.section, sections)
        spans = _spans(sentence, mentions)
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
            )
        )
        state = _responsible(sentence.text, len(sentence.text), state, spans)
    return out


def _spans(sentence: Sentence, mentions: Mapping[int, Sequence[AgencyMention]] | None) -> _Spans:
    """The agency mention spans of one sentence: from ``mentions`` if given, else parsed now."""
    if mentions is None:
        return agency_mentions(sentence.text)
    return [(m.start, m.end, m.text) for m in mentions[sentence.index]]
