// The map: Natural Earth country outlines (world-atlas TopoJSON, served from this
// machine) as the only base layer, and a circle per geocoded place from /api/places.
"use strict";

(function () {
  const pg = window.proxygraph;
  const el = pg.el;
  const map = window.L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 9, zoomSnap: 0.5 });
  map.setView([20, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country outlines: Natural Earth via world-atlas");

  pg.getJSON("/static/vendor/countries-50m.json").then((topo) => {
    const countries = window.topojson.feature(topo, topo.objects.countries);
    window.L.geoJSON(countries, {
      interactive: false,
      style: { color: "#8a94a6", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(map).bringToBack();
    document.body.setAttribute("data-basemap", "ready");
  });

  function popup(p) {
    return el("div", { class: "popup" },
      el("h3", {}, p.name),
      el("p", { class: "meta" }, (p.admin_path.length ? p.admin_path.join(" › ") : p.country_code || "") +
        " · " + p.mentions + " mentions in " + p.documents + " documents"),
      p.surfaces.length ? el("p", { class: "meta" }, "written as: " + p.surfaces.join(", ")) : null,
      el("ul", {}, p.document_list.map((d) => el("li", {},
        el("a", { href: "/documents/" + d.doc_key }, d.title), " ",
        el("span", { class: "meta" }, d.outlet + ", " + (d.date || "undated"))))));
  }

  pg.getJSON("/api/places").then((places) => {
    const markers = [];
    for (const p of places) {
      const marker = window.L.circleMarker([p.lat, p.lon], {
        radius: 4 + 2.5 * Math.sqrt(p.mentions), color: "#8b1e16", weight: 1,
        fillColor: "#c0392b", fillOpacity: 0.6,
      });
      marker.bindPopup(popup(p));
      marker.bindTooltip(el("span", {}, p.name + " (" + p.mentions + ")"));
      marker.addTo(map);
      markers.push(marker);
    }
    if (markers.length) {
      map.fitBounds(window.L.featureGroup(markers).getBounds().pad(0.4), { maxZoom: 6, animate: false });
    }
    pg.map = map;
    pg.markers = markers;
    document.body.setAttribute("data-places", String(markers.length));
  }).catch((err) => {
    document.getElementById("map").before(el("p", { class: "problem" }, "Cannot load the places: " + err.message));
  });
})();
