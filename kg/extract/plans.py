"""Named action plans, programmes and projects (某产业三年攻坚行动, 某业“百千”工程).

Sources: items of lists whose title names action plans (the name before the colon), quoted
names ending in a plan word (“某某行动”, quotes kept), running-text names ending in a plan
head word (行动/工程/计划/项目/试点 …, ``data/plan_suffixes.txt``) on a word end, and quoted
names before a programme noun (“某某”机制, ``data/plan_quoted_heads.txt``). A running-text
name starts where the segmenter's tokens say a name may start (after the predicate verb,
adverb or function word in front of it: :func:`kg.extract.policies.name_start`); coordinated
actions share their head (甲提升和乙提升行动 → 甲提升行动, 乙提升行动). It must be a proper
name: quoted, or with a specific modifier that is not generic vocabulary
(``data/plan_generic.txt``), not counted (一批, 26项) or ranked (省级); a built project (工程,
项目) also needs a proper noun, a number, quotes or a long stem.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from kg.extract.lexicon import word_re, word_set
from kg.extract.model import Agency, DocContext, Plan
from kg.extract.policies import head_spans, is_verbal, name_start, responsible_agency, strip_owner
from kg.extract.tokens import Token, tokenize
from kg.loaders.model import Report

__all__ = ["find_plans", "plan_names"]

_LIST_TITLE_RE = re.compile(r"行动|计划|工程|项目|攻坚")
_ITEM_NAME_RE = re.compile(r"^\s*([^：:，,。；;]{3,40})[：:]")
_QUOTED_RE = re.compile(r"“([^”]{2,20})”")
_QUOTES_ONLY_RE = re.compile(r"((?:“[^”]+”)+)(?:系列)?")
_NOT_AFTER = {"工程": "师化", "计划": "生单经", "项目": "化库部", "行动": "者"}
_BUILT = ("工程", "项目")
_PROPER_TAGS = ("ns", "nz", "nr", "nt", "m", "j", "eng")
_COUNTED_RE = re.compile(r"[\d一二三四五六七八九十百千万]+[个家条座项]|一批|一系列|一些")  # 26项, 一批: counted things
_COUNTED_ABBR_RE = re.compile(r"[一二两三四五六七八九十][^\d”]")
_COORDINATORS = frozenset({"和", "及", "与", "以及"})


@cache
def _heads() -> tuple[str, ...]:
    return tuple(word_set("plan_suffixes.txt"))


@cache
def _generic_longest_first() -> tuple[str, ...]:
    return tuple(sorted(word_set("plan_generic.txt"), key=len, reverse=True))


def _is_proper(stem: str, words: Sequence[Token], head: str) -> bool:
    """Whether a stem makes a name of its own rather than a description (重点|项目, 民生|工程)."""
    if "“" in stem:
        return True
    if stem in word_set("plan_generic.txt") or len(stem) < 3:
        return False
    core = stem
    for w in _generic_longest_first():
        core = core.replace(w, "")
    if len(core) < 2:
        return False
    if head[-2:] in _BUILT:  # a built project is named by a place, a number, a proper noun or a long stem
        return (head[-2:] == "工程" and len(stem) >= 6) or any(t.pos.startswith(_PROPER_TAGS) for t in words)
    return True


def _rejects(stem: str, words: Sequence[Token]) -> bool:
    """Stems that describe rather than name: counted (一批, 千项, 26项 outside quotes), listed (等), possessive (的),
    or opening with a numeral, a pronoun or a rank (省级, 国家级)."""
    unquoted = re.sub(r"“[^”]*(?:”|$)", "", stem)
    if not words or "等" in stem or "的" in stem or _COUNTED_RE.search(unquoted):
        return True
    first = words[0]
    graded = first.text.endswith("级") and len(first.text) > 1  # 省级|城市更新试点: a rank of pilots, not one
    return first.text != "“" and (first.pos.startswith(("m", "r")) or stem[0].isdigit() or graded)


def _quoted_names(text: str) -> list[str]:
    """Names quoted whole (“某某工程”), quotes kept: they are part of how the name is written."""
    return [
        m.group()
        for m in _QUOTED_RE.finditer(text)
        if word_re("plan_suffixes.txt").fullmatch(m.group(1)[-2:]) or m.group(1).endswith(("行动", "工程", "计划"))
    ]


def _split_quotes(stem: str, head: str) -> list[str] | None:
    """“甲”“乙”项目 → one plan per quote; None when the stem is not quotes only."""
    quotes = _QUOTES_ONLY_RE.fullmatch(stem)
    if not quotes:
        return None
    names = re.findall(r"“([^”]+)”", quotes.group(1))
    if head == "项目":  # “两高”项目, “两重”项目: projects of a counted category, not one named project
        names = [q for q in names if not _COUNTED_ABBR_RE.fullmatch(q)]
    return [q if word_re("plan_suffixes.txt").search(q[-4:]) else f"“{q}”{head}" for q in names]


def _stems(
    text: str, words: Sequence[Token], k: int, hs: int, *, quoted: bool = False
) -> list[tuple[str, list[Token], bool]]:
    """(stem, its tokens, whether a verb stands before it) for the head word starting at ``hs`` in ``words[k]``.

    A coordinated stem (甲提升和乙提升|行动) gives one stem per conjunct sharing the head, unless
    the left conjunct has a head of its own (甲行动和乙行动). ``quoted``: the head closes a quote.
    """
    out: list[tuple[str, list[Token], bool]] = []
    partial = words[k].start < hs  # 二期工程 as one word: 二期 is stem
    end_index, end_offset = k, hs
    while True:
        i = name_start(words, end_index, quoted=quoted, nominal=partial)
        i = _after_listed_head(text, words, i, end_index)
        start = words[i].start if i < end_index else (words[k].start if partial else end_offset)
        stem_words = list(words[i:end_index]) + ([words[k]] if partial and end_index == k else [])
        led = i > 0 and (is_verbal(words[i - 1]) or words[i - 1].text in _COORDINATORS)
        out.append((text[start:end_offset], stem_words, led))
        partial = quoted = False
        if i < 2 or words[i - 1].text not in _COORDINATORS:
            return out
        if text[: words[i - 1].start].endswith(_heads()) or not (is_verbal(words[i - 2]) or words[i - 2].pos == "vn"):
            return out  # 甲行动和乙行动, 甲和乙: only actions (甲提升和乙提升|行动) share a head
        end_index, end_offset = i - 1, words[i - 1].start


def _after_listed_head(text: str, words: Sequence[Token], i: int, end: int) -> int:
    """Index after the last 甲项目和 in ``words[i:end]``: a head before a conjunction closes a name of its own."""
    for j in range(end - 1, i + 1, -1):  # 项目和招商联合行动: a bare head word is no name of its own
        if words[j].text in _COORDINATORS and text[: words[j].start].endswith(_heads()):
            return j + 1
    return i


def plan_names(text: str, words: Sequence[Token] | None = None) -> list[str]:
    """Plan names written in one string, in order; ``words`` are its tokens (computed when None)."""
    words = tokenize(text) if words is None else words
    out: list[str] = _quoted_names(text) if "“" in text else []
    for k, hs, he in head_spans(text, words, "plan_suffixes.txt"):
        head = text[hs:he]
        if he < len(text) and text[he] in _NOT_AFTER.get(head[-2:], ""):
            continue
        if head == "项目" and text[:hs].endswith("工程"):  # 某某工程项目: 项目 says what kind of thing it is
            hs, he, head = hs - 2, hs, "工程"
            while k > 0 and words[k].start > hs:
                k -= 1
        out += _names_at_head(text, words, k, hs, head)
    if "”" in text:
        out += _quoted_programmes(text, words)
    return [n for n in dict.fromkeys(out) if not any(n != o and n in o for o in out)]


def _names_at_head(text: str, words: Sequence[Token], k: int, hs: int, head: str) -> list[str]:
    """The names that end in the plan head word ``head`` starting at ``hs`` (inside ``words[k]``)."""
    out: list[str] = []
    closing = text.startswith("”", hs + len(head))  # 某某“攀登计划”: a stem in front of a quoted name
    for stem, stem_words, led in _stems(text, words, k, hs, quoted=closing):
        if closing:
            if "“" in stem and not stem.startswith("“") and not _rejects(stem, stem_words):
                out.append(stem + head + "”")  # “某某行动” alone: the quoted rule has it
            continue
        split = _split_quotes(stem.removeprefix("新一轮"), head)  # 新一轮“四减四增”行动: the quoted name
        if split is not None:
            out += split
        elif _rejects(stem, stem_words) or (not led and len(stem) < 6 and "“" not in stem):
            continue  # a description, or no verb before it and too short for a subject name
        elif _is_proper(stem, stem_words, head):
            out.append(stem + head)
    return out


def _quoted_programmes(text: str, words: Sequence[Token]) -> list[str]:
    """Names whose stem holds a quoted name before a programme noun (做实“一键申报”机制 → “一键申报”机制)."""
    out: list[str] = []
    for k, hs, he in head_spans(text, words, "plan_quoted_heads.txt"):
        if text.startswith("”", he):
            continue
        for stem, stem_words, _ in _stems(text, words, k, hs):
            if stem.endswith("”") and not _rejects(stem, stem_words):
                out.append(stem + text[hs:he])
    return out


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
    return list(found.values())
