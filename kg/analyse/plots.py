"""Matplotlib figures of the measures, with Chinese labels in a CJK font.

Figures are drawn on :class:`matplotlib.figure.Figure` objects (no pyplot state, no
display needed) and saved as PNG, SVG or PDF by the file suffix. Labels use Noto Sans
CJK: the system's (Debian ``fonts-noto-cjk``) when installed, else the copy shipped in
the PyPI package ``noto-cjk-sans-otc`` (a dependency of kg: the Regular OpenType
collection, SIL OFL, a 15.5 MB wheel, with Simplified and Traditional faces), registered
with ``matplotlib.font_manager``; so Chinese renders on a fresh machine with no fonts
installed. Only if neither is there does a :class:`CjkFontWarning` say so.
"""

from __future__ import annotations

import functools
import math
import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.figure import Figure

    from kg.analyse.compare import Comparison
    from kg.analyse.measures import Community, PlaceCommitments
    from kg.analyse.track import YearTrack

__all__ = [
    "CjkFontWarning",
    "cjk_font",
    "plot_agency_network",
    "plot_comparison",
    "plot_degree_distribution",
    "plot_indicator_track",
    "plot_top_places",
    "png_bytes",
    "save_figure",
]

_PREFERRED = ("Noto Sans CJK SC", "Noto Sans SC", "Noto Sans CJK TC", "Noto Sans CJK JP", "Source Han Sans SC",
              "WenQuanYi Zen Hei", "Droid Sans Fallback")
_SUFFIXES = {".png", ".svg", ".pdf"}
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac")


P = ParamSpec("P")


class CjkFontWarning(UserWarning):
    """No CJK font was found: Chinese labels will not render."""


@cache
def cjk_font() -> str | None:
    """The family name of a CJK font (Noto Sans CJK SC first), or None.

    Fonts installed after matplotlib built its cache are found by scanning the system
    font folders and registering the Noto CJK files; without any, the packaged copy
    (:func:`_packaged_font`) is registered.
    """
    from matplotlib import font_manager

    def installed() -> str | None:
        families = {f.name for f in font_manager.fontManager.ttflist}
        return next((name for name in _PREFERRED if name in families), None)

    found = installed()
    if found:
        return found
    for path in font_manager.findSystemFonts():
        if "NotoSansCJK" in Path(path).name or "NotoSansSC" in Path(path).name:
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError):
                continue
    found = installed()
    packaged = None if found else _packaged_font()
    if packaged:
        font_manager.fontManager.addfont(packaged)
        found = installed()
    if not found:
        warnings.warn("no CJK font found (pip install noto-cjk-sans-otc, or install fonts-noto-cjk): "
                      "Chinese labels will show as boxes", CjkFontWarning, stacklevel=2)
    return found


def _packaged_font() -> str | None:
    """The Noto Sans CJK collection shipped in the PyPI package ``noto-cjk-sans-otc``, if installed."""
    try:
        from noto_cjk_sans_otc import FONT_PATH
    except ImportError:
        return None
    path = Path(str(FONT_PATH))
    return str(path) if path.is_file() else None


def _rc() -> dict[str, Any]:
    font = cjk_font()
    return {"font.family": "sans-serif", "font.sans-serif": [font, "DejaVu Sans"] if font else ["DejaVu Sans"],
            "axes.unicode_minus": False, "svg.fonttype": "path", "svg.hashsalt": "kg"}


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Save ``fig`` by suffix (.png at 150 dpi, .svg, .pdf) and return the path."""
    import matplotlib

    out = Path(path)
    if out.suffix.lower() not in _SUFFIXES:
        raise ValueError(f"{out}: plots are written as .png, .svg or .pdf")
    out.parent.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context(_rc()):
        fig.savefig(out, dpi=150, metadata={"Date": None} if out.suffix.lower() == ".svg" else None)
    return out


def png_bytes(fig: Figure, *, dpi: int = 110) -> bytes:
    """``fig`` as PNG bytes (for ``IPython.display.Image`` in a notebook)."""
    import io

    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(_rc()):
        fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _drawn(draw: Callable[P, Figure]) -> Callable[P, Figure]:
    """Run a drawing function with the CJK font settings in force."""

    @functools.wraps(draw)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Figure:
        import matplotlib

        with matplotlib.rc_context(_rc()):
            return draw(*args, **kwargs)

    return wrapper


@_drawn
def plot_degree_distribution(graphs: nx.Graph | Mapping[str, nx.Graph]) -> Figure:
    """Degree histograms (log-scaled counts), one panel per graph."""
    named = graphs if isinstance(graphs, Mapping) else {graphs.name or "graph": graphs}
    cols = min(2, len(named))
    rows = math.ceil(len(named) / cols)
    fig = _figure(5.5 * cols, 3.6 * rows)
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    for ax, (name, g), colour in zip(axes, named.items(), PALETTE, strict=False):
        counts = Counter(d for _, d in g.degree())
        degrees = sorted(counts)
        ax.bar(degrees, [counts[d] for d in degrees], color=colour, width=0.8)
        ax.set_yscale("log")
        ax.set_title(f"{name}（{g.number_of_nodes()} 节点, {g.number_of_edges()} 边）")
        ax.set_xlabel("度 degree")
        ax.set_ylabel("节点数 nodes")
    for ax in axes[len(named):]:
        ax.set_visible(False)
    return fig


def _packed_layout(g: nx.Graph, *, seed: int) -> dict[Any, Any]:
    """Lay out each connected component on its own (a circle when it is dense, springs
    otherwise) and pack the components in rows, largest first, so none drifts away."""
    import networkx as nx
    import numpy as np

    parts = sorted(nx.connected_components(g), key=lambda c: (-len(c), sorted(c)))
    cols = max(1, math.ceil(math.sqrt(len(parts))))
    pos: dict[Any, Any] = {}
    x = y = row_height = 0.0
    for i, nodes in enumerate(parts):
        sub = g.subgraph(nodes)
        radius = 0.5 + 0.25 * math.sqrt(len(nodes))
        if len(nodes) == 1:
            local = {next(iter(nodes)): np.zeros(2)}
        elif nx.density(sub) > 0.6 or len(nodes) > 300:
            local = nx.circular_layout(sub, scale=radius)
        else:
            local = nx.spring_layout(sub, weight="weight", seed=seed, scale=radius)
        if i and i % cols == 0:
            x, y, row_height = 0.0, y - row_height - 0.6, 0.0
        for node, p in local.items():
            pos[node] = np.asarray(p) + np.array([x + radius, y - radius])
        x += 2 * radius + 0.9
        row_height = max(row_height, 2 * radius)
    return pos


@_drawn
def plot_agency_network(g: nx.Graph, *, communities: Sequence[Community] = (), seed: int = 7,
                        title: str = "部门协同网络 agency co-responsibility") -> Figure:
    """The co-responsibility network: node size by work owned, colour by community,
    edge width by weight. Agencies that share no work are left out of the drawing."""
    import networkx as nx

    core = g.subgraph([n for n in g if g.degree(n) > 0])
    fig = _figure(11, 8.5)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title(f"{title}（{core.number_of_nodes()} / {g.number_of_nodes()} 部门）")
    if core.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "没有共同承担的工作 no shared work", ha="center", transform=ax.transAxes)
        return fig
    community_of = {uri: c.number for c in communities for uri in c.uris}
    colours = [PALETTE[(community_of[n] - 1) % len(PALETTE)] if n in community_of else "#cccccc" for n in core]
    pos = _packed_layout(core, seed=seed)
    sizes = [120 + 60 * core.nodes[n].get("owned", 0) for n in core]
    widths = [0.4 + 0.5 * math.log1p(d.get("weight", 1)) for _, _, d in core.edges(data=True)]
    nx.draw_networkx_edges(core, pos, ax=ax, width=widths, edge_color="#999999", alpha=0.6)
    nx.draw_networkx_nodes(core, pos, ax=ax, node_size=sizes, node_color=colours, edgecolors="white")
    shorts = Counter(core.nodes[n].get("short", core.nodes[n]["name"]) for n in core)
    labels = {n: (d.get("short") if shorts[d.get("short")] == 1 else d["name"]) or d["name"]
              for n, d in core.nodes(data=True)}
    nx.draw_networkx_labels(core, pos, labels=labels, ax=ax, font_size=9)
    for c in communities[: len(PALETTE)]:
        headline = "、".join(c.headings) or "—"
        colour = PALETTE[(c.number - 1) % len(PALETTE)]
        ax.scatter([], [], color=colour, label=f"{c.number}: {c.size} 部门 · {headline}")
    if communities:
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0), fontsize=8, frameon=False, ncol=2,
                  title="社区 communities")
    return fig


@_drawn
def plot_top_places(places: Sequence[PlaceCommitments], *, top: int = 15) -> Figure:
    """Horizontal bars of the places drawing the most targets (commitments highlighted)
    beside how many sentences name them."""
    chosen = list(places[:top])[::-1]
    fig = _figure(9, 0.42 * max(len(chosen), 3) + 1.4)
    ax = fig.add_subplot()
    y = list(range(len(chosen)))
    ax.barh([v + 0.2 for v in y], [p.commitments for p in chosen], height=0.4, color=PALETTE[2],
            label="承诺目标 commitments")
    ax.barh([v + 0.2 for v in y], [p.targets - p.commitments for p in chosen], height=0.4,
            left=[p.commitments for p in chosen], color=PALETTE[1], label="其他目标 other targets")
    ax.barh([v - 0.2 for v in y], [p.mentions for p in chosen], height=0.4, color=PALETTE[0], alpha=0.55,
            label="提及句子 sentences naming it")
    ax.set_yticks(y, [f"{p.place}（{p.type}）" for p in chosen])
    ax.set_xlabel("数量 count")
    ax.set_title(f"目标最多的地点 places with the most targets (top {len(chosen)})")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=3, fontsize=8, frameon=False)
    ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


@_drawn
def plot_comparison(comparison: Comparison) -> Figure:
    """For each kind, how many items only A has, both share, only B has."""
    kinds = list(comparison.kinds)[::-1]
    fig = _figure(9, 3.2)
    ax = fig.add_subplot()
    y = list(range(len(kinds)))
    a = [len(k.only_a) for k in kinds]
    both = [len(k.shared) for k in kinds]
    b = [len(k.only_b) for k in kinds]
    ax.barh(y, a, color=PALETTE[0], label=f"仅 A only {comparison.report_a}")
    ax.barh(y, both, left=a, color=PALETTE[4], label="共有 shared")
    ax.barh(y, b, left=[i + j for i, j in zip(a, both, strict=True)], color=PALETTE[1],
            label=f"仅 B only {comparison.report_b}")
    zh = {"agency": "部门 agency", "place": "地点 place", "indicator": "指标 indicator"}
    ax.set_yticks(y, [f"{zh.get(k.kind, k.kind)}  J={k.jaccard:.2f}" for k in kinds])
    ax.set_xlabel("数量 count")
    ax.set_title("两份报告的异同 what two reports share")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=3, fontsize=8, frameon=False)
    return fig


@_drawn
def plot_indicator_track(years: Sequence[YearTrack], indicator: str) -> Figure:
    """Target (a band for a range, a dash for one figure, a triangle for 以上/以内) against the
    outcome the next report gave, year by year (a year without one leaves a gap); met outcomes
    green, missed red. One unit only: the most common target unit (figures in another are left out)."""
    units = Counter(y.target.unit for y in years if y.target) or Counter(y.outcome.unit for y in years if y.outcome)
    unit = units.most_common(1)[0][0] if units else ""
    places = sorted({y.jurisdiction or "" for y in years})
    fig = _figure(10, 4.2)
    ax = fig.add_subplot()
    for i, place in enumerate(places):
        mine = [y for y in years if (y.jurisdiction or "") == place]
        label = f"{place} " if len(places) > 1 else ""
        targets = [y for y in mine if y.target and y.target.unit == unit]
        xs = [y.year for y in mine]
        colour = PALETTE[(2 * i) % len(PALETTE)]
        for n, y in enumerate(targets):  # each year's target on its own: a band for a range, a dash for one figure
            low, high = y.target.value, y.target.value_max if y.target.value_max is not None else y.target.value
            span = [y.year - 0.4, y.year + 0.4]
            ax.fill_between(span, [low, low], [high, high], color=colour, alpha=0.3,
                            label=f"{label}目标 target" if n == 0 else None)
            ax.plot(span, [low, low], color=colour, linestyle="--", linewidth=1.2)
            if y.target.comparator in (">=", "<="):
                ax.plot([y.year], [low], marker="^" if y.target.comparator == ">=" else "v", color=colour,
                        markersize=6)
        outcomes = [y for y in mine if y.outcome and y.outcome.unit == unit]
        got = {y.year: y.outcome.value for y in outcomes}
        ax.plot(xs, [got.get(x, math.nan) for x in xs], color=PALETTE[(2 * i + 1) % 10], linewidth=1.5,
                label=f"{label}实际 outcome")
        for verdict, dot, zh in (("met", PALETTE[4], "达成"), ("missed", PALETTE[2], "未达成"),
                                 ("unknown", PALETTE[9], "无从判断")):
            chosen = [y for y in outcomes if y.verdict == verdict]
            if chosen:
                ax.scatter([y.year for y in chosen], [y.outcome.value for y in chosen], color=dot, zorder=3, s=22,
                           label=f"{zh} {verdict}" if i == 0 else None)
    ax.set_xlabel("年份 year")
    ax.set_ylabel(unit)
    ax.set_title(f"{indicator}：目标与实际 target and outcome")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, frameon=False, ncol=2)
    return fig
