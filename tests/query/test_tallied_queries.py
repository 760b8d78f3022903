"""The ranking queries that add up tallies give the rows that counting every target gives."""

from __future__ import annotations

import pytest

from kg.graph import report_graph
from kg.query.library import LIBRARY, QueryFile, run_query

COUNTING = {
    "agencies_by_targets": """
SELECT ?agency ?jurisdiction (COUNT(DISTINCT ?target) AS ?targets) (COUNT(DISTINCT ?report) AS ?reports)
WHERE {
  GRAPH ?g {
    ?target kg:responsibleAgency ?a ; kg:role ?role ; kg:inReport ?report .
    ?a a kg:Agency ; skos:prefLabel ?agency .
  }
  OPTIONAL { GRAPH ?g { ?a kg:jurisdiction/skos:prefLabel ?jurisdiction } }
}
GROUP BY ?agency ?jurisdiction
ORDER BY DESC(?targets) ?agency ?jurisdiction""",
    "places_by_commitments": """
SELECT ?place ?type (COUNT(DISTINCT ?target) AS ?targets)
WHERE {
  GRAPH ?g {
    ?target kg:aboutPlace ?p ; kg:role "target" .
    ?p skos:prefLabel ?place ; a ?t .
  }
  GRAPH <https://w3id.org/kg-cn/graph/ontology> { ?t rdfs:subClassOf+ kg:Place }
  FILTER(?t != kg:AdministrativeDivision)
  BIND(STRAFTER(STR(?t), "#") AS ?type)
}
GROUP BY ?place ?type
ORDER BY DESC(?targets) ?place ?type""",
    "reports": """
SELECT ?report ?title ?issuer ?jurisdiction ?date ?year ?kind (COUNT(DISTINCT ?t) AS ?targets)
WHERE {
  GRAPH ?g { ?r kg:sourceFile ?report }
  OPTIONAL { GRAPH ?g { ?r dcterms:title ?title } }
  OPTIONAL { GRAPH ?g { ?r kg:issuer/skos:prefLabel ?issuer } }
  OPTIONAL { GRAPH ?g { ?r kg:jurisdiction/skos:prefLabel ?jurisdiction } }
  OPTIONAL { GRAPH ?g { ?r dcterms:date ?date } }
  OPTIONAL { GRAPH ?g { ?r kg:kind ?kind } }
  OPTIONAL { GRAPH ?g { ?t kg:role ?role } }
  OPTIONAL { GRAPH ?g { ?r kg:planYear ?planYear } }
  BIND(COALESCE(YEAR(?date), xsd:integer(STR(?planYear))) AS ?year)
}
GROUP BY ?report ?title ?issuer ?jurisdiction ?date ?year ?kind
ORDER BY ?report""",
}
"""Each tallied library query as it was written before tallies: counting target by target."""


def _rows(store, sparql):
    return [tuple(row) for row in run_query(store, sparql)]


@pytest.mark.parametrize("name", sorted(COUNTING))
def test_same_rows_as_counting_on_the_examples(example_store, name):
    library = QueryFile.read(LIBRARY / f"{name}.rq").text
    rows = _rows(example_store, library)
    assert rows == _rows(example_store, COUNTING[name])
    assert len(rows) >= 5


@pytest.fixture
def namesakes_store(memory_store, tiny_factory):
    """Four hand-made reports: one rebuilt under another name, one whose bureau has another
    name, one without targets, so sums across reports and namesakes are exercised."""
    import dataclasses

    for source, agency in (("a.txt", "水利局"), ("b.txt", "水利局"), ("c.txt", "水务局")):
        memory_store.replace_graph(report_graph(*tiny_factory(source, agency_name=agency)))
    report, extraction = tiny_factory("d.txt")
    memory_store.replace_graph(report_graph(report, dataclasses.replace(extraction, targets=[])))
    memory_store.ensure_ontology()
    return memory_store


@pytest.mark.parametrize("name", sorted(COUNTING))
def test_same_rows_as_counting_across_reports(namesakes_store, name):
    library = QueryFile.read(LIBRARY / f"{name}.rq").text
    rows = _rows(namesakes_store, library)
    assert rows == _rows(namesakes_store, COUNTING[name])
    assert rows


def test_sums_across_reports(namesakes_store):
    library = QueryFile.read(LIBRARY / "agencies_by_targets.rq").text
    rows = _rows(namesakes_store, library)
    counts = {str(agency): (int(targets), int(reports)) for agency, _, targets, reports in rows}
    assert counts["东昌府区水利局"] == (2, 2)  # one target in each of a and b
    assert counts["东昌府区住房和城乡建设局"] == (3, 3)
    reports = {str(row[0]): int(row[-1]) for row in _rows(namesakes_store, QueryFile.read(LIBRARY / "reports.rq").text)}
    assert reports == {"a.txt": 3, "b.txt": 3, "c.txt": 3, "d.txt": 0}


def test_replacing_or_removing_a_report_updates_the_rankings(namesakes_store, tiny_factory):
    import dataclasses

    library = QueryFile.read(LIBRARY / "agencies_by_targets.rq").text

    def owned() -> dict[str, int]:
        return {str(agency): int(targets) for agency, _, targets, _ in _rows(namesakes_store, library)}

    report, extraction = tiny_factory("a.txt")
    namesakes_store.replace_graph(report_graph(report, dataclasses.replace(extraction, targets=extraction.targets[1:])))
    assert owned()["东昌府区水利局"] == 1  # a.txt no longer gives 水利局 a target; b.txt still does
    namesakes_store.remove_graph(report_graph(*tiny_factory("b.txt")).identifier)
    assert "东昌府区水利局" not in owned()
    assert _rows(namesakes_store, library) == _rows(namesakes_store, COUNTING["agencies_by_targets"])
