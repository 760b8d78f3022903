"""Graphs for the analysis and view tests: the example reports built once, and small
report graphs made by hand with rdflib and the kg terms (exact expected answers)."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.graph import iris
from kg.graph.vocab import KG
from kg.store import GraphStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "reports"

EVIL_SCRIPT = "<script>window.__pwned = 1</script>生态局"
EVIL_ATTR = '河" onmouseover="window.__pwned = 2" x="'
EVIL_IMG = '<img src=x onerror="window.__pwned = 3">整治目标'
EVIL_SENTENCE = f"由{EVIL_SCRIPT}负责，{EVIL_IMG}，涉及{EVIL_ATTR}。</script><script>window.__pwned = 4</script>"


def build_examples(base: Path) -> Path:
    """The example reports built into a store folder under ``base`` (once per ``base``)."""
    from kg.build import build
    from kg.store import open_store

    folder = base / "kg-examples-store"
    done = folder / ".built"
    if not done.exists():
        with open_store(folder) as store:
            result = build([EXAMPLES], store)
            assert result.ok, result.failed
        done.write_text("ok", encoding="utf-8")
    return folder


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


class ReportGraph:
    """A small report graph written by hand: sections, sentences, agencies, places, targets."""

    def __init__(self, source: str, jurisdiction: str = "甲市") -> None:
        self.iri = iris.report_iri(source)
        self.jurisdiction = jurisdiction
        self.graph = Graph(identifier=self.iri)
        self.place_node = self.place(jurisdiction, "City")
        g = self.graph
        g.add((self.iri, RDF.type, KG.Report))
        g.add((self.iri, KG.sourceFile, Literal(source)))
        g.add((self.iri, KG.jurisdiction, self.place_node))
        self.sentences = 0
        self.targets = 0

    def section(self, ident: str, title: str, parent: URIRef | None = None) -> URIRef:
        node = iris.section_iri(self.iri, ident)
        self.graph.add((node, RDF.type, KG.Section))
        self.graph.add((node, RDFS.label, _zh(title)))
        self.graph.add((parent or self.iri, KG.hasSection, node))
        return node

    def sentence(self, text: str, section: URIRef, mentions: tuple[URIRef, ...] = ()) -> URIRef:
        self.sentences += 1
        node = iris.sentence_iri(self.iri, self.sentences)
        g = self.graph
        g.add((node, RDF.type, KG.Sentence))
        g.add((node, KG.text, _zh(text)))
        g.add((node, KG.inReport, self.iri))
        g.add((node, KG.inSection, section))
        for thing in mentions:
            g.add((node, KG.mentions, thing))
            g.add((self.iri, KG.mentions, thing))
        return node

    def agency(self, name: str) -> URIRef:
        node = iris.agency_iri(self.jurisdiction, name)
        g = self.graph
        g.add((node, RDF.type, KG.Agency))
        g.add((node, SKOS.prefLabel, _zh(f"{self.jurisdiction}{name}")))
        g.add((node, KG.jurisdiction, self.place_node))
        return node

    def place(self, name: str, kind: str = "River") -> URIRef:
        node = iris.place_iri(name, scope="省")  # one scope, so two reports share a river
        self.graph.add((node, RDF.type, KG[kind]))
        self.graph.add((node, SKOS.prefLabel, _zh(name)))
        return node

    def target(self, text: str, sentence: URIRef, *, agencies: tuple[URIRef, ...] = (),
               supporting: tuple[URIRef, ...] = (), places: tuple[URIRef, ...] = (),
               indicator: str | None = None, role: str = "target") -> URIRef:
        self.targets += 1
        node = iris.target_iri(self.iri, self.targets)
        g = self.graph
        g.add((node, RDF.type, KG.Target))
        g.add((node, KG.text, _zh(text)))
        g.add((node, RDFS.label, _zh(text)))
        g.add((node, KG.role, Literal(role)))
        g.add((node, KG.inReport, self.iri))
        g.add((node, PROV.wasDerivedFrom, sentence))
        if indicator:
            g.add((node, KG.indicator, _zh(indicator)))
        for agency in agencies:
            g.add((node, KG.responsibleAgency, agency))
        for agency in supporting:
            g.add((node, KG.supportingAgency, agency))
        for place in places:
            g.add((node, KG.aboutPlace, place))
        return node


def small_reports(store: GraphStore) -> tuple[ReportGraph, ReportGraph]:
    """Two reports with known answers.

    Report a (甲市): 水利局 and 生态环境局 own one target together (about 甲河) in
    section 1.1; 交通局 owns a target in 1.2 (sibling of 1.1, so it meets both under 1);
    教育局 and 卫健委 share a target in section 2. Report b (乙市): 生态环境局 alone, 甲河
    and 乙河 named in one sentence.
    """
    a = ReportGraph("a.txt", "甲市")
    water, eco, road = a.agency("水利局"), a.agency("生态环境局"), a.agency("交通局")
    edu, health = a.agency("教育局"), a.agency("卫健委")
    river = a.place("甲河")
    s1 = a.section("1", "生态")
    s11, s12 = a.section("1.1", "治水", s1), a.section("1.2", "修路", s1)
    s2 = a.section("2", "民生")
    first = a.sentence("水利局、生态环境局治理甲河。", s11, (water, eco, river))
    a.target("甲河水质达标", first, agencies=(water,), supporting=(eco,), places=(river,), indicator="水质")
    second = a.sentence("交通局新建道路10公里。", s12, (road,))
    a.target("新建道路10公里", second, agencies=(road,), indicator="道路")
    third = a.sentence("教育局、卫健委新建学校2所。", s2, (edu, health))
    a.target("新建学校2所", third, agencies=(edu, health), indicator="学校")

    b = ReportGraph("b.txt", "乙市")
    eco_b = b.agency("生态环境局")
    river_a = b.place("甲河")
    river_b = b.place("乙河")
    s = b.section("1", "生态")
    sentence = b.sentence("甲河、乙河水质提升。", s, (eco_b, river_a, river_b))
    b.target("乙河水质提升", sentence, agencies=(eco_b,), places=(river_b,), indicator="水质")
    b.target("去年乙河水质", sentence, places=(river_b,), indicator="水质", role="statistic")
    for report in (a, b):
        store.replace_graph(report.graph)
    return a, b


def evil_report(store: GraphStore) -> ReportGraph:
    """A report whose names and text try to run script in a view."""
    r = ReportGraph("evil.txt", "坏市")
    agency = r.agency(EVIL_SCRIPT)
    river = r.place(EVIL_ATTR)
    section = r.section("1", "<b>section</b>")
    sentence = r.sentence(EVIL_SENTENCE, section, (agency, river))
    r.target(EVIL_IMG, sentence, agencies=(agency,), places=(river,), indicator="<i>x</i>")
    store.replace_graph(r.graph)
    return r
