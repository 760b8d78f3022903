"""Enterprises and non-government organisations (某某公司, 某某集团, 工会).

Four rules over the sentence's tokens: a name ending in an organisation suffix
(公司/集团/银行/大学/医院 …, ``data/org_suffixes.txt``) on a word end, whose stem runs left to
the verb, function word or punctuation in front of it and is not a level or count only
(市级医院, 三大油气公司); the elements of a list closed by 等(重点)企业 (围绕甲汽、乙客等重点企业);
the people's organisations of ``data/org_names.txt``; and national bodies named 国家…中心 /
中国…中心, with the field in brackets when given (国家医学中心（中医类）).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from kg.extract.lexicon import CJK, word_re, word_set
from kg.extract.model import DocContext, Organization
from kg.extract.policies import head_spans, is_verbal
from kg.extract.tokens import Token, opens_name, segmenter, tokenize, tokens_in
from kg.loaders.model import Report

__all__ = ["find_organizations", "organization_names"]

_LIST_RE = re.compile(
    rf"((?:[{CJK}]{{2,8}}、)+[{CJK}]{{2,8}})等(?:[一二三四五六七八九十两\d]+[大家])?(?:重点|龙头|骨干|大型|[{CJK}]{{2}})?(?:企业|公司|集团)"
)
_COUNT_RE = re.compile(r"[一二三四五六七八九十两百千万\d]+[大家级]")
_NATIONAL_RE = re.compile(rf"(?:国家|中国)[{CJK}—]{{2,20}}?(?:中心|重点实验室)(?:（[{CJK}]{{1,6}}类）)?")
_MAX_STEM = 10


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
    after_verb = i > 0 and is_verbal(words[i - 1])
    if t.text in word_set("org_not_opening.txt") or (after_verb and len(t.text) == 1 and t.pos == "a"):
        return False
    if t.pos.startswith("q") or (t.pos == "vn" and (after_verb or (i + 1 < len(words) and _counted(words[i + 1])))):
        return False  # 个|国家…医院, 建设|一批…学院
    if (i + 1 < k or words[k].start < hs) and (t.pos in _PREDICATE_TAGS or t.text in word_set("predicate_adverbs.txt")):
        return False  # 发展/vn|民营银行, 严厉查处/i|某公司, 今年/t|某银行: a predicate or time before the name
    return opens_name(t) and not is_verbal(t)


_PREDICATE_TAGS = frozenset({"vn", "i", "l", "t", "ad", "d"})


@cache
def _kind_words() -> frozenset[str]:
    return word_set("org_kind_words.txt") | word_set("org_suffixes.txt") | word_set("org_generic.txt")


def _kind_only(words: Sequence[Token], start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` are kind words only (``data/org_kind_words.txt``) and a suffix:
    国有|大型|商业银行 names a kind of bank, not one."""
    kinds = _kind_words()
    inside = [t for t in words if start <= t.start and t.end <= end]
    return bool(inside) and inside[0].start == start and inside[-1].end == end and all(t.text in kinds for t in inside)


def _counted(token: Token) -> bool:
    """一批, 一些, 多家: a quantity of bodies, so the words after it describe a kind, not name one."""
    return token.pos.startswith("m") and token.text[0] in "一多几数"


def _stem_start(words: Sequence[Token], k: int, hs: int) -> int:
    """Offset where the name whose suffix starts at ``hs`` (inside or at ``words[k]``) begins."""
    i = k
    while i > 0 and not _stops(words[i - 1]) and hs - words[i - 1].start <= _MAX_STEM:
        i -= 1
    while i < k and not _opens(words, i, k, hs):
        i += 1
    return words[i].start if i < k else min(hs, words[k].start)


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
    for m in _LIST_RE.finditer(text):
        if any(is_verbal(t) for t in tokens_in(words, m.end(1) + 1, m.end() - 2)):
            continue
        parts = m.group(1).split("、")
        first_end = m.start() + len(parts[0])
        first = tokens_in(words, m.start(), first_end)
        start = m.start()
        for t in first:
            if _stops(t) or not opens_name(t):
                start = t.end
        parts[0] = text[start:first_end]
        found += [(m.start() + k, p) for k, p in enumerate(parts) if len(p) >= 2 and not _names_a_kind(p)]
    return found


def _names_a_kind(member: str) -> bool:
    """Whether a list member names a kind of enterprise (…企业) or an activity: dictionary words ending in a
    verb (火箭|总装|测试). A word the dictionary does not know is a name (天河|超算, 黔晟|国资)."""
    if member.endswith("企业"):
        return True
    words = tokenize(member)
    if len(words) < 2 or len(words[-1].text) < 2 or not (is_verbal(words[-1]) or words[-1].pos == "vn"):
        return False
    return all(segmenter().has_word(w.text) for w in words)


def organization_names(text: str, words: Sequence[Token] | None = None) -> list[str]:
    """Organisation names in one string, in order of appearance; ``words`` are its tokens (computed when None)."""
    words = tokenize(text) if words is None else words
    generic = word_set("org_generic.txt")
    found = _list_members(text, words)
    for k, hs, he in head_spans(text, words, "org_suffixes.txt"):
        start = _stem_start(words, k, hs)
        stem, name = text[start:hs], text[start:he]
        if len(stem) < 2 or name in generic or stem in generic or any(name.endswith(g) for g in generic if len(g) >= 3):
            continue
        inside = [t for t in words if start <= t.start < hs]  # with a word the suffix starts inside (妇幼保健|院)
        if _graded_only(stem, inside) or any(_counted(t) for t in inside) or _after_count(words, start):
            continue
        if _kind_only(words, start, he):
            continue
        if text.startswith(("科技园", "园", "城"), he):
            continue  # 大学科技园, 大学城: a place
        found.append((start, name))
    for m in _NATIONAL_RE.finditer(text):
        if "的" not in m.group() and not m.group().startswith("中国式"):  # 中国式现代化…的中心(任务): a phrase
            found.append((m.start(), m.group()))
    for m in word_re("org_names.txt").finditer(text):
        found.append((m.start(), m.group()))
    names = [n for _, n in sorted(found)]
    return [n for n in dict.fromkeys(names) if not any(n != o and n in o and o.endswith(n[-2:]) for o in names)]


def find_organizations(
    report: Report, ctx: DocContext, tokens: Mapping[int, Sequence[Token]] | None = None
) -> list[Organization]:
    """The named enterprises and non-government organisations of ``report``."""
    found: dict[str, Organization] = {}
    for sentence in report.sentences:
        words = tokens[sentence.index] if tokens is not None else None
        for name in organization_names(sentence.text, words):
            org = found.setdefault(name, Organization(name))
            if sentence.index not in org.sentences:
                org.sentences.append(sentence.index)
    return list(found.values())
