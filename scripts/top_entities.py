"""The most frequent places, agencies, plans and organisations of a corpus, for a person to read for junk.

Builds the given folders into a throwaway store and prints, per kind, the ``--top`` entities
by the number of sentences that mention them (and the reports they appear in), as a TSV
that can be kept beside the code (``tests/data/provinces-2026-top50.tsv``) and compared with
the next change's list::

    python scripts/top_entities.py ../shared/corpus/provinces-2026 --top 50 > tests/data/provinces-2026-top50.tsv
"""

from __future__ import annotations

import argparse
import sys
import tempfile

from kg.build import build
from kg.store import open_store

__all__ = ["main", "top_entities"]


_QUERY = """
SELECT ?label ?type (COUNT(DISTINCT ?s) AS ?sentences) (COUNT(DISTINCT ?g) AS ?reports)
WHERE {
  GRAPH ?g { ?s a kg:Sentence ; kg:mentions ?e . ?e %s ?label ; a ?t . }
  GRAPH <https://w3id.org/kg-cn/graph/ontology> { ?t rdfs:subClassOf* ?kind }
  BIND(STRAFTER(STR(?t), "#") AS ?type)
  FILTER(?kind = %s)
}
GROUP BY ?label ?type
ORDER BY DESC(?sentences) ?label
LIMIT %d
"""

# kind -> (class, label): agencies, places and organisations have a skos:prefLabel, plans their name as rdfs:label
_CLASS = {
    "place": ("kg:Place", "skos:prefLabel"),
    "agency": ("kg:Agency", "skos:prefLabel"),
    "plan": ("kg:Plan", "rdfs:label"),
    "organization": ("kg:Organization", "skos:prefLabel"),
}


def top_entities(paths: list[str], *, top: int = 50) -> list[tuple[str, int, str, str, int, int]]:
    """Rows ``(kind, rank, label, type, sentences, reports)`` of the most mentioned entities."""
    rows: list[tuple[str, int, str, str, int, int]] = []
    with tempfile.TemporaryDirectory() as folder, open_store(folder) as store:
        build(paths, store)
        for kind, (cls, label_of) in _CLASS.items():
            seen: set[str] = set()
            for row in store.query(_QUERY % (label_of, cls, top * 3)):
                label = str(row.label)
                if label in seen:
                    continue  # one row per name: a place typed twice keeps its most frequent type
                seen.add(label)
                rows.append((kind, len(seen), label, str(row.type), int(row.sentences), int(row.reports)))
                if len(seen) == top:
                    break
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--top", type=int, default=50)
    args = parser.parse_args(argv)
    print("kind\trank\tlabel\ttype\tsentences\treports")
    for row in top_entities(args.paths, top=args.top):
        print("\t".join(map(str, row)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
