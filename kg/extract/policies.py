"""Named policy documents: titles in 《》, items of policy lists, and titled documents in text.

A running-text title runs from a lead verb (编制/出台/落实 …, ``data/lead_verbs.tsv``) to a
document-type ending (意见/办法/方案/规划 …, ``data/policy_suffixes.txt``). The verb gives the
status: planned (编制, 出台), issued (印发, or a planned verb in the review part) or cited.
Near-identical titles are kept apart and point at each other through ``may_be_same_as``.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.agencies import agency_mentions
from kg.extract.lexicon import CJK, alternation, rows, word_re, word_set
from kg.extract.model import Agency, DocContext, Policy
from kg.loaders.model import Report

__all__ = ["find_policies", "lead_verb_re", "lead_verbs", "near_duplicates", "responsible_agency", "strip_owner"]

_CLAUSE_END = "，,。；;：:！？!?\n"
_OWNER_RE = re.compile(r"[（(]([^（）()]{2,30})[）)]\s*[；;。.]?\s*$")
_QUOTE_TITLE_RE = re.compile(r"《([^》]{2,60})》")
_RESPONSIBLE_RE = re.compile(r"由(.{2,30}?)(?:牵头|负责|承担|组织实施)")
_FOLLOW_OK = set("，,。；;：:！？、)）”及和与等精的并")
_LIST_TITLE_RE = re.compile(r"政策|文件|制度")
_PLANNED_LIST_RE = re.compile(r"拟|计划|将|待")


@cache
def lead_verbs() -> dict[str, tuple[str, str]]:
    """Lead verb → (what it introduces, status it gives a policy)."""
    return {r[0]: (r[1], r[2]) for r in rows("lead_verbs.tsv")}


def strip_owner(text: str) -> tuple[str, str | None]:
    """Split a list item into its text and the trailing （owner）, if any."""
    m = _OWNER_RE.search(text)
    if not m:
        return text.strip().rstrip("；;。."), None
    return text[: m.start()].strip(), m.group(1)


def responsible_agency(sentence: str) -> str | None:
    """The mention of the body a sentence puts in charge (由市体育局牵头 → 市体育局)."""
    m = _RESPONSIBLE_RE.search(sentence)
    if not m:
        return None
    spans = agency_mentions(m.group(1))
    return spans[0][2] if spans else None


def _clause_start(text: str, pos: int) -> int:
    i = pos
    while i > 0 and text[i - 1] not in _CLAUSE_END:
        i -= 1
    return i


@cache
def lead_verb_re(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """Matches, with zero width, where a lead verb of ``kinds`` starts; group 1 is the longest one."""
    return re.compile(f"(?=({alternation(v for v, (kind, _) in lead_verbs().items() if kind in kinds)}))")


def _lead(text: str, start: int, end: int, kinds: tuple[str, ...]) -> tuple[int, str] | None:
    """The rightmost lead verb of ``kinds`` in ``text[start:end]``: (end offset, verb)."""
    best: tuple[int, str] | None = None
    for m in lead_verb_re(kinds).finditer(text, start, end):
        stop = m.start() + len(m.group(1))
        if best is None or stop > best[0]:
            best = (stop, m.group(1))
    return best


def _status(verb: str | None, part: str | None) -> str:
    status = lead_verbs().get(verb or "", ("", "cited"))[1]
    if status == "planned" and part == "review":
        return "issued"
    return status


def _running_titles(text: str) -> list[tuple[str, str | None]]:
    """(title, lead verb) pairs of document titles written in running text."""
    out: list[tuple[str, str | None]] = []
    generic = word_set("policy_generic.txt")
    used_leads: set[int] = set()
    for m in word_re("policy_suffixes.txt").finditer(text):
        end = m.end()
        if end < len(text) and text[end] == "”":
            end += 1
        if end < len(text) and text[end] not in _FOLLOW_OK:
            continue
        start = _clause_start(text, m.start())
        lead = _lead(text, start, m.start(), ("policy", "both"))
        if lead is None or lead[0] in used_leads:
            continue
        title = text[lead[0] : end]
        stem = title[: m.start() - lead[0]]
        if (
            len(stem) < 2
            or len(title) > 40
            or stem in generic
            or stem[0].isdigit()
            or stem.startswith(("各", "一批", "相关", "有关", "这些", "该", "其", "主要"))
            or "、" in re.sub(r"[（(“][^）)”]*[）)”]", "", stem)
            or not re.search(rf"[{CJK}]", stem)
        ):
            continue
        used_leads.add(lead[0])
        out.append((title, lead[1]))
    return out


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether one substitution, insertion or deletion turns ``a`` into ``b`` (or they are equal).

    Linear time: past the common prefix, the rest of both must agree after skipping one
    character of each (substitution) or of the longer one (insertion).
    """
    if len(a) < len(b):
        a, b = b, a
    if len(a) - len(b) > 1:
        return False
    i = 0
    while i < len(b) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == (b[i + 1 :] if len(a) == len(b) else b[i:])


def _without_city(title: str) -> str:
    return title.replace("市", "").replace("城", "")


def near_duplicates(a: str, b: str) -> bool:
    """Whether two titles may name one document (某城城市… vs 某城市…)."""
    if a == b:
        return False
    if _without_city(a) == _without_city(b):
        return True
    return min(len(a), len(b)) >= 12 and _one_edit_apart(a, b)


def find_policies(report: Report, ctx: DocContext, agencies: list[Agency]) -> list[Policy]:
    """The named policy documents of ``report``."""
    found: dict[str, Policy] = {}

    def add(title: str, sentence: int, *, agency: str | None, status: str) -> None:
        title = title.strip()
        if not title:
            return
        policy = found.get(title)
        if policy is None:
            policy = found[title] = Policy(title, agency=agency, status=status)
        elif agency and not policy.agency:
            policy.agency = agency
        if sentence not in policy.sentences:
            policy.sentences.append(sentence)

    item_sentences = set()
    for item in report.items:
        if not _LIST_TITLE_RE.search(item.list_title):
            continue
        text, owner = strip_owner(item.text)
        if not word_re("policy_suffixes.txt").search(text[-6:]):
            continue
        status = "planned" if _PLANNED_LIST_RE.search(item.list_title) else "issued"
        add(text, item.sentence, agency=item.owner or owner, status=status)
        item_sentences.add(item.sentence)

    list_titles = {item.list_title.strip() for item in report.items}
    for sentence in report.sentences:
        if sentence.index in item_sentences or sentence.text.strip() in list_titles:
            continue
        text = sentence.text
        responsible = responsible_agency(text)
        for m in _QUOTE_TITLE_RE.finditer(text):
            lead = _lead(text, _clause_start(text, m.start()), m.start(), ("policy", "both"))
            add(m.group(1), sentence.index, agency=responsible, status=_status(lead and lead[1], sentence.part))
        for title, verb in _running_titles(text):
            if f"《{title}》" in text:
                continue
            head = agency_mentions(title)
            agency = head[0][2] if head and head[0][0] == 0 else responsible
            add(title, sentence.index, agency=agency, status=_status(verb, sentence.part))

    policies = list(found.values())
    for p in policies:
        p.may_be_same_as = [q.title for q in policies if near_duplicates(p.title, q.title)]
    return policies
