"""The analyst brief: key actors, who backs whom, contested claims side by side, a network
picture, and every statement cited to its documents with the quoted evidence; as one
self-contained HTML page or as Markdown.

    from proxygraph.brief import write_brief
    from proxygraph.store import EdgeFilter, Store

    with Store("proxygraph.db") as store:
        write_brief(store, "brief.html", EdgeFilter(actor="RSF"))
"""

from __future__ import annotations

import sys
from dataclasses import astuple, fields
from pathlib import Path

from proxygraph.brief.html import render_html
from proxygraph.brief.markdown import render_markdown
from proxygraph.brief.model import Brief, build_brief
from proxygraph.brief.svg import network_svg
from proxygraph.errors import ExportError
from proxygraph.export.graph import load_graph
from proxygraph.kb.loader import KnowledgeBase
from proxygraph.store import EdgeFilter, Store

__all__ = ["Brief", "brief_format", "build_brief", "make_brief", "write_brief"]

FORMATS = ("html", "md")


def brief_format(target: str | Path, fmt: str | None = None) -> str:
    """html or md: fmt if given, else from the target's suffix (.md/.markdown: md)."""
    if fmt:
        return fmt
    return "md" if Path(str(target)).suffix.lower() in (".md", ".markdown") else "html"


def _scope(flt: EdgeFilter, actor_name: str | None) -> str:
    parts = []
    names = [f.name for f in fields(flt)]
    for name, value in zip(names, astuple(flt), strict=True):
        if value is None:
            continue
        if name == "actor":
            parts.append(f"edges of {actor_name or value}")
        elif name == "contested":
            parts.append("contested edges only" if value else "uncontested edges only")
        elif name == "min_independent":
            parts.append(f"at least {value} independent outlets")
        elif name == "since":
            parts.append(f"seen since {value}")
        elif name == "limit":
            parts.append(f"the {value} best corroborated edges")
        else:
            parts.append(f"{name.replace('_', ' ')} {value}")
    return "; ".join(parts) or "every edge in the store"


def make_brief(
    store: Store, flt: EdgeFilter | None = None, *, kb: KnowledgeBase | None = None
) -> Brief:
    """Read the edges matching a filter, with their evidence, into a Brief."""
    flt = flt or EdgeFilter()
    actor_name = store.actor(flt.actor).name if flt.actor else None
    graph = load_graph(store, flt, evidence=True, kb=kb)
    title = f"Brief: {actor_name}" if actor_name else "Claim graph brief"
    return build_brief(graph, title=title, scope=_scope(flt, actor_name), stats=store.stats())


def write_brief(
    store: Store,
    target: str | Path,
    flt: EdgeFilter | None = None,
    *,
    fmt: str | None = None,
    kb: KnowledgeBase | None = None,
) -> Brief:
    """Write a brief to target ("-" for stdout): HTML, or Markdown plus TARGET.svg beside it.

    store (Store): an open store.
    target (str | Path): brief.html or brief.md (the suffix picks the format), or "-".
    flt (EdgeFilter | None): which edges; None for all.
    fmt (str | None): "html" or "md", overriding the suffix.
    RETURNS (Brief): what was written.
    """
    fmt = brief_format(target, fmt)
    if fmt not in FORMATS:
        raise ExportError(f"unknown brief format {fmt!r}; one of {', '.join(FORMATS)}")
    brief = make_brief(store, flt, kb=kb)
    stdout = str(target) == "-"
    picture = None
    if fmt == "md" and not stdout:
        svg_path = Path(target).with_suffix(".svg")
        _write(svg_path, network_svg(brief) + "\n")
        picture = svg_path.name
    text = render_html(brief) if fmt == "html" else render_markdown(brief, picture=picture)
    if stdout:
        sys.stdout.write(text)
    else:
        _write(Path(target), text)
    return brief


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from exc
