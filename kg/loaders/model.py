"""The loaded report: normalised text, metadata, section tree, list items and sentences.

Everything downstream (extractors, graph builder) reads these objects only; offsets
always point into :attr:`Report.text`, the normalised text, so a sentence can be cited
by ``Report.text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ListItem", "Metadata", "Report", "Section", "Sentence"]


@dataclass(frozen=True)
class Metadata:
    """Facts about the report taken from its title line and text; ``None`` when unsaid."""

    title: str | None = None
    issuer: str | None = None  # 聊城市东昌府区人民政府
    jurisdiction: str | None = None  # 东昌府区
    parents: tuple[str, ...] = ()  # nearest first: ("聊城市", "山东省")
    date: str | None = None  # ISO date, as precise as the text gives ("2023-01-07", "2019-05")
    posted: str | None = None  # the web page's posting date, when the page prints one
    kind: str | None = None  # 政府工作报告, 讲话, 实施方案, 通知 …
    plan_year: int | None = None  # the year the plan part is about (report of Dec 2022 -> 2023)
    approves: str | None = None  # a resolution (决议): the source name of the report it approves


@dataclass
class Section:
    """A node of the section tree.

    ``id`` is stable within the report ("1", "1.2", "A1" for appendix 1). ``number`` is the
    marker as written ("一、", "（一）", "1.", "一是", "——"), ``None`` for lead-sentence
    sections. ``part`` says which part of the report it belongs to: "review" (past year's
    work), "plan" (the work ahead), "appendix", or ``None`` when unknown.
    """

    id: str
    level: int
    number: str | None
    title: str
    start: int
    end: int
    part: str | None = None
    children: list[Section] = field(default_factory=list)

    def walk(self):
        """Yield this section and all its descendants, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Sentence:
    """One sentence of the normalised text, with its position and its section."""

    index: int
    text: str
    start: int
    end: int
    section: str | None  # Section.id
    part: str | None = None  # copied from the section: "review", "plan", "appendix"
    refs: tuple[str, ...] = ()  # cross-reference labels the sentence carries, e.g. ("实事1",)


@dataclass(frozen=True)
class ListItem:
    """A numbered item of an appendix or end list (附件1 item 3, 民生实事 item 2).

    ``label`` is what cross-reference marks use to point at it ("实事3") or, for appendix
    items, "附件{n}-{number}". ``owner`` is the body in trailing parentheses, if any.
    """

    list_title: str
    label: str
    number: int
    text: str
    owner: str | None
    sentence: int  # Sentence.index of the item's text
    section: str  # Section.id of the list


@dataclass
class Report:
    """A report after loading: what the extractors and the graph builder consume."""

    source: str  # file name, used for the report's identity
    text: str  # the normalised text
    meta: Metadata
    sections: list[Section]  # roots of the section tree
    sentences: list[Sentence]
    items: list[ListItem] = field(default_factory=list)
    encoding: str | None = None  # encoding detected in the raw bytes

    def section_by_id(self) -> dict[str, Section]:
        """Map every section id to its section."""
        return {s.id: s for root in self.sections for s in root.walk()}
