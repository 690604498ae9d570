"""The brief as one self-contained HTML page: inline CSS and SVG, no script, no external
resource. All text comes from articles and is untrusted: everything is escaped, and only
http(s) URLs become links."""

from __future__ import annotations

from html import escape

from proxygraph.brief.model import (
    Brief,
    Citation,
    linkable,
    quotable_mention,
    sides,
    statement,
    status,
)
from proxygraph.brief.svg import network_svg
from proxygraph.export.graph import GraphEdge

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#212529;
 max-width:1100px;margin:2em auto;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em} h2{border-bottom:1px solid #dee2e6;padding-bottom:.2em;
 margin-top:1.8em} .meta{color:#6c757d} .note{background:#fff9db;padding:.6em .9em;
 border-left:4px solid #fab005}
table{border-collapse:collapse;width:100%;margin:.6em 0} th,td{border:1px solid #dee2e6;
 padding:.35em .5em;vertical-align:top;text-align:left} th{background:#f1f3f5}
.num{text-align:right} .contested{color:#c92a2a;font-weight:600} .denied{color:#e8590c}
.side{width:50%} blockquote{margin:.3em 0 .6em;padding-left:.8em;border-left:3px solid #ced4da;
 color:#343a40} ol.sources li{margin-bottom:.6em} a.cite{text-decoration:none}
figure{margin:1em 0} figcaption{color:#6c757d;font-size:.9em} svg{max-width:100%;height:auto;
 border:1px solid #dee2e6;background:#fcfcfc}
"""


def _e(text: object) -> str:
    return escape("" if text is None else str(text), quote=True)


def _link(url: str | None, text: str) -> str:
    if url and linkable(url):
        return f'<a href="{_e(url)}" rel="noopener noreferrer nofollow">{_e(text)}</a>'
    return _e(text)


def _cites(cites: list[Citation]) -> str:
    return " ".join(f'<a class="cite" href="#{c.anchor}">[{c.number}]</a>' for c in cites)


def _status(item: GraphEdge) -> str:
    s = status(item.edge)
    return f'<span class="{s}">{s}</span>' if s != "asserted" else s


def _edge_table(brief: Brief, items: list[GraphEdge], *, backing: bool) -> list[str]:
    head = ("<tr><th>Backer</th><th>Backed</th><th>Support</th>" if backing
            else "<tr><th>Claim</th>")  # fmt: skip
    out = ["<table>", head + "<th>Claims</th><th>Independent outlets</th><th>Asserted by</th>"
           "<th>Denied by</th><th>Status</th><th>Seen</th><th>Sources</th></tr>"]  # fmt: skip
    for item in items:
        e = item.edge
        first = (f"<td>{_e(e.source)}</td><td>{_e(e.target)}</td><td>{_e(e.support_type)}</td>"
                 if backing else f"<td>{_e(statement(e))}</td>")  # fmt: skip
        seen = " – ".join(dict.fromkeys(d for d in (e.first_date, e.last_date) if d)) or "undated"
        out.append(
            f'<tr id="e-{_e(e.edge_id)}">{first}<td class="num">{e.claims}</td>'
            f'<td class="num">{e.independent_outlets} of {e.outlets}</td>'
            f"<td>{_e(', '.join(e.claimants)) or '–'}</td>"
            f"<td>{_e(', '.join(e.deniers)) or '–'}</td>"
            f"<td>{_status(item)}</td><td>{_e(seen)}</td>"
            f"<td>{_cites(brief.citations.get(e.edge_id, []))}</td></tr>"
        )
    out.append("</table>")
    return out


def _claim_cell(cites: list[Citation]) -> str:
    if not cites:
        return "<td class=\"side\">–</td>"
    parts = []
    for c in cites:
        ev = c.evidence
        parts.append(
            f"<p><strong>{_e(ev.claimant)}</strong> ({_e(ev.modality)}; {_e(ev.outlet)}, "
            f"{_e(ev.date or 'undated')}) <a class=\"cite\" href=\"#{c.anchor}\">[{c.number}]</a>"
            f"</p><blockquote>{_e(' '.join(ev.sentence.split()))}</blockquote>"
        )
    return f'<td class="side">{"".join(parts)}</td>'


def render_html(brief: Brief) -> str:
    """The brief as an HTML document (a string)."""
    stats = brief.stats
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(brief.title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(brief.title)}</h1>",
        f'<p class="meta">Scope: {_e(brief.scope)}. {len(brief.graph.nodes)} actors, '
        f"{len(brief.graph.edges)} edges, {len(brief.all_citations())} claims cited"
        + (f"; store: {stats.get('documents', 0)} documents, {stats.get('claims', 0)} claims"
           if stats else "") + ".</p>",  # fmt: skip
        '<p class="note">Every line below is a <em>claim</em> somebody made, not an established '
        "fact: each names who asserts it, who denies it, and cites the documents it was read in, "
        "with the sentence quoted. Independent outlets count syndicated copies of one story "
        "once.</p>",
        "<h2>Key actors</h2>",
        "<table><tr><th>Actor</th><th>Type</th><th>Part of</th><th>Country</th>"
        "<th>Connected actors</th><th>Edges</th><th>Also called</th></tr>",
    ]
    for k in brief.key_actors:
        a = k.node.actor
        out.append(
            f"<tr><td>{_e(a.name)}</td><td>{_e(a.type)}</td><td>{_e(a.part_of or '')}</td>"
            f"<td>{_e(k.node.country or '')}</td><td class=\"num\">{k.degree}</td>"
            f"<td class=\"num\">{k.edges}</td><td>{_e(', '.join(a.aliases))}</td></tr>"
        )
    out.append("</table>")
    out += [
        "<h2>Network</h2><figure>",
        network_svg(brief),
        "<figcaption>Actors (colour by type, size by connections) and claims between them "
        "(colour by relation; arrows point from the actor said to act; dashed lines are "
        "contested). Hover for details.</figcaption></figure>",
        "<h2>Who backs whom</h2>",
    ]
    if brief.backing:
        out += _edge_table(brief, brief.backing, backing=True)
    else:
        out.append("<p>No support claims in scope.</p>")
    out.append("<h2>Contested claims</h2>")
    if not brief.contested:
        out.append("<p>No claim in scope is both asserted and denied.</p>")
    for item in brief.contested:
        e = item.edge
        cites = brief.citations.get(e.edge_id, [])
        asserted, denied = sides(cites)
        out += [
            f"<h3>{_e(statement(e))}</h3>",
            '<table><tr><th class="side">Asserted by</th><th class="side">Denied by</th></tr>',
            f"<tr>{_claim_cell(asserted)}{_claim_cell(denied)}</tr></table>",
        ]
    out.append("<h2>Other relations</h2>")
    if brief.other:
        out += _edge_table(brief, brief.other, backing=False)
    else:
        out.append("<p>None in scope.</p>")
    out += ["<h2>Sources</h2>", '<ol class="sources">']
    for item in brief.graph.edges:
        for c in brief.citations.get(item.edge.edge_id, []):
            ev = c.evidence
            title = f"“{ev.title}”" if ev.title else ""
            out.append(
                f'<li id="{c.anchor}" value="{c.number}">'
                f"<strong>{_link(ev.url, ev.outlet)}</strong>, {_e(ev.date or 'undated')}, "
                f"{_e(title)} (doc {_e(ev.doc_id)}). "
                f"{_e(statement(item.edge))}: {_e(ev.polarity)}, {_e(ev.modality)}, by "
                f"{_e(ev.claimant)}"
                + (f" (“{_e(ev.claimant_mention)}”)" if quotable_mention(ev) else "")
                + f"<blockquote>{_e(' '.join(ev.sentence.split()))}</blockquote></li>"
            )
    out += ["</ol>", "</body></html>", ""]
    return "\n".join(out)
