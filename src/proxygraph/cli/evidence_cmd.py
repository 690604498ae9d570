"""`proxygraph evidence`: every claim behind an edge, with its sentence and source."""

from __future__ import annotations

import json

import click

from proxygraph.cli.db import db_option, open_store
from proxygraph.cli.graph_output import evidence_text
from proxygraph.errors import StoreError


@click.command("evidence")
@click.argument("edge")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: for reading; json: one JSON object per claim per line.",
)
@db_option
def evidence_command(edge: str, fmt: str, db: str) -> None:
    """Show every claim behind an edge: sentence, claimant, polarity, outlet and date.

    EDGE is an edge id as `proxygraph edges` prints it (a unique prefix will do).

    \b
    Examples:
      proxygraph evidence 2279c1539e55d8d3
      proxygraph evidence 2279c1 --format json
    """
    store = open_store(db)
    try:
        found = store.edge(edge)
        items = store.evidence(found.edge_id)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    if fmt == "json":
        for item in items:
            click.echo(json.dumps({"edge_id": found.edge_id, **item.to_dict()}, ensure_ascii=False))
    else:
        click.echo(evidence_text(found, items))
