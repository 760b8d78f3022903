"""Two small report graphs that share an agency and a city, for the sync tests.

Report A and report B both state 聊城市发展改革委 (with different alternative labels) and
聊城市; each has its own target, river and sentence. B's target text carries strings that
would break a query built by pasting text into Cypher.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from kg.graph.vocab import BASE, KG

__all__ = ["AGENCY", "CITY", "EVIL", "REPORT_A", "REPORT_B", "RIVER", "SCRIPT", "report_a", "report_b"]

ID = BASE + "id/"
REPORT_A = URIRef(ID + "report/test-a")
REPORT_B = URIRef(ID + "report/test-b")
AGENCY = URIRef(ID + "agency/聊城市/发展改革委")
CITY = URIRef(ID + "place/371500")
RIVER = URIRef(ID + "place/聊城市/徒骇河")
EVIL = '"}) DETACH DELETE n //'
SCRIPT = "<script>alert('x')</script>"


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def _shared(g: Graph, alias: str) -> None:
    g.add((AGENCY, RDF.type, KG.Agency))
    g.add((AGENCY, SKOS.prefLabel, _zh("聊城市发展改革委")))
    g.add((AGENCY, SKOS.altLabel, _zh(alias)))
    g.add((AGENCY, KG.jurisdiction, CITY))
    g.add((CITY, RDF.type, KG.City))
    g.add((CITY, SKOS.prefLabel, _zh("聊城市")))
    g.add((CITY, KG.divisionCode, Literal("371500")))


def _report(g: Graph, report: URIRef, source: str, date: str) -> None:
    g.add((report, RDF.type, KG.Report))
    g.add((report, KG.sourceFile, Literal(source)))
    g.add((report, DCTERMS.title, _zh(f"{source} 政府工作报告")))
    g.add((report, DCTERMS.title, Literal(f"{source} government report", lang="en")))
    g.add((report, DCTERMS.date, Literal(date, datatype=XSD.date)))
    g.add((report, KG.jurisdiction, CITY))


def _target(g: Graph, report: URIRef, n: int, *, text: str, value: str, deadline: Literal, place: URIRef,
            role: str = "target") -> URIRef:
    target = URIRef(f"{report}/target/{n}")
    sentence = URIRef(f"{report}/sentence/{n}")
    g.add((sentence, RDF.type, KG.Sentence))
    g.add((sentence, KG.text, _zh(f"句子：{text}")))
    g.add((sentence, KG.startOffset, Literal(n * 10)))
    g.add((target, RDF.type, KG.Target))
    g.add((target, KG.inReport, report))
    g.add((target, KG.text, _zh(text)))
    g.add((target, RDFS.label, _zh(text)))
    g.add((target, KG.value, Literal(value, datatype=XSD.decimal)))
    g.add((target, KG.unit, Literal("个")))
    g.add((target, KG.comparator, Literal(">=")))
    g.add((target, KG.role, Literal(role)))
    g.add((target, KG.deadline, deadline))
    g.add((target, KG.indicator, _zh("口袋公园")))
    g.add((target, KG.responsibleAgency, AGENCY))
    g.add((target, KG.aboutPlace, place))
    g.add((target, PROV.wasDerivedFrom, sentence))
    g.add((report, KG.mentions, AGENCY))
    return target


def report_a(*, value: str = "45000") -> Graph:
    """Report A: a target about 徒骇河 (within 聊城市), due 2023-12-31."""
    g = Graph(identifier=REPORT_A)
    _shared(g, "市发改委")
    _report(g, REPORT_A, "test-a.txt", "2023-01-15")
    g.add((RIVER, RDF.type, KG.River))
    g.add((RIVER, SKOS.prefLabel, _zh("徒骇河")))
    g.add((RIVER, KG.within, CITY))
    _target(g, REPORT_A, 1, text="建设口袋公园45000个", value=value,
            deadline=Literal("2023-12-31", datatype=XSD.date), place=RIVER)
    return g


def report_b(*, value: str = "4.5", place: URIRef = CITY) -> Graph:
    """Report B: a target about 聊城市, due in 2024 (an xsd:gYear), with hostile text."""
    g = Graph(identifier=REPORT_B)
    _shared(g, "发改委")
    _report(g, REPORT_B, "test-b.txt", "2024-01-20")
    _target(g, REPORT_B, 1, text=f"新增口袋公园4.5个{EVIL}{SCRIPT}", value=value,
            deadline=Literal("2024", datatype=XSD.gYear), place=place)
    return g
