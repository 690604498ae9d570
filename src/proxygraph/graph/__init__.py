"""Across documents: actor resolution, near-duplicate grouping and edge aggregation.

Pure functions over plain values; the store (proxygraph.store) feeds them rows.
"""

from proxygraph.graph.actors import actor_key, normalise_name
from proxygraph.graph.aggregate import ClaimFact, EdgeKey, EdgeStats, aggregate, edge_keys
from proxygraph.graph.independence import count_independent, signature

__all__ = [
    "ClaimFact",
    "EdgeKey",
    "EdgeStats",
    "actor_key",
    "aggregate",
    "count_independent",
    "edge_keys",
    "normalise_name",
    "signature",
]
