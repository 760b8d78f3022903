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
  body.kg-with-table #kg-network { right: 400px; }
  #kg-table { position: absolute; top: 0; right: 0; bottom: 0; width: 400px; overflow: auto; padding: 8px 10px;
    box-sizing: border-box; background: #fafafa; border-left: 1px solid #ddd; z-index: 2; display: none; }
  body.kg-with-table #kg-table { display: block; }
  #kg-table h2 { font-size: 12px; margin: 4px 0 6px; color: #555; }
  #kg-table table { border-collapse: collapse; width: 100%; font-size: 12px; }
  #kg-table th { position: sticky; top: 0; background: #eee; text-align: left; padding: 3px 4px; font-weight: normal;
    color: #444; }
  #kg-table td { padding: 3px 4px; border-bottom: 1px solid #e5e5e5; vertical-align: top; }
  #kg-table tbody tr { cursor: pointer; }
  #kg-table tbody tr:hover { background: #e3f2fd; }
  .kg-line { display: inline-block; width: 22px; height: 0; border-top: 2px solid; }
  .kg-line.dashed { border-top-style: dashed; }
  #kg-controls label { display: flex; align-items: center; gap: 6px; padding: 1px 0; cursor: pointer; }
  #kg-controls button { margin: 2px 4px 2px 0; font-size: 12px; }
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
  <h2>关系 relationships</h2>
  <div id="kg-relations" class="kg-legend"></div>
  <h2>显示 show</h2>
  <div id="kg-controls">
    <label><input type="checkbox" id="kg-neighbours"> 只看所选节点及其邻居 neighbours of the selection</label>
    <label><input type="checkbox" id="kg-isolated"> 隐藏无连线节点 hide unconnected nodes</label>
    <div id="kg-cluster-buttons"><button id="kg-expand" type="button">全部展开 expand all</button><button
      id="kg-collapse" type="button">全部折叠 collapse all</button></div>
  </div>
  <div id="kg-hidden"></div>
  <div id="kg-status">布局中 laying out…</div>
</div>
<div id="kg-network"></div>
<div id="kg-table"><h2 id="kg-table-title"></h2><table><thead><tr id="kg-table-head"></tr></thead>
  <tbody id="kg-table-body"></tbody></table></div>
<script>
"use strict";
performance.mark("kg-data");
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
  var edges = new vis.DataSet(KG.edges.map(function (e, i) {
    e.id = "e" + i;
    var copy = Object.assign({}, e);
    copy.title = e.title ? el("div", e.title) : undefined;
    return copy;
  }));
  if (KG.table) document.body.classList.add("kg-with-table");  // before drawing: the network fits its box
  var container = document.getElementById("kg-network");
  performance.mark("kg-datasets");
  network = new vis.Network(container, {nodes: nodes, edges: edges}, KG.options);
  performance.mark("kg-network");
  window.network = network;

  var hiddenKinds = {};
  var hiddenRelations = {};
  var report = "";
  var neighbours = document.getElementById("kg-neighbours");
  var isolated = document.getElementById("kg-isolated");
  var kindOf = {};
  KG.nodes.forEach(function (n) { kindOf[n.id] = n.kind; });
  function applyFilters() {
    var keep = {};
    KG.nodes.forEach(function (n) {
      keep[n.id] = !hiddenKinds[n.kind] && (report === "" || n.reports.indexOf(report) >= 0);
    });
    var selected = network.getSelectedNodes();
    if (neighbours.checked && selected.length) {
      var near = {};
      selected.forEach(function (id) {
        near[id] = true;
        var inside = folded(id) ? network.getNodesInCluster(id) : [id];
        inside.forEach(function (member) { near[member] = true; });
        network.getConnectedNodes(id).forEach(function (other) {
          near[other] = true;
          if (folded(other)) network.getNodesInCluster(other).forEach(function (m) { near[m] = true; });
        });
        inside.forEach(function (member) {
          edges.get({filter: function (e) { return e.from === member || e.to === member; }}).forEach(function (e) {
            near[e.from] = true; near[e.to] = true;
          });
        });
      });
      KG.nodes.forEach(function (n) { if (!near[n.id]) keep[n.id] = false; });
    }
    var edgeShown = {};
    var degree = {};
    KG.edges.forEach(function (e) {
      var shown = keep[e.from] && keep[e.to] && !hiddenRelations[e.rel];
      edgeShown[e.id] = shown;
      if (shown) { degree[e.from] = (degree[e.from] || 0) + 1; degree[e.to] = (degree[e.to] || 0) + 1; }
    });
    if (isolated.checked) {
      KG.nodes.forEach(function (n) { if (!degree[n.id] && KG.focus.indexOf(n.id) < 0) keep[n.id] = false; });
    }
    var hiddenNodes = 0, hiddenEdges = 0;
    nodes.update(KG.nodes.map(function (n) {
      if (!keep[n.id]) hiddenNodes += 1;
      return {id: n.id, hidden: !keep[n.id]};
    }));
    edges.update(KG.edges.map(function (e) {
      var hide = !edgeShown[e.id];
      if (hide) hiddenEdges += 1;
      return {id: e.id, hidden: hide};
    }));
    document.getElementById("kg-hidden").textContent = hiddenNodes || hiddenEdges
      ? "已隐藏 hidden: " + hiddenNodes + " 节点 nodes, " + hiddenEdges + " 边 edges" : "";
  }
  neighbours.addEventListener("change", applyFilters);
  isolated.addEventListener("change", applyFilters);
  network.on("select", function () { if (neighbours.checked) applyFilters(); });

  function legendRow(box, mark, text, count) {
    // one legend line: its checkbox, its swatch or line, its name and how many it counts
    var label = el("label");
    label.appendChild(box);
    label.appendChild(mark);
    label.appendChild(el("span", text));
    label.appendChild(el("span", String(count), "kg-count"));
    return label;
  }

  function filterBox(key, value, hidden) {
    // a legend checkbox that hides (unchecked) or shows the nodes or edges of one kind
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset[key] = value;
    box.addEventListener("change", function () { hidden[value] = !box.checked; applyFilters(); });
    return box;
  }

  var legend = document.getElementById("kg-legend");
  KG.legend.forEach(function (item) {
    var swatch = el("span", undefined, "kg-swatch " + item.shape);
    swatch.style.background = item.colour;
    legend.appendChild(legendRow(filterBox("kind", item.kind, hiddenKinds), swatch, item.zh + " " + item.kind,
                                 item.count));
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
    reveal(id);
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

  var relations = document.getElementById("kg-relations");
  KG.relations.forEach(function (item) {
    var line = el("span", undefined, "kg-line" + (item.dashes ? " dashed" : ""));
    line.style.borderTopColor = item.colour;
    relations.appendChild(legendRow(filterBox("rel", item.type, hiddenRelations), line, item.zh + " " + item.en,
                                    item.count));
  });

  var byId = {};
  KG.nodes.forEach(function (n) { byId[n.id] = n; });
  function fold(item, refresh) {
    var head = byId[item.head];
    network.cluster({
      joinCondition: function (n) { return n.id === item.head || n.cluster === item.head; },
      clusterNodeProperties: {id: "cluster:" + item.head, label: item.label, shape: head.shape, color: head.color,
        size: head.size, borderWidth: 2, borderWidthSelected: 3, x: head.x, y: head.y, kind: head.kind,
        name: head.name, reports: head.reports, title: tip(head.title), shapeProperties: {borderDashes: [4, 2]}}
    }, refresh);
  }
  function folded(id) { return network.body.nodes[id] !== undefined && network.isCluster(id); }
  function foldAll() {  // one data refresh for all the clusters, not one per cluster (200 clusters: 38 s)
    KG.clusters.forEach(function (item) { if (!folded("cluster:" + item.head)) fold(item, false); });
    network.body.emitter.emit("_dataChanged");
  }
  function unfoldAll() {
    KG.clusters.forEach(function (item) {
      if (folded("cluster:" + item.head)) network.openCluster("cluster:" + item.head);
    });
  }
  function reveal(id) {
    var path = network.findNode(id);
    for (var i = 0; i < path.length - 1; i++) {
      if (folded(path[i])) network.openCluster(path[i]);
    }
  }
  network.on("click", function (params) {
    if (params.nodes.length === 1 && folded(params.nodes[0])) network.openCluster(params.nodes[0]);
  });
  document.getElementById("kg-expand").addEventListener("click", unfoldAll);
  document.getElementById("kg-collapse").addEventListener("click", foldAll);
  if (!KG.clusters.length) document.getElementById("kg-cluster-buttons").style.display = "none";

  if (KG.table) {
    document.getElementById("kg-table-title").textContent =
      "目标 targets (" + KG.table.rows.length + ")";
    var reportsInTable = {};
    KG.table.rows.forEach(function (row) { reportsInTable[row.report] = true; });
    var columns = KG.table.columns.filter(function (c) {  // one report: its name on every row says nothing
      return c.key !== "report" || Object.keys(reportsInTable).length > 1;
    });
    var headRow = document.getElementById("kg-table-head");
    columns.forEach(function (c) { headRow.appendChild(el("th", c.title)); });
    var body = document.getElementById("kg-table-body");
    KG.table.rows.forEach(function (row) {
      var tr = el("tr");
      tr.dataset.id = row.id;
      columns.forEach(function (c) { tr.appendChild(el("td", row[c.key])); });
      tr.addEventListener("click", function () { reveal(row.id); show(row.id); });
      body.appendChild(tr);
    });
  }

  var status = document.getElementById("kg-status");
  function ready() {
    if (window.kgReady) return;
    window.kgReady = true;
    performance.mark("kg-ready");
    status.textContent = "就绪 ready";
    var focus = KG.focus.filter(function (id) { return network.findNode(id).length === 1; });
    if (focus.length) network.selectNodes(focus);
  }
  foldAll();
  network.fit({nodes: network.body.nodeIndices.slice()});
  network.moveTo({scale: network.getScale() * 0.85});  // fit frames the shapes: leave room for their labels
  network.once("afterDrawing", ready);
  network.redraw();
})();
</script>
</body>
</html>
"""
