// Copies the front-end dependencies that `npm ci` installed into the Python package's
// static folder (src/proxygraph/web/static/vendor/, git-ignored), so that `proxygraph
// serve` needs no CDN and no network at run time. Run by `make setup` (npm run build).
import { copyFileSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "src", "proxygraph", "web", "static", "vendor");

// [file in node_modules, name under vendor/]
const FILES = [
  ["cytoscape/dist/cytoscape.min.js", "cytoscape.min.js"],
  ["cytoscape/LICENSE", "LICENSE.cytoscape"],
  ["leaflet/dist/leaflet.js", "leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet.css"],
  ["leaflet/LICENSE", "LICENSE.leaflet"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "LICENSE.topojson-client"],
  // Natural Earth country outlines (1:50m) as TopoJSON: the map's offline base layer.
  ["world-atlas/countries-50m.json", "countries-50m.json"],
  ["world-atlas/LICENSE", "LICENSE.world-atlas"],
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let bytes = 0;
for (const [from, to] of FILES) {
  const source = join(modules, from);
  copyFileSync(source, join(out, to));
  bytes += statSync(source).size;
}
console.log(`proxygraph web: ${FILES.length} files (${Math.round(bytes / 1024)} KiB) -> ${out}`);
