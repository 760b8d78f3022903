"""The report graphs' texts kept beside the store: used only when they prove to be the stored graph."""

from __future__ import annotations

import sqlite3
import zlib

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from kg.graph.build import graph_digest, report_ntriples
from kg.store import open_store
from kg.store.texts import TEXTS_FILE, proves_digest, sorted_text, stated_digest
from tests.conftest import make_tiny, release


def _built(source: str = "r.txt", place: str = "班滑河"):
    return report_ntriples(*make_tiny(source, place_name=place))


def _store_text(store, name: URIRef) -> bytes:
    """The graph read back from the store itself, bypassing the kept texts."""
    return sorted_text(store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(name))))


def _kept(folder) -> dict[str, str]:
    with sqlite3.connect(folder / TEXTS_FILE) as db:
        return dict(db.execute("SELECT graph, digest FROM graph_text"))


def test_sorted_text_sorts_lines_and_ends_each_in_a_newline():
    assert sorted_text("<b> <p> <o> .\n<a> <p> <o> .\n") == b"<a> <p> <o> .\n<b> <p> <o> .\n"
    assert sorted_text(b"<b> <p> \"\xe4\xb8\x80\" .\n<a> <p> <o> .") == "<a> <p> <o> .\n<b> <p> \"一\" .\n".encode()


def test_a_built_graph_proves_its_own_digest_and_nothing_else_does():
    built = _built()
    text, name = sorted_text(built.ntriples), str(built.name)
    digest = stated_digest(name, text)
    assert digest is not None and len(digest) == 64
    assert digest == graph_digest(line.replace(digest, "") for line in text.decode().split("\n")[:-1])
    assert proves_digest(name, text, digest)
    changed = text.replace("班滑河".encode(), "东昌路".encode())
    assert not proves_digest(name, changed, digest)  # content differs
    assert not proves_digest(name, text, "0" * 64)  # another digest
    assert not proves_digest(str(_built("other.txt").name), text, digest)  # another graph's node
    without = b"".join(line + b"\n" for line in text.split(b"\n")[:-1] if b"graphDigest" not in line)
    assert stated_digest(name, without) is None and not proves_digest(name, without, digest)


def test_the_writer_keeps_what_it_stores_and_readers_take_it(tmp_path):
    folder = tmp_path / "store"
    first, second = _built("a.txt"), _built("b.txt", "东昌路")
    with open_store(folder) as store:
        with store.writer() as writer:  # bulk loaded
            writer.write(first.name, first.ntriples, first.triples)
        store.replace_ntriples(second.name, second.ntriples)  # one transaction
        stored = {str(name): _store_text(store, name) for name in (first.name, second.name)}
    assert set(_kept(folder)) == set(stored)
    with open_store(folder, read_only=True) as store:
        assert {graph.value: text for graph, text in store.sorted_texts()} == stored
        assert all(store.texts.text(name, stated_digest(name, text)) == text for name, text in stored.items())


def test_a_replaced_graph_is_kept_anew_and_a_removed_one_forgotten(tmp_path):
    folder = tmp_path / "store"
    old, new = _built("a.txt"), _built("a.txt", "东昌路")
    with open_store(folder) as store:
        store.replace_ntriples(old.name, old.ntriples)
        store.replace_ntriples(new.name, new.ntriples)
        assert _kept(folder) == {str(new.name): stated_digest(str(new.name), sorted_text(new.ntriples))}
        [(_, text)] = store.sorted_texts()
        assert "东昌路".encode() in text and text == _store_text(store, new.name)
        store.remove_graphs([new.name])
        assert _kept(folder) == {}


@pytest.mark.parametrize("spoil", ["stale", "corrupt", "deleted"])
def test_texts_that_do_not_prove_current_are_read_from_the_store_and_kept_again(tmp_path, spoil):
    folder = tmp_path / "store"
    built, other = _built("a.txt"), _built("a.txt", "东昌路")
    with open_store(folder) as store:
        store.replace_ntriples(built.name, built.ntriples)
        truth = _store_text(store, built.name)
    if spoil == "deleted":
        (folder / TEXTS_FILE).unlink()
    else:  # a text kept for another version of the graph, or a damaged blob, under the same digest
        blob = zlib.compress(sorted_text(other.ntriples)) if spoil == "stale" else b"not zlib"
        with sqlite3.connect(folder / TEXTS_FILE) as db:
            db.execute("UPDATE graph_text SET text = ?", (blob,))
    with open_store(folder, read_only=True) as store:
        assert [text for _, text in store.sorted_texts()] == [truth]
    with open_store(folder, read_only=True) as store:  # kept again by the first reader
        assert store.texts.text(str(built.name), stated_digest(str(built.name), truth)) == truth


def test_a_graph_loaded_behind_the_writers_back_is_not_served_from_an_old_text(tmp_path):
    """kg load bulk-loads N-Quads straight into the store: the text kept for the graph it
    replaced states another digest, so readers go to the store."""
    folder = tmp_path / "store"
    old, new = _built("a.txt"), _built("a.txt", "东昌路")
    with open_store(folder) as store:
        store.replace_ntriples(old.name, old.ntriples)
        store.ox.remove_graph(ox.NamedNode(str(old.name)))
        store.ox.bulk_load(new.ntriples, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(new.name)))
        [(_, text)] = store.sorted_texts()
        assert text == _store_text(store, new.name) and "东昌路".encode() in text


def test_a_store_in_a_read_only_folder_reads_from_the_store(tmp_path):
    folder = tmp_path / "store"
    built = _built()
    with open_store(folder) as store:
        store.replace_ntriples(built.name, built.ntriples)
        truth = _store_text(store, built.name)
    (folder / TEXTS_FILE).unlink()
    store = open_store(folder, read_only=True)
    store.texts.writable = False  # as os.access reports for a folder the user cannot write
    try:
        assert [text for _, text in store.sorted_texts()] == [truth]
        assert not (folder / TEXTS_FILE).exists()
    finally:
        release(store)
