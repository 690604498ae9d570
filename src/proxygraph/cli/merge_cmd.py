"""`proxygraph merge`: the analyst says two actors are one."""

from __future__ import annotations

import click

from proxygraph.cli.db import db_option, store_session
from proxygraph.cli.graph_output import actor_text


@click.command("merge")
@click.argument("name")
@click.argument("into")
@db_option
def merge_command(name: str, into: str, db: str) -> None:
    """Merge actor NAME into actor INTO: INTO keeps its name and type, NAME becomes one of
    its aliases, and every claim and edge of NAME moves to INTO.

    Later loads resolve NAME to INTO too. Names are as for `proxygraph actor`; give an
    actor key (e.g. "name:ARMED_GROUP:the group") when a name is ambiguous.

    \b
    Examples:
      proxygraph merge "Wagner Group" "Africa Corps"
      proxygraph merge "name:PERSON:hemedti" "Mohamed Hamdan Dagalo"
    """
    with store_session(db) as store:
        actor = store.merge(name, into)
    click.echo(actor_text(actor))
