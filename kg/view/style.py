"""How each kind of node looks in a view: colour, vis-network shape, Chinese name.

Places share one family of shapes per group (water, transport, administrative …) so a
reader tells a river from a road at a glance; the legend lists only kinds in the view.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["STYLES", "Style", "style_of"]


@dataclass(frozen=True)
class Style:
    """A node kind's look: fill colour, vis-network shape, Chinese and English names."""

    colour: str
    shape: str
    zh: str
    size: int = 14


STYLES: dict[str, Style] = {
    "Report": Style("#3b3b3b", "box", "报告", 22),
    "Section": Style("#dcdcdc", "box", "章节", 10),
    "Sentence": Style("#c7c7c7", "dot", "句子", 6),
    "ListItem": Style("#b5b5b5", "square", "列表项", 8),
    "Government": Style("#7b1fa2", "star", "政府", 20),
    "Agency": Style("#d32f2f", "diamond", "部门", 16),
    "Organization": Style("#f06292", "diamond", "组织", 12),
    "PolicyDocument": Style("#1565c0", "box", "政策文件", 12),
    "Plan": Style("#4fc3f7", "box", "规划/工程", 12),
    "Target": Style("#ffa000", "dot", "目标", 9),
    "Place": Style("#2e7d32", "dot", "地点", 12),
    "AdministrativeDivision": Style("#1b5e20", "triangle", "行政区", 14),
    "Province": Style("#0d3b12", "triangle", "省", 20),
    "City": Style("#1b5e20", "triangle", "市", 18),
    "District": Style("#388e3c", "triangle", "区", 15),
    "County": Style("#43a047", "triangle", "县", 15),
    "Town": Style("#66bb6a", "triangleDown", "镇", 12),
    "Subdistrict": Style("#66bb6a", "triangleDown", "街道", 12),
    "Community": Style("#9ccc65", "triangleDown", "社区", 10),
    "Village": Style("#aed581", "triangleDown", "村", 10),
    "River": Style("#0288d1", "dot", "河流", 13),
    "Lake": Style("#4fc3f7", "dot", "湖泊", 13),
    "Road": Style("#6d4c41", "square", "道路", 11),
    "Area": Style("#8d6e63", "hexagon", "片区", 12),
    "Park": Style("#7cb342", "hexagon", "公园", 12),
    "Landmark": Style("#00897b", "star", "地标", 12),
    "Facility": Style("#00695c", "square", "设施", 11),
}

_FALLBACK = Style("#607d8b", "ellipse", "其他", 10)

def style_of(kind: str | None) -> Style:
    """The style of a node kind (a neutral one for kinds the table does not know)."""
    return STYLES.get(kind or "", _FALLBACK)

