"""The HTML view: one offline file, escaped data, and what a browser actually shows."""

from __future__ import annotations

import json
import re
from html import escape

import pytest

from kg.store import open_store
from kg.view.html import write_view
from tests.analyse.graphs import EVIL_ATTR, EVIL_IMG, EVIL_SCRIPT, EVIL_SENTENCE, evil_report
from tests.view.conftest import screenshot

REMOTE = re.compile(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", re.IGNORECASE)


ENTRIES = {
    "whole": {"types": ["Report", "Agency", "Target", "Place", "Section"]},
    "report": {"report": "evil.txt"},
    "agency": {"agency": "生态局"},
    "place": {"place": EVIL_ATTR},
    "focus": {"focus": "生态局", "depth": 2},
}
"""Every way into a view, each on the hostile report."""


@pytest.fixture(scope="module", params=sorted(ENTRIES))
def evil_page(request, tmp_path_factory):
    path = tmp_path_factory.mktemp("evil") / f"evil-{request.param}.html"
    with open_store(memory=True) as store:
        evil_report(store)
        write_view(store, path, **ENTRIES[request.param])
    return path


def test_page_is_one_offline_file(examples, tmp_path):
    result = write_view(examples, tmp_path / "all.html")
    html = result.path.read_text(encoding="utf-8")
    assert not REMOTE.search(html)
    assert "<script src" not in html and "<link" not in html
    assert "vis.Network" in html and len(html) > 400_000  # vis-network is inlined
    assert "聊城市生态环境局" in html  # Chinese kept as text, not \u escapes


def test_data_is_escaped_in_the_file(evil_page):
    html = evil_page.read_text(encoding="utf-8")
    for raw in (EVIL_SCRIPT, EVIL_IMG, EVIL_ATTR, "</script><script>window.__pwned", 'onmouseover="window',
                "<b>section</b>"):
        assert raw not in html
    data = re.search(r"^var KG = (.*);$", html, re.MULTILINE)
    assert data and "<" not in data.group(1) and ">" not in data.group(1)  # tojson escapes them
    assert "\\u0026lt;script\\u0026gt;" in html  # tooltips hold escaped HTML (& itself escaped by tojson)


def test_evil_names_reach_the_page_only_escaped(evil_page):
    """Every tooltip of the store-selected view is escaped HTML: the hostile names and the
    source sentence are there, as text."""
    html = evil_page.read_text(encoding="utf-8")
    data = json.loads(re.search(r"^var KG = (.*);$", html, re.MULTILINE).group(1))
    titles = " ".join(node["title"] for node in data["nodes"])
    assert escape(EVIL_SCRIPT) in titles and escape(EVIL_IMG) in titles and escape(EVIL_ATTR) in titles
    assert escape(EVIL_SENTENCE)[:60] in titles
    assert "<script" not in titles and "<img" not in titles and '" onmouseover' not in titles
    assert {node["name"] for node in data["nodes"]} >= {f"坏市{EVIL_SCRIPT}", EVIL_ATTR, EVIL_IMG}


def test_evil_report_shows_text_and_runs_nothing(evil_page, open_view):
    from selenium.webdriver.common.action_chains import ActionChains

    browser = open_view(evil_page)
    names = browser.execute_script("return network.body.data.nodes.get().map(function (n) { return n.name; })")
    assert f"坏市{EVIL_SCRIPT}" in names and EVIL_ATTR in names and EVIL_IMG in names
    labels = browser.execute_script("return network.body.data.nodes.get().map(function (n) { return n.label; })")
    assert EVIL_ATTR[:15] in {label[:15] for label in labels}
    tip = browser.execute_script(
        "var n = network.body.data.nodes.get().filter(function (n) { return n.kind === 'Target'; })[0];"
        "return [n.title.textContent, n.title.querySelectorAll('script, img, [onmouseover]').length];")
    assert EVIL_IMG in tip[0] and EVIL_SENTENCE[:40] in tip[0] and tip[1] == 0

    # hover every node so vis-network shows each tooltip, and type into the search box
    canvas = browser.find_element("css selector", "#kg-network canvas")
    for node_id in browser.execute_script("return network.body.data.nodes.getIds()"):
        x, y = browser.execute_script(
            "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
            "var c = document.querySelector('#kg-network canvas');"
            "return [p.x - c.clientWidth / 2, p.y - c.clientHeight / 2];", node_id)
        ActionChains(browser).move_to_element_with_offset(canvas, int(x), int(y)).pause(0.3).perform()
        shown = browser.execute_script("var t = document.querySelector('div.vis-tooltip');"
                                       "return t && t.style.visibility !== 'hidden' ? t.textContent : '';")
        assert shown, f"no tooltip over {node_id}"
    cells = browser.execute_script(
        "return Array.from(document.querySelectorAll('#kg-table td')).map(function (td) { return td.textContent; })")
    if "whole" not in evil_page.name and "focus" not in evil_page.name:  # the entry points list the targets
        assert "整治目标" in " ".join(cells) or "<i>x</i>" in cells
    search = browser.find_element("id", "kg-search")
    search.send_keys("script")
    results = browser.execute_script(
        "return Array.from(document.querySelectorAll('#kg-results li')).map(function (li) { return li.textContent; })")
    assert any(EVIL_SCRIPT in r for r in results)
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.execute_script("return document.querySelectorAll('img, [onmouseover]').length") == 0
    screenshot(browser, f"view-escaping-{evil_page.stem.removeprefix('evil-')}.png")


def test_focus_view_in_browser(examples, tmp_path, open_view):
    result = write_view(examples, tmp_path / "focus.html", focus="生态环境局", depth=2)
    browser = open_view(result.path)
    nodes = browser.execute_script(  # titles are DOM elements: return plain fields only
        "return network.body.data.nodes.get().map(function (n) {"
        "  return {name: n.name, kind: n.kind, shape: n.shape, label: n.label}; })")
    by_name = {n["name"]: n for n in nodes}
    assert {"XX市生态环境局", "聊城市生态环境局"} <= set(by_name)
    assert by_name["XX市生态环境局"]["kind"] == "Agency" and by_name["XX市生态环境局"]["shape"] == "diamond"
    assert len(nodes) == result.nodes
    assert browser.execute_script("return network.physics.options.enabled") is False  # settled, then stopped
    legend = browser.execute_script(
        "return Array.from(document.querySelectorAll('#kg-legend label')).map(function (l) { return l.textContent; })")
    assert any(entry.startswith("部门 Agency") for entry in legend)

    # filter by type: unticking Target hides every target
    browser.find_element("css selector", "#kg-legend input[data-kind='Target']").click()
    hidden = browser.execute_script(
        "return network.body.data.nodes.get().filter(function (n) { return n.kind === 'Target'; })"
        ".every(function (n) { return n.hidden === true; })")
    assert hidden
    screenshot(browser, "view-focus.png")


def test_cut_view_says_what_it_left_out(examples, tmp_path, open_view):
    result = write_view(examples, tmp_path / "cut.html", types=["Agency", "Place", "Report"], max_nodes=100)
    browser = open_view(result.path)
    assert browser.execute_script("return network.body.data.nodes.length") == 100
    message = browser.execute_script("return document.getElementById('kg-message').textContent")
    assert message.startswith("showing 100 nodes: the 95 named by most reports; left out the rest")
    screenshot(browser, "view-cut.png")
