"""What the stored graph holds for one report, in the gold files' JSON schema.

Everything is read back with SPARQL from the store, not from the extractors' objects, so
the output shows exactly what a user of the graph gets.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rdflib import Literal, URIRef

from kg.graph.iris import report_iri
from kg.store import GraphStore

__all__ = ["report_record"]

_DOCUMENT = """
SELECT ?report ?title ?issuer ?jur ?date ?kind WHERE {
  GRAPH ?report {
    ?report a kg:Report .
    OPTIONAL { ?report dcterms:title ?title }
    OPTIONAL { ?report kg:kind ?kind }
    OPTIONAL { ?report dcterms:date ?date }
    OPTIONAL { ?report kg:issuer/skos:prefLabel ?issuer }
    OPTIONAL { ?report kg:jurisdiction/skos:prefLabel ?jur }
  }
}"""

_WITHIN = """
SELECT ?report ?p ?name ?parent WHERE {
  GRAPH ?report { ?p kg:within ?w . ?p skos:prefLabel ?name . ?w skos:prefLabel ?parent }
}"""

_AGENCIES = """
SELECT ?report ?a ?mention ?jur ?alias WHERE {
  GRAPH ?report {
    ?a a kg:Agency ; kg:mention ?mention .
    OPTIONAL { ?a kg:jurisdiction/skos:prefLabel ?jur }
    OPTIONAL { ?a skos:altLabel ?alias }
  }
} ORDER BY ?mention ?alias"""

_ORGANIZATIONS = """
SELECT ?report ?name WHERE { GRAPH ?report { ?o a kg:Organization ; skos:prefLabel ?name } } ORDER BY ?name"""

_PLACES = """
SELECT ?report ?p ?name ?type WHERE {
  GRAPH ?report {
    ?report kg:mentions ?p . ?p a ?type ; skos:prefLabel ?label .
    OPTIONAL { ?p kg:mention ?mention }
    BIND(COALESCE(?mention, ?label) AS ?name)
  }
  GRAPH ?onto { ?type rdfs:subClassOf* kg:Place }
  FILTER(?type NOT IN (kg:Place, kg:AdministrativeDivision))
} ORDER BY ?name"""

_POLICIES = """
SELECT ?report ?title ?status ?agency WHERE {
  GRAPH ?report {
    ?d a kg:PolicyDocument ; dcterms:title ?title .
    OPTIONAL { ?d kg:status ?status }
    OPTIONAL { ?d kg:draftingAgency/kg:mention ?agency }
  }
} ORDER BY ?title ?agency"""

_PLANS = """
SELECT ?report ?name ?agency WHERE {
  GRAPH ?report {
    ?p a kg:Plan ; rdfs:label ?name .
    OPTIONAL { ?p kg:responsibleAgency/kg:mention ?agency }
  }
} ORDER BY ?name ?agency"""

_TARGETS = """
SELECT ?report ?t ?text ?value ?max ?unit ?cmp ?role ?deadline ?agency ?place ?start ?sentence WHERE {
  GRAPH ?report {
    ?t a kg:Target ; kg:text ?text ; kg:value ?value ; kg:unit ?unit ; kg:comparator ?cmp ; kg:role ?role .
    OPTIONAL { ?t kg:valueMax ?max }
    OPTIONAL { ?t kg:deadline ?deadline }
    OPTIONAL { ?t kg:startOffset ?start }
    OPTIONAL { ?t prov:wasDerivedFrom/kg:text ?sentence }
    OPTIONAL { ?t kg:responsibleAgency/kg:mention ?agency }
    OPTIONAL { ?t kg:aboutPlace/skos:prefLabel ?place }
  }
} ORDER BY ?start ?t ?agency ?place"""


def _py(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, Decimal | float):
            return int(value) if value == int(value) else float(value)
        return value if isinstance(value, int) and not isinstance(value, bool) else str(term)
    return str(term)


def _rows(store: GraphStore, sparql: str, report: URIRef) -> list[dict[str, Any]]:
    result = store.query(sparql, {"report": report})
    return [{str(k): _py(v) for k, v in row.asdict().items()} for row in result]


def _parents(store: GraphStore, report: URIRef, place: str | None) -> list[str]:
    parent_of = {row["name"]: row["parent"] for row in _rows(store, _WITHIN, report)}
    chain: list[str] = []
    while place in parent_of and parent_of[place] not in chain and len(chain) < 6:
        place = parent_of[place]
        chain.append(place)
    return chain


def report_record(store: GraphStore, source: str) -> dict[str, Any] | None:
    """The stored facts of the report built from ``source`` (a file name), or ``None``."""
    report = report_iri(source)
    docs = _rows(store, _DOCUMENT, report)
    if not docs:
        return None
    doc = docs[0]
    document = {
        "title": doc.get("title"),
        "issuer": doc.get("issuer"),
        "jurisdiction": doc.get("jur"),
        "parents": _parents(store, report, doc.get("jur")),
        "date": doc.get("date"),
        "kind": doc.get("kind"),
    }
    agencies: dict[str, dict[str, Any]] = {}
    for row in _rows(store, _AGENCIES, report):
        entry = agencies.setdefault(
            row["mention"], {"mention": row["mention"], "jurisdiction": row.get("jur"), "aliases": []}
        )
        if row.get("alias") and row["alias"] not in entry["aliases"]:
            entry["aliases"].append(row["alias"])
    within = {row["p"]: row["parent"] for row in _rows(store, _WITHIN, report)}  # by node: a place's mention
    places = {}  # may differ from its label (北京 of 北京市)
    for row in _rows(store, _PLACES, report):
        places.setdefault(row["name"], {"name": row["name"], "type": row["type"].rsplit("#", 1)[-1],
                                        "within": within.get(row["p"])})
    policies: dict[str, dict[str, Any]] = {}
    for row in _rows(store, _POLICIES, report):
        policies.setdefault(row["title"], {"title": row["title"], "agency": row.get("agency"),
                                           "status": row.get("status")})
    plans: dict[str, dict[str, Any]] = {}
    for row in _rows(store, _PLANS, report):
        plans.setdefault(row["name"], {"name": row["name"], "agency": row.get("agency")})
    targets: dict[str, dict[str, Any]] = {}
    for row in _rows(store, _TARGETS, report):
        entry = targets.setdefault(row["t"], {
            "text": row["text"], "value": row["value"], "value_max": row.get("max"), "unit": row["unit"],
            "comparator": row["cmp"], "role": row["role"], "deadline": row.get("deadline"),
            "agency": row.get("agency"), "places": [], "sentence": row.get("sentence"),
        })
        if row.get("place") and row["place"] not in entry["places"]:
            entry["places"].append(row["place"])
    return {
        "source": source,
        "document": document,
        "agencies": list(agencies.values()),
        "organizations": [{"name": row["name"]} for row in _rows(store, _ORGANIZATIONS, report)],
        "places": list(places.values()),
        "policies": list(policies.values()),
        "plans": list(plans.values()),
        "targets": list(targets.values()),
    }
