"""Named action plans, programmes and projects (某产业三年攻坚行动, 某业“百千”工程).

Sources: items of lists whose title names action plans (the name before the colon), quoted
names ending in a plan word (“某某行动”), and running-text names from a lead verb (实施,
开展 …) to a plan ending (行动/工程/计划/项目, ``data/plan_suffixes.txt``). A running-text
name must be a proper name: quoted, or with a specific modifier of four characters or more
that is not generic vocabulary (``data/plan_generic.txt``).
"""

from __future__ import annotations

import re

from kg.extract.lexicon import CJK, word_re, word_set
from kg.extract.model import Agency, DocContext, Plan
from kg.extract.policies import lead_verb_re, responsible_agency, strip_owner
from kg.loaders.model import Report

__all__ = ["find_plans", "plan_names"]

_CLAUSE_END = "，,。；;：:！？!?\n、"
_LIST_TITLE_RE = re.compile(r"行动|计划|工程|项目|攻坚")
_ITEM_NAME_RE = re.compile(r"^\s*([^：:，,。；;]{3,40})[：:]")
_QUOTED_RE = re.compile(r"“([^”]{2,20})”")
_NOT_AFTER = {"工程": "师化", "计划": "生单经", "项目": "化库部", "行动": "者"}
_PLAN_VERBS = ("plan", "both")
_MODIFIERS = ("新一轮", "一批", "一系列", "全面", "深入", "大力", "持续", "积极", "进一步", "高标准", "常态化")


def _is_proper(stem: str) -> bool:
    if "“" in stem:
        return True
    generic = word_set("plan_generic.txt")
    core = stem
    for w in sorted(generic, key=len, reverse=True):
        core = core.replace(w, "")
    return len(stem) >= 4 and len(core) >= 2 and stem not in generic


def plan_names(text: str) -> list[str]:
    """Plan names written in one string, in order."""
    out: list[str] = []
    for m in _QUOTED_RE.finditer(text):
        if word_re("plan_suffixes.txt").fullmatch(m.group(1)[-2:]) or m.group(1).endswith(("行动", "工程", "计划")):
            out.append(m.group(1))
    for m in word_re("plan_suffixes.txt").finditer(text):
        end = m.end()
        if end < len(text) and text[end] in _NOT_AFTER.get(m.group()[-2:], ""):
            continue
        closing = end < len(text) and text[end] == "”"
        start = m.start()
        while start > 0 and text[start - 1] not in _CLAUSE_END and m.start() - start < 40:
            start -= 1
        leads = lead_verb_re(_PLAN_VERBS).finditer(text, start, m.start())
        lead = max((v.start() + len(v.group(1)) for v in leads), default=start)
        stem = text[lead : m.start()]
        for mod in _MODIFIERS:
            stem = stem.removeprefix(mod)
        quotes = re.fullmatch(r"((?:“[^”]+”)+)(?:系列)?", stem)
        if quotes and not closing:  # “甲”“乙”项目 → one plan per quote
            for q in re.findall(r"“([^”]+)”", quotes.group(1)):
                out.append(q if word_re("plan_suffixes.txt").search(q[-4:]) else f"“{q}”{m.group()}")
            continue
        if "等" in stem or re.search(r"\d[个家条座项]", stem):
            continue
        if not stem or stem[0].isdigit() or not re.match(rf"[{CJK}“]", stem) or "的" in stem:
            continue
        if stem.startswith(("各", "相关", "有关", "这些", "该", "其", "部分", "一")):
            continue
        if lead == start and len(stem) < 6 and "“" not in stem:
            continue  # no lead verb: only a long subject name
        if closing and stem.startswith("“") and "”" not in stem:
            continue  # “某某行动”: the quoted rule has it
        if _is_proper(stem) or closing:
            out.append(stem + m.group() + ("”" if closing else ""))
    return [n for n in dict.fromkeys(out) if not any(n != o and n in o for o in out)]


def find_plans(report: Report, ctx: DocContext, agencies: list[Agency]) -> list[Plan]:
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
        if sentence.index in listed:  # the item's own name is taken above; read its description
            text = re.split(r"[：:]", text, maxsplit=1)[1] if re.search(r"[：:]", text) else ""
        agency = responsible_agency(text)
        for name in plan_names(text):
            if not any(name in p for p in found if p != name and name in p and len(p) - len(name) <= 2):
                add(name, sentence.index, agency)
    return list(found.values())
