"""The KG namespace mirrors kg/ontology.ttl, and every term is labelled in Chinese and English."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, URIRef

from kg.graph.vocab import BASE, KG, ontology_graph, shapes_graph

NS = BASE + "ontology#"
DECLARED_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


def _declared() -> set[str]:
    onto = ontology_graph()
    return {
        str(s)[len(NS):]
        for t in DECLARED_TYPES
        for s in onto.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }


def _namespace_terms() -> set[str]:
    return {name for name in KG.__annotations__ if not name.startswith("_")}


def test_every_namespace_term_is_declared_in_the_ontology():
    assert _namespace_terms() - _declared() == set()


def test_every_ontology_term_is_in_the_namespace():
    assert _declared() - _namespace_terms() == set()


def test_ontology_uses_only_declared_kg_terms():
    onto = ontology_graph()
    used = {str(t)[len(NS):] for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used <= _declared()


def test_shapes_use_only_declared_kg_terms():
    shapes = shapes_graph()
    used = {str(t)[len(NS):] for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used
    assert used <= _declared()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_term_has_a_label_in(lang):
    onto = ontology_graph()
    unlabelled = sorted(
        name for name in _declared()
        if not any(getattr(label, "language", None) == lang for label in onto.objects(URIRef(NS + name), RDFS.label))
    )
    assert unlabelled == []


def test_namespace_terms_are_iris_in_the_kg_namespace():
    assert KG.Agency == URIRef(NS + "Agency")
    assert KG.responsibleAgency == URIRef(NS + "responsibleAgency")


def test_misspelt_term_raises():
    with pytest.raises(AttributeError):
        _ = KG.Agnecy
    with pytest.raises(AttributeError):
        _ = KG["responsibleAgncy"]
