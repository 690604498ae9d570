"""`proxygraph brief`: an analyst brief of the claim graph, as HTML or Markdown."""

from __future__ import annotations

from typing import Any

import click

from proxygraph.cli.common import kb_option, load_kb_dirs
from proxygraph.cli.db import db_option, store_session
from proxygraph.cli.export_cmd import edge_filter, graph_filter_options
from proxygraph.errors import ExportError, StoreError


@click.command("brief")
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    help="brief.html (one self-contained page) or brief.md (Markdown, with the network "
    "picture as brief.svg beside it); - for stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md"]),
    help="Override the format the suffix of -o implies (needed with -o -; default html).",
)
@graph_filter_options
@kb_option
@db_option
def brief_command(output: str, fmt: str | None, kb_dirs: tuple[str, ...], db: str,
                  **filters: Any) -> None:  # fmt: skip
    """Write an analyst brief, readable offline: the key actors, who backs whom (support
    types, independent outlets), contested claims side by side (who asserts, who denies),
    a network picture, and every statement cited to its documents with the quoted
    evidence.

    The filters select edges as in `proxygraph edges`; --actor makes a brief on one actor.
    Article text is escaped; the HTML has no script and loads nothing.

    \b
    Examples:
      proxygraph brief -o brief.html
      proxygraph brief --actor "Rapid Support Forces" -o rsf.md
      proxygraph brief --relation SUPPORTS --min-independent 2 -o backing.html
    """
    from proxygraph.brief import write_brief

    flt = edge_filter(**filters)
    kb = load_kb_dirs(kb_dirs)
    with store_session(db, errors=(StoreError, ExportError)) as store:
        brief = write_brief(store, output, flt, fmt=fmt, kb=kb)
    click.echo(
        f"proxygraph: brief: {len(brief.graph.edges)} edges, {len(brief.all_citations())} "
        f"claims cited -> {'stdout' if output == '-' else output}",
        err=True,
    )
