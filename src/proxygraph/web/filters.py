"""Query-string filters shared by the API and the pages, validated by FastAPI.

An empty value (as an HTML form sends for a field left blank) means "no filter".
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import Query
from pydantic import BeforeValidator, Field, StringConstraints

from proxygraph.ontology import ontology
from proxygraph.web.data import DEFAULT_LIMIT, MAX_LIMIT, GraphFilter

_ONTOLOGY = ontology()
Relation = Enum("Relation", {r: r for r in sorted(_ONTOLOGY.relations)}, type=str)  # type: ignore[misc]
SupportType = Enum(  # type: ignore[misc]
    "SupportType", {s: s for s in sorted(_ONTOLOGY.support_types)}, type=str
)
Modality = Enum("Modality", {m: m for m in sorted(_ONTOLOGY.modalities)}, type=str)  # type: ignore[misc]

DATE = r"^\d{4}-\d{2}-\d{2}$"


def _blank_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


Blank = BeforeValidator(_blank_is_none)
# Constraints sit inside the optional type, so that a blank value (None) skips them.
Date = Annotated[str, StringConstraints(pattern=DATE)]
Text = Annotated[str, StringConstraints(max_length=300)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]
Limit = Annotated[int, Field(ge=1, le=MAX_LIMIT)]


def graph_filter(
    actor: Annotated[
        Text | None,
        Blank,
        Query(description="an actor's name, alias, KB id or key: its edges"),
    ] = None,
    relation: Annotated[Relation | None, Blank, Query(description="e.g. SUPPORTS")] = None,
    support_type: Annotated[
        SupportType | None, Blank, Query(description="SUPPORTS edges of this type")
    ] = None,
    modality: Annotated[
        Modality | None, Blank, Query(description="at least one claim with this modality")
    ] = None,
    claimant: Annotated[
        Text | None,
        Blank,
        Query(description="asserted or denied by this claimant (exact name)"),
    ] = None,
    since: Annotated[Date | None, Blank, Query(description="seen on or after (YYYY-MM-DD)")] = None,
    until: Annotated[
        Date | None, Blank, Query(description="seen on or before (YYYY-MM-DD)")
    ] = None,
    min_independent: Annotated[
        Count | None, Blank, Query(description="independent outlets, at least")
    ] = None,
    contested: Annotated[
        bool | None, Blank, Query(description="true: only contested; false: only uncontested")
    ] = None,
    limit: Annotated[
        Limit | None, Blank, Query(description="at most this many, best first")
    ] = DEFAULT_LIMIT,
) -> GraphFilter:
    """The filters of a graph, edge or claim query."""
    return GraphFilter(
        actor=actor,
        relation=relation.value if relation else None,
        support_type=support_type.value if support_type else None,
        modality=modality.value if modality else None,
        claimant=claimant,
        since=since,
        until=until,
        min_independent=min_independent,
        contested=contested,
        limit=limit if limit is not None else DEFAULT_LIMIT,
    )


def as_query(flt: GraphFilter) -> dict[str, str]:
    """The filter as query-string values (the ones set), for links and forms."""
    out: dict[str, str] = {}
    for name in ("actor", "relation", "support_type", "modality", "claimant", "since", "until"):
        value = getattr(flt, name)
        if value:
            out[name] = value
    if flt.min_independent is not None:
        out["min_independent"] = str(flt.min_independent)
    if flt.contested is not None:
        out["contested"] = "true" if flt.contested else "false"
    return out
