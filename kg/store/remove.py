"""Find stored reports by the names users know them by, and drop them from the store.

A report is named as ``kg build`` prints it (its source name, ``a/r.txt``), by the path of
its file (``corpus/a/r.txt``: the stored report whose source name ends that path), or by
its graph IRI. Names are resolved in full before anything is dropped, and all named
graphs go in one transaction, so a typo removes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from rdflib import URIRef

from kg.errors import KgError, one_line
from kg.graph.vocab import KG
from kg.store.store import GraphStore

__all__ = ["remove_reports", "reports_named"]


def reports_named(store: GraphStore, names: Iterable[str]) -> dict[str, URIRef]:
    """Source name -> graph IRI of the stored report each of ``names`` means; a one-line
    :class:`KgError` for a name that means none or several (naming them)."""
    graphs = set(store.report_graphs())
    sources = {graph: source for graph, source in store.report_literals(KG.sourceFile).items()
               if URIRef(graph) in graphs}
    found: dict[str, URIRef] = {}
    for name in names:
        matches = _matches(name, sources)
        if not matches:
            raise KgError(f"{one_line(name)}: no such report in {store.path or 'the store'} "
                          "(`kg query reports` lists them)")
        if len(matches) > 1:
            shown = ", ".join(sorted(sources[m] for m in matches))
            raise KgError(f"{one_line(name)}: names several stored reports ({one_line(shown)}); give the exact one")
        graph = matches[0]
        found[sources[graph]] = URIRef(graph)
    return found


def _matches(name: str, sources: dict[str, str]) -> list[str]:
    """Graphs ``name`` means: the one with that IRI or source name, else those whose source ends its path."""
    exact = [graph for graph, source in sources.items() if name in (graph, source)]
    if exact:
        return exact
    path = PurePath(name).as_posix()
    return [graph for graph, source in sources.items() if path.endswith("/" + source)]


def remove_reports(store: GraphStore, names: Iterable[str]) -> list[str]:
    """Drop the reports ``names`` mean (see :func:`reports_named`) in one transaction; return
    their source names in the order given."""
    found = reports_named(store, names)
    store.remove_graphs(list(found.values()))
    return list(found)
