"""The filters' choices: ontology values, the claimants seen and the documents' dates."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from proxygraph.ontology import ontology
from proxygraph.store import Store
from proxygraph.store.tables import claims, documents


def facets(store: Store, *, max_claimants: int = 500) -> dict[str, Any]:
    """The choices of the filters: ontology values, claimants seen, the date range."""
    onto = ontology()
    n = sa.func.count().label("n")
    with store.engine.connect() as conn:
        claimants = conn.execute(
            sa.select(claims.c.claimant, n)
            .group_by(claims.c.claimant)
            .order_by(n.desc(), claims.c.claimant)
            .limit(max_claimants)
        ).all()
        first, last = conn.execute(
            sa.select(sa.func.min(documents.c.date), sa.func.max(documents.c.date))
        ).one()
    return {
        "relations": sorted(onto.relations),
        "support_types": sorted(onto.support_types),
        "modalities": sorted(onto.modalities),
        "polarities": sorted(onto.polarities),
        "actor_types": sorted(onto.actor_types),
        "claimants": sorted({r.claimant for r in claimants}, key=str.casefold),
        "first_date": first,
        "last_date": last,
    }
