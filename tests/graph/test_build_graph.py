"""The named graph of the hand-made tiny report: provenance, structure, entities, targets."""

from __future__ import annotations

from dataclasses import replace

import pytest
from rdflib import RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV

from kg.graph import iris, report_graph
from kg.graph.build import literal_date, literal_number, place_scope
from kg.graph.vocab import KG
from kg.loaders.model import Metadata


@pytest.fixture
def tiny(tiny_report):
    report, extraction = tiny_report
    return report, extraction, report_graph(report, extraction)


def test_graph_is_named_by_the_report(tiny):
    report, _, graph = tiny
    assert graph.identifier == iris.report_iri(report.source)
    assert (graph.identifier, RDF.type, KG.Report) in graph


def test_every_target_derives_from_exactly_one_sentence_with_right_text_and_offsets(tiny):
    report, extraction, graph = tiny
    targets = sorted(graph.subjects(RDF.type, KG.Target))
    assert len(targets) == len(extraction.targets)
    for number, target in enumerate(extraction.targets, start=1):
        node = iris.target_iri(graph.identifier, number)
        sources = list(graph.objects(node, PROV.wasDerivedFrom))
        assert len(sources) == 1
        sentence = sources[0]
        assert (sentence, RDF.type, KG.Sentence) in graph
        start = graph.value(sentence, KG.startOffset).toPython()
        text = str(graph.value(sentence, KG.text))
        end = start + len(text)  # a sentence's end is derived, not stated
        assert text == report.text[start:end] == report.sentences[target.sentence].text
        # the target's own span sits inside its sentence and cites the report text
        t_start = graph.value(node, KG.startOffset).toPython()
        assert graph.value(node, KG.endOffset) is None  # start + length, not stated
        t_end = t_start + len(str(graph.value(node, KG.text)))
        assert start <= t_start < t_end <= end
        assert report.text[t_start:t_end] == str(graph.value(node, KG.text)) == target.text


def test_sentences_carry_text_start_and_section(tiny):
    report, _, graph = tiny
    for sentence in report.sentences:
        node = iris.sentence_iri(graph.identifier, sentence.index)
        assert graph.value(node, KG.text) == Literal(sentence.text, lang="zh")
        assert graph.value(node, KG.startOffset).datatype == XSD.integer
        assert graph.value(node, KG.inSection) == iris.section_iri(graph.identifier, sentence.section)


def test_only_targets_state_their_report(tiny):
    """A section, sentence or list item is typed in its report's graph only, which names its report;
    a target states it (the SPARQL library reads it)."""
    report, extraction, graph = tiny
    assert report.sentences and report.sections and report.items
    for kind in (KG.Sentence, KG.Section, KG.ListItem):
        nodes = set(graph.subjects(RDF.type, kind))
        assert nodes and not any(graph.value(node, KG.inReport) for node in nodes)
    targets = set(graph.subjects(RDF.type, KG.Target))
    assert len(targets) == len(extraction.targets)
    assert {graph.value(node, KG.inReport) for node in targets} == {graph.identifier}


def test_a_target_states_its_text_not_a_label_equal_to_it(tiny):
    _, extraction, graph = tiny
    for number, target in enumerate(extraction.targets, start=1):
        node = iris.target_iri(graph.identifier, number)
        assert graph.value(node, KG.text) == Literal(target.text, lang="zh")
        assert graph.value(node, RDFS.label) is None


def test_sentences_leave_out_what_is_derivable(tiny):
    """Position (the IRI's number) and end (start + length) are not stated again; the part is."""
    report, _, graph = tiny
    for sentence in report.sentences:
        node = iris.sentence_iri(graph.identifier, sentence.index)
        assert str(node).endswith(f"/sentence/{sentence.index}")
        assert graph.value(node, KG.index) is None
        assert graph.value(node, KG.endOffset) is None
        assert graph.value(node, KG.part) == Literal(sentence.part)
        start = graph.value(node, KG.startOffset).toPython()
        assert start + len(str(graph.value(node, KG.text))) == sentence.end
        assert graph.value(graph.value(node, KG.inSection), KG.part) == Literal(sentence.part)
    starts = [graph.value(iris.sentence_iri(graph.identifier, s.index), KG.startOffset).toPython()
              for s in report.sentences]
    assert starts == sorted(starts)


def test_sentences_state_their_end_when_it_cannot_be_derived(tiny_report):
    report, extraction = tiny_report
    first, second, *rest = report.sentences
    loose = replace(first, section=None)  # outside any section: its part is its own
    odd = replace(second, part="review", end=second.end + 1)  # differs from its section; not a plain slice
    graph = report_graph(replace(report, sentences=[loose, odd, *rest]), extraction)
    node, other = (iris.sentence_iri(graph.identifier, s.index) for s in (loose, odd))
    assert graph.value(node, KG.part) == Literal(first.part)
    assert graph.value(node, KG.inSection) is None
    assert graph.value(other, KG.part) == Literal("review")
    assert graph.value(other, KG.endOffset) == Literal(second.end + 1)


def test_targets_state_their_end_when_it_cannot_be_derived(tiny_report):
    report, extraction = tiny_report
    first, *rest = extraction.targets
    odd = replace(first, end=first.end + 1)  # its text is not the slice from its start
    graph = report_graph(report, replace(extraction, targets=[odd, *rest]))
    assert graph.value(iris.target_iri(graph.identifier, 1), KG.endOffset) == Literal(first.end + 1)
    assert graph.value(iris.target_iri(graph.identifier, 2), KG.endOffset) is None


def test_target_values_units_and_typed_literals(tiny):
    _, _, graph = tiny
    r = graph.identifier
    t1, t2, t3 = (iris.target_iri(r, n) for n in (1, 2, 3))
    assert graph.value(t1, KG.value) == Literal("4", datatype=XSD.decimal)
    assert graph.value(t1, KG.unit) == Literal("条")
    assert graph.value(t1, KG.deadline) == Literal("2023-12-31", datatype=XSD.date)
    assert graph.value(t2, KG.deadline) == Literal("2025", datatype=XSD.gYear)
    assert graph.value(t3, KG.value) == Literal("2.5", datatype=XSD.decimal)
    assert graph.value(t3, KG.valueMax) == Literal("3.5", datatype=XSD.decimal)
    assert graph.value(t3, KG.comparator) == Literal("~")
    assert graph.value(t3, KG.role) == Literal("statistic")
    assert graph.value(t3, KG.deadline) is None
    assert graph.value(t1, KG.indicator) == Literal("河道整治", lang="zh")


def test_targets_link_agencies_and_places(tiny):
    _, _, graph = tiny
    r = graph.identifier
    water = iris.agency_iri("371502", "水利局")
    housing = iris.agency_iri("371502", "住房和城乡建设局")
    t1, t2 = iris.target_iri(r, 1), iris.target_iri(r, 2)
    assert graph.value(t1, KG.responsibleAgency) == water
    assert graph.value(t2, KG.responsibleAgency) == housing
    assert graph.value(t2, KG.supportingAgency) == water
    assert graph.value(t1, KG.aboutPlace) == iris.place_iri("班滑河")
    assert graph.value(t2, KG.aboutPlace) == iris.place_iri("东昌府区", code="371502")
    assert graph.value(iris.target_iri(r, 3), KG.responsibleAgency) is None


def test_report_metadata(tiny):
    report, _, graph = tiny
    r = graph.identifier
    assert graph.value(r, KG.sourceFile) == Literal(report.source)
    assert graph.value(r, DCTERMS.title) == Literal(report.meta.title, lang="zh")
    assert graph.value(r, DCTERMS.date) == Literal("2023-01-07", datatype=XSD.date)
    assert graph.value(r, KG.kind) == Literal("政府工作报告", lang="zh")
    assert graph.value(r, KG.planYear) == Literal("2023", datatype=XSD.gYear)
    assert len(str(graph.value(r, KG.textDigest))) == 64
    assert graph.value(r, KG.jurisdiction) == iris.place_iri("东昌府区", code="371502")
    gov = graph.value(r, KG.issuer)
    assert gov == iris.government_iri("371502")
    assert (gov, RDF.type, KG.Government) in graph
    assert graph.value(gov, SKOS.prefLabel) == Literal("聊城市东昌府区人民政府", lang="zh")


def test_jurisdiction_chain(tiny):
    _, _, graph = tiny
    district = graph.value(graph.identifier, KG.jurisdiction)
    names = []
    node = district
    while node is not None:
        names.append(str(graph.value(node, SKOS.prefLabel)))
        node = graph.value(node, KG.within)
    assert names == ["东昌府区", "聊城市", "山东省"]


def test_river_within_city(tiny):
    _, _, graph = tiny
    river = iris.place_iri("班滑河")
    assert graph.value(river, KG.within) == iris.place_iri("聊城市", code="371500")
    assert graph.value(river, SKOS.prefLabel) == Literal("班滑河", lang="zh")


def test_agency_node(tiny):
    _, _, graph = tiny
    water = iris.agency_iri("371502", "水利局")
    assert (water, RDF.type, KG.Agency) in graph
    assert graph.value(water, SKOS.prefLabel) == Literal("东昌府区水利局", lang="zh")
    assert graph.value(water, KG.mention) == Literal("区水利局", lang="zh")
    assert graph.value(water, KG.jurisdiction) == iris.place_iri("东昌府区", code="371502")
    assert graph.value(water, ORG.subOrganizationOf) == iris.government_iri("371502")
    assert (iris.sentence_iri(graph.identifier, 1), KG.mentions, water) in graph
    assert (graph.identifier, KG.mentions, water) in graph


def test_policies_with_may_be_same_as_and_provenance(tiny):
    _, _, graph = tiny
    a = iris.policy_iri("371502", "东昌府区河道管理办法")
    b = iris.policy_iri("371502", "东昌府区河道管理暂行办法")
    assert (a, RDF.type, KG.PolicyDocument) in graph
    assert (a, KG.mayBeSameAs, b) in graph
    assert (b, KG.mayBeSameAs, a) in graph
    assert graph.value(a, KG.status) == Literal("planned")
    assert graph.value(a, KG.draftingAgency) == iris.agency_iri("371502", "水利局")
    assert graph.value(a, PROV.wasDerivedFrom) == iris.sentence_iri(graph.identifier, 2)
    assert graph.value(b, KG.draftingAgency) is None


def test_plan_and_organization(tiny):
    _, _, graph = tiny
    plan = iris.plan_iri("371502", "河湖清理行动")
    assert (plan, RDF.type, KG.Plan) in graph
    assert graph.value(plan, RDFS.label) == Literal("河湖清理行动", lang="zh")
    assert graph.value(plan, KG.responsibleAgency) == iris.agency_iri("371502", "水利局")
    assert graph.value(plan, PROV.wasDerivedFrom) == iris.sentence_iri(graph.identifier, 1)
    org = iris.organization_iri("聊城供电公司")
    assert (org, RDF.type, KG.Organization) in graph
    assert (iris.sentence_iri(graph.identifier, 4), KG.mentions, org) in graph


def test_sections_tree(tiny):
    _, _, graph = tiny
    r = graph.identifier
    top, sub, appendix = (iris.section_iri(r, i) for i in ("1", "1.1", "A1"))
    assert set(graph.objects(r, KG.hasSection)) == {top, appendix}
    assert (top, KG.hasSection, sub) in graph
    assert graph.value(top, KG.marker) == Literal("一、")
    assert graph.value(top, KG.startOffset) is not None
    for section in (top, sub, appendix):  # nothing reads a section's level or end: not stated
        assert graph.value(section, KG.endOffset) is None
        assert graph.value(section, URIRef("https://w3id.org/kg-cn/ontology#level")) is None
    assert graph.value(sub, KG.part) == Literal("plan")
    assert graph.value(appendix, KG.part) == Literal("appendix")
    assert graph.value(appendix, KG.marker) is None


def test_list_item_and_cross_reference(tiny):
    _, _, graph = tiny
    r = graph.identifier
    item = iris.item_iri(r, "1")
    assert (item, RDF.type, KG.ListItem) in graph
    assert graph.value(item, KG.itemLabel) == Literal("实事1")
    assert graph.value(item, PROV.wasDerivedFrom) == iris.sentence_iri(r, 6)
    assert graph.value(item, KG.responsibleAgency) == iris.agency_iri("371502", "住房和城乡建设局")
    assert graph.value(graph.value(item, PROV.wasDerivedFrom), KG.inSection) == iris.section_iri(r, "A1")
    # its section is its sentence's, not stated again
    assert not set(graph.subject_objects(URIRef("https://w3id.org/kg-cn/ontology#listItem")))
    assert (iris.sentence_iri(r, 3), KG.refersTo, item) in graph


def test_unknown_place_type_falls_back_to_place(tiny_factory):
    report, extraction = tiny_factory()
    extraction.places[0].type = 'River"}) DETACH DELETE n //'
    graph = report_graph(report, extraction)
    river = iris.place_iri("班滑河", scope="371500")
    assert set(graph.objects(river, RDF.type)) == {KG.Place}


def test_literal_helpers():
    assert literal_number(45000.0) == Literal("45000", datatype=XSD.decimal)
    assert literal_number(4.5) == Literal("4.5", datatype=XSD.decimal)
    assert literal_date("2023").datatype == XSD.gYear
    assert literal_date("2023-05").datatype == XSD.gYearMonth
    assert literal_date("2023-05-01").datatype == XSD.date


def test_place_scope():
    assert place_scope(Metadata(jurisdiction="东昌府区", parents=("聊城市", "山东省"))) == "聊城市"
    assert place_scope(Metadata(jurisdiction="聊城市", parents=("山东省",))) == "聊城市"
    assert place_scope(Metadata()) is None


def test_every_iri_object_of_a_link_is_typed_or_a_sentence(tiny):
    """No dangling links: each IRI object of a kg property is described in the same graph."""
    _, _, graph = tiny
    subjects = set(graph.subjects())
    dangling = sorted(
        str(o) for s, p, o in graph
        if isinstance(o, URIRef) and p != RDF.type and str(p).startswith(str(KG._NS)) and o not in subjects
    )
    assert dangling == []


def test_division_named_by_its_short_form_keeps_the_official_label_and_the_mention(tiny_factory):
    from kg.extract.model import Place

    report, extraction = tiny_factory()
    extraction.places.append(Place("济南", "City", "山东省", "370100", sentences=[1]))
    graph = report_graph(report, extraction)
    node = iris.place_iri("济南市", code="370100")
    assert graph.value(node, SKOS.prefLabel) == Literal("济南市", lang="zh")
    assert graph.value(node, KG.mention) == Literal("济南", lang="zh")
    assert (graph.identifier, KG.mentions, node) in graph
