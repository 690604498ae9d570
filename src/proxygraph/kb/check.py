"""The KB linter behind `proxygraph kb check`: problems that validation per file cannot see."""

from __future__ import annotations

from collections import defaultdict

from proxygraph.kb.loader import KnowledgeBase


def check_kb(kb: KnowledgeBase) -> list[str]:
    """Every cross-file problem, each naming the file and key: dangling references,
    aliases shared by two actors, several primary agencies for one organ."""
    problems: list[str] = []
    for actor in kb.actors.values():
        where = f"{kb.origin[actor.id]}: {actor.id}"
        if actor.part_of and actor.part_of not in kb.actors:
            problems.append(f"{where}.part_of: unknown actor {actor.part_of!r}")
        for gov in actor.governed_by:
            if gov.actor not in kb.actors:
                problems.append(f"{where}.governed_by: unknown actor {gov.actor!r}")
        for office in actor.offices:
            if office.org not in kb.actors:
                problems.append(f"{where}.offices: unknown actor {office.org!r}")
        if actor.offices and actor.type != "PERSON":
            problems.append(f"{where}.offices: only a PERSON holds offices")
        if actor.organ and not actor.part_of:
            problems.append(f"{where}.organ: an organ needs part_of")
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in kb.actors.values():
        for alias in {actor.name, *actor.aliases, *actor.metonyms}:
            owners[alias.lower()].add(actor.id)
    for alias, ids in sorted(owners.items()):
        if len(ids) > 1:
            files = sorted({str(kb.origin[i]) for i in ids})
            owners = ", ".join(f"{i} ({kb.origin[i].name})" for i in sorted(ids))
            problems.append(f"{', '.join(files)}: alias {alias!r} is shared by {owners}")
    primaries: dict[tuple[str, str], list[str]] = defaultdict(list)
    for actor in kb.actors.values():
        if actor.primary and actor.part_of and actor.organ:
            primaries[(actor.part_of, actor.organ)].append(actor.id)
    for (owner, organ), ids in sorted(primaries.items()):
        if len(ids) > 1:
            problems.append(
                f"{kb.origin[ids[0]]}: {owner} has several primary {organ} agencies: "
                + ", ".join(sorted(ids))
            )
    return problems
