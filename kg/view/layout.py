"""Node positions computed in Python, so a page opens laid out and still (no physics to wait for).

Two layouts, both deterministic:

- :func:`tree_positions`, for views with a skeleton (a report's sections, an agency's
  reports): a left-to-right tidy tree where every visible leaf has its own row and every
  depth its own column, so no two labels share a place as long as a label is shorter than
  a column and lower than a row. Nodes folded into a cluster get a block of rows of their
  own to the right of the cluster's node, where they appear when it unfolds.
- :func:`forest_positions`, for any other view: a breadth-first spanning forest of the
  edges, each tree drawn radially (a subtree's angle proportional to its leaves), the
  trees packed in rows, largest first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["COLUMN", "ROW", "forest_positions", "tree_positions"]

COLUMN = 300.0
"""Horizontal distance between tree depths (canvas units): wider than a short label."""

ROW = 40.0
"""Vertical distance between leaf rows: higher than a label line."""

Position = tuple[float, float]


def _rows(root: str, children: Mapping[str, Sequence[str]], hidden: set[str], out: dict[str, Position],
          depth: int, row: float, *, column: float = COLUMN, step: float = ROW,
          spans: Mapping[str, float] | None = None) -> float:
    """Lay ``root``'s visible subtree out from ``row``; return the next free row.

    Depth first without recursion (a deep skeleton never hits Python's limit); a node met
    twice keeps its first place, so a graph that is not quite a tree still lays out.
    """
    kids: dict[str, list[str]] = {}
    done: dict[str, int] = {}
    stack = [(root, depth)]
    while stack:
        node, level = stack[-1]
        if node not in kids:
            kids[node] = [k for k in children.get(node, ()) if k not in hidden and k not in out and k not in kids]
            done[node] = 0
        if done[node] < len(kids[node]):
            kid = kids[node][done[node]]
            done[node] += 1
            if kid not in kids and kid not in out:
                stack.append((kid, level + 1))
            continue
        stack.pop()
        placed = [out[k][1] for k in kids[node] if k in out]
        if placed:
            out[node] = (level * column, (min(placed) + max(placed)) / 2)
        else:
            span = (spans or {}).get(node, 1.0)
            out[node] = (level * column, (row + (span - 1) / 2) * step)
            row += span
    return row


def tree_positions(roots: Sequence[str], children: Mapping[str, Sequence[str]], *,
                   clusters: Mapping[str, Sequence[str]] | None = None, others: Iterable[str] = (),
                   spans: Mapping[str, float] | None = None) -> dict[str, Position]:
    """Positions of a tree (or forest) drawn left to right; ``clusters`` (node -> folded nodes)
    are drawn folded, their members in rows of their own beside the node; ``others`` (nodes
    outside the tree) go in a grid under it. ``spans`` gives a leaf more than one row (a big
    shape with its label under it)."""
    clusters = clusters or {}
    hidden = {m for members in clusters.values() for m in members}
    out: dict[str, Position] = {}
    row = 0.0
    for root in roots:
        if root not in out:
            row = _rows(root, children, hidden, out, 0, row, spans=spans)
    for head, members in clusters.items():
        if head not in out:
            continue
        inner = set(members)
        sub = {n: [k for k in kids if k in inner] for n, kids in children.items() if n == head or n in inner}
        local: dict[str, Position] = {}
        _rows(head, sub, set(), local, 0, 0.0, column=COLUMN * 0.8, step=ROW * 0.8)
        loose = [m for m in members if m not in local]
        for i, member in enumerate(loose):
            local[member] = (COLUMN * 0.8, (len(local) + i) * ROW * 0.8)
        hx, hy = out[head]
        middle = (min(y for _, y in local.values()) + max(y for _, y in local.values())) / 2
        for member in members:
            x, y = local[member]
            out.setdefault(member, (hx + x + COLUMN * 0.5, hy + y - middle))
    rest = [n for n in others if n not in out]
    width = max(1, math.ceil(math.sqrt(len(rest))))
    top = (row + 1) * ROW
    for i, node in enumerate(rest):
        out[node] = ((i % width) * COLUMN, top + (i // width) * ROW)
    return out


def forest_positions(nodes: Sequence[str], edges: Iterable[tuple[str, str, str]], *,
                     roots: Sequence[str] = (), spacing: float = 90.0) -> dict[str, Position]:
    """Radial positions of a breadth-first spanning forest of ``edges`` over ``nodes``.

    Each tree starts at a node of ``roots`` if it holds one, else at its best-connected
    node; rings are ``spacing`` apart, and a ring's radius grows with its node count so
    neighbours on a ring stay ``spacing`` apart too.
    """
    near: dict[str, list[str]] = {n: [] for n in nodes}
    for source, _, target in edges:
        if source in near and target in near and source != target:
            near[source].append(target)
            near[target].append(source)
    order = {n: i for i, n in enumerate(nodes)}
    starts = [r for r in roots if r in near] + sorted(nodes, key=lambda n: (-len(near[n]), order[n]))
    parent: dict[str, str | None] = {}
    trees: list[list[str]] = []
    for start in starts:
        if start in parent:
            continue
        parent[start] = None
        tree, head = [start], 0
        while head < len(tree):
            node = tree[head]
            head += 1
            for other in sorted(set(near[node]), key=order.__getitem__):
                if other not in parent:
                    parent[other] = node
                    tree.append(other)
        trees.append(tree)
    out: dict[str, Position] = {}
    placed = [(_radial(tree, parent, spacing), len(tree)) for tree in trees]
    placed.sort(key=lambda item: -item[1])
    row_width = max(spacing * 12, math.sqrt(sum(_extent(p) ** 2 for p, _ in placed)) * 1.2)
    x = y = row_height = 0.0
    for positions, _ in placed:
        size = _extent(positions)
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        for node, (px, py) in positions.items():
            out[node] = (x + size / 2 + px, y + size / 2 + py)
        x += size + spacing
        row_height = max(row_height, size)
    return out


def _extent(positions: Mapping[str, Position]) -> float:
    """Diameter of a radially laid-out tree centred on the origin."""
    return 2 * max((math.hypot(x, y) for x, y in positions.values()), default=0.0) + 1.0


def _radial(tree: list[str], parent: Mapping[str, str | None], spacing: float) -> dict[str, Position]:
    """A tree (in breadth-first order) around its root: each subtree gets an angle proportional to its leaves."""
    kids: dict[str, list[str]] = {n: [] for n in tree}
    depth = {tree[0]: 0}
    for node in tree[1:]:
        up = parent[node]
        assert up is not None
        kids[up].append(node)
        depth[node] = depth[up] + 1
    leaves = {n: 0 for n in tree}
    for node in reversed(tree):
        leaves[node] = max(1, sum(leaves[k] for k in kids[node]))
    ring_size: dict[int, int] = {}
    for level in depth.values():
        ring_size[level] = ring_size.get(level, 0) + 1
    radius = {0: 0.0}
    for level in sorted(ring_size)[1:]:
        radius[level] = max(radius[level - 1] + spacing, ring_size[level] * spacing / (2 * math.pi))
    out: dict[str, Position] = {}
    span = {tree[0]: (0.0, 2 * math.pi)}
    for node in tree:
        start, end = span[node]
        angle = (start + end) / 2
        out[node] = (radius[depth[node]] * math.cos(angle), radius[depth[node]] * math.sin(angle))
        cursor = start
        for kid in kids[node]:
            share = (end - start) * leaves[kid] / leaves[node]
            span[kid] = (cursor, cursor + share)
            cursor += share
    return out
