"""Relationship captions come from the ontology's labels; each type has its own look."""

from __future__ import annotations

from kg.view.relations import NAMED_WITH, relation_legend, relation_of
from kg.view.select import select_view


def test_captions_are_the_ontology_labels():
    rel = relation_of("RESPONSIBLE_AGENCY")
    assert (rel.zh, rel.en) == ("责任单位", "responsible agency") and rel.caption == "责任单位 responsible agency"
    assert (relation_of("ABOUT_PLACE").zh, relation_of("WAS_DERIVED_FROM").en) == ("涉及地点", "derived from")
    assert relation_of("SUB_ORGANIZATION_OF").zh == "隶属于"
    assert relation_of(NAMED_WITH).zh == "同句提及"
    assert relation_of("SOMETHING_NEW").en == "something new"


def test_owners_places_and_structure_look_different():
    looks = {(relation_of(t).colour, str(relation_of(t).dashes)) for t in
             ("RESPONSIBLE_AGENCY", "SUPPORTING_AGENCY", "ABOUT_PLACE", "WITHIN", "HAS_SECTION", "IN_SECTION",
              "MENTIONS", NAMED_WITH)}
    assert len(looks) == 8


def test_every_edge_a_view_draws_has_both_names(examples):
    for entry in ({"report": "liaocheng-2023-gov-report-part.txt"}, {"agency": "生态环境局"}, {"place": "南运河"}, {}):
        view = select_view(examples, **entry)
        for kind in {t for _, t, _ in view.edges}:
            assert relation_of(kind).zh and relation_of(kind).en, kind


def test_legend_counts_in_a_stable_order():
    legend = relation_legend({"MENTIONS": 2, "RESPONSIBLE_AGENCY": 1})
    assert [(e["type"], e["count"]) for e in legend] == [("RESPONSIBLE_AGENCY", 1), ("MENTIONS", 2)]
