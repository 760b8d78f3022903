"""The report graphs' texts kept beside the store: used only when they prove to be the stored graph."""

from __future__ import annotations

import sqlite3

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from kg.graph.build import graph_digest, report_ntriples
from kg.store import open_store
from kg.store.texts import TEXTS_FILE, GraphTexts, nquads_text, proves_digest, sorted_text, stated_digest
from tests.conftest import make_tiny, release


def _built(source: str = "r.txt", place: str = "班滑河"):
    return report_ntriples(*make_tiny(source, place_name=place))


def _store_text(store, name: URIRef) -> bytes:
    """The graph read back from the store itself (bypassing the kept texts), as sorted N-Quads."""
    text = sorted_text(store.ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(name))))
    return nquads_text(f"<{name}>", text)


def _kept(folder) -> dict[str, str]:
    """Graph -> digest of the texts kept in the store ``folder``."""
    if not (folder / TEXTS_FILE).exists():
        return {}
    with sqlite3.connect(folder / TEXTS_FILE) as db:
        return dict(db.execute("SELECT graph, digest FROM graph_text"))


def test_sorted_text_sorts_lines_and_ends_each_in_a_newline():
    assert sorted_text("<b> <p> <o> .\n<a> <p> <o> .\n") == b"<a> <p> <o> .\n<b> <p> <o> .\n"
    assert sorted_text(b"<b> <p> \"\xe4\xb8\x80\" .\n<a> <p> <o> .") == "<a> <p> <o> .\n<b> <p> \"一\" .\n".encode()


def test_nquads_text_names_the_graph_on_every_line_and_nowhere_else():
    text = b'<s> <p> "a .\\n b ." .\n<s> <p> <g> .\n'  # a literal holding " ." and an escaped newline
    assert nquads_text("<g>", text) == b'<s> <p> "a .\\n b ." <g> .\n<s> <p> <g> <g> .\n'


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
        assert {graph.value: text for graph, text in store.sorted_nquads()} == stored
        assert [(graph.value, text) for graph, text in store.sorted_nquads([str(second.name)])] == [
            (str(second.name), stored[str(second.name)])]


def test_only_texts_that_prove_their_digest_are_kept(tmp_path):
    built = _built()
    name, text = str(built.name), sorted_text(built.ntriples)
    texts = GraphTexts(tmp_path, writable=True)
    try:
        assert texts.keep([(name, text.replace("班滑河".encode(), "东昌路".encode()))]) == 0
        assert texts.keep([(name, text)]) == 1
        assert texts.nquads(name, stated_digest(name, text)) == nquads_text(f"<{name}>", text)
        assert texts.nquads(name, "0" * 64) is None  # kept for another version of the graph
    finally:
        texts.close()


def test_a_text_is_kept_sorted_whatever_order_it_comes_in(tmp_path):
    built = _built()
    name, text = str(built.name), sorted_text(built.ntriples)
    shuffled = b"".join(reversed(text.splitlines(keepends=True)))
    texts = GraphTexts(tmp_path, writable=True)
    try:
        assert shuffled != text and texts.keep([(name, shuffled.decode())]) == 1  # sorted, then it proves
        assert texts.nquads(name, stated_digest(name, text)) == nquads_text(f"<{name}>", text)
        assert texts.keep([(name, built.ntriples)]) == 1  # kg build's own order proves as it is
        assert texts.nquads(name, stated_digest(name, text)) == nquads_text(f"<{name}>", text)
        assert texts.keep([(name, text[:-1])]) == 1  # the last newline missing
        assert texts.nquads(name, stated_digest(name, text)) == nquads_text(f"<{name}>", text)
    finally:
        texts.close()


def test_a_replaced_graph_is_kept_anew_and_a_removed_one_forgotten(tmp_path):
    folder = tmp_path / "store"
    old, new = _built("a.txt"), _built("a.txt", "东昌路")
    with open_store(folder) as store:
        store.replace_ntriples(old.name, old.ntriples)
        store.replace_ntriples(new.name, new.ntriples)
        assert _kept(folder) == {str(new.name): stated_digest(str(new.name), sorted_text(new.ntriples))}
        [(_, text)] = store.sorted_nquads()
        assert "东昌路".encode() in text and text == _store_text(store, new.name)
        store.remove_graphs([new.name])
        assert _kept(folder) == {}


@pytest.mark.parametrize("spoil", ["another digest", "damaged", "deleted", "another format"])
def test_texts_not_current_are_read_from_the_store_and_kept_again(tmp_path, spoil):
    folder = tmp_path / "store"
    built = _built("a.txt")
    with open_store(folder) as store:
        store.replace_ntriples(built.name, built.ntriples)
        truth = _store_text(store, built.name)
    with sqlite3.connect(folder / TEXTS_FILE) as db:
        if spoil == "another digest":  # kept for another version of the graph
            db.execute("UPDATE graph_text SET digest = ?", ("0" * 64,))
        elif spoil == "damaged":  # one byte of the compressed text flipped: its checksum fails
            (blob,) = db.execute("SELECT text FROM graph_text").fetchone()
            middle = len(blob) // 2
            damaged = blob[:middle] + bytes([blob[middle] ^ 1]) + blob[middle + 1:]
            db.execute("UPDATE graph_text SET text = ?", (damaged,))
        elif spoil == "another format":  # written by another version of kg
            db.execute("PRAGMA user_version = 999")
    if spoil == "deleted":
        (folder / TEXTS_FILE).unlink()
    with open_store(folder, read_only=True) as store:
        assert [text for _, text in store.sorted_nquads()] == [truth]
    with open_store(folder, read_only=True) as store:  # kept again by the first reader
        assert store.texts.nquads(str(built.name), stated_digest(str(built.name), built.ntriples.encode())) == truth


def test_a_graph_loaded_behind_the_writers_back_is_not_served_from_an_old_text(tmp_path):
    """kg load bulk-loads N-Quads straight into the store: the text kept for the graph it
    replaced states another digest, so readers go to the store."""
    folder = tmp_path / "store"
    old, new = _built("a.txt"), _built("a.txt", "东昌路")
    with open_store(folder) as store:
        store.replace_ntriples(old.name, old.ntriples)
        store.ox.remove_graph(ox.NamedNode(str(old.name)))
        store.ox.bulk_load(new.ntriples, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(new.name)))
        [(_, text)] = store.sorted_nquads()
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
        assert [text for _, text in store.sorted_nquads()] == [truth]
        assert not (folder / TEXTS_FILE).exists()
    finally:
        release(store)


def test_kg_load_keeps_the_texts_of_graphs_an_export_holds_whole(tmp_path):
    from kg.export import export_rdf
    from kg.store.load import load_nquads

    first, second = _built("a.txt"), _built("b.txt", "东昌路")
    with open_store(tmp_path / "shard") as store:
        for built in (first, second):
            store.replace_ntriples(built.name, built.ntriples)
        nquads = export_rdf(store, "nquads")
    lines = nquads.splitlines(keepends=True)
    whole, shuffled = tmp_path / "whole.nq", tmp_path / "shuffled.nq"
    whole.write_text(nquads, encoding="utf-8")
    shuffled.write_text("".join(lines[1::2] + lines[::2]), encoding="utf-8")  # each graph's lines in two runs
    for source, kept in ((whole, {str(first.name), str(second.name)}), (shuffled, set())):
        folder = tmp_path / source.stem
        with open_store(folder) as store:
            load_nquads(store, [source])
            assert set(_kept(folder)) == kept
            assert export_rdf(store, "nquads") == nquads
