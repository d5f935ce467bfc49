// Draws a view of the vault's graph (/graph.json) with Cytoscape.js: nodes coloured by class and sized
// by their links, edges coloured by kind; filters by class, tag and kind of link. A click on a node
// opens its page, a right-click its neighbourhood.
(function () {
  "use strict";
  var box = document.getElementById("graph");
  var form = document.getElementById("graph-controls");
  var status = document.getElementById("graph-status");
  var focus = box.getAttribute("data-focus");
  var start = new URLSearchParams(location.search);
  var state = {
    classes: start.getAll("class"),
    kinds: start.getAll("kind"),
    tag: start.get("tag") || "",
    depth: start.get("depth") || "1",
    limit: start.get("limit") || ""
  };
  // Above this many nodes, only the first are laid out by forces and panning moves a picture of the graph.
  var MANY = 300;
  var cy = null;
  var controlsBuilt = false;
  var firstDrawMs = null;
  window.vaultgraphGraph = { cy: null, data: null, firstDrawMs: null, draws: 0 };

  function query() {
    var params = new URLSearchParams();
    if (focus) { params.set("focus", focus); params.set("depth", state.depth); }
    state.classes.forEach(function (c) { params.append("class", c); });
    state.kinds.forEach(function (k) { params.append("kind", k); });
    if (state.tag) params.set("tag", state.tag);
    if (state.limit) params.set("limit", state.limit);
    return params;
  }

  function load() {
    var params = query();
    var shown = new URLSearchParams(params);
    shown.delete("focus");
    history.replaceState(null, "", location.pathname + (shown.toString() ? "?" + shown : ""));
    status.textContent = "Loading the graph…";
    fetch("/graph.json?" + params, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) return response.text().then(function (t) { throw new Error(t); });
        return response.json();
      })
      .then(draw)
      .catch(function (e) { status.textContent = "The graph could not be loaded: " + e.message; });
  }

  function size(degree) {
    return Math.min(60, 10 + 5 * Math.sqrt(degree));
  }

  function elements(data) {
    var out = [];
    data.nodes.forEach(function (n) {
      out.push({ group: "nodes", data: {
        id: n.id, label: n.label, cls: n["class"], colour: n.colour, size: size(n.degree), degree: n.degree,
        distance: n.distance, href: n.href, graph: n.graph, focus: n.id === data.focus
      } });
    });
    data.edges.forEach(function (e) {
      out.push({ group: "edges", data: {
        id: e.id, source: e.source, target: e.target, kind: e.kind, colour: e.colour, width: 1 + Math.log(e.weight) * 1.5
      } });
    });
    return out;
  }

  function forces(n) {
    return { name: "cose", animate: false, fit: true, padding: 30, randomize: true, nodeDimensionsIncludeLabels: n <= 150,
      numIter: n <= 150 ? 1000 : 400, idealEdgeLength: function () { return 70; }, componentSpacing: 60,
      nodeRepulsion: function () { return 30000; } };
  }

  /**
   * Lays the nodes out. A note's view: the note in the middle, what it links with around it, what those
   * link with further out. The whole vault: a force layout, which costs the square of the nodes at each
   * step; beyond MANY nodes only MANY of them (hubs and what links most to them) are laid out by
   * forces, and each other node is put next to the nodes it links with.
   */
  function arrange(data) {
    if (data.focus) {
      cy.layout({ name: "concentric", animate: false, fit: true, padding: 30, minNodeSpacing: 40, avoidOverlap: true,
        nodeDimensionsIncludeLabels: true, spacingFactor: 1.1,
        concentric: function (node) { return 10 - node.data("distance"); }, levelWidth: function () { return 1; } }).run();
      return;
    }
    if (cy.nodes().length <= MANY) {
      cy.layout(forces(cy.nodes().length)).run();
      return;
    }
    // The most linked half of MANY (the view lists its nodes most linked first), then those with most links to them.
    var hubs = cy.nodes().slice(0, MANY / 2);
    var toHubs = {};
    hubs.connectedEdges().forEach(function (edge) {
      [edge.source(), edge.target()].forEach(function (end) {
        if (!hubs.contains(end)) toHubs[end.id()] = (toHubs[end.id()] || 0) + 1;
      });
    });
    var linked = cy.nodes().difference(hubs).sort(function (a, b) {
      return (toHubs[b.id()] || 0) - (toHubs[a.id()] || 0);
    }).slice(0, MANY / 2);
    var first = hubs.union(linked);
    // Of those, the ones linked among themselves; a lone hub goes next to what links to it, like the rest.
    var core = first.filter(function (node) { return node.edgesWith(first).length > 0; });
    core.union(core.edgesWith(core)).layout(forces(core.length)).run();
    placeNextToNeighbours(core);
    cy.fit(undefined, 30);
  }

  function placeNextToNeighbours(core) {
    var placed = {};
    core.forEach(function (node) { placed[node.id()] = true; });
    var box = core.boundingBox();
    var centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
    var outside = Math.max(box.w, box.h) / 2 + 120;
    var alone = 0;
    cy.batch(function () {
      // Nodes next to placed ones first, in a few rounds (a node may link only to one placed in this round).
      for (var round = 0; round < 3; round++) {
        cy.nodes().forEach(function (node) {
          if (placed[node.id()]) return;
          var around = node.neighborhood("node").filter(function (m) { return placed[m.id()]; });
          if (around.length === 0) return;
          var x = 0, y = 0;
          around.forEach(function (m) { x += m.position("x"); y += m.position("y"); });
          var angle = Math.random() * 2 * Math.PI, distance = 15 + Math.random() * 35;
          node.position({ x: x / around.length + distance * Math.cos(angle), y: y / around.length + distance * Math.sin(angle) });
          placed[node.id()] = true;
        });
      }
      // Linked to nothing shown: on a ring around the rest.
      cy.nodes().forEach(function (node) {
        if (placed[node.id()]) return;
        var turn = alone++ * 0.61803 * 2 * Math.PI;
        node.position({ x: centre.x + outside * Math.cos(turn), y: centre.y + outside * Math.sin(turn) });
      });
    });
  }

  var STYLE = [
    { selector: "node", style: {
      "background-color": "data(colour)", width: "data(size)", height: "data(size)", label: "data(label)",
      "font-size": 10, color: "#333", "text-valign": "bottom", "text-margin-y": 3, "min-zoomed-font-size": 7,
      "text-wrap": "ellipsis", "text-max-width": 140
    } },
    { selector: "node[?focus]", style: { "border-width": 3, "border-color": "#222" } },
    { selector: "node[cls = 'UnresolvedTarget']", style: { "border-width": 1, "border-style": "dashed", "border-color": "#777" } },
    { selector: "edge", style: {
      width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
      "target-arrow-shape": "triangle", "arrow-scale": 0.7, "curve-style": "straight", opacity: 0.75
    } }
  ];

  function draw(data) {
    window.vaultgraphGraph.data = data;
    if (!controlsBuilt) buildControls(data);
    if (!cy) {
      // With many nodes, panning and zooming move a picture of the graph and hide the edges until they stop.
      var many = data.nodes.length > MANY;
      cy = cytoscape({ container: box, elements: elements(data), style: STYLE, layout: { name: "preset" },
        minZoom: 0.05, maxZoom: 2, boxSelectionEnabled: false, textureOnViewport: many, hideEdgesOnViewport: many });
      cy.on("tap", "node", function (event) {
        var href = event.target.data("href");
        if (href && href.charAt(0) === "/") location.assign(href);
      });
      cy.on("cxttap", "node", function (event) {
        var graph = event.target.data("graph");
        if (graph && graph.charAt(0) === "/") location.assign(graph);
      });
      window.vaultgraphGraph.cy = cy;
    } else {
      cy.elements().remove();
      cy.add(elements(data));
    }
    arrange(data);
    cy.one("render", function () {
      if (firstDrawMs === null) firstDrawMs = Math.round(performance.now());
      window.vaultgraphGraph.firstDrawMs = firstDrawMs;
      window.vaultgraphGraph.draws += 1;
      describe(data);
    });
    cy.resize();
    cy.fit(undefined, 30);
  }

  function describe(data) {
    var what = data.focus ? "within " + data.depth + (data.depth === 1 ? " link" : " links") + " of the note"
      : "the most linked first";
    var text = "Showing " + data.nodes.length + " of " + data.matching + " nodes (" + what + "; the vault has "
      + data.total.nodes + " nodes and " + data.total.edges + " edges) and " + data.edges.length + " edges. "
      + "First drawn " + firstDrawMs + " ms after the page was opened. "
      + "Click a node to open its page, right-click to see its neighbourhood.";
    status.textContent = text;
  }

  function checkboxes(legend, items, chosen, line, onChange) {
    var set = document.createElement("fieldset");
    var title = document.createElement("legend");
    title.textContent = legend;
    set.appendChild(title);
    items.forEach(function (item) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = item.name;
      box.checked = chosen.length === 0 || chosen.indexOf(item.name) >= 0;
      box.addEventListener("change", function () { onChange(set); });
      var swatch = document.createElement("span");
      swatch.className = line ? "swatch line" : "swatch";
      if (item.colour) swatch.style.backgroundColor = item.colour;
      label.appendChild(box);
      label.appendChild(swatch);
      label.appendChild(document.createTextNode(item.name + " (" + item.count + ")"));
      set.appendChild(label);
    });
    return set;
  }

  /** The values checked, or none when all are (no filter). */
  function checked(set) {
    var boxes = Array.prototype.slice.call(set.querySelectorAll("input[type=checkbox]"));
    var on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    return on.length === boxes.length ? [] : on;
  }

  function anyChecked(set) {
    return set.querySelector("input[type=checkbox]:checked") !== null;
  }

  function buildControls(data) {
    controlsBuilt = true;
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.appendChild(checkboxes("Classes", data.classes, state.classes, false, function (set) {
      if (!anyChecked(set)) { status.textContent = "Choose at least one class."; return; }
      state.classes = checked(set);
      load();
    }));
    form.appendChild(checkboxes("Links", data.kinds, state.kinds, true, function (set) {
      if (!anyChecked(set)) { status.textContent = "Choose at least one kind of link."; return; }
      state.kinds = checked(set);
      load();
    }));
    var more = document.createElement("fieldset");
    var title = document.createElement("legend");
    title.textContent = "Show";
    more.appendChild(title);
    var tagLabel = document.createElement("label");
    tagLabel.textContent = "tag ";
    var tag = document.createElement("input");
    tag.type = "search";
    tag.name = "tag";
    tag.placeholder = "#tag";
    tag.value = state.tag;
    tag.setAttribute("list", "graph-tags");
    var tags = document.createElement("datalist");
    tags.id = "graph-tags";
    data.tags.forEach(function (t) {
      var option = document.createElement("option");
      option.value = t.name;
      option.textContent = t.name + " (" + t.count + ")";
      tags.appendChild(option);
    });
    tag.addEventListener("change", function () { state.tag = tag.value.replace(/^#/, ""); load(); });
    tagLabel.appendChild(tag);
    tagLabel.appendChild(tags);
    more.appendChild(tagLabel);
    if (focus) more.appendChild(select("depth ", "depth", [["1", "1 link"], ["2", "2 links"]], state.depth, function (v) {
      state.depth = v;
      load();
    }));
    more.appendChild(select("at most ", "limit", [["100", "100 nodes"], ["300", "300 nodes"], ["1000", "1,000 nodes"],
      ["2000", "2,000 nodes"]], state.limit || String(data.limit), function (v) { state.limit = v; load(); }));
    form.appendChild(more);
  }

  function select(text, name, options, value, onChange) {
    var label = document.createElement("label");
    label.textContent = text;
    var list = document.createElement("select");
    list.name = name;
    options.forEach(function (o) {
      var option = document.createElement("option");
      option.value = o[0];
      option.textContent = o[1];
      option.selected = o[0] === value;
      list.appendChild(option);
    });
    list.addEventListener("change", function () { onChange(list.value); });
    label.appendChild(list);
    return label;
  }

  load();
})();
