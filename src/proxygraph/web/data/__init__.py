"""What the web app reads from the store, beyond the Store API: filtered graphs
(edge_queries), actors (actor_queries), documents with their mentions and claims
(document_queries), claims over time (claim_queries), places (place_queries) and the
filters' choices (facet_queries); display holds the text helpers they share. This module
holds what they all take or raise: the filter and NotFound.

Everything here only reads (SELECT through the store's engine). Text from documents is
returned as data and escaped where it is shown (templates autoescape; the scripts set
textContent), never turned into markup here.
"""

from __future__ import annotations

from dataclasses import dataclass

from proxygraph.errors import StoreError

# Filters that the store cannot apply in SQL (modality, claimant, until) are applied here to
# at most this many of the best corroborated edges that match the others.
SCAN_LIMIT = 50_000
DEFAULT_LIMIT = 500
MAX_LIMIT = 5_000


class NotFound(StoreError):
    """Nothing in the store under that id or name."""


@dataclass(frozen=True)
class GraphFilter:
    """Which edges (or claims) to show; None matches all.

    actor (str | None): a name, alias, KB id or actor key; edges from or to it.
    relation, support_type, modality (str | None): ontology values.
    claimant (str | None): who asserts or denies it (exact name, any case).
    since, until (str | None): dates YYYY-MM-DD; edges seen within the range (undated
        edges are left out when a date is given).
    min_independent (int | None): at least this many independent outlets.
    contested (bool | None): only contested (True) or uncontested (False) edges.
    limit (int): at most this many, the best corroborated first.
    """

    actor: str | None = None
    relation: str | None = None
    support_type: str | None = None
    modality: str | None = None
    claimant: str | None = None
    since: str | None = None
    until: str | None = None
    min_independent: int | None = None
    contested: bool | None = None
    limit: int = DEFAULT_LIMIT
