"""The claim store: documents, mentions, actors, claims and aggregated edges in SQL."""

from proxygraph.store.engine import DEFAULT_DB, database_url
from proxygraph.store.models import Actor, Edge, Evidence, LoadResult
from proxygraph.store.queries import EdgeFilter
from proxygraph.store.repository import Store

__all__ = [
    "DEFAULT_DB",
    "Actor",
    "Edge",
    "EdgeFilter",
    "Evidence",
    "LoadResult",
    "Store",
    "database_url",
]
