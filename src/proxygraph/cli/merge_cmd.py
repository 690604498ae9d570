"""`proxygraph merge`: the analyst says two actors are one."""

from __future__ import annotations

import click

from proxygraph.cli.db import db_option, open_store
from proxygraph.cli.graph_output import actor_text
from proxygraph.errors import StoreError


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
    store = open_store(db)
    try:
        actor = store.merge(name, into)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(actor_text(actor))
