"""Interactive views: one self-contained HTML page of (part of) the graph.

pyvis is imported only when a page is rendered.
"""

from kg.view.html import ViewResult, render_html, write_view
from kg.view.select import DEFAULT_TYPES, MAX_NODES, ViewGraph, select_view

__all__ = ["DEFAULT_TYPES", "MAX_NODES", "ViewGraph", "ViewResult", "render_html", "select_view", "write_view"]
