"""Turn one loaded report and what was extracted from it into the report's named graph.

Every extracted fact points to the sentence it came from: sentences ``kg:mentions`` the
agencies, organisations, places, policies and plans they name, and targets, policies and
plans are ``prov:wasDerivedFrom`` their sentences. Sentences carry their text and offsets
in the normalised report text, so a researcher can cite them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, GEO, ORG, PROV

from kg.divisions import division, parents_of
from kg.extract.model import Agency, Extraction, Place
from kg.graph import iris
from kg.graph.vocab import KG
from kg.loaders.model import Metadata, Report

__all__ = ["literal_date", "literal_number", "place_scope", "report_graph"]

_COUNTY_SUFFIXES = ("区", "县", "旗", "市辖区")


def literal_number(value: float) -> Literal:
    """An ``xsd:decimal`` literal with a plain lexical form (45000, 4.5)."""
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return Literal(text, datatype=XSD.decimal)


def literal_date(text: str) -> Literal:
    """``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` by how precise ``text`` is."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(text), XSD.string)
    return Literal(text, datatype=datatype)


def place_scope(meta: Metadata) -> str | None:
    """The prefecture-level place that keys non-administrative places of a report.

    A river named in a city's report and in its district's report gets one node because
    both reports key it by the city.
    """
    if not meta.jurisdiction:
        return None
    if meta.jurisdiction.endswith(_COUNTY_SUFFIXES) and meta.parents:
        return meta.parents[0]
    return meta.jurisdiction


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


class _Builder:
    def __init__(self, report: Report, extraction: Extraction) -> None:
        self.report = report
        self.extraction = extraction
        self.iri = iris.report_iri(report.source)
        self.graph = Graph(identifier=self.iri)
        self.scope = place_scope(report.meta)
        self.places: dict[str, URIRef] = {}
        self.agencies: dict[str, URIRef] = {}
        self.sentences = {s.index: iris.sentence_iri(self.iri, s.index) for s in report.sentences}

    def add(self, s: URIRef, p: URIRef, o) -> None:
        if o is not None:
            self.graph.add((s, p, o))

    def mentioned(self, node: URIRef, sentences: Iterable[int], *, derived: bool = False) -> None:
        self.add(self.iri, KG.mentions, node)
        for index in sentences:
            if index in self.sentences:
                self.add(self.sentences[index], KG.mentions, node)
                if derived:
                    self.add(node, PROV.wasDerivedFrom, self.sentences[index])

    # places -------------------------------------------------------------------------
    def admin_place(self, name: str, within: str | None = None) -> URIRef:
        """Node of an administrative place named in metadata, typed from the code table."""
        if name in self.places:
            return self.places[name]
        div = division(name, within=within)
        if div is None:
            node = iris.place_iri(name, scope=None)
            self.add(node, RDF.type, KG.Place)
        else:
            node = iris.place_iri(name, code=div.code)
            self.add(node, RDF.type, KG[div.type])
            self.add(node, KG.divisionCode, Literal(div.code))
            parent = parents_of(div)
            if parent:
                self.add(node, KG.within, self.admin_place(parent[0].name))
        self.add(node, SKOS.prefLabel, _zh(name))
        self.places[name] = node
        return node

    def place(self, place: Place) -> URIRef:
        div = division(place.name, within=place.within or self.scope)
        code = place.code or (div.code if div and place.type in {"Province", "City", "District", "County"} else None)
        node = iris.place_iri(place.name, code=code, scope=self.scope)
        self.places[place.name] = node
        official = div.name if code and div is not None else place.name
        self.add(node, RDF.type, KG[place.type] if place.type in KG.__annotations__ else KG.Place)
        self.add(node, SKOS.prefLabel, _zh(official))
        self.add(node, KG.mention, _zh(place.name))
        if official != place.name:
            self.add(node, SKOS.altLabel, _zh(place.name))
        for alias in place.aliases:
            self.add(node, SKOS.altLabel, _zh(alias))
        if code:
            self.add(node, KG.divisionCode, Literal(code))
        if div is not None and div.longitude is not None:
            geometry = URIRef(f"{node}/geometry")
            self.add(node, GEO.hasGeometry, geometry)
            self.add(geometry, GEO.asWKT, Literal(f"POINT({div.longitude} {div.latitude})", datatype=GEO.wktLiteral))
        return node

    def place_links(self) -> None:
        for place in self.extraction.places:
            if place.within and place.within != place.name:
                parent = self.places.get(place.within) or self.admin_place(place.within)
                self.add(self.places[place.name], KG.within, parent)

    # report ---------------------------------------------------------------------------
    def metadata(self) -> None:
        meta, r = self.report.meta, self.iri
        self.add(r, RDF.type, KG.Report)
        self.add(r, KG.sourceFile, Literal(self.report.source))
        digest = hashlib.sha256(self.report.text.encode("utf-8")).hexdigest()
        self.add(r, KG.textDigest, Literal(digest))
        if self.report.encoding:
            self.add(r, KG.encoding, Literal(self.report.encoding))
        if meta.title:
            self.add(r, DCTERMS.title, _zh(meta.title))
            self.add(r, RDFS.label, _zh(meta.title))
        if meta.kind:
            self.add(r, KG.kind, _zh(meta.kind))
        if meta.date:
            self.add(r, DCTERMS.date, literal_date(meta.date))
        if meta.plan_year:
            self.add(r, KG.planYear, Literal(str(meta.plan_year), datatype=XSD.gYear))
        chain = [meta.jurisdiction, *meta.parents] if meta.jurisdiction else list(meta.parents)
        for i in range(len(chain) - 1, -1, -1):  # top-down, so namesakes resolve within parents
            within = chain[i + 1] if i + 1 < len(chain) else None
            node = self.admin_place(chain[i], within)
            if within:
                self.add(node, KG.within, self.places[within])
        if meta.jurisdiction:
            place = self.places[meta.jurisdiction]
            self.add(r, KG.jurisdiction, place)
            if meta.issuer:
                gov = iris.government_iri(meta.jurisdiction)
                self.add(r, KG.issuer, gov)
                self.add(gov, RDF.type, KG.Government)
                self.add(gov, SKOS.prefLabel, _zh(meta.issuer))
                self.add(gov, KG.jurisdiction, place)

    def structure(self) -> None:
        r = self.iri
        sections = self.report.section_by_id()
        for root in self.report.sections:
            self.add(r, KG.hasSection, iris.section_iri(r, root.id))
        for section in sections.values():
            node = iris.section_iri(r, section.id)
            self.add(node, RDF.type, KG.Section)
            self.add(node, KG.inReport, r)
            self.add(node, RDFS.label, _zh(section.title) if section.title else None)
            self.add(node, KG.marker, Literal(section.number) if section.number else None)
            self.add(node, KG.level, Literal(section.level))
            self.add(node, KG.part, Literal(section.part) if section.part else None)
            self.add(node, KG.startOffset, Literal(section.start))
            self.add(node, KG.endOffset, Literal(section.end))
            for child in section.children:
                self.add(node, KG.hasSection, iris.section_iri(r, child.id))
        # items are keyed by position: written numbers repeat when a list is misnumbered
        item_nodes = [iris.item_iri(r, str(n)) for n in range(1, len(self.report.items) + 1)]
        items: dict[str, URIRef] = {}
        for item, item_node in zip(self.report.items, item_nodes, strict=True):
            items.setdefault(item.label, item_node)
        for sentence in self.report.sentences:
            node = self.sentences[sentence.index]
            self.add(node, RDF.type, KG.Sentence)
            self.add(node, KG.inReport, r)
            self.add(node, KG.index, Literal(sentence.index))
            self.add(node, KG.text, _zh(sentence.text))
            self.add(node, KG.startOffset, Literal(sentence.start))
            self.add(node, KG.endOffset, Literal(sentence.end))
            if sentence.section is not None:
                self.add(node, KG.inSection, iris.section_iri(r, sentence.section))
            self.add(node, KG.part, Literal(sentence.part) if sentence.part else None)
            for ref in sentence.refs:
                self.add(node, KG.refersTo, items.get(ref))
        for item, node in zip(self.report.items, item_nodes, strict=True):
            self.add(node, RDF.type, KG.ListItem)
            self.add(node, KG.inReport, r)
            self.add(node, KG.itemLabel, Literal(item.label))
            self.add(node, KG.index, Literal(item.number))
            self.add(node, KG.text, _zh(item.text))
            self.add(iris.section_iri(r, item.section), KG.listItem, node)
            self.add(node, PROV.wasDerivedFrom, self.sentences.get(item.sentence))
            if item.owner:
                self.add(node, KG.responsibleAgency, self.agencies.get(item.owner))

    # actors -----------------------------------------------------------------------------
    def agency(self, agency: Agency) -> URIRef:
        node = iris.agency_iri(agency.jurisdiction, agency.name)
        for form in (agency.mention, *agency.aliases):
            self.agencies.setdefault(form, node)
        self.add(node, RDF.type, KG.Agency)
        self.add(node, SKOS.prefLabel, _zh(f"{agency.jurisdiction or ''}{agency.name}"))
        self.add(node, RDFS.label, _zh(agency.mention))
        self.add(node, KG.mention, _zh(agency.mention))
        for alias in agency.aliases:
            if alias != agency.mention:
                self.add(node, SKOS.altLabel, _zh(alias))
        if agency.jurisdiction:
            place = self.places.get(agency.jurisdiction) or self.admin_place(agency.jurisdiction)
            self.add(node, KG.jurisdiction, place)
            self.add(node, ORG.subOrganizationOf, iris.government_iri(agency.jurisdiction))
        self.mentioned(node, agency.sentences)
        return node

    def entities(self) -> None:
        ex = self.extraction
        for place in ex.places:
            self.mentioned(self.place(place), place.sentences)
        self.place_links()
        for agency in ex.agencies:
            self.agency(agency)
        for organization in ex.organizations:
            node = iris.organization_iri(organization.name)
            self.add(node, RDF.type, KG.Organization)
            self.add(node, SKOS.prefLabel, _zh(organization.name))
            self.mentioned(node, organization.sentences)
        scope = self.report.meta.jurisdiction
        policies = {p.title: iris.policy_iri(scope, p.title) for p in ex.policies}
        for policy in ex.policies:
            node = policies[policy.title]
            self.add(node, RDF.type, KG.PolicyDocument)
            self.add(node, DCTERMS.title, _zh(policy.title))
            self.add(node, RDFS.label, _zh(policy.title))
            self.add(node, KG.status, Literal(policy.status))
            self.add(node, KG.draftingAgency, self.agencies.get(policy.agency or ""))
            for other in policy.may_be_same_as:
                self.add(node, KG.mayBeSameAs, policies.get(other))
            self.mentioned(node, policy.sentences, derived=True)
        for plan in ex.plans:
            node = iris.plan_iri(scope, plan.name)
            self.add(node, RDF.type, KG.Plan)
            self.add(node, RDFS.label, _zh(plan.name))
            self.add(node, KG.responsibleAgency, self.agencies.get(plan.agency or ""))
            self.mentioned(node, plan.sentences, derived=True)

    def targets(self) -> None:
        for number, target in enumerate(self.extraction.targets, start=1):
            node = iris.target_iri(self.iri, number)
            self.add(node, RDF.type, KG.Target)
            self.add(node, KG.inReport, self.iri)
            self.add(node, KG.text, _zh(target.text))
            self.add(node, RDFS.label, _zh(target.text))
            self.add(node, KG.value, literal_number(target.value))
            if target.value_max is not None:
                self.add(node, KG.valueMax, literal_number(target.value_max))
            self.add(node, KG.unit, Literal(target.unit))
            self.add(node, KG.comparator, Literal(target.comparator))
            self.add(node, KG.role, Literal(target.role))
            if target.deadline:
                self.add(node, KG.deadline, literal_date(target.deadline))
            if target.indicator:
                self.add(node, KG.indicator, _zh(target.indicator))
            if target.start is not None and target.end is not None:
                self.add(node, KG.startOffset, Literal(target.start))
                self.add(node, KG.endOffset, Literal(target.end))
            self.add(node, KG.responsibleAgency, self.agencies.get(target.agency or ""))
            for mention in target.supporting:
                self.add(node, KG.supportingAgency, self.agencies.get(mention))
            for name in target.places:
                self.add(node, KG.aboutPlace, self.places.get(name))
            self.add(node, PROV.wasDerivedFrom, self.sentences.get(target.sentence))

    def build(self) -> Graph:
        self.metadata()
        self.entities()
        self.structure()
        self.targets()
        return self.graph


def report_graph(report: Report, extraction: Extraction) -> Graph:
    """Return the named graph (identified by the report's IRI) holding everything about it."""
    return _Builder(report, extraction).build()
