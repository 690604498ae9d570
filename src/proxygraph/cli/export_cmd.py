"""`proxygraph export`: the claim graph as GraphML, GEXF, CSV, JSON Lines or FtM entities."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import click

from proxygraph.cli.common import kb_option, load_kb_dirs
from proxygraph.cli.db import db_option, store_session
from proxygraph.errors import ExportError, StoreError
from proxygraph.export import export, exporter_names
from proxygraph.export.base import STDOUT
from proxygraph.store import EdgeFilter

F = TypeVar("F", bound=Callable[..., Any])


def graph_filter_options(func: F) -> F:
    """The edge filters of `edges`, for export and brief: --actor ... --limit."""
    options = [
        click.option("--actor", metavar="NAME",
                     help="Only edges from or to this actor (name, alias, KB id)."),
        click.option("--relation", metavar="R", help="Only this relation, e.g. SUPPORTS."),
        click.option("--support-type", metavar="T", help="Only this support type, e.g. weapons."),
        click.option("--contested", is_flag=True,
                     help="Only edges one side asserts and another denies."),
        click.option("--min-independent", type=click.IntRange(0), metavar="N",
                     help="Only edges reported by at least N independent outlets."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
                     help="Only edges last seen on or after DATE (YYYY-MM-DD)."),
        click.option("--limit", type=click.IntRange(1), metavar="N",
                     help="At most N edges, the best corroborated first."),
    ]  # fmt: skip
    for option in reversed(options):
        func = option(func)
    return func


def edge_filter(
    *,
    actor: str | None,
    relation: str | None,
    support_type: str | None,
    contested: bool,
    min_independent: int | None,
    since: datetime | None,
    limit: int | None,
) -> EdgeFilter:
    """The EdgeFilter of graph_filter_options' values."""
    return EdgeFilter(
        actor=actor,
        relation=relation,
        support_type=support_type,
        contested=True if contested else None,
        min_independent=min_independent,
        since=since.strftime("%Y-%m-%d") if since is not None else None,
        limit=limit,
    )


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(exporter_names()),
    required=True,
    help="graphml, gexf (Gephi), csv (nodes.csv + edges.csv), jsonl (nodes and edges with "
    "evidence), ftm (FollowTheMoney entities for Aleph; needs proxygraph[ftm]).",
)
@click.option(
    "-o",
    "--output",
    default=STDOUT,
    show_default=True,
    metavar="FILE",
    help="Output file, - for stdout; for csv a folder (DIR/) or a prefix (PREFIX.nodes.csv, "
    "PREFIX.edges.csv).",
)
@graph_filter_options
@kb_option
@db_option
def export_command(fmt: str, output: str, kb_dirs: tuple[str, ...], db: str,
                   **filters: Any) -> None:  # fmt: skip
    """Export the claim graph: actors as nodes, edges with their counts, claimants,
    deniers and dates as typed attributes.

    Filters select edges as in `proxygraph edges`; the actors at their ends are the
    nodes. A summary line goes to stderr.

    \b
    Examples:
      proxygraph export --format graphml -o graph.graphml
      proxygraph export --format gexf --relation SUPPORTS --min-independent 2 -o backing.gexf
      proxygraph export --format csv -o tables/            # tables/nodes.csv, tables/edges.csv
      proxygraph export --format jsonl --actor RSF > rsf.jsonl
      proxygraph export --format ftm -o entities.ftm.json  # then: ftm validate, Aleph
    """
    flt = edge_filter(**filters)
    kb = load_kb_dirs(kb_dirs)
    with store_session(db, errors=(StoreError, ExportError)) as store:
        graph = export(store, fmt, output, flt, kb=kb)
    where = "stdout" if output == STDOUT else output
    click.echo(
        f"proxygraph: {fmt}: {len(graph.nodes)} nodes, {len(graph.edges)} edges -> {where}",
        err=True,
    )
