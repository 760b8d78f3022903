"""Flat tables of the stored graph: one row per report, target, agency, place, policy, plan and sentence.

Each table is one SPARQL ``SELECT`` over the store, read row by row from Oxigraph (never the
whole graph in memory). Every row names its report, the report's jurisdiction and year, taken
from the report's named graph (``GRAPH ?g { ?g kg:sourceFile ?report }``) rather than from
per-entity links; the year is that of the report's date, else its plan year (a report
whose date was not found still has one). A fact with several values (a target's agencies or places) is one row with
the values sorted and joined by ``、``. Cells are Python values: numbers as ``int`` or
``float``, full dates as :class:`datetime.date`, the rest text, so spreadsheet, pandas and
SQLite writers can type them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.graph.vocab import GRAPH_ONTOLOGY
from kg.query.filters import SourceFilter
from kg.store import GraphStore

__all__ = ["JOIN", "TABLES", "Table", "report_graphs", "table_rows"]

JOIN = "、"
"""Separator of several values in one cell (the Chinese enumeration comma)."""

_SOURCE = """
  GRAPH ?g { ?g kg:sourceFile ?report }
  OPTIONAL { GRAPH ?g { ?g kg:jurisdiction/skos:prefLabel ?jurisdiction } }
  OPTIONAL { GRAPH ?g { ?g dcterms:date ?rdate } }
  OPTIONAL { GRAPH ?g { ?g kg:planYear ?ryear } }
  BIND(COALESCE(YEAR(?rdate), xsd:integer(STR(?ryear))) AS ?year)"""


@dataclass(frozen=True)
class Table:
    """One flat table: its name, columns (with their types) and the SPARQL that fills them.

    ``types`` maps a column to ``integer``, ``real``, ``date`` or ``text`` (the default);
    ``multi`` columns collect several values of one ``key`` (the query's ``?key``, the fact's
    IRI) into one cell; ``hidden`` columns (``?iri``, ``?sentence_iri``) link tables in SQLite and
    are not part of the CSV and spreadsheet tables.
    """

    name: str
    columns: tuple[str, ...]
    sparql: str
    types: dict[str, str] = field(default_factory=dict)
    multi: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()

    @property
    def variables(self) -> tuple[str, ...]:
        """Every variable the query projects, in order: the columns, then the hidden links."""
        return (*self.columns, *self.hidden)


TABLES: dict[str, Table] = {t.name: t for t in (
    Table("reports", ("report", "jurisdiction", "year", "title", "issuer", "date", "kind", "plan_year"), f"""
SELECT ?report ?jurisdiction ?year ?title ?issuer ?date ?kind ?plan_year ?key ?iri WHERE {{ {_SOURCE}
  OPTIONAL {{ GRAPH ?g {{ ?g dcterms:title ?title }} }}
  OPTIONAL {{ GRAPH ?g {{ ?g kg:issuer/skos:prefLabel ?issuer }} }}
  OPTIONAL {{ GRAPH ?g {{ ?g kg:kind ?kind }} }}
  OPTIONAL {{ GRAPH ?g {{ ?g kg:planYear ?plan_year }} }}
  BIND(?rdate AS ?date) BIND(?g AS ?key) BIND(?g AS ?iri)
}} ORDER BY ?report""", {"year": "integer", "date": "date", "plan_year": "integer"}, hidden=("iri",)),

    Table("targets", ("report", "jurisdiction", "year", "indicator", "value", "value_max", "unit", "comparator",
                      "role", "deadline", "agency", "places", "section", "text", "sentence"), f"""
SELECT ?report ?jurisdiction ?year ?indicator ?value ?value_max ?unit ?comparator ?role ?deadline ?agency ?places
       ?section ?text ?sentence ?key ?iri ?sentence_iri WHERE {{ {_SOURCE}
  GRAPH ?g {{ ?key a kg:Target ; kg:text ?text ; kg:value ?value ; kg:unit ?unit ; kg:comparator ?comparator ;
                  kg:role ?role . }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:indicator ?indicator }} }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:valueMax ?value_max }} }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:deadline ?deadline }} }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:startOffset ?start }} }}
  OPTIONAL {{ GRAPH ?g {{ ?key prov:wasDerivedFrom ?sentence_iri . ?sentence_iri kg:text ?sentence
                          OPTIONAL {{ ?sentence_iri kg:inSection/rdfs:label ?section }} }} }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:responsibleAgency/skos:prefLabel ?agency }} }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:aboutPlace/skos:prefLabel ?places }} }}
  BIND(?key AS ?iri)
}} ORDER BY ?report ?start ?key""", {"year": "integer", "value": "real", "value_max": "real", "deadline": "date"},
          multi=("agency", "places"), hidden=("iri", "sentence_iri")),

    Table("agencies", ("report", "jurisdiction", "year", "agency", "agency_jurisdiction", "targets", "policies",
                       "plans"), f"""
SELECT ?report ?jurisdiction ?year ?agency ?agency_jurisdiction ?targets ?policies ?plans ?key ?iri WHERE {{ {_SOURCE}
  GRAPH ?g {{ ?key a kg:Agency ; skos:prefLabel ?agency }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:jurisdiction/skos:prefLabel ?agency_jurisdiction }} }}
  {{ SELECT ?g ?key (COUNT(DISTINCT ?t) AS ?targets) WHERE {{
      GRAPH ?g {{ ?key a kg:Agency OPTIONAL {{ ?t kg:responsibleAgency ?key ; a kg:Target }} }} }} GROUP BY ?g ?key }}
  {{ SELECT ?g ?key (COUNT(DISTINCT ?d) AS ?policies) WHERE {{
      GRAPH ?g {{ ?key a kg:Agency OPTIONAL {{ ?d kg:draftingAgency ?key ; a kg:PolicyDocument }} }} }}
    GROUP BY ?g ?key }}
  {{ SELECT ?g ?key (COUNT(DISTINCT ?p) AS ?plans) WHERE {{
      GRAPH ?g {{ ?key a kg:Agency OPTIONAL {{ ?p kg:responsibleAgency ?key ; a kg:Plan }} }} }} GROUP BY ?g ?key }}
  BIND(?key AS ?iri)
}} ORDER BY ?report ?agency ?key""", {"year": "integer", "targets": "integer", "policies": "integer",
                                      "plans": "integer"}, hidden=("iri",)),

    Table("places", ("report", "jurisdiction", "year", "place", "type", "within", "targets"), f"""
SELECT ?report ?jurisdiction ?year ?place ?type ?within ?targets ?key ?iri WHERE {{ {_SOURCE}
  GRAPH ?g {{ ?g kg:mentions ?key . ?key a ?class ; skos:prefLabel ?place }}
  GRAPH <{GRAPH_ONTOLOGY}> {{ ?class rdfs:subClassOf* kg:Place }}
  FILTER(?class NOT IN (kg:Place, kg:AdministrativeDivision))
  BIND(STRAFTER(STR(?class), "#") AS ?type)
  OPTIONAL {{ GRAPH ?g {{ ?key kg:within/skos:prefLabel ?within }} }}
  {{ SELECT ?g ?key (COUNT(DISTINCT ?t) AS ?targets) WHERE {{
      GRAPH ?g {{ ?g kg:mentions ?key OPTIONAL {{ ?t kg:aboutPlace ?key ; a kg:Target }} }} }} GROUP BY ?g ?key }}
  BIND(?key AS ?iri)
}} ORDER BY ?report ?place ?key""", {"year": "integer", "targets": "integer"}, multi=("type", "within"),
          hidden=("iri",)),

    Table("policies", ("report", "jurisdiction", "year", "title", "status", "agency", "may_be_same_as"), f"""
SELECT ?report ?jurisdiction ?year ?title ?status ?agency ?may_be_same_as ?key ?iri WHERE {{ {_SOURCE}
  GRAPH ?g {{ ?key a kg:PolicyDocument ; dcterms:title ?title }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:status ?status }} }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:draftingAgency/skos:prefLabel ?agency }} }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:mayBeSameAs/dcterms:title ?may_be_same_as }} }}
  BIND(?key AS ?iri)
}} ORDER BY ?report ?title ?key""", {"year": "integer"}, multi=("agency", "may_be_same_as"), hidden=("iri",)),

    Table("plans", ("report", "jurisdiction", "year", "plan", "agency"), f"""
SELECT ?report ?jurisdiction ?year ?plan ?agency ?key ?iri WHERE {{ {_SOURCE}
  GRAPH ?g {{ ?key a kg:Plan ; rdfs:label ?plan }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:responsibleAgency/skos:prefLabel ?agency }} }}
  BIND(?key AS ?iri)
}} ORDER BY ?report ?plan ?key""", {"year": "integer"}, multi=("agency",), hidden=("iri",)),

    Table("sentences", ("report", "jurisdiction", "year", "start", "part", "section", "text"), f"""
SELECT ?report ?jurisdiction ?year ?start ?part ?section ?text ?key ?iri WHERE {{ {_SOURCE}
  GRAPH ?g {{ ?key a kg:Sentence ; kg:text ?text ; kg:startOffset ?start }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:part ?part }} }}
  OPTIONAL {{ GRAPH ?g {{ ?key kg:inSection/rdfs:label ?section }} }}
  BIND(?key AS ?iri)
}} ORDER BY ?report ?start""", {"year": "integer", "start": "integer"}, hidden=("iri",)),
)}
"""The flat tables by name; ``sentences`` is for SQLite (its full-text index), the others are
the spreadsheet tables of ``kg export --format tables|xlsx``."""


def report_graphs(store: GraphStore, keep: SourceFilter | None = None) -> list[str]:
    """IRIs of the report graphs whose report, jurisdiction and year pass ``keep`` (all without one)."""
    graphs = []
    for row in _solutions(store, TABLES["reports"].sparql, None):
        values = {name: _python(row[name]) for name in ("report", "jurisdiction", "year", "iri")}
        if keep is None or keep.keeps(values["report"], values["jurisdiction"], values["year"]):
            graphs.append(values["iri"])
    return graphs


def table_rows(store: GraphStore, table: Table | str, *, graphs: Sequence[str] | None = None,
               hidden: bool = False) -> Iterator[tuple[Any, ...]]:
    """The rows of ``table`` (its columns, then its hidden links if ``hidden``), streamed from the
    store; only from the report graphs ``graphs`` when given (see :func:`report_graphs`)."""
    table = TABLES[table] if isinstance(table, str) else table
    names = table.variables if hidden else table.columns
    multi = {table.columns.index(c) for c in table.multi}
    current: list[Any] | None = None
    sets: dict[int, set[str]] = {}
    key = None
    for row in _solutions(store, table.sparql, graphs):
        row_key = row["key"].value
        if row_key != key:
            if current is not None:
                yield _merged(current, sets)
            key, current = row_key, [_python(row[n], table.types.get(n, "text")) for n in names]
            sets = {i: set() for i in multi}
        for i in multi:
            value = row[names[i]]
            if value is not None:
                sets[i].add(value.value)
    if current is not None:
        yield _merged(current, sets)


def _merged(row: list[Any], sets: dict[int, set[str]]) -> tuple[Any, ...]:
    for i, values in sets.items():
        row[i] = JOIN.join(sorted(values)) if values else None
    return tuple(row)


def _solutions(store: GraphStore, sparql: str, graphs: Iterable[str] | None) -> Iterator[Any]:
    """Oxigraph solutions of ``sparql``, over the given report graphs (and the ontology's) or all."""
    import pyoxigraph as ox

    from kg.store.store import PREFIXES

    restrict = {}
    if graphs is not None:
        named = [ox.NamedNode(g) for g in graphs] + [ox.NamedNode(str(GRAPH_ONTOLOGY))]
        restrict = {"named_graphs": named, "default_graph": named}
    else:
        restrict = {"use_default_graph_as_union": True}
    return iter(store.ox.query(sparql, prefixes=PREFIXES, **restrict))


_INTEGER = {"integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger", "gYear"}
_REAL = {"decimal", "double", "float"}


def _python(term: Any, kind: str = "text") -> Any:
    """A cell of an Oxigraph term: numbers as int or float (whole numbers as int), an ``xsd:date``
    as a date where the column is a date, the rest as text."""
    import pyoxigraph as ox

    if term is None:
        return None
    if not isinstance(term, ox.Literal):
        return term.value
    datatype = term.datatype.value.rsplit("#", 1)[-1]
    if datatype in _INTEGER and kind in ("integer", "real"):
        return int(term.value)
    if datatype in _REAL and kind in ("integer", "real"):
        number = float(term.value)
        return int(number) if number.is_integer() else number
    if datatype == "date" and kind == "date":
        return dt.date.fromisoformat(term.value)
    return term.value
