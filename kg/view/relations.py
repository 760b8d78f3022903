"""Relationship types as a view names and draws them: Chinese and English captions, colour, dash.

The captions come from the ontology (``rdfs:label`` ``@zh`` and ``@en`` of each object
property in ``kg/ontology.ttl``), so a view says 责任单位 responsible agency exactly as the
ontology does. Views also draw a few relationships the store states through a sentence
(a target *in the section* of the sentence it was derived from, a target *named with* an
agency in one sentence): those reuse the ontology's property where one fits
(``kg:inSection``, ``kg:mentions``) and are captioned here otherwise (:data:`VIEW_ONLY`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

__all__ = ["NAMED_WITH", "VIEW_ONLY", "Relation", "relation_legend", "relation_of"]

NAMED_WITH = "NAMED_WITH"
"""A view-only edge: a target or plan stated in a sentence that names the agency or place."""


@dataclass(frozen=True)
class Relation:
    """How one relationship type reads and looks: captions, colour, dash pattern (vis-network ``dashes``)."""

    type: str
    zh: str
    en: str
    colour: str
    dashes: bool | list[int] = False
    width: float = 1.0

    @property
    def caption(self) -> str:
        """``责任单位 responsible agency``: the hover title and legend text."""
        return f"{self.zh} {self.en}".strip()


VIEW_ONLY = {NAMED_WITH: ("同句提及", "named in the same sentence")}
"""Captions of the edges only views draw (no ontology property states them)."""

_LOOKS: dict[str, tuple[str, bool | list[int], float]] = {
    "RESPONSIBLE_AGENCY": ("#d32f2f", False, 2.0),
    "SUPPORTING_AGENCY": ("#e57373", [6, 4], 1.5),
    "DRAFTING_AGENCY": ("#b71c1c", [2, 3], 1.5),
    "ABOUT_PLACE": ("#2e7d32", False, 1.5),
    "WITHIN": ("#81c784", [6, 4], 1.0),
    "JURISDICTION": ("#a5d6a7", [2, 3], 1.0),
    "HAS_SECTION": ("#616161", False, 1.5),
    "IN_SECTION": ("#9e9e9e", [6, 4], 1.0),
    "IN_REPORT": ("#757575", [2, 3], 1.0),
    "MENTIONS": ("#90a4ae", [3, 5], 0.8),
    "ISSUER": ("#7b1fa2", False, 1.5),
    "SUB_ORGANIZATION_OF": ("#f06292", [6, 4], 1.0),
    "WAS_DERIVED_FROM": ("#bdbdbd", [2, 3], 0.8),
    "MAY_BE_SAME_AS": ("#1565c0", [8, 4, 2, 4], 1.0),
    "LIST_ITEM": ("#9e9e9e", [2, 3], 0.8),
    "REFERS_TO": ("#9e9e9e", [8, 4, 2, 4], 0.8),
    NAMED_WITH: ("#ffb74d", [4, 4], 1.0),
}
_OTHER = ("#cfcfcf", False, 0.8)


@cache
def _ontology_captions() -> dict[str, tuple[str, str]]:
    """Edge type -> (Chinese, English) label of every property the ontology labels."""
    from rdflib import RDFS, Literal

    from kg.graph.property_graph import edge_type
    from kg.graph.vocab import ontology_graph

    onto = ontology_graph()
    captions: dict[str, dict[str, str]] = {}
    for prop, label in onto.subject_objects(RDFS.label):
        if isinstance(label, Literal) and label.language in ("zh", "en"):
            captions.setdefault(edge_type(str(prop)), {})[label.language] = str(label)
    return {kind: (langs.get("zh", ""), langs.get("en", kind.lower().replace("_", " ")))
            for kind, langs in captions.items()}


@cache
def relation_of(edge_type: str) -> Relation:
    """The captions and look of an edge type (``RESPONSIBLE_AGENCY``); unknown types read as their name."""
    plain = ("", edge_type.lower().replace("_", " "))
    zh, en = VIEW_ONLY.get(edge_type) or _ontology_captions().get(edge_type) or plain
    colour, dashes, width = _LOOKS.get(edge_type, _OTHER)
    return Relation(edge_type, zh, en, colour, dashes, width)


def relation_legend(counts: dict[str, int]) -> list[dict[str, object]]:
    """Legend entries for the edge types of a view (with their counts), in the order of :data:`_LOOKS`."""
    order = list(_LOOKS)
    out = []
    for kind in sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k)):
        rel = relation_of(kind)
        out.append({"type": kind, "zh": rel.zh, "en": rel.en, "colour": rel.colour, "dashes": rel.dashes,
                    "count": counts[kind]})
    return out
