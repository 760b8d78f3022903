"""kg: a knowledge graph of Chinese local government plans.

Data flows through the subpackages in this order: ``loaders`` (raw file -> clean text
-> report structure), ``extract`` (entities and targets), ``graph`` (RDF under
``kg/ontology.ttl``), ``store`` (embedded Oxigraph, SPARQL), then the consumers:
``query``, ``export``, ``evaluate``. :func:`query_df` asks the graph from a notebook and
returns a pandas DataFrame.
"""

from __future__ import annotations

from typing import Any

__all__ = ["__version__", "query_df"]

__version__ = "0.1.0"


def query_df(query: str, params: dict[str, str] | None = None, **options: Any) -> Any:
    """A query's answer as a pandas DataFrame; see :func:`kg.query.frames.query_df`."""
    from kg.query.frames import query_df as frame

    return frame(query, params, **options)
