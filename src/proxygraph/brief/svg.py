"""The network picture: an inline SVG laid out with networkx's spring layout (seeded, so
the same graph gives the same picture). No script, no external resource; every label
escaped."""

from __future__ import annotations

import math
from html import escape

import networkx as nx

from proxygraph.brief.model import Brief, is_symmetric, statement, status

WIDTH, HEIGHT, MARGIN = 960, 640, 70
TYPE_COLOURS: dict[str, str] = {
    "STATE": "#1f77b4",
    "STATE_AGENCY": "#6baed6",
    "ARMED_GROUP": "#d62728",
    "POLITICAL_ORG": "#9467bd",
    "INTERNATIONAL_ORG": "#2ca02c",
    "PERSON": "#ff7f0e",
    "LOCATION": "#8c8c8c",
}
RELATION_COLOURS: dict[str, str] = {
    "SUPPORTS": "#2b8a3e",
    "FIGHTS": "#c92a2a",
    "OPPOSES": "#e8590c",
    "COOPERATES_WITH": "#1971c2",
    "MEETS_WITH": "#5f3dc4",
}
DEFAULT_COLOUR = "#868e96"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def packed_layout(graph: nx.Graph[str]) -> dict[str, tuple[float, float]]:
    """Positions in [0, 1]²: each connected component laid out on its own (spring layout,
    seeded) in a square sized by its node count, the squares packed in rows, biggest first,
    so that small components do not drift to the corners."""
    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    boxes: list[tuple[set[str], float]] = [(c, math.sqrt(len(c))) for c in parts]
    row_width = max(max(size for _, size in boxes),
                    math.sqrt(sum(size * size for _, size in boxes)) * 1.5)  # fmt: skip
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes, size in boxes:
        if x > 0 and x + size > row_width + 1e-9:
            x, y, row_height = 0.0, y + row_height, 0.0
        sub = graph.subgraph(nodes)
        if len(nodes) == 1:
            local = {next(iter(nodes)): (0.5, 0.5)}
        else:
            raw = nx.spring_layout(sub, seed=7, iterations=200)
            xs = [p[0] for p in raw.values()]
            ys = [p[1] for p in raw.values()]
            sx, sy = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
            local = {k: (0.1 + 0.8 * (p[0] - min(xs)) / sx, 0.1 + 0.8 * (p[1] - min(ys)) / sy)
                     for k, p in raw.items()}  # fmt: skip
        for key, (lx, ly) in local.items():
            placed[key] = (x + lx * size, y + ly * size)
        x += size
        row_height = max(row_height, size)
    total_w = max(p[0] for p in placed.values()) or 1.0
    total_h = max(p[1] for p in placed.values()) or 1.0
    scale = max(total_w, total_h * WIDTH / HEIGHT) or 1.0
    return {k: (px / scale, py / scale * WIDTH / HEIGHT) for k, (px, py) in placed.items()}


def network_svg(brief: Brief, *, max_nodes: int = 40) -> str:
    """An SVG drawing of the brief's graph, the max_nodes busiest actors at most."""
    keep = {k.node.key for k in brief.key_actors}
    if len(keep) < max_nodes:
        ranked = sorted(brief.graph.nodes, key=lambda n: (-n.actor.degree, n.actor.name))
        for node in ranked:
            if len(keep) >= max_nodes:
                break
            keep.add(node.key)
    nodes = [n for n in brief.graph.nodes if n.key in keep]
    edges = [e.edge for e in brief.graph.edges
             if e.edge.source_key in keep and e.edge.target_key in keep]  # fmt: skip
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(n.key for n in nodes)
    graph.add_edges_from((e.source_key, e.target_key) for e in edges)
    if not nodes:
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="80" '
                'role="img"><text x="20" y="40">No edges to draw.</text></svg>')  # fmt: skip
    pos = packed_layout(graph)

    def at(key: str) -> tuple[float, float]:
        x, y = pos[key]
        return MARGIN + x * (WIDTH - 2 * MARGIN), MARGIN + y * (HEIGHT - 2 * MARGIN)

    degree = dict(graph.degree())
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="Network of claims">',
        "<defs>",
    ]
    for name, colour in [*RELATION_COLOURS.items(), ("OTHER", DEFAULT_COLOUR)]:
        parts.append(
            f'<marker id="arrow-{name}" viewBox="0 0 10 10" refX="10" refY="5" '
            f'markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto">'
            f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{colour}"/></marker>'
        )
    parts.append("</defs>")
    for e in edges:
        (x1, y1), (x2, y2) = at(e.source_key), at(e.target_key)
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        r2 = 6 + 2 * min(degree.get(e.target_key, 0), 6) + 2
        x2, y2 = x2 - (x2 - x1) * r2 / length, y2 - (y2 - y1) * r2 / length
        colour = RELATION_COLOURS.get(e.relation, DEFAULT_COLOUR)
        marker = "" if is_symmetric(e) else (
            f' marker-end="url(#arrow-{e.relation if e.relation in RELATION_COLOURS else "OTHER"})"'
        )
        dash = ' stroke-dasharray="6 4"' if e.contested else ""
        width = 1.2 + min(e.independent_outlets, 6) * 0.6
        tip = f"{statement(e)}: {status(e)}; {e.independent_outlets} independent outlets"
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-width="{width:.1f}"{dash}{marker}><title>{_e(tip)}</title></line>'
        )
    for n in nodes:
        x, y = at(n.key)
        r = 6 + 2 * min(degree.get(n.key, 0), 6)
        colour = TYPE_COLOURS.get(n.actor.type, DEFAULT_COLOUR)
        half = 3.3 * len(n.actor.name)  # about half the label's width at 12px
        anchor = "end" if x + half > WIDTH - 4 else "start" if x - half < 4 else "middle"
        parts.append(
            f'<g><circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}" stroke="#fff" '
            f'stroke-width="1.5"><title>{_e(n.actor.name)} ({_e(n.actor.type)})</title></circle>'
            f'<text x="{x:.1f}" y="{y + r + 13:.1f}" text-anchor="{anchor}" font-size="12" '
            f'font-family="sans-serif" fill="#212529" stroke="#fff" stroke-width="3" '
            f'paint-order="stroke">{_e(n.actor.name)}</text></g>'
        )
    legend_y = HEIGHT - 16
    x = 10
    for name, colour in RELATION_COLOURS.items():
        parts.append(f'<rect x="{x}" y="{legend_y - 9}" width="14" height="4" fill="{colour}"/>'
                     f'<text x="{x + 18}" y="{legend_y - 4}" font-size="11" '
                     f'font-family="sans-serif">{_e(name)}</text>')  # fmt: skip
        x += 30 + 7 * len(name)
    parts.append(f'<text x="{x}" y="{legend_y - 4}" font-size="11" font-family="sans-serif">'
                 "dashed: contested; thickness: independent outlets</text>")  # fmt: skip
    parts.append("</svg>")
    return "\n".join(parts)
