"""`proxygraph kb`: check and look up the knowledge base."""

from __future__ import annotations

from collections import Counter

import click

from proxygraph.cli.common import kb_option
from proxygraph.errors import ProxygraphError


@click.group("kb")
def kb_group() -> None:
    """Check and look up the knowledge base of actors and aliases."""


@kb_group.command("check")
@kb_option
def kb_check(kb_dirs: tuple[str, ...]) -> None:
    """Validate the KB files: shapes, dangling part_of, shared aliases.

    Exits 1 and names the file and key of each problem.

    \b
    Example:
      proxygraph kb check --kb my-actors/
    """
    from proxygraph.kb.check import check_kb
    from proxygraph.kb.loader import load_kb

    try:
        kb = load_kb(kb_dirs)
    except ProxygraphError as exc:
        raise click.ClickException(str(exc)) from exc
    problems = check_kb(kb)
    try:  # the word lists and patterns must load too
        from proxygraph.extract.patterns import load_patterns
        from proxygraph.nlp.lexicon import build_lexicon

        build_lexicon(kb)
        load_patterns()
    except ProxygraphError as exc:
        problems.append(str(exc))
    for problem in problems:
        click.echo(f"proxygraph: error: {problem}", err=True)
    counts = Counter(a.type for a in kb.actors.values())
    summary = ", ".join(f"{n} {t}" for t, n in sorted(counts.items()))
    click.echo(f"{len(kb.actors)} actors ({summary}); {len(problems)} problems")
    if problems:
        raise SystemExit(1)


@kb_group.command("show")
@click.argument("name")
@kb_option
def kb_show(name: str, kb_dirs: tuple[str, ...]) -> None:
    """Show the actors whose id, name or alias is NAME (case-insensitive).

    \b
    Example:
      proxygraph kb show ISKP
    """
    from proxygraph.kb.loader import load_kb

    try:
        kb = load_kb(kb_dirs)
    except ProxygraphError as exc:
        raise click.ClickException(str(exc)) from exc
    wanted = name.lower()
    hits = [
        a
        for a in kb.actors.values()
        if wanted in {a.id, a.name.lower(), *(x.lower() for x in a.aliases + a.metonyms)}
    ]
    if not hits:
        raise click.ClickException(f"no actor named {name!r}")
    for actor in hits:
        click.echo(f"{actor.id}: {actor.name} [{actor.type}]  ({kb.origin[actor.id]})")
        for key in ("aliases", "demonyms", "metonyms", "part_of", "organ", "country", "wikidata"):
            value = getattr(actor, key)
            if value:
                click.echo(f"  {key}: {', '.join(value) if isinstance(value, list) else value}")
