"""The side panel's table: a view's targets as rows a planner can scan (value, unit, deadline, role, report).

Rows are plain strings; the page writes them with ``textContent``, so a hostile name stays text.
"""

from __future__ import annotations

from typing import Any

from kg.analyse.nodes import display_name
from kg.view.select import ViewGraph

__all__ = ["COLUMNS", "target_rows"]

COLUMNS = (("name", "目标 target"), ("value", "数值 value"), ("unit", "单位 unit"), ("deadline", "期限 deadline"),
           ("role", "类别 role"), ("report", "报告 report"))
"""Row keys and the column headings (Chinese and English)."""

_COMPARATORS = {"<=": "≤", ">=": "≥", "~": "≈", "<": "<", ">": ">"}
"""How a target's ``kg:comparator`` reads before its value (equality reads as the bare value)."""


def _text(value: Any) -> str:
    if value is None or value == "":
        return ""
    return " | ".join(map(str, value)) if isinstance(value, list) else str(value)


def _value(props: dict[str, Any]) -> str:
    """``≥ 45 000``, ``3–5``: the comparator (unless equality) and the value or range."""
    low, high = _text(props.get("value")), _text(props.get("valueMax"))
    value = f"{low}–{high}" if low and high and high != low else low or high
    comparator = _COMPARATORS.get(_text(props.get("comparator")), "")
    return f"{comparator}{value}" if value else ""


def target_rows(view: ViewGraph) -> list[dict[str, str]]:
    """One row per target the view draws, sorted by report, then deadline and name."""
    index = view.index
    rows = []
    for uri in view.nodes:
        node = index.pg.nodes.get(uri)
        if node is None or "Target" not in node.labels:
            continue
        props = node.props
        rows.append({"id": uri, "name": _text(props.get("indicator_zh")) or display_name(node), "value": _value(props),
                     "unit": _text(props.get("unit")), "deadline": _text(props.get("deadline")),
                     "role": _text(props.get("role")), "report": ", ".join(index.report_names(uri))})
    return sorted(rows, key=lambda r: (r["report"], r["deadline"], r["name"], r["id"]))
