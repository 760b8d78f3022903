"""The single-file HTML page of a view (a Jinja template kept as a string so it ships
with the package).

The page inlines vis-network's JS and CSS (from the pyvis package), so it works offline.
Graph data arrives as one JSON object (``tojson`` escapes ``<``, ``>``, ``&`` and ``'``);
the panel writes names with ``textContent`` only, and tooltips, already escaped HTML,
become DOM elements so vis-network never parses a string.
"""

from __future__ import annotations

__all__ = ["PAGE"]

PAGE = r"""<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg view">
<title>{{ title }}</title>
<style>{{ vis_css }}</style>
<script>{{ vis_js }}</script>
<style>
  html, body { margin: 0; height: 100%; font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC",
    "Microsoft YaHei", sans-serif; font-size: 13px; color: #222; }
  #kg-panel { position: absolute; top: 0; left: 0; bottom: 0; width: 270px; overflow-y: auto; padding: 10px 12px;
    box-sizing: border-box; background: #fafafa; border-right: 1px solid #ddd; z-index: 2; }
  #kg-network { position: absolute; top: 0; left: 270px; right: 0; bottom: 0; }
  #kg-panel h1 { font-size: 15px; margin: 0 0 6px; }
  #kg-panel h2 { font-size: 12px; margin: 12px 0 4px; color: #555; text-transform: uppercase; }
  #kg-message { background: #fff3cd; border: 1px solid #ffe08a; padding: 4px 6px; margin: 6px 0; }
  #kg-message:empty { display: none; }
  #kg-search, #kg-report { width: 100%; box-sizing: border-box; padding: 4px; }
  #kg-results { list-style: none; margin: 4px 0; padding: 0; max-height: 180px; overflow-y: auto; }
  #kg-results li { cursor: pointer; padding: 2px 4px; border-bottom: 1px solid #eee; }
  #kg-results li:hover { background: #e3f2fd; }
  .kg-legend label { display: flex; align-items: center; gap: 6px; padding: 1px 0; cursor: pointer; }
  .kg-swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid #0003; }
  .kg-swatch.dot, .kg-swatch.ellipse { border-radius: 50%; }
  .kg-swatch.diamond { transform: rotate(45deg) scale(.85); }
  .kg-swatch.triangle { clip-path: polygon(50% 0, 100% 100%, 0 100%); }
  .kg-swatch.triangleDown { clip-path: polygon(0 0, 100% 0, 50% 100%); }
  .kg-swatch.star { clip-path: polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%,
    2% 35%, 39% 35%); }
  .kg-swatch.hexagon { clip-path: polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%); }
  .kg-count { color: #888; margin-left: auto; }
  #kg-status { color: #666; margin-top: 8px; }
  div.vis-tooltip { white-space: normal; max-width: 420px; font-family: inherit; font-size: 12px; }
  .kg-tip-name { font-weight: bold; font-size: 13px; }
  .kg-tip-kind { color: #666; margin-bottom: 4px; }
  .kg-tip table { border-collapse: collapse; }
  .kg-tip th { text-align: left; color: #555; font-weight: normal; padding-right: 8px; vertical-align: top;
    white-space: nowrap; }
  .kg-tip-source { margin: 6px 0 0; padding-left: 6px; border-left: 3px solid #ffa000; color: #333; }
</style>
</head>
<body>
<div id="kg-panel">
  <h1 id="kg-title"></h1>
  <div id="kg-summary"></div>
  <div id="kg-message"></div>
  <h2>搜索 search</h2>
  <input id="kg-search" type="search" placeholder="名称 name…" autocomplete="off">
  <ul id="kg-results"></ul>
  <h2>报告 report</h2>
  <select id="kg-report"><option value="">全部报告 all reports</option></select>
  <h2>类型 types</h2>
  <div id="kg-legend" class="kg-legend"></div>
  <div id="kg-status">布局中 laying out…</div>
</div>
<div id="kg-network"></div>
<script>
"use strict";
var KG = {{ data|tojson }};
var network = null;
window.kgReady = false;
(function () {
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function tip(html) {
    var div = document.createElement("div");
    div.className = "kg-tip";
    div.innerHTML = html;  // escaped in Python: every value went through html.escape
    return div;
  }
  document.title = KG.title;
  document.getElementById("kg-title").textContent = KG.title;
  document.getElementById("kg-summary").textContent =
    KG.nodes.length + " 节点 nodes · " + KG.edges.length + " 边 edges";
  document.getElementById("kg-message").textContent = KG.message;

  var nodes = new vis.DataSet(KG.nodes.map(function (n) {
    var copy = Object.assign({}, n);
    copy.title = tip(n.title);
    return copy;
  }));
  var edges = new vis.DataSet(KG.edges.map(function (e) {
    var copy = Object.assign({}, e);
    copy.title = e.title ? el("div", e.title) : undefined;
    return copy;
  }));
  var container = document.getElementById("kg-network");
  network = new vis.Network(container, {nodes: nodes, edges: edges}, KG.options);
  window.network = network;

  var hiddenKinds = {};
  var report = "";
  function applyFilters() {
    var changes = [];
    KG.nodes.forEach(function (n) {
      var hidden = !!hiddenKinds[n.kind] || (report !== "" && n.reports.indexOf(report) < 0);
      changes.push({id: n.id, hidden: hidden});
    });
    nodes.update(changes);
  }

  var legend = document.getElementById("kg-legend");
  KG.legend.forEach(function (item) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.kind = item.kind;
    box.addEventListener("change", function () { hiddenKinds[item.kind] = !box.checked; applyFilters(); });
    var swatch = el("span", undefined, "kg-swatch " + item.shape);
    swatch.style.background = item.colour;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(el("span", item.zh + " " + item.kind));
    label.appendChild(el("span", String(item.count), "kg-count"));
    legend.appendChild(label);
  });

  var select = document.getElementById("kg-report");
  KG.reports.forEach(function (name) {
    var option = el("option", name);
    option.value = name;
    select.appendChild(option);
  });
  select.addEventListener("change", function () { report = select.value; applyFilters(); });

  var search = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  function show(id) {
    network.selectNodes([id]);
    network.focus(id, {scale: 1.3, animation: {duration: 400}});
  }
  function matches(text) {
    var q = text.trim().toLowerCase();
    if (!q) return [];
    return KG.nodes.filter(function (n) { return n.name.toLowerCase().indexOf(q) >= 0; });
  }
  search.addEventListener("input", function () {
    results.replaceChildren();
    matches(search.value).slice(0, 50).forEach(function (n) {
      var li = el("li", n.name + "（" + n.kind + "）");
      li.addEventListener("click", function () { show(n.id); });
      results.appendChild(li);
    });
  });
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var ids = matches(search.value).map(function (n) { return n.id; });
    if (ids.length) { network.selectNodes(ids); network.fit({nodes: ids, animation: {duration: 400}}); }
  });

  var status = document.getElementById("kg-status");
  function ready() {
    if (window.kgReady) return;
    network.setOptions({physics: false});
    window.kgReady = true;
    status.textContent = "就绪 ready";
    if (KG.focus.length) network.selectNodes(KG.focus);
  }
  network.on("stabilizationProgress", function (p) {
    status.textContent = "布局中 laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", ready);
  network.once("stabilized", ready);
  if (!KG.options.physics.enabled || KG.nodes.length === 0) ready();
})();
</script>
</body>
</html>
"""
