"""`proxygraph evidence`: every claim behind an edge, with its sentence and source."""

from __future__ import annotations

import json

import click

from proxygraph.cli.common import format_option
from proxygraph.cli.db import db_option, store_session
from proxygraph.cli.graph_output import evidence_text


@click.command("evidence")
@click.argument("edge")
@format_option(["text", "json"], "text: for reading; json: one JSON object per claim per line.")
@db_option
def evidence_command(edge: str, fmt: str, db: str) -> None:
    """Show every claim behind an edge: sentence, claimant, polarity, outlet and date.

    EDGE is an edge id as `proxygraph edges` prints it (a unique prefix will do).

    \b
    Examples:
      proxygraph evidence 2279c1539e55d8d3
      proxygraph evidence 2279c1 --format json
    """
    with store_session(db) as store:
        found = store.edge(edge)
        items = store.evidence(found.edge_id)
    if fmt == "json":
        for item in items:
            click.echo(json.dumps({"edge_id": found.edge_id, **item.to_dict()}, ensure_ascii=False))
    else:
        click.echo(evidence_text(found, items))
