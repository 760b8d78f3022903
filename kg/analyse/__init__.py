"""Network analysis of the graph: NetworkX projections, measures, report comparison, plots.

NetworkX and matplotlib are imported inside the functions that use them, so importing
this package is cheap. Plots live in :mod:`kg.analyse.plots`.
"""

from kg.analyse.compare import Comparison, compare_reports
from kg.analyse.measures import agency_communities, agency_ranking, place_commitments, projection_summary
from kg.analyse.nodes import GraphIndex, index_graph
from kg.analyse.projections import (
    PROJECTIONS,
    agency_coresponsibility,
    agency_target_place,
    ensure_index,
    place_comention,
    report_entity,
)

__all__ = [
    "PROJECTIONS",
    "Comparison",
    "GraphIndex",
    "agency_communities",
    "agency_coresponsibility",
    "agency_ranking",
    "agency_target_place",
    "compare_reports",
    "ensure_index",
    "index_graph",
    "place_comention",
    "place_commitments",
    "projection_summary",
    "report_entity",
]
