"""`proxygraph edges`: the aggregated claim graph, filtered."""

from __future__ import annotations

import click

from proxygraph.cli.common import format_option
from proxygraph.cli.db import db_option, store_session
from proxygraph.cli.graph_output import edges_csv, edges_jsonl, edges_table
from proxygraph.store import EdgeFilter


@click.command("edges")
@click.option(
    "--actor", metavar="NAME", help="Only edges from or to this actor (name, alias, KB id)."
)
@click.option("--relation", metavar="R", help="Only this relation, e.g. SUPPORTS.")
@click.option("--support-type", metavar="T", help="Only this support type, e.g. weapons.")
@click.option("--contested", is_flag=True, help="Only edges one side asserts and another denies.")
@click.option(
    "--min-independent",
    type=click.IntRange(0),
    metavar="N",
    help="Only edges reported by at least N independent outlets.",
)
@click.option(
    "--since", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
    help="Only edges last seen on or after DATE (YYYY-MM-DD).",
)  # fmt: skip
@click.option("--limit", type=click.IntRange(1), metavar="N", help="At most N edges.")
@format_option(
    ["table", "json", "csv"],
    "table: for reading; json: one JSON object per edge per line; csv: with a header.",
)
@db_option
def edges_command(
    actor: str | None,
    relation: str | None,
    support_type: str | None,
    contested: bool,
    min_independent: int | None,
    since: object,
    limit: int | None,
    fmt: str,
    db: str,
) -> None:
    """List edges of the claim graph: all claims with one (source, relation, target[,
    support type]), with their outlets, independent outlets, affirmations and denials.

    Most independently corroborated first.

    \b
    Examples:
      proxygraph edges --actor "Rapid Support Forces"
      proxygraph edges --relation SUPPORTS --support-type weapons --min-independent 2
      proxygraph edges --contested --since 2024-01-01 --format csv > contested.csv
    """
    flt = EdgeFilter(
        actor=actor,
        relation=relation,
        support_type=support_type,
        contested=True if contested else None,
        min_independent=min_independent,
        since=since.strftime("%Y-%m-%d") if since is not None else None,  # type: ignore[attr-defined]
        limit=limit,
    )
    with store_session(db) as store:
        edges = store.edges(flt)
    render = {"table": edges_table, "json": edges_jsonl, "csv": edges_csv}[fmt]
    click.echo(render(edges), nl=fmt == "table")
