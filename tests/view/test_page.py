"""The page in headless Chromium: a report view's labels never overlap, clusters unfold, the
legends filter, the neighbours mode, the targets table; one screenshot per entry point."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from kg.view.html import write_view
from tests.view.conftest import screenshot

REPORT = "liaocheng-2023-gov-report-part.txt"

_LABELS = """return network.body.nodeIndices.filter(function (id) { return !network.body.nodes[id].options.hidden; })
  .map(function (id) {
    var n = network.body.nodes[id], s = n.labelModule.size;
    return {id: id, label: n.options.label || "", left: s.left, top: s.top, width: s.width, height: s.height};
  });"""


def _overlaps(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes (canvas units, as vis-network drew them) intersect."""
    drawn = [b for b in boxes if b["label"] and b["width"] > 0]
    return [(a["label"], b["label"]) for a, b in itertools.combinations(drawn, 2)
            if a["left"] < b["left"] + b["width"] and b["left"] < a["left"] + a["width"]
            and a["top"] < b["top"] + b["height"] and b["top"] < a["top"] + a["height"]]


@pytest.fixture(scope="module")
def pages(examples, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    return {"report": write_view(examples, folder / "report.html", report=REPORT).path,
            "agency": write_view(examples, folder / "agency.html", agency="城乡建设委员会").path,
            "place": write_view(examples, folder / "place.html", place="南运河").path}


def test_report_view_labels_do_not_overlap_at_default_zoom(pages, open_view):
    browser = open_view(pages["report"])
    boxes = browser.execute_script(_LABELS)
    assert len(boxes) > 20 and not _overlaps(boxes)
    scale = browser.execute_script("return network.getScale()")
    assert scale * 14 >= 5  # vis-network draws a label only from 5 px up: these are drawn
    folded = browser.execute_script("return KG.clusters.length")
    assert folded > 0 and len(boxes) < browser.execute_script("return KG.nodes.length")
    assert browser.execute_script("return network.physics.options.enabled") is False
    screenshot(browser, "view-report.png")


def test_report_view_clusters_unfold_on_click(pages, open_view):
    browser = open_view(pages["report"])
    head = browser.execute_script("return 'cluster:' + KG.clusters[0].head")
    before = browser.execute_script("return network.body.nodeIndices.length")
    x, y = browser.execute_script(
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]); return [p.x, p.y];", head)
    browser.execute_script(  # a click as vis-network's input handler reports it
        "network.body.emitter.emit('click', {nodes: [arguments[0]], edges: [], pointer: {DOM: {x: arguments[1], "
        "y: arguments[2]}}});", head, x, y)
    after = browser.execute_script("return network.body.nodeIndices.length")
    assert after > before and browser.execute_script("return network.body.nodes[arguments[0]] === undefined", head)
    browser.find_element("id", "kg-expand").click()
    assert browser.execute_script("return network.body.nodeIndices.length") == browser.execute_script(
        "return KG.nodes.length")
    browser.find_element("id", "kg-collapse").click()
    assert browser.execute_script("return network.body.nodeIndices.length") == before


def test_relationship_legend_filters_edges_and_says_what_it_hid(pages, open_view):
    browser = open_view(pages["agency"])
    legend = browser.execute_script(
        "return Array.from(document.querySelectorAll('#kg-relations label'))"
        ".map(function (l) { return l.textContent; })")
    assert any(entry.startswith("责任单位 responsible agency") for entry in legend)
    titles = browser.execute_script("return network.body.data.edges.get().map(function (e) { return e.rel + '|' + "
                                    "e.title.textContent; })")
    assert "RESPONSIBLE_AGENCY|责任单位 responsible agency" in titles  # the hover title names the edge
    browser.find_element("css selector", "#kg-relations input[data-rel='RESPONSIBLE_AGENCY']").click()
    hidden = browser.execute_script("return network.body.data.edges.get().filter(function (e) { return e.hidden; })"
                                    ".map(function (e) { return e.rel; })")
    assert hidden and set(hidden) == {"RESPONSIBLE_AGENCY"}
    assert browser.execute_script("return document.getElementById('kg-hidden').textContent") == (
        f"已隐藏 hidden: 0 节点 nodes, {len(hidden)} 边 edges")
    rows = browser.execute_script("return document.querySelectorAll('#kg-table tbody tr').length")
    targets = browser.execute_script("return KG.nodes.filter(function (n) { return n.kind === 'Target'; }).length")
    assert rows == targets > 0
    browser.find_element("css selector", "#kg-relations input[data-rel='RESPONSIBLE_AGENCY']").click()
    screenshot(browser, "view-agency.png")


def test_type_filter_hides_edges_with_the_nodes_and_unconnected_nodes_go(pages, open_view):
    browser = open_view(pages["place"])
    browser.find_element("css selector", "#kg-legend input[data-kind='Report']").click()
    counts = browser.execute_script(
        "var n = network.body.data.nodes.get().filter(function (x) { return x.hidden; }).length;"
        "var e = network.body.data.edges.get().filter(function (x) { return x.hidden; }).length; return [n, e];")
    assert counts[0] > 0 and counts[1] > 0
    assert browser.execute_script("return document.getElementById('kg-hidden').textContent") == (
        f"已隐藏 hidden: {counts[0]} 节点 nodes, {counts[1]} 边 edges")
    browser.find_element("css selector", "#kg-legend input[data-kind='Report']").click()
    browser.find_element("id", "kg-isolated").click()
    assert browser.execute_script("return document.getElementById('kg-hidden').textContent") == ""  # all linked
    browser.find_element("id", "kg-isolated").click()
    screenshot(browser, "view-place.png")


def test_neighbours_of_the_selection(pages, open_view):
    browser = open_view(pages["place"])
    target = browser.execute_script("return KG.nodes.filter(function (n) { return n.kind === 'Target'; })[0].id")
    browser.find_element("id", "kg-neighbours").click()
    browser.execute_script("network.selectNodes([arguments[0]]); network.body.emitter.emit('select', {});", target)
    shown = set(browser.execute_script(
        "return network.body.data.nodes.get().filter(function (n) { return !n.hidden; })"
        ".map(function (n) { return n.id; })"))
    near = set(browser.execute_script("return network.getConnectedNodes(arguments[0])", target))
    assert shown == near | {target}
    browser.find_element("id", "kg-neighbours").click()
    assert browser.execute_script("return network.body.data.nodes.get().every(function (n) { return !n.hidden; })")
