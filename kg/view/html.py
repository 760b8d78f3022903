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
from kg.view.select import MAX_NODES, ViewGraph, select_view
from kg.view.style import STYLES, edge_colour, style_of
from kg.view.tooltips import tooltip_html

__all__ = ["FONT_FACE", "ViewResult", "physics_options", "render_html", "write_view"]

FONT_FACE = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
_LABEL_CHARS = 16


@dataclass(frozen=True)
class ViewResult:
    """A written view: where, how big, and what was left out."""

    path: Path
    nodes: int
    edges: int
    message: str


def physics_options(nodes: int) -> dict[str, Any]:
    """Barnes–Hut physics that settles in a bounded number of iterations, then stops.

    The page turns physics off once stabilisation ends, so a graph of a few thousand
    nodes stays still and responsive instead of jiggling forever.
    """
    iterations = 300 if nodes <= 150 else 200 if nodes <= 500 else 120 if nodes <= 1000 else 80
    return {
        "enabled": nodes > 1,
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -6000 if nodes > 300 else -3500, "centralGravity": 0.25,
                      "springLength": 110, "springConstant": 0.04, "damping": 0.35, "avoidOverlap": 0.1, "theta": 0.8},
        "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
        "maxVelocity": 40,
        "minVelocity": 1.0,
        "timestep": 0.5,
    }


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


def _network(view: ViewGraph) -> tuple[Any, list[dict[str, Any]]]:
    """A pyvis network of the view, and the legend entries for the kinds it holds."""
    from pyvis.network import Network

    index = view.index
    net = Network(directed=True, cdn_resources="in_line")
    kinds: Counter[str] = Counter()
    focus = set(view.focus)
    for uri in view.nodes:
        node = index.pg.nodes[uri]
        kind = node_kind(node) or "Thing"
        kinds[kind] += 1
        style = style_of(kind)
        reports = index.report_names(uri)
        name = display_name(node)
        net.add_node(uri, label=_label(name), shape=style.shape, color=style.colour,
                     size=style.size * (1.6 if uri in focus else 1), borderWidth=3 if uri in focus else 1,
                     title=tooltip_html(index, uri, reports=reports), kind=kind, name=name, reports=reports)
    for source, edge_type, target in view.edges:
        net.add_edge(source, target, title=edge_type, color=edge_colour(edge_type))
    order = list(STYLES)
    legend = [{"kind": kind, "zh": style_of(kind).zh, "colour": style_of(kind).colour,
               "shape": style_of(kind).shape, "count": count}
              for kind, count in sorted(kinds.items(), key=lambda i: (order.index(i[0]) if i[0] in order else 99))]
    return net, legend


def render_html(view: ViewGraph, *, title: str = "kg view") -> str:
    """The page for ``view`` as one HTML string (vis-network inlined, no remote resources)."""
    from jinja2 import Environment
    from markupsafe import Markup

    from kg.view.template import PAGE

    net, legend = _network(view)
    count = len(net.nodes)
    options = {
        "physics": physics_options(count),
        "layout": {"improvedLayout": count <= 150, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": count > 500,
                        "navigationButtons": False, "multiselect": True},
        "nodes": {"font": {"face": FONT_FACE, "size": 13, "strokeWidth": 3, "strokeColor": "#ffffff"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.4}}, "width": 0.8,
                  "smooth": {"enabled": count <= 500, "type": "continuous"}},
    }
    data = {"title": title, "message": view.message, "nodes": net.nodes, "edges": net.edges, "legend": legend,
            "reports": sorted({r for n in net.nodes for r in n["reports"]}), "focus": view.focus,
            "options": options}
    js, css = _vis_assets()
    env = Environment(autoescape=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    page = env.from_string(PAGE)
    return page.render(title=title, data=data, vis_js=Markup(js), vis_css=Markup(css))


def write_view(store: Any, path: str | Path, *, types: Iterable[str] | None = None,
               report: str | None = None, focus: str | None = None, depth: int = 2,
               max_nodes: int = MAX_NODES, title: str | None = None) -> ViewResult:
    """Select in ``store`` (a :class:`kg.store.GraphStore`; see :func:`kg.view.select.select_view`),
    render and write a view.

    Raises :class:`kg.errors.KgError` for an unknown type, report or focus name.
    """
    view = select_view(store, types=types, report=report, focus=focus, depth=depth, max_nodes=max_nodes)
    if title is None:
        parts = ["kg 知识图谱"]
        if focus:
            parts.append(f"{focus}（{depth} 步）")
        if report:
            parts.append(view.index.reports()[view.index.find_report(report)])
        title = " · ".join(parts)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(view, title=title), encoding="utf-8")
    return ViewResult(out, len(view.nodes), len(view.edges), view.message)
