"""Measures with a meaning for policy research, computed on the projections.

- :func:`agency_ranking` — who owns the most targets and policies, and who sits at the
  centre of shared work (degree and betweenness on co-responsibility);
- :func:`agency_communities` — groups of agencies that work together;
- :func:`place_commitments` — places that draw the most targets, and from which agencies;
- :func:`projection_summary` — size and shape of each projection.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from kg.analyse.nodes import GraphIndex, display_name, node_kind
from kg.analyse.projections import PROJECTIONS, agency_coresponsibility, ensure_index, heading, owners

if TYPE_CHECKING:
    import networkx as nx

    from kg.graph.property_graph import PropertyGraph

__all__ = [
    "AgencyRank",
    "Community",
    "PlaceCommitments",
    "ProjectionSummary",
    "agency_communities",
    "agency_ranking",
    "place_commitments",
    "projection_summary",
    "rows",
]

RankBy = Literal["owned", "targets", "policies", "degree", "betweenness"]


@dataclass(frozen=True)
class AgencyRank:
    """One agency: what it owns and where it sits in the co-responsibility network."""

    agency: str
    jurisdiction: str
    targets: int
    policies: int
    other: int
    reports: int
    partners: int
    degree: float
    betweenness: float
    uri: str = field(repr=False, default="")

    COLUMNS = ("agency", "jurisdiction", "targets", "policies", "other", "reports", "partners", "degree",
               "betweenness")


@dataclass(frozen=True)
class Community:
    """Agencies that work together, with the headings they share work under."""

    number: int
    size: int
    jurisdiction: str
    agencies: tuple[str, ...]
    weight: float
    headings: tuple[str, ...]
    uris: tuple[str, ...] = field(repr=False, default=())

    COLUMNS = ("number", "size", "jurisdiction", "agencies", "weight", "headings")


@dataclass(frozen=True)
class PlaceCommitments:
    """A place, the targets about it and the agencies that own them."""

    place: str
    type: str
    targets: int
    commitments: int
    mentions: int
    reports: int
    agencies: str
    uri: str = field(repr=False, default="")

    COLUMNS = ("place", "type", "targets", "commitments", "mentions", "reports", "agencies")


@dataclass(frozen=True)
class ProjectionSummary:
    """How big a projection is and how it hangs together."""

    projection: str
    nodes: int
    edges: int
    density: float
    components: int
    largest: int
    max_degree: int

    COLUMNS = ("projection", "nodes", "edges", "density", "components", "largest", "max_degree")


def rows(items: Sequence[object], *, join: bool = True) -> tuple[list[str], list[list[object]]]:
    """Columns and row values of a list of the records above, for ``print_rows``.

    Tuples (a community's agencies) are joined with ``、`` unless ``join`` is false
    (JSON keeps them as lists).
    """
    if not items:
        return [], []
    columns = list(type(items[0]).COLUMNS)  # type: ignore[attr-defined]

    def cell(value: object) -> object:
        if isinstance(value, tuple):
            return "、".join(value) if join else list(value)
        return value

    return columns, [[cell(getattr(item, c)) for c in columns] for item in items]


def _jurisdiction(index: GraphIndex, uri: str) -> str:
    places = index.targets(uri, "JURISDICTION")
    return index.pg.nodes[places[0]].name if places else ""


def agency_ranking(pg: PropertyGraph | GraphIndex, *, by: RankBy = "owned",
                   network: nx.Graph | None = None) -> list[AgencyRank]:
    """Agencies ranked by what they own (``owned``: targets + policies + the rest) or by
    ``targets``, ``policies``, ``degree`` or ``betweenness`` on :func:`agency_coresponsibility`.

    ``degree`` and ``betweenness`` are networkx's normalised centralities (unweighted:
    a weight here is a strength of tie, not a distance); ``partners`` is the number of
    agencies an agency shares work with.
    """
    import networkx as nx

    index = ensure_index(pg)
    g = network if network is not None else agency_coresponsibility(index)
    degree = nx.degree_centrality(g) if len(g) > 1 else dict.fromkeys(g, 0.0)
    betweenness = nx.betweenness_centrality(g)
    out = []
    for uri, data in g.nodes(data=True):
        reports = {r for r in index.sources(uri, "MENTIONS") if "Report" in index.pg.nodes[r].labels}
        out.append(AgencyRank(
            agency=data["name"], jurisdiction=_jurisdiction(index, uri), targets=data.get("targets", 0),
            policies=data.get("policies", 0),
            other=data.get("owned", 0) - data.get("targets", 0) - data.get("policies", 0),
            reports=len(reports), partners=g.degree(uri), degree=round(degree[uri], 3),
            betweenness=round(betweenness[uri], 3), uri=uri))
    keys = {
        "owned": lambda r: (r.targets + r.policies + r.other, r.targets, r.degree),
        "targets": lambda r: (r.targets, r.policies, r.degree),
        "policies": lambda r: (r.policies, r.targets, r.degree),
        "degree": lambda r: (r.degree, r.betweenness, r.targets),
        "betweenness": lambda r: (r.betweenness, r.degree, r.targets),
    }
    if by not in keys:
        raise ValueError(f"rank by one of {', '.join(keys)}, not {by!r}")
    return sorted(out, key=lambda r: (*(-v for v in keys[by](r)), r.agency))


def agency_communities(pg: PropertyGraph | GraphIndex, *, method: Literal["greedy", "louvain"] = "greedy",
                       min_size: int = 2, seed: int = 0, network: nx.Graph | None = None) -> list[Community]:
    """Communities of agencies that work together, largest first.

    ``agencies`` are named without their jurisdiction (``生态环境局``), which the
    ``jurisdiction`` column gives once.
    ``greedy`` is Clauset–Newman–Moore greedy modularity, ``louvain`` the Louvain method
    (seeded, so runs repeat); both weighted by co-responsibility. Agencies that share no
    work are left out, as are communities smaller than ``min_size``. ``headings`` are the
    section titles the members most often own work under.
    """
    from networkx.algorithms import community as nxc

    index = ensure_index(pg)
    g = network if network is not None else agency_coresponsibility(index)
    core = g.subgraph([n for n in g if g.degree(n) > 0])
    if core.number_of_edges() == 0:
        return []
    if method == "greedy":
        parts = nxc.greedy_modularity_communities(core, weight="weight")
    elif method == "louvain":
        parts = nxc.louvain_communities(core, weight="weight", seed=seed)
    else:
        raise ValueError(f"method is greedy or louvain, not {method!r}")
    owned = owners(index)
    headings_of: dict[str, Counter[str]] = {}
    for thing, agencies in owned.items():
        for section in {heading(index, s) for s in index.section_of(thing)}:
            title = display_name(index.pg.nodes[section])
            if title == section:
                continue
            for agency in agencies:
                headings_of.setdefault(agency, Counter())[title] += 1
    found = []
    for members in parts:
        if len(members) < min_size:
            continue
        headings: Counter[str] = Counter()
        for member in members:
            headings.update(headings_of.get(member, {}))
        uris = tuple(sorted(members, key=lambda m: (g.nodes[m].get("short", ""), m)))
        found.append(Community(
            number=0, size=len(members),
            jurisdiction="、".join(sorted({_jurisdiction(index, m) for m in members} - {""})),
            agencies=tuple(g.nodes[m].get("short") or g.nodes[m]["name"] for m in uris),
            weight=core.subgraph(members).size(weight="weight"),
            headings=tuple(t for t, _ in sorted(headings.items(), key=lambda i: (-i[1], i[0]))[:2]), uris=uris))
    found.sort(key=lambda c: (-c.size, -c.weight, c.uris))
    return [replace(c, number=i) for i, c in enumerate(found, start=1)]


def place_commitments(pg: PropertyGraph | GraphIndex, *, limit: int | None = None) -> list[PlaceCommitments]:
    """Places ranked by the commitments about them, then all targets, then how often
    sentences name them.

    ``commitments`` counts targets whose role is ``target`` (a promise, not a statistic
    or an achievement); ``agencies`` lists the agencies responsible for the targets, with
    counts.
    """
    index = ensure_index(pg)
    out = []
    for place in index.of_label("Place"):
        node = index.pg.nodes[place]
        targets = [t for t in index.sources(place, "ABOUT_PLACE") if "Target" in index.pg.nodes[t].labels]
        sentences = [s for s in index.sources(place, "MENTIONS") if "Sentence" in index.pg.nodes[s].labels]
        if not targets and not sentences:
            continue
        agencies: Counter[str] = Counter()
        for target in targets:
            agencies.update(index.pg.nodes[a].name for a in index.targets(target, "RESPONSIBLE_AGENCY"))
        reports = {r for r in index.sources(place, "MENTIONS") if "Report" in index.pg.nodes[r].labels}
        out.append(PlaceCommitments(
            place=display_name(node), type=node_kind(node) or "Place", targets=len(targets),
            commitments=sum(1 for t in targets if index.pg.nodes[t].props.get("role") == "target"),
            mentions=len(sentences), reports=len(reports),
            agencies="、".join(f"{a} ({n})" for a, n in sorted(agencies.items(), key=lambda i: (-i[1], i[0]))),
            uri=place))
    out.sort(key=lambda p: (-p.commitments, -p.targets, -p.mentions, p.place))
    return out[:limit] if limit else out


def projection_summary(pg: PropertyGraph | GraphIndex) -> tuple[list[ProjectionSummary], dict[str, nx.Graph]]:
    """A summary row per projection, and the projections themselves (by name)."""
    import networkx as nx

    index = ensure_index(pg)
    graphs = {name: build(index) for name, build in PROJECTIONS.items()}
    out = []
    for name, g in graphs.items():
        components = list(nx.connected_components(g)) if len(g) else []
        out.append(ProjectionSummary(
            projection=name, nodes=g.number_of_nodes(), edges=g.number_of_edges(), density=round(nx.density(g), 4),
            components=len(components), largest=max((len(c) for c in components), default=0),
            max_degree=max((d for _, d in g.degree()), default=0)))
    return out, graphs
