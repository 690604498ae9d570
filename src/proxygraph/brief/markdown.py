"""The brief as Markdown. Article text is untrusted: HTML is escaped (so a renderer shows it
as text) and Markdown punctuation is backslash-escaped; only http(s) URLs become links. The
network picture is a separate SVG file beside the Markdown, linked as an image."""

from __future__ import annotations

import re
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
from proxygraph.export.graph import GraphEdge

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~])")


def md(text: object) -> str:
    """Text safe in Markdown: one line, HTML escaped, Markdown punctuation escaped."""
    flat = " ".join(("" if text is None else str(text)).split())
    return _MD_SPECIAL.sub(r"\\\1", escape(flat, quote=False))


def _url(url: str) -> str:
    return "".join(f"%{ord(ch):02X}" if ch in ' "<>()[]`\\' else ch for ch in url)


def _link(url: str | None, text: str) -> str:
    if url and linkable(url):
        return f"[{md(text)}]({_url(url)})"
    return md(text)


def _cites(cites: list[Citation]) -> str:
    return " ".join(f"[\\[{c.number}\\]](#{c.anchor})" for c in cites)


def _edge_table(brief: Brief, items: list[GraphEdge], *, backing: bool) -> list[str]:
    head = "| Backer | Backed | Support " if backing else "| Claim "
    cols = 3 if backing else 1
    out = [head + "| Claims | Independent outlets | Asserted by | Denied by | Status | Sources |",
           "|" + "---|" * (cols + 6)]  # fmt: skip
    for item in items:
        e = item.edge
        first = (f"| {md(e.source)} | {md(e.target)} | {md(e.support_type)} " if backing
                 else f"| {md(statement(e))} ")  # fmt: skip
        out.append(
            f"{first}| {e.claims} | {e.independent_outlets} of {e.outlets} | "
            f"{md(', '.join(e.claimants)) or '–'} | {md(', '.join(e.deniers)) or '–'} | "
            f"{status(e)} | {_cites(brief.citations.get(e.edge_id, []))} |"
        )
    return [*out, ""]


def _claims(label: str, cites: list[Citation]) -> list[str]:
    out = [f"**{label}**", ""]
    if not cites:
        out += ["– none –", ""]
    for c in cites:
        ev = c.evidence
        out += [
            f"- {md(ev.claimant)} ({md(ev.modality)}; {md(ev.outlet)}, {md(ev.date or 'undated')})"
            f" {_cites([c])}",
            f"  > {md(ev.sentence)}",
        ]
    return [*out, ""]


def render_markdown(brief: Brief, *, picture: str | None = None) -> str:
    """The brief as Markdown; picture is the file name of the network SVG, if written."""
    out = [
        f"# {md(brief.title)}",
        "",
        f"Scope: {md(brief.scope)}. {len(brief.graph.nodes)} actors, "
        f"{len(brief.graph.edges)} edges, {len(brief.all_citations())} claims cited.",
        "",
        "> Every line below is a *claim* somebody made, not an established fact: each names "
        "who asserts it, who denies it, and cites the documents it was read in, with the "
        "sentence quoted. Independent outlets count syndicated copies of one story once.",
        "",
        "## Key actors",
        "",
        "| Actor | Type | Part of | Country | Connected actors | Edges | Also called |",
        "|---|---|---|---|---|---|---|",
    ]
    for k in brief.key_actors:
        a = k.node.actor
        out.append(
            f"| {md(a.name)} | {md(a.type)} | {md(a.part_of or '')} | {md(k.node.country or '')}"
            f" | {k.degree} | {k.edges} | {md(', '.join(a.aliases))} |"
        )
    out += ["", "## Network", ""]
    if picture:
        out += [f"![Network of claims]({_url(picture)})", ""]
    else:
        out += ["(The picture is in the HTML brief.)", ""]
    out += ["## Who backs whom", ""]
    out += (_edge_table(brief, brief.backing, backing=True) if brief.backing
            else ["No support claims in scope.", ""])  # fmt: skip
    out += ["## Contested claims", ""]
    if not brief.contested:
        out += ["No claim in scope is both asserted and denied.", ""]
    for item in brief.contested:
        cites = brief.citations.get(item.edge.edge_id, [])
        asserted, denied = sides(cites)
        out += [f"### {md(statement(item.edge))}", ""]
        out += _claims("Asserted by", asserted)
        out += _claims("Denied by", denied)
    out += ["## Other relations", ""]
    out += (_edge_table(brief, brief.other, backing=False) if brief.other
            else ["None in scope.", ""])  # fmt: skip
    out += ["## Sources", ""]
    for item in brief.graph.edges:
        for c in brief.citations.get(item.edge.edge_id, []):
            ev = c.evidence
            title = f", “{md(ev.title)}”" if ev.title else ""
            mention = f" (“{md(ev.claimant_mention)}”)" if quotable_mention(ev) else ""
            out += [
                f'<a id="{c.anchor}"></a>{c.number}\\. **{_link(ev.url, ev.outlet)}**, '
                f"{md(ev.date or 'undated')}{title} (doc {md(ev.doc_id)}). "
                f"{md(statement(item.edge))}: {md(ev.polarity)}, {md(ev.modality)}, by "
                f"{md(ev.claimant)}{mention}",
                "",
                f"> {md(ev.sentence)}",
                "",
            ]
    return "\n".join(out)
