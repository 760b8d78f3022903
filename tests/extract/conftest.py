"""Shared fixtures of the extractor tests: reports built by hand from a few sentences."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from kg.loaders.model import ListItem, Metadata, Report, Sentence


def build_report(
    text: str,
    *,
    jurisdiction: str = "东昌府区",
    parents: tuple[str, ...] = ("聊城市", "山东省"),
    part: str | None = "plan",
    items: list[tuple[str, str, str | None]] | None = None,
) -> Report:
    """A report whose sentences are ``text`` split after 。；！？ and newlines.

    ``items`` are (list title, item text, owner) triples appended as extra sentences.
    """
    sentences: list[Sentence] = []
    for m in re.finditer(r"[^。；！？\n]+[。；！？]?", text):
        if m.group().strip():
            sentences.append(Sentence(len(sentences), m.group(), m.start(), m.end(), "1", part))
    full = text
    list_items: list[ListItem] = []
    for n, (title, item, owner) in enumerate(items or [], 1):
        body = item + (f"（{owner}）" if owner else "")
        start = len(full) + 1
        full += "\n" + body
        sentences.append(Sentence(len(sentences), body, start, start + len(body), "A1", "appendix"))
        list_items.append(ListItem(title, f"附件1-{n}", n, item, owner, len(sentences) - 1, "A1"))
    meta = Metadata(
        title=f"{jurisdiction}人民政府工作报告",
        issuer=f"{jurisdiction}人民政府",
        jurisdiction=jurisdiction,
        parents=parents,
        kind="政府工作报告",
        plan_year=2023,
    )
    return Report("test.txt", full, meta, [], sentences, list_items)


@pytest.fixture
def make_report() -> Callable[..., Report]:
    """Build a :class:`Report` from text (see :func:`build_report`)."""
    return build_report
