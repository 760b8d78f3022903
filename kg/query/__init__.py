"""Asking the graph: the named SPARQL and Cypher queries of ``queries/``, and per-report read-back."""

from kg.query.library import QueryFile, load_queries, run_query
from kg.query.readback import report_record

__all__ = ["QueryFile", "load_queries", "report_record", "run_query"]
