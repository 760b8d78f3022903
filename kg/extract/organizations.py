"""Enterprises and non-government organisations (某某公司, 某某集团, 工会).

Three rules: a name ending in an organisation suffix (公司/集团/银行/大学/医院 …,
``data/org_suffixes.txt``) whose stem runs left to a boundary word; the elements of a list
closed by 等(重点)企业 (围绕甲汽、乙客等重点企业); the people's organisations of
``data/org_names.txt``; and national bodies named 国家…中心 / 中国…中心.
"""

from __future__ import annotations

import re

from kg.extract.lexicon import CJK, is_cjk, word_re, word_set
from kg.extract.model import DocContext, Organization
from kg.extract.places import cut_left
from kg.loaders.model import Report

__all__ = ["find_organizations", "organization_names"]

_LIST_RE = re.compile(rf"((?:[{CJK}]{{2,8}}、)+[{CJK}]{{2,8}})等(?:重点|龙头|骨干|大型)?(?:企业|公司|集团)")
_NATIONAL_RE = re.compile(rf"(?:国家|中国)[{CJK}—]{{2,20}}?(?:中心|重点实验室)")
_MAX_STEM = 10


def organization_names(text: str) -> list[str]:
    """Organisation names in one string, in order of appearance."""
    found: list[tuple[int, str]] = []
    generic = word_set("org_generic.txt")
    for m in _LIST_RE.finditer(text):
        parts = m.group(1).split("、")
        parts[0] = cut_left(parts[0], min_stem=0)
        found += [(m.start() + k, p) for k, p in enumerate(parts) if len(p) >= 2]
    for m in word_re("org_suffixes.txt").finditer(text):
        i = m.start()
        while i > 0 and m.start() - i < _MAX_STEM and is_cjk(text[i - 1]):
            i -= 1
        stem = cut_left(text[i : m.start()], min_stem=0)
        name = stem + m.group()
        if len(stem) < 2 or name in generic or stem in generic or any(name.endswith(g) for g in generic if len(g) >= 3):
            continue
        if text.startswith(("科技园", "园", "城"), m.end()):
            continue  # 大学科技园, 大学城: a place
        found.append((m.start() - len(stem), name))
    for m in _NATIONAL_RE.finditer(text):
        found.append((m.start(), m.group()))
    for m in word_re("org_names.txt").finditer(text):
        found.append((m.start(), m.group()))
    names = [n for _, n in sorted(found)]
    return [n for n in dict.fromkeys(names) if not any(n != o and n in o and o.endswith(n[-2:]) for o in names)]


def find_organizations(report: Report, ctx: DocContext) -> list[Organization]:
    """The named enterprises and non-government organisations of ``report``."""
    found: dict[str, Organization] = {}
    for sentence in report.sentences:
        for name in organization_names(sentence.text):
            org = found.setdefault(name, Organization(name))
            if sentence.index not in org.sentences:
                org.sentences.append(sentence.index)
    return list(found.values())
