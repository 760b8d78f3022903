"""Who owns a target, task or policy: only what its own sentence or list item says.

A body owns what follows it in the same sentence when the syntax gives it the task:
由X负责/牵头/承担/组织实施, X牵头(，Y配合), X负责…, X要…, a trailing （X） on a list item, or a
note that says who does the task it closes (（牵头单位：X；配合单位：Y）, （X负责）).
A finance body named as payer (中央财政用于…, 省财政安排…) owns the sums after it in its sentence.
A sentence is whole up to 。: clauses after a semicolon keep its owner (由X牵头，A；B。).
A note standing as its own sentence right after the tasks it closes (…。（责任单位：X）) is still their own word.
Nothing else is inherited from the section or from earlier sentences, a body named as the one
under whose leadership something happens (在省委坚强领导下) or whose decisions are followed
(按照省委决策部署) owns nothing, and the leading bodies (党中央, 国务院, a Party committee,
the people's congress) own a quantity only through an explicit 由X负责 or X牵头.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.extract.lexicon import CJK, alternation, rows

__all__ = [
    "Owner",
    "carried_owner",
    "is_leading_body",
    "item_owner",
    "names_an_owner",
    "note_owner",
    "noted_owner",
    "owner_in",
    "trailing_owner",
]

Spans = Sequence[tuple[int, int, str]]
"""Agency mentions of a text as ``(start, end, mention)``, in text order."""

_CLAUSE_BREAK = re.compile(r"[，,；;。：:！!？?]")
_UNDER_LEADERSHIP = re.compile(rf"在[{CJK}、，,“”]{{0,40}}?(?:的)?(?:坚强|正确|亲切|有力)?(?:领导|指导|关心)下")
_FOLLOWED = re.compile(r"的?(?:决策部署|工作部署|部署|要求|精神|指示|批示|号召|安排)")
_MODAL_YAO = re.compile(r"[、和及与]?[^，,；;。]{0,2}?要(?![求素点件害闻务])")
_DUTY_AFTER = re.compile(r"[^，,；;。]{0,12}?(?:要|负责|牵头)")
_LEADING = re.compile(
    r"(?:党中央|中共中央|中央|国务院|.{0,12}?[省市区县镇乡旗州盟]委(?:员会)?|.{0,12}?党委|.{0,12}?人大常委会|.{0,12}?人大)"
)
_YAO = re.compile(r"要")
_LABEL = re.compile(r"\s*[^：:、，,]{2,6}[：:]\s*")
_SEMICOLON_END = re.compile(r"[；;]\s*$")
_BARE_PAYER = re.compile(r"(?:地方各级|地方|各级)财政(?!收入|赤字|资金|预算|困难|体制)")
_TRAILING = re.compile(r"[（(]([^（）()]{2,40})[）)]\s*[；;。.]?\s*$")


@dataclass(frozen=True)
class Owner:
    """The responsible body's mention and the supporting bodies' mentions."""

    agency: str | None = None
    supporting: tuple[str, ...] = ()


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    """Lead, support and generic-subject words of ``data/target_cues.tsv``."""
    out: dict[str, list[str]] = {}
    for word, kind, *_ in rows("target_cues.tsv"):
        if kind in ("lead", "support", "generic"):
            out.setdefault(kind, []).append(word)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _cue_re(kind: str) -> re.Pattern[str]:
    return re.compile(alternation(_cues()[kind]))


def is_leading_body(mention: str) -> bool:
    """Whether a mention names a leading body (党中央, 国务院, 省委, 中共某某市委, 人大常委会)."""
    return bool(_LEADING.fullmatch(mention))


def _eligible(text: str, spans: Spans) -> list[tuple[int, int, str]]:
    """The mentions that may own something: not under whose leadership, not whose decisions are followed."""
    if not spans:
        return []  # most sentences name no body
    led = [(m.start(), m.end()) for m in _UNDER_LEADERSHIP.finditer(text)]
    out = []
    for s, e, mention in spans:
        if any(a <= s and e <= b for a, b in led):
            continue
        if _FOLLOWED.match(text, e) or _follows_list(text, spans, e):
            continue
        out.append((s, e, mention))
    return out


def _follows_list(text: str, spans: Spans, end: int) -> bool:
    """省委、省政府决策部署: a mention listed before one whose decisions are followed."""
    for s, e, _ in spans:
        if s > end:
            return 0 < s - end <= 1 and text[end:s] in "、和与及" and bool(_FOLLOWED.match(text, e))
    return False


def _group_after_you(text: str, mentions: Spans, pos: int) -> tuple[str, ...]:
    """由市环保局和相关地区负责 → (市环保局,): the bodies between 由 and the lead verb."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, pos)]
    clause_start = breaks[-1] if breaks else 0
    you = text.rfind("由", clause_start, pos)
    if you == -1:
        return ()
    return tuple(m for s, e, m in mentions if you < s and e <= pos)


def _group_before(text: str, mentions: Spans, pos: int) -> tuple[str, ...]:
    """The bodies listed right before ``pos``: 市建委、交通局配合 → (市建委, 交通局)."""
    group: list[str] = []
    end = pos
    for s, e, mention in reversed(mentions):
        if e > end:
            continue
        gap = text[e:end]
        if len(gap) > 2 or _CLAUSE_BREAK.search(gap):
            break
        group.insert(0, mention)
        end = s
        if text[max(0, s - 1) : s] == "由":
            break
    return tuple(group)


def _events(text: str, until: int, mentions: Spans) -> list[tuple[int, str, tuple[str, ...]]]:
    """Ownership events before ``until``: (offset, lead/support/generic, bodies)."""
    events: list[tuple[int, str, tuple[str, ...]]] = []
    for m in _cue_re("lead").finditer(text, 0, until) if mentions else ():  # a lead or support names a body
        group = _group_after_you(text, mentions, m.start()) or _group_before(text, mentions, m.start())
        if group:
            events.append((m.start(), "lead", group))
    for m in _cue_re("support").finditer(text, 0, until) if mentions else ():
        group = _group_before(text, mentions, m.start())
        if group:
            events.append((m.start(), "support", group))
    for s, e, mention in mentions:
        if is_leading_body(mention) or not _MODAL_YAO.match(text, e):
            continue
        if not any(s <= ev[0] <= e + 12 for ev in events):
            events.append((s, "lead", (mention,)))
    for m in _cue_re("generic").finditer(text, 0, until):
        if _DUTY_AFTER.match(text, m.end()):
            events.append((m.start(), "generic", ()))
    events += _payer_events(text, until, mentions, events)
    return sorted(events)


def _payer_events(
    text: str, until: int, mentions: Spans, events: list[tuple[int, str, tuple[str, ...]]]
) -> list[tuple[int, str, tuple[str, ...]]]:
    """中央财政用于…的支出达到3397亿元, 国家财政将每年安排支出…: a finance body named as the payer (the agency
    extractor names one only so) owns the sums of its sentence from there, unless another verb already gives it
    a part (市财政配合); a bare level's finance (地方财政安排…) pays as no one body, and ends its sums."""
    given = {g for _, _, group in events for g in group}
    out = [(s, "lead", (m,)) for s, _, m in mentions if m.endswith("财政") and m not in given]
    out += [(m.start(), "generic", ()) for m in _BARE_PAYER.finditer(text, 0, until)]
    return out


def names_an_owner(text: str) -> bool:
    """Whether ``text`` has a word that can give ownership (负责, 牵头, 要 …): a cheap test before parsing mentions."""
    return bool(_YAO.search(text)) or bool(_cue_re("lead").search(text))


def owner_in(text: str, until: int, spans: Spans, inherited: Owner = Owner()) -> Owner:
    """The owner the sentence ``text`` gives to what stands at ``until``, from its own words before it.

    ``spans`` are the sentence's agency mentions (:func:`~kg.extract.agencies.agency_mentions`).
    The last lead before ``until`` wins; supporting bodies accumulate after it. ``inherited``
    is the owner of the sentence this one continues after a semicolon (:func:`carried_owner`).
    """
    mentions = [(s, e, m) for s, e, m in _eligible(text, spans) if e <= until]
    owner = inherited
    for _, kind, group in _events(text, until, mentions):
        if kind == "lead":
            owner = Owner(group[0], group[1:])
        elif kind == "support":
            extra = tuple(g for g in group if g not in owner.supporting and g != owner.agency)
            owner = Owner(owner.agency, owner.supporting + extra)
        else:
            owner = Owner()
    return owner


def carried_owner(text: str, spans: Spans, inherited: Owner = Owner()) -> Owner:
    """The owner the next sentence inherits: a sentence cut at a semicolon goes on (由X牵头，A；B。),
    one that ends at 。 hands nothing on."""
    if not _SEMICOLON_END.search(text):
        return Owner()
    return owner_in(text, len(text), spans, inherited)


_NOTE = re.compile(r"[（(]([^（）()]{2,80})[）)]")
_LEAD_LABEL = re.compile(r"^\s*(?:牵头|责任|主责|主办)(?:单位|部门)[：:]")
_SUPPORT_LABEL = re.compile(r"^\s*(?:配合|协办|参与|协助)(?:单位|部门)[：:]")
_LEAD_AFTER = re.compile(r"(?:牵头)?负责$|牵头$")


def noted_owner(text: str, pos: int, spans: Spans, until: int | None = None) -> Owner:
    """The owner a bracketed note between ``pos`` and ``until`` names: （牵头单位：X；配合单位：Y）, （X负责）.

    实施方案 and task lists close a task with such a note; it is the sentence's own word on who
    does what it counts. A note that names no duty (（含加装电梯）, （X、Y）) gives nothing, and a
    note after ``until`` (the next quantity) belongs to that one.
    """
    for m in _NOTE.finditer(text, pos, len(text) if until is None else until):
        owner = _owner_of_note(m.group(1), m.start(1), spans, "[；;]")
        if owner.agency is not None:
            return owner
    return Owner()


_NOTE_SENTENCE = re.compile(r"\s*[（(]([^（）()]{2,80})[）)]\s*[。；;.]?\s*")
_SUPPORT_AFTER = re.compile(r"(?:配合|协助|参与|协办)$")


def note_owner(text: str, spans: Spans) -> Owner:
    """The owner a sentence that is nothing but a responsibility note names, else ``Owner()``.

    实施方案 close a task with （责任单位：X、Y）, 牵头单位：X；配合单位：Y or （X牵头，Y配合） after its 。, so the
    note stands as a sentence of its own; it still says who does the task it closes (see
    :func:`noted_owner`). A sentence that only opens with a body (X要…) is no note.
    """
    m = _NOTE_SENTENCE.fullmatch(text)
    if m:
        body, offset = m.group(1), m.start(1)
    elif _LEAD_LABEL.match(text):
        body, offset = text.rstrip("。；;. "), 0
    else:
        return Owner()
    owner = _owner_of_note(body, offset, spans, "[；;]")
    return owner if owner.agency is not None else _owner_of_note(body, offset, spans, "[；;，,]")


def _owner_of_note(body: str, offset: int, spans: Spans, separators: str) -> Owner:
    """The lead and supporting bodies of a note's ``body`` (at ``offset`` in the text), its parts cut at ``separators``:
    the lead is the first body of a part labelled 牵头单位/责任单位 or ending in 负责/牵头; 配合单位 parts, and parts
    ending in 配合, support."""
    lead: str | None = None
    supporting: list[str] = []
    for part in re.split(separators, body):
        inside = [mention for s, e, mention in spans if offset <= s and e <= offset + len(part)]
        if inside and lead is None and (_LEAD_LABEL.match(part) or _LEAD_AFTER.search(part.strip())):
            lead, rest = inside[0], inside[1:]
            supporting += [r for r in rest if not _LEAD_LABEL.match(part)]
        elif inside and (_SUPPORT_LABEL.match(part) or _SUPPORT_AFTER.search(part.strip())):
            supporting += inside
        offset += len(part) + 1
    if lead is None:
        return Owner()
    return Owner(lead, tuple(dict.fromkeys(x for x in supporting if x != lead)))


def trailing_owner(text: str, spans: Spans) -> tuple[str, str | None]:
    """Split a list item into its text and the first body named in its trailing （X）.

    （市发展改革委、市财政局） and （责任单位：市发展改革委） give 市发展改革委; a trailing
    parenthesis that names no body (（含表后线路改造）) is part of the text.
    """
    m = _TRAILING.search(text)
    inside = [mention for s, e, mention in spans if m and m.start(1) <= s and e <= m.end(1)]
    if not m or not inside:
        return text.strip().rstrip("；;。."), None
    return text[: m.start()].strip(), inside[0]


def item_owner(owner: str | None) -> str | None:
    """The body a list item's owner text names first (责任单位：市住建局、市财政局 → 市住建局).

    The lead is the first item of the list: when that one is no body the table knows
    (牵头单位：红十字会、残联), the item has no owner rather than a supporting one.
    """
    if not owner:
        return None
    from kg.extract.agencies import agency_mentions

    label = _LABEL.match(owner)
    first = label.end() if label else 0
    found = agency_mentions(owner)
    return found[0][2] if found and found[0][0] == first else None
