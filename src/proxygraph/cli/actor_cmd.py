"""`proxygraph actor`: one actor of the claim graph and its edges."""

from __future__ import annotations

import json

import click

from proxygraph.cli.common import format_option
from proxygraph.cli.db import db_option, store_session
from proxygraph.cli.graph_output import actor_text, edges_table


@click.command("actor")
@click.argument("name")
@format_option(["text", "json"], "text: the actor and its edges; json: the actor as one object.")
@db_option
def actor_command(name: str, fmt: str, db: str) -> None:
    """Show an actor: canonical name, type, aliases seen, part_of, places, degree, edges.

    NAME is a canonical name, an alias seen in the documents, a KB id or an actor key.

    \b
    Examples:
      proxygraph actor RSF
      proxygraph actor "Quds Force" --format json
    """
    with store_session(db) as store:
        actor = store.actor(name)
        edges = store.edges(actor=actor.key)
    if fmt == "json":
        click.echo(json.dumps(actor.to_dict(), ensure_ascii=False))
    else:
        click.echo(actor_text(actor) + "\n\n" + edges_table(edges))
