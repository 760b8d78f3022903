"""Items of appendices and end lists (附件1 item 3, 民生实事 item 2).

An item keeps its written number (lists have typing slips: two items 7, a missing 15)
and its order. ``owner`` is the body in trailing parentheses (``（市发展改革委）``).
``label`` is what cross-reference marks use: when marks such as ``[实事3]`` exist and
their prefix occurs in a list's title, that list's items are ``实事{n}``; appendix items
are ``附件{N}-{n}``; other lists use their title: ``{title}{n}``.
"""

from __future__ import annotations

import re

from kg.loaders.model import ListItem, Section, Sentence
from kg.loaders.structure import Line

__all__ = ["extract_items"]

_OWNER = re.compile(r"[（(]([^（）()]{2,24})[)）][；;。，,]?$")
_BODY = re.compile(r"(?:委|局|办|厅|院|部|会|室|处|中心|政府|集团|公司|团|联|馆|站|所|组)$")
_REF_PREFIX = re.compile(r"^(\D+)\d+$")


def extract_items(
    text: str, lines: list[Line], sections: list[Section], sentences: list[Sentence]
) -> list[ListItem]:
    """The numbered items of the appendix and end-list sections of a report."""
    lists = {s.id: s for s in sections if s.part == "appendix" and (s.id[0] in "AL")}
    prefixes = {m.group(1) for s in sentences for ref in s.refs if (m := _REF_PREFIX.match(ref))}
    by_start = {s.start: s.index for s in sentences}
    items: list[ListItem] = []
    for line in lines:
        if line.role != "item" or line.section not in lists:
            continue
        section = lists[line.section]
        body = text[line.body : line.end]
        owner = None
        if (m := _OWNER.search(body)) and _BODY.search(m.group(1)):
            owner, body = m.group(1), body[: m.start()]
        body = body.rstrip("；;，, ")
        number = int(line.number or 0)
        items.append(
            ListItem(
                list_title=section.title,
                label=_label(section, number, prefixes),
                number=number,
                text=body,
                owner=owner,
                sentence=by_start.get(line.body, -1),
                section=section.id,
            )
        )
    return items


def _label(section: Section, number: int, prefixes: set[str]) -> str:
    for prefix in sorted(prefixes, key=len, reverse=True):
        if prefix in section.title:
            return f"{prefix}{number}"
    if section.id.startswith("A"):
        return f"附件{section.id[1:]}-{number}"
    return f"{section.title}{number}"
