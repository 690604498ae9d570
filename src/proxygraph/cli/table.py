"""Human-readable rendering of a proxygraph.doc/1 record."""

from __future__ import annotations

from typing import Any


def _claim_line(claim: dict[str, Any]) -> str:
    src, tgt = claim["source"]["name"], claim["target"]["name"]
    attrs = [claim["polarity"], claim["modality"]]
    for key in ("support_type", "kind", "role", "time"):
        value = claim.get(key)
        if value:
            attrs.append(f"{key}={','.join(value) if isinstance(value, list) else value}")
    who = claim["claimant"]["name"] or "?"
    return (
        f"  {src} -[{claim['relation']}]-> {tgt}  ({'; '.join(attrs)}; by {who}) [{claim['rule']}]"
    )


def render_record(record: dict[str, Any]) -> str:
    """A plain-text block: the document, its actors and its claims."""
    lines = [f"== {record['doc_id']}  {record['source']}  {record.get('date') or ''}".rstrip()]
    actors: dict[tuple[str, str], list[str]] = {}
    for m in record["mentions"]:
        key = (m["actor"] or m["text"], m["type"])
        actors.setdefault(key, [])
        if m["text"] not in actors[key]:
            actors[key].append(m["text"])
    lines.append(f"actors ({len(actors)}):")
    for (name, typ), surfaces in actors.items():
        also = [s for s in surfaces if s != name]
        lines.append(f"  {typ:<17} {name}" + (f"  <- {', '.join(also)}" if also else ""))
    lines.append(f"claims ({len(record['claims'])}):")
    lines.extend(_claim_line(c) for c in record["claims"])
    return "\n".join(lines)
