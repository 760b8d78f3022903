"""A tiny corpus that exercises every query in ``queries/``: the two sync test reports plus
a policy document, a supporting agency, an issuer and a possibly-duplicate policy title."""

from __future__ import annotations

from collections import Counter

from rdflib import RDF, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.graph.indexes import with_indexes
from kg.graph.vocab import BASE, KG
from tests.sync.graphs import CITY, REPORT_A, REPORT_B, report_a, report_b

__all__ = ["corpus"]

ID = BASE + "id/"
HOUSING = URIRef(ID + "agency/聊城市/住房城乡建设局")
GOVERNMENT = URIRef(ID + "government/聊城市")
POLICY = URIRef(ID + "policy/聊城市/口袋公园建设实施方案")
POLICY_TWIN = URIRef(ID + "policy/聊城市/口袋公园建设实施方案（试行）")


def _extend_a(g: Graph) -> Graph:
    target = URIRef(f"{REPORT_A}/target/1")
    g.add((HOUSING, RDF.type, KG.Agency))
    g.add((HOUSING, SKOS.prefLabel, Literal("聊城市住房城乡建设局", lang="zh")))
    g.add((HOUSING, KG.jurisdiction, CITY))
    g.add((target, KG.supportingAgency, HOUSING))
    g.add((GOVERNMENT, RDF.type, KG.Government))
    g.add((GOVERNMENT, SKOS.prefLabel, Literal("聊城市人民政府", lang="zh")))
    g.add((REPORT_A, KG.issuer, GOVERNMENT))
    g.add((REPORT_A, KG.kind, Literal("政府工作报告", lang="zh")))
    for policy, title in ((POLICY, "口袋公园建设实施方案"), (POLICY_TWIN, "口袋公园建设实施方案（试行）")):
        g.add((policy, RDF.type, KG.PolicyDocument))
        g.add((policy, DCTERMS.title, Literal(title, lang="zh")))
        g.add((policy, KG.draftingAgency, HOUSING))
        g.add((policy, KG.status, Literal("planned")))
        g.add((REPORT_A, KG.mentions, policy))
    g.add((POLICY, KG.mayBeSameAs, POLICY_TWIN))
    g.add((POLICY_TWIN, KG.mayBeSameAs, POLICY))
    _year_and_part(g, REPORT_A, "2023", "plan")  # indicator_track: A promises, B reviews
    return g


def _year_and_part(g: Graph, report: URIRef, year: str, part: str) -> None:
    g.add((report, KG.planYear, Literal(year, datatype=XSD.gYear)))
    g.add((URIRef(f"{report}/sentence/1"), KG.part, Literal(part)))


def _with_tallies(g: Graph, report: URIRef) -> Graph:
    """``g`` with the tallies kg build states (kg:targetCount, kg:ownedTargetCount,
    kg:commitmentCount), counted from its own targets as the builder counts them."""
    targets = set(g.subjects(KG.role, None))
    g.add((report, KG.targetCount, Literal(len(targets))))
    owned: Counter[URIRef] = Counter(a for t in targets for a in set(g.objects(t, KG.responsibleAgency)))
    commitments: Counter[URIRef] = Counter(
        p for t in targets if g.value(t, KG.role) == Literal("target") for p in set(g.objects(t, KG.aboutPlace)))
    for predicate, counts in ((KG.ownedTargetCount, owned), (KG.commitmentCount, commitments)):
        for node, count in counts.items():
            g.add((node, predicate, Literal(count)))
    return g


def corpus() -> list[Graph]:
    """The report graphs of the query test corpus."""
    b = report_b()
    b.add((URIRef(f"{REPORT_B}/target/1"), KG.supportingAgency, HOUSING))
    b.add((HOUSING, RDF.type, KG.Agency))
    b.add((HOUSING, SKOS.prefLabel, Literal("聊城市住房城乡建设局", lang="zh")))
    _year_and_part(b, REPORT_B, "2024", "review")
    return [with_indexes(_with_tallies(_extend_a(report_a()), REPORT_A)), with_indexes(_with_tallies(b, REPORT_B))]
