// The network view: cytoscape draws the edges that /api/graph returns for the filters;
// a click on an edge (or its row) shows every claim behind it from /api/edges/{id}.
"use strict";

(function () {
  const pg = window.proxygraph;
  const el = pg.el;
  const form = document.getElementById("filters");
  const status = document.getElementById("status");
  const panel = document.getElementById("panel");
  const tableHolder = document.getElementById("edges-table");
  const container = document.getElementById("cy");

  // Colours come from the legend's swatches (app.css is their one definition).
  function legendColour(selector, property) {
    const node = document.querySelector(selector);
    return node ? getComputedStyle(node)[property] : "#888";
  }
  const typeColours = {};
  document.querySelectorAll("[data-type]").forEach((n) => {
    typeColours[n.getAttribute("data-type")] = getComputedStyle(n).backgroundColor;
  });
  const relationColours = {};
  document.querySelectorAll("[data-relation]").forEach((n) => {
    relationColours[n.getAttribute("data-relation")] = getComputedStyle(n).borderTopColor;
  });
  const ARROWS = {
    SUPPORTS: "triangle", OPPOSES: "tee", LEADS: "chevron", MEMBER_OF: "square",
    LOCATED_IN: "circle",
  };

  function params() {
    const out = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim() !== "") out.set(name, String(value).trim());
    }
    return out;
  }

  function edgeWidth(e) {
    return 1.5 + 2.2 * Math.log2(1 + e.independent_outlets);
  }

  function edgeStyle(e) {
    if (e.contested) return "dashed";
    if (e.affirmed === 0) return "dotted";
    return "solid";
  }

  function edgeMark(e) {
    if (e.contested) return "contested";
    if (e.affirmed === 0) return "denied";
    return "";
  }

  let cy = null;
  let loads = 0;
  function draw(graph) {
    const elements = [];
    for (const n of graph.nodes) {
      elements.push({ group: "nodes", data: { id: n.id, name: n.name, type: n.type, degree: n.degree,
        colour: typeColours[n.type] || "#888" } });
    }
    for (const e of graph.edges) {
      elements.push({ group: "edges", data: {
        id: e.edge_id, source: e.source_key, target: e.target_key, relation: e.relation,
        colour: relationColours[e.relation] || "#888", width: edgeWidth(e), style: edgeStyle(e),
        arrow: ARROWS[e.relation] || "none", mark: edgeMark(e),
      } });
    }
    if (typeof window.cytoscape !== "function") return;
    if (cy === null) {
      cy = window.cytoscape({
        container: container,
        minZoom: 0.2,
        maxZoom: 4,
        style: [
          { selector: "node", style: {
            "background-color": "data(colour)", label: "data(name)", "font-size": 14,
            color: "#1d2330", "text-valign": "bottom", "text-margin-y": 3,
            "text-background-color": "#fff", "text-background-opacity": 0.75,
            "text-background-padding": 1, width: "mapData(degree, 1, 12, 18, 42)",
            height: "mapData(degree, 1, 12, 18, 42)", "border-width": 1, "border-color": "#fff",
          } },
          { selector: "edge", style: {
            "line-color": "data(colour)", "target-arrow-color": "data(colour)",
            "target-arrow-shape": "data(arrow)", width: "data(width)", "line-style": "data(style)",
            "curve-style": "bezier", "arrow-scale": 0.9, opacity: 0.85, label: "data(mark)",
            "font-size": 9, color: "#b3261e", "text-rotation": "autorotate",
            "text-background-color": "#fff", "text-background-opacity": 0.8,
          } },
          { selector: "edge:selected", style: { opacity: 1, "overlay-color": "#2457a6",
            "overlay-opacity": 0.18, "overlay-padding": 4 } },
          { selector: "node:selected", style: { "border-width": 3, "border-color": "#2457a6" } },
        ],
      });
      cy.on("tap", "edge", (evt) => showEdge(evt.target.id()));
      cy.on("tap", "node", (evt) => showNode(evt.target.data()));
      pg.cy = cy;
    }
    cy.elements().remove();
    cy.add(elements);
    const layout = cy.layout({ name: "cose", animate: false, randomize: true, nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 60, nodeRepulsion: () => 6000, componentSpacing: 30, padding: 20 });
    layout.run();
    cy.fit(undefined, 30);
  }

  function table(edges) {
    const body = el("tbody");
    for (const e of edges) {
      const row = el("tr", { "data-edge": e.edge_id },
        el("td", {},
          el("a", { href: pg.actorHref(e.source_key) }, e.source), " ",
          el("span", { class: "rel rel-" + e.relation }, e.relation + (e.support_type ? ":" + e.support_type : "")), " ",
          el("a", { href: pg.actorHref(e.target_key) }, e.target),
          e.contested ? [" ", el("span", { class: "badge contested" }, "contested")] :
            e.affirmed === 0 ? [" ", el("span", { class: "badge denied" }, "denied")] : null),
        el("td", { class: "num" }, e.claims),
        el("td", { class: "num" }, e.outlets),
        el("td", { class: "num" }, e.independent_outlets),
        el("td", { class: "num" }, e.affirmed + "/" + e.denied),
        el("td", {}, (e.first_date || "undated") + (e.last_date && e.last_date !== e.first_date ? " – " + e.last_date : "")),
        el("td", {}, el("a", { href: "/edges/" + e.edge_id, class: "evidence-link" }, "evidence")));
      body.appendChild(row);
    }
    return el("table", { class: "edges" },
      el("caption", {}, "Edges, best corroborated first (click a line or a row for its evidence)"),
      el("thead", {}, el("tr", {}, ["edge", "claims", "outlets", "indep.", "aff./den.", "seen", ""].map((h) => el("th", {}, h)))),
      body);
  }

  async function load(push) {
    const query = params();
    document.body.setAttribute("data-graph", "loading");
    status.textContent = "Loading…";
    let graph;
    try {
      graph = await pg.getJSON("/api/graph?" + query.toString());
    } catch (err) {
      status.textContent = "Cannot show this: " + err.message;
      document.body.setAttribute("data-graph", "error");
      document.body.setAttribute("data-loads", String(++loads));
      return;
    }
    draw(graph);
    tableHolder.replaceChildren(table(graph.edges));
    const plural = (n, word) => n + " " + word + (n === 1 ? "" : "s");
    status.textContent = plural(graph.edges.length, "edge") + " between " + plural(graph.nodes.length, "actor") +
      (graph.truncated ? " (more match: narrow the filters)" : "") + ".";
    if (push) history.replaceState(null, "", "/?" + query.toString());
    document.body.setAttribute("data-graph", "ready");
    document.body.setAttribute("data-edges", String(graph.edges.length));
    document.body.setAttribute("data-loads", String(++loads));
  }

  function badge(text, cls) {
    return el("span", { class: "badge " + (cls || "") }, text);
  }

  async function showEdge(id) {
    panel.setAttribute("data-edge", "");
    panel.replaceChildren(el("h2", {}, "Evidence"), el("p", { class: "hint" }, "Loading…"));
    tableHolder.querySelectorAll("tr.selected").forEach((r) => r.classList.remove("selected"));
    const row = tableHolder.querySelector('tr[data-edge="' + id.replace(/[^0-9a-f]/g, "") + '"]');
    if (row) row.classList.add("selected");
    if (cy) { cy.elements().unselect(); cy.$id(id).select(); }
    let found;
    try {
      found = await pg.getJSON("/api/edges/" + encodeURIComponent(id));
    } catch (err) {
      panel.replaceChildren(el("h2", {}, "Evidence"), el("p", { class: "problem" }, err.message));
      return;
    }
    const e = found.edge;
    const items = found.evidence.map((c) => el("li", { class: "claim polarity-" + c.polarity },
      pg.sentence(c.sentence, c.highlights),
      el("p", { class: "claim-meta" },
        badge(c.polarity, "pol-" + c.polarity), " ", badge(c.modality),
        c.support_type ? [" ", badge(c.support_type.join(", "))] : null,
        " · by ", el("strong", { class: "claimant" }, c.claimant),
        c.claimant_mention && c.claimant_mention !== c.claimant ? " (“" + c.claimant_mention + "”)" : null,
        " · ", el("span", { class: "outlet" }, c.outlet), ", ", el("span", { class: "date" }, c.date || "undated")),
      el("p", { class: "links" },
        el("a", { href: "/documents/" + c.doc_key + "#claim-" + c.claim_id, class: "doc-link" }, "document: " + (c.title || c.doc_id)),
        c.url && pg.safeHref(c.url) ? [" · ", el("a", { href: c.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null)));
    panel.replaceChildren(
      el("h2", { class: "edge-title" },
        el("a", { href: pg.actorHref(e.source_key) }, e.source), " ",
        el("span", { class: "rel rel-" + e.relation }, e.relation + (e.support_type ? ":" + e.support_type : "")), " ",
        el("a", { href: pg.actorHref(e.target_key) }, e.target)),
      el("p", { class: "meta" },
        e.claims + " claims · " + e.outlets + " outlets, " + e.independent_outlets + " independent · " +
        e.affirmed + " affirmed, " + e.denied + " denied ",
        e.contested ? badge("contested", "contested") : null),
      el("p", { class: "meta" }, "asserted by: " + (e.claimants.join(", ") || "—")),
      e.deniers.length ? el("p", { class: "meta" }, "denied by: " + e.deniers.join(", ")) : null,
      el("p", {}, el("a", { href: "/edges/" + e.edge_id }, "edge page"), " · ",
        el("a", { href: "/timeline?actor=" + encodeURIComponent(e.source_key) }, "source over time")),
      el("ol", { class: "claims" }, items));
    panel.setAttribute("data-edge", e.edge_id);
  }

  function showNode(n) {
    panel.setAttribute("data-edge", "");
    panel.replaceChildren(
      el("h2", {}, el("span", { class: "swatch t-" + n.type }), n.name),
      el("p", { class: "meta" }, n.type + " · " + n.degree + " edges shown"),
      el("p", {}, el("a", { href: pg.actorHref(n.id) }, "actor page"), " · ",
        el("a", { href: "/?actor=" + encodeURIComponent(n.id) }, "only its edges")));
  }

  form.addEventListener("submit", (evt) => { evt.preventDefault(); load(true); });
  form.querySelectorAll("select").forEach((s) => s.addEventListener("change", () => load(true)));
  tableHolder.addEventListener("click", (evt) => {
    const target = evt.target;
    if (target.closest("a")) return;
    const row = target.closest("tr[data-edge]");
    if (row) showEdge(row.getAttribute("data-edge"));
  });
  pg.showEdge = showEdge;
  load(false);
})();
