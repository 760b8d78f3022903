"""The embedded on-disk store (Oxigraph behind rdflib) and SPARQL over it."""

from kg.store.store import DEFAULT_STORE, GraphStore, open_store, store_path

__all__ = ["DEFAULT_STORE", "GraphStore", "open_store", "store_path"]
