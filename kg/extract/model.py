"""What the extractors find in a report, before it becomes RDF.

Entities carry ``sentences``: indexes of the :class:`kg.loaders.model.Sentence` objects
they were found in, so the graph builder can attach provenance to each fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Agency",
    "DocContext",
    "Extraction",
    "Organization",
    "Place",
    "Plan",
    "Policy",
    "Target",
]


@dataclass(frozen=True)
class DocContext:
    """What an extractor needs to know about the document a sentence comes from."""

    jurisdiction: str | None = None  # 东昌府区, 聊城市, XX市
    level: str | None = None  # "province", "city", "district", "county", "town"
    parents: tuple[str, ...] = ()  # nearest first: ("聊城市", "山东省")
    plan_year: int | None = None  # year the plan part is about (report of Dec 2022 -> 2023)
    kind: str | None = None  # 政府工作报告, 讲话 …


@dataclass
class Agency:
    """A government or party body.

    ``mention`` is the form used in the text (市发展改革委); ``name`` the canonical form
    without the jurisdiction prefix (发展和改革委员会); ``jurisdiction`` the place whose
    body it is (聊城市); ``aliases`` other correct names, prefixed or not.
    """

    mention: str
    name: str
    jurisdiction: str | None
    aliases: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)


@dataclass
class Organization:
    """A named enterprise or non-government organisation (一汽, 供电公司)."""

    name: str
    sentences: list[int] = field(default_factory=list)


@dataclass
class Place:
    """A specific named place; ``type`` is one of the guideline types (River, Road, Town …)."""

    name: str
    type: str
    within: str | None = None
    code: str | None = None  # GB/T 2260 division code for administrative places
    aliases: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)


@dataclass
class Policy:
    """A named policy document; ``status`` is "planned", "issued" or "cited"."""

    title: str
    agency: str | None = None  # the drafting/responsible agency's mention
    status: str = "cited"
    may_be_same_as: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)


@dataclass
class Plan:
    """A named action plan, programme or project (优化营商环境三年行动)."""

    name: str
    agency: str | None = None
    sentences: list[int] = field(default_factory=list)


@dataclass
class Target:
    """A quantity the report states, normalised as the guidelines say.

    ``role`` is "target", "achievement", "statistic" or "change"; ``comparator`` one of
    "=", ">=", "<=", "~"; ``deadline`` an ISO date or year string. ``indicator`` is what
    is counted (口袋公园), so targets can be grouped across reports.
    """

    text: str
    value: float
    unit: str
    sentence: int
    value_max: float | None = None
    comparator: str = "="
    role: str = "target"
    deadline: str | None = None
    agency: str | None = None  # mention of the responsible agency
    supporting: list[str] = field(default_factory=list)  # mentions of supporting agencies
    places: list[str] = field(default_factory=list)
    indicator: str | None = None
    start: int | None = None  # offset of ``text`` in the report's normalised text
    end: int | None = None


@dataclass
class Extraction:
    """Everything found in one report."""

    agencies: list[Agency] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
