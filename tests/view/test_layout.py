"""Layouts computed in Python: a tree with a row per leaf and a column per depth, and a radial forest."""

from __future__ import annotations

import itertools

from kg.view.layout import COLUMN, ROW, forest_positions, tree_positions

TREE = {"r": ["a", "b", "c"], "a": ["a1", "a2"], "b": ["b1"], "b1": ["b11", "b12", "b13"]}


def test_tree_has_a_column_per_depth_and_a_row_per_leaf():
    at = tree_positions(["r"], TREE)
    assert at["r"][0] == 0 and at["a"][0] == COLUMN and at["b11"][0] == 3 * COLUMN
    leaves = ["a1", "a2", "b11", "b12", "b13", "c"]
    assert [at[leaf][1] for leaf in leaves] == [i * ROW for i in range(6)]
    assert at["a"][1] == ROW / 2 and at["b1"][1] == 3 * ROW  # a parent sits midway between its children
    for (n, p), (m, q) in itertools.combinations(at.items(), 2):  # same column: at least a row apart
        assert p[0] != q[0] or abs(p[1] - q[1]) >= ROW, (n, m)


def test_folded_members_sit_beside_their_head_and_free_their_rows():
    at = tree_positions(["r"], TREE, clusters={"b1": ["b11", "b12", "b13"]})
    assert at["c"][1] == 3 * ROW  # a2 on row 1, b1 (folded) on row 2, c on 3
    assert all(at[m][0] > at["b1"][0] for m in ("b11", "b12", "b13"))
    assert sorted({at[m][1] for m in ("b11", "b12", "b13")})[1] == at["b1"][1]  # centred on the head


def test_tree_survives_cycles_and_strays():
    at = tree_positions(["x"], {"x": ["y"], "y": ["x", "z"]}, others=["x", "y", "z", "loose"])
    assert set(at) == {"x", "y", "z", "loose"}
    assert at["loose"][1] > max(at[n][1] for n in "xyz")


def test_spans_give_big_leaves_more_room():
    at = tree_positions(["r"], {"r": ["a", "b"]}, spans={"a": 2.0})
    assert at["b"][1] - at["a"][1] == 1.5 * ROW


def test_forest_places_every_node_apart_and_deterministically():
    nodes = [f"n{i}" for i in range(30)]
    edges = [(f"n{i}", "E", f"n{i // 3}") for i in range(1, 20)] + [("n25", "E", "n26")]
    first = forest_positions(nodes, edges, roots=["n0"])
    assert first == forest_positions(nodes, edges, roots=["n0"]) and set(first) == set(nodes)
    assert first["n0"] != first["n1"]
    for (_, p), (_, q) in itertools.combinations(first.items(), 2):
        assert (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 > 1.0
