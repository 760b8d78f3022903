"""Tooltips: a node's facts and source sentence as escaped HTML.

Every value from the graph (names, literals, sentence text) passes through
:func:`html.escape`, so a report that contains ``<script>`` or ``" onmouseover=`` shows
it as text. The page turns each tooltip into a DOM element itself, so vis-network never
interprets a string.
"""

from __future__ import annotations

from html import escape

from kg.analyse.nodes import GraphIndex, display_name, node_kind
from kg.view.relations import relation_of
from kg.view.style import style_of

__all__ = ["FACT_KEYS", "RELATIONS", "SENTENCES", "tooltip_html"]

FACT_KEYS = ("indicator_zh", "value", "valueMax", "unit", "comparator", "role", "deadline", "status", "kind_zh",
             "date", "planYear", "divisionCode", "sourceFile", "altLabel_zh", "title_zh", "marker", "itemLabel")
"""Properties a tooltip lists, in this order (offsets and digests are left out)."""

RELATIONS = ("RESPONSIBLE_AGENCY", "SUPPORTING_AGENCY", "DRAFTING_AGENCY", "ABOUT_PLACE", "WITHIN", "JURISDICTION",
             "ISSUER", "SUB_ORGANIZATION_OF")
"""Outgoing relations a tooltip names (the related nodes sorted by name), captioned as the
ontology labels them (:func:`kg.view.relations.relation_of`)."""

SENTENCES = 2
"""Source sentences a tooltip quotes at most."""

_MAX_TEXT = 300


def _text(value: object, limit: int = _MAX_TEXT) -> str:
    text = " | ".join(map(str, value)) if isinstance(value, list) else str(value)
    return escape(text if len(text) <= limit else text[: limit - 1] + "…", quote=True)


def tooltip_html(index: GraphIndex, uri: str, *, reports: list[str] | None = None) -> str:
    """Escaped HTML for one node: name, kind, facts, relations, reports, source sentences."""
    node = index.pg.nodes[uri]
    kind = node_kind(node) or ""
    parts = [f'<div class="kg-tip-name">{_text(display_name(node))}</div>',
             f'<div class="kg-tip-kind">{_text(style_of(kind).zh)} · {_text(kind)}</div>']
    rows = [(key.removesuffix("_zh"), node.props[key]) for key in FACT_KEYS if node.props.get(key) not in (None, "")]
    for edge_type in RELATIONS:
        caption = relation_of(edge_type).caption
        related = sorted(display_name(index.pg.nodes[t]) for t in index.targets(uri, edge_type) if t in index.pg.nodes)
        if related:
            rows.append((caption, "、".join(related[:6]) + (" …" if len(related) > 6 else "")))
    if reports:
        rows.append(("报告 reports", ", ".join(reports)))
    if rows:
        cells = "".join(f"<tr><th>{_text(k, 60)}</th><td>{_text(v)}</td></tr>" for k, v in rows)
        parts.append(f"<table>{cells}</table>")
    for sentence in index.sentence_texts(uri, limit=SENTENCES):
        parts.append(f'<blockquote class="kg-tip-source">{_text(sentence)}</blockquote>')
    return "".join(parts)
