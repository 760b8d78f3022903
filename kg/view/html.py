"""Render a view as one self-contained HTML file (pyvis + vis-network, inlined).

pyvis assembles the nodes, edges and options; the page template
(:mod:`kg.view.template`) inlines the vis-network script and styles that pyvis ships,
so the file opens offline and loads nothing from the network.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.analyse.nodes import display_name, node_kind
from kg.view.layout import ROW, forest_positions, tree_positions
from kg.view.relations import relation_legend, relation_of
from kg.view.select import MAX_NODES, ViewGraph, select_view
from kg.view.style import STYLES, style_of
from kg.view.table import COLUMNS, target_rows
from kg.view.tooltips import tooltip_html

__all__ = ["DASHED_EDGES", "FONT_FACE", "ViewResult", "render_html", "write_view"]

FONT_FACE = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
_LABEL_CHARS = 16
DASHED_EDGES = 1500
"""Views with more edges than this draw every edge solid (colour still tells the types apart):
vis-network draws a dash pattern segment by segment, and 7 000 dashed edges kept a page busy
for 13 s in headless Chromium, against 2.5 s solid."""
_LABEL_INSIDE = {"box", "ellipse", "circle", "database", "text"}
"""vis-network shapes that draw their label inside them."""


@dataclass(frozen=True)
class ViewResult:
    """A written view: where, how big, and what was left out."""

    path: Path
    nodes: int
    edges: int
    message: str


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's minified script and stylesheet, as pyvis ships them."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(
        encoding="utf-8")


def _label(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= _LABEL_CHARS else name[: _LABEL_CHARS - 1] + "…"


def _roots(view: ViewGraph) -> list[str]:
    """The skeleton's roots: focus nodes first, then every parent that is nobody's child."""
    inner = {kid for kids in view.children.values() for kid in kids}
    return list(dict.fromkeys([u for u in view.focus if u not in inner] + [u for u in view.children if u not in inner]))


def _positions(view: ViewGraph) -> dict[str, tuple[float, float]]:
    """Where each node is drawn: the skeleton as a tree, else a radial forest of the edges."""
    if view.children:
        spans = {}
        for uri in view.nodes:
            style = style_of(node_kind(view.index.pg.nodes[uri]))
            if style.shape not in _LABEL_INSIDE:  # label under the shape: room for both
                spans[uri] = max(1.0, (2 * style.size + 32) / ROW)
        return tree_positions(_roots(view), view.children, clusters=view.clusters, others=view.nodes, spans=spans)
    return forest_positions(view.nodes, view.edges, roots=view.focus)


def _network(view: ViewGraph) -> tuple[Any, list[dict[str, Any]], list[dict[str, Any]]]:
    """A pyvis network of the view, laid out, with the legend entries for its node kinds and relationships."""
    from pyvis.edge import Edge
    from pyvis.network import Network

    index = view.index
    net = Network(directed=True, cdn_resources="in_line")
    kinds: Counter[str] = Counter()
    focus = set(view.focus)
    shown = set(view.nodes)
    head_of = {m: head for head, members in view.clusters.items() if head in shown for m in members if m in shown}
    where = _positions(view)
    for uri in view.nodes:
        node = index.pg.nodes[uri]
        kind = node_kind(node) or "Thing"
        kinds[kind] += 1
        style = style_of(kind)
        reports = index.report_names(uri)
        name = display_name(node)
        x, y = where.get(uri, (0.0, 0.0))
        net.add_node(uri, label=_label(name), shape=style.shape, color=style.colour,
                     size=style.size * (1.6 if uri in focus else 1), borderWidth=3 if uri in focus else 1,
                     title=tooltip_html(index, uri, reports=reports), kind=kind, name=name, reports=reports,
                     x=round(x, 1), y=round(y, 1), cluster=head_of.get(uri, ""))
    relations: Counter[str] = Counter()
    dashed = len(view.edges) <= DASHED_EDGES
    for source, edge_type, target in view.edges:
        if source in shown and target in shown:
            rel = relation_of(edge_type)
            relations[edge_type] += 1
            # pyvis's add_edge checks both ends against a fresh list of every node (quadratic):
            # the ends are known to be drawn, so the edge is added as add_edge would add it
            net.edges.append(Edge(source, target, True, title=rel.caption, color=rel.colour,
                                  dashes=rel.dashes if dashed else False, width=rel.width, rel=edge_type).options)
    order = list(STYLES)
    legend = [{"kind": kind, "zh": style_of(kind).zh, "colour": style_of(kind).colour,
               "shape": style_of(kind).shape, "count": count}
              for kind, count in sorted(kinds.items(), key=lambda i: (order.index(i[0]) if i[0] in order else 99))]
    entries = relation_legend(dict(relations))
    for entry in entries if not dashed else ():
        entry["dashes"] = False
    return net, legend, entries


def _clusters(view: ViewGraph) -> list[dict[str, Any]]:
    """The clusters the page folds on opening: head, label, and how many nodes each holds."""
    shown = set(view.nodes)
    out = []
    for head, members in sorted(view.clusters.items()):
        inside = [m for m in members if m in shown]
        if head in shown and inside:
            name = display_name(view.index.pg.nodes[head])
            out.append({"head": head, "label": f"{_label(name)} +{len(inside)}", "count": len(inside)})
    return out


def render_html(view: ViewGraph, *, title: str = "kg view") -> str:
    """The page for ``view`` as one HTML string (vis-network inlined, no remote resources).

    The layout is computed here (:mod:`kg.view.layout`), so the page draws once with
    physics off and is ready as soon as it is drawn.
    """
    from jinja2 import Environment
    from markupsafe import Markup

    from kg.view.template import PAGE

    net, legend, relations = _network(view)
    count = len(net.nodes)
    options = {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": count > 500,
                        "navigationButtons": False, "multiselect": True},
        "nodes": {"font": {"face": FONT_FACE, "size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}, "smooth": False},
    }
    data = {"title": title, "message": view.message, "nodes": net.nodes, "edges": net.edges, "legend": legend,
            "relations": relations, "clusters": _clusters(view),
            "table": {"columns": [{"key": k, "title": t} for k, t in COLUMNS], "rows": target_rows(view)}
            if view.table else None,
            "reports": sorted({r for n in net.nodes for r in n["reports"]}), "focus": view.focus,
            "options": options}
    js, css = _vis_assets()
    env = Environment(autoescape=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    page = env.from_string(PAGE)
    return page.render(title=title, data=data, vis_js=Markup(js), vis_css=Markup(css))


def write_view(store: Any, path: str | Path, *, types: Iterable[str] | None = None,
               report: str | None = None, focus: str | None = None, depth: int = 2,
               max_nodes: int = MAX_NODES, title: str | None = None, agency: str | None = None,
               place: str | None = None, jurisdiction: str | None = None, year: int | None = None,
               hide_isolated: bool = False) -> ViewResult:
    """Select in ``store`` (a :class:`kg.store.GraphStore`; see :func:`kg.view.select.select_view`),
    render and write a view.

    Raises :class:`kg.errors.KgError` for an unknown type, report, name, or entry points that do not combine.
    """
    view = select_view(store, types=types, report=report, focus=focus, depth=depth, max_nodes=max_nodes,
                       agency=agency, place=place, jurisdiction=jurisdiction, year=year, hide_isolated=hide_isolated)
    if title is None:
        parts = ["kg 知识图谱"]
        if agency:
            parts.append(f"部门 {agency}")
        if place:
            parts.append(f"地点 {place}")
        if focus:
            parts.append(f"{focus}（{depth} 步）")
        if report:
            parts.append(view.index.reports()[view.index.find_report(report)])
        if jurisdiction:
            parts.append(jurisdiction)
        if year is not None:
            parts.append(f"{year} 年")
        title = " · ".join(parts)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(view, title=title), encoding="utf-8")
    return ViewResult(out, len(view.nodes), len(view.edges), view.message)
